// Failed events on the real PostgreSQL and Kafka (docs/domain.md §10 "Failed events", decision
// 017): the worker's real grading handler fails on a database fault until the event is parked;
// the park writes one row, even when the event is delivered again; a retry is one new outbox
// event, however many clicks race for it; a retry that fails again goes back to the list; one
// that succeeds resolves the row, clears the request's mark and tells its people.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUtcDays, addUtcYears, startOfUtcDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { platformProbe, publishRequestGradingDue } from "@/lib/events/definitions";
import { createKafka } from "@/lib/kafka/client";
import { topicName } from "@/lib/kafka/topics";
import { createRelease } from "@/lib/releases/create-release";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { GRADING_FAULT_MESSAGE, breakGradingFor, repairGradingFor } from "@/tests/support/grading-fault";
import { resetDatabase } from "@/tests/support/reset-database";
import { startWorker, type RunningWorker } from "@/worker/start-worker";
import { ALREADY_RETRIED, retryAllFailedEvents, retryFailedEvent } from "./retry-failed-event";

const MAX_ATTEMPTS = 2;
const today = startOfUtcDay(new Date());
const handled: string[] = [];
const brokenApplicants: number[] = [];
let worker: RunningWorker;

beforeAll(async () => {
  await resetDatabase(prisma);
  worker = await startWorker(
    { db: prisma, workerId: "failed-events", jobs: [], afterApply: (eventId) => void handled.push(eventId), log: () => undefined },
    { ...env(), CONSUMER_MAX_ATTEMPTS: MAX_ATTEMPTS, CONSUMER_BACKOFF_BASE_MS: 50, CONSUMER_BACKOFF_MAX_MS: 100, OUTBOX_POLL_MS: 100 },
  );
});

afterAll(async () => {
  await worker?.stop();
  for (const applicantId of brokenApplicants) await repairGradingFor(prisma, applicantId);
  await prisma.$disconnect();
});

/** An artist whose publish request's grading fails (the database refuses it) until repaired. */
async function parkedGrading() {
  const manager = await createManager(prisma);
  const artist = await createArtist(prisma, manager.managerId!);
  await prisma.artist.update({ where: { id: artist.artistId! }, data: { contractDueDate: addUtcYears(today, 2) } });
  brokenApplicants.push(artist.id);
  await breakGradingFor(prisma, artist.id);
  const actor = { userId: artist.id, artistId: artist.artistId! };
  const release = await createRelease(actor, {
    title: "Parked on the way",
    releaseDate: today,
    tracks: [{ title: "One", durationSeconds: 100, genre: "Pop", type: "song", artists: [] }],
  });
  const { id: requestId } = await submitPublishRequest(actor, { releaseId: release.id, expectedDate: addUtcDays(today, 30) });
  await expect.poll(() => failedEventOf(requestId), { message: "the parked grading", timeout: 30_000 }).not.toBeNull();
  await expect.poll(async () => (await requestOf(requestId)).processingFailedAt, { message: "the request's mark" }).not.toBeNull();
  return { requestId, artist, manager, failed: (await failedEventOf(requestId))! };
}

const failedEventOf = (requestId: number) => prisma.failedEvent.findFirst({ where: { requestId } });
const requestOf = (requestId: number) => prisma.request.findUniqueOrThrow({ where: { id: requestId } });
const gradingEvents = (requestId: number) =>
  prisma.outboxEvent.findMany({ where: { name: publishRequestGradingDue.name, payload: { path: ["requestId"], equals: requestId } }, orderBy: { id: "asc" } });

