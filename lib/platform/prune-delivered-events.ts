// Retention of the outbox and the idempotency ledger: rows that can no longer matter are
// removed in bounded batches by a scheduled job, so neither table grows without end.
import "server-only";
import type { Db } from "@/lib/db";

export type RetentionPolicy = {
  /** Sent outbox rows older than this are only history. */
  sentOutboxDays: number;
  /** Far beyond Kafka's retention (7 days by default): no redelivery can still arrive. */
  processedMessageDays: number;
  batchSize: number;
};

const defaultRetention: RetentionPolicy = { sentOutboxDays: 7, processedMessageDays: 30, batchSize: 5_000 };

const DAY_MS = 24 * 60 * 60 * 1000;

export async function pruneDeliveredEvents(db: Db, now: Date, policy: RetentionPolicy = defaultRetention) {
  const outboxBefore = new Date(now.getTime() - policy.sentOutboxDays * DAY_MS);
  const ledgerBefore = new Date(now.getTime() - policy.processedMessageDays * DAY_MS);
  const outbox = await db.$executeRaw`
    DELETE FROM "OutboxEvent" WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent" WHERE "sentAt" IS NOT NULL AND "sentAt" < ${outboxBefore} ORDER BY "id" LIMIT ${policy.batchSize})`;
  const ledger = await db.$executeRaw`
    DELETE FROM "ProcessedMessage" WHERE ("consumer", "eventId") IN (
      SELECT "consumer", "eventId" FROM "ProcessedMessage" WHERE "processedAt" < ${ledgerBefore} LIMIT ${policy.batchSize})`;
  return { outbox, ledger };
}
