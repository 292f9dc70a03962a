// The admin's "Retry" and "Retry all" (docs/domain.md §10 "Failed events"): a retry goes through
// the outbox again, as a new event (a fresh id: the parked one is in the idempotency ledger
// already) that its failed event names, audited in the same transaction (decision 017).
import "server-only";
import { systemClock } from "@/lib/clock";
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma, type DbClient } from "@/lib/db";
import type { EventEnvelope } from "@/lib/events/define-event";
import { failedEventWhere } from "@/lib/failed-events/list-failed-events";
import { FAILED_EVENT_NOT_FOUND } from "@/lib/failed-events/schemas";
import { ConflictError, NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";

export const ALREADY_RETRIED = "This event has been retried already";
export const ALREADY_RESOLVED = "This event went through on an earlier retry";

/** At most this many events per "Retry all", so one click stays one short transaction. */
export const RETRY_ALL_LIMIT = 500;

export type RetriedEvent = { failedEventId: number; retryEventId: string; eventName: string };

/**
 * Claims the failed event (only an open one: the conditional update is the lock, so of two
 * clicks or two admins one retries and the other is told it happened) and enqueues its retry.
 * Returns null when the event was not open.
 */
async function retryOne(tx: DbClient, failedEventId: number, adminId: number): Promise<RetriedEvent | null> {
  const retryEventId = randomUUID();
  const claimed = await tx.failedEvent.updateMany({
    where: { id: failedEventId, resolvedAt: null, retryEventId: null },
    data: { retryEventId, retriedAt: systemClock.now(), retriedById: adminId, retries: { increment: 1 } },
  });
  if (claimed.count === 0) return null;
  const failed = await tx.failedEvent.findUniqueOrThrow({
    where: { id: failedEventId },
    select: { eventId: true, eventName: true, topic: true, key: true, envelope: true, requestId: true, retries: true },
  });
  const envelope = failed.envelope as unknown as EventEnvelope;
  await tx.outboxEvent.create({
    data: {
      eventId: retryEventId,
      topic: failed.topic,
      key: failed.key,
      name: envelope.name,
      version: envelope.version,
      payload: (envelope.payload ?? {}) as Prisma.InputJsonValue,
    },
  });
  await recordAudit(tx, {
    actorId: adminId,
    action: "failed-event.retry",
    targetType: "failed-event",
    targetId: failedEventId,
    detail: {
      event: failed.eventName,
      eventId: failed.eventId,
      retryEventId,
      retry: failed.retries,
      ...(failed.requestId !== null ? { requestId: failed.requestId } : {}),
    },
  });
  return { failedEventId, retryEventId, eventName: failed.eventName };
}

export async function retryFailedEvent(admin: { id: number }, failedEventId: number): Promise<RetriedEvent> {
  return prisma.$transaction(async (tx) => {
    const retried = await retryOne(tx, failedEventId, admin.id);
    if (retried) return retried;
    const row = await tx.failedEvent.findUnique({ where: { id: failedEventId }, select: { resolvedAt: true } });
    if (!row) throw new NotFoundError(FAILED_EVENT_NOT_FOUND);
    throw new ConflictError(row.resolvedAt ? ALREADY_RESOLVED : ALREADY_RETRIED);
  });
}

/**
 * Retries every open event of the list as filtered (its event name), oldest failure first, up to
 * RETRY_ALL_LIMIT; events another admin retried meanwhile are skipped, not retried twice.
 */
export async function retryAllFailedEvents(admin: { id: number }, filters: { event: string }): Promise<{ retried: number; more: boolean }> {
  return prisma.$transaction(async (tx) => {
    const open = await tx.failedEvent.findMany({
      where: failedEventWhere({ event: filters.event, state: "open" }),
      select: { id: true },
      orderBy: { id: "asc" },
      take: RETRY_ALL_LIMIT + 1,
    });
    let retried = 0;
    for (const { id } of open.slice(0, RETRY_ALL_LIMIT)) {
      if (await retryOne(tx, id, admin.id)) retried += 1;
    }
    return { retried, more: open.length > RETRY_ALL_LIMIT };
  }, { timeout: 30_000 });
}
