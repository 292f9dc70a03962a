// What the manager sees about refreshes: the one running (if any) and the last finished one.
import "server-only";
import { prisma, type Db } from "@/lib/db";
import type { StatisticsRefreshReason, StatisticsRefreshStatus } from "@/lib/generated/prisma/enums";

type RefreshSummary = {
  id: number;
  reason: StatisticsRefreshReason;
  status: StatisticsRefreshStatus;
  startedAt: Date;
  finishedAt: Date | null;
  tracksUpdated: number;
  missingTrackIds: number[];
  unknownTrackIds: string[];
  error: string | null;
  requestedBy: string | null;
};

export type StatisticsRefreshStatusView = {
  running: RefreshSummary | null;
  /** The newest finished run, whatever its outcome. */
  lastFinished: RefreshSummary | null;
  /** The newest run that stored figures (succeeded or partial): "last refreshed". */
  lastRefreshedAt: Date | null;
};

const select = {
  id: true,
  reason: true,
  status: true,
  startedAt: true,
  finishedAt: true,
  tracksUpdated: true,
  missingTrackIds: true,
  unknownTrackIds: true,
  error: true,
  requestedBy: { select: { name: true } },
} as const;

export async function getStatisticsRefreshStatus(db: Db = prisma): Promise<StatisticsRefreshStatusView> {
  const [running, lastFinished, lastStored] = await Promise.all([
    db.statisticsRefresh.findFirst({ where: { status: "RUNNING" }, orderBy: { startedAt: "desc" }, select }),
    db.statisticsRefresh.findFirst({ where: { status: { not: "RUNNING" } }, orderBy: { finishedAt: "desc" }, select }),
    db.statisticsRefresh.findFirst({
      where: { status: { in: ["SUCCEEDED", "PARTIAL"] } },
      orderBy: { finishedAt: "desc" },
      select: { finishedAt: true },
    }),
  ]);
  const summary = (row: typeof running): RefreshSummary | null =>
    row && { ...row, requestedBy: row.requestedBy?.name ?? null };
  return { running: summary(running), lastFinished: summary(lastFinished), lastRefreshedAt: lastStored?.finishedAt ?? null };
}
