// Changes requested (docs/domain.md §3, §9 "Request changes") on the real PostgreSQL, and through
// the real outbox, Kafka and worker: the manager asks for changes with a reason, the applicant
// amends and resubmits under the rules of submitting, the worker takes the request on again (a
// sign request back to the same manager, a publish request graded afresh), withdraw and expiry
// still apply, and every race is decided once with "already moved on" for the loser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/guards";
import { addUtcDays, addUtcYears, fixedClock, formatDay, startOfUtcDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { requestExpiryDue, signRequestAssignmentDue } from "@/lib/events/definitions";
import { createRelease } from "@/lib/releases/create-release";
import { updateRelease } from "@/lib/releases/update-release";
import { acceptRequest } from "@/lib/requests/accept-request";
import { declineRequest } from "@/lib/requests/decline-request";
import { scheduleDeadline } from "@/lib/requests/deadline";
import { expireRequest } from "@/lib/requests/expire-request";
import { parseGradeBreakdown } from "@/lib/requests/publish/grade-breakdown";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { resubmitRequest } from "@/lib/requests/resubmit-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { statusLabels } from "@/lib/requests/state-machine";
import { transitionRequest } from "@/lib/requests/transition-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

const today = startOfUtcDay(new Date());

const requestOf = (id: number) => prisma.request.findUniqueOrThrow({ where: { id } });
const statusOf = async (id: number) => (await requestOf(id)).status;
const movedOn = (status: RequestStatus) => `This request has already moved on (it is ${statusLabels[status]}); reload to see its current state.`;
const historyOf = (requestId: number) =>
  prisma.requestHistory.findMany({ where: { requestId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { fromStatus: true, toStatus: true, reason: true, actorId: true } });
const eventsOf = (requestId: number, name: string) =>
  prisma.outboxEvent.findMany({ where: { name, payload: { path: ["requestId"], equals: requestId } }, orderBy: { id: "asc" } });

/** The manager record's person, as the app sees them when they act. */
async function managerSession(managerId: number): Promise<SessionUser> {
  const manager = await prisma.manager.findUniqueOrThrow({ where: { id: managerId }, include: { user: true } });
  return { id: manager.user.id, name: manager.user.name, email: manager.user.email, role: "MANAGER", managerId, artistId: null };
}

/** A sign request On approval with `manager`, as the worker leaves it (docs/domain.md §3.1 step 2). */
async function signRequestOnApproval(manager: SessionUser, nickname = `Changes ${uniqueSuffix()}`) {
  const applicant = await createUser(prisma);
  const request = await submitSignRequest(applicant, { nickname, message: "First words" });
  await prisma.$transaction((tx) => transitionRequest(tx, { requestId: request.id, action: "assign", actor: "system", data: { managerId: manager.managerId! } }));
  return { applicant, requestId: request.id };
}

/** An artist of `manager` with a two-year contract and a release of Pop tracks. */
async function artistWithRelease(manager: SessionUser) {
  const artist = await createArtist(prisma, manager.managerId!);
  await prisma.artist.update({ where: { id: artist.artistId! }, data: { contractDueDate: addUtcYears(today, 2) } });
  const actor = { userId: artist.id, artistId: artist.artistId! };
  const release = await createRelease(actor, {
    title: `Amendable ${uniqueSuffix()}`,
    releaseDate: today,
    tracks: [{ title: "First", durationSeconds: 180, genre: "Pop", type: "song", artists: [] }],
  });
  return { artist, actor, release };
}

/** A publish request graded On approval in-process (no worker). */
async function publishRequestOnApproval(manager: SessionUser, expectedDate = addUtcDays(today, 30)) {
  const { artist, actor, release } = await artistWithRelease(manager);
  const { id: requestId } = await submitPublishRequest(actor, { releaseId: release.id, expectedDate });
  await prisma.$transaction((tx) => gradePublishRequest(tx, requestId));
  return { artist, actor, release, requestId };
}

afterAll(async () => {
  await prisma.$disconnect();
});

describe("through the worker and Kafka", () => {
  let worker: RunningWorker;

  beforeAll(async () => {
    await resetDatabase(prisma);
    worker = await startWorker({ db: prisma, workerId: "changes-requested" }, { ...env(), OUTBOX_POLL_MS: 100 });
  });

  afterAll(async () => {
    await worker?.stop();
  });

  it("sends a sign request back with the reason; the amended request returns On approval to the same manager", async () => {
    await createManager(prisma, "First Manager");
    const applicant = await createUser(prisma);
    const request = await submitSignRequest(applicant, { nickname: `Kitchen ${uniqueSuffix()}`, message: "First words" });
    await expect.poll(() => statusOf(request.id), { message: "the first assignment" }).toBe("ON_APPROVAL");
    const { managerId, expiresAt } = await requestOf(request.id);
    const manager = await managerSession(managerId!);
    // A manager with nothing at all: the one a fresh assignment would choose now.
    const idle = await createManager(prisma, "Idle Manager");

    const reason = "Please choose a nickname without the word Kitchen";
    await requestChanges(manager, request.id, reason);
    expect(await statusOf(request.id)).toBe("CHANGES_REQUESTED");
    expect(await prisma.notification.findFirst({ where: { userId: applicant.id, requestId: request.id, message: { contains: reason } } })).not.toBeNull();
    await expect(resubmitRequest(manager, request.id, { type: "SIGN_CONTRACT", nickname: "Not Theirs", message: null })).rejects.toBeInstanceOf(ForbiddenError);

    const nickname = `Parlour ${uniqueSuffix()}`;
    await resubmitRequest(applicant, request.id, { type: "SIGN_CONTRACT", nickname, message: "Second words" });
    await expect.poll(() => statusOf(request.id), { message: "back on approval" }).toBe("ON_APPROVAL");

    const amended = await requestOf(request.id);
    expect(amended).toMatchObject({ managerId, nickname, message: "Second words" });
    // The deadline still counts from the first submission.
    expect(amended.expiresAt).toEqual(expiresAt);
    expect(await historyOf(request.id)).toMatchObject([
      { fromStatus: null, toStatus: "NEW" },
      { fromStatus: "NEW", toStatus: "ON_APPROVAL", actorId: null },
      { fromStatus: "ON_APPROVAL", toStatus: "CHANGES_REQUESTED", reason, actorId: manager.id },
      { fromStatus: "CHANGES_REQUESTED", toStatus: "NEW", actorId: applicant.id, reason: expect.stringContaining(`→ "${nickname}"`) },
      { fromStatus: "NEW", toStatus: "ON_APPROVAL", actorId: null, reason: "Back with its manager after the changes" },
    ]);
    expect(await prisma.notification.count({ where: { userId: manager.id, requestId: request.id, message: { contains: "resubmitted" } } })).toBe(1);
    expect(await prisma.notification.count({ where: { userId: idle.id } })).toBe(0);
    expect(await prisma.notification.count({ where: { userId: applicant.id, requestId: request.id, message: { contains: "back with" } } })).toBe(1);
  });

  it("grades an amended publish request afresh, with its new date and the release as edited meanwhile", async () => {
    const manager = await createManager(prisma);
    const { actor, release } = await artistWithRelease(manager);
    const firstDate = addUtcDays(today, 30);
    const { id: requestId } = await submitPublishRequest(actor, { releaseId: release.id, expectedDate: firstDate });
    await expect.poll(() => statusOf(requestId), { message: "the first grade" }).toBe("ON_APPROVAL");
    expect((await requestOf(requestId)).grade).toBe(0);

    await requestChanges(manager, requestId, "That day is too early for this record");
    // While changes are requested the artist may edit the release (docs/domain.md §9).
    const edited = {
      title: "Amended title",
      releaseDate: today,
      tracks: [{ title: "New opening", durationSeconds: 200, genre: "Jazz", type: "song", artists: [] }],
    };
    await updateRelease(actor, release.id, edited);

    // Another release of the label is scheduled on the new date: criterion 3 now costs a point.
    const newDate = addUtcDays(today, 45);
    const otherArtist = await createArtist(prisma, manager.managerId!);
    const other = await createReleaseFixture(prisma, otherArtist.artistId!, { status: "SCHEDULED", tracks: [{ title: "Theirs", genre: "Rock" }] });
    await prisma.publication.create({ data: { releaseId: other.id, scheduledDate: newDate, managerId: manager.managerId! } });

    await resubmitRequest(artistSession(actor), requestId, { type: "PUBLISH_RELEASE", expectedDate: newDate });
    // Once resubmitted the release is under the request again.
    await expect(updateRelease(actor, release.id, { ...edited, title: "Too late" })).rejects.toBeInstanceOf(ConflictError);
    await expect.poll(() => statusOf(requestId), { message: "graded again" }).toBe("ON_APPROVAL");

    const regraded = await requestOf(requestId);
    expect(regraded.expectedDate).toEqual(newDate);
    expect(regraded.grade).toBe(-1);
    const breakdown = parseGradeBreakdown(regraded.gradeBreakdown)!;
    expect(breakdown.find((criterion) => criterion.name === "One release per day")).toMatchObject({ effect: -1, reason: expect.stringContaining(formatDay(newDate)) });
    // The deadline moved with the date; the old expiry event finds it changed and does nothing.
    expect(regraded.expiresAt).toEqual(newDate);
    const expiryEvents = await eventsOf(requestId, requestExpiryDue.name);
    expect(expiryEvents.map((event) => (event.payload as { expiresAt?: string }).expiresAt)).toEqual([firstDate.toISOString(), newDate.toISOString()]);

    const history = await historyOf(requestId);
    expect(history.map((entry) => `${entry.fromStatus ?? "-"}→${entry.toStatus}`)).toEqual([
      "-→NEW",
      "NEW→PROCESSING",
      "PROCESSING→ON_APPROVAL",
      "ON_APPROVAL→CHANGES_REQUESTED",
      "CHANGES_REQUESTED→NEW",
      "NEW→PROCESSING",
      "PROCESSING→ON_APPROVAL",
    ]);
    expect(history[4]!.reason).toBe(`Resubmitted with changes: publication date ${formatDay(firstDate)} → ${formatDay(newDate)}`);
    expect(history[6]!.reason).toBe("Graded -1 of 0");
  });

  it("expires a request whose changes are still awaited when its deadline comes", async () => {
    const manager = await createManager(prisma);
    const { applicant, requestId } = await signRequestOnApproval(manager);
    await requestChanges(manager, requestId, "Tell us more about yourself");
    // The deadline arrives (the test cannot wait 90 days): its expiry event is due now.
    await prisma.$transaction((tx) => scheduleDeadline(tx, { requestId, expiresAt: new Date(Date.now() - 1000) }));

    await expect.poll(() => statusOf(requestId), { message: "the expiry" }).toBe("CLOSED");
    expect((await requestOf(requestId)).resolution).toBe("EXPIRED");
    expect((await historyOf(requestId)).at(-1)).toMatchObject({ fromStatus: "CHANGES_REQUESTED", toStatus: "CLOSED", actorId: null });
    expect(await prisma.notification.count({ where: { userId: applicant.id, requestId, message: { contains: "expired" } } })).toBe(1);
    await expect(resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname: "Too Late", message: null })).rejects.toThrow(movedOn("CLOSED"));
  });
});

