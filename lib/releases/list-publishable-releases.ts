// The artist's releases a publish request may be submitted for: unpublished, no open request.
import "server-only";
import { prisma } from "@/lib/db";
import { publishableReleaseWhere } from "@/lib/releases/release-rules";

export async function listPublishableReleases(artistId: number): Promise<{ id: number; title: string }[]> {
  return prisma.release.findMany({
    where: { artistId, ...publishableReleaseWhere },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    select: { id: true, title: true },
  });
}
