// The publish-specific side of accepting a request (docs/domain.md §3.2 step 3): the publication,
// the release SCHEDULED and its go-live event. The generic accept calls it in its transaction.
import "server-only";
import { startOfUtcDay } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { ConflictError } from "@/lib/errors";
import { releaseGoLiveDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { publishableReleaseWhere } from "@/lib/releases/release-rules";
import { releaseGoesLiveAt } from "@/lib/requests/timing";

/**
 * Call right after the request's "accept" transition, inside the same transaction. The
 * publication date is the requested one; the date rule is deliberately not re-checked.
 */
export async function applyPublishAcceptance(
  tx: DbClient,
  request: { id: number; releaseId: number | null; expectedDate: Date | null },
  managerId: number,
): Promise<{ publicationId: number; scheduledDate: Date }> {
  if (request.releaseId === null || request.expectedDate === null) {
    throw new Error(`Request ${request.id} is not a publish request`);
  }
  // The same rule as at submit: the accepted request is already closed by its transition, so
  // only a release scheduled or published meanwhile fails it.
  const scheduled = await tx.release.updateMany({
    where: { id: request.releaseId, ...publishableReleaseWhere },
    data: { status: "SCHEDULED" },
  });
  if (scheduled.count !== 1) throw new ConflictError("This release is already scheduled or published.");
  const scheduledDate = startOfUtcDay(request.expectedDate);
  const publication = await tx.publication.create({
    data: { releaseId: request.releaseId, scheduledDate, managerId },
    select: { id: true },
  });
  await enqueueEvent(tx, releaseGoLiveDue, { releaseId: request.releaseId }, { availableAt: releaseGoesLiveAt(scheduledDate) });
  return { publicationId: publication.id, scheduledDate };
}