function artistSession(actor: { userId: number; artistId: number }): SessionUser {
  return { id: actor.userId, name: "The artist", email: "artist@example.test", role: "ARTIST", managerId: null, artistId: actor.artistId };
}

describe("asking for changes and amending, in-process", () => {
  beforeAll(async () => {
    await resetDatabase(prisma);
  });

  it("lets only the assigned manager ask, only on approval, and only with the request's own parties seeing it", async () => {
    const manager = await createManager(prisma);
    const stranger = await createManager(prisma);
    const { applicant, requestId } = await signRequestOnApproval(manager);
    await expect(requestChanges(stranger, requestId, "Mine now")).rejects.toBeInstanceOf(NotFoundError);
    await expect(requestChanges(applicant, requestId, "Self-service")).rejects.toBeInstanceOf(ForbiddenError);
    await requestChanges(manager, requestId, "A longer message, please");
    await expect(requestChanges(manager, requestId, "Again")).rejects.toThrow(movedOn("CHANGES_REQUESTED"));
    await expect(acceptRequest(manager, requestId)).rejects.toThrow(movedOn("CHANGES_REQUESTED"));
    await expect(resubmitRequest(await createUser(prisma), requestId, { type: "SIGN_CONTRACT", nickname: "Stranger", message: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await prisma.requestHistory.count({ where: { requestId, toStatus: "CHANGES_REQUESTED" } })).toBe(1);
  });

  it("amends under the rules of submitting: a taken nickname or a date too soon is refused and changes nothing", async () => {
    const manager = await createManager(prisma);
    await createArtist(prisma, manager.managerId!, "Taken Stage Name");
    const own = `Own Name ${uniqueSuffix()}`;
    const { applicant, requestId } = await signRequestOnApproval(manager, own);
    await requestChanges(manager, requestId, "Please add a message");

    await expect(resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname: "taken STAGE name", message: "Hi" })).rejects.toMatchObject({
      field: "nickname",
      message: "This nickname is already taken",
    });
    await expect(resubmitRequest(applicant, requestId, { type: "PUBLISH_RELEASE", expectedDate: addUtcDays(today, 30) })).rejects.toBeInstanceOf(NotFoundError);
    expect(await requestOf(requestId)).toMatchObject({ status: "CHANGES_REQUESTED", nickname: own, message: "First words" });
    expect(await eventsOf(requestId, signRequestAssignmentDue.name)).toHaveLength(1);

    // Its own nickname, in another case, is no obstacle.
    await resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname: own.toUpperCase(), message: "Now with a message" });
    expect(await requestOf(requestId)).toMatchObject({ status: "NEW", managerId: manager.managerId, nickname: own.toUpperCase(), message: "Now with a message" });
    expect(await eventsOf(requestId, signRequestAssignmentDue.name)).toHaveLength(2);

    const publish = await publishRequestOnApproval(manager);
    await requestChanges(manager, publish.requestId, "Another date");
    const artist = artistSession(publish.actor);
    await expect(resubmitRequest(artist, publish.requestId, { type: "PUBLISH_RELEASE", expectedDate: addUtcDays(today, 7) })).rejects.toMatchObject({
      field: "expectedDate",
    });
    await expect(resubmitRequest(artist, publish.requestId, { type: "PUBLISH_RELEASE", expectedDate: addUtcYears(today, 3) })).rejects.toMatchObject({
      field: "expectedDate",
      message: expect.stringMatching(/^Your contract ends on/),
    });
    await prisma.artist.update({ where: { id: publish.actor.artistId }, data: { active: false } });
    await expect(resubmitRequest(artist, publish.requestId, { type: "PUBLISH_RELEASE", expectedDate: addUtcDays(today, 20) })).rejects.toBeInstanceOf(DomainError);
    expect(await requestOf(publish.requestId)).toMatchObject({ status: "CHANGES_REQUESTED", grade: 0, expectedDate: addUtcDays(today, 30) });
  });

  it("clears the old grade on resubmitting, so nobody reads it as the new one", async () => {
    const manager = await createManager(prisma);
    const { actor, requestId } = await publishRequestOnApproval(manager);
    await requestChanges(manager, requestId, "Later, please");
    await resubmitRequest(artistSession(actor), requestId, { type: "PUBLISH_RELEASE", expectedDate: addUtcDays(today, 40) });
    expect(await requestOf(requestId)).toMatchObject({ status: "NEW", grade: null, gradeBreakdown: null, expiresAt: addUtcDays(today, 40) });
    expect(await prisma.notification.count({ where: { userId: manager.id, requestId, message: { contains: "resubmitted" } } })).toBe(1);
  });

  it("lets the applicant withdraw instead of amending", async () => {
    const manager = await createManager(prisma);
    const { applicant, requestId } = await signRequestOnApproval(manager);
    await requestChanges(manager, requestId, "Tell us more");
    await withdrawRequest(applicant, requestId);
    expect(await requestOf(requestId)).toMatchObject({ status: "CLOSED", resolution: "WITHDRAWN" });
    expect(await prisma.notification.count({ where: { userId: manager.id, requestId, message: { contains: "withdrawn" } } })).toBe(1);
    await expect(resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname: "After All", message: null })).rejects.toThrow(movedOn("CLOSED"));
  });
});

