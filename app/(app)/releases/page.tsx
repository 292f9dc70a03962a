// /releases: the artist's own releases with their status and schedule.
import type { Metadata } from "next";
import Link from "next/link";
import { ReleaseScheduleNote, ReleaseStatusBadge } from "@/components/releases/release-status-badge";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDay } from "@/lib/clock";
import { listReleases } from "@/lib/releases/list-releases";
import { canRequestPublication } from "@/lib/releases/release-rules";
import { requireArtistPage } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Releases" };

export default async function ReleasesPage() {
  const artist = await requireArtistPage();
  const releases = await listReleases(artist.artistId);
  const canRequest = releases.some(canRequestPublication);
  return (
    <>
      <PageHeader
        title="Releases"
        description="Your releases and where each one stands. Ask the label to publish an unpublished one with a publish request."
        actions={
          <>
            {canRequest ? <LinkButton href="/requests/new/publish">Request publication</LinkButton> : null}
            <LinkButton href="/releases/new" variant="primary">
              New release
            </LinkButton>
          </>
        }
      />
      {releases.length === 0 ? (
        <EmptyState
          title="No releases yet"
          description="Create your first release with its tracks; then ask the label to publish it."
          action={
            <LinkButton href="/releases/new" variant="primary">
              New release
            </LinkButton>
          }
        />
      ) : (
        <Table caption="Your releases">
          <TableHead>
            <tr>
              <TableHeaderCell>Title</TableHeaderCell>
              <TableHeaderCell>Release date</TableHeaderCell>
              <TableHeaderCell>Tracks</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Publish request</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {releases.map((release) => (
              <TableRow key={release.id}>
                <TableCell label="Title" className="font-medium">
                  <Link href={`/releases/${release.id}`} className="text-accent-700 hover:underline">
                    {release.title}
                  </Link>
                </TableCell>
                <TableCell label="Release date">{formatDay(release.releaseDate)}</TableCell>
                <TableCell label="Tracks">{release.trackCount}</TableCell>
                <TableCell label="Status">
                  <div className="flex flex-col items-start gap-1">
                    <ReleaseStatusBadge status={release.status} />
                    <span className="text-xs text-stone-600">
                      <ReleaseScheduleNote status={release.status} scheduledDate={release.scheduledDate} publishedAt={release.publishedAt} />
                    </span>
                  </div>
                </TableCell>
                <TableCell label="Publish request">
                  {release.openRequest ? (
                    <Link href={`/requests/${release.openRequest.id}`} className="inline-flex items-center gap-2 hover:underline">
                      <RequestStatusBadge status={release.openRequest.status} resolution={null} />
                      <span className="sr-only">See the publish request</span>
                    </Link>
                  ) : canRequestPublication(release) ? (
                    <Link href={`/requests/new/publish?releaseId=${release.id}`} className="text-sm text-accent-700 hover:underline">
                      Request publication
                    </Link>
                  ) : (
                    <span className="text-sm text-stone-500">—</span>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
