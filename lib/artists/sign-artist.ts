// Signing an artist (docs/domain.md §3.1 step 3): a plain user becomes an ARTIST with a one-year
// contract and a personal manager, and the contract's end is scheduled. The one home of this
// rule: accepting a sign request, the demo seed and the test fixtures all call it.
import "server-only";
import { addUtcYears, startOfUtcDay, systemClock, toIsoDay, type Clock } from "@/lib/clock";
import type { DbClient } from "@/lib/db";
import { ConflictError, isUniqueViolation } from "@/lib/errors";
import { contractEndDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { changeRole } from "@/lib/users/change-role";

/** A contract runs until the same day next year (UTC). */
const CONTRACT_YEARS = 1;

export type SignArtistInput = { userId: number; nickname: string; managerId: number };

/** Call inside the caller's transaction; the contract-end event commits with the artist. */
export async function signArtist(tx: DbClient, input: SignArtistInput, clock: Clock = systemClock) {
  if (!(await changeRole(tx, input.userId, "USER", "ARTIST"))) {
    throw new ConflictError("The applicant is no longer a plain user (their role changed), so they cannot be signed as an artist.");
  }
  const contractDueDate = addUtcYears(startOfUtcDay(clock.now()), CONTRACT_YEARS);
  try {
    const artist = await tx.artist.create({
      data: { userId: input.userId, nickname: input.nickname, contractDueDate, managerId: input.managerId, active: true },
    });
    await enqueueEvent(tx, contractEndDue, { artistId: artist.id, contractDueDate: toIsoDay(contractDueDate) }, { availableAt: contractDueDate });
    return artist;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(`The nickname "${input.nickname}" now belongs to another artist; decline with a reason so the applicant can choose another.`);
    }
    throw error;
  }
}
