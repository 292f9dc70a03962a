// The worker process: `npm run worker`. Stops cleanly on SIGTERM/SIGINT. A configuration that
// cannot work (lib/env.ts's checks, production safety) ends it at once with exit code 1; a broker
// or database it cannot reach while starting is tried again with backoff (start-with-retries.ts).
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { createKafka } from "@/lib/kafka/client";
import { registerConsumerLagMetrics } from "@/lib/observability/consumer-lag";
import { logTo, logger, nameTheService } from "@/lib/observability/logger";
import { assertProductionSafety } from "@/lib/security/production-safety";
import { startMetricsServer, type RunningMetricsServer } from "@/worker/metrics-server";
import { startWithRetries } from "@/worker/start-with-retries";
import { startWorker } from "@/worker/start-worker";

nameTheService("worker");
const log = logTo(logger);

async function main() {
  const config = env();
  assertProductionSafety(config, "The worker"); // docs/domain.md §11, decision 010
  const crashAfterEvent = config.WORKER_TEST_CRASH_AFTER_EVENT;

  const stop = new AbortController();
  const onSignal = (signal: string) => {
    if (stop.signal.aborted) return;
    log(`${signal} received, stopping`);
    setTimeout(() => process.exit(1), 20_000).unref();
    stop.abort(signal);
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));

  const worker = await startWithRetries(
    () =>
      startWorker(
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
      ),
    { log, stop: stop.signal },
  );
  const metrics = worker && !stop.signal.aborted ? await startMetrics(config, worker) : null;
  if (!stop.signal.aborted) await new Promise((resolve) => stop.signal.addEventListener("abort", resolve, { once: true }));
  await metrics?.stop();
  await worker?.stop();
  await prisma.$disconnect();
  process.exit(0);
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
