// Withdraw (docs/domain.md §3.1.5, §3.2.5): the applicant, while the request is open.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";
import { transitionRequest } from "@/lib/requests/transition-request";

export async function withdrawRequest(actor: SessionUser, requestId: number) {
  return prisma.$transaction(async (tx) => {
    const request = await tx.request.findFirst({
      where: { id: requestId, applicantId: actor.id },
      select: { id: true, managerId: true, manager: { select: { userId: true } } },
    });
    if (!request) throw new NotFoundError("Request not found");
    await transitionRequest(tx, { requestId, action: "withdraw", actorId: actor.id, reason: "Withdrawn by the applicant" });
    if (request.manager) {
      await notify(tx, { userId: request.manager.userId, requestId, message: `Request #${requestId} was withdrawn by its applicant.` });
    }
  });
}
