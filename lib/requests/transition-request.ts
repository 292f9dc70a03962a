// Applies one guarded transition with its history entry. Call inside the transaction that
// also carries the transition's side effects, so all of it commits or none does.
import "server-only";
import type { DbClient } from "@/lib/db";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolutionLabels, statusLabels, transitions, type RequestAction } from "@/lib/requests/state-machine";

export type TransitionInput = {
  requestId: number;
  action: RequestAction;
  /** The person acting; null for the worker ("system"). */
  actorId: number | null;
  reason?: string | null;
  /** Extra columns written together with the status (manager, grade, …). */
  data?: Prisma.RequestUncheckedUpdateManyInput;
};

/**
 * The update is conditional on the current status, so a repeated message or a second
 * click that lost the race changes nothing and gets a ConflictError.
 */
export async function transitionRequest(tx: DbClient, input: TransitionInput) {
  const transition = transitions[input.action];
  const current = await tx.request.findUnique({ where: { id: input.requestId }, select: { id: true, type: true, status: true } });
  if (!current) throw new NotFoundError("Request not found");
  if (!transition.types.includes(current.type) || !transition.from.includes(current.status)) {
    throw new ConflictError(alreadyMovedMessage(current.status));
  }
  const updated = await tx.request.updateMany({
    where: { id: input.requestId, status: current.status },
    data: {
      ...input.data,
      status: transition.to,
      ...(transition.resolution ? { resolution: transition.resolution, resolutionReason: input.reason ?? null } : {}),
    },
  });
  if (updated.count !== 1) throw new ConflictError(alreadyMovedMessage(current.status));
  await tx.requestHistory.create({
    data: {
      requestId: input.requestId,
      fromStatus: current.status,
      toStatus: transition.to,
      toResolution: transition.resolution ?? null,
      actorId: input.actorId,
      reason: input.reason ?? null,
    },
  });
  return tx.request.findUniqueOrThrow({ where: { id: input.requestId } });
}

function alreadyMovedMessage(status: keyof typeof statusLabels): string {
  return `This request has already moved on (it is ${statusLabels[status]}); reload to see its current state.`;
}

export function describeOutcome(status: keyof typeof statusLabels, resolution: keyof typeof resolutionLabels | null): string {
  return resolution ? `${statusLabels[status]} · ${resolutionLabels[resolution]}` : statusLabels[status];
}
