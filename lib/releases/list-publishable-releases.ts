// The artist's releases a publish request may be submitted for: unpublished, no open request.
import "server-only";
import { prisma } from "@/lib/db";

export async function listPublishableReleases(artistId: number): Promise<{ id: number; title: string }[]> {
  return prisma.release.findMany({
    where: {
      artistId,
      status: "UNPUBLISHED",
      requests: { none: { type: "PUBLISH_RELEASE", status: { not: "CLOSED" } } },
    },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}
