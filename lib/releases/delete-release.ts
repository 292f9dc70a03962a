// Deletes an artist's own release while it is unpublished and was never part of a publish request.
import "server-only";
import { prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { lockOwnRelease } from "@/lib/releases/lock-own-release";
import { releaseDeletionBlocker } from "@/lib/releases/release-rules";
import type { ArtistActor } from "@/lib/auth/guards";

export async function deleteRelease(actor: ArtistActor, releaseId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const release = await lockOwnRelease(tx, actor.artistId, releaseId);
    const publishRequestCount = await tx.request.count({ where: { releaseId } });
    const blocker = releaseDeletionBlocker({ ...release, publishRequestCount });
    if (blocker) throw new ConflictError(blocker);
    await tx.release.delete({ where: { id: releaseId } });
  });
}
