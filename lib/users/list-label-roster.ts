// The public face of the label: its active artists by nickname and what they have released.
// Only what a label would print on its own website; no emails, no names, no contracts.
import "server-only";
import { prisma } from "@/lib/db";

type RosterArtist = { nickname: string; publishedReleases: number };
export type LabelRoster = { artists: RosterArtist[]; artistCount: number; publishedReleaseCount: number };

export async function listLabelRoster(limit = 8): Promise<LabelRoster> {
  const [artists, artistCount, publishedReleaseCount] = await Promise.all([
    prisma.artist.findMany({
      where: { active: true },
      select: { nickname: true, _count: { select: { releases: { where: { status: "PUBLISHED" } } } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: limit,
    }),
    prisma.artist.count({ where: { active: true } }),
    prisma.release.count({ where: { status: "PUBLISHED" } }),
  ]);
  return {
    artists: artists.map((artist) => ({ nickname: artist.nickname, publishedReleases: artist._count.releases })),
    artistCount,
    publishedReleaseCount,
  };
}
