// Changes an artist's own release while it is still unpublished and not under a publish request.
import "server-only";
import { prisma } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { lockOwnRelease } from "@/lib/releases/lock-own-release";
import { releaseChangeBlocker } from "@/lib/releases/release-rules";
import type { ArtistActor } from "@/lib/auth/guards";
import type { ReleaseInput } from "@/lib/releases/schemas";
import { writeTracks } from "@/lib/releases/write-tracks";

/** The tracks are replaced as a whole: positions follow the form's rows. */
export async function updateRelease(actor: ArtistActor, releaseId: number, input: ReleaseInput): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const release = await lockOwnRelease(tx, actor.artistId, releaseId);
    const blocker = releaseChangeBlocker(release);
    if (blocker) throw new ConflictError(blocker);
    await tx.release.update({ where: { id: releaseId }, data: { title: input.title, releaseDate: input.releaseDate } });
    // An unpublished release has no statistics yet, so replacing its tracks loses nothing.
    await tx.track.deleteMany({ where: { releaseId } });
    await writeTracks(tx, releaseId, actor.artistId, input.tracks);
  });
}
