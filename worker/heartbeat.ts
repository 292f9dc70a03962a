// Liveness: the worker stamps its row every few seconds; /api/health shows the age.
import type { Db } from "@/lib/db";

export function startHeartbeat(db: Db, workerId: string, intervalMs: number): { stop: () => Promise<void> } {
  const startedAt = new Date();
  const beat = () =>
    db.workerHeartbeat
      .upsert({
        where: { workerId },
        create: { workerId, startedAt, beatAt: new Date() },
        update: { beatAt: new Date() },
      })
      .catch((error: unknown) => console.error(`[heartbeat] ${String(error)}`));
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
