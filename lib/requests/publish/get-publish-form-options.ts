// What the publish request form offers an artist: their publishable releases and the allowed dates.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { listPublishableReleases } from "@/lib/releases/list-publishable-releases";
import { earliestPublicationDate } from "@/lib/requests/publish/publication-date-rule";

export type PublishFormOptions = {
  active: boolean;
  contractDueDate: Date;
  earliestDate: Date;
  releases: { id: number; title: string }[];
};

export async function getPublishFormOptions(artistId: number, clock: Clock = systemClock): Promise<PublishFormOptions> {
  const artist = await prisma.artist.findUnique({ where: { id: artistId }, select: { active: true, contractDueDate: true } });
  if (!artist) throw new NotFoundError("Artist not found");
  return {
    active: artist.active,
    contractDueDate: artist.contractDueDate,
    earliestDate: earliestPublicationDate(clock.now()),
    releases: await listPublishableReleases(artistId),
  };
}
