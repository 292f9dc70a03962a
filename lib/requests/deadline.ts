// A request's deadline (docs/domain.md §3.1 step 6, §3.2 step 6, §9 "Deadlines"): stored on the
// request and scheduled as the due-time events that remind its manager and expire it. The
// submit services and the amendment call scheduleDeadline with requestExpiresAt (the rule, in
// lib/requests/deadline-rules.ts); pages read the stored `Request.expiresAt`; the handlers
// re-check it.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { requestExpiryDue, requestReminderDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { reminderDueAt } from "@/lib/requests/deadline-rules";

export { requestExpiresAt } from "@/lib/requests/deadline-rules";

/** What a deadline's due-time events carry: the deadline they were scheduled for. */
export type DeadlinePayload = { requestId: number; expiresAt: string };

/**
 * Stores the request's deadline and schedules, through the outbox in the caller's
 * transaction, its expiry (at `expiresAt`) and the reminder of its manager (7 days before).
 * Called on submission and when an amendment moves the deadline. An unchanged deadline
 * schedules nothing again (its events are already waiting); a moved one clears the record of
 * a reminder sent for the old one, and the events of the old one find the deadline changed
 * and do nothing.
 *
 * When less than 7 days are left at scheduling time the reminder is due at once: the manager
 * still has time to decide, and a late reminder serves them better than none. When the
 * deadline has already passed there is no reminder, only the expiry.
 */
export async function scheduleDeadline(
  tx: DbClient,
  input: { requestId: number; expiresAt: Date },
  clock: Clock = systemClock,
): Promise<{ scheduled: boolean }> {
  const { requestId, expiresAt } = input;
  const request = await tx.request.findUnique({ where: { id: requestId }, select: { expiresAt: true } });
  if (!request) throw new NotFoundError(`Request ${requestId} not found`);
  if (request.expiresAt?.getTime() === expiresAt.getTime()) return { scheduled: false };

  await tx.request.update({ where: { id: requestId }, data: { expiresAt, reminderSentAt: null } });
  const payload: DeadlinePayload = { requestId, expiresAt: expiresAt.toISOString() };
  await enqueueEvent(tx, requestExpiryDue, payload, { availableAt: expiresAt });
  const now = clock.now();
  if (expiresAt > now) {
    const remindAt = reminderDueAt(expiresAt);
    await enqueueEvent(tx, requestReminderDue, payload, remindAt > now ? { availableAt: remindAt } : {});
  }
  return { scheduled: true };
}

/**
 * Whether a due-time event still speaks of the request's deadline: the request has one, and
 * it is the one the event was scheduled for (docs/domain.md §11 "Events are checked too"; the
 * handlers check that the request is open themselves). An event without a deadline (enqueued
 * before deadlines were stored) speaks of the stored one.
 */
export function deadlineStands(request: { expiresAt: Date | null }, scheduledFor: string | undefined): request is { expiresAt: Date } {
  if (!request.expiresAt) return false;
  return scheduledFor === undefined || request.expiresAt.getTime() === new Date(scheduledFor).getTime();
}

/**
 * A deadline event that came before its time (the relay reads the database's clock, the
 * handler the worker's): when no event of its kind for this deadline is still waiting in the
 * outbox, one is enqueued for `dueAt`, so the step is never lost. Returns whether it was.
 */
export async function rescheduleEarlyDeadlineEvent(
  tx: DbClient,
  kind: "expiry" | "reminder",
  payload: DeadlinePayload,
  dueAt: Date,
): Promise<boolean> {
  const definition = kind === "expiry" ? requestExpiryDue : requestReminderDue;
  const pending = await tx.outboxEvent.count({
    where: {
      name: definition.name,
      sentAt: null,
      AND: [{ payload: { path: ["requestId"], equals: payload.requestId } }, { payload: { path: ["expiresAt"], equals: payload.expiresAt } }],
    },
  });
  if (pending > 0) return false;
  if (kind === "expiry") await enqueueEvent(tx, requestExpiryDue, payload, { availableAt: dueAt });
  else await enqueueEvent(tx, requestReminderDue, payload, { availableAt: dueAt });
  return true;
}
