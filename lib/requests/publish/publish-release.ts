// Go-live (docs/domain.md §3.2 step 7, run by the worker at the publication date): SCHEDULED → PUBLISHED.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { notify } from "@/lib/notifications/notify";

export type GoLiveOutcome = { published: true } | { published: false; reason: "not-scheduled" };

/** Idempotent: only a SCHEDULED release moves, and only once (a conditional update). */
export async function publishRelease(tx: DbClient, releaseId: number, clock: Clock = systemClock): Promise<GoLiveOutcome> {
  const release = await tx.release.findUnique({
    where: { id: releaseId },
    select: { id: true, title: true, status: true, artist: { select: { userId: true } }, publication: { select: { id: true } } },
  });
  if (!release) throw new NotFoundError(`Release ${releaseId} not found`);
  if (release.status !== "SCHEDULED" || !release.publication) return { published: false, reason: "not-scheduled" };

  const moved = await tx.release.updateMany({ where: { id: releaseId, status: "SCHEDULED" }, data: { status: "PUBLISHED" } });
  if (moved.count !== 1) return { published: false, reason: "not-scheduled" };
  await tx.publication.update({ where: { id: release.publication.id }, data: { publishedAt: clock.now() } });
  // Linked to the accepted request, so the notification leads to the whole story.
  const accepted = await tx.request.findFirst({
    where: { releaseId, type: "PUBLISH_RELEASE", resolution: "ACCEPTED" },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  await notify(tx, { userId: release.artist.userId, requestId: accepted?.id ?? null, message: `Your release "${release.title}" is now live.` });
  return { published: true };
}
