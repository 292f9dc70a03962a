// Request deadlines on the real PostgreSQL (docs/domain.md §9 "Deadlines"): scheduling them,
// the reminder and the expiry re-checking them, and the queue's "Expiring within 7 days".
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { scheduleDeadline } from "@/lib/requests/deadline";
import { expireRequest } from "@/lib/requests/expire-request";
import { listManagerQueue } from "@/lib/requests/queries";
import { remindOfDeadline } from "@/lib/requests/remind-of-deadline";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = new Date("2026-12-01T12:00:00.000Z");
const clock = fixedClock(now);
const later = (ms: number) => new Date(now.getTime() + ms);

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

/** A sign request made straight in the database, with the deadline given (none scheduled). */
async function signRequest(options: { managerId?: number | null; status?: RequestStatus; expiresAt?: Date | null } = {}) {
  const applicant = await createUser(prisma);
  const status = options.status ?? (options.managerId ? "ON_APPROVAL" : "NEW");
  return prisma.request.create({
    data: {
      type: "SIGN_CONTRACT",
      applicantId: applicant.id,
      nickname: `deadline-${uniqueSuffix()}`,
      managerId: options.managerId ?? null,
      status,
      ...(status === "CLOSED" ? { resolution: "DECLINED" as const, resolutionReason: "No" } : {}),
      expiresAt: options.expiresAt ?? null,
    },
  });
}

const deadlineEvents = (requestId: number) =>
  prisma.outboxEvent.findMany({
    where: { name: { in: ["request.expiry-due", "request.reminder-due"] }, payload: { path: ["requestId"], equals: requestId } },
    orderBy: { id: "asc" },
  });

const reminders = (userId: number) => prisma.notification.findMany({ where: { userId, message: { contains: "expires on" } } });

describe("scheduleDeadline", () => {
  it("stores the deadline and schedules its expiry at it and the reminder 7 days before", async () => {
    const request = await signRequest();
    const expiresAt = later(30 * DAY);
    expect(await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: request.id, expiresAt }, clock))).toEqual({ scheduled: true });
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).expiresAt).toEqual(expiresAt);
    const payload = { requestId: request.id, expiresAt: expiresAt.toISOString() };
    expect((await deadlineEvents(request.id)).map(({ name, availableAt, payload }) => ({ name, availableAt, payload }))).toEqual([
      { name: "request.expiry-due", availableAt: expiresAt, payload },
      { name: "request.reminder-due", availableAt: later(23 * DAY), payload },
    ]);
  });

  it("schedules nothing again for an unchanged deadline", async () => {
    const request = await signRequest();
    const expiresAt = later(30 * DAY);
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: request.id, expiresAt }, clock));
    expect(await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: request.id, expiresAt }, clock))).toEqual({ scheduled: false });
    expect(await deadlineEvents(request.id)).toHaveLength(2);
  });

  it("reminds at once when less than 7 days are left, and not at all when the deadline has passed", async () => {
    const soon = await signRequest();
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: soon.id, expiresAt: later(3 * DAY) }, clock));
    const [expiry, reminder] = await deadlineEvents(soon.id);
    expect(expiry!.availableAt).toEqual(later(3 * DAY));
    expect(reminder!.name).toBe("request.reminder-due");
    expect(reminder!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());

    const passed = await signRequest();
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: passed.id, expiresAt: later(-HOUR) }, clock));
    expect((await deadlineEvents(passed.id)).map((event) => event.name)).toEqual(["request.expiry-due"]);
  });
});

