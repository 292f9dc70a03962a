// A manager's "Refresh statistics": records a refresh and enqueues its command in one transaction.
import "server-only";
import type { SessionUser } from "@/lib/auth/guards";
import { startOfUtcDay, systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db } from "@/lib/db";
import { ForbiddenError, isUniqueViolation } from "@/lib/errors";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { statisticsRefreshRequested } from "@/lib/events/definitions";

export type RefreshRequestOutcome = { refreshId: number; alreadyRunning: boolean };

/** A run still "running" after this long was lost (no worker, a parked message): it no longer blocks. */
const STALE_REFRESH_MS = 30 * 60 * 1000;

/**
 * Statistics are label-wide, so a refresh that is already running (daily or manual) serves
 * everybody: asking again returns it instead of fetching twice. Two clicks at the same
 * moment meet at the partial unique index on running manual refreshes. A run that never
 * finished (a worker that was down for long) is closed as failed first, so it cannot block
 * refreshes forever; should its command still arrive, the worker finds it closed and skips it.
 */
export async function requestStatisticsRefresh(
  user: Pick<SessionUser, "id" | "role">,
  options: { db?: Db; clock?: Clock } = {},
): Promise<RefreshRequestOutcome> {
  if (user.role !== "MANAGER") throw new ForbiddenError();
  const db = options.db ?? prisma;
  const now = (options.clock ?? systemClock).now();

  await db.statisticsRefresh.updateMany({
    where: { status: "RUNNING", startedAt: { lt: new Date(now.getTime() - STALE_REFRESH_MS) } },
    data: { status: "FAILED", finishedAt: now, error: "Did not finish within 30 minutes; superseded by a new refresh." },
  });
  const running = await findRunningRefresh(db);
  if (running) return { refreshId: running.id, alreadyRunning: true };

  try {
    return await db.$transaction(async (tx) => {
      const refresh = await tx.statisticsRefresh.create({
        data: { reason: "MANUAL", day: startOfUtcDay(now), requestedById: user.id, startedAt: now },
      });
      await enqueueEvent(tx, statisticsRefreshRequested, { refreshId: refresh.id });
      return { refreshId: refresh.id, alreadyRunning: false };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const winner = await findRunningRefresh(db);
    if (winner) return { refreshId: winner.id, alreadyRunning: true };
    throw error;
  }
}

async function findRunningRefresh(db: Db) {
  return db.statisticsRefresh.findFirst({ where: { status: "RUNNING" }, orderBy: { startedAt: "desc" }, select: { id: true } });
}
