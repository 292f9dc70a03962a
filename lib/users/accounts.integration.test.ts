// Accounts on the real PostgreSQL: registration, appointing and creating managers, the
// admin's lists, notifications read-state and the health report.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

import { verifyPassword } from "@/lib/auth/password";
import { createPrismaClient, prisma } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/list-notifications";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/notifications/mark-notifications-read";
import { notify } from "@/lib/notifications/notify";
import { logger } from "@/lib/observability/logger";
import { checkHealth } from "@/lib/platform/health";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { appointManager } from "@/lib/users/appoint-manager";
import { createManager } from "@/lib/users/create-manager";
import { listManagers } from "@/lib/users/list-managers";
import { listUsers } from "@/lib/users/list-users";
import { duplicateEmailMessage, registerUser } from "@/lib/users/register-user";
import * as testing from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

const assignmentEvents = (requestId: number) =>
  prisma.outboxEvent.count({ where: { name: "sign-request.assignment-due", payload: { path: ["requestId"], equals: requestId } } });

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("registerUser", () => {
  it("stores a USER with a lower-cased email and an argon2 hash, and answers without the hash", async () => {
    const user = await registerUser({ name: "Ada", email: "Ada@Example.TEST", password: "long-enough" });
    expect(user).toEqual({ id: expect.any(Number), name: "Ada", email: "ada@example.test", role: "USER", createdAt: expect.any(Date) });
    expect(user).not.toHaveProperty("passwordHash");
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, "long-enough")).toBe(true);
  });

  it("refuses a taken email whatever its case, as an error on the email field", async () => {
    await registerUser({ name: "Ada", email: "ada@example.test", password: "long-enough" });
    const attempt = registerUser({ name: "Other", email: "ADA@example.test", password: "long-enough" });
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ field: "email", message: duplicateEmailMessage });
    expect(await prisma.user.count()).toBe(1);
  });
});

describe("appointManager", () => {
  it("makes a USER a manager and gives every waiting sign request another chance, in one go", async () => {
    const admin = await testing.createUser(prisma, "ADMIN");
    const applicant = await testing.createUser(prisma);
    const waiting = await submitSignRequest(applicant, { nickname: "Waiting Star", message: null });
    const candidate = await testing.createUser(prisma);
    const eventsBefore = await assignmentEvents(waiting.id);

    const { managerId } = await appointManager({ userId: candidate.id, actorId: admin.id });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: candidate.id }, include: { manager: true } });
    expect(user.role).toBe("MANAGER");
    expect(user.manager?.id).toBe(managerId);
    expect(await assignmentEvents(waiting.id)).toBe(eventsBefore + 1);
    const notifications = await prisma.notification.findMany({ where: { userId: candidate.id } });
    expect(notifications).toHaveLength(1);
  });

  it("withdraws the appointee's own open sign request, with a history entry", async () => {
    const admin = await testing.createUser(prisma, "ADMIN");
    const candidate = await testing.createUser(prisma);
    const own = await submitSignRequest(candidate, { nickname: "Soon Staff", message: null });

    await appointManager({ userId: candidate.id, actorId: admin.id });

    const request = await prisma.request.findUniqueOrThrow({ where: { id: own.id } });
    expect(request).toMatchObject({ status: "CLOSED", resolution: "WITHDRAWN" });
    const last = await prisma.requestHistory.findFirstOrThrow({ where: { requestId: own.id }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ toStatus: "CLOSED", toResolution: "WITHDRAWN", actorId: admin.id });
  });

  it("refuses artists, managers, the admin and unknown people, changing nothing", async () => {
    const admin = await testing.createUser(prisma, "ADMIN");
    const manager = await testing.createManager(prisma);
    const artist = await testing.createArtist(prisma, manager.managerId!);

    await expect(appointManager({ userId: artist.id, actorId: admin.id })).rejects.toThrow(
      "Only users can be made managers; artists cannot be appointed",
    );
    await expect(appointManager({ userId: manager.id, actorId: admin.id })).rejects.toThrow("This person is already a manager");
    await expect(appointManager({ userId: admin.id, actorId: admin.id })).rejects.toThrow(
      "Only users can be made managers; the admin cannot be appointed",
    );
    await expect(appointManager({ userId: 987_654_321, actorId: admin.id })).rejects.toBeInstanceOf(NotFoundError);

    expect(await prisma.manager.count()).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: artist.id } })).role).toBe("ARTIST");
  });

  it("appoints once when two admins click at the same time", async () => {
    const admin = await testing.createUser(prisma, "ADMIN");
    const candidate = await testing.createUser(prisma);
    const results = await Promise.allSettled([
      appointManager({ userId: candidate.id, actorId: admin.id }),
      appointManager({ userId: candidate.id, actorId: admin.id }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.manager.count({ where: { userId: candidate.id } })).toBe(1);
  });
});

describe("createManager", () => {
  it("creates the MANAGER user and its Manager row, and requeues waiting sign requests", async () => {
    const applicant = await testing.createUser(prisma);
    const waiting = await submitSignRequest(applicant, { nickname: "Patient One", message: null });
    const before = await assignmentEvents(waiting.id);

    const manager = await createManager({ name: "Marta", email: "Marta@Label.TEST", password: "manager-pass" });

    expect(manager).toMatchObject({ name: "Marta", email: "marta@label.test", role: "MANAGER", managerId: expect.any(Number) });
    expect(manager).not.toHaveProperty("passwordHash");
    expect(await prisma.manager.findUnique({ where: { userId: manager.id } })).not.toBeNull();
    expect(await assignmentEvents(waiting.id)).toBe(before + 1);
  });

  it("answers a taken email on the email field and leaves no half-made manager", async () => {
    const existing = await testing.createUser(prisma);
    await expect(createManager({ name: "Dup", email: existing.email.toUpperCase(), password: "manager-pass" })).rejects.toMatchObject({
      field: "email",
      message: duplicateEmailMessage,
    });
    expect(await prisma.manager.count()).toBe(0);
    expect(await prisma.user.count()).toBe(1);
  });
});

