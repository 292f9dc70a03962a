// statistics.refresh-requested → fetch from the statistics service, then store in one transaction.
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { statisticsRefreshRequested } from "@/lib/events/definitions";
import {
  collectStatistics,
  findRunningStatisticsRefresh,
  markStatisticsRefreshFailed,
  noteStatisticsRefreshProblem,
  storeCollectedStatistics,
  type RefreshTuning,
} from "@/lib/statistics/refresh-statistics";
import { defineHandler } from "@/worker/handler";

export type RefreshStatisticsHandlerOptions = RefreshTuning & {
  /** Defaults to STATS_SERVICE_URL (read when a message arrives). */
  serviceUrl?: string;
  timeoutMs?: number;
};

export function createRefreshStatisticsHandler(options: RefreshStatisticsHandlerOptions = {}) {
  return defineHandler({
    event: statisticsRefreshRequested,
    handle: async ({ refreshId }, { applyOnce, attempt }) => {
      const refresh = await findRunningStatisticsRefresh(prisma, refreshId);
      if (!refresh) return; // finished or given up already: a redelivery has nothing to do
      const client = { baseUrl: options.serviceUrl ?? env().STATS_SERVICE_URL, timeoutMs: options.timeoutMs };
      // The HTTP calls happen before the transaction; a failure is thrown so the runtime
      // retries the run with backoff (and parks it after the last attempt).
      const collected = await collectStatistics(prisma, refresh, client, options).catch(async (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        await noteStatisticsRefreshProblem(prisma, refreshId, `Attempt ${attempt} failed: ${reason}`);
        throw error;
      });
      await applyOnce((tx) => storeCollectedStatistics(tx, refreshId, collected).then(() => undefined));
    },
    onGiveUp: (payload, error) => markStatisticsRefreshFailed(prisma, payload.refreshId, error),
  });
}

export const refreshStatisticsHandler = createRefreshStatisticsHandler();
