// Assembles the worker: topics, outbox relay, consumers, scheduler, heartbeat. Used by
// worker/main.ts and by integration tests, which run real workers in-process.
import { hostname } from "node:os";
import type { Kafka, Producer } from "kafkajs";
import type { Db } from "@/lib/db";
import { env, type Env } from "@/lib/env";
import { createKafka, type KafkaSettings } from "@/lib/kafka/client";
import { allTopicNames, deadLetterTopicName, workerGroupId } from "@/lib/kafka/topics";
import { logTo, logger, type Log } from "@/lib/observability/logger";
import { ListenConnection } from "@/lib/platform/listen-connection";
import { startConsumer, type RunningConsumer } from "@/worker/consumer-runner";
import type { EventHandler } from "@/worker/handler";
import { handlers as defaultHandlers } from "@/worker/handlers";
import { startHeartbeat } from "@/worker/heartbeat";
import { OUTBOX_WAKE_CHANNEL, RELAY_SEND_RETRY, createRelayClient, relayOutboxBatch, type RelayClient } from "@/worker/outbox-relay";
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
  /** Where the worker's lines go: the process's JSON log by default (lib/observability/logger.ts). */
  log?: Log;
};

/**
 * The configuration the worker reads, lib/env.ts's by default; a test passes its own (another
 * broker, shorter delays). Not the topic prefix: it is written into every outbox row, so it is
 * the process's (lib/kafka/topics.ts).
 */
export type WorkerSettings = KafkaSettings &
  Pick<Env, "DATABASE_URL" | "KAFKA_PARTITIONS" | "OUTBOX_POLL_MS" | "CONSUMER_MAX_ATTEMPTS" | "CONSUMER_BACKOFF_BASE_MS" | "CONSUMER_BACKOFF_MAX_MS" | "WORKER_HEARTBEAT_MS">;

/**
 * `groupId` and `topics`: what the worker consumes, for its consumer-lag figures (worker/main.ts).
 * `relayWakeUps`: the connection on which committed outbox rows wake the relay (null without a
 * relay), for tests and diagnostics.
 */
export type RunningWorker = { workerId: string; groupId: string; topics: string[]; relayWakeUps: ListenConnection | null; stop: () => Promise<void> };

/**
 * Creates the topics (and their dead-letter topics) the broker does not have, with
 * `KAFKA_PARTITIONS` partitions each; existing ones are left as they are (README, "Partitions
 * and worker processes").
 */
export async function ensureTopics(topics: string[], settings: KafkaSettings & Pick<Env, "KAFKA_PARTITIONS"> = env()): Promise<void> {
  const admin = createKafka("admin", settings).admin();
  try {
    await admin.connect();
    const existing = new Set(await admin.listTopics());
    const wanted = [...topics, ...topics.map(deadLetterTopicName)].filter((topic) => !existing.has(topic));
    if (wanted.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: wanted.map((topic) => ({ topic, numPartitions: settings.KAFKA_PARTITIONS, replicationFactor: 1 })),
      });
    }
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

