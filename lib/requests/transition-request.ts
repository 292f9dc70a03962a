// Applies one guarded transition with its history entry. Call inside the transaction that
// also carries the transition's side effects, so all of it commits or none does.
import "server-only";
import { recordAudit, type AuditAction } from "@/lib/audit/record-audit";
import type { DbClient } from "@/lib/db";
import { ConflictError, ForbiddenError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { requestTransitions } from "@/lib/observability/transition-metrics";
import { REQUEST_CHANGED_MEANWHILE } from "@/lib/requests/reassignment-rule";
import { authorizeTransition, statusLabels, transitions, type RequestAction, type RequestViewer } from "@/lib/requests/state-machine";

export type TransitionInput = {
  requestId: number;
  action: RequestAction;
  /** The person acting, or the worker ("system"); the state machine decides if they may. */
  actor: RequestViewer | "system";
  /** For the system acting because of a person's action (an admin's appointment): who the history names. */
  onBehalfOf?: number;
  reason?: string | null;
  /** Extra columns written together with the status (manager, grade, …). */
  data?: Prisma.RequestUncheckedUpdateManyInput;
};

export const REQUEST_NOT_FOUND = "Request not found";

/**
 * Checks the actor through the state machine, then updates conditionally on the status it
 * read, so a repeated message or a second click that lost the race changes nothing and gets
 * a ConflictError. Returns the request as it is after the transition.
 */
export async function transitionRequest(tx: DbClient, input: TransitionInput) {
  const transition = transitions[input.action];
  const current = await tx.request.findUnique({
    where: { id: input.requestId },
    select: { id: true, type: true, status: true, applicantId: true, managerId: true },
  });
  if (!current) throw new NotFoundError(REQUEST_NOT_FOUND);
  const verdict = authorizeTransition(current, input.actor, input.action);
  if (verdict === "hidden") throw new NotFoundError(REQUEST_NOT_FOUND);
  if (verdict === "not-yours") throw new ForbiddenError();
  if (verdict === "moved-on") throw new ConflictError(alreadyMovedMessage(current.status));
  const managerId = input.data?.managerId;
  // null: the request leaves its manager without another (back to waiting, docs/domain.md §10).
  const movesManager = (typeof managerId === "number" || managerId === null) && managerId !== current.managerId;
  // A decision by the assigned manager counts only while they still are, and a new manager is
  // written only over the one read: the admin may have reassigned it meanwhile (docs/domain.md §10).
  const managerBound = managerId !== undefined || (input.actor !== "system" && transition.by.includes("manager"));
  const updated = await tx.request.updateMany({
    where: { id: input.requestId, status: current.status, ...(managerBound ? { managerId: current.managerId } : {}) },
    data: {
      ...input.data,
      status: transition.to,
      ...(transition.resolution ? { resolution: transition.resolution, resolutionReason: input.reason ?? null } : {}),
    },
  });
  if (updated.count !== 1) {
    // Another transaction moved it between the read and the update: name where it is now.
    const now = await tx.request.findUnique({ where: { id: input.requestId }, select: { status: true, managerId: true } });
    if (now && now.status === current.status && now.managerId !== current.managerId) throw new ConflictError(REQUEST_CHANGED_MEANWHILE);
    throw new ConflictError(alreadyMovedMessage(now?.status ?? current.status));
  }
  await tx.requestHistory.create({
    data: {
      requestId: input.requestId,
      fromStatus: current.status,
      toStatus: transition.to,
      toResolution: transition.resolution ?? null,
      actorId: input.actor === "system" ? (input.onBehalfOf ?? null) : input.actor.id,
      reason: input.reason ?? null,
      // An assignment names the manager it went to (and the one it left, if any); a return to
      // waiting names the one it left.
      ...(movesManager ? { fromManagerId: current.managerId, toManagerId: managerId } : {}),
    },
  });
  // A person's decision is audited with it (docs/domain.md §10); the worker's steps are not.
  const audited = input.actor === "system" ? undefined : auditedActions[input.action];
  if (audited && input.actor !== "system") {
    await recordAudit(tx, {
      actorId: input.actor.id,
      action: audited,
      targetType: "request",
      targetId: input.requestId,
      detail: { type: current.type, from: current.status, to: transition.to, ...(input.reason ? { reason: input.reason } : {}) },
    });
  }
  requestTransitions.inc({ type: current.type, action: input.action });
  return tx.request.findUniqueOrThrow({ where: { id: input.requestId } });
}

const auditedActions: Partial<Record<RequestAction, AuditAction>> = {
  accept: "request.accept",
  decline: "request.decline",
  requestChanges: "request.request-changes",
  resubmit: "request.resubmit",
  withdraw: "request.withdraw",
};

function alreadyMovedMessage(status: RequestStatus): string {
  return `This request has already moved on (it is ${statusLabels[status]}); reload to see its current state.`;
}
