// Expire (docs/domain.md §3.1 step 6, §3.2 step 6), run by the worker when the due-time event fires.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { deadlineStands, rescheduleEarlyDeadlineEvent } from "@/lib/requests/deadline";
import { isOpen } from "@/lib/requests/open-request";
import { transitionRequest } from "@/lib/requests/transition-request";

const EXPIRY_REASON = "The request is no longer relevant";

export type ExpiryOutcome =
  | "expired"
  /** Closed meanwhile, or its deadline moved since the event was scheduled (docs/domain.md §11). */
  | "skipped"
  /** Before its deadline: nothing changes (and the event is enqueued again if none is waiting). */
  | "not-due";

/**
 * Closes the request as Expired if it is still open, its deadline is still the one the event
 * was scheduled for (`expiresAt`; an amendment may have moved it), and that deadline has come.
 */
export async function expireRequest(
  tx: DbClient,
  event: { requestId: number; expiresAt?: string },
  clock: Clock = systemClock,
): Promise<ExpiryOutcome> {
  const { requestId } = event;
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { id: true, status: true, expiresAt: true, applicantId: true },
  });
  if (!request || !isOpen(request.status) || !deadlineStands(request, event.expiresAt)) return "skipped";
  // Never early, whatever delivered the message.
  if (clock.now() < request.expiresAt) {
    await rescheduleEarlyDeadlineEvent(tx, "expiry", { requestId, expiresAt: request.expiresAt.toISOString() }, request.expiresAt);
    return "not-due";
  }
  await transitionRequest(tx, { requestId, action: "expire", actor: "system", reason: EXPIRY_REASON });
  await notify(tx, { userId: request.applicantId, requestId, message: `Your request #${requestId} expired: ${EXPIRY_REASON.toLowerCase()}.` });
  return "expired";
}
