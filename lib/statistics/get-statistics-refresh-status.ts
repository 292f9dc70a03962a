// What the manager sees about refreshes: the one running (if any) and the last finished one.
// The service's own words (addresses, driver messages, its reply) stay in the row's `error`
// for the log and the admin; people see what went wrong in ours, with a reference
// (docs/domain.md §11 "Bad input").
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
  /** What went wrong, in words fit to show, or null. */
  problem: string | null;
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
  const summary = (row: typeof running): RefreshSummary | null => {
    if (!row) return null;
    const { error, requestedBy, ...rest } = row;
    return { ...rest, problem: problemToShow(row.id, row.status, error), requestedBy: requestedBy?.name ?? null };
  };
  return { running: summary(running), lastFinished: summary(lastFinished), lastRefreshedAt: lastStored?.finishedAt ?? null };
}

/** A partial run's problems are our own count of tracks; a failure is named only by reference. */
function problemToShow(id: number, status: StatisticsRefreshStatus, error: string | null): string | null {
  if (status === "PARTIAL") return error;
  if (status === "SUCCEEDED" || (status === "RUNNING" && !error)) return null;
  const reference = `Reference: refresh #${id}.`;
  return status === "RUNNING"
    ? `The statistics service did not answer; trying again. ${reference}`
    : `The statistics service did not answer. ${reference}`;
}
