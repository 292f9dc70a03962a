// One of the artist's own releases in full: tracks, performers, publication, publish requests.
import "server-only";
import { prisma } from "@/lib/db";
import type { ReleaseStatus, RequestResolution, RequestStatus } from "@/lib/generated/prisma/enums";
import type { ReleaseFormValues } from "@/lib/releases/schemas";
import { isOpen } from "@/lib/requests/open-request";

export type ReleaseDetail = {
  id: number;
  title: string;
  releaseDate: Date;
  status: ReleaseStatus;
  ownerNickname: string;
  tracks: {
    id: number;
    position: number;
    title: string;
    durationSeconds: number;
    genre: string;
    type: string;
    /** Other performing artists (the owner is always one and is not repeated here). */
    otherArtists: string[];
  }[];
  publication: { scheduledDate: Date; publishedAt: Date | null } | null;
  requests: {
    id: number;
    status: RequestStatus;
    resolution: RequestResolution | null;
    expectedDate: Date | null;
    grade: number | null;
    createdAt: Date;
  }[];
  openPublishRequestStatus: RequestStatus | null;
};

/** Null for a missing release and for another artist's: the caller answers "not found" to both. */
export async function getRelease(artistId: number, releaseId: number): Promise<ReleaseDetail | null> {
  const release = await prisma.release.findFirst({
    where: { id: releaseId, artistId },
    select: {
      id: true,
      title: true,
      releaseDate: true,
      status: true,
      artistId: true,
      artist: { select: { nickname: true } },
      tracks: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          title: true,
          durationSeconds: true,
          genre: true,
          type: true,
          artists: { select: { artist: { select: { id: true, nickname: true } } } },
        },
      },
      publication: { select: { scheduledDate: true, publishedAt: true } },
      requests: {
        where: { type: "PUBLISH_RELEASE" },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { id: true, status: true, resolution: true, expectedDate: true, grade: true, createdAt: true },
      },
    },
  });
  if (!release) return null;
  return {
    id: release.id,
    title: release.title,
    releaseDate: release.releaseDate,
    status: release.status,
    ownerNickname: release.artist.nickname,
    tracks: release.tracks.map((track) => ({
      id: track.id,
      position: track.position,
      title: track.title,
      durationSeconds: track.durationSeconds,
      genre: track.genre,
      type: track.type,
      otherArtists: track.artists
        .filter((performer) => performer.artist.id !== release.artistId)
        .map((performer) => performer.artist.nickname)
        .sort((a, b) => a.localeCompare(b)),
    })),
    publication: release.publication,
    requests: release.requests,
    openPublishRequestStatus: release.requests.find((request) => isOpen(request.status))?.status ?? null,
  };
}

/** The release as the edit form's starting values. */
export function toReleaseFormValues(release: ReleaseDetail): ReleaseFormValues {
  return {
    title: release.title,
    releaseDate: release.releaseDate.toISOString().slice(0, 10),
    tracks: release.tracks.map((track) => ({
      title: track.title,
      durationSeconds: String(track.durationSeconds),
      genre: track.genre,
      type: track.type,
      artists: track.otherArtists.join(", "),
    })),
  };
}
