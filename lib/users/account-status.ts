// The admin disables and re-enables accounts (docs/domain.md §10), in one transaction.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { endSessionsOf } from "@/lib/auth/sessions";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma, type DbClient } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { requeueWaitingSignRequests } from "@/lib/requests/sign/requeue-waiting-sign-requests";
import { canChangeAccountStatus, OWN_ACCOUNT_REFUSAL } from "@/lib/users/account-status-rule";

export type SetAccountDisabledInput = { userId: number; disabled: boolean; actorId: number };

export type AccountStatus = { userId: number; name: string; disabled: boolean };

/**
 * Disabling stamps the account and ends every session of it at once (a disabled account
 * cannot sign in, lib/users/authenticate.ts); a disabled manager gets no new work
 * (lib/requests/sign/choose-manager.ts). Enabling clears the stamp; an enabled manager gives
 * sign requests waiting for a manager another chance. Both are conditional updates, so a
 * repeated click changes nothing.
 */
export async function setAccountDisabled(input: SetAccountDisabledInput, clock: Clock = systemClock): Promise<AccountStatus> {
  if (!canChangeAccountStatus({ actorId: input.actorId, accountId: input.userId })) throw new DomainError(OWN_ACCOUNT_REFUSAL);
  return prisma.$transaction(async (tx) => {
    const status = input.disabled ? await disableIn(tx, input.userId, clock) : await enableIn(tx, input.userId);
    await recordAudit(tx, { actorId: input.actorId, action: input.disabled ? "user.disable" : "user.enable", targetType: "user", targetId: input.userId });
    return status;
  });
}

async function findAccount(tx: DbClient, userId: number) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, name: true, manager: { select: { id: true } } } });
  if (!user) throw new NotFoundError("User not found");
  return user;
}

async function disableIn(tx: DbClient, userId: number, clock: Clock): Promise<AccountStatus> {
  const user = await findAccount(tx, userId);
  await tx.user.updateMany({ where: { id: userId, disabledAt: null }, data: { disabledAt: clock.now() } });
  await endSessionsOf(tx, userId, { clock });
  return { userId, name: user.name, disabled: true };
}

async function enableIn(tx: DbClient, userId: number): Promise<AccountStatus> {
  const user = await findAccount(tx, userId);
  const enabled = await tx.user.updateMany({ where: { id: userId, disabledAt: { not: null } }, data: { disabledAt: null } });
  if (enabled.count === 1 && user.manager) await requeueWaitingSignRequests(tx);
  return { userId, name: user.name, disabled: false };
}
