// Locks one of the artist's releases for a change, so edits, deletes and publish submits of
// the same release run one after the other and each sees the others' outcome.
import "server-only";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { ReleaseStatus, RequestStatus } from "@/lib/generated/prisma/enums";
import { openPublishRequestWhere } from "@/lib/releases/release-rules";
import { RELEASE_NOT_FOUND } from "@/lib/releases/schemas";

export type LockedRelease = { id: number; title: string; status: ReleaseStatus; openPublishRequestStatus: RequestStatus | null };

/** Another artist's release is "not found", exactly like a missing one. */
export async function lockOwnRelease(tx: DbClient, artistId: number, releaseId: number): Promise<LockedRelease> {
  const rows = await tx.$queryRaw<{ id: number; title: string; status: ReleaseStatus }[]>`
    SELECT "id", "title", "status" FROM "Release" WHERE "id" = ${releaseId} AND "artistId" = ${artistId} FOR UPDATE
  `;
  const release = rows[0];
  if (!release) throw new NotFoundError(RELEASE_NOT_FOUND);
  const openRequest = await tx.request.findFirst({
    where: { releaseId, ...openPublishRequestWhere },
    select: { status: true },
  });
  return { id: release.id, title: release.title, status: release.status, openPublishRequestStatus: openRequest?.status ?? null };
}
