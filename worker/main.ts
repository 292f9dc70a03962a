// The worker process: `npm run worker`. Stops cleanly on SIGTERM/SIGINT.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createKafka } from "@/lib/kafka/client";
import { registerConsumerLagMetrics } from "@/lib/observability/consumer-lag";
import { logTo, logger, nameTheService } from "@/lib/observability/logger";
import { assertProductionSafety } from "@/lib/security/production-safety";
import { startMetricsServer, type RunningMetricsServer } from "@/worker/metrics-server";
import { startWorker } from "@/worker/start-worker";

nameTheService("worker");
const log = logTo(logger);

async function main() {
  const config = env();
  assertProductionSafety(config, "The worker"); // docs/domain.md §11, decision 010
  const crashAfterEvent = config.WORKER_TEST_CRASH_AFTER_EVENT;
  const worker = await startWorker(
    {
      db: prisma,
      // Test hook: die between the database commit and the offset commit.
      afterApply: crashAfterEvent
        ? (eventId, eventName) => {
            if (eventName !== crashAfterEvent) return;
            log(`WORKER_TEST_CRASH_AFTER_EVENT: exiting after ${eventName}, before the offset commit`, { level: "warn", eventId, eventName });
            process.exit(86);
          }
        : undefined,
    },
    config,
  );
  const metrics = await startMetrics(config, worker);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping`);
    const forced = setTimeout(() => process.exit(1), 20_000);
    await metrics?.stop();
    await worker.stop();
    await prisma.$disconnect();
    clearTimeout(forced);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * The worker's Prometheus endpoint with its consumer-lag figures (decision 016). A port that is
 * taken is reported and the worker runs on without metrics: the events matter more than the
 * figures about them, and Prometheus shows the target as down.
 */
async function startMetrics(config: ReturnType<typeof env>, worker: { groupId: string; topics: string[] }): Promise<{ stop: () => Promise<void> } | null> {
  if (config.METRICS_PORT === 0) return null;
  const lag = registerConsumerLagMetrics({ kafka: createKafka("metrics", config), groupId: worker.groupId, topics: worker.topics });
  let server: RunningMetricsServer | null = null;
  try {
    server = await startMetricsServer({ port: config.METRICS_PORT, token: config.METRICS_TOKEN, log });
  } catch (error) {
    log(`metrics: port ${config.METRICS_PORT} could not be opened; running without metrics`, { level: "error", err: error });
  }
  return {
    stop: async () => {
      await server?.stop();
      await lag.stop();
    },
  };
}

main().catch((error: unknown) => {
  log("failed to start", { level: "error", err: error });
  process.exit(1);
});
