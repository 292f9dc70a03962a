// Consumes the event topics in a consumer group. Each message is applied at most once
// (idempotency by event id in the same transaction as its effects), its offset is
// committed only after that transaction committed, failures are retried with backoff,
// and after the last attempt the message is parked on the dead-letter topic. Consecutive events
// whose handler applies batches share one transaction and one offset commit (decision 020).
import { performance } from "node:perf_hooks";
import type { Consumer, Kafka, KafkaMessage, Producer } from "kafkajs";
import type { Db, DbClient } from "@/lib/db";
import { eventBelongsToTopic, type EventEnvelope } from "@/lib/events/define-event";
import { recordFailedEvent, resolveRetriedEvent } from "@/lib/failed-events/record-failed-event";
import { deadLetterTopicName } from "@/lib/kafka/topics";
import { UNKNOWN_EVENT, eventsDeadLettered, eventsFailed, eventsHandled, handlerDuration } from "@/lib/observability/event-metrics";
import { logTo, logger, type Log, type LogDetails } from "@/lib/observability/logger";
import { withoutUnstorableCharacters } from "@/lib/storable-text";
import { backoffDelay, type BackoffPolicy } from "@/worker/backoff";
import type { EventHandler, HandlerContext } from "@/worker/handler";

export type ConsumerOptions = {
  kafka: Kafka;
  db: Db;
  producer: Producer;
  groupId: string;
  /** Name recorded in the idempotency ledger: one per logical consumer. */
  consumerName: string;
  topics: string[];
  handlers: readonly EventHandler[];
  maxAttempts: number;
  backoff: BackoffPolicy;
  /** Test hook: called after the transaction committed and before the offset commit. */
  afterApply?: (eventId: string, eventName: string) => Promise<void> | void;
  log?: Log;
};

export type RunningConsumer = { consumer: Consumer; stop: () => Promise<void> };

/** The most events of one batch applied in one transaction (the assignment lock is held for all of them). */
const MAX_EVENTS_PER_TRANSACTION = 200;

export async function startConsumer(options: ConsumerOptions): Promise<RunningConsumer> {
  const log = options.log ?? logTo(logger.child({ component: "consumer" }));
  const byName = new Map(options.handlers.map((handler) => [handler.event.name, handler]));
  const consumer = options.kafka.consumer({ groupId: options.groupId, sessionTimeout: 15_000, heartbeatInterval: 3_000 });
  let stopping = false;
  // The group's life, for whoever reads the worker's log after an outage: kafkajs restarts a
  // crashed consumer by itself when the cause is retriable (`restart`).
  consumer.on(consumer.events.CRASH, ({ payload }) =>
    log(`consumer crashed (restart: ${payload.restart}): ${payload.error.message}`, { level: "error", err: payload.error }),
  );
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => log(`consumer joined its group after ${payload.duration} ms`));
  await consumer.connect();
  await consumer.subscribe({ topics: options.topics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    // A message waiting out its backoff must not hold up the other partitions.
    partitionsConsumedConcurrently: 8,
    // Offsets are resolved one by one as they are committed: a batch left half-way (stop,
    // rebalance, a throw) is fetched again from the first message not done.
    eachBatchAutoResolve: false,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
      const { topic, partition } = batch;
      const context: ProcessContext = { ...options, log, byName, heartbeat, isStopping: () => stopping };
      const done = async (message: KafkaMessage) => {
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
        resolveOffset(message.offset);
      };
      const messages = batch.messages;
      for (let index = 0; index < messages.length; ) {
        const next = messages[index];
        if (!next || !isRunning() || isStale()) return;
        const run = batchableRun(context, topic, messages, index);
        const last = run.at(-1);
        // A run of one too: the batch path's few set-based statements are also the fastest way
        // through for a single event (decision 020, "Latency").
        if (last && (await applyBatch(context, run))) {
          for (const item of run) await options.afterApply?.(item.envelope.eventId, item.envelope.name);
          // Once, after the transaction committed: a crash before it redelivers the run, which the ledger skips.
          await done(last.message);
          index += run.length;
        } else {
          // One message at a time, exactly as always: validation, dead-lettering, retries with backoff.
          const singles = run.length > 0 ? run.map((item) => item.message) : [next];
          for (const message of singles) {
            const envelope = await processMessage(context, topic, message);
            await options.afterApply?.(envelope?.eventId ?? "", envelope?.name ?? "");
            await done(message);
          }
          index += singles.length;
        }
        await heartbeat();
      }
    },
  });
  return {
    consumer,
    stop: async () => {
      stopping = true;
      await consumer.disconnect();
    },
  };
}

type ProcessContext = ConsumerOptions & {
  log: Log;
  byName: Map<string, EventHandler>;
  heartbeat: () => Promise<void>;
  isStopping: () => boolean;
};

