// The admin creates a new manager account directly: User(MANAGER) + Manager, one transaction.
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { requeueWaitingSignRequests } from "@/lib/requests/sign/requeue-waiting-sign-requests";
import { insertUser, prepareAccount, type PublicUser } from "@/lib/users/register-user";
import { createManagerSchema, type RegisterInput } from "@/lib/users/schemas";

/** `actorId`: the admin creating it, for the audit log; none when a script or the seed does. */
export async function createManager(input: RegisterInput, actorId: number | null = null): Promise<PublicUser & { managerId: number }> {
  const account = await prepareAccount(createManagerSchema.parse(input));
  return prisma.$transaction(async (tx) => {
    const user = await insertUser(tx, account, "MANAGER");
    const manager = await tx.manager.create({ data: { userId: user.id }, select: { id: true } });
    await requeueWaitingSignRequests(tx);
    await recordAudit(tx, { actorId, action: "manager.create", targetType: "user", targetId: user.id });
    return { ...user, managerId: manager.id };
  });
}
