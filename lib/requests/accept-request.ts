// Accept (docs/domain.md §3.1 step 3, §3.2 step 3): by the assigned manager, one transaction with
// the type's side effects; a second click or a racing manager gets a ConflictError.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { systemClock, type Clock } from "@/lib/clock";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { applyPublishAcceptance } from "@/lib/requests/publish/accept-publish-request";
import { applySignAcceptance } from "@/lib/requests/sign/accept-sign-request";
import { transitionRequest } from "@/lib/requests/transition-request";

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function acceptRequest(actor: SessionUser, requestId: number, clock: Clock = systemClock, db: Db | DbClient = prisma) {
  return inTransaction(db, async (tx) => {
    const request = await transitionRequest(tx, { requestId, action: "accept", actor, reason: "Accepted by the manager" });
    // The transition passed only for the assigned manager, so the request's manager is the actor's.
    const managerId = request.managerId as number;
    if (request.type === "SIGN_CONTRACT") {
      await applySignAcceptance(tx, request, managerId, clock);
      await notify(tx, { userId: request.applicantId, requestId, message: "Welcome to the label! Your request to join was accepted." });
    } else {
      await applyPublishAcceptance(tx, request, managerId);
      await notify(tx, { userId: request.applicantId, requestId, message: "Your publish request was accepted; the release is scheduled." });
    }
  });
}
