// Expire (docs/domain.md §3.1 step 6, §3.2 step 6), run by the worker when the due-time event fires.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { isOpen } from "@/lib/requests/open-request";
import { publishRequestExpiresAt, signRequestExpiresAt } from "@/lib/requests/timing";
import { transitionRequest } from "@/lib/requests/transition-request";

const EXPIRY_REASON = "The request is no longer relevant";

export async function expireRequest(tx: DbClient, requestId: number, clock: Clock = systemClock): Promise<"expired" | "skipped"> {
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { id: true, type: true, status: true, createdAt: true, expectedDate: true, applicantId: true },
  });
  if (!request || !isOpen(request.status)) return "skipped";
  const dueAt =
    request.type === "SIGN_CONTRACT" ? signRequestExpiresAt(request.createdAt) : publishRequestExpiresAt(request.expectedDate as Date);
  // Never early, whatever delivered the message.
  if (clock.now() < dueAt) return "skipped";
  await transitionRequest(tx, { requestId, action: "expire", actor: "system", reason: EXPIRY_REASON });
  await notify(tx, { userId: request.applicantId, requestId, message: `Your request #${requestId} expired: ${EXPIRY_REASON.toLowerCase()}.` });
  return "expired";
}