describe("the admin's lists", () => {
  it("lists users newest first, a page at a time, searchable, never with a password hash", async () => {
    for (let index = 0; index < 5; index += 1) await testing.createUser(prisma, "USER", `Listed ${index}`);
    const first = await listUsers({ page: 1, pageSize: 2 });
    expect(first).toMatchObject({ page: 1, pageCount: 3, total: 5 });
    expect(first.users.map((user) => user.name)).toEqual(["Listed 4", "Listed 3"]);
    expect(Object.keys(first.users[0]!).sort()).toEqual(["createdAt", "disabledAt", "email", "id", "name", "role"]);
    // A page that does not exist shows the first (docs/domain.md §11).
    expect(await listUsers({ page: 99, pageSize: 2 })).toMatchObject({ page: 1, users: first.users });
    expect((await listUsers({ search: "listed 2" })).users.map((user) => user.name)).toEqual(["Listed 2"]);
  });

  it("counts each manager's artists and open requests (closed ones do not count)", async () => {
    const busy = await testing.createManager(prisma, "Busy Manager");
    const idle = await testing.createManager(prisma, "Idle Manager");
    await testing.createArtist(prisma, busy.managerId!);
    await testing.createArtist(prisma, busy.managerId!);
    const applicants = [await testing.createUser(prisma), await testing.createUser(prisma), await testing.createUser(prisma)];
    await prisma.request.createMany({
      data: [
        { type: "SIGN_CONTRACT", applicantId: applicants[0]!.id, nickname: "Open One", status: "ON_APPROVAL", managerId: busy.managerId },
        { type: "SIGN_CONTRACT", applicantId: applicants[1]!.id, nickname: "Open Two", status: "ON_APPROVAL", managerId: busy.managerId },
        { type: "SIGN_CONTRACT", applicantId: applicants[2]!.id, nickname: "Done", status: "CLOSED", resolution: "DECLINED", managerId: busy.managerId },
      ],
    });

    const managers = await listManagers();
    expect(managers.map(({ name, artistCount, openQueueSize }) => ({ name, artistCount, openQueueSize }))).toEqual([
      { name: "Busy Manager", artistCount: 2, openQueueSize: 2 },
      { name: "Idle Manager", artistCount: 0, openQueueSize: 0 },
    ]);
    expect(managers[1]!.managerId).toBe(idle.managerId);
  });
});

describe("notifications", () => {
  it("lists a person's own notifications newest first and marks them read, only their own", async () => {
    const person = await testing.createUser(prisma);
    const other = await testing.createUser(prisma);
    await notify(prisma, { userId: person.id, message: "First" });
    await notify(prisma, { userId: person.id, message: "Second" });
    await notify(prisma, { userId: other.id, message: "Not yours" });

    const page = await listNotifications(person.id, 1);
    expect(page.notifications.map((item) => item.message)).toEqual(["Second", "First"]);
    expect(page.unread).toBe(2);

    const othersNotification = await prisma.notification.findFirstOrThrow({ where: { userId: other.id } });
    expect(await markNotificationRead(person.id, othersNotification.id)).toBe(false);
    expect(await countUnreadNotifications(other.id)).toBe(1);

    expect(await markNotificationRead(person.id, page.notifications[0]!.id)).toBe(true);
    expect(await markNotificationRead(person.id, page.notifications[0]!.id)).toBe(false);
    expect(await countUnreadNotifications(person.id)).toBe(1);
    expect(await markAllNotificationsRead(person.id)).toBe(1);
    expect(await countUnreadNotifications(person.id)).toBe(0);
    expect(await countUnreadNotifications(other.id)).toBe(1);
  });
});

describe("checkHealth", () => {
  it("reports the database, the newest worker heartbeat and the unsent outbox rows", async () => {
    const empty = await checkHealth();
    expect(empty).toEqual({ status: "ok", database: "ok", worker: { lastHeartbeatAt: null, heartbeatAgeSeconds: null }, outbox: { unsent: 0, due: 0 } });

    const beatAt = new Date("2026-11-24T10:00:00.000Z");
    await prisma.workerHeartbeat.createMany({
      data: [
        { workerId: "old", startedAt: beatAt, beatAt: new Date(beatAt.getTime() - 60_000) },
        { workerId: "new", startedAt: beatAt, beatAt },
      ],
    });
    const applicant = await testing.createUser(prisma);
    await submitSignRequest(applicant, { nickname: "Health Check", message: null });

    const report = await checkHealth({ clock: { now: () => new Date(beatAt.getTime() + 12_000) } });
    expect(report).toEqual({
      status: "ok",
      database: "ok",
      worker: { lastHeartbeatAt: "2026-11-24T10:00:00.000Z", heartbeatAgeSeconds: 12 },
      // At that (earlier) clock none of the three events is due yet.
      outbox: { unsent: 3, due: 0 },
    });
    // Now: the assignment is due at once, the reminder in 83 days, the expiry in 90.
    const current = await checkHealth();
    expect(current.status === "ok" ? current.outbox : null).toEqual({ unsent: 3, due: 1 });
  });

  it("reports the service down when the database cannot be reached", async () => {
    const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nowhere");
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    try {
      expect(await checkHealth({ db: unreachable })).toEqual({ status: "down", database: "unreachable" });
      expect(logged).toHaveBeenCalledTimes(1);
    } finally {
      logged.mockRestore();
      await unreachable.$disconnect();
    }
  });
});
