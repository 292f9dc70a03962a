// Grades a publish request (docs/domain.md §3.2 step 2, run by the worker): New → Processing,
// the criteria of §3.3, then On approval with the grade and its breakdown.
import "server-only";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { gradeCriteria } from "@/lib/requests/criteria";
import { runCriteria } from "@/lib/requests/criteria/run-criteria";
import { transitionRequest } from "@/lib/requests/transition-request";

export type GradeOutcome = { graded: true; grade: number } | { graded: false; reason: "already-graded" };

/**
 * Idempotent: a request already past New (graded, or closed before grading) is left alone.
 * Both transitions and the notification share the caller's transaction.
 */
export async function gradePublishRequest(tx: DbClient, requestId: number): Promise<GradeOutcome> {
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      type: true,
      status: true,
      applicantId: true,
      expectedDate: true,
      release: {
        select: { id: true, title: true, artistId: true, tracks: { select: { genre: true, position: true }, orderBy: { position: "asc" } } },
      },
    },
  });
  if (!request || request.type !== "PUBLISH_RELEASE" || !request.release || !request.expectedDate) {
    throw new NotFoundError(`Publish request ${requestId} not found`);
  }
  if (request.status !== "NEW") return { graded: false, reason: "already-graded" };

  await transitionRequest(tx, { requestId, action: "startGrading", actor: "system", reason: "Grading started" });
  const { grade, breakdown } = await runCriteria(gradeCriteria, {
    tx,
    requestId,
    release: request.release,
    artistId: request.release.artistId,
    expectedDate: request.expectedDate,
  });
  await transitionRequest(tx, {
    requestId,
    action: "finishGrading",
    actor: "system",
    reason: `Graded ${grade} of 0`,
    data: { grade, gradeBreakdown: breakdown },
  });
  await notify(tx, {
    userId: request.applicantId,
    requestId,
    message: `Your publish request for "${request.release.title}" was graded ${grade} of 0 and now waits for your manager's decision.`,
  });
  return { graded: true, grade };
}