describe("failed events", () => {
  it("records a parked event once, with its request, reason and attempts, even when it is delivered again", async () => {
    const { requestId, failed } = await parkedGrading();
    const [original] = await gradingEvents(requestId);
    expect(failed).toMatchObject({
      eventId: original!.eventId,
      eventName: publishRequestGradingDue.name,
      requestId,
      attempts: MAX_ATTEMPTS,
      retryEventId: null,
      resolvedAt: null,
    });
    expect(failed.reason).toContain(GRADING_FAULT_MESSAGE);
    expect(failed.envelope).toMatchObject({ eventId: original!.eventId, name: publishRequestGradingDue.name, payload: { requestId } });

    // The same event on its topic again (a relay that crashed before marking its row sent).
    const producer = createKafka("failed-events-test").producer();
    await producer.connect();
    try {
      await producer.send({ topic: original!.topic, acks: -1, messages: [{ key: original!.key, value: JSON.stringify({ ...(failed.envelope as object) }) }] });
    } finally {
      await producer.disconnect();
    }
    await expect.poll(() => handled.filter((id) => id === original!.eventId).length, { message: "the second delivery" }).toBeGreaterThanOrEqual(2);
    expect(await prisma.failedEvent.count({ where: { requestId } })).toBe(1);
  });

  it("records a parked message whose text PostgreSQL cannot store, without what it cannot store", async () => {
    const eventId = globalThis.crypto.randomUUID();
    const envelope = { eventId, name: platformProbe.name, version: 1, occurredAt: new Date().toISOString(), payload: { probeId: "nul\u0000probe\ud800", fail: true } };
    const producer = createKafka("failed-events-nul").producer();
    await producer.connect();
    try {
      await producer.send({ topic: topicName("platformProbe"), acks: -1, messages: [{ key: "nul", value: JSON.stringify(envelope) }] });
    } finally {
      await producer.disconnect();
    }
    await expect.poll(() => prisma.failedEvent.findFirst({ where: { eventId } }), { message: "the parked probe" }).not.toBeNull();
    const row = await prisma.failedEvent.findFirstOrThrow({ where: { eventId } });
    expect(row).toMatchObject({ eventName: platformProbe.name, requestId: null, attempts: MAX_ATTEMPTS, envelope: { payload: { probeId: "nulprobe", fail: true } } });
  });

  it("sends one retry through the outbox however many clicks race for it, audited", async () => {
    const { requestId, failed } = await parkedGrading();
    const admin = await createUser(prisma, "ADMIN");
    const otherAdmin = await createUser(prisma, "ADMIN");
    const outcomes = await Promise.allSettled([
      retryFailedEvent(admin, failed.id),
      retryFailedEvent(admin, failed.id),
      retryFailedEvent(otherAdmin, failed.id),
      retryAllFailedEvents(otherAdmin, { event: publishRequestGradingDue.name }),
    ]);
    // "Retry all" may also retry the first test's event (still open); this one is retried once.
    const single = outcomes.slice(0, 3);
    expect(outcomes[3]!.status).toBe("fulfilled");
    expect(single.filter((outcome) => outcome.status === "fulfilled").length).toBeLessThanOrEqual(1);
    for (const outcome of single.filter((outcome) => outcome.status === "rejected")) {
      expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      expect(((outcome as PromiseRejectedResult).reason as Error).message).toBe(ALREADY_RETRIED);
    }

    const events = await gradingEvents(requestId);
    expect(events).toHaveLength(2);
    const row = await prisma.failedEvent.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row.retryEventId).toBe(events[1]!.eventId);
    expect(row.retries).toBe(1);
    expect(events[1]).toMatchObject({ topic: events[0]!.topic, key: events[0]!.key, name: events[0]!.name, version: events[0]!.version, payload: { requestId } });
    const audited = await prisma.auditEntry.findMany({ where: { action: "failed-event.retry", targetId: String(failed.id) } });
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ targetType: "failed-event", actorId: row.retriedById, detail: { retryEventId: row.retryEventId, requestId } });
  });

  it("puts a retry that fails again back on the list, on the same row", async () => {
    const { requestId, failed } = await parkedGrading();
    const admin = await createUser(prisma, "ADMIN");
    const { retryEventId } = await retryFailedEvent(admin, failed.id);
    await expect
      .poll(async () => (await prisma.failedEvent.findUniqueOrThrow({ where: { id: failed.id } })).retryEventId, { message: "back on the list", timeout: 30_000 })
      .toBeNull();
    const row = await prisma.failedEvent.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row).toMatchObject({ attempts: 2 * MAX_ATTEMPTS, retries: 1, resolvedAt: null });
    expect(row.failedAt.getTime()).toBeGreaterThanOrEqual(failed.failedAt.getTime());
    expect(await prisma.failedEvent.count({ where: { requestId } })).toBe(1);
    expect(await prisma.processedMessage.findFirst({ where: { eventId: retryEventId } })).toMatchObject({ outcome: "dead-lettered" });
    expect((await requestOf(requestId)).processingFailedAt).not.toBeNull();
  });

  it("resolves the event when its retry succeeds: the request goes on, its mark is cleared and its people are told", async () => {
    const { requestId, failed, artist, manager } = await parkedGrading();
    const admin = await createUser(prisma, "ADMIN");
    await repairGradingFor(prisma, artist.id);
    await retryFailedEvent(admin, failed.id);

    await expect.poll(async () => (await requestOf(requestId)).status, { message: "graded on the retry", timeout: 30_000 }).toBe("ON_APPROVAL");
    const request = await requestOf(requestId);
    expect(request.processingFailedAt).toBeNull();
    expect(request.processingFailure).toBeNull();
    const row = await prisma.failedEvent.findUniqueOrThrow({ where: { id: failed.id } });
    expect(row.resolvedAt).not.toBeNull();
    const told = await prisma.notification.findMany({ where: { requestId, message: { contains: "worked when it was tried again" } }, select: { userId: true } });
    expect(told.map((notification) => notification.userId).sort()).toEqual([artist.id, manager.id].sort());
    await expect(retryFailedEvent(admin, failed.id)).rejects.toBeInstanceOf(ConflictError);
  });
});
