// Decline (docs/domain.md §3.1 step 4, §3.2 step 4): the assigned manager, with a reason; the grade stays.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { typeLabels } from "@/lib/requests/state-machine";
import { transitionRequest } from "@/lib/requests/transition-request";

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function declineRequest(actor: SessionUser, requestId: number, reason: string, db: Db | DbClient = prisma) {
  return inTransaction(db, async (tx) => {
    const request = await transitionRequest(tx, { requestId, action: "decline", actor, reason });
    await notify(tx, {
      userId: request.applicantId,
      requestId,
      message: `Your ${typeLabels[request.type].toLowerCase()} request was declined: ${reason}`,
    });
  });
}
