// The publish flow through the real outbox, Kafka and worker: grading after submit, go-live
// held until its time and applied once, duplicates of both ignored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";

process.env.KAFKA_TOPIC_PREFIX = `${process.env.KAFKA_TOPIC_PREFIX ?? "it."}publish-${Date.now()}.`;

const { addUtcDays, addUtcYears, startOfUtcDay } = await import("@/lib/clock");
const { prisma } = await import("@/lib/db");
const { platformProbe, releaseGoLiveDue } = await import("@/lib/events/definitions");
const { enqueueEvent } = await import("@/lib/events/enqueue-event");
const { createRelease } = await import("@/lib/releases/create-release");
const { acceptRequest } = await import("@/lib/requests/accept-request");
const { parseGradeBreakdown } = await import("@/lib/requests/publish/grade-breakdown");
const { submitPublishRequest } = await import("@/lib/requests/publish/submit-publish-request");
const { createArtist, createManager, resetDatabase, waitFor } = await import("@/lib/testing/integration");
const { startWorker } = await import("@/worker/start-worker");

type RunningWorker = Awaited<ReturnType<typeof startWorker>>;

const today = startOfUtcDay(new Date());
const applied: string[] = [];
let worker: RunningWorker;

beforeAll(async () => {
  await resetDatabase(prisma);
  worker = await startWorker({ db: prisma, workerId: "publish-flow", pollMs: 100, afterApply: (eventId) => void applied.push(eventId) });
});

afterAll(async () => {
  await worker?.stop();
  await prisma.$disconnect();
});

const timesSeen = (eventId: string) => applied.filter((seen) => seen === eventId).length;

describe("publish request through Kafka", () => {
  it("is graded by the worker, and its release goes live once at its time", async () => {
    const manager = await createManager(prisma);
    const artist = await createArtist(prisma, manager.managerId!);
    await prisma.artist.update({ where: { id: artist.artistId! }, data: { contractDueDate: addUtcYears(today, 2) } });
    const actor = { userId: artist.id, artistId: artist.artistId! };
    const release = await createRelease(actor, {
      title: "Through the pipeline",
      releaseDate: today,
      tracks: [
        { title: "One", durationSeconds: 100, genre: "Pop", type: "song", artists: [] },
        { title: "Two", durationSeconds: 200, genre: "Pop", type: "song", artists: [] },
      ],
    });
    const expectedDate = addUtcDays(today, 30);

    // Submit → the worker grades it.
    const { id: requestId } = await submitPublishRequest(actor, { releaseId: release.id, expectedDate });
    const graded = await waitFor("the grade", async () => {
      const request = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
      return request.status === "ON_APPROVAL" ? request : null;
    });
    expect(parseGradeBreakdown(graded.gradeBreakdown)?.map((entry) => entry.name)).toEqual(["Season limit", "Relevant genre", "One release per day"]);
    expect(graded.grade).toBe(0);

    // The grading event delivered again (a relay that crashed before marking it sent) changes nothing.
    const grading = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "publish-request.grading-due", payload: { path: ["requestId"], equals: requestId } } });
    await prisma.outboxEvent.update({ where: { id: grading.id }, data: { sentAt: null } });
    await waitFor("the repeated grading event", async () => timesSeen(grading.eventId) >= 2);
    expect(await prisma.requestHistory.count({ where: { requestId } })).toBe(3);

    // Accept → scheduled; the go-live event waits in the outbox for the publication date.
    await acceptRequest(manager, requestId);
    const goLive = await prisma.outboxEvent.findFirstOrThrow({ where: { name: releaseGoLiveDue.name, payload: { path: ["releaseId"], equals: release.id } } });
    expect(goLive.availableAt.toISOString()).toBe(expectedDate.toISOString());
    // Let a later event pass through the worker: the go-live one is still held back.
    const laterEventId = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `later-${requestId}`, fail: false }));
    await waitFor("a later event to pass", async () => timesSeen(laterEventId) >= 1);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: goLive.id } })).sentAt).toBeNull();
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("SCHEDULED");

    // The publication date arrives.
    await prisma.outboxEvent.update({ where: { id: goLive.id }, data: { availableAt: new Date(Date.now() - 1000) } });
    await waitFor("go-live", async () => (await prisma.release.findUniqueOrThrow({ where: { id: release.id } })).status === "PUBLISHED");
    const publishedAt = (await prisma.publication.findUniqueOrThrow({ where: { releaseId: release.id } })).publishedAt;
    expect(publishedAt).toBeInstanceOf(Date);

    // The same event again, and a second go-live event for the release: still one go-live.
    await prisma.outboxEvent.update({ where: { id: goLive.id }, data: { sentAt: null } });
    const secondEventId = await prisma.$transaction((tx) => enqueueEvent(tx, releaseGoLiveDue, { releaseId: release.id }));
    await waitFor("both duplicates", async () => timesSeen(goLive.eventId) >= 2 && timesSeen(secondEventId) >= 1);
    expect((await prisma.publication.findUniqueOrThrow({ where: { releaseId: release.id } })).publishedAt).toEqual(publishedAt);
    expect(await prisma.notification.count({ where: { userId: artist.id, message: { contains: "is now live" } } })).toBe(1);
  });
});
