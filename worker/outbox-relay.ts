// Relays due outbox rows to Kafka. Rows are claimed with SKIP LOCKED (several workers may
// relay at once) and marked sent only after the broker acknowledged them (acks = all).
import type { Producer } from "kafkajs";
import type { Db } from "@/lib/db";
import type { EventEnvelope } from "@/lib/events/define-event";

type OutboxRow = {
  id: bigint;
  eventId: string;
  topic: string;
  key: string;
  name: string;
  version: number;
  payload: unknown;
  createdAt: Date;
  attempts: number;
};

/**
 * Sends one batch of due rows; returns how many were sent. A topic that cannot be written
 * (e.g. deleted) only delays its own rows, with backoff, never the rows behind them.
 */
export async function relayOutboxBatch(db: Db, producer: Producer, batchSize = 200): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT "id", "eventId"::text AS "eventId", "topic", "key", "name", "version", "payload", "createdAt", "attempts"
        FROM "OutboxEvent"
        WHERE "sentAt" IS NULL AND "availableAt" <= now()
        ORDER BY "availableAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return 0;
      const sentIds: bigint[] = [];
      for (const batch of groupByTopic(rows)) {
        try {
          await producer.send({ topic: batch.topic, acks: -1, messages: batch.messages });
          sentIds.push(...batch.rows.map((row) => row.id));
        } catch (error) {
          const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
          for (const row of batch.rows) {
            const retryAt = new Date(Date.now() + Math.min(RELAY_RETRY_MAX_MS, RELAY_RETRY_BASE_MS * 2 ** Math.min(row.attempts, 16)));
            await tx.$executeRaw`
              UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = ${message}, "availableAt" = ${retryAt}
              WHERE "id" = ${row.id}`;
          }
        }
      }
      if (sentIds.length) {
        await tx.$executeRaw`UPDATE "OutboxEvent" SET "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" = ANY(${sentIds}::bigint[])`;
      }
      return sentIds.length;
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

const RELAY_RETRY_BASE_MS = 1_000;
const RELAY_RETRY_MAX_MS = 5 * 60_000;

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { rows: OutboxRow[]; messages: { key: string; value: string; headers: Record<string, string> }[] }>();
  for (const row of rows) {
    const envelope: EventEnvelope = {
      eventId: row.eventId,
      name: row.name,
      version: row.version,
      occurredAt: row.createdAt.toISOString(),
      payload: row.payload,
    };
    const batch = byTopic.get(row.topic) ?? { rows: [], messages: [] };
    batch.rows.push(row);
    batch.messages.push({ key: row.key, value: JSON.stringify(envelope), headers: { "event-name": row.name, "event-id": row.eventId } });
    byTopic.set(row.topic, batch);
  }
  return [...byTopic].map(([topic, batch]) => ({ topic, ...batch }));
}
