// Publish requests on the real PostgreSQL: every submit refusal, grading with its three
// criteria, accept, decline, go-live and expiry (docs/domain.md §3.2, §3.3).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addUtcDays, addUtcYears, formatDay, fixedClock, startOfUtcDay, type Clock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createRelease } from "@/lib/releases/create-release";
import type { ArtistActor, SessionUser } from "@/lib/auth/guards";
import { acceptRequest } from "@/lib/requests/accept-request";
import { declineRequest } from "@/lib/requests/decline-request";
import { expireRequest } from "@/lib/requests/expire-request";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { parseGradeBreakdown } from "@/lib/requests/publish/grade-breakdown";
import { publishRelease } from "@/lib/requests/publish/publish-release";
import { INACTIVE_ARTIST_MESSAGE, submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";

// Noon UTC: the date rule is tested at midnight in the unit tests; here it must not flake.
const today = startOfUtcDay(new Date());
const noonClock: Clock = { now: () => new Date(today.getTime() + 12 * 60 * 60 * 1000) };
const inDays = (days: number) => addUtcDays(today, days);

type Setup = { manager: SessionUser; artist: SessionUser; actor: ArtistActor };

async function setUpArtist(): Promise<Setup> {
  const manager = await createManager(prisma);
  const artist = await createArtist(prisma, manager.managerId!);
  // Long contracts, so dates a year ahead stay within them.
  await prisma.artist.update({ where: { id: artist.artistId! }, data: { contractDueDate: addUtcYears(today, 3) } });
  return { manager, artist, actor: { userId: artist.id, artistId: artist.artistId! } };
}

async function makeRelease(actor: ArtistActor, genres: string[] = ["Jazz"], title = "A release") {
  return createRelease(actor, {
    title,
    releaseDate: today,
    tracks: genres.map((genre, index) => ({ title: `Track ${index + 1}`, durationSeconds: 180, genre, type: "song", artists: [] })),
  });
}

/** A release of `actor` already SCHEDULED (or PUBLISHED) for `scheduledDate`, as an accept would leave it. */
async function makeScheduledRelease(setup: Setup, scheduledDate: Date, genres: string[] = ["Rock"]) {
  const release = await makeRelease(setup.actor, genres, "Scheduled earlier");
  await prisma.release.update({ where: { id: release.id }, data: { status: "SCHEDULED" } });
  await prisma.publication.create({ data: { releaseId: release.id, scheduledDate, managerId: setup.manager.managerId! } });
  return release;
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

async function gradeNow(requestId: number) {
  return prisma.$transaction((tx) => gradePublishRequest(tx, requestId));
}

beforeAll(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("submitting a publish request", () => {
  it("stores it as New for the artist's manager, with its history, a notification and both events in the outbox", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const expectedDate = inDays(8);

    const { id } = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate }, noonClock);

    const request = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({
      type: "PUBLISH_RELEASE",
      status: "NEW",
      applicantId: setup.artist.id,
      managerId: setup.manager.managerId,
      releaseId: release.id,
      grade: null,
    });
    expect(request.expectedDate?.toISOString()).toBe(expectedDate.toISOString());
    const history = await prisma.requestHistory.findMany({ where: { requestId: id } });
    expect(history).toEqual([expect.objectContaining({ fromStatus: null, toStatus: "NEW", actorId: setup.artist.id })]);
    expect(await prisma.notification.count({ where: { userId: setup.manager.id, requestId: id } })).toBe(1);

    const events = await prisma.outboxEvent.findMany({ where: { payload: { path: ["requestId"], equals: id } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.name)).toEqual(["publish-request.grading-due", "request.expiry-due", "request.reminder-due"]);
    expect(events[0]!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(events[1]!.availableAt.toISOString()).toBe(expectedDate.toISOString());
    // The deadline (docs/domain.md §9): stored, and the manager's reminder 7 days before it.
    expect(request.expiresAt?.toISOString()).toBe(expectedDate.toISOString());
    expect(events[2]!.availableAt.getTime()).toBe(expectedDate.getTime() - 7 * 24 * 60 * 60 * 1000);
  });

  it("refuses a date only 7 days ahead, naming the first allowed date, and accepts 8 days ahead", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const outboxBefore = await prisma.outboxEvent.count();
    const error = await refusal(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(7) }, noonClock));
    expect(error.field).toBe("expectedDate");
    expect(error.message).toContain(formatDay(inDays(8)));
    expect(await prisma.request.count({ where: { releaseId: release.id } })).toBe(0);
    expect(await prisma.outboxEvent.count()).toBe(outboxBefore);
    await expect(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(8) }, noonClock)).resolves.toHaveProperty("id");
  });

  it("refuses a date after the end of the contract but allows the contract's last day", async () => {
    const setup = await setUpArtist();
    await prisma.artist.update({ where: { id: setup.actor.artistId }, data: { contractDueDate: inDays(20) } });
    const release = await makeRelease(setup.actor);
    const error = await refusal(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(21) }, noonClock));
    expect(error.field).toBe("expectedDate");
    expect(error.message).toContain("contract ends");
    await expect(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(20) }, noonClock)).resolves.toHaveProperty("id");
  });

  it("refuses an inactive artist with a clear message", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    await prisma.artist.update({ where: { id: setup.actor.artistId }, data: { active: false } });
    const error = await refusal(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(10) }, noonClock));
    expect(error.field).toBeUndefined();
    expect(error.message).toBe(INACTIVE_ARTIST_MESSAGE);
  });

  it("refuses another artist's release as if it did not exist", async () => {
    const owner = await setUpArtist();
    const intruder = await setUpArtist();
    const release = await makeRelease(owner.actor);
    const error = await refusal(submitPublishRequest(intruder.actor, { releaseId: release.id, expectedDate: inDays(10) }, noonClock));
    expect(error.field).toBe("releaseId");
    expect(error.message).toBe("Choose one of your unpublished releases");
  });

  it("refuses a release that already has an open publish request, and allows a new one after a withdrawal", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const first = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(10) }, noonClock);
    const error = await refusal(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(12) }, noonClock));
    expect(error.field).toBe("releaseId");
    expect(error.message).toContain("open publish request");

    await withdrawRequest(setup.artist, first.id);
    await expect(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(12) }, noonClock)).resolves.toHaveProperty("id");
  });

  it("refuses a release that is already scheduled", async () => {
    const setup = await setUpArtist();
    const release = await makeScheduledRelease(setup, inDays(30));
    const error = await refusal(submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(40) }, noonClock));
    expect(error.field).toBe("releaseId");
  });

  it("lets only one of two simultaneous submits for the same release through", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const results = await Promise.allSettled([
      submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(10) }, noonClock),
      submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(11) }, noonClock),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.request.count({ where: { releaseId: release.id } })).toBe(1);
  });
});

