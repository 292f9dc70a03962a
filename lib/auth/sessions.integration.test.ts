// Revocable sessions on the real PostgreSQL (docs/domain.md §11, decision 012): a session counts
// while its row is live and the account enabled; ending rows signs people out at their next
// request; losing a role ends every session of the account; old rows are pruned.
import { beforeEach, describe, expect, it } from "vitest";
import { SESSION_IDLE_LIMIT_MS } from "@/lib/auth/session-rules";
import { endSession, endSessionsOf, findSessionUser, pruneSessions, startSession } from "@/lib/auth/sessions";
import { fixedClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { countUnreadNotifications } from "@/lib/notifications/list-notifications";
import { changeRole } from "@/lib/users/change-role";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

const start = new Date("2026-12-01T10:00:00.000Z");
const HOUR = 3_600_000;
const clockAt = (ms: number) => fixedClock(new Date(start.getTime() + ms));

beforeEach(async () => {
  await resetDatabase(prisma);
});

describe("sessions", () => {
  it("stands for its account while live, and for nobody once ended", async () => {
    const user = await createUser(prisma);
    const sessionId = await startSession(user.id);
    expect(await findSessionUser(sessionId, user.id)).toMatchObject({ id: user.id, role: "USER" });

    await endSession(sessionId);

    expect(await findSessionUser(sessionId, user.id)).toBeNull();
  });

  it("reads the account's manager and artist records and, when asked, its unread count in the same read (decision 021)", async () => {
    const manager = await createManager(prisma);
    const artist = await createArtist(prisma, manager.managerId!);
    const managerSession = await startSession(manager.id);
    const artistSession = await startSession(artist.id);
    await prisma.notification.createMany({
      data: [
        { userId: artist.id, message: "one" },
        { userId: artist.id, message: "two" },
        { userId: artist.id, message: "read", readAt: new Date() },
        { userId: manager.id, message: "other person's" },
      ],
    });

    expect(await findSessionUser(managerSession, manager.id)).toMatchObject({
      id: manager.id,
      role: "MANAGER",
      manager: { id: manager.managerId },
      artist: null,
      unreadNotifications: null,
    });
    expect(await findSessionUser(artistSession, artist.id, undefined, { countUnread: true })).toMatchObject({
      id: artist.id,
      role: "ARTIST",
      manager: null,
      artist: { id: artist.artistId },
      unreadNotifications: 2,
    });
    expect(await countUnreadNotifications(artist.id)).toBe(2);
    expect(await findSessionUser(managerSession, manager.id, undefined, { countUnread: true })).toMatchObject({ unreadNotifications: 1 });
  });

  it("never stands for another account, and an unknown id for nobody", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const sessionId = await startSession(user.id);
    expect(await findSessionUser(sessionId, other.id)).toBeNull();
    expect(await findSessionUser("no-such-session", user.id)).toBeNull();
  });

  it("ends when the account is disabled, whatever the row says", async () => {
    const user = await createUser(prisma);
    const sessionId = await startSession(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await findSessionUser(sessionId, user.id)).toBeNull();
  });

  it("ends after the idle limit, and a visit records itself at most hourly", async () => {
    const user = await createUser(prisma);
    const sessionId = await startSession(user.id, prisma, clockAt(0));
    const lastSeen = async () => (await prisma.userSession.findUniqueOrThrow({ where: { id: sessionId } })).lastSeenAt;

    await findSessionUser(sessionId, user.id, clockAt(HOUR / 2));
    expect(await lastSeen()).toEqual(start);
    await findSessionUser(sessionId, user.id, clockAt(2 * HOUR));
    expect(await lastSeen()).toEqual(new Date(start.getTime() + 2 * HOUR));

    expect(await findSessionUser(sessionId, user.id, clockAt(2 * HOUR + SESSION_IDLE_LIMIT_MS - 1))).not.toBeNull();
    const later = 2 * HOUR + SESSION_IDLE_LIMIT_MS - 1 + SESSION_IDLE_LIMIT_MS;
    expect(await findSessionUser(sessionId, user.id, clockAt(later))).toBeNull();
  });

  it("ends every session of an account but the one kept", async () => {
    const user = await createUser(prisma);
    const other = await createUser(prisma);
    const [kept, phone, laptop] = [await startSession(user.id), await startSession(user.id), await startSession(user.id)];
    const othersSession = await startSession(other.id);

    expect(await endSessionsOf(prisma, user.id, { except: kept })).toBe(2);

    expect(await findSessionUser(kept, user.id)).not.toBeNull();
    expect(await findSessionUser(phone, user.id)).toBeNull();
    expect(await findSessionUser(laptop, user.id)).toBeNull();
    expect(await findSessionUser(othersSession, other.id)).not.toBeNull();

    await endSessionsOf(prisma, user.id);
    expect(await findSessionUser(kept, user.id)).toBeNull();
  });

  it("ends every session of an account that loses a role, and none of one that gains a role", async () => {
    const manager = await createManager(prisma);
    const user = await createUser(prisma);
    const managerSession = await startSession(manager.id);
    const userSession = await startSession(user.id);

    await prisma.$transaction(async (tx) => {
      expect(await changeRole(tx, manager.id, "MANAGER", "USER")).toBe(true);
      expect(await changeRole(tx, user.id, "USER", "ARTIST")).toBe(true);
    });

    expect(await findSessionUser(managerSession, manager.id)).toBeNull();
    expect(await findSessionUser(userSession, user.id)).toMatchObject({ role: "ARTIST" });
  });

  it("changes no role that moved on meanwhile", async () => {
    const user = await createUser(prisma);
    const sessionId = await startSession(user.id);
    expect(await prisma.$transaction((tx) => changeRole(tx, user.id, "MANAGER", "USER"))).toBe(false);
    expect(await findSessionUser(sessionId, user.id)).toMatchObject({ role: "USER" });
  });

  it("prunes rows that can never count again and keeps live ones", async () => {
    const user = await createUser(prisma);
    await startSession(user.id, prisma, clockAt(0));
    const ended = await startSession(user.id, prisma, clockAt(0));
    await endSession(ended, prisma, clockAt(HOUR));
    const live = await startSession(user.id, prisma, clockAt(SESSION_IDLE_LIMIT_MS));

    expect(await pruneSessions(prisma, new Date(start.getTime() + SESSION_IDLE_LIMIT_MS + 2 * HOUR))).toBe(2);

    const left = await prisma.userSession.findMany({ select: { id: true } });
    expect(left.map((row) => row.id)).toEqual([live]);
  });
});
