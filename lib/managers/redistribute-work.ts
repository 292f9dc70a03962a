// The deferred half of deactivating a manager (docs/domain.md §10, decision 018), run by the
// worker: the former manager's artists (with their open publish requests) and open sign requests
// go to the remaining managers one by one, each to the manager the fair rule of §3.1 picks with
// the previous choices counted. Small transactions, each starting from what still points at the
// former manager, so a worker killed in the middle loses and doubles nothing.
import "server-only";
import { systemClock } from "@/lib/clock";
import type { Db, DbClient } from "@/lib/db";
import { managerDeactivated, signRequestAssignmentDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ManagerDeactivationStatus, RequestStatus, RequestType, Role } from "@/lib/generated/prisma/enums";
import { handOverArtist } from "@/lib/artists/move-artist";
import { describeCounts, isFinished, withWorkTaken } from "@/lib/managers/deactivation-rule";
import { notify } from "@/lib/notifications/notify";
import { lockHandOverTarget, type LockedTarget } from "@/lib/requests/manager-choices";
import { openRequestSql, openRequestWhere } from "@/lib/requests/open-request";
import { handOverSignRequest } from "@/lib/requests/reassign-request";
import { handOverEntry, mayTakeNewWork } from "@/lib/requests/reassignment-rule";
import { lockAssignments } from "@/lib/requests/sign/assign-sign-request";
import { loadManagerLoads, pickManager, type ManagerLoad } from "@/lib/requests/sign/choose-manager";
import { transitionRequest } from "@/lib/requests/transition-request";

/** Artists and requests moved per transaction: small enough to keep locks short, and a kill cheap. */
export const REDISTRIBUTION_CHUNK = 10;

/**
 * "continue": more to move; "done": nothing is left with the former manager; "waiting": what is
 * left needs a manager and there is none (resumed by `resumeWaitingDeactivations`); "finished":
 * the job was done or cancelled already (a redelivery).
 */
export type ChunkOutcome = "continue" | "done" | "waiting" | "finished";

/** Runs chunks until the job is done, waits for a manager, or was finished already. */
export async function redistributeWork(db: Db, deactivationId: number, chunkSize = REDISTRIBUTION_CHUNK): Promise<Exclude<ChunkOutcome, "continue">> {
  for (;;) {
    const outcome = await db.$transaction((tx) => redistributeChunk(tx, deactivationId, chunkSize), { timeout: 30_000, maxWait: 10_000 });
    if (outcome !== "continue") return outcome;
  }
}

type JobRow = {
  id: number;
  managerId: number;
  status: ManagerDeactivationStatus;
  requestedById: number | null;
  requestsMoved: number;
  artistsMoved: number;
  userId: number;
  name: string;
  role: Role;
};

type OpenRequestRow = {
  id: number;
  type: RequestType;
  status: RequestStatus;
  applicantId: number;
  nickname: string | null;
  artistManagerId: number | null;
};

