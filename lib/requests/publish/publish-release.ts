// Go-live (docs/domain.md §3.2 step 7, run by the worker at the publication date): SCHEDULED → PUBLISHED.
import "server-only";
import { systemClock, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { releaseGoLiveDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { notify } from "@/lib/notifications/notify";
import { releaseGoesLiveAt } from "@/lib/requests/timing";

export type GoLiveOutcome =
  | { published: true }
  | { published: false; reason: "not-scheduled" }
  /** The message came before the publication date; `rescheduled` when a go-live event was enqueued for it. */
  | { published: false; reason: "not-due"; goesLiveAt: Date; rescheduled: boolean };

/**
 * Idempotent: only a SCHEDULED release moves, and only once (a conditional update). Never
 * before 00:00 UTC of the publication's date, whatever message arrives (docs/domain.md §11
 * "Events are checked too").
 *
 * An early message changes nothing. Acceptance wrote the real go-live event into the outbox
 * with `availableAt` at the go-live instant, and the relay sends it only then, so an early
 * message is normally a stray (a forged or misdirected one, a second event): the real one is
 * still pending and will come at its time. But the early message may be the real one, sent a
 * little early because the relay reads the database's clock and this check the worker's; so
 * when no go-live event for the release is pending any more, a new one is enqueued for the
 * go-live instant, and the go-live is never lost. (With clocks a few seconds apart, that new
 * event may come back early once or twice more, each a relay poll later, until they agree.)
 */
export async function publishRelease(tx: DbClient, releaseId: number, clock: Clock = systemClock): Promise<GoLiveOutcome> {
  const release = await tx.release.findUnique({
    where: { id: releaseId },
    select: {
      id: true,
      title: true,
      status: true,
      artist: { select: { userId: true } },
      publication: { select: { id: true, scheduledDate: true } },
    },
  });
  if (!release) throw new NotFoundError(`Release ${releaseId} not found`);
  if (release.status !== "SCHEDULED" || !release.publication) return { published: false, reason: "not-scheduled" };

  const now = clock.now();
  const goesLiveAt = releaseGoesLiveAt(release.publication.scheduledDate);
  if (now < goesLiveAt) {
    const rescheduled = !(await goLivePending(tx, releaseId));
    if (rescheduled) await enqueueEvent(tx, releaseGoLiveDue, { releaseId }, { availableAt: goesLiveAt });
    return { published: false, reason: "not-due", goesLiveAt, rescheduled };
  }

  const moved = await tx.release.updateMany({ where: { id: releaseId, status: "SCHEDULED" }, data: { status: "PUBLISHED" } });
  if (moved.count !== 1) return { published: false, reason: "not-scheduled" };
  await tx.publication.update({ where: { id: release.publication.id }, data: { publishedAt: now } });
  // Linked to the accepted request, so the notification leads to the whole story.
  const accepted = await tx.request.findFirst({
    where: { releaseId, type: "PUBLISH_RELEASE", resolution: "ACCEPTED" },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  await notify(tx, { userId: release.artist.userId, requestId: accepted?.id ?? null, message: `Your release "${release.title}" is now live.` });
  return { published: true };
}

/** A go-live event for the release still waiting in the outbox. */
async function goLivePending(tx: DbClient, releaseId: number): Promise<boolean> {
  const pending = await tx.outboxEvent.count({
    where: { name: releaseGoLiveDue.name, sentAt: null, payload: { path: ["releaseId"], equals: releaseId } },
  });
  return pending > 0;
}
