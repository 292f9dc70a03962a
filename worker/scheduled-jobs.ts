// The worker's periodic jobs; each is idempotent for its period (several workers run them).
import { pruneSessions } from "@/lib/auth/sessions";
import { pruneThrottleCounters } from "@/lib/auth/throttle";
import { prisma } from "@/lib/db";
import { pruneDeliveredEvents } from "@/lib/platform/prune-delivered-events";
import { ensureDailyStatisticsRefresh } from "@/lib/statistics/ensure-daily-statistics-refresh";
import type { ScheduledJob } from "@/worker/scheduler";

export const scheduledJobs: readonly ScheduledJob[] = [
  { name: "daily-statistics-refresh", everyMs: 60_000, run: (now) => ensureDailyStatisticsRefresh(now).then(() => undefined) },
  { name: "prune-delivered-events", everyMs: 10 * 60_000, run: (now) => pruneDeliveredEvents(prisma, now).then(() => undefined) },
  { name: "prune-sessions", everyMs: 60 * 60_000, run: (now) => pruneSessions(prisma, now).then(() => undefined) },
  { name: "prune-throttle-counters", everyMs: 10 * 60_000, run: (now) => pruneThrottleCounters(prisma, now).then(() => undefined) },
];
