// The worker's periodic jobs; each is idempotent for its period (several workers run them).
import { ensureDailyStatisticsRefresh } from "@/lib/statistics/ensure-daily-statistics-refresh";
import type { ScheduledJob } from "@/worker/scheduler";

export const scheduledJobs: readonly ScheduledJob[] = [
  { name: "daily-statistics-refresh", everyMs: 60_000, run: (now) => ensureDailyStatisticsRefresh(now).then(() => undefined) },
];
