// Creates an artist's release with its tracks, in one transaction.
import "server-only";
import { prisma } from "@/lib/db";
import type { ArtistActor } from "@/lib/auth/guards";
import type { ReleaseInput } from "@/lib/releases/schemas";
import { writeTracks } from "@/lib/releases/write-tracks";

export async function createRelease(actor: ArtistActor, input: ReleaseInput): Promise<{ id: number }> {
  return prisma.$transaction(async (tx) => {
    const release = await tx.release.create({
      data: { artistId: actor.artistId, title: input.title, releaseDate: input.releaseDate },
      select: { id: true },
    });
    await writeTracks(tx, release.id, actor.artistId, input.tracks);
    return release;
  });
}
