// The daily statistics refresh: the worker's scheduler calls this every minute; the first call
// of each UTC day records that day's refresh and enqueues its command, later calls do nothing.
import "server-only";
import { startOfUtcDay, toIsoDay } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { statisticsRefreshRequested } from "@/lib/events/definitions";

export type DailyRefreshOutcome = { created: true; refreshId: number } | { created: false };

/** Idempotent per UTC day (unique dailyKey), also with several workers calling it at once. */
export async function ensureDailyStatisticsRefresh(now: Date, db: Db = prisma): Promise<DailyRefreshOutcome> {
  const day = toIsoDay(startOfUtcDay(now));
  return db.$transaction(async (tx) => {
    // ON CONFLICT rather than catching the unique violation: the transaction stays usable.
    const rows = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO "StatisticsRefresh" ("reason", "status", "day", "dailyKey", "startedAt")
      VALUES ('DAILY', 'RUNNING', ${day}::date, ${day}::date, ${now})
      ON CONFLICT ("dailyKey") DO NOTHING
      RETURNING "id"`;
    const created = rows[0];
    if (!created) return { created: false };
    await enqueueEvent(tx, statisticsRefreshRequested, { refreshId: created.id });
    return { created: true, refreshId: created.id };
  });
}
