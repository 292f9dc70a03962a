// Grades a run of publish requests (docs/domain.md §3.2 step 2) that the worker took from its
// backlog in one transaction (decision 020): one read of the requests, each criterion's facts
// read once for the run, the grades judged in memory by the same rules, and the writes as a few
// set-based statements — the same results as `gradePublishRequest` for each one after the other.
import "server-only";
import type { DbClient } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { notifyMany } from "@/lib/notifications/notify";
import { requestTransitions } from "@/lib/observability/transition-metrics";
import { gradeCriteria } from "@/lib/requests/criteria";
import type { GradingSubject } from "@/lib/requests/criteria/criterion";
import { runCriteria, type Grading } from "@/lib/requests/criteria/run-criteria";
import {
  GRADING_STARTED,
  gradedNotice,
  gradedReason,
  gradedRequestSelect,
  gradingSubject,
  publishRequestNotFound,
  type GradeOutcome,
} from "@/lib/requests/publish/grade-publish-request";
import { authorizeTransition, canTransition, transitions } from "@/lib/requests/state-machine";

type ToGrade = { subject: GradingSubject; applicantId: number };

/**
 * The outcome for each id, in order: a request that is not New (graded earlier, in this run
 * too, or closed) is skipped; an unknown one throws NotFoundError as one at a time does. Throws
 * a ConflictError when a request moved between the read and the write (a withdrawal): the
 * caller then rolls back and grades the events one at a time, where each gets today's handling.
 */
export async function gradePublishRequests(tx: DbClient, requestIds: readonly number[]): Promise<GradeOutcome[]> {
  if (requestIds.length === 0) return [];
  const requests = await tx.request.findMany({ where: { id: { in: [...new Set(requestIds)] } }, select: gradedRequestSelect });
  const byId = new Map(requests.map((request) => [request.id, request]));
  const graded = new Set<number>();
  const toGrade: ToGrade[] = [];
  const positions: (number | null)[] = [];
  for (const requestId of requestIds) {
    const request = byId.get(requestId);
    if (!request) throw publishRequestNotFound(requestId);
    const subject = gradingSubject(request);
    if (graded.has(requestId) || !canTransition(request.type, request.status, "startGrading")) {
      positions.push(null);
      continue;
    }
    // Both steps checked by the state machine, the second from where the first leaves it.
    if (
      authorizeTransition(request, "system", "startGrading") !== "allowed" ||
      authorizeTransition({ ...request, status: transitions.startGrading.to }, "system", "finishGrading") !== "allowed"
    ) {
      throw new ConflictError(`Publish request ${requestId} cannot be graded`);
    }
    graded.add(requestId);
    positions.push(toGrade.length);
    toGrade.push({ subject, applicantId: request.applicantId });
  }
  // The criteria read publications and statistics, which no grading writes: the facts read now
  // are what each grading one after the other would read (decision 020).
  const gradings = await runCriteria(gradeCriteria, tx, toGrade.map(({ subject }) => subject));
  await writeGradings(tx, toGrade, gradings);
  return positions.map((position) =>
    position === null ? { graded: false, reason: "already-graded" } : { graded: true, grade: gradings[position]!.grade },
  );
}

/** New → Processing → On approval for each, with both history entries and the applicant told: what the two `transitionRequest`s and `notify` write, in three statements. */
async function writeGradings(tx: DbClient, toGrade: readonly ToGrade[], gradings: readonly Grading[]) {
  if (toGrade.length === 0) return;
  const start = transitions.startGrading;
  const finish = transitions.finishGrading;
  const ids = toGrade.map(({ subject }) => subject.requestId);
  // Written only over what was read (New), as transitionRequest does one at a time; the
  // Processing in between is never seen outside the transaction, so one UPDATE ends in On approval.
  const updated = await tx.$executeRaw`
    UPDATE "Request" AS r
    SET "status" = ${finish.to}::"RequestStatus", "grade" = g."grade", "gradeBreakdown" = g."breakdown"::jsonb, "updatedAt" = ${new Date()}
    FROM unnest(${ids}::int[], ${gradings.map(({ grade }) => grade)}::int[], ${gradings.map(({ breakdown }) => JSON.stringify(breakdown))}::text[])
      AS g("id", "grade", "breakdown")
    WHERE r."id" = g."id" AND r."status" = 'NEW'::"RequestStatus"`;
  if (updated !== toGrade.length) throw new ConflictError("A publish request of the batch moved on meanwhile");
  // In the order one at a time writes them: each request's two entries together.
  await tx.requestHistory.createMany({
    data: toGrade.flatMap(({ subject }, index) => [
      { requestId: subject.requestId, fromStatus: "NEW" as const, toStatus: start.to, toResolution: null, actorId: null, reason: GRADING_STARTED },
      {
        requestId: subject.requestId,
        fromStatus: start.to,
        toStatus: finish.to,
        toResolution: null,
        actorId: null,
        reason: gradedReason(gradings[index]!.grade),
      },
    ]),
  });
  await notifyMany(tx, toGrade.map(({ subject, applicantId }, index) => gradedNotice(applicantId, subject, gradings[index]!.grade)));
  for (let i = 0; i < toGrade.length; i += 1) {
    requestTransitions.inc({ type: "PUBLISH_RELEASE", action: "startGrading" });
    requestTransitions.inc({ type: "PUBLISH_RELEASE", action: "finishGrading" });
  }
}
