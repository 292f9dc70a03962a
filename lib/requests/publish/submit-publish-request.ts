// Submits a publish request (docs/domain.md §3.2 step 1): checks every rule, stores it as New for
// the artist's manager, and enqueues its grading and its expiry in the same transaction.
import "server-only";
import { formatDay, systemClock, type Clock } from "@/lib/clock";
import { inTransaction, prisma, type Db, type DbClient } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, isUniqueViolation } from "@/lib/errors";
import { publishRequestGradingDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { notify } from "@/lib/notifications/notify";
import { lockOwnRelease } from "@/lib/releases/lock-own-release";
import { publicationRequestBlocker } from "@/lib/releases/release-rules";
import type { ArtistActor } from "@/lib/auth/guards";
import { requestExpiresAt, scheduleDeadline } from "@/lib/requests/deadline";
import { earliestPublicationDate, isPublicationDateAllowed, isWithinContract, PUBLICATION_NOTICE_WORDS } from "@/lib/requests/publish/publication-date-rule";
import type { PublishRequestInput } from "@/lib/requests/publish/schemas";

export const INACTIVE_ARTIST_MESSAGE =
  "Your contract with the label is no longer active, so you cannot submit publish requests. Contact your manager to renew it.";

/**
 * The date rules of docs/domain.md §3.2 step 1, on submitting and on amending (§9): enough
 * notice, and within the artist's contract. Refuses with a message next to the date field.
 */
export function checkPublicationDate(expectedDate: Date, contractDueDate: Date, now: Date): void {
  if (!isPublicationDateAllowed(expectedDate, now)) {
    throw new DomainError(`The publication date must be ${PUBLICATION_NOTICE_WORDS}: ${formatDay(earliestPublicationDate(now))} or later`, {
      field: "expectedDate",
    });
  }
  if (!isWithinContract(expectedDate, contractDueDate)) {
    throw new DomainError(`Your contract ends on ${formatDay(contractDueDate)}; choose a publication date on or before it`, { field: "expectedDate" });
  }
}

/** In its own transaction, or as a step of the caller's when `db` is a transaction client (the demo seed). */
export async function submitPublishRequest(
  actor: ArtistActor,
  input: PublishRequestInput,
  clock: Clock = systemClock,
  db: Db | DbClient = prisma,
): Promise<{ id: number }> {
  try {
    return await inTransaction(db, async (tx) => {
      // The artist's manager is read under a share lock: the admin moving the artist to another
      // manager (lib/artists/move-artist.ts) waits for this request, or this one for the move, so
      // it never lands with the manager the artist just left (docs/domain.md §10).
      await tx.$executeRaw`SELECT 1 FROM "Artist" WHERE "id" = ${actor.artistId} FOR SHARE`;
      const artist = await tx.artist.findUnique({
        where: { id: actor.artistId },
        select: { userId: true, nickname: true, active: true, contractDueDate: true, managerId: true, manager: { select: { userId: true } } },
      });
      if (!artist || artist.userId !== actor.userId) throw new ForbiddenError();
      if (!artist.active) throw new DomainError(INACTIVE_ARTIST_MESSAGE);

      const release = await lockOwnRelease(tx, actor.artistId, input.releaseId).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw new DomainError("Choose one of your unpublished releases", { field: "releaseId" });
        throw error;
      });
      const releaseBlocker = publicationRequestBlocker(release);
      if (releaseBlocker) throw new DomainError(releaseBlocker, { field: "releaseId" });

      checkPublicationDate(input.expectedDate, artist.contractDueDate, clock.now());

      const request = await tx.request.create({
        data: {
          type: "PUBLISH_RELEASE",
          applicantId: actor.userId,
          managerId: artist.managerId,
          releaseId: release.id,
          expectedDate: input.expectedDate,
        },
        select: { id: true, type: true, createdAt: true, expectedDate: true },
      });
      await tx.requestHistory.create({
        data: { requestId: request.id, fromStatus: null, toStatus: "NEW", actorId: actor.userId, reason: "Submitted" },
      });
      await notify(tx, {
        userId: artist.manager.userId,
        requestId: request.id,
        message: `${artist.nickname} asks to publish "${release.title}" on ${formatDay(input.expectedDate)}.`,
      });
      await enqueueEvent(tx, publishRequestGradingDue, { requestId: request.id });
      await scheduleDeadline(tx, { requestId: request.id, expiresAt: requestExpiresAt(request) }, clock);
      return { id: request.id };
    });
  } catch (error) {
    // The release lock makes this rare; the partial unique index is the last word on it.
    if (isUniqueViolation(error)) throw new ConflictError("This release already has an open publish request");
    throw error;
  }
}
