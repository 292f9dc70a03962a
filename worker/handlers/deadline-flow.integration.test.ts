// Request deadlines through the real outbox, Kafka and worker (docs/domain.md §9 "Deadlines"):
// the reminder reaches the assigned manager once when due, never for a request decided before
// it fires, and events of a deadline that has since moved change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { requestReminderDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { scheduleDeadline } from "@/lib/requests/deadline";
import { declineRequest } from "@/lib/requests/decline-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const DAY = 24 * 60 * 60 * 1000;
const applied: string[] = [];
let worker: RunningWorker;

beforeAll(async () => {
  await resetDatabase(prisma);
  worker = await startWorker(
    { db: prisma, workerId: "deadline-flow", afterApply: (eventId) => void applied.push(eventId) },
    { ...env(), OUTBOX_POLL_MS: 100 },
  );
});

afterAll(async () => {
  await worker?.stop();
  await prisma.$disconnect();
});

const timesSeen = (eventId: string) => applied.filter((seen) => seen === eventId).length;
const fromNow = (ms: number) => new Date(Date.now() + ms);
const request = (id: number) => prisma.request.findUniqueOrThrow({ where: { id } });
const remindersOf = (userId: number) => prisma.notification.count({ where: { userId, message: { contains: "expires on" } } });
const eventsOf = (requestId: number, name: string) =>
  prisma.outboxEvent.findMany({ where: { name, payload: { path: ["requestId"], equals: requestId } }, orderBy: { id: "asc" } });

/** A sign request the worker has assigned to `manager` (the only manager with room). */
async function assignedSignRequest() {
  const applicant = await createUser(prisma);
  const submitted = await submitSignRequest(applicant, { nickname: `deadline-${uniqueSuffix()}`, message: null });
  await expect.poll(async () => (await request(submitted.id)).status, { message: "assignment" }).toBe("ON_APPROVAL");
  return request(submitted.id);
}

describe("deadlines through Kafka", () => {
  let manager: Awaited<ReturnType<typeof createManager>>;

  beforeAll(async () => {
    manager = await createManager(prisma);
  });

  it("reminds the assigned manager once when the reminder is due", async () => {
    const { id } = await assignedSignRequest();
    // Its deadline moves to 3 days from now: less than 7 days left, so the reminder is due at once.
    const expiresAt = fromNow(3 * DAY);
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId: id, expiresAt }));
    await expect.poll(() => remindersOf(manager.id), { message: "the reminder" }).toBe(1);
    const reminded = await request(id);
    expect(reminded.status).toBe("ON_APPROVAL");
    expect(reminded.reminderSentAt).toBeInstanceOf(Date);

    // The event delivered again, and a second reminder event for the same deadline: still one.
    const [, current] = await eventsOf(id, requestReminderDue.name);
    await prisma.outboxEvent.update({ where: { id: current!.id }, data: { sentAt: null } });
    const duplicate = await prisma.$transaction((tx) => enqueueEvent(tx, requestReminderDue, { requestId: id, expiresAt: expiresAt.toISOString() }));
    await expect.poll(() => [timesSeen(current!.eventId) >= 2, timesSeen(duplicate) >= 1], { message: "both duplicates" }).toEqual([true, true]);
    expect(await remindersOf(manager.id)).toBe(1);
    const [notification] = await prisma.notification.findMany({ where: { userId: manager.id, message: { contains: "expires on" } } });
    expect(notification).toMatchObject({ requestId: id, message: expect.stringMatching(new RegExp(`^Request #${id} expires on .+ if it is not decided by then\\.$`)) });
  });

  it("sends no reminder for a request decided before it fires", async () => {
    const { id } = await assignedSignRequest();
    const before = await remindersOf(manager.id);
    await declineRequest(manager, id, "Not this time");
    // The reminder of its (now near) deadline comes due after the decision.
    const expiresAt = fromNow(3 * DAY);
    await prisma.request.update({ where: { id }, data: { expiresAt } });
    const [reminder] = await eventsOf(id, requestReminderDue.name);
    await prisma.outboxEvent.update({
      where: { id: reminder!.id },
      data: { availableAt: new Date(Date.now() - 1000), payload: { requestId: id, expiresAt: expiresAt.toISOString() } },
    });
    await expect.poll(() => timesSeen(reminder!.eventId), { message: "the reminder event" }).toBeGreaterThanOrEqual(1);
    expect(await remindersOf(manager.id)).toBe(before);
    expect((await request(id)).reminderSentAt).toBeNull();
  });

  it("ignores the expiry and the reminder of a deadline that has since moved", async () => {
    const { id } = await assignedSignRequest();
    const before = await remindersOf(manager.id);
    const finalDeadline = fromNow(30 * DAY);
    // Amended twice in one go: first to a deadline already past (its expiry is due at once), then
    // to one 3 days away (its reminder is due at once), then to 30 days away.
    await prisma.$transaction(async (tx) => {
      await scheduleDeadline(tx, { requestId: id, expiresAt: fromNow(-60_000) });
      await scheduleDeadline(tx, { requestId: id, expiresAt: fromNow(3 * DAY) });
      await scheduleDeadline(tx, { requestId: id, expiresAt: finalDeadline });
    });
    const dueNow = await prisma.outboxEvent.findMany({
      where: { name: { in: ["request.expiry-due", requestReminderDue.name] }, availableAt: { lte: new Date() }, payload: { path: ["requestId"], equals: id } },
    });
    expect(dueNow.map((event) => event.name).sort()).toEqual(["request.expiry-due", requestReminderDue.name]);
    await expect.poll(() => dueNow.every((event) => timesSeen(event.eventId) >= 1), { message: "the stale events" }).toBe(true);

    const after = await request(id);
    expect(after).toMatchObject({ status: "ON_APPROVAL", resolution: null, reminderSentAt: null });
    expect(after.expiresAt).toEqual(finalDeadline);
    expect(await remindersOf(manager.id)).toBe(before);
  });
});
