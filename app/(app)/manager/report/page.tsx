// /manager/report: statistics of every release of the manager's artists — latest figures,
// those three months earlier, growth, the label's relevant genre — with refresh and CSV.
import type { Metadata } from "next";
import { ReleaseStatusBadge } from "@/components/releases/release-status-badge";
import { RefreshStatisticsForm } from "@/components/statistics/refresh-statistics-form";
import { RefreshStatus } from "@/components/statistics/refresh-status";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDay } from "@/lib/clock";
import { sameGenre } from "@/lib/releases/find-main-genre";
import { getManagerReport, REPORT_MONTHS, type ReportArtist } from "@/lib/statistics/get-manager-report";
import { getStatisticsRefreshStatus } from "@/lib/statistics/get-statistics-refresh-status";
import { formatCount, formatGain, formatGrowthPercent } from "@/lib/statistics/statistics-growth";
import { refreshStatisticsAction } from "./actions";

export const metadata: Metadata = { title: "Statistics report" };

export default async function ManagerReportPage() {
  const user = await requirePageRole("MANAGER");
  const [report, refreshStatus] = await Promise.all([getManagerReport(user), getStatisticsRefreshStatus()]);
  const sinceLabel = formatDay(report.since);

  return (
    <>
      <PageHeader
        title="Statistics report"
        description={`Streams and likes of every release of your artists: the latest figures, those of ${sinceLabel} (${REPORT_MONTHS} months earlier) and the growth since.`}
      />
      <div className="space-y-6">
        <div className="grid gap-4 lg:grid-cols-3">
          <Card title="Statistics refresh" className="lg:col-span-2">
            <div className="space-y-4">
              <RefreshStatus status={refreshStatus} />
              <RefreshStatisticsForm action={refreshStatisticsAction}>
                {/* A GET form, so "Download CSV" is a real button that downloads the same rows. */}
                <form method="get" action="/manager/report/csv">
                  <Button type="submit" variant="secondary">
                    Download CSV
                  </Button>
                </form>
              </RefreshStatisticsForm>
            </div>
          </Card>
          <Card title="Label's relevant genre">
            {report.relevantGenre ? (
              <>
                <p className="text-2xl font-semibold tracking-tight text-stone-900">{report.relevantGenre}</p>
                <p className="mt-1 text-sm text-stone-600">
                  Most streams gained across the label since {sinceLabel}. Publish requests in another genre lose a point.
                </p>
              </>
            ) : (
              <p className="text-sm text-stone-600">Not enough statistics: no streams recorded since {sinceLabel}.</p>
            )}
          </Card>
        </div>

        {report.artists.length === 0 ? (
          <EmptyState title="No artists yet" description="When you accept a request to join the label, the new artist's statistics appear here." />
        ) : (
          report.artists.map((artist) => <ArtistReport key={artist.id} artist={artist} sinceLabel={sinceLabel} relevantGenre={report.relevantGenre} />)
        )}
      </div>
    </>
  );
}

function ArtistReport({ artist, sinceLabel, relevantGenre }: { artist: ReportArtist; sinceLabel: string; relevantGenre: string | null }) {
  const isRelevant = (genre: string) => relevantGenre !== null && sameGenre(genre, relevantGenre);
  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          {artist.nickname}
          {artist.active ? null : <Badge>Inactive</Badge>}
        </span>
      }
      description={`${artist.releases.length} ${artist.releases.length === 1 ? "release" : "releases"}`}
      flush
    >
      {artist.releases.length === 0 ? (
        <p className="px-4 py-4 text-sm text-stone-600 sm:px-5">No releases yet.</p>
      ) : (
        <Table caption={`Statistics of ${artist.nickname}'s releases`} className="rounded-none border-0 shadow-none">
          <TableHead>
            <tr>
              <TableHeaderCell>Release</TableHeaderCell>
              <TableHeaderCell>Track</TableHeaderCell>
              <TableHeaderCell>Genre</TableHeaderCell>
              <TableHeaderCell className="text-right">Streams</TableHeaderCell>
              <TableHeaderCell className="text-right">Likes</TableHeaderCell>
              <TableHeaderCell className="text-right">Streams on {sinceLabel}</TableHeaderCell>
              <TableHeaderCell className="text-right">Likes on {sinceLabel}</TableHeaderCell>
              <TableHeaderCell className="text-right">Streams growth</TableHeaderCell>
              <TableHeaderCell className="text-right">Likes growth</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {artist.releases.flatMap((release) =>
              release.tracks.map((track, index) => (
                <TableRow key={track.id} className={index === 0 ? "border-t-2 border-stone-200" : undefined}>
                  {index === 0 ? (
                    <th scope="rowgroup" rowSpan={release.tracks.length} className="px-4 py-3 text-left align-top text-sm font-medium text-stone-900 max-sm:block max-sm:p-0">
                      <span className="block">{release.title}</span>
                      <span className="mt-1 block">
                        <ReleaseStatusBadge status={release.status} />
                      </span>
                    </th>
                  ) : null}
                  <TableCell label="Track">{track.title}</TableCell>
                  <TableCell label="Genre">
                    <span className="flex items-center gap-1.5">
                      {track.genre}
                      {isRelevant(track.genre) ? <Badge tone="accent">relevant</Badge> : null}
                    </span>
                  </TableCell>
                  <TableCell label="Streams" className="text-right tabular-nums">
                    {track.latest ? (
                      <>
                        {formatCount(track.latest.streams)}
                        <span className="block text-xs whitespace-nowrap text-stone-500">on {formatDay(track.latest.day)}</span>
                      </>
                    ) : (
                      <span className="text-stone-500">No data</span>
                    )}
                  </TableCell>
                  <TableCell label="Likes" className="text-right tabular-nums">{track.latest ? formatCount(track.latest.likes) : "—"}</TableCell>
                  <TableCell label={`Streams on ${sinceLabel}`} className="text-right tabular-nums">
                    {track.earlier ? (
                      <>
                        {formatCount(track.earlier.streams)}
                        {formatDay(track.earlier.day) !== sinceLabel ? (
                          <span className="block text-xs whitespace-nowrap text-stone-500">as of {formatDay(track.earlier.day)}</span>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell label={`Likes on ${sinceLabel}`} className="text-right tabular-nums">{track.earlier ? formatCount(track.earlier.likes) : "—"}</TableCell>
                  <TableCell label="Streams growth" className="text-right tabular-nums">
                    {track.growth ? (
                      <>
                        <span className="text-emerald-700">{formatGain(track.growth.streams)}</span>
                        <span className="block text-xs text-stone-500">{formatGrowthPercent(track.growth.streamsPercent)}</span>
                      </>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell label="Likes growth" className="text-right tabular-nums">
                    {track.growth ? <span className="text-emerald-700">{formatGain(track.growth.likes)}</span> : "—"}
                  </TableCell>
                </TableRow>
              )),
            )}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
