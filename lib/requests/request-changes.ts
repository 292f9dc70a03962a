// Request changes (docs/domain.md §9): the assigned manager sends an On approval request back to
// its applicant with a reason, in one transaction with the notification that carries it. A second
// click, or a decision taken meanwhile, gets the ConflictError "already moved on".
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { typeLabels } from "@/lib/requests/state-machine";
import { transitionRequest } from "@/lib/requests/transition-request";

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function requestChanges(actor: SessionUser, requestId: number, reason: string, db: Db | DbClient = prisma) {
  return inTransaction(db, async (tx) => {
    const request = await transitionRequest(tx, { requestId, action: "requestChanges", actor, reason });
    await notify(tx, {
      userId: request.applicantId,
      requestId,
      message: `Your manager asks for changes to your ${typeLabels[request.type].toLowerCase()} request: ${reason}`,
    });
  });
}
