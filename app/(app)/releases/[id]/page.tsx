// /releases/<id>: one of the artist's releases — tracks, schedule and publish requests.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeleteReleaseForm } from "@/components/releases/delete-release-form";
import { formatDuration } from "@/components/releases/format-duration";
import { ReleaseScheduleNote, ReleaseStatusBadge } from "@/components/releases/release-status-badge";
import { RequestStatusBadge } from "@/components/requests/request-status-badge";
import { Alert } from "@/components/ui/alert";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { formatDay } from "@/lib/clock";
import { getRelease } from "@/lib/releases/get-release";
import { parseId } from "@/lib/ids";
import { canRequestPublication, releaseChangeBlocker } from "@/lib/releases/release-rules";
import { requireArtistPage } from "@/lib/auth/guards";
import { isOpen } from "@/lib/requests/open-request";
import { deleteReleaseAction } from "./actions";

export const metadata: Metadata = { title: "Release" };

export default async function ReleasePage({ params }: { params: Promise<{ id: string }> }) {
  const artist = await requireArtistPage();
  const releaseId = parseId((await params).id);
  const release = releaseId === null ? null : await getRelease(artist.artistId, releaseId);
  if (!release) notFound();
  const blocker = releaseChangeBlocker(release);
  const openRequest = release.requests.find((request) => isOpen(request.status));
  const totalSeconds = release.tracks.reduce((sum, track) => sum + track.durationSeconds, 0);

  return (
    <>
      <PageHeader
        eyebrow={<Link href="/releases" className="hover:underline">← Releases</Link>}
        title={release.title}
        description={`Release date ${formatDay(release.releaseDate)} · ${release.tracks.length} ${release.tracks.length === 1 ? "track" : "tracks"} · ${formatDuration(totalSeconds)}`}
        actions={
          <>
            {canRequestPublication(release) ? (
              <LinkButton href={`/requests/new/publish?releaseId=${release.id}`} variant="primary">
                Request publication
              </LinkButton>
            ) : null}
            {blocker ? null : <LinkButton href={`/releases/${release.id}/edit`}>Edit release</LinkButton>}
          </>
        }
      />

      <div className="space-y-6">
        <section aria-label="Status" className="flex flex-wrap items-center gap-3">
          <ReleaseStatusBadge status={release.status} />
          {release.status !== "UNPUBLISHED" ? (
            <p className="text-sm font-medium text-stone-800">
              <ReleaseScheduleNote
                status={release.status}
                scheduledDate={release.publication?.scheduledDate ?? null}
                publishedAt={release.publication?.publishedAt ?? null}
              />
            </p>
          ) : null}
        </section>

        {openRequest ? (
          <Alert tone="info" title="A publish request for this release is open">
            <Link href={`/requests/${openRequest.id}`} className="underline">
              See the request
            </Link>{" "}
            {blocker
              ? "— the release can be changed again once it is decided or withdrawn."
              : "— your manager asked for changes: you may edit the release now, then amend and resubmit the request."}
          </Alert>
        ) : null}

        <Table caption="Tracks">
          <TableHead>
            <tr>
              <TableHeaderCell>#</TableHeaderCell>
              <TableHeaderCell>Title</TableHeaderCell>
              <TableHeaderCell>Duration</TableHeaderCell>
              <TableHeaderCell>Genre</TableHeaderCell>
              <TableHeaderCell>Type</TableHeaderCell>
              <TableHeaderCell>Performing artists</TableHeaderCell>
            </tr>
          </TableHead>
          <TableBody>
            {release.tracks.map((track) => (
              <TableRow key={track.id}>
                <TableCell label="#" className="text-stone-500">{track.position}</TableCell>
                <TableCell label="Title" className="font-medium">{track.title}</TableCell>
                <TableCell label="Duration">{formatDuration(track.durationSeconds)}</TableCell>
                <TableCell label="Genre">{track.genre}</TableCell>
                <TableCell label="Type">{track.type}</TableCell>
                <TableCell label="Performing artists">{[release.ownerNickname, ...track.otherArtists].join(", ")}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>

        <Card title="Publish requests" description="Every request to publish this release, newest first." flush>
          {release.requests.length === 0 ? (
            <p className="px-4 py-4 text-sm text-stone-600 sm:px-5">No publish request yet.</p>
          ) : (
            <ul className="divide-y divide-stone-100">
              {release.requests.map((request) => (
                <li key={request.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-5">
                  <Link href={`/requests/${request.id}`} className="text-sm font-medium text-accent-700 hover:underline">
                    Request #{request.id} for {request.expectedDate ? formatDay(request.expectedDate) : "—"}
                  </Link>
                  <span className="flex items-center gap-3 text-sm text-stone-600">
                    {request.grade !== null ? <span>Grade {request.grade} of 0</span> : null}
                    <RequestStatusBadge status={request.status} resolution={request.resolution} />
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        {blocker ? (
          <p className="text-sm text-stone-600">{blocker}</p>
        ) : (
          <DeleteReleaseForm remove={deleteReleaseAction.bind(null, release.id)} />
        )}
      </div>
    </>
  );
}
