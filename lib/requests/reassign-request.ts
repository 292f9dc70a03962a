// The admin reassigns an open sign request to another manager (docs/domain.md §10 "All requests"):
// one transaction moves it — only if it is still as the admin saw it (open, with the same manager)
// — writes its history entry with the admin's reason, and tells both managers and the applicant.
// A request still waiting for its first manager is assigned instead (§3.1 step 2, the admin's choice).
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma, type DbClient } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { listManagerChoices, lockHandOverTarget, type ManagerChoice } from "@/lib/requests/manager-choices";
import { isOpen } from "@/lib/requests/open-request";
import { handOverBlocker, handOverEntry, isReassignable, mayMoveWork, NOT_REASSIGNABLE, REQUEST_CHANGED_MEANWHILE } from "@/lib/requests/reassignment-rule";
import { assignToManager, lockAssignments } from "@/lib/requests/sign/assign-sign-request";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import type { RequestParties, RequestViewer } from "@/lib/requests/state-machine";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";

export const REQUEST_CLOSED_MEANWHILE = "This request is closed now (decided, withdrawn or expired meanwhile); it can no longer be reassigned.";

export type ReassignInput = {
  requestId: number;
  /** The manager to take it over. */
  managerId: number;
  /** The manager the admin saw on the request (null: none yet); anything else now is a race lost. */
  currentManagerId: number | null;
  /** Shown in the request's history, to the applicant too (1–2000 characters, checked by the form's schema). */
  reason: string;
};

export type Reassigned = { requestId: number; managerName: string; assigned: boolean };

export async function reassignRequest(actor: SessionUser, input: ReassignInput): Promise<Reassigned> {
  if (!mayMoveWork(actor)) throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    // One at a time with the worker's assignments and other reassignments.
    await lockAssignments(tx);
    const request = await tx.request.findUnique({
      where: { id: input.requestId },
      select: { id: true, type: true, status: true, managerId: true, applicantId: true, nickname: true, manager: { select: { userId: true } } },
    });
    if (!request) throw new NotFoundError(REQUEST_NOT_FOUND);
    if (request.managerId !== input.currentManagerId) throw new ConflictError(REQUEST_CHANGED_MEANWHILE);
    if (!isReassignable(request)) {
      if (request.type === "SIGN_CONTRACT" && !isOpen(request.status)) throw new ConflictError(REQUEST_CLOSED_MEANWHILE);
      throw new DomainError(NOT_REASSIGNABLE);
    }
    const target = await lockHandOverTarget(tx, input.managerId);
    const blocker = handOverBlocker(request.managerId, target);
    if (blocker || !target) throw new DomainError(blocker ?? NOT_REASSIGNABLE, { field: "managerId" });

    if (request.managerId === null) {
      // Still waiting for the worker (New, no manager): the admin's choice is its assignment.
      await assignToManager(tx, request, target.managerId, input.reason, { onBehalfOf: actor.id });
      await auditReassignment(tx, actor.id, request, target.managerId, input.reason);
      return { requestId: request.id, managerName: target.name, assigned: true };
    }

    const handedOver = await handOverSignRequest(tx, { ...request, managerId: request.managerId }, target, { actorId: actor.id, reason: input.reason });
    if (!handedOver) throw new ConflictError(REQUEST_CHANGED_MEANWHILE);
    await auditReassignment(tx, actor.id, request, target.managerId, input.reason);
    return { requestId: request.id, managerName: target.name, assigned: false };
  });
}

/**
 * Moves an open sign request, as read, from its manager to `target` in the caller's transaction
 * (which holds the assignment lock): the history entry with `move.reason`; the new manager, the
 * applicant and the manager it leaves (when `request.manager` is given) told. False, changing nothing, when it is no longer as read. The admin's
 * reassignment and the redistribution of a deactivated manager's work (docs/domain.md §10) use it.
 */
export async function handOverSignRequest(
  tx: DbClient,
  request: { id: number; status: RequestStatus; managerId: number; applicantId: number; nickname: string | null; manager: { userId: number } | null },
  target: { managerId: number; userId: number; name: string },
  move: { actorId: number | null; reason: string },
): Promise<boolean> {
  // Conditional on the status and manager read: a decision, withdrawal or expiry that got there
  // first leaves it alone (the assignment lock already keeps other reassignments out).
  const moved = await tx.request.updateMany({
    where: { id: request.id, status: request.status, managerId: request.managerId },
    data: { managerId: target.managerId },
  });
  if (moved.count !== 1) return false;
  await tx.requestHistory.create({ data: handOverEntry(request, { actorId: move.actorId, reason: move.reason, toManagerId: target.managerId }) });
  const from = `request #${request.id} ("${request.nickname}")`;
  if (request.manager) {
    await notify(tx, { userId: request.manager.userId, requestId: request.id, message: `The label reassigned ${from} to ${target.name}: ${move.reason}` });
  }
  await notify(tx, { userId: target.userId, requestId: request.id, message: `The label reassigned ${from} to you: ${move.reason}` });
  await notify(tx, { userId: request.applicantId, requestId: request.id, message: `Your request to join the label is now with ${target.name}.` });
  return true;
}

/** What the request page offers the admin: the managers to choose from, or null when it offers nothing. */
export type ReassignmentOffer = { currentManagerId: number | null; choices: ManagerChoice[] };

export async function reassignmentOffer(viewer: RequestViewer, request: RequestParties): Promise<ReassignmentOffer | null> {
  if (!mayMoveWork(viewer) || !isReassignable(request)) return null;
  return { currentManagerId: request.managerId, choices: await listManagerChoices({ except: request.managerId }) };
}

function auditReassignment(tx: DbClient, actorId: number, request: { id: number; managerId: number | null }, toManagerId: number, reason: string) {
  return recordAudit(tx, {
    actorId,
    action: "request.reassign",
    targetType: "request",
    targetId: request.id,
    detail: { fromManagerId: request.managerId, toManagerId, reason },
  });
}
