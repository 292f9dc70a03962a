// The admin appoints an existing USER as a manager (docs/domain.md §6), in one transaction.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma, type DbClient } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { openRequestWhere } from "@/lib/requests/open-request";
import { requeueWaitingSignRequests } from "@/lib/requests/sign/requeue-waiting-sign-requests";
import { transitionRequest } from "@/lib/requests/transition-request";
import { cancelUnfinishedDeactivation } from "@/lib/managers/redistribute-work";
import { appointableRole, canAppointManager } from "@/lib/users/appointment-rule";
import { changeRole } from "@/lib/users/change-role";

const refusals: Record<Exclude<Role, typeof appointableRole>, string> = {
  ARTIST: "Only users can be made managers; artists cannot be appointed",
  MANAGER: "This person is already a manager",
  ADMIN: "Only users can be made managers; the admin cannot be appointed",
};

export type AppointManagerInput = { userId: number; actorId: number };

/**
 * USER -> MANAGER, the Manager row, and a new chance for waiting sign requests, all or
 * nothing. The role change is conditional on the role still being USER, so two admins
 * clicking at once (or a user being signed as an artist meanwhile) cannot both win.
 * The appointee's own open sign request is withdrawn: staff do not apply to the label.
 */
export async function appointManager(input: AppointManagerInput): Promise<{ managerId: number }> {
  return prisma.$transaction(async (tx) => appointManagerIn(tx, input));
}

async function appointManagerIn(tx: DbClient, input: AppointManagerInput): Promise<{ managerId: number }> {
  if (!(await changeRole(tx, input.userId, appointableRole, "MANAGER"))) {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true } });
    if (!user) throw new NotFoundError("User not found");
    if (canAppointManager(user.role)) throw new ConflictError("This user changed meanwhile; reload and try again");
    throw new DomainError(refusals[user.role]);
  }
  // A former manager (deactivated, decision 018) gets their Manager row back, and whatever of
  // their work the worker has not moved yet stays with them.
  const manager = await tx.manager.upsert({ where: { userId: input.userId }, create: { userId: input.userId }, update: {}, select: { id: true } });
  await cancelUnfinishedDeactivation(tx, manager.id);
  await recordAudit(tx, {
    actorId: input.actorId,
    action: "user.role-change",
    targetType: "user",
    targetId: input.userId,
    detail: { from: appointableRole, to: "MANAGER" },
  });

  const ownOpenRequests = await tx.request.findMany({
    where: { applicantId: input.userId, ...openRequestWhere },
    select: { id: true },
  });
  for (const request of ownOpenRequests) {
    await transitionRequest(tx, {
      requestId: request.id,
      action: "withdraw",
      actor: "system",
      onBehalfOf: input.actorId,
      reason: "The applicant was appointed as a manager of the label",
    });
  }

  await notify(tx, { userId: input.userId, message: "You are now a manager at Cook Droogers. Your queue is ready." });
  await requeueWaitingSignRequests(tx);
  return { managerId: manager.id };
}
