// Deactivating a manager (docs/domain.md §10, decision 018): who may, whom, how the worker's
// choices see the ones it made before, and the words the admin's page shows for the job. Pure.
import type { ManagerDeactivationStatus, Role } from "@/lib/generated/prisma/enums";
import type { ManagerLoad } from "@/lib/requests/sign/choose-manager";

export const MANAGER_NOT_FOUND = "Manager not found";
export const NOT_A_MANAGER_NOW = "This person is no longer a manager; reload to see the list as it is now.";
export const CANNOT_DEACTIVATE_SELF = "You cannot deactivate your own account";

/** Only the admin deactivates managers. */
export function mayDeactivateManagers(actor: { role: Role }): boolean {
  return actor.role === "ADMIN";
}

/** Why `target` cannot be deactivated by `actor` now, or null when it can. */
export function deactivationBlocker(actor: { id: number }, target: { userId: number; role: Role }): string | null {
  if (target.userId === actor.id) return CANNOT_DEACTIVATE_SELF;
  if (target.role !== "MANAGER") return NOT_A_MANAGER_NOW;
  return null;
}

/**
 * The loads after `managerId` took on `taken` (an artist and the publish requests they carried, or
 * one request), so the next fair choice (`pickManager`, §3.1) sees it: ten requests over two
 * equal managers go five and five.
 */
export function withWorkTaken(loads: readonly ManagerLoad[], managerId: number, taken: { requests: number; artists: number }): ManagerLoad[] {
  return loads.map((load) =>
    load.managerId === managerId ? { ...load, openRequests: load.openRequests + taken.requests, artists: load.artists + taken.artists } : load,
  );
}

/** A job that will not change any more. */
export function isFinished(status: ManagerDeactivationStatus): boolean {
  return status === "DONE" || status === "CANCELLED";
}

export type DeactivationProgress = {
  status: ManagerDeactivationStatus;
  requestsToMove: number;
  requestsMoved: number;
  artistsToMove: number;
  artistsMoved: number;
};

/** What the admin's page says of a job ("Redistributing: 12 of 40 moved"). */
export function describeProgress(job: DeactivationProgress): string {
  const moved = job.requestsMoved + job.artistsMoved;
  const total = job.requestsToMove + job.artistsToMove;
  const counts = `${moved} of ${total} moved`;
  switch (job.status) {
    case "IN_PROGRESS":
      return `Redistributing: ${counts}`;
    case "WAITING_FOR_MANAGER":
      return `Waiting for a manager: ${counts}`;
    case "DONE":
      return `Done: ${counts}`;
    case "CANCELLED":
      return `Stopped (appointed manager again): ${counts}`;
  }
}

/** The breakdown beside it: requests and artists. */
export function describeCounts(job: DeactivationProgress): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${plural(job.requestsMoved, "request")} of ${job.requestsToMove}, ${plural(job.artistsMoved, "artist")} of ${job.artistsToMove}`;
}
