// Grades a publish request (docs/domain.md §3.2 step 2, run by the worker): New → Processing,
// the criteria of §3.3, then On approval with the grade and its breakdown.
import "server-only";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { gradeCriteria } from "@/lib/requests/criteria";
import type { GradingSubject } from "@/lib/requests/criteria/criterion";
import { runCriteria } from "@/lib/requests/criteria/run-criteria";
import { transitionRequest } from "@/lib/requests/transition-request";

export type GradeOutcome = { graded: true; grade: number } | { graded: false; reason: "already-graded" };

/** What grading reads of a request (one at a time and in the worker's batch). */
export const gradedRequestSelect = {
  id: true,
  type: true,
  status: true,
  applicantId: true,
  managerId: true,
  expectedDate: true,
  release: {
    select: { id: true, title: true, artistId: true, tracks: { select: { genre: true, position: true }, orderBy: { position: "asc" } } },
  },
} as const;

type GradedRequest = {
  id: number;
  type: string;
  release: { id: number; title: string; artistId: number; tracks: { genre: string; position: number }[] } | null;
  expectedDate: Date | null;
};

export function publishRequestNotFound(requestId: number): NotFoundError {
  return new NotFoundError(`Publish request ${requestId} not found`);
}

/** The request as the criteria see it; one that is not a publish request with its release and date is not found. */
export function gradingSubject(request: GradedRequest): GradingSubject {
  if (request.type !== "PUBLISH_RELEASE" || !request.release || !request.expectedDate) throw publishRequestNotFound(request.id);
  return { requestId: request.id, release: request.release, artistId: request.release.artistId, expectedDate: request.expectedDate };
}

/** The history reasons of the two transitions. */
export const GRADING_STARTED = "Grading started";
export const gradedReason = (grade: number) => `Graded ${grade} of 0`;

/** What the applicant is told once graded. */
export function gradedNotice(applicantId: number, subject: GradingSubject, grade: number) {
  return {
    userId: applicantId,
    requestId: subject.requestId,
    message: `Your publish request for "${subject.release.title}" was graded ${grade} of 0 and now waits for your manager's decision.`,
  };
}

/**
 * Idempotent: a request already past New (graded, or closed before grading) is left alone.
 * Both transitions and the notification share the caller's transaction.
 */
export async function gradePublishRequest(tx: DbClient, requestId: number): Promise<GradeOutcome> {
  const request = await tx.request.findUnique({ where: { id: requestId }, select: gradedRequestSelect });
  if (!request) throw publishRequestNotFound(requestId);
  const subject = gradingSubject(request);
  if (request.status !== "NEW") return { graded: false, reason: "already-graded" };

  await transitionRequest(tx, { requestId, action: "startGrading", actor: "system", reason: GRADING_STARTED });
  const { grade, breakdown } = (await runCriteria(gradeCriteria, tx, [subject]))[0]!;
  await transitionRequest(tx, {
    requestId,
    action: "finishGrading",
    actor: "system",
    reason: gradedReason(grade),
    data: { grade, gradeBreakdown: breakdown },
  });
  await notify(tx, gradedNotice(request.applicantId, subject, grade));
  return { graded: true, grade };
}
