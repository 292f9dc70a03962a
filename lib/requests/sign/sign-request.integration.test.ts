// Sign-contract requests end to end on the real PostgreSQL and Kafka (docs/domain.md §3.1).
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { createKafka } from "@/lib/kafka/client";
import { endContract } from "@/lib/artists/end-contract";
import { fixedClock, toIsoDay } from "@/lib/clock";
import { acceptRequest } from "@/lib/requests/accept-request";
import { declineRequest } from "@/lib/requests/decline-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { requeueWaitingSignRequests } from "@/lib/requests/sign/requeue-waiting-sign-requests";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { startWorker } from "@/worker/start-worker";

async function statusOf(requestId: number) {
  return (await prisma.request.findUniqueOrThrow({ where: { id: requestId } })).status;
}

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("submitting a sign-contract request", () => {
  it("stores a New request with its history entry and outbox events in one go", async () => {
    const user = await createUser(prisma);
    const request = await submitSignRequest(user, { nickname: "Night Owl", message: "Hello label" });
    expect(request.status).toBe("NEW");
    expect(request.managerId).toBeNull();
    const history = await prisma.requestHistory.findMany({ where: { requestId: request.id } });
    expect(history).toMatchObject([{ fromStatus: null, toStatus: "NEW", actorId: user.id }]);
    const events = await prisma.outboxEvent.findMany({ where: { payload: { path: ["requestId"], equals: request.id } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.name)).toEqual(["sign-request.assignment-due", "request.expiry-due", "request.reminder-due"]);
  });

  it("refuses artists, managers and the admin", async () => {
    const manager = await createManager(prisma);
    const artist = await createArtist(prisma, manager.managerId as number);
    const admin = await createUser(prisma, "ADMIN");
    for (const person of [manager, artist, admin]) {
      await expect(submitSignRequest(person, { nickname: `x-${uniqueSuffix()}`, message: null })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await prisma.request.count()).toBe(0);
  });

  it("refuses a nickname taken by an artist or by another open request, whatever its case", async () => {
    const manager = await createManager(prisma);
    await createArtist(prisma, manager.managerId as number, "Taken Name");
    const first = await createUser(prisma);
    const second = await createUser(prisma);
    await expect(submitSignRequest(first, { nickname: "taken name", message: null })).rejects.toMatchObject({ field: "nickname" });
    await submitSignRequest(first, { nickname: "Fresh Name", message: null });
    await expect(submitSignRequest(second, { nickname: "FRESH NAME", message: null })).rejects.toMatchObject({
      field: "nickname",
      message: "This nickname is already taken",
    });
    expect(await prisma.request.count({ where: { applicantId: second.id } })).toBe(0);
  });

  it("allows one open sign request per user, and a new one once it is closed", async () => {
    const user = await createUser(prisma);
    const first = await submitSignRequest(user, { nickname: "First Try", message: null });
    await expect(submitSignRequest(user, { nickname: "Second Try", message: null })).rejects.toBeInstanceOf(DomainError);
    await withdrawRequest(user, first.id);
    const again = await submitSignRequest(user, { nickname: "Second Try", message: null });
    expect(again.status).toBe("NEW");
  });

  it("lets the database decide two submissions racing past the checks", async () => {
    const user = await createUser(prisma);
    const results = await Promise.allSettled([
      submitSignRequest(user, { nickname: "Race One", message: null }),
      submitSignRequest(user, { nickname: "Race Two", message: null }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(loser?.reason).toMatchObject({ message: "You already have an open request to join the label" });
    expect(await prisma.request.count({ where: { applicantId: user.id } })).toBe(1);
  });
});

describe("the worker assigns sign requests through Kafka", () => {
  it("moves a request to On approval with the least loaded manager, once, even when the message is delivered twice", async () => {
    const busy = await createManager(prisma, "Busy Manager");
    const idle = await createManager(prisma, "Idle Manager");
    await createArtist(prisma, busy.managerId as number);
    const user = await createUser(prisma);
    const request = await submitSignRequest(user, { nickname: `Dup ${uniqueSuffix()}`, message: null });

    const seen: string[] = [];
    const worker = await startWorker({ db: prisma, workerId: "sign-dup", afterApply: (eventId) => void seen.push(eventId) });
    try {
      await expect.poll(() => statusOf(request.id), { message: "assignment" }).toBe("ON_APPROVAL");
      // Deliver the very same event again, as Kafka may after a rebalance.
      const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "sign-request.assignment-due", payload: { path: ["requestId"], equals: request.id } } });
      const producer = createKafka("duplicate").producer();
      await producer.connect();
      await producer.send({
        topic: event.topic,
        messages: [{ key: event.key, value: JSON.stringify({ eventId: event.eventId, name: event.name, version: event.version, occurredAt: new Date().toISOString(), payload: event.payload }) }],
      });
      await producer.disconnect();
      await expect.poll(() => seen.filter((id) => id === event.eventId).length, { message: "the duplicate to be consumed" }).toBeGreaterThanOrEqual(2);
    } finally {
      await worker.stop();
    }
    const assigned = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(assigned.managerId).toBe(idle.managerId);
    expect(await prisma.requestHistory.count({ where: { requestId: request.id, toStatus: "ON_APPROVAL" } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: idle.id, requestId: request.id } })).toBe(1);
  });

  it("keeps a request New while there is no manager, retries with backoff, and assigns it as soon as one exists", async () => {
    const user = await createUser(prisma);
    const request = await submitSignRequest(user, { nickname: `Lonely ${uniqueSuffix()}`, message: null });
    const worker = await startWorker({ db: prisma, workerId: "sign-no-manager" });
    try {
      const scheduledRetry = () => prisma.outboxEvent.findFirst({ where: { name: "sign-request.assignment-due", payload: { path: ["attempt"], equals: 1 } } });
      await expect.poll(scheduledRetry, { message: "a scheduled retry" }).not.toBeNull();
      const retry = (await scheduledRetry())!;
      expect(retry.availableAt.getTime()).toBeGreaterThan(Date.now() + 1_000);
      expect(await statusOf(request.id)).toBe("NEW");

      const manager = await createManager(prisma, "Newly Appointed");
      await prisma.$transaction((tx) => requeueWaitingSignRequests(tx));
      await expect.poll(() => statusOf(request.id), { message: "assignment after the manager appeared" }).toBe("ON_APPROVAL");
      expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).managerId).toBe(manager.managerId);
    } finally {
      await worker.stop();
    }
  });
});

