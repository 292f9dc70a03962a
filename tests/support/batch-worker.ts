// A worker for the tests of the consumer's batch path (decision 020): events produced to one
// partition before it starts, so it fetches them as one run; what it applies and says is kept
// only for the test's own event ids (the topic holds earlier tests' events too).
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createKafka } from "@/lib/kafka/client";
import type { LogDetails } from "@/lib/observability/logger";
import { startWorker } from "@/worker/start-worker";

/** All on partition 0 of `topic`, acknowledged by every replica. */
export async function produceToOnePartition(topic: string, values: readonly string[], clientId: string): Promise<void> {
  const producer = createKafka(clientId).producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: values.map((value) => ({ key: clientId, value, partition: 0 })) });
  } finally {
    await producer.disconnect();
  }
}

/** A worker without relay or jobs, with short retries (`maxAttempts`), keeping what concerns `ours`. */
export async function runBatchWorker(workerId: string, ours: ReadonlySet<string>, maxAttempts: number) {
  const applied: string[] = [];
  const lines: { message: string; details: LogDetails }[] = [];
  const worker = await startWorker(
    {
      db: prisma,
      workerId,
      relay: false,
      jobs: [],
      afterApply: (eventId) => void (ours.has(eventId) && applied.push(eventId)),
      log: (message, details = {}) => void (typeof details.eventId === "string" && ours.has(details.eventId) && lines.push({ message, details })),
    },
    { ...env(), CONSUMER_MAX_ATTEMPTS: maxAttempts, CONSUMER_BACKOFF_BASE_MS: 50, CONSUMER_BACKOFF_MAX_MS: 100 },
  );
  return { worker, applied, lines };
}
