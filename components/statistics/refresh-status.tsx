// Where statistics stand: when they were last refreshed, and whether a refresh is running.
import { Alert } from "@/components/ui/alert";
import { formatDateTime } from "@/lib/clock";
import type { StatisticsRefreshStatusView } from "@/lib/statistics/get-statistics-refresh-status";

export function RefreshStatus({ status }: { status: StatisticsRefreshStatusView }) {
  const { running, lastFinished, lastRefreshedAt } = status;
  return (
    <div className="space-y-2 text-sm" aria-live="polite">
      <p className="text-stone-700">
        {lastRefreshedAt ? (
          <>
            Last refreshed <strong className="font-medium text-stone-900">{formatDateTime(lastRefreshedAt)}</strong>
          </>
        ) : (
          "Statistics have not been refreshed yet."
        )}
      </p>
      {running ? (
        <p role="status" className="flex items-center gap-2 font-medium text-sky-800">
          <span aria-hidden="true" className="size-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
          Refresh running… (started {formatDateTime(running.startedAt)}
          {running.reason === "DAILY" ? ", daily refresh" : running.requestedBy ? ` by ${running.requestedBy}` : ""})
        </p>
      ) : null}
      {running?.problem ? <p className="text-amber-800">{running.problem}</p> : null}
      {!running && lastFinished?.status === "PARTIAL" ? (
        <Alert tone="warning" title="The last refresh was incomplete">
          {lastFinished.problem} The other tracks were updated.
          {lastFinished.missingTrackIds.length ? ` Missing track ids: ${lastFinished.missingTrackIds.slice(0, 20).join(", ")}.` : null}
        </Alert>
      ) : null}
      {!running && lastFinished?.status === "FAILED" ? (
        <Alert tone="error" title="The last refresh failed">
          {lastFinished.problem} The figures below are from the last successful refresh.
        </Alert>
      ) : null}
    </div>
  );
}
