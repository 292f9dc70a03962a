// Periodic jobs (e.g. the daily statistics refresh). Each job must be idempotent for its
// period, since several workers run it and a restart runs it again. A job gets the instant of its tick.
import { systemClock, type Clock } from "@/lib/clock";
import type { Log } from "@/lib/observability/logger";

export type ScheduledJob = { name: string; everyMs: number; run: (now: Date) => Promise<void> };

export function startScheduler(jobs: readonly ScheduledJob[], log: Log, clock: Clock = systemClock): { stop: () => Promise<void> } {
  const running = new Set<Promise<void>>();
  const timers = jobs.map((job) => {
    const tick = () => {
      const run = job
        .run(clock.now())
        .catch((error: unknown) => log(`job ${job.name} failed: ${error instanceof Error ? error.message : String(error)}`, { level: "error", job: job.name, err: error }))
        .finally(() => running.delete(run));
      running.add(run);
    };
    tick();
    return setInterval(tick, job.everyMs);
  });
  return {
    stop: async () => {
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
  };
}