describe("deciding a sign request", () => {
  async function assignedRequest() {
    const manager = await createManager(prisma);
    const user = await createUser(prisma);
    const request = await submitSignRequest(user, { nickname: `Decide ${uniqueSuffix()}`, message: null });
    await prisma.request.update({ where: { id: request.id }, data: { status: "ON_APPROVAL", managerId: manager.managerId } });
    return { manager, user, request };
  }

  it("accepts in one transaction: the user becomes an artist with a one-year contract and this manager", async () => {
    const { manager, user, request } = await assignedRequest();
    await acceptRequest(manager, request.id, fixedClock(new Date("2026-11-24T23:30:00.000Z")));
    const closed = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect([closed.status, closed.resolution]).toEqual(["CLOSED", "ACCEPTED"]);
    const artist = await prisma.artist.findUniqueOrThrow({ where: { userId: user.id }, include: { user: true } });
    expect(artist.user.role).toBe("ARTIST");
    expect(artist.nickname).toBe(request.nickname);
    expect(toIsoDay(artist.contractDueDate)).toBe("2027-11-24");
    expect(artist.managerId).toBe(manager.managerId);
    expect(artist.active).toBe(true);
    const contractEnd = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "artist.contract-end-due" } });
    expect(contractEnd.availableAt.toISOString()).toBe("2027-11-24T00:00:00.000Z");
  });

  it("lets exactly one of two racing accepts win; the other gets a clear conflict", async () => {
    const { manager, request } = await assignedRequest();
    const results = await Promise.allSettled([acceptRequest(manager, request.id), acceptRequest(manager, request.id)]);
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.reason).toBeInstanceOf(ConflictError);
    expect(await prisma.artist.count()).toBe(0 + 1);
    expect(await prisma.requestHistory.count({ where: { requestId: request.id, toResolution: "ACCEPTED" } })).toBe(1);
  });

  it("answers not found to strangers and forbidden to the applicant, and changes nothing", async () => {
    const { user, request } = await assignedRequest();
    const otherManager = await createManager(prisma);
    await expect(acceptRequest(otherManager, request.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(declineRequest(otherManager, request.id, "no")).rejects.toBeInstanceOf(NotFoundError);
    await expect(acceptRequest(user, request.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await statusOf(request.id)).toBe("ON_APPROVAL");
  });

  it("declines with the reason kept on the request and in its history", async () => {
    const { manager, user, request } = await assignedRequest();
    await declineRequest(manager, request.id, "Not our genre right now");
    const closed = await prisma.request.findUniqueOrThrow({ where: { id: request.id } });
    expect([closed.status, closed.resolution, closed.resolutionReason]).toEqual(["CLOSED", "DECLINED", "Not our genre right now"]);
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ role: "USER" });
    await expect(acceptRequest(manager, request.id)).rejects.toBeInstanceOf(ConflictError);
  });

  it("lets only the applicant withdraw, and only while open", async () => {
    const { user, request } = await assignedRequest();
    const stranger = await createUser(prisma);
    await expect(withdrawRequest(stranger, request.id)).rejects.toBeInstanceOf(NotFoundError);
    await withdrawRequest(user, request.id);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: request.id } })).resolution).toBe("WITHDRAWN");
    await expect(withdrawRequest(user, request.id)).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("contract end", () => {
  it("makes the artist inactive on the due date, not before, and tells the manager", async () => {
    const manager = await createManager(prisma);
    const artist = await createArtist(prisma, manager.managerId as number);
    const record = await prisma.artist.findUniqueOrThrow({ where: { id: artist.artistId as number } });
    const due = toIsoDay(record.contractDueDate);
    const dayBefore = new Date(record.contractDueDate.getTime() - 1);
    expect(await prisma.$transaction((tx) => endContract(tx, record.id, due, fixedClock(dayBefore)))).toBe("skipped");
    expect(await prisma.$transaction((tx) => endContract(tx, record.id, due, fixedClock(record.contractDueDate)))).toBe("ended");
    expect((await prisma.artist.findUniqueOrThrow({ where: { id: record.id } })).active).toBe(false);
    expect(await prisma.notification.count({ where: { userId: manager.id } })).toBe(1);
  });
});
