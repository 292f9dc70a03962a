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
};

/** Sends one batch of due rows; returns how many were sent. */
export async function relayOutboxBatch(db: Db, producer: Producer, batchSize = 200): Promise<number> {
  try {
    return await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<OutboxRow[]>`
          SELECT "id", "eventId"::text AS "eventId", "topic", "key", "name", "version", "payload", "createdAt"
          FROM "OutboxEvent"
          WHERE "sentAt" IS NULL AND "availableAt" <= now()
          ORDER BY "availableAt", "id"
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) });
        const ids = rows.map((row) => row.id);
        await tx.$executeRaw`UPDATE "OutboxEvent" SET "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" = ANY(${ids}::bigint[])`;
        return rows.length;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    await recordRelayFailure(db, error);
    throw error;
  }
}

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const envelope: EventEnvelope = {
      eventId: row.eventId,
      name: row.name,
      version: row.version,
      occurredAt: row.createdAt.toISOString(),
      payload: row.payload,
    };
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.key, value: JSON.stringify(envelope), headers: { "event-name": row.name, "event-id": row.eventId } });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

async function recordRelayFailure(db: Db, error: unknown) {
  const message = error instanceof Error ? error.message : String(error);
  // Best effort: the rows stay unsent either way and are retried on the next tick.
  await db.$executeRaw`
    UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = ${message.slice(0, 1000)}
    WHERE "id" IN (SELECT "id" FROM "OutboxEvent" WHERE "sentAt" IS NULL AND "availableAt" <= now() ORDER BY "availableAt", "id" LIMIT 200)`.catch(
    () => undefined,
  );
}