describe("grading a publish request", () => {
  it("moves New → Processing → On approval with the three criteria in order and tells the artist", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor, ["Jazz", "Rock", "Jazz"]);
    // Far ahead, so no other test's publication or statistics fall in its windows.
    const expectedDate = inDays(700);
    const { id } = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate }, noonClock);

    expect(await gradeNow(id)).toEqual({ graded: true, grade: 0 });

    const request = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request.status).toBe("ON_APPROVAL");
    expect(request.grade).toBe(0);
    const breakdown = parseGradeBreakdown(request.gradeBreakdown);
    expect(breakdown?.map((entry) => [entry.name, entry.effect])).toEqual([
      ["Season limit", 0],
      ["Relevant genre", 0],
      ["One release per day", 0],
    ]);
    expect(breakdown?.[1]?.reason).toContain("not enough statistics");
    const history = await prisma.requestHistory.findMany({ where: { requestId: id }, orderBy: { id: "asc" } });
    expect(history.map((entry) => [entry.fromStatus, entry.toStatus, entry.actorId])).toEqual([
      [null, "NEW", setup.artist.id],
      ["NEW", "PROCESSING", null],
      ["PROCESSING", "ON_APPROVAL", null],
    ]);
    expect(await prisma.notification.count({ where: { userId: setup.artist.id, requestId: id } })).toBe(1);
  });

  it("does nothing the second time", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const { id } = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(650) }, noonClock);
    await gradeNow(id);
    expect(await gradeNow(id)).toEqual({ graded: false, reason: "already-graded" });
    expect(await prisma.requestHistory.count({ where: { requestId: id } })).toBe(3);
    expect(await prisma.notification.count({ where: { userId: setup.artist.id, requestId: id } })).toBe(1);
  });

  it("leaves a request withdrawn before grading closed", async () => {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const { id } = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate: inDays(640) }, noonClock);
    await withdrawRequest(setup.artist, id);
    expect(await gradeNow(id)).toEqual({ graded: false, reason: "already-graded" });
    const request = await prisma.request.findUniqueOrThrow({ where: { id } });
    expect(request).toMatchObject({ status: "CLOSED", resolution: "WITHDRAWN", grade: null });
  });

  it("Season limit: 2 publications in the 3 months before are fine, 3 cost a point", async () => {
    const setup = await setUpArtist();
    const expectedDate = inDays(600);
    await makeScheduledRelease(setup, addUtcDays(expectedDate, -1));
    await makeScheduledRelease(setup, addUtcDays(expectedDate, -80));
    // Outside the window (more than 3 months before): not counted.
    await makeScheduledRelease(setup, addUtcDays(expectedDate, -100));
    const release = await makeRelease(setup.actor);
    const first = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate }, noonClock);
    await gradeNow(first.id);
    const withTwo = parseGradeBreakdown((await prisma.request.findUniqueOrThrow({ where: { id: first.id } })).gradeBreakdown);
    expect(withTwo?.[0]).toMatchObject({ key: "season-limit", effect: 0 });
    expect(withTwo?.[0]?.reason).toContain("2 publications");

    await makeScheduledRelease(setup, addUtcDays(expectedDate, -30));
    const another = await makeRelease(setup.actor);
    const second = await submitPublishRequest(setup.actor, { releaseId: another.id, expectedDate }, noonClock);
    await gradeNow(second.id);
    const graded = await prisma.request.findUniqueOrThrow({ where: { id: second.id } });
    const withThree = parseGradeBreakdown(graded.gradeBreakdown);
    expect(withThree?.[0]).toMatchObject({ key: "season-limit", effect: -1 });
    expect(withThree?.[0]?.reason).toContain("3 publications");
    expect(graded.grade).toBe(-1);
  });

  it("One release per day: another artist's release scheduled that day costs a point", async () => {
    const other = await setUpArtist();
    const setup = await setUpArtist();
    const expectedDate = inDays(550);
    await makeScheduledRelease(other, expectedDate);
    const release = await makeRelease(setup.actor);
    const { id } = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate }, noonClock);
    await gradeNow(id);
    const request = await prisma.request.findUniqueOrThrow({ where: { id } });
    const breakdown = parseGradeBreakdown(request.gradeBreakdown);
    expect(breakdown?.[2]).toMatchObject({ key: "one-release-per-day", effect: -1 });
    expect(breakdown?.[2]?.reason).toBe(`Another release of the label is already scheduled for ${formatDay(expectedDate)}.`);
    // A publication on the day itself is not "before" it: the season limit does not count it.
    expect(breakdown?.[0]?.reason).toContain("0 publications");
  });

  it("Relevant genre: compares the main genre (ties to the earliest track) with the genre that gained the most streams", async () => {
    const other = await setUpArtist();
    const setup = await setUpArtist();
    const expectedDate = inDays(500);
    const rock = await makeScheduledRelease(other, inDays(400), ["Rock"]);
    const pop = await makeScheduledRelease(other, inDays(401), ["Pop"]);
    const [rockTrack] = await prisma.track.findMany({ where: { releaseId: rock.id } });
    const [popTrack] = await prisma.track.findMany({ where: { releaseId: pop.id } });
    // Inside the window [expected − 3 months, expected]: Pop gains 500, Rock only 100 (with bigger sums).
    await prisma.trackStatistic.createMany({
      data: [
        { trackId: rockTrack!.id, day: inDays(430), streams: 10_000, likes: 0 },
        { trackId: rockTrack!.id, day: inDays(480), streams: 10_100, likes: 0 },
        { trackId: popTrack!.id, day: inDays(430), streams: 0, likes: 0 },
        { trackId: popTrack!.id, day: inDays(480), streams: 500, likes: 0 },
      ],
    });

    const tiedRockFirst = await makeRelease(setup.actor, ["rock", "pop"]);
    const tiedPopFirst = await makeRelease(setup.actor, ["POP", "rock"]);
    const rockRequest = await submitPublishRequest(setup.actor, { releaseId: tiedRockFirst.id, expectedDate }, noonClock);
    const popRequest = await submitPublishRequest(setup.actor, { releaseId: tiedPopFirst.id, expectedDate: addUtcDays(expectedDate, 1) }, noonClock);
    await gradeNow(rockRequest.id);
    await gradeNow(popRequest.id);

    const rockBreakdown = parseGradeBreakdown((await prisma.request.findUniqueOrThrow({ where: { id: rockRequest.id } })).gradeBreakdown);
    const popBreakdown = parseGradeBreakdown((await prisma.request.findUniqueOrThrow({ where: { id: popRequest.id } })).gradeBreakdown);
    expect(rockBreakdown?.[1]).toMatchObject({ key: "relevant-genre", effect: -1 });
    expect(rockBreakdown?.[1]?.reason).toContain('"rock"');
    expect(popBreakdown?.[1]).toMatchObject({ key: "relevant-genre", effect: 0 });
  });
});