export async function startWorker(options: WorkerOptions, settings: WorkerSettings = env()): Promise<RunningWorker> {
  const workerId = options.workerId ?? `${hostname()}-${process.pid}`;
  const log = options.log ?? logTo(logger.child({ workerId }));
  const topics = allTopicNames();
  const groupId = options.groupId ?? workerGroupId();
  // Everything up to the relay client talks to the broker and may fail (it went away during the
  // start); a failed start closes every Kafka client it made, so that a caller trying again
  // (worker/main.ts) does not keep a half-started consumer that rejoins the group on its own.
  const opened: KafkaClient[] = [];
  let starting = true;
  const recording = () => starting;
  let producer: Producer, consumer: RunningConsumer, relay: RelayClient | null;
  try {
    await ensureTopics(topics, settings);
    const kafka = recordClients(createKafka(`worker-${workerId}`, settings), opened, recording);
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    consumer = await startConsumer({
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
    // The relay has a producer of its own, which gives up on a send quickly (outbox-relay.ts).
    relay =
      options.relay === false
        ? null
        : await createRelayClient(recordClients(createKafka(`relay-${workerId}`, settings, RELAY_SEND_RETRY), opened, recording));
  } catch (error) {
    starting = false;
    await Promise.all(opened.reverse().map((client) => client.disconnect().catch(() => undefined)));
    log(`start failed; closed the ${opened.length} Kafka clients it had made`, { level: "warn" });
    throw error;
  }
  starting = false;
  const relayLoop = relay ? startRelayLoop(options.db, relay, settings.OUTBOX_POLL_MS, log) : null;
  // A committed row that is due wakes the relay at once; the poll stays, for rows falling due
  // later and for whatever was committed while this connection was not listening (decision 020).
  const relayWakeUps = relayLoop
    ? new ListenConnection({
        databaseUrl: settings.DATABASE_URL,
        channel: OUTBOX_WAKE_CHANNEL,
        applicationName: "cook-droogers outbox relay",
        onNotification: () => relayLoop.wake(),
        onListening: () => relayLoop.wake(),
        log: (message) => log(`outbox relay: ${message}`, { level: "warn" }),
      })
    : null;
  relayWakeUps?.start();
  const scheduler = startScheduler(options.jobs ?? defaultJobs, log);
  const heartbeat = startHeartbeat(options.db, workerId, settings.WORKER_HEARTBEAT_MS);
  log(`started: group ${groupId}, ${topics.length} topics`);

  return {
    workerId,
    groupId,
    topics,
    relayWakeUps,
    stop: async () => {
      await relayWakeUps?.stop();
      await relayLoop?.stop();
      await relay?.disconnect();
      await scheduler.stop();
      await consumer.stop();
      await producer.disconnect();
      await heartbeat.stop();
      log("stopped");
    },
  };
}

type KafkaClient = { disconnect: () => Promise<void> };

/**
 * Notes every producer, consumer and admin made from `kafka` while `recording()` holds:
 * startConsumer and createRelayClient make theirs inside and hand nothing back when they throw.
 * Recording ends with the start, so the relay's later producers (after a reset) are not kept.
 */
function recordClients(kafka: Kafka, into: KafkaClient[], recording: () => boolean): Kafka {
  const record = <Client extends KafkaClient>(client: Client): Client => {
    if (recording()) into.push(client);
    return client;
  };
  const [producer, consumer, admin] = [kafka.producer.bind(kafka), kafka.consumer.bind(kafka), kafka.admin.bind(kafka)];
  kafka.producer = (config) => record(producer(config));
  kafka.consumer = (config) => record(consumer(config));
  kafka.admin = (config) => record(admin(config));
  return kafka;
}

const BROKER_PROBE_MS = 500;

/**
 * Relays batches while there are rows to send, then waits for the poll interval or a wake-up
 * (`wake`: a due row was committed), whichever comes first. A wake-up during a batch makes the
 * loop run once more, since the batch may have read before that row was committed. While the
 * broker is away or the relay keeps failing, wake-ups are ignored and the loop keeps its probe
 * or backoff delay, so a stream of commits cannot turn an outage into a busy loop.
 */
function startRelayLoop(db: Db, relay: RelayClient, pollMs: number, log: Log) {
  let stopped = false;
  let failures = 0;
  let brokerAwaySince: number | null = null;
  let woken = false;
  let endWait: (() => void) | null = null;
  let wakeable = false;
  const loop = (async () => {
    while (!stopped) {
      woken = false;
      let outcome = { sent: 0, brokerUnavailable: false };
      try {
        outcome = await relayOutboxBatch(db, relay);
        failures = 0;
      } catch (error) {
        failures += 1;
        log(`outbox relay failed (${failures}): ${error instanceof Error ? error.message : String(error)}`, { level: "error", failures, err: error });
      }
      if (outcome.brokerUnavailable && brokerAwaySince === null) {
        brokerAwaySince = Date.now();
        log("outbox relay: the broker cannot be reached or is not ready; due events wait in the outbox", { level: "warn" });
      } else if (!outcome.brokerUnavailable && outcome.sent > 0 && brokerAwaySince !== null) {
        log(`outbox relay: sending again; the broker was first found unavailable ${Date.now() - brokerAwaySince} ms ago`);
        brokerAwaySince = null;
      }
      if (outcome.sent > 0 && !stopped) continue; // more may be waiting
      const healthy = !outcome.brokerUnavailable && failures === 0;
      if (healthy && woken) continue; // committed while this batch ran
      // While the broker is away it is probed often, so that relaying resumes within about a
      // second of its return (each failing send gives up within RELAY_SEND_RETRY's second).
      const delay = outcome.brokerUnavailable
        ? Math.min(pollMs, BROKER_PROBE_MS)
        : failures
          ? Math.min(30_000, pollMs * 2 ** Math.min(failures, 6))
          : pollMs;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wakeable = healthy;
        endWait = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      endWait = null;
      wakeable = false;
    }
  })();
  return {
    wake: () => {
      woken = true;
      if (wakeable) endWait?.();
    },
    stop: async () => {
      stopped = true;
      endWait?.();
      await loop;
    },
  };
}
