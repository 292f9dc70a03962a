// /statistics: the artist's streams and likes per release and track, the change over the last
// 30 days, and a chart of streams over time.
import type { Metadata } from "next";
import Link from "next/link";
import { ReleaseScheduleNote, ReleaseStatusBadge } from "@/components/releases/release-status-badge";
import { StatTile } from "@/components/statistics/stat-tile";
import { StreamsChart } from "@/components/statistics/streams-chart";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { requirePageRole } from "@/lib/auth/guards";
import { formatDateTime, formatDay } from "@/lib/clock";
import { CHANGE_WINDOW_DAYS, CHART_RANGES, getArtistStatistics, type ChartRange } from "@/lib/statistics/get-artist-statistics";
import { formatCount, formatGain } from "@/lib/statistics/statistics-growth";

export const metadata: Metadata = { title: "Statistics" };

const rangeLabels: Record<ChartRange, string> = { "30d": "30 days", "90d": "90 days", "1y": "1 year" };

/** The chart's range from the query string; anything else (even "toString", which `in` would take) is the default. */
function parseRange(value: string | string[] | undefined): ChartRange {
  return typeof value === "string" && Object.hasOwn(CHART_RANGES, value) ? (value as ChartRange) : "90d";
}

export default async function StatisticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageRole("ARTIST");
  const range = parseRange((await searchParams).range);
  const statistics = await getArtistStatistics(user, { range });
  const { releases, chart } = statistics;
  const tracks = releases.flatMap((release) => release.tracks);
  const hasFigures = tracks.some((track) => track.latest !== null);
  const totals = tracks.reduce(
    (sum, track) => ({
      streams: sum.streams + (track.latest?.streams ?? 0),
      likes: sum.likes + (track.latest?.likes ?? 0),
      gained: sum.gained + (track.change?.streams ?? 0),
      likesGained: sum.likesGained + (track.change?.likes ?? 0),
    }),
    { streams: 0, likes: 0, gained: 0, likesGained: 0 },
  );

  return (
    <>
      <PageHeader
        title="Statistics"
        description={`Streams and likes of your scheduled and published releases, and how they changed over the last ${CHANGE_WINDOW_DAYS} days. Counts are totals since each track went out.`}
      />
      {releases.length === 0 ? (
        <EmptyState
          title="No statistics yet"
          description={
            statistics.unpublishedCount > 0
              ? "Statistics start once a release is scheduled for publication. Ask the label to publish one of your releases."
              : "Statistics start once a release is scheduled for publication. Create a release first."
          }
          action={<LinkButton href="/releases">Go to your releases</LinkButton>}
        />
      ) : (
        <div className="space-y-6">
          <dl className="grid gap-3 sm:grid-cols-3">
            <StatTile label="Total streams" value={formatCount(totals.streams)} note={`${formatGain(totals.gained)} in the last ${CHANGE_WINDOW_DAYS} days`} />
            <StatTile label="Total likes" value={formatCount(totals.likes)} note={`${formatGain(totals.likesGained)} in the last ${CHANGE_WINDOW_DAYS} days`} />
            <StatTile
              label="Last updated"
              value={<span className="text-base">{statistics.lastFetchedAt ? formatDateTime(statistics.lastFetchedAt) : "Not yet"}</span>}
              note="Statistics are fetched daily from the streaming service."
            />
          </dl>

          <Card
            title="Streams over time"
            description="Total streams of each release, day by day."
            actions={
              <nav aria-label="Chart period" className="flex gap-1">
                {(Object.keys(CHART_RANGES) as ChartRange[]).map((key) => (
                  <Link
                    key={key}
                    href={key === "90d" ? "/statistics" : `/statistics?range=${key}`}
                    aria-current={key === range ? "page" : undefined}
                    className={cn(
                      "rounded-md px-2.5 py-1 text-sm font-medium",
                      key === range ? "bg-accent-50 text-accent-800 ring-1 ring-accent-200" : "text-stone-600 hover:bg-stone-100",
                    )}
                  >
                    {rangeLabels[key]}
                  </Link>
                ))}
              </nav>
            }
          >
            {hasFigures ? (
              <StreamsChart series={chart} title={`Streams over time, last ${rangeLabels[range]}`} />
            ) : (
              <p className="text-sm text-stone-600">No streams recorded yet. The chart appears after the next statistics refresh.</p>
            )}
          </Card>

          {releases.map((release) => (
            <Card
              key={release.id}
              title={release.title}
              description={
                <span className="flex flex-wrap items-center gap-2">
                  <ReleaseStatusBadge status={release.status} />
                  <ReleaseScheduleNote status={release.status} scheduledDate={release.liveOn} publishedAt={null} />
                </span>
              }
              flush
            >
              <Table caption={`Statistics of ${release.title}`} className="rounded-none border-0 shadow-none">
                <TableHead>
                  <tr>
                    <TableHeaderCell className="w-10">#</TableHeaderCell>
                    <TableHeaderCell>Track</TableHeaderCell>
                    <TableHeaderCell>Genre</TableHeaderCell>
                    <TableHeaderCell className="text-right">Streams</TableHeaderCell>
                    <TableHeaderCell className="text-right">Likes</TableHeaderCell>
                    <TableHeaderCell className="text-right">Streams gained, {CHANGE_WINDOW_DAYS} days</TableHeaderCell>
                    <TableHeaderCell className="text-right">Likes gained, {CHANGE_WINDOW_DAYS} days</TableHeaderCell>
                  </tr>
                </TableHead>
                <TableBody>
                  {release.tracks.map((track) => (
                    <TableRow key={track.id}>
                      <TableCell label="#" className="text-stone-500 tabular-nums">{track.position}</TableCell>
                      <TableCell label="Track" className="font-medium">{track.title}</TableCell>
                      <TableCell label="Genre">{track.genre}</TableCell>
                      <TableCell label="Streams" className="text-right tabular-nums">
                        {track.latest ? (
                          <>
                            {formatCount(track.latest.streams)}
                            <span className="block text-xs whitespace-nowrap text-stone-500">on {formatDay(track.latest.day)}</span>
                          </>
                        ) : (
                          <span className="text-stone-500">No data yet</span>
                        )}
                      </TableCell>
                      <TableCell label="Likes" className="text-right tabular-nums">{track.latest ? formatCount(track.latest.likes) : "—"}</TableCell>
                      <TableCell label={`Streams gained, ${CHANGE_WINDOW_DAYS} days`} className="text-right tabular-nums">
                        {track.change ? <span className="text-emerald-700">{formatGain(track.change.streams)}</span> : "—"}
                      </TableCell>
                      <TableCell label={`Likes gained, ${CHANGE_WINDOW_DAYS} days`} className="text-right tabular-nums">
                        {track.change ? <span className="text-emerald-700">{formatGain(track.change.likes)}</span> : "—"}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
                {release.totals && release.tracks.length > 1 ? (
                  <tfoot className="border-t border-stone-200 bg-stone-50 font-medium max-sm:block">
                    <TableRow>
                      <td className="max-sm:hidden" />
                      <th scope="row" colSpan={2} className="px-4 py-2.5 text-left text-sm max-sm:block max-sm:p-0">
                        Release total
                      </th>
                      <TableCell label="Streams" className="py-2.5 text-right tabular-nums">{formatCount(release.totals.streams)}</TableCell>
                      <TableCell label="Likes" className="py-2.5 text-right tabular-nums">{formatCount(release.totals.likes)}</TableCell>
                      <TableCell label={`Streams gained, ${CHANGE_WINDOW_DAYS} days`} className="py-2.5 text-right tabular-nums">
                        <span className="text-emerald-700">{formatGain(release.totals.change.streams)}</span>
                      </TableCell>
                      <TableCell label={`Likes gained, ${CHANGE_WINDOW_DAYS} days`} className="py-2.5 text-right tabular-nums">
                        <span className="text-emerald-700">{formatGain(release.totals.change.likes)}</span>
                      </TableCell>
                    </TableRow>
                  </tfoot>
                ) : null}
              </Table>
            </Card>
          ))}
          {statistics.unpublishedCount > 0 ? (
            <p className="text-sm text-stone-600">
              {statistics.unpublishedCount === 1 ? "1 unpublished release is" : `${statistics.unpublishedCount} unpublished releases are`} not
              followed yet: statistics start once a release is scheduled.
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}