describe("deciding a publish request", () => {
  async function onApproval(expectedDate: Date) {
    const setup = await setUpArtist();
    const release = await makeRelease(setup.actor);
    const { id } = await submitPublishRequest(setup.actor, { releaseId: release.id, expectedDate }, noonClock);
    await gradeNow(id);
    return { ...setup, releaseId: release.id, requestId: id };
  }

  it("accept creates the publication, schedules the release and enqueues its go-live for the date", async () => {
    const { manager, releaseId, requestId } = await onApproval(inDays(300));
    await acceptRequest(manager, requestId);

    const release = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, include: { publication: true } });
    expect(release.status).toBe("SCHEDULED");
    expect(release.publication).toMatchObject({ managerId: manager.managerId, publishedAt: null });
    expect(release.publication?.scheduledDate.toISOString()).toBe(inDays(300).toISOString());
    const request = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "CLOSED", resolution: "ACCEPTED" });
    const goLive = await prisma.outboxEvent.findMany({ where: { name: "release.go-live-due", payload: { path: ["releaseId"], equals: releaseId } } });
    expect(goLive).toHaveLength(1);
    expect(goLive[0]!.availableAt.toISOString()).toBe(inDays(300).toISOString());
  });

  it("accept does not re-check the date rule", async () => {
    const { manager, releaseId, requestId } = await onApproval(inDays(301));
    // Days pass: the date is now only 2 days ahead, which a new submit would refuse.
    await prisma.request.update({ where: { id: requestId }, data: { expectedDate: inDays(2) } });
    await acceptRequest(manager, requestId);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("SCHEDULED");
  });

  it("decline keeps the grade and its breakdown", async () => {
    const { manager, requestId } = await onApproval(inDays(302));
    const before = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    await declineRequest(manager, requestId, "Not this season");
    const after = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(after).toMatchObject({ status: "CLOSED", resolution: "DECLINED", resolutionReason: "Not this season", grade: before.grade });
    expect(after.gradeBreakdown).toEqual(before.gradeBreakdown);
  });

  it("go-live publishes the release once, however often it is delivered", async () => {
    const { manager, artist, releaseId, requestId } = await onApproval(inDays(303));
    await acceptRequest(manager, requestId);

    const onTheDay = fixedClock(inDays(303));
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, onTheDay))).toEqual({ published: true });
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, onTheDay))).toEqual({ published: false, reason: "not-scheduled" });

    const release = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, include: { publication: true } });
    expect(release.status).toBe("PUBLISHED");
    expect(release.publication?.publishedAt).toBeInstanceOf(Date);
    expect(await prisma.notification.count({ where: { userId: artist.id, requestId, message: { contains: "is now live" } } })).toBe(1);
  });

  it("go-live never publishes before 00:00 UTC of the publication date, and an early message loses nothing", async () => {
    const { manager, releaseId, requestId } = await onApproval(inDays(306));
    await acceptRequest(manager, requestId);
    const goLiveEvents = () =>
      prisma.outboxEvent.findMany({ where: { name: "release.go-live-due", payload: { path: ["releaseId"], equals: releaseId } }, orderBy: { id: "asc" } });
    const justBefore = fixedClock(new Date(inDays(306).getTime() - 1));

    // An early message while the real go-live event still waits in the outbox: nothing changes.
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, fixedClock(today)))).toEqual({
      published: false,
      reason: "not-due",
      goesLiveAt: inDays(306),
      rescheduled: false,
    });
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, justBefore))).toMatchObject({ published: false, rescheduled: false });
    expect((await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("SCHEDULED");
    expect(await goLiveEvents()).toHaveLength(1);

    // The real event itself delivered early (sent, but the worker's clock is behind): a new one for the date.
    const [original] = await goLiveEvents();
    await prisma.outboxEvent.update({ where: { id: original!.id }, data: { sentAt: new Date() } });
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, justBefore))).toMatchObject({ reason: "not-due", rescheduled: true });
    const events = await goLiveEvents();
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ sentAt: null, availableAt: inDays(306) });
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, justBefore))).toMatchObject({ rescheduled: false });
    expect((await prisma.release.findUniqueOrThrow({ where: { id: releaseId } })).status).toBe("SCHEDULED");

    // At 00:00 UTC of the date it goes live.
    expect(await prisma.$transaction((tx) => publishRelease(tx, releaseId, fixedClock(inDays(306))))).toEqual({ published: true });
    expect((await prisma.publication.findUniqueOrThrow({ where: { releaseId } })).publishedAt).toEqual(inDays(306));
  });

  it("expiry closes a request still open on its date, and not a day earlier", async () => {
    const { requestId } = await onApproval(inDays(304));
    const dayBefore = new Date(inDays(304).getTime() - 1);
    expect(await prisma.$transaction((tx) => expireRequest(tx, { requestId }, fixedClock(dayBefore)))).toBe("not-due");
    expect(await prisma.$transaction((tx) => expireRequest(tx, { requestId }, fixedClock(inDays(304))))).toBe("expired");
    const request = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(request).toMatchObject({ status: "CLOSED", resolution: "EXPIRED" });
    expect(request.grade).not.toBeNull();
  });

  it("expiry leaves an accepted request alone", async () => {
    const { manager, requestId } = await onApproval(inDays(305));
    await acceptRequest(manager, requestId);
    expect(await prisma.$transaction((tx) => expireRequest(tx, { requestId }, fixedClock(inDays(306))))).toBe("skipped");
    expect((await prisma.request.findUniqueOrThrow({ where: { id: requestId } })).resolution).toBe("ACCEPTED");
  });
});
