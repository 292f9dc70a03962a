// The artist's own releases for the list page, newest first, with their publication state.
import "server-only";
import { prisma } from "@/lib/db";
import type { ReleaseStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { openPublishRequestWhere } from "@/lib/releases/release-rules";

export type ReleaseListItem = {
  id: number;
  title: string;
  releaseDate: Date;
  status: ReleaseStatus;
  trackCount: number;
  scheduledDate: Date | null;
  publishedAt: Date | null;
  openRequest: { id: number; status: RequestStatus } | null;
  openPublishRequestStatus: RequestStatus | null;
};

export async function listReleases(artistId: number): Promise<ReleaseListItem[]> {
  const releases = await prisma.release.findMany({
    where: { artistId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      title: true,
      releaseDate: true,
      status: true,
      _count: { select: { tracks: true } },
      publication: { select: { scheduledDate: true, publishedAt: true } },
      requests: {
        where: openPublishRequestWhere,
        select: { id: true, status: true },
        take: 1,
      },
    },
  });
  return releases.map((release) => ({
    id: release.id,
    title: release.title,
    releaseDate: release.releaseDate,
    status: release.status,
    trackCount: release._count.tracks,
    scheduledDate: release.publication?.scheduledDate ?? null,
    publishedAt: release.publication?.publishedAt ?? null,
    openRequest: release.requests[0] ?? null,
    openPublishRequestStatus: release.requests[0]?.status ?? null,
  }));
}
