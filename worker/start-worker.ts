// Assembles the worker: topics, outbox relay, consumers, scheduler, heartbeat. Used by
// worker/main.ts and by integration tests, which run real workers in-process.
import { hostname } from "node:os";
import type { Db } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { createKafka, type KafkaSettings } from "@/lib/kafka/client";
import { allTopicNames, deadLetterTopicName } from "@/lib/kafka/topics";
import { startConsumer } from "@/worker/consumer-runner";
import type { EventHandler } from "@/worker/handler";
import { handlers as defaultHandlers } from "@/worker/handlers";
import { startHeartbeat } from "@/worker/heartbeat";
import { relayOutboxBatch } from "@/worker/outbox-relay";
import { scheduledJobs as defaultJobs } from "@/worker/scheduled-jobs";
import { startScheduler, type ScheduledJob } from "@/worker/scheduler";

export type WorkerOptions = {
  db: Db;
  workerId?: string;
  handlers?: readonly EventHandler[];
  jobs?: readonly ScheduledJob[];
  groupId?: string;
  /** Idempotency namespace; defaults to the group id. */
  consumerName?: string;
  relay?: boolean;
  afterApply?: (eventId: string, eventName: string) => Promise<void> | void;
  log?: (message: string) => void;
};

/**
 * The configuration the worker reads, lib/env.ts's by default; a test passes its own (another
 * broker, shorter delays). Not the topic prefix: it is written into every outbox row, so it is
 * the process's (lib/kafka/topics.ts).
 */
export type WorkerSettings = KafkaSettings &
  Pick<Env, "OUTBOX_POLL_MS" | "CONSUMER_MAX_ATTEMPTS" | "CONSUMER_BACKOFF_BASE_MS" | "CONSUMER_BACKOFF_MAX_MS" | "WORKER_HEARTBEAT_MS">;

export type RunningWorker = { workerId: string; stop: () => Promise<void> };

export async function ensureTopics(topics: string[], settings: KafkaSettings = env()): Promise<void> {
  const admin = createKafka("admin", settings).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = [...topics, ...topics.map(deadLetterTopicName)].filter((topic) => !existing.has(topic));
    if (wanted.length) {
      await admin.createTopics({ waitForLeaders: true, topics: wanted.map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })) });
    }
  } finally {
    await admin.disconnect();
  }
}

export async function startWorker(options: WorkerOptions, settings: WorkerSettings = env()): Promise<RunningWorker> {
  const workerId = options.workerId ?? `${hostname()}-${process.pid}`;
  const log = options.log ?? ((message: string) => console.log(`[worker ${workerId}] ${message}`));
  const topics = allTopicNames();
  await ensureTopics(topics, settings);

  const kafka = createKafka(`worker-${workerId}`, settings);
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();

  const groupId = options.groupId ?? `${env().KAFKA_TOPIC_PREFIX}worker`;
  const consumer = await startConsumer({
    kafka,
    db: options.db,
    producer,
    groupId,
    consumerName: options.consumerName ?? groupId,
    topics,
    handlers: options.handlers ?? defaultHandlers,
    maxAttempts: settings.CONSUMER_MAX_ATTEMPTS,
    backoff: { baseMs: settings.CONSUMER_BACKOFF_BASE_MS, maxMs: settings.CONSUMER_BACKOFF_MAX_MS },
    afterApply: options.afterApply,
    log,
  });

  const relayLoop = options.relay === false ? null : startRelayLoop(options.db, producer, settings.OUTBOX_POLL_MS, log);
  const scheduler = startScheduler(options.jobs ?? defaultJobs, log);
  const heartbeat = startHeartbeat(options.db, workerId, settings.WORKER_HEARTBEAT_MS);
  log(`started: group ${groupId}, ${topics.length} topics`);

  return {
    workerId,
    stop: async () => {
      await relayLoop?.stop();
      await scheduler.stop();
      await consumer.stop();
      await producer.disconnect();
      await heartbeat.stop();
      log("stopped");
    },
  };
}

function startRelayLoop(db: Db, producer: Parameters<typeof relayOutboxBatch>[1], pollMs: number, log: (message: string) => void) {
  let stopped = false;
  let failures = 0;
  let wake: (() => void) | null = null;
  const loop = (async () => {
    while (!stopped) {
      let sent = 0;
      try {
        sent = await relayOutboxBatch(db, producer);
        failures = 0;
      } catch (error) {
        failures += 1;
        log(`outbox relay failed (${failures}): ${error instanceof Error ? error.message : String(error)}`);
      }
      if (sent > 0 && !stopped) continue; // more may be waiting
      const delay = failures ? Math.min(30_000, pollMs * 2 ** Math.min(failures, 6)) : pollMs;
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, delay);
      });
    }
  })();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
