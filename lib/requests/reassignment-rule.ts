// What the admin may move between managers, and to whom (docs/domain.md §10 "All requests"): an
// open sign request, and an artist with their open publish requests, each to another manager who
// may be given work. The services (lib/requests/reassign-request.ts, lib/artists/move-artist.ts),
// their forms and the admin's pages ask it. Pure.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus, RequestType, Role } from "@/lib/generated/prisma/enums";
import { isOpen } from "@/lib/requests/open-request";

/** The loser of a race: the request is no longer as the admin saw it (status or manager). */
export const REQUEST_CHANGED_MEANWHILE = "This request changed meanwhile (its status or its manager); reload it to see how it is now.";
export const ARTIST_CHANGED_MEANWHILE = "This artist's manager changed meanwhile; reload to see who it is now.";
export const NOT_REASSIGNABLE = "Only an open sign request can be reassigned; a publish request moves with its artist";
export const NOT_AN_ARTIST = "Only an artist can be moved to another manager";
export const SAME_MANAGER = "This manager has it already; choose another one";
export const MANAGER_UNAVAILABLE = "Choose an active manager: this one is disabled or no longer a manager";

/** Only the admin moves work between managers. */
export function mayMoveWork(actor: { role: Role }): boolean {
  return actor.role === "ADMIN";
}

/** An open sign request; a publish request always belongs to its artist's manager (§3.2 step 1). */
export function isReassignable(request: { type: RequestType; status: RequestStatus }): boolean {
  return request.type === "SIGN_CONTRACT" && isOpen(request.status);
}

/** Whose account carries an artist the admin may move. */
export function canMoveArtist(role: Role): boolean {
  return role === "ARTIST";
}

/**
 * A manager who may be given work: still a manager, and enabled (a disabled manager gets no new
 * work, §10 "Disable an account"; the fair choice applies the same to its own candidates).
 */
export function mayTakeNewWork(manager: { role: Role; disabledAt: Date | null }): boolean {
  return manager.role === "MANAGER" && manager.disabledAt === null;
}

/** The same rule as a Prisma filter on Manager rows, for the lists the admin chooses from. */
export const takesNewWorkWhere = { user: { role: "MANAGER", disabledAt: null } } as const satisfies Prisma.ManagerWhereInput;

export type HandOverTarget = { managerId: number; role: Role; disabledAt: Date | null };

/** Why `target` cannot take over from the manager who has it now (null: nobody yet), or null when it can. */
export function handOverBlocker(currentManagerId: number | null, target: HandOverTarget | null): string | null {
  if (!target || !mayTakeNewWork(target)) return MANAGER_UNAVAILABLE;
  if (target.managerId === currentManagerId) return SAME_MANAGER;
  return null;
}

/** The history entry of a request handed to another manager: its status stays, its manager moves. */
export function handOverEntry(
  request: { id: number; status: RequestStatus; managerId: number | null },
  move: { actorId: number | null; reason: string; toManagerId: number },
): Prisma.RequestHistoryCreateManyInput {
  return {
    requestId: request.id,
    fromStatus: request.status,
    toStatus: request.status,
    actorId: move.actorId,
    reason: move.reason,
    fromManagerId: request.managerId,
    toManagerId: move.toManagerId,
  };
}
