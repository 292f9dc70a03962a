// Liveness: the worker stamps its row every few seconds; /api/health shows the age.
import { systemClock, type Clock } from "@/lib/clock";
import type { Db } from "@/lib/db";
import { logger } from "@/lib/observability/logger";

export function startHeartbeat(db: Db, workerId: string, intervalMs: number, clock: Clock = systemClock): { stop: () => Promise<void> } {
  const startedAt = clock.now();
  const beat = () => {
    const beatAt = clock.now();
    return db.workerHeartbeat
      .upsert({
        where: { workerId },
        create: { workerId, startedAt, beatAt },
        update: { beatAt },
      })
      .catch((error: unknown) => logger.error({ workerId, err: error }, "the heartbeat could not be written"));
  };
  let current = beat();
  const timer = setInterval(() => {
    current = beat();
  }, intervalMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await current;
    },
  };
}
