// The admin moves an artist to another manager (docs/domain.md §10 "All requests"): in one
// transaction the artist's personal manager changes — only if it is still the one the admin saw —
// and the artist's open publish requests go with them, each with a history entry carrying the
// admin's reason; both managers and the artist are told. Publications already approved keep the
// manager who approved them (§2 "Publication").
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma, type DbClient } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { notify } from "@/lib/notifications/notify";
import { listManagerChoices, lockHandOverTarget, type ManagerChoice } from "@/lib/requests/manager-choices";
import { openRequestSql, openRequestWhere } from "@/lib/requests/open-request";
import { ARTIST_CHANGED_MEANWHILE, canMoveArtist, handOverBlocker, handOverEntry, mayMoveWork, NOT_AN_ARTIST } from "@/lib/requests/reassignment-rule";

export const ARTIST_NOT_FOUND = "Artist not found";

export type MoveArtistInput = {
  artistId: number;
  /** The manager to take the artist over. */
  managerId: number;
  /** The manager the admin saw; anything else now is a race lost. */
  currentManagerId: number;
  /** Shown in the history of each request that moves (1–2000 characters, checked by the form's schema). */
  reason: string;
};

export type ArtistMoved = { nickname: string; managerName: string; movedRequestIds: number[] };

export async function moveArtist(actor: SessionUser, input: MoveArtistInput): Promise<ArtistMoved> {
  if (!mayMoveWork(actor)) throw new ForbiddenError();
  return prisma.$transaction(async (tx) => {
    const artist = await tx.artist.findUnique({
      where: { id: input.artistId },
      select: { id: true, userId: true, nickname: true, managerId: true, manager: { select: { userId: true, user: { select: { name: true } } } } },
    });
    if (!artist) throw new NotFoundError(ARTIST_NOT_FOUND);
    if (artist.managerId !== input.currentManagerId) throw new ConflictError(ARTIST_CHANGED_MEANWHILE);
    const target = await lockHandOverTarget(tx, input.managerId);
    const blocker = handOverBlocker(artist.managerId, target);
    if (blocker || !target) throw new DomainError(blocker ?? ARTIST_CHANGED_MEANWHILE, { field: "managerId" });

    const movedRequestIds = await handOverArtist(tx, artist, target, { actorId: actor.id, reason: input.reason });
    if (!movedRequestIds) throw new ConflictError(ARTIST_CHANGED_MEANWHILE);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "artist.move",
      targetType: "artist",
      targetId: artist.id,
      detail: { fromManagerId: artist.managerId, toManagerId: target.managerId, movedRequestIds, reason: input.reason },
    });
    return { nickname: artist.nickname, managerName: target.name, movedRequestIds };
  });
}

/**
 * Moves an artist, as read, from their manager to `target` with their open publish requests, in
 * the caller's transaction: a history entry per request with `move.reason`, both managers and the
 * artist told. Null, changing nothing, when the artist's manager is no longer the one read;
 * otherwise the ids of the requests that moved. The admin's move and the redistribution of a
 * deactivated manager's work (docs/domain.md §10) use it.
 */
export async function handOverArtist(
  tx: DbClient,
  artist: { id: number; userId: number; nickname: string; managerId: number; manager: { userId: number; user: { name: string } } },
  target: { managerId: number; userId: number; name: string },
  /** `toldFormerManager: false`: the manager they leave was told already (a deactivated one). */
  move: { actorId: number | null; reason: string; toldFormerManager?: boolean },
): Promise<number[] | null> {
  const moved = await tx.artist.updateMany({ where: { id: artist.id, managerId: artist.managerId }, data: { managerId: target.managerId } });
  if (moved.count !== 1) return null;

  // The artist's row is locked now, and a publish submission reads the artist's manager under a
  // share lock (submit-publish-request.ts): none can slip in with the old manager. The open
  // requests are locked too, so each is moved in the status it is in (a decision that got there
  // first closes it, and it stays where it was decided).
  const open = await tx.$queryRaw<{ id: number; status: RequestStatus; managerId: number }[]>`
    SELECT r."id", r."status", r."managerId"
    FROM "Request" r JOIN "Release" rel ON rel."id" = r."releaseId"
    WHERE r."type" = 'PUBLISH_RELEASE' AND rel."artistId" = ${artist.id} AND r."managerId" <> ${target.managerId}
      AND ${Prisma.raw(openRequestSql("r"))}
    ORDER BY r."id"
    FOR UPDATE OF r`;
  if (open.length > 0) {
    await tx.request.updateMany({ where: { id: { in: open.map((request) => request.id) } }, data: { managerId: target.managerId } });
    await tx.requestHistory.createMany({
      data: open.map((request) => handOverEntry(request, { actorId: move.actorId, reason: move.reason, toManagerId: target.managerId })),
    });
  }
  const carried = open.length === 0 ? "" : `, with ${open.length} open publish request${open.length === 1 ? "" : "s"}`;
  if (move.toldFormerManager !== false) {
    await notify(tx, { userId: artist.manager.userId, message: `The label moved ${artist.nickname} to ${target.name}${carried}: ${move.reason}` });
  }
  await notify(tx, { userId: target.userId, message: `The label moved ${artist.nickname} to you from ${artist.manager.user.name}${carried}: ${move.reason}` });
  await notify(tx, { userId: artist.userId, message: `Your manager at the label is now ${target.name}.` });
  return open.map((request) => request.id);
}

/** What the admin's move page shows and offers for the artist of account `userId`. */
export type ArtistMoveView = {
  artistId: number;
  userId: number;
  name: string;
  email: string;
  nickname: string;
  active: boolean;
  manager: { managerId: number; name: string };
  openPublishRequests: number;
  choices: ManagerChoice[];
};

/** For the admin only; an account that is not an artist's is "not found". */
export async function artistMoveView(viewer: SessionUser, userId: number): Promise<ArtistMoveView> {
  if (!mayMoveWork(viewer)) throw new ForbiddenError();
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      artist: { select: { id: true, nickname: true, active: true, managerId: true, manager: { select: { user: { select: { name: true } } } } } },
    },
  });
  if (!user?.artist || !canMoveArtist(user.role)) throw new NotFoundError(NOT_AN_ARTIST);
  const { artist } = user;
  const [openPublishRequests, choices] = await Promise.all([
    prisma.request.count({ where: { type: "PUBLISH_RELEASE", release: { artistId: artist.id }, ...openRequestWhere } }),
    listManagerChoices({ except: artist.managerId }),
  ]);
  return {
    artistId: artist.id,
    userId: user.id,
    name: user.name,
    email: user.email,
    nickname: artist.nickname,
    active: artist.active,
    manager: { managerId: artist.managerId, name: artist.manager.user.name },
    openPublishRequests,
    choices,
  };
}
