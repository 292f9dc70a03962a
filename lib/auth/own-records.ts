// The record a signed-in person acts through (their manager or artist record), for lib queries
// that scope by it. Anyone without one gets "not found": nobody else may know what it lists.
// Pure, so domain modules and tests use it without loading the session machinery of guards.ts.
import { NotFoundError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

/** The manager record behind a MANAGER. */
export function ownManagerId(user: { role: Role; managerId: number | null }): number {
  if (user.role !== "MANAGER" || user.managerId === null) throw new NotFoundError();
  return user.managerId;
}

/** The artist record behind an ARTIST. */
export function ownArtistId(user: { role: Role; artistId: number | null }): number {
  if (user.role !== "ARTIST" || user.artistId === null) throw new NotFoundError();
  return user.artistId;
}
