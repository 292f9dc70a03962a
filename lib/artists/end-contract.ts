// Contract end (due-time event): on the contract due date the artist becomes inactive.
import "server-only";
import { systemClock, toIsoDay, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { notify } from "@/lib/notifications/notify";

export async function endContract(tx: DbClient, artistId: number, contractDueDate: string, clock: Clock = systemClock): Promise<"ended" | "skipped"> {
  const artist = await tx.artist.findUnique({
    where: { id: artistId },
    select: { id: true, active: true, nickname: true, contractDueDate: true, userId: true, manager: { select: { userId: true } } },
  });
  // The contract may have been extended since the event was scheduled.
  if (!artist || !artist.active || toIsoDay(artist.contractDueDate) !== contractDueDate) return "skipped";
  if (clock.now() < artist.contractDueDate) return "skipped";
  await tx.artist.update({ where: { id: artistId }, data: { active: false } });
  await notify(tx, { userId: artist.manager.userId, message: `The contract of ${artist.nickname} ended today; the artist is now inactive.` });
  await notify(tx, { userId: artist.userId, message: "Your contract with the label ended today." });
  return "ended";
}