/** Returns the message's envelope (null when it is not an event at all). */
async function processMessage(context: ProcessContext, topic: string, message: KafkaMessage): Promise<EventEnvelope | null> {
  const envelope = parseEnvelope(message);
  if (!envelope) {
    await deadLetter(context, topic, message, null, "message is not a valid event envelope", 0);
    return null;
  }
  await applyEnvelope(context, topic, message, envelope);
  return envelope;
}

async function applyEnvelope(context: ProcessContext, topic: string, message: KafkaMessage, envelope: EventEnvelope): Promise<void> {
  const handler = context.byName.get(envelope.name);
  if (!handler) {
    await deadLetter(context, topic, message, envelope, `no handler for event ${envelope.name}`, 0);
    return;
  }
  // A known name on a topic it does not travel on is not that event (a misrouted or forged
  // message): parked, never applied. It is kept out of the idempotency ledger, so that it
  // cannot use up the event id of the real event, which arrives on its own topic.
  if (!eventBelongsToTopic(handler.event, topic)) {
    await deadLetter(context, topic, message, envelope, `event ${envelope.name} does not belong to topic ${topic}`, 0, {
      recordInLedger: false,
    });
    return;
  }
  const payload = handler.event.schema.safeParse(envelope.payload);
  if (!payload.success) {
    await deadLetter(context, topic, message, envelope, `invalid payload: ${payload.error.message}`, 0);
    return;
  }
  if (await alreadyProcessed(context.db, context.consumerName, envelope.eventId)) return;

  const event = { event: envelope.name };
  let attempt = (await previousFailures(context.db, context.consumerName, envelope.eventId)) + 1;
  for (;;) {
    const endTimer = handlerDuration.startTimer(event);
    try {
      await runHandler(context, handler, envelope.eventId, payload.data, attempt);
      const seconds = endTimer({ outcome: "ok" });
      eventsHandled.inc(event);
      context.log(`handled ${envelope.name}`, { ...concerning(envelope, payload.data), attempt, durationMs: Math.round(seconds * 1000) });
      await clearFailures(context.db, context.consumerName, envelope.eventId);
      return;
    } catch (error) {
      endTimer({ outcome: "failed" });
      eventsFailed.inc(event);
      const reason = error instanceof Error ? error.message : String(error);
      await recordFailure(context.db, context.consumerName, envelope.eventId, attempt, reason);
      context.log(`${envelope.name} ${envelope.eventId} failed (attempt ${attempt}/${context.maxAttempts}): ${reason}`, {
        level: "warn",
        ...concerning(envelope, payload.data),
        attempt,
        err: error,
      });
      if (attempt >= context.maxAttempts) {
        await deadLetter(context, topic, message, envelope, reason, attempt);
        await handler.onGiveUp?.(payload.data, reason).catch((giveUpError: unknown) =>
          context.log(`onGiveUp failed: ${String(giveUpError)}`, { level: "error", ...concerning(envelope, payload.data), err: giveUpError }),
        );
        return;
      }
      // Offsets stay uncommitted while we wait, so a stop here means redelivery, not loss.
      if (context.isStopping()) throw error;
      await waitWithHeartbeats(backoffDelay(attempt, context.backoff), context.heartbeat);
      attempt += 1;
    }
  }
}

type BatchItem = { message: KafkaMessage; envelope: EventEnvelope; handler: EventHandler; payload: unknown };

/**
 * The valid events from `start` on, of one event whose handler applies batches, up to the
 * limit. Anything else (not an envelope, unknown, on the wrong topic, an invalid payload) ends
 * the run and takes the one-message path, which parks it as always.
 */
function batchableRun(context: ProcessContext, topic: string, messages: readonly KafkaMessage[], start: number): BatchItem[] {
  const run: BatchItem[] = [];
  for (let index = start; index < messages.length && run.length < MAX_EVENTS_PER_TRANSACTION; index += 1) {
    const message = messages[index];
    const envelope = message ? parseEnvelope(message) : null;
    const handler = envelope ? context.byName.get(envelope.name) : undefined;
    if (!message || !envelope || !handler?.applyBatch || !eventBelongsToTopic(handler.event, topic)) break;
    if (run[0] && run[0].handler !== handler) break;
    const payload = handler.event.schema.safeParse(envelope.payload);
    if (!payload.success) break;
    run.push({ message, envelope, handler, payload: payload.data });
  }
  return run;
}

/**
 * Applies a run of events in one transaction (decision 020): one ledger statement for all of
 * them (the events already there are skipped, as one at a time), the handler's batch, the
 * admin's retries resolved and earlier failures cleared. Returns false when the transaction
 * failed: nothing of it was written, and the caller handles the events one at a time.
 */
