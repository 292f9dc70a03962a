// The deadline reminder (docs/domain.md §9 "Deadlines"), run by the worker 7 days before a
// request expires: its assigned manager is notified once.
import "server-only";
import { formatDateTime, systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";
import { deadlineStands, rescheduleEarlyDeadlineEvent, type DeadlinePayload } from "@/lib/requests/deadline";
import { reminderDueAt } from "@/lib/requests/deadline-rules";
import { isOpen, openRequestWhere } from "@/lib/requests/open-request";

export type ReminderOutcome =
  | "reminded"
  /**
   * Nothing to remind of: the request was decided (closed) meanwhile, its deadline moved since
   * the event was scheduled, it has no manager yet (a sign request still waiting for one: nobody
   * is reminded, its expiry still comes), or the reminder of this deadline was already sent.
   */
  | "skipped"
  /** Before its time: nothing changes (and the event is enqueued again if none is waiting). */
  | "not-due";

/**
 * Sent once per deadline: `reminderSentAt` is set by a conditional update in the transaction
 * of the notification, so a second event for the same deadline (redelivered under another id,
 * or scheduled twice) sends nothing. scheduleDeadline clears it when the deadline moves.
 */
export async function remindOfDeadline(tx: DbClient, event: DeadlinePayload, clock: Clock = systemClock): Promise<ReminderOutcome> {
  const { requestId } = event;
  const request = await tx.request.findUnique({
    where: { id: requestId },
    select: { status: true, expiresAt: true, reminderSentAt: true, manager: { select: { userId: true } } },
  });
  if (!request || !isOpen(request.status) || !deadlineStands(request, event.expiresAt)) return "skipped";
  if (!request.manager || request.reminderSentAt) return "skipped";
  const now = clock.now();
  const dueAt = reminderDueAt(request.expiresAt);
  if (now < dueAt) {
    await rescheduleEarlyDeadlineEvent(tx, "reminder", event, dueAt);
    return "not-due";
  }
  const marked = await tx.request.updateMany({
    where: { id: requestId, ...openRequestWhere, expiresAt: request.expiresAt, reminderSentAt: null },
    data: { reminderSentAt: now },
  });
  if (marked.count !== 1) return "skipped";
  await notify(tx, {
    userId: request.manager.userId,
    requestId,
    message: `Request #${requestId} expires on ${formatDateTime(request.expiresAt)} if it is not decided by then.`,
  });
  return "reminded";
}
