// The side effects of accepting a sign request: the applicant becomes an artist.
import "server-only";
import { addUtcYears, startOfUtcDay, toIsoDay } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { contractEndDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";

/** Contract due = today + 1 year (UTC); the contract ends, as a due-time event, that day. */
export async function applySignAcceptance(
  tx: DbClient,
  request: { id: number; applicantId: number; nickname: string | null },
  managerId: number,
  now: Date,
) {
  const applicant = await tx.user.findUniqueOrThrow({ where: { id: request.applicantId }, select: { role: true } });
  if (applicant.role !== "USER") {
    throw new ConflictError("The applicant is no longer a plain user (their role changed), so they cannot be signed as an artist.");
  }
  const contractDueDate = addUtcYears(startOfUtcDay(now), 1);
  try {
    const artist = await tx.artist.create({
      data: { userId: request.applicantId, nickname: request.nickname ?? "", contractDueDate, managerId, active: true },
    });
    await tx.user.update({ where: { id: request.applicantId }, data: { role: "ARTIST" } });
    await enqueueEvent(tx, contractEndDue, { artistId: artist.id, contractDueDate: toIsoDay(contractDueDate) }, { availableAt: contractDueDate });
    return artist;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`The nickname "${request.nickname}" now belongs to another artist; decline with a reason so the applicant can choose another.`);
    }
    throw error;
  }
}
