// Expire (docs/domain.md §3.1.6, §3.2.6), run by the worker when the due-time event fires.
import "server-only";
import type { DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { isOpen } from "@/lib/requests/state-machine";
import { publishRequestExpiresAt, signRequestExpiresAt } from "@/lib/requests/timing";
import { transitionRequest } from "@/lib/requests/transition-request";

export const EXPIRY_REASON = "The request is no longer relevant";

export async function expireRequest(tx: DbClient, requestId: number, now = new Date()): Promise<"expired" | "skipped"> {
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { id: true, type: true, status: true, createdAt: true, expectedDate: true, applicantId: true },
  });
  if (!request || !isOpen(request.status)) return "skipped";
  const dueAt =
    request.type === "SIGN_CONTRACT" ? signRequestExpiresAt(request.createdAt) : publishRequestExpiresAt(request.expectedDate as Date);
  // Never early, whatever delivered the message.
  if (now < dueAt) return "skipped";
  await transitionRequest(tx, { requestId, action: "expire", actorId: null, reason: EXPIRY_REASON });
  await notify(tx, { userId: request.applicantId, requestId, message: `Your request #${requestId} expired: ${EXPIRY_REASON.toLowerCase()}.` });
  return "expired";
}
