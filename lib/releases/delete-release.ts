// Deletes an artist's own release while it is unpublished and was never part of a publish request.
import "server-only";
import { prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { lockOwnRelease } from "@/lib/releases/lock-own-release";
import { releaseChangeBlocker } from "@/lib/releases/release-editability";
import type { ArtistActor } from "@/lib/auth/guards";

export async function deleteRelease(actor: ArtistActor, releaseId: number): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const release = await lockOwnRelease(tx, actor.artistId, releaseId);
    const blocker = releaseChangeBlocker(release);
    if (blocker) throw new ConflictError(blocker);
    // Closed requests keep pointing at their release: the request history stays readable.
    const pastRequests = await tx.request.count({ where: { releaseId } });
    if (pastRequests > 0) {
      throw new ConflictError("This release has publish request history, so it is kept. You can still edit it.");
    }
    await tx.release.delete({ where: { id: releaseId } });
  });
}