describe("the reminder", () => {
  it("notifies the assigned manager once, when due, with the deadline", async () => {
    const manager = await createManager(prisma);
    const expiresAt = later(7 * DAY);
    const request = await signRequest({ managerId: manager.managerId! });
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: request.id, expiresAt }, clock));
    const event = { requestId: request.id, expiresAt: expiresAt.toISOString() };

    // A minute early: nothing, and no second event while the real one still waits in the outbox.
    const pendingBefore = await prisma.outboxEvent.count();
    expect(await prisma.$transaction((tx) => remindOfDeadline(tx, event, fixedClock(later(-60_000))))).toBe("not-due");
    expect(await prisma.outboxEvent.count()).toBe(pendingBefore);

    expect(await prisma.$transaction((tx) => remindOfDeadline(tx, event, clock))).toBe("reminded");
    // The same deadline again (a second event for it): sent once.
    expect(await prisma.$transaction((tx) => remindOfDeadline(tx, event, clock))).toBe("skipped");
    const sent = await reminders(manager.id);
    expect(sent.map((notification) => [notification.message, notification.requestId])).toEqual([
      [`Request #${request.id} expires on 8 Dec 2026, 12:00 UTC if it is not decided by then.`, request.id],
    ]);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).reminderSentAt).toEqual(now);
  });

  it("comes again for a deadline moved after it was sent", async () => {
    const manager = await createManager(prisma);
    const request = await signRequest({ managerId: manager.managerId! });
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: request.id, expiresAt: later(5 * DAY) }, clock));
    expect(await prisma.$transaction((tx) => remindOfDeadline(tx, { requestId: request.id, expiresAt: later(5 * DAY).toISOString() }, clock))).toBe(
      "reminded",
    );
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: request.id, expiresAt: later(20 * DAY) }, clock));
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).reminderSentAt).toBeNull();
    const atNewTime = fixedClock(later(13 * DAY));
    const moved = { requestId: request.id, expiresAt: later(20 * DAY).toISOString() };
    expect(await prisma.$transaction((tx) => remindOfDeadline(tx, moved, atNewTime))).toBe("reminded");
    expect(await reminders(manager.id)).toHaveLength(2);
  });

  it("does nothing for a request decided earlier, one with no manager, or a deadline that moved", async () => {
    const manager = await createManager(prisma);
    const expiresAt = later(DAY);
    const decided = await signRequest({ managerId: manager.managerId!, status: "CLOSED", expiresAt });
    const unassigned = await signRequest({ expiresAt });
    const moved = await signRequest({ managerId: manager.managerId!, expiresAt: later(30 * DAY) });
    for (const request of [decided, unassigned, moved]) {
      expect(await prisma.$transaction((tx) => remindOfDeadline(tx, { requestId: request.id, expiresAt: expiresAt.toISOString() }, clock))).toBe(
        "skipped",
      );
    }
    expect(await prisma.notification.count()).toBe(0);
    expect(await prisma.request.count({ where: { reminderSentAt: { not: null } } })).toBe(0);
  });
});

describe("the expiry", () => {
  it("does nothing for a deadline that moved, even one long past, and expires at the current one", async () => {
    const manager = await createManager(prisma);
    const request = await signRequest({ managerId: manager.managerId!, expiresAt: later(10 * DAY) });
    const stale = { requestId: request.id, expiresAt: later(-DAY).toISOString() };
    expect(await prisma.$transaction((tx) => expireRequest(tx, stale, clock))).toBe("skipped");
    const current = { requestId: request.id, expiresAt: later(10 * DAY).toISOString() };
    expect(await prisma.$transaction((tx) => expireRequest(tx, current, fixedClock(later(10 * DAY))))).toBe("expired");
    expect(await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ status: "CLOSED", resolution: "EXPIRED" });
  });

  it("reads the stored deadline for an event scheduled before deadlines were stored (no expiresAt in it)", async () => {
    const manager = await createManager(prisma);
    const request = await signRequest({ managerId: manager.managerId!, expiresAt: later(DAY) });
    expect(await prisma.$transaction((tx) => expireRequest(tx, { requestId: request.id }, clock))).toBe("not-due");
    // Early, with no event of it waiting: one is enqueued for the deadline, so the expiry is never lost.
    expect((await deadlineEvents(request.id)).map(({ name, availableAt }) => [name, availableAt])).toEqual([["request.expiry-due", later(DAY)]]);
    expect(await prisma.$transaction((tx) => expireRequest(tx, { requestId: request.id }, fixedClock(later(DAY))))).toBe("expired");
  });
});

describe('the queue filter "Expiring within 7 days"', () => {
  it("shows exactly the manager's open requests whose deadline is at most 7 days away, the nearest first", async () => {
    const manager = await createManager(prisma);
    const other = await createManager(prisma);
    const mine = (expiresAt: Date | null, status?: RequestStatus) => signRequest({ managerId: manager.managerId!, expiresAt, status });
    const overdue = await mine(later(-HOUR));
    const inAnHour = await mine(later(HOUR));
    const atTheLimit = await mine(later(7 * DAY));
    await mine(later(7 * DAY + 1));
    await mine(later(2 * DAY), "CLOSED");
    await mine(null);
    await signRequest({ managerId: other.managerId!, expiresAt: later(DAY) });

    const queue = await listManagerQueue(manager, { status: "expiring", sort: "expiring-first" }, clock);
    expect(queue.requests.map((request) => request.id)).toEqual([overdue.id, inAnHour.id, atTheLimit.id]);
    expect(queue.total).toBe(3);
    expect(queue.requests[0]!.expiresAt).toEqual(later(-HOUR));
    expect((await listManagerQueue(manager, { status: "open" }, clock)).total).toBe(5);
  });
});
