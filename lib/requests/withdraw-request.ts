// Withdraw (docs/domain.md §3.1 step 5, §3.2 step 5): the applicant, while the request is open.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { transitionRequest } from "@/lib/requests/transition-request";

export async function withdrawRequest(actor: SessionUser, requestId: number) {
  return prisma.$transaction(async (tx) => {
    const request = await transitionRequest(tx, { requestId, action: "withdraw", actor, reason: "Withdrawn by the applicant" });
    if (request.managerId !== null) {
      const manager = await tx.manager.findUniqueOrThrow({ where: { id: request.managerId }, select: { userId: true } });
      await notify(tx, { userId: manager.userId, requestId, message: `Request #${requestId} was withdrawn by its applicant.` });
    }
  });
}
