// Consumer lag per topic and partition (docs/domain.md §10, decision 016), read from the broker
// at scrape time: how many messages of each partition the worker's consumer group has yet to
// commit. Exposed by the worker. A broker that does not answer within a short timeout leaves the
// lag out of that scrape (and sets `metrics_source_up{source="kafka"} 0`) instead of holding it.
import type { Admin, Kafka } from "kafkajs";
import { logger } from "@/lib/observability/logger";
import { METRIC_PREFIX, gauge, perScrape, registerSource } from "@/lib/observability/registry";

export type PartitionLag = { topic: string; partition: number; lag: number };

type TopicOffsets = { partition: number; high: string; low: string }[];
type CommittedOffsets = { partition: number; offset: string }[];

/**
 * The lag of each partition of one topic: its end (high watermark) less the group's committed
 * offset. A partition the group never committed counts from its first retained message (the
 * consumer starts from the beginning), so everything in it is lag.
 */
export function lagOfTopic(topic: string, topicOffsets: TopicOffsets, committed: CommittedOffsets): PartitionLag[] {
  const committedBy = new Map(committed.map((entry) => [entry.partition, Number(entry.offset)]));
  return topicOffsets
    .map(({ partition, high, low }) => {
      const end = Number(high);
      const start = Number(low);
      const offset = committedBy.get(partition) ?? -1;
      const position = offset >= 0 ? Math.max(offset, start) : start;
      return { topic, partition, lag: Math.max(0, end - position) };
    })
    .sort((a, b) => a.partition - b.partition);
}

/** Reads the lag of `groupId` on every topic, through a connected admin client. */
export async function readConsumerLag(admin: Admin, groupId: string, topics: readonly string[]): Promise<PartitionLag[]> {
  const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
  const committedBy = new Map(committed.map((entry) => [entry.topic, entry.partitions]));
  const perTopic = await Promise.all(
    topics.map(async (topic) => lagOfTopic(topic, await admin.fetchTopicOffsets(topic), committedBy.get(topic) ?? [])),
  );
  return perTopic.flat();
}

export type ConsumerLagOptions = {
  kafka: Kafka;
  groupId: string;
  topics: readonly string[];
  /** How long a scrape waits for the broker (2 s by default). */
  timeoutMs?: number;
};

function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the broker did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

type LagReader = () => Promise<{ ok: boolean; lags: (PartitionLag & { group: string })[] }>;

/**
 * The groups whose lag this process reports (the worker's one; a test may register others), kept
 * once per process like the registry itself.
 */
const readers: Set<LagReader> = ((globalThis as unknown as { cookDroogersLagReaders?: Set<LagReader> }).cookDroogersLagReaders ??= new Set());

/** Every registered group's lag, read once per scrape. */
const lagOfThisScrape = perScrape(async () => {
  const answers = await Promise.all([...readers].map((reader) => reader()));
  return { reported: answers.length > 0, ok: answers.every((answer) => answer.ok), lags: answers.flatMap((answer) => answer.lags) };
});

registerSource("kafka", async () => {
  const { reported, ok } = await lagOfThisScrape();
  return reported ? ok : null;
});

/**
 * Read afresh at each scrape: a partition that no longer exists or a group no longer reported
 * does not linger from an earlier scrape.
 */
gauge({
  name: `${METRIC_PREFIX}consumer_lag_messages`,
  help: "Messages of a partition the worker's consumer group has not yet committed (high watermark less committed offset)",
  labelNames: ["group", "topic", "partition"] as const,
  async collect() {
    const { lags } = await lagOfThisScrape();
    this.reset();
    for (const { group, topic, partition, lag } of lags) this.set({ group, topic, partition: String(partition) }, lag);
  },
});

/**
 * Reports the lag of one consumer group until `stop`. A read still under way when the next
 * scrape comes is awaited again rather than started twice, so an unreachable broker never piles
 * up requests; `stop` disconnects the admin client.
 */
export function registerConsumerLagMetrics({ kafka, groupId, topics, timeoutMs = 2_000 }: ConsumerLagOptions): { stop: () => Promise<void> } {
  // No retries of its own: the next scrape is the retry.
  const admin = kafka.admin({ retry: { retries: 0 } });
  let connected: Promise<void> | null = null;
  let inFlight: Promise<PartitionLag[]> | null = null;
  const read = () => {
    connected ??= admin.connect().catch((error: unknown) => {
      connected = null;
      throw error;
    });
    inFlight ??= connected
      .then(() => readConsumerLag(admin, groupId, topics))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };
  const reader: LagReader = async () => {
    try {
      const lags = await withTimeout(read(), timeoutMs);
      return { ok: true, lags: lags.map((lag) => ({ ...lag, group: groupId })) };
    } catch (error) {
      logger.warn({ err: error, groupId }, "metrics: the consumer lag could not be read");
      return { ok: false, lags: [] };
    }
  };
  readers.add(reader);
  return {
    // Bounded like a scrape: a connection still being tried to a broker that is away is dropped.
    stop: async () => {
      readers.delete(reader);
      const closing = (async () => {
        await inFlight?.catch(() => undefined);
        if (connected) await connected.then(() => admin.disconnect(), () => undefined);
      })();
      await withTimeout(closing, timeoutMs).catch(() => void admin.disconnect().catch(() => undefined));
    },
  };
}
