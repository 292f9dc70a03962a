// The side effects of accepting a sign request: the applicant is signed as an artist.
import "server-only";
import { signArtist } from "@/lib/artists/sign-artist";
import type { Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";

export async function applySignAcceptance(
  tx: DbClient,
  request: { id: number; applicantId: number; nickname: string | null },
  managerId: number,
  clock?: Clock,
) {
  return signArtist(tx, { userId: request.applicantId, nickname: request.nickname ?? "", managerId }, clock);
}
