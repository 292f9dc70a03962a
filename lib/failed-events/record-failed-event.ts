// The worker's side of the admin's "Failed events" (docs/domain.md §10, decision 017): a parked
// event becomes a row, and a retry of it that succeeds resolves that row, clears its request's
// "processing failed" mark and tells the request's people — each in the transaction of the
// worker's own record (the idempotency ledger), so neither can happen without the other.
import "server-only";
import { systemClock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import type { EventEnvelope } from "@/lib/events/define-event";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notify } from "@/lib/notifications/notify";
import { withoutUnstorableCharacters } from "@/lib/storable-text";

export type ParkedEvent = {
  consumer: string;
  envelope: EventEnvelope;
  topic: string;
  /** The Kafka key it travelled with (the event id when it had none). */
  key: string;
  reason: string;
  attempts: number;
};

const REASON_MAX = 2000;

/**
 * The value with every string cleared of what PostgreSQL cannot store (NUL, lone surrogates): a
 * parked message may come from anywhere on the broker, and a park that cannot be written would
 * be retried for ever.
 */
function storable(value: unknown): unknown {
  if (typeof value === "string") return withoutUnstorableCharacters(value);
  if (Array.isArray(value)) return value.map(storable);
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [withoutUnstorableCharacters(key), storable(inner)]));
  return value;
}

/** The request a payload is about, if it names one. */
export function requestIdOf(payload: unknown): number | null {
  const value = typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>).requestId : undefined;
  return typeof value === "number" && Number.isInteger(value) && value > 0 && value <= 2_147_483_647 ? value : null;
}

/**
 * Records a park. Call it once per park, in the transaction that writes the event's
 * "dead-lettered" ledger row (a redelivered park finds that row and never gets here; the unique
 * key would refuse a second row anyway). A parked retry goes back to its failed event's row:
 * open again, its attempts added and its reason replaced.
 */
export async function recordFailedEvent(tx: DbClient, parked: ParkedEvent): Promise<void> {
  const reason = withoutUnstorableCharacters(parked.reason).slice(0, REASON_MAX);
  const reopened = await tx.failedEvent.updateMany({
    where: { retryEventId: parked.envelope.eventId, resolvedAt: null },
    data: { retryEventId: null, reason, attempts: { increment: parked.attempts }, failedAt: systemClock.now() },
  });
  if (reopened.count > 0) return;
  const requestId = requestIdOf(parked.envelope.payload);
  // A payload may name a request that does not exist (that may be why it failed): linked only if it does.
  const request = requestId === null ? null : await tx.request.findUnique({ where: { id: requestId }, select: { id: true } });
  await tx.failedEvent.createMany({
    data: {
      consumer: parked.consumer,
      eventId: parked.envelope.eventId,
      eventName: withoutUnstorableCharacters(parked.envelope.name).slice(0, 100),
      topic: parked.topic,
      key: withoutUnstorableCharacters(parked.key).slice(0, 200),
      envelope: storable(parked.envelope) as Prisma.InputJsonObject,
      requestId: request?.id ?? null,
      reason,
      attempts: parked.attempts,
    },
    skipDuplicates: true,
  });
}

/**
 * Called with every event a consumer handled successfully, in the transaction of its ledger row:
 * when the event is the retry of a failed event, that row is resolved and, once no other failure
 * of the request is left open, the request's mark is cleared and its applicant and assigned
 * manager are told. Anything else: one indexed lookup that finds nothing.
 */
export async function resolveRetriedEvent(tx: DbClient, eventId: string): Promise<void> {
  const failed = await tx.failedEvent.findUnique({ where: { retryEventId: eventId }, select: { id: true, requestId: true, resolvedAt: true } });
  if (!failed || failed.resolvedAt) return;
  await tx.failedEvent.update({ where: { id: failed.id }, data: { resolvedAt: systemClock.now() } });
  if (failed.requestId === null) return;
  const stillFailing = await tx.failedEvent.count({ where: { requestId: failed.requestId, resolvedAt: null, id: { not: failed.id } } });
  if (stillFailing > 0) return;
  const request = await tx.request.update({
    where: { id: failed.requestId },
    data: { processingFailedAt: null, processingFailure: null },
    select: { id: true, applicantId: true, manager: { select: { userId: true } } },
  });
  const message = `Request #${request.id} is moving again: the step that had failed worked when it was tried again.`;
  const people = new Set([request.applicantId, ...(request.manager ? [request.manager.userId] : [])]);
  for (const userId of people) await notify(tx, { userId, requestId: request.id, message });
}
