// The worker's set-based grading of a run of publish requests (decision 020) on the real
// PostgreSQL and Kafka: the same label state is built twice, graded once one request at a time
// in order (`gradePublishRequest`, one transaction each) and once by the worker as one batch; the
// grades, breakdowns, statuses, history, notifications and transition counts are the same
// (docs/domain.md §3.2, §3.3), requests no longer New are skipped, and a redelivered run changes
// nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { ArtistActor, SessionUser } from "@/lib/auth/guards";
import { addUtcDays, addUtcYears, startOfUtcDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { createKafka } from "@/lib/kafka/client";
import { topicName, workerGroupId } from "@/lib/kafka/topics";
import { requestTransitions } from "@/lib/observability/transition-metrics";
import { createRelease } from "@/lib/releases/create-release";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { transitionRequest } from "@/lib/requests/transition-request";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { produceToOnePartition, runBatchWorker } from "@/tests/support/batch-worker";
import { resetDatabase } from "@/tests/support/reset-database";
import { ensureTopics } from "@/worker/start-worker";

const EVENT = "publish-request.grading-due";

type Artist = SessionUser & { actor: ArtistActor };

type Envelope = { eventId: string; name: string; version: number; occurredAt: string; payload: unknown };

const today = startOfUtcDay(new Date());
const day1 = addUtcDays(today, 40);
const day2 = addUtcDays(today, 41);

beforeEach(async () => {
  await resetDatabase(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

/**
 * The label as the run finds it: artist One with three publications in the season before both
 * days, Two with one release already scheduled on day 1, statistics making Rock the label's
 * genre; then seven publish requests in this order — One twice on day 1 (same artist, same day),
 * Two on day 2, Three on day 1 and day 2, Two on day 1 graded before the run, Three withdrawn
 * before it — and their grading events, with request 2's delivered twice.
 */
async function world() {
  const manager = await createManager(prisma, "Grading Manager");
  const artists: Artist[] = [];
  for (const name of ["One", "Two", "Three"]) {
    const artist = await createArtist(prisma, manager.managerId!, `Grading ${name}`);
    await prisma.artist.update({ where: { id: artist.artistId! }, data: { contractDueDate: addUtcYears(today, 3) } });
    artists.push({ ...artist, actor: { userId: artist.id, artistId: artist.artistId! } });
  }
  const [one, two, three] = artists as [Artist, Artist, Artist];
  const release = (artist: Artist, title: string, genres: string[]) =>
    createRelease(artist.actor, {
      title,
      releaseDate: today,
      tracks: genres.map((genre, index) => ({ title: `${title} ${index + 1}`, durationSeconds: 180, genre, type: "song", artists: [] })),
    });
  const schedule = async (artist: Artist, title: string, genre: string, scheduledDate: Date) => {
    const scheduled = await release(artist, title, [genre]);
    await prisma.release.update({ where: { id: scheduled.id }, data: { status: "SCHEDULED" } });
    await prisma.publication.create({ data: { releaseId: scheduled.id, scheduledDate, managerId: manager.managerId! } });
    return scheduled;
  };
  const rock = await schedule(one, "Earlier rock", "Rock", addUtcDays(today, 20));
  await schedule(one, "Earlier jazz", "Jazz", addUtcDays(today, 25));
  await schedule(one, "Earlier pop", "Pop", addUtcDays(today, 30));
  await schedule(two, "Same day", "Jazz", day1);
  const rockTrack = await prisma.track.findFirstOrThrow({ where: { releaseId: rock.id } });
  await prisma.trackStatistic.createMany({
    data: [
      { trackId: rockTrack.id, day: addUtcDays(today, -2), streams: 10, likes: 0 },
      { trackId: rockTrack.id, day: addUtcDays(today, -1), streams: 90, likes: 0 },
    ],
  });

  const submitted: { id: number }[] = [];
  const wanted = [
    [one, "One rock", ["Rock", "Jazz", "Rock"], day1],
    [one, "One jazz", ["Jazz"], day1],
    [two, "Two rock", ["Rock"], day2],
    [three, "Three jazz", ["Jazz", "Pop"], day1],
    [three, "Three rock", ["Rock"], day2],
    [two, "Two pop", ["Pop"], day1],
    [three, "Three withdrawn", ["Rock"], day2],
  ] as const;
  for (const [artist, title, genres, expectedDate] of wanted) {
    const created = await release(artist, title, [...genres]);
    submitted.push(await submitPublishRequest(artist.actor, { releaseId: created.id, expectedDate }));
  }
  const ids = submitted.map((request) => request.id);
  const envelopes: Envelope[] = [];
  for (const id of ids) {
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: EVENT, payload: { path: ["requestId"], equals: id } } });
    envelopes.push({ eventId: event.eventId, name: event.name, version: event.version, occurredAt: new Date().toISOString(), payload: event.payload });
  }
  envelopes.push({ ...envelopes[2]!, eventId: crypto.randomUUID() });
  await prisma.$transaction((tx) => gradePublishRequest(tx, ids[5]!));
  await prisma.$transaction((tx) => transitionRequest(tx, { requestId: ids[6]!, action: "withdraw", actor: "system", reason: "Withdrawn before grading" }));
  const people = new Map<number, string>([[manager.id, "manager"], ...artists.map((artist, index) => [artist.id, `artist ${index}`] as const)]);
  return { ids, envelopes, people };
}

/** Everything grading writes, with ids replaced by positions so two worlds compare. */
async function outcome({ ids, people }: Awaited<ReturnType<typeof world>>) {
  const position = (id: number | null) => (id === null ? null : ids.indexOf(id));
  const person = (id: number | null) => (id === null ? null : (people.get(id) ?? `unknown ${id}`));
  const requests = await prisma.request.findMany({ where: { id: { in: ids } }, orderBy: { id: "asc" } });
  const history = await prisma.requestHistory.findMany({ where: { requestId: { in: ids } }, orderBy: { id: "asc" } });
  const notifications = await prisma.notification.findMany({ where: { requestId: { in: ids } }, orderBy: { id: "asc" } });
  return {
    requests: requests.map((request) => ({
      request: position(request.id),
      status: request.status,
      resolution: request.resolution,
      grade: request.grade,
      gradeBreakdown: request.gradeBreakdown,
    })),
    history: history.map((entry) => ({
      request: position(entry.requestId),
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      toResolution: entry.toResolution,
      actor: person(entry.actorId),
      reason: entry.reason,
      managers: [entry.fromManagerId, entry.toManagerId].map((id) => (id === null ? null : "manager")),
    })),
    notifications: notifications.map((note) => ({ request: position(note.requestId), user: person(note.userId), message: note.message })),
  };
}

async function gradingTransitions(): Promise<Record<string, number>> {
  const { values } = await requestTransitions.get();
  return Object.fromEntries(
    values.filter((value) => value.labels.type === "PUBLISH_RELEASE" && String(value.labels.action).endsWith("Grading")).map((value) => [value.labels.action, value.value]),
  );
}

function grown(before: Record<string, number>, after: Record<string, number>) {
  return Object.fromEntries(Object.entries(after).map(([action, value]) => [action, value - (before[action] ?? 0)]));
}

/**
 * Earlier tests may have left grading events of requests since truncated on the topic; the
 * worker is let past them (parked, as unknown requests are) before ours are produced, so that
 * ours arrive as one record batch and form one run of their own.
 */
async function caughtUp(): Promise<boolean> {
  const topic = topicName("publishRequests");
  const admin = createKafka("batch-grading-test-admin").admin();
  await admin.connect();
  try {
    const ends = await admin.fetchTopicOffsets(topic);
    const [committed] = await admin.fetchOffsets({ groupId: workerGroupId(), topics: [topic] });
    return ends.every((end) => {
      const offset = committed?.partitions.find((partition) => partition.partition === end.partition)?.offset ?? "-1";
      return Number(end.high) === 0 || Number(offset) === Number(end.high);
    });
  } finally {
    await admin.disconnect();
  }
}

async function produce(values: string[]) {
  await produceToOnePartition(topicName("publishRequests"), values, "batch-grading-test");
}

// Short retries: stale events of earlier tests are parked quickly.
const runWorker = (workerId: string, ours: ReadonlySet<string>) => runBatchWorker(workerId, ours, 2);

describe("the worker grades a run of publish requests set-based", () => {
  it("gives exactly what grading one at a time in order gives, skips requests no longer New, and a redelivered run changes nothing", async () => {
    // One at a time, in the order of the events, each in its own transaction.
    const single = await world();
    const singleBefore = await gradingTransitions();
    for (const envelope of single.envelopes) {
      const { requestId } = envelope.payload as { requestId: number };
      await prisma.$transaction((tx) => gradePublishRequest(tx, requestId));
    }
    const expected = await outcome(single);
    const expectedTransitions = grown(singleBefore, await gradingTransitions());
    // The fixture means what it says: the criteria bite where the label's state says they should.
    expect(expected.requests.map((request) => [request.status, request.grade])).toEqual([
      ["ON_APPROVAL", -2],
      ["ON_APPROVAL", -3],
      ["ON_APPROVAL", 0],
      ["ON_APPROVAL", -2],
      ["ON_APPROVAL", 0],
      ["ON_APPROVAL", -2],
      ["CLOSED", null],
    ]);
    expect(expectedTransitions).toEqual({ startGrading: 5, finishGrading: 5 });

    await resetDatabase(prisma);
    const batch = await world();
    const ours = new Set(batch.envelopes.map((envelope) => envelope.eventId));
    const batchBefore = await gradingTransitions();
    await ensureTopics([topicName("publishRequests")]);
    const { worker, applied, lines } = await runWorker("batch-grading", ours);
    try {
      await expect.poll(caughtUp, { message: "earlier tests' events consumed", timeout: 30_000 }).toBe(true);
      await produce(batch.envelopes.map((envelope) => JSON.stringify(envelope)));
      await expect.poll(() => applied.length, { message: "the run consumed", timeout: 30_000 }).toBe(batch.envelopes.length);
      const handled = lines.filter((line) => line.message === `handled ${EVENT}`);
      expect(handled).toHaveLength(batch.envelopes.length);
      // One transaction for the run, not the one-message path.
      expect(handled.every((line) => Number(line.details.batch) >= 2)).toBe(true);
      expect(await outcome(batch)).toEqual(expected);
      expect(grown(batchBefore, await gradingTransitions())).toEqual(expectedTransitions);

      const before = {
        requests: await prisma.request.findMany({ orderBy: { id: "asc" } }),
        history: await prisma.requestHistory.count(),
        notifications: await prisma.notification.count(),
      };
      await produce(batch.envelopes.map((envelope) => JSON.stringify(envelope)));
      await expect.poll(() => applied.length, { message: "the redelivered run consumed" }).toBe(2 * batch.envelopes.length);
      expect({
        requests: await prisma.request.findMany({ orderBy: { id: "asc" } }),
        history: await prisma.requestHistory.count(),
        notifications: await prisma.notification.count(),
      }).toEqual(before);
      expect(grown(batchBefore, await gradingTransitions())).toEqual(expectedTransitions);
    } finally {
      await worker.stop();
    }
  });
});
