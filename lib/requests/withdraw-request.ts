// Withdraw (docs/domain.md §3.1 step 5, §3.2 step 5): the applicant, while the request is open.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { transitionRequest } from "@/lib/requests/transition-request";

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function withdrawRequest(actor: SessionUser, requestId: number, db: Db | DbClient = prisma) {
  return inTransaction(db, async (tx) => {
    const request = await transitionRequest(tx, { requestId, action: "withdraw", actor, reason: "Withdrawn by the applicant" });
    if (request.managerId !== null) {
      const manager = await tx.manager.findUniqueOrThrow({ where: { id: request.managerId }, select: { userId: true } });
      await notify(tx, { userId: manager.userId, requestId, message: `Request #${requestId} was withdrawn by its applicant.` });
    }
  });
}
