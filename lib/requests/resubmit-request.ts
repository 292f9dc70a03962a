// Resubmit (docs/domain.md §9 "Request changes"): the applicant amends a request whose changes
// were requested — a sign request's nickname and message, a publish request's expected date, each
// under the rules of submitting — and it returns to New. In the same transaction the worker's work
// is enqueued again as after a submission: a sign request goes back to its manager (the
// assignment keeps it), a publish request is graded afresh (its old grade is cleared) and its
// deadline follows the new date. A sign request's deadline never moves.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { formatDay, systemClock, type Clock } from "@/lib/clock";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import { publishRequestGradingDue, signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { lockOwnRelease } from "@/lib/releases/lock-own-release";
import { requestExpiresAt, scheduleDeadline } from "@/lib/requests/deadline";
import { checkPublicationDate, INACTIVE_ARTIST_MESSAGE } from "@/lib/requests/publish/submit-publish-request";
import type { Amendment } from "@/lib/requests/schemas";
import { checkNicknameAvailable, NICKNAME_TAKEN } from "@/lib/requests/sign/submit-sign-request";
import { typeLabels } from "@/lib/requests/state-machine";
import { REQUEST_NOT_FOUND, transitionRequest } from "@/lib/requests/transition-request";

type Before = { nickname: string | null; message: string | null; expectedDate: Date | null };

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function resubmitRequest(
  actor: SessionUser,
  requestId: number,
  amendment: Amendment,
  clock: Clock = systemClock,
  db: Db | DbClient = prisma,
): Promise<void> {
  try {
    await inTransaction(db, async (tx) => {
      // Read only to describe the round in the history; the transition decides who may act.
      const before = await tx.request.findUnique({ where: { id: requestId }, select: { nickname: true, message: true, expectedDate: true } });
      const request = await transitionRequest(tx, {
        requestId,
        action: "resubmit",
        actor,
        reason: before ? describeAmendment(before, amendment) : null,
      });
      // A form of the other type, posted by hand.
      if (request.type !== amendment.type) throw new NotFoundError(REQUEST_NOT_FOUND);

      if (amendment.type === "SIGN_CONTRACT") {
        await checkNicknameAvailable(tx, amendment.nickname, { exceptRequestId: requestId });
        await tx.request.update({ where: { id: requestId }, data: { nickname: amendment.nickname, message: amendment.message } });
        await enqueueEvent(tx, signRequestAssignmentDue, { requestId, attempt: 0 });
      } else {
        await amendPublishRequest(tx, actor, { id: requestId, releaseId: request.releaseId as number }, amendment.expectedDate, clock);
      }

      // Both types have a manager by now: the request came from On approval.
      const manager = await tx.manager.findUniqueOrThrow({ where: { id: request.managerId as number }, select: { userId: true } });
      await notify(tx, {
        userId: manager.userId,
        requestId,
        message: `${actor.name} amended their ${typeLabels[request.type].toLowerCase()} request #${requestId} and resubmitted it.`,
      });
    });
  } catch (error) {
    // Another sign request took the nickname between the check and the write: the unique index decides.
    if (amendment.type === "SIGN_CONTRACT" && isUniqueViolation(error)) throw new DomainError(NICKNAME_TAKEN, { field: "nickname" });
    throw error;
  }
}

/**
 * The publish side: the artist still active and the date under the rules of submitting. The
 * release is locked so that an edit of its tracks (allowed while changes are requested) and the
 * resubmission run one after the other, and the grading sees the tracks as they end up.
 */
async function amendPublishRequest(tx: DbClient, actor: SessionUser, request: { id: number; releaseId: number }, expectedDate: Date, clock: Clock) {
  const artist = await tx.artist.findUnique({ where: { userId: actor.id }, select: { id: true, active: true, contractDueDate: true } });
  if (!artist) throw new ForbiddenError();
  if (!artist.active) throw new DomainError(INACTIVE_ARTIST_MESSAGE);
  await lockOwnRelease(tx, artist.id, request.releaseId);
  checkPublicationDate(expectedDate, artist.contractDueDate, clock.now());
  const amended = await tx.request.update({
    where: { id: request.id },
    data: { expectedDate, grade: null, gradeBreakdown: Prisma.DbNull },
    select: { type: true, createdAt: true, expectedDate: true },
  });
  await enqueueEvent(tx, publishRequestGradingDue, { requestId: request.id });
  await scheduleDeadline(tx, { requestId: request.id, expiresAt: requestExpiresAt(amended) }, clock);
}

/** The history entry of the round: what the applicant changed. */
function describeAmendment(before: Before, amendment: Amendment): string {
  const changes: string[] = [];
  if (amendment.type === "SIGN_CONTRACT") {
    if (before.nickname !== amendment.nickname) changes.push(`nickname "${before.nickname ?? ""}" → "${amendment.nickname}"`);
    if (before.message !== amendment.message) changes.push("message changed");
  } else if (before.expectedDate && before.expectedDate.getTime() !== amendment.expectedDate.getTime()) {
    changes.push(`publication date ${formatDay(before.expectedDate)} → ${formatDay(amendment.expectedDate)}`);
  }
  return changes.length ? `Resubmitted with changes: ${changes.join("; ")}` : "Resubmitted by the applicant";
}