async function applyBatch(context: ProcessContext, run: readonly BatchItem[]): Promise<boolean> {
  const handler = run[0]?.handler;
  const applyEvents = handler?.applyBatch;
  if (!handler || !applyEvents) return false;
  const started = performance.now();
  let outcome: { applied: BatchItem[]; earlierAttempts: Map<string, number> };
  try {
    outcome = await context.db.$transaction(
      async (tx) => {
        const ids = run.map((item) => item.envelope.eventId);
        const inserted = await tx.$queryRaw<{ eventId: string }[]>`
          INSERT INTO "ProcessedMessage" ("consumer", "eventId", "outcome")
          SELECT ${context.consumerName}, e."id", 'applied' FROM unnest(${ids}::uuid[]) WITH ORDINALITY AS e("id", "n") ORDER BY e."n"
          ON CONFLICT DO NOTHING
          RETURNING "eventId"::text AS "eventId"`;
        const fresh = new Set(inserted.map((row) => row.eventId.toLowerCase()));
        // The first delivery of each new event id; a second copy in the same batch is a duplicate.
        const applied = run.filter((item) => fresh.delete(item.envelope.eventId.toLowerCase()));
        if (applied.length === 0) return { applied, earlierAttempts: new Map<string, number>() };
        const appliedIds = applied.map((item) => item.envelope.eventId);
        await applyEvents(tx, applied.map((item) => ({ eventId: item.envelope.eventId, payload: item.payload })));
        // A retry the admin asked for (docs/domain.md §10 "Failed events") succeeds with its effects.
        const retried = await tx.$queryRaw<{ eventId: string }[]>`
          SELECT "retryEventId"::text AS "eventId" FROM "FailedEvent" WHERE "retryEventId" = ANY(${appliedIds}::uuid[])`;
        for (const { eventId } of retried) await resolveRetriedEvent(tx, eventId);
        const cleared = await tx.$queryRaw<{ eventId: string; attempts: number }[]>`
          DELETE FROM "MessageFailure" WHERE "consumer" = ${context.consumerName} AND "eventId" = ANY(${appliedIds}::uuid[])
          RETURNING "eventId"::text AS "eventId", "attempts"`;
        return { applied, earlierAttempts: new Map(cleared.map((row) => [row.eventId.toLowerCase(), row.attempts])) };
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    context.log(`a batch of ${run.length} ${handler.event.name} failed, handling them one at a time: ${error instanceof Error ? error.message : String(error)}`, {
      level: "warn",
      eventName: handler.event.name,
      err: error,
    });
    return false;
  }
  // Each event's share of the transaction, so the histogram's sum stays the time spent.
  const seconds = (performance.now() - started) / 1000 / Math.max(1, outcome.applied.length);
  for (const item of outcome.applied) {
    const event = { event: item.envelope.name };
    handlerDuration.observe({ ...event, outcome: "ok" }, seconds);
    eventsHandled.inc(event);
    const attempt = (outcome.earlierAttempts.get(item.envelope.eventId.toLowerCase()) ?? 0) + 1;
    context.log(`handled ${item.envelope.name}`, {
      ...concerning(item.envelope, item.payload),
      attempt,
      durationMs: Math.round(seconds * 1000),
      batch: run.length,
    });
  }
  return true;
}

async function runHandler(context: ProcessContext, handler: EventHandler, eventId: string, payload: unknown, attempt: number) {
  let applied = false;
  const handlerContext: HandlerContext = {
    eventId,
    attempt,
    applyOnce: async (work: (tx: DbClient) => Promise<void>) => {
      applied = true;
      return context.db.$transaction(
        async (tx) => {
          const inserted = await tx.$executeRaw`
            INSERT INTO "ProcessedMessage" ("consumer", "eventId", "outcome") VALUES (${context.consumerName}, ${eventId}::uuid, 'applied')
            ON CONFLICT DO NOTHING`;
          if (inserted === 0) return false;
          await work(tx);
          // A retry the admin asked for (docs/domain.md §10 "Failed events") succeeds with its effects.
          await resolveRetriedEvent(tx, eventId);
          return true;
        },
        { timeout: 30_000, maxWait: 10_000 },
      );
    },
  };
  await handler.handle(payload, handlerContext);
  if (!applied) {
    await context.db.$transaction(async (tx) => {
      if ((await markProcessed(tx, context.consumerName, eventId, "handled")) > 0) await resolveRetriedEvent(tx, eventId);
    });
  }
}

/**
 * The ids a log line about an event names: the event's, and the request, user or release its
 * payload is about (docs/domain.md §10).
 */
function concerning(envelope: EventEnvelope | null, payload: unknown = envelope?.payload): LogDetails {
  const details: LogDetails = envelope ? { eventId: envelope.eventId, eventName: envelope.name } : {};
  if (typeof payload === "object" && payload !== null) {
    for (const field of ["requestId", "userId", "releaseId", "artistId"] as const) {
      const value = (payload as Record<string, unknown>)[field];
      if (typeof value === "number") details[field] = value;
    }
  }
  return details;
}

function parseEnvelope(message: KafkaMessage): EventEnvelope | null {
  try {
    const value = JSON.parse(message.value?.toString() ?? "") as Partial<EventEnvelope>;
    if (typeof value.eventId !== "string" || typeof value.name !== "string" || typeof value.version !== "number") return null;
    if (!/^[0-9a-f-]{36}$/i.test(value.eventId)) return null;
    return value as EventEnvelope;
  } catch {
    return null;
  }
}

async function alreadyProcessed(db: Db, consumer: string, eventId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ found: number }[]>`
    SELECT 1 AS found FROM "ProcessedMessage" WHERE "consumer" = ${consumer} AND "eventId" = ${eventId}::uuid`;
  return rows.length > 0;
}

/** Returns 1 when it wrote the ledger row, 0 when the event was there already. */
async function markProcessed(db: Db | DbClient, consumer: string, eventId: string, outcome: string): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "ProcessedMessage" ("consumer", "eventId", "outcome") VALUES (${consumer}, ${eventId}::uuid, ${outcome})
    ON CONFLICT DO NOTHING`;
}

async function previousFailures(db: Db, consumer: string, eventId: string): Promise<number> {
  const rows = await db.$queryRaw<{ attempts: number }[]>`
    SELECT "attempts" FROM "MessageFailure" WHERE "consumer" = ${consumer} AND "eventId" = ${eventId}::uuid`;
  return rows[0]?.attempts ?? 0;
}

/** The error text without what PostgreSQL cannot store (a NUL from a message's payload would fail this write for ever). */
async function recordFailure(db: Db, consumer: string, eventId: string, attempt: number, error: string) {
  await db.$executeRaw`
    INSERT INTO "MessageFailure" ("consumer", "eventId", "attempts", "lastError", "lastAttemptAt")
    VALUES (${consumer}, ${eventId}::uuid, ${attempt}, ${withoutUnstorableCharacters(error).slice(0, 2000)}, now())
    ON CONFLICT ("consumer", "eventId") DO UPDATE SET "attempts" = EXCLUDED."attempts", "lastError" = EXCLUDED."lastError", "lastAttemptAt" = now()`;
}

async function clearFailures(db: Db, consumer: string, eventId: string) {
  await db.$executeRaw`DELETE FROM "MessageFailure" WHERE "consumer" = ${consumer} AND "eventId" = ${eventId}::uuid`;
}

async function deadLetter(
  context: ProcessContext,
  topic: string,
  message: KafkaMessage,
  envelope: EventEnvelope | null,
  reason: string,
  attempts: number,
  { recordInLedger = true }: { recordInLedger?: boolean } = {},
) {
  await context.producer.send({
    topic: deadLetterTopicName(topic),
    acks: -1,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          "original-topic": topic,
          "original-offset": message.offset,
          "failure-reason": reason.slice(0, 1000),
          attempts: String(attempts),
          "event-name": envelope?.name ?? "unknown",
        },
      },
    ],
  });
  // After the dead-letter topic acknowledged: a crash before this transaction re-delivers the
  // message, which is parked again (a second copy on that topic, still one row here); the ledger
  // row and the admin's failed-event row commit together (decision 017). A message that is not
  // an event of ours (no envelope, or on a topic it does not belong to) gets no row: it cannot
  // be retried, and the topic and the log keep it.
  if (envelope && recordInLedger) {
    await context.db.$transaction(async (tx) => {
      if ((await markProcessed(tx, context.consumerName, envelope.eventId, "dead-lettered")) === 0) return;
      await recordFailedEvent(tx, {
        consumer: context.consumerName,
        envelope,
        topic,
        key: message.key?.toString() ?? envelope.eventId,
        reason,
        attempts,
      });
    });
  }
  eventsDeadLettered.inc({ event: envelope && context.byName.has(envelope.name) ? envelope.name : UNKNOWN_EVENT });
  context.log(`parked ${envelope?.name ?? "message"} on ${deadLetterTopicName(topic)}: ${reason}`, {
    level: "error",
    ...concerning(envelope),
    topic,
    offset: message.offset,
    attempts,
  });
}

async function waitWithHeartbeats(totalMs: number, heartbeat: () => Promise<void>) {
  const deadline = Date.now() + totalMs;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, deadline - Date.now())));
    await heartbeat().catch(() => undefined);
  }
}
