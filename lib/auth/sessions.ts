// Revocable sessions (docs/domain.md §11, decision 012). Signing in creates a row; the session
// cookie (a signed JWT) names it. Every request reads the row with its user (currentUser), so
// ending rows ends sessions at once: signing out ends one, "Sign out everywhere", disabling the
// account and losing a role end all of the account's, a password change all but the current.
import "server-only";
import { randomBytes } from "node:crypto";
import { isSessionLive, prunableBefore, shouldTouchSession } from "@/lib/auth/session-rules";
import { systemClock, type Clock } from "@/lib/clock";
import { prisma, type Db, type DbClient } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { unreadNotificationsCountSql } from "@/lib/notifications/list-notifications";

/** Starts a session for a person who has just proved who they are; returns its id for the cookie. */
export async function startSession(userId: number, db: Db | DbClient = prisma, clock: Clock = systemClock): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const now = clock.now();
  await db.userSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now } });
  return id;
}

/** The account behind a session, as guards.currentUser needs it. */
export type SessionAccount = {
  id: number;
  name: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
  manager: { id: number } | null;
  artist: { id: number } | null;
  /** The account's unread notifications, when asked for (`countUnread`); else null. */
  unreadNotifications: number | null;
};

type SessionAccountRow = {
  userId: number;
  endedAt: Date | null;
  lastSeenAt: Date;
  name: string;
  email: string;
  role: Role;
  disabledAt: Date | null;
  managerId: number | null;
  artistId: number | null;
  unreadNotifications: number | null;
};

/**
 * The account a session cookie stands for, when its session is live and the account enabled;
 * null otherwise (the visitor counts as signed out). One read; a write at most hourly, unless
 * `touch` is false: an open live-pages stream re-checks its session without counting as use
 * (lib/live/live-stream.ts), so a tab left open does not keep a session alive.
 * The read is one statement (the row, its user and the user's manager and artist records):
 * every page load makes it, so it is one round trip, not four (decision 021). With `countUnread`,
 * the same statement also counts the account's unread notifications, which the signed-in
 * layout shows.
 */
export async function findSessionUser(
  sessionId: string,
  userId: number,
  clock: Clock = systemClock,
  { touch = true, countUnread = false }: { touch?: boolean; countUnread?: boolean } = {},
): Promise<SessionAccount | null> {
  const [session] = await prisma.$queryRaw<SessionAccountRow[]>`
    SELECT s."userId", s."endedAt", s."lastSeenAt", u."name", u."email", u."role"::text AS "role", u."disabledAt",
           m."id" AS "managerId", a."id" AS "artistId",
           ${countUnread ? unreadNotificationsCountSql(Prisma.raw('u."id"')) : Prisma.sql`NULL::int`} AS "unreadNotifications"
    FROM "UserSession" s
    JOIN "User" u ON u."id" = s."userId"
    LEFT JOIN "Manager" m ON m."userId" = u."id"
    LEFT JOIN "Artist" a ON a."userId" = u."id"
    WHERE s."id" = ${sessionId}`;
  const now = clock.now();
  if (!session || session.userId !== userId || !isSessionLive(session, now) || session.disabledAt) return null;
  if (touch && shouldTouchSession(session, now)) {
    await prisma.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { lastSeenAt: now } });
  }
  return {
    id: session.userId,
    name: session.name,
    email: session.email,
    role: session.role,
    disabledAt: session.disabledAt,
    manager: session.managerId === null ? null : { id: session.managerId },
    artist: session.artistId === null ? null : { id: session.artistId },
    unreadNotifications: session.unreadNotifications,
  };
}

/** Ends one session (signing out); ending an ended or unknown session does nothing. */
export async function endSession(sessionId: string, db: Db | DbClient = prisma, clock: Clock = systemClock): Promise<void> {
  await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: clock.now() } });
}

/** Ends every live session of an account, but `except` (the session making a password change). */
export async function endSessionsOf(
  db: Db | DbClient,
  userId: number,
  { except, clock = systemClock }: { except?: string; clock?: Clock } = {},
): Promise<number> {
  const { count } = await db.userSession.updateMany({
    where: { userId, endedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { endedAt: clock.now() },
  });
  return count;
}

/** Deletes rows that can never count again (ended or idle past the limit); run by the worker. */
export async function pruneSessions(db: Db, now: Date, batchSize = 5_000): Promise<number> {
  const before = prunableBefore(now);
  return db.$executeRaw`
    DELETE FROM "UserSession" WHERE "id" IN (
      SELECT "id" FROM "UserSession" WHERE "lastSeenAt" < ${before} OR "endedAt" < ${before} LIMIT ${batchSize})`;
}