describe("races are decided once, and the loser is told the request moved on", () => {
  beforeAll(async () => {
    await resetDatabase(prisma);
  });

  /** Sessions waiting for a row lock in this database: the loser of a race, blocked by the winner. */
  const waitingForLocks = async () =>
    Number(
      (await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)[0]!
        .count,
    );

  it("resubmit against expiry: the expiry commits first, the resubmission loses and changes nothing", async () => {
    const manager = await createManager(prisma);
    const { applicant, requestId } = await signRequestOnApproval(manager);
    await requestChanges(manager, requestId, "Another nickname");
    const { expiresAt, nickname } = await requestOf(requestId);
    const afterDeadline = fixedClock(new Date(expiresAt!.getTime() + 1000));

    // The worker's expiry holds the request's row until the resubmission is waiting for it.
    let letExpiryCommit!: () => void;
    const gate = new Promise<void>((resolve) => (letExpiryCommit = resolve));
    let expiryApplied!: () => void;
    const applied = new Promise<void>((resolve) => (expiryApplied = resolve));
    const expiry = prisma.$transaction(
      async (tx) => {
        const outcome = await expireRequest(tx, { requestId }, afterDeadline);
        expiryApplied();
        await gate;
        return outcome;
      },
      { timeout: 30_000 },
    );
    await applied;
    const resubmission = resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname: "Just In Time", message: null }).then(
      () => null,
      (error: unknown) => error,
    );
    await expect.poll(waitingForLocks, { message: "the resubmission to wait for the expiry" }).toBeGreaterThan(0);
    letExpiryCommit();

    expect(await expiry).toBe("expired");
    const lost = await resubmission;
    expect(lost).toBeInstanceOf(ConflictError);
    expect((lost as Error).message).toBe(movedOn("CLOSED"));
    expect(await requestOf(requestId)).toMatchObject({ status: "CLOSED", resolution: "EXPIRED", nickname });
    expect(await eventsOf(requestId, signRequestAssignmentDue.name)).toHaveLength(1);
    expect(await prisma.requestHistory.count({ where: { requestId, fromStatus: "CHANGES_REQUESTED" } })).toBe(1);
  });

  it("resubmit before expiry: the deadline still stands, and the resubmitted request expires", async () => {
    const manager = await createManager(prisma);
    const { applicant, requestId } = await signRequestOnApproval(manager);
    await requestChanges(manager, requestId, "Another nickname");
    const { expiresAt } = await requestOf(requestId);
    await resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname: `Late ${uniqueSuffix()}`, message: null });
    expect(await prisma.$transaction((tx) => expireRequest(tx, { requestId, expiresAt: expiresAt!.toISOString() }, fixedClock(new Date(expiresAt!.getTime() + 1))))).toBe(
      "expired",
    );
    expect(await requestOf(requestId)).toMatchObject({ status: "CLOSED", resolution: "EXPIRED" });
  });

  for (const [label, other] of [
    ["accept", (manager: SessionUser, requestId: number) => acceptRequest(manager, requestId)],
    ["decline", (manager: SessionUser, requestId: number) => declineRequest(manager, requestId, "No")],
    ["a second request for changes", (manager: SessionUser, requestId: number) => requestChanges(manager, requestId, "Twice")],
  ] as const) {
    it(`request changes against ${label}, clicked at once: one wins`, async () => {
      const manager = await createManager(prisma);
      const { requestId } = await signRequestOnApproval(manager);
      const results = await Promise.allSettled([requestChanges(manager, requestId, "Once"), other(manager, requestId)]);
      const rejected = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
      const final = await statusOf(requestId);
      expect(rejected[0]!.reason.message).toBe(movedOn(final));
      expect(await prisma.requestHistory.count({ where: { requestId, fromStatus: "ON_APPROVAL" } })).toBe(1);
    });
  }

  it("two tabs resubmitting at once: one amendment is stored, the other is told", async () => {
    const manager = await createManager(prisma);
    const { applicant, requestId } = await signRequestOnApproval(manager);
    await requestChanges(manager, requestId, "Another nickname");
    const nicknames = [`Tab One ${uniqueSuffix()}`, `Tab Two ${uniqueSuffix()}`];
    const results = await Promise.allSettled(
      nicknames.map((nickname) => resubmitRequest(applicant, requestId, { type: "SIGN_CONTRACT", nickname, message: null })),
    );
    const winner = results.findIndex((result) => result.status === "fulfilled");
    expect(results.filter((result) => result.status === "rejected")).toHaveLength(1);
    expect((results[1 - winner] as PromiseRejectedResult).reason.message).toBe(movedOn("NEW"));
    expect(await requestOf(requestId)).toMatchObject({ status: "NEW", nickname: nicknames[winner] });
    expect(await eventsOf(requestId, signRequestAssignmentDue.name)).toHaveLength(2);
  });
});
