// Relays due outbox rows to Kafka. Rows are claimed with SKIP LOCKED (several workers may
// relay at once) and marked sent only after the broker acknowledged them (acks = all).
import type { Kafka, RetryOptions } from "kafkajs";
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
 * The channel an outbox row that is due at once is announced on when its transaction commits
 * (the trigger of the migration 20261221120000_outbox_wake, decision 020); the relay loop
 * LISTENs there and runs at once instead of at its next poll.
 */
export const OUTBOX_WAKE_CHANNEL = "cd_outbox";

/**
 * The relay's Kafka client gives up on a send within about a second, so that an unreachable
 * broker is noticed at once and probed again by the relay loop, instead of kafkajs's own retries
 * (tens of seconds apart by then) deciding when the relay resumes after the broker returns.
 */
export const RELAY_SEND_RETRY: RetryOptions = { initialRetryTime: 100, retries: 2, maxRetryTime: 500 };

export type RelayOutcome = {
  sent: number;
  /**
   * The broker could not be reached, or could be but does not yet host a topic that exists (it
   * is still starting): the rows not sent keep their place and their due time.
   */
  brokerUnavailable: boolean;
};

/** What the relay needs of Kafka (createRelayClient; a test may pass its own). */
export type RelayClient = {
  send: (topic: string, messages: OutboxMessage[]) => Promise<void>;
  /** Whether the cluster has the topic (`fresh`: ask again); throws when it cannot be asked. */
  topicExists: (topic: string, fresh?: boolean) => Promise<boolean>;
  /** Starts the producer afresh (kafkajs keeps the metadata of every topic it was asked for). */
  reset: () => Promise<void>;
  disconnect: () => Promise<void>;
};

type OutboxMessage = { key: string; value: string; headers: Record<string, string> };

/**
 * The relay's producer is only ever handed topics the cluster has: kafkajs keeps every topic a
 * send named in the set whose metadata it refreshes, and one that does not exist (deleted, or
 * written by a worker of another configuration) makes every later refresh fail, so after a
 * broker restart the producer would go on using stale metadata for all topics. When a known
 * topic disappears anyway, the producer is started afresh.
 */
export async function createRelayClient(kafka: Kafka): Promise<RelayClient> {
  let producer = kafka.producer({ allowAutoTopicCreation: false });
  const admin = kafka.admin();
  await producer.connect();
  await admin.connect();
  let known = new Set<string>();
  return {
    send: async (topic, messages) => {
      await producer.send({ topic, acks: -1, messages });
    },
    topicExists: async (topic, fresh = false) => {
      if (fresh || !known.has(topic)) known = new Set(await admin.listTopics());
      return known.has(topic);
    },
    reset: async () => {
      const previous = producer;
      producer = kafka.producer({ allowAutoTopicCreation: false });
      await previous.disconnect().catch(() => undefined);
      await producer.connect();
    },
    disconnect: async () => {
      await producer.disconnect();
      await admin.disconnect();
    },
  };
}

/**
 * Sends one batch of due rows. A topic that cannot be written (e.g. deleted) only delays its
 * own rows, with backoff, never the rows behind them. An unavailable broker is no fault of
 * any row: the batch stops, what was acknowledged is marked sent, and the rest stays due, so
 * the relay resumes as soon as the broker is back (docs/domain.md §4). A broker that has just
 * restarted answers "does not host this topic-partition" for a while: asking the cluster
 * whether the topic exists tells that apart from a topic that is gone.
 */
export async function relayOutboxBatch(db: Db, relay: RelayClient, batchSize = 200): Promise<RelayOutcome> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<OutboxRow[]>`
        SELECT "id", "eventId"::text AS "eventId", "topic", "key", "name", "version", "payload", "createdAt", "attempts"
        FROM "OutboxEvent"
        WHERE "sentAt" IS NULL AND "availableAt" <= now()
        ORDER BY "availableAt", "id"
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`;
      if (rows.length === 0) return { sent: 0, brokerUnavailable: false };
      const sentIds: bigint[] = [];
      let brokerUnavailable = false;
      const delay = async (batch: { rows: OutboxRow[] }, error: unknown) => {
        const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        for (const row of batch.rows) {
          const retryAt = new Date(Date.now() + Math.min(RELAY_RETRY_MAX_MS, RELAY_RETRY_BASE_MS * 2 ** Math.min(row.attempts, 16)));
          await tx.$executeRaw`
            UPDATE "OutboxEvent" SET "attempts" = "attempts" + 1, "lastError" = ${message}, "availableAt" = ${retryAt}
            WHERE "id" = ${row.id}`;
        }
      };
      for (const batch of groupByTopic(rows)) {
        try {
          if (!(await relay.topicExists(batch.topic))) {
            await delay(batch, `topic ${batch.topic} does not exist`);
            continue;
          }
          await relay.send(batch.topic, batch.messages);
          sentIds.push(...batch.rows.map((row) => row.id));
        } catch (error) {
          if (isBrokerUnreachable(error)) {
            brokerUnavailable = true;
            break;
          }
          const exists = await relay.topicExists(batch.topic, true).catch(() => true);
          if (exists) {
            brokerUnavailable = true; // still starting, or briefly without a leader
            break;
          }
          await relay.reset(); // the topic went away after the producer had used it
          await delay(batch, error);
        }
      }
      if (sentIds.length) {
        await tx.$executeRaw`UPDATE "OutboxEvent" SET "sentAt" = now(), "attempts" = "attempts" + 1, "lastError" = NULL WHERE "id" = ANY(${sentIds}::bigint[])`;
      }
      return { sent: sentIds.length, brokerUnavailable };
    },
    { timeout: 30_000, maxWait: 10_000 },
  );
}

/** A failure to reach the broker at all (refused, closed, timed out), found along the causes. */
export function isBrokerUnreachable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth += 1) {
    if (BROKER_UNREACHABLE.has(cause.name)) return true;
  }
  return false;
}

const BROKER_UNREACHABLE = new Set([
  "KafkaJSConnectionError",
  "KafkaJSConnectionClosedError",
  "KafkaJSRequestTimeoutError",
  "KafkaJSBrokerNotFound",
]);

const RELAY_RETRY_BASE_MS = 1_000;
const RELAY_RETRY_MAX_MS = 5 * 60_000;

function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { rows: OutboxRow[]; messages: OutboxMessage[] }>();
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
