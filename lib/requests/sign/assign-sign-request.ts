// Proceed to manager (docs/domain.md §3.1 step 2), run by the worker: New → On approval. A
// request resubmitted after changes (§9) goes back to the manager it already has.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { notify } from "@/lib/notifications/notify";
import { loadManagerLoads, pickManager } from "@/lib/requests/sign/choose-manager";
import { nextAssignmentAttemptAt } from "@/lib/requests/timing";
import { transitionRequest } from "@/lib/requests/transition-request";

// Serializes assignments across workers so two requests never both see the same
// "least loaded" manager.
const ASSIGNMENT_LOCK_KEY = 72_707_370;

export type AssignmentOutcome = "assigned" | "no-manager" | "skipped";

/** The history's reason for the worker's fair choice. */
export const ASSIGNED_BY_LIGHTEST_QUEUE = "Manager chosen by the lightest queue";

/**
 * Taken by every assignment until its transaction ends: the worker's, and the admin's
 * reassignment (docs/domain.md §10), so neither decides on a request the other is moving.
 */
export async function lockAssignments(tx: DbClient): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ASSIGNMENT_LOCK_KEY})`;
}

export async function assignSignRequest(tx: DbClient, requestId: number, attempt: number, clock: Clock = systemClock): Promise<AssignmentOutcome> {
  await lockAssignments(tx);
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { id: true, type: true, status: true, managerId: true, applicantId: true, nickname: true },
  });
  // A repeated or stale message: the request was assigned, withdrawn or expired meanwhile.
  if (!request || request.type !== "SIGN_CONTRACT" || request.status !== "NEW") return "skipped";
  if (request.managerId !== null) return returnToManager(tx, { ...request, managerId: request.managerId });

  const managerId = pickManager(await loadManagerLoads(tx));
  if (managerId === null) {
    await enqueueEvent(tx, signRequestAssignmentDue, { requestId, attempt: attempt + 1 }, { availableAt: nextAssignmentAttemptAt(clock.now(), attempt) });
    return "no-manager";
  }
  await assignToManager(tx, request, managerId, ASSIGNED_BY_LIGHTEST_QUEUE);
  return "assigned";
}

/**
 * New → On approval with `managerId`, and the applicant and that manager told. The worker calls
 * it with the manager the fair choice picked; the demo seed (prisma/demo-requests.ts) with the
 * demo manager whose queue it fills, naming that in `reason`; the admin's reassignment of a
 * request still waiting for a manager with the admin's choice, on their behalf (`onBehalfOf`).
 */
export async function assignToManager(
  tx: DbClient,
  request: { id: number; applicantId: number; nickname: string | null },
  managerId: number,
  reason: string,
  { onBehalfOf }: { onBehalfOf?: number } = {},
): Promise<void> {
  await transitionRequest(tx, { requestId: request.id, action: "assign", actor: "system", onBehalfOf, reason, data: { managerId } });
  const manager = await tx.manager.findUniqueOrThrow({ where: { id: managerId }, select: { userId: true, user: { select: { name: true } } } });
  for (const notice of assignmentNotices(request, { userId: manager.userId, name: manager.user.name })) await notify(tx, notice);
}

/** Who is told of an assignment, and what: the applicant, then the manager. */
export function assignmentNotices(
  request: { id: number; applicantId: number; nickname: string | null },
  manager: { userId: number; name: string },
): { userId: number; requestId: number; message: string }[] {
  return [
    { userId: request.applicantId, requestId: request.id, message: `Your request to join the label is now with ${manager.name} for approval.` },
    { userId: manager.userId, requestId: request.id, message: `New request to join the label from "${request.nickname}" is waiting for your decision.` },
  ];
}

/**
 * A resubmitted request keeps its manager (docs/domain.md §9), who was told of the resubmission
 * already; the applicant learns it is back on approval.
 */
async function returnToManager(tx: DbClient, request: { id: number; applicantId: number; managerId: number }): Promise<AssignmentOutcome> {
  await transitionRequest(tx, {
    requestId: request.id,
    action: "assign",
    actor: "system",
    reason: "Back with its manager after the changes",
    data: { managerId: request.managerId },
  });
  const manager = await tx.manager.findUniqueOrThrow({ where: { id: request.managerId }, select: { user: { select: { name: true } } } });
  await notify(tx, {
    userId: request.applicantId,
    requestId: request.id,
    message: `Your amended request to join the label is back with ${manager.user.name} for approval.`,
  });
  return "assigned";
}
