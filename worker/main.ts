// The worker process: `npm run worker`. Stops cleanly on SIGTERM/SIGINT.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { assertProductionSafety } from "@/lib/security/production-safety";
import { startWorker } from "@/worker/start-worker";

async function main() {
  const config = env();
  assertProductionSafety(config, "The worker"); // docs/domain.md §11, decision 010
  const crashAfterEvent = config.WORKER_TEST_CRASH_AFTER_EVENT;
  const worker = await startWorker(
    {
      db: prisma,
      // Test hook: die between the database commit and the offset commit.
      afterApply: crashAfterEvent
        ? (_eventId, eventName) => {
            if (eventName !== crashAfterEvent) return;
            console.log(`[worker] WORKER_TEST_CRASH_AFTER_EVENT: exiting after ${eventName}, before the offset commit`);
            process.exit(86);
          }
        : undefined,
    },
    config,
  );
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal} received, stopping`);
    const forced = setTimeout(() => process.exit(1), 20_000);
    await worker.stop();
    await prisma.$disconnect();
    clearTimeout(forced);
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  console.error(`[worker] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
