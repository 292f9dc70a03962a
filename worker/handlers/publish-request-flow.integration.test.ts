// The publish flow through the real outbox, Kafka and worker: grading after submit, go-live
// held until its time (an early message changes nothing) and applied once, duplicates ignored.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUtcDays, addUtcYears, startOfUtcDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { platformProbe, releaseGoLiveDue } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { createRelease } from "@/lib/releases/create-release";
import { acceptRequest } from "@/lib/requests/accept-request";
import { parseGradeBreakdown } from "@/lib/requests/publish/grade-breakdown";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const today = startOfUtcDay(new Date());
const applied: string[] = [];
let worker: RunningWorker;

beforeAll(async () => {
  await resetDatabase(prisma);
  worker = await startWorker(
    { db: prisma, workerId: "publish-flow", afterApply: (eventId) => void applied.push(eventId) },
    { ...env(), OUTBOX_POLL_MS: 100 },
  );
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
    const statusOf = async (id: number) => (await prisma.request.findUniqueOrThrow({ where: { id } })).status;
    await expect.poll(() => statusOf(requestId), { message: "the grade" }).toBe("ON_APPROVAL");
    const graded = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(parseGradeBreakdown(graded.gradeBreakdown)?.map((entry) => entry.name)).toEqual(["Season limit", "Relevant genre", "One release per day"]);
    expect(graded.grade).toBe(0);

    // The grading event delivered again (a relay that crashed before marking it sent) changes nothing.
    const grading = await prisma.outboxEvent.findFirstOrThrow({ where: { name: "publish-request.grading-due", payload: { path: ["requestId"], equals: requestId } } });
    await prisma.outboxEvent.update({ where: { id: grading.id }, data: { sentAt: null } });
    await expect.poll(() => timesSeen(grading.eventId), { message: "the repeated grading event" }).toBeGreaterThanOrEqual(2);
    expect(await prisma.requestHistory.count({ where: { requestId } })).toBe(3);

    // Accept → scheduled; the go-live event waits in the outbox for the publication date.
    await acceptRequest(manager, requestId);
    const goLive = await prisma.outboxEvent.findFirstOrThrow({ where: { name: releaseGoLiveDue.name, payload: { path: ["releaseId"], equals: release.id } } });
    expect(goLive.availableAt.toISOString()).toBe(expectedDate.toISOString());
    // Let a later event pass through the worker: the go-live one is still held back.
    const laterEventId = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `later-${requestId}`, fail: false }));
    await expect.poll(() => timesSeen(laterEventId), { message: "a later event to pass" }).toBeGreaterThanOrEqual(1);
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: goLive.id } })).sentAt).toBeNull();
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("SCHEDULED");
    // A go-live message before the publication date is handled and changes nothing (docs/domain.md §11).
    const earlyEventId = await prisma.$transaction((tx) => enqueueEvent(tx, releaseGoLiveDue, { releaseId: release.id }));
    await expect.poll(() => timesSeen(earlyEventId), { message: "the early go-live message" }).toBeGreaterThanOrEqual(1);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: release.id } })).status).toBe("SCHEDULED");
    expect((await prisma.outboxEvent.findUniqueOrThrow({ where: { id: goLive.id } })).sentAt).toBeNull();

    // The publication date arrives (moved to today, since the test cannot wait 30 days).
    await prisma.publication.update({ where: { releaseId: release.id }, data: { scheduledDate: today } });
    await prisma.outboxEvent.update({ where: { id: goLive.id }, data: { availableAt: new Date(Date.now() - 1000) } });
    const releaseStatus = async () => (await prisma.release.findUniqueOrThrow({ where: { id: release.id } })).status;
    await expect.poll(releaseStatus, { message: "go-live" }).toBe("PUBLISHED");
    const publishedAt = (await prisma.publication.findUniqueOrThrow({ where: { releaseId: release.id } })).publishedAt;
    expect(publishedAt).toBeInstanceOf(Date);

    // The same event again, and a second go-live event for the release: still one go-live.
    await prisma.outboxEvent.update({ where: { id: goLive.id }, data: { sentAt: null } });
    const secondEventId = await prisma.$transaction((tx) => enqueueEvent(tx, releaseGoLiveDue, { releaseId: release.id }));
    await expect.poll(() => [timesSeen(goLive.eventId) >= 2, timesSeen(secondEventId) >= 1], { message: "both duplicates" }).toEqual([true, true]);
    expect((await prisma.publication.findUniqueOrThrow({ where: { releaseId: release.id } })).publishedAt).toEqual(publishedAt);
    expect(await prisma.notification.count({ where: { userId: artist.id, message: { contains: "is now live" } } })).toBe(1);
  });
});