/** One transaction: up to `chunkSize` artists and requests moved, and the job's counts with them. */
export async function redistributeChunk(tx: DbClient, deactivationId: number, chunkSize = REDISTRIBUTION_CHUNK): Promise<ChunkOutcome> {
  // One at a time with the worker's assignments and the admin's reassignments (§3.1 fairness).
  await lockAssignments(tx);
  const [job] = await tx.$queryRaw<JobRow[]>`
    SELECT d."id", d."managerId", d."status", d."requestedById", d."requestsMoved", d."artistsMoved", u."id" AS "userId", u."name", u."role"
    FROM "ManagerDeactivation" d JOIN "Manager" m ON m."id" = d."managerId" JOIN "User" u ON u."id" = m."userId"
    WHERE d."id" = ${deactivationId}
    FOR UPDATE OF d`;
  if (!job || isFinished(job.status)) return "finished";
  // Appointed again meanwhile (appointManager cancels too): what is left stays with them.
  if (job.role === "MANAGER") {
    await finish(tx, job.id, "CANCELLED");
    return "finished";
  }

  const former = { managerId: job.managerId, userId: job.userId, name: job.name };
  // The former manager was told once, when deactivated; each move tells the others only.
  const move = { actorId: job.requestedById, reason: `${job.name} is no longer a manager of the label`, toldFormerManager: false };
  let loads = await loadManagerLoads(tx);
  let budget = chunkSize;
  let requestsMoved = 0;
  let artistsMoved = 0;

  // Artists first: each brings their open publish requests (§3.2: a publish request is with its
  // artist's manager), so those count in the load the following choices see.
  const artists = await tx.$queryRaw<{ id: number; userId: number; nickname: string }[]>`
    SELECT a."id", a."userId", a."nickname" FROM "Artist" a
    WHERE a."managerId" = ${former.managerId}
    ORDER BY a."id" LIMIT ${budget}
    FOR UPDATE OF a`;
  for (const artist of artists) {
    const target = await chooseTarget(tx, loads);
    if (!target) break;
    const movedRequestIds = await handOverArtist(
      tx,
      { ...artist, managerId: former.managerId, manager: { userId: former.userId, user: { name: former.name } } },
      target,
      move,
    );
    if (!movedRequestIds) continue;
    loads = withWorkTaken(loads, target.managerId, { requests: movedRequestIds.length, artists: 1 });
    artistsMoved += 1;
    requestsMoved += movedRequestIds.length;
    budget -= 1;
  }

  if (budget > 0) {
    // Open requests still with the former manager, but a publish request whose artist is still
    // theirs: it goes with its artist.
    const requests = await tx.$queryRaw<OpenRequestRow[]>`
      SELECT r."id", r."type", r."status", r."applicantId", r."nickname", a."managerId" AS "artistManagerId"
      FROM "Request" r LEFT JOIN "Release" rel ON rel."id" = r."releaseId" LEFT JOIN "Artist" a ON a."id" = rel."artistId"
      WHERE r."managerId" = ${former.managerId} AND ${Prisma.raw(openRequestSql("r"))}
        AND (r."type" = 'SIGN_CONTRACT' OR a."managerId" IS DISTINCT FROM ${former.managerId})
      ORDER BY r."id" LIMIT ${budget}
      FOR UPDATE OF r`;
    for (const request of requests) {
      if (request.type === "PUBLISH_RELEASE") {
        // Left behind by an earlier move (not by the rules of today): to its artist's manager.
        const target = request.artistManagerId === null ? null : await lockHandOverTarget(tx, request.artistManagerId);
        if (!target || !mayTakeNewWork(target)) continue;
        await tx.request.update({ where: { id: request.id }, data: { managerId: target.managerId } });
        await tx.requestHistory.create({ data: handOverEntry({ ...request, managerId: former.managerId }, { ...move, toManagerId: target.managerId }) });
        await notify(tx, { userId: target.userId, requestId: request.id, message: `The label moved request #${request.id} to you: ${move.reason}` });
        loads = withWorkTaken(loads, target.managerId, { requests: 1, artists: 0 });
        requestsMoved += 1;
        continue;
      }
      const target = await chooseTarget(tx, loads);
      if (target) {
        if (await handOverSignRequest(tx, { ...request, managerId: former.managerId, manager: null }, target, move)) {
          loads = withWorkTaken(loads, target.managerId, { requests: 1, artists: 0 });
          requestsMoved += 1;
        }
      } else {
        await returnToWaiting(tx, request, move);
        requestsMoved += 1;
      }
    }
  }

  const [artistsLeft, requestsLeft] = await Promise.all([
    tx.artist.count({ where: { managerId: former.managerId } }),
    tx.request.count({ where: { managerId: former.managerId, ...openRequestWhere } }),
  ]);
  const totalRequestsMoved = job.requestsMoved + requestsMoved;
  const totalArtistsMoved = job.artistsMoved + artistsMoved;
  const done = artistsLeft === 0 && requestsLeft === 0;
  // Nothing could move: what is left needs a manager who is not there (no hot loop: it waits).
  const waiting = !done && requestsMoved + artistsMoved === 0;
  const counts = {
    requestsMoved: totalRequestsMoved,
    requestsToMove: totalRequestsMoved + requestsLeft,
    artistsMoved: totalArtistsMoved,
    artistsToMove: totalArtistsMoved + artistsLeft,
  };
  const status: ManagerDeactivationStatus = done ? "DONE" : waiting ? "WAITING_FOR_MANAGER" : "IN_PROGRESS";
  await tx.managerDeactivation.update({ where: { id: job.id }, data: { ...counts, status, finishedAt: done ? systemClock.now() : null } });
  if (done && job.requestedById !== null) {
    await notify(tx, { userId: job.requestedById, message: `${job.name}'s work is redistributed: ${describeCounts({ status, ...counts })} moved.` });
  }
  if (done) return "done";
  return waiting ? "waiting" : "continue";
}

/**
 * The manager the fair rule picks, share-locked so they cannot be disabled or deactivated before
 * this transaction commits; one that changed since the loads were read is left out.
 */
async function chooseTarget(tx: DbClient, loads: ManagerLoad[]): Promise<LockedTarget | null> {
  let candidates = loads;
  for (;;) {
    const managerId = pickManager(candidates);
    if (managerId === null) return null;
    const target = await lockHandOverTarget(tx, managerId);
    if (target && mayTakeNewWork(target)) return target;
    candidates = candidates.filter((load) => load.managerId !== managerId);
  }
}

/**
 * With no manager left, a sign request waits for one as in §3.1: New without a manager, tried
 * again with backoff and at once when a manager appears. One sent back for changes too (a request
 * in Changes requested always has a manager to answer, CHECK in SQL); the history keeps what was
 * asked, and the applicant is told.
 */
async function returnToWaiting(
  tx: DbClient,
  request: { id: number; applicantId: number },
  move: { actorId: number | null; reason: string },
): Promise<void> {
  const reason = `${move.reason}; waiting for a manager`;
  await transitionRequest(tx, { requestId: request.id, action: "returnToWaiting", actor: "system", onBehalfOf: move.actorId ?? undefined, reason, data: { managerId: null } });
  await enqueueEvent(tx, signRequestAssignmentDue, { requestId: request.id, attempt: 0 });
  await notify(tx, { userId: request.applicantId, requestId: request.id, message: "Your request to join the label is waiting for a manager again." });
}

async function finish(tx: DbClient, deactivationId: number, status: Extract<ManagerDeactivationStatus, "DONE" | "CANCELLED">) {
  await tx.managerDeactivation.update({ where: { id: deactivationId }, data: { status, finishedAt: systemClock.now() } });
}

/** A former manager appointed again: their unfinished deactivation stops where it is. */
export async function cancelUnfinishedDeactivation(tx: DbClient, managerId: number): Promise<void> {
  await tx.managerDeactivation.updateMany({ where: { managerId, finishedAt: null }, data: { status: "CANCELLED", finishedAt: systemClock.now() } });
}

/** A manager appeared (created, appointed, enabled): every deactivation waiting for one goes on. */
export async function resumeWaitingDeactivations(tx: DbClient): Promise<number> {
  const waiting = await tx.managerDeactivation.findMany({ where: { status: "WAITING_FOR_MANAGER" }, select: { id: true }, orderBy: { id: "asc" } });
  for (const job of waiting) await enqueueEvent(tx, managerDeactivated, { deactivationId: job.id });
  return waiting.length;
}
