// Deactivating a manager (docs/domain.md §10, decision 018) on the real PostgreSQL and Kafka: the
// role and the sessions go at once, in one transaction with the job, its event and the audit
// entry; the worker then moves every open request and artist of the former manager fairly, each
// exactly once — also when a worker process is killed in the middle and another takes over, and
// when the event comes again; with no manager left, sign requests wait (§3.1) and everything
// moves when a manager is created.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/guards";
import { startSession } from "@/lib/auth/sessions";
import { addUtcDays, startOfUtcDay, systemClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { managerDeactivated } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { deactivateManager } from "@/lib/managers/deactivate-manager";
import { NOT_A_MANAGER_NOW } from "@/lib/managers/deactivation-rule";
import { redistributeWork, REDISTRIBUTION_CHUNK } from "@/lib/managers/redistribute-work";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { transitionRequest } from "@/lib/requests/transition-request";
import { appointManager } from "@/lib/users/appoint-manager";
import { createManager as createManagerAccount } from "@/lib/users/create-manager";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { changedTables, snapshotTables } from "@/tests/support/table-snapshot";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { startWorker, type RunningWorker } from "@/worker/start-worker";

let admin: SessionUser;

/** A sign request On approval with `manager`, as the worker leaves it (§3.1 step 2). */
async function signRequestWith(manager: SessionUser) {
  const applicant = await createUser(prisma);
  const { id } = await submitSignRequest(applicant, { nickname: `Deact ${uniqueSuffix()}`, message: null });
  await prisma.$transaction((tx) => transitionRequest(tx, { requestId: id, action: "assign", actor: "system", data: { managerId: manager.managerId! } }));
  return id;
}

/** A graded publish request of `artist` (On approval with the artist's manager). */
async function publishRequestOf(artist: SessionUser) {
  const release = await createReleaseFixture(prisma, artist.artistId!, { status: "UNPUBLISHED", tracks: [{ title: "One", genre: "pop" }] });
  const { id } = await submitPublishRequest(
    { userId: artist.id, artistId: artist.artistId! },
    { releaseId: release.id, expectedDate: addUtcDays(startOfUtcDay(systemClock.now()), 20) },
  );
  await prisma.$transaction((tx) => gradePublishRequest(tx, id));
  return id;
}

const jobOf = (id: number) => prisma.managerDeactivation.findUniqueOrThrow({ where: { id } });
const openWith = (managerId: number) => prisma.request.count({ where: { managerId, status: { not: "CLOSED" } } });
const artistsWith = (managerId: number) => prisma.artist.count({ where: { managerId } });
/** History entries that took a request away from `managerId`, per request. */
async function movesFrom(managerId: number): Promise<Map<number, number>> {
  const rows = await prisma.requestHistory.groupBy({ by: ["requestId"], where: { fromManagerId: managerId }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.requestId, row._count._all]));
}

const workers: RunningWorker[] = [];
async function runWorker(workerId: string, afterApply?: (eventId: string) => void) {
  const worker = await startWorker({ db: prisma, workerId, afterApply });
  workers.push(worker);
  return worker;
}

beforeEach(async () => {
  while (workers.length > 0) await workers.pop()!.stop();
  await resetDatabase(prisma);
  admin = await createUser(prisma, "ADMIN", "Label Admin");
});

afterAll(async () => {
  while (workers.length > 0) await workers.pop()!.stop();
  await prisma.$disconnect();
});

describe("deactivating a manager", () => {
  it("takes the role away at once and ends the sessions, with the job, its event and the audit entry in one transaction", async () => {
    const former = await createManager(prisma, "Mia Former");
    await createManager(prisma, "Noor Staying");
    const requestId = await signRequestWith(former);
    await createArtist(prisma, former.managerId!);
    await startSession(former.id);
    await startSession(former.id);

    const deactivated = await deactivateManager(admin, { managerId: former.managerId! });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: former.id } });
    expect(user.role).toBe("USER");
    expect(await prisma.userSession.count({ where: { userId: former.id, endedAt: null } })).toBe(0);
    expect(await jobOf(deactivated.deactivationId)).toMatchObject({
      managerId: former.managerId,
      requestedById: admin.id,
      status: "IN_PROGRESS",
      requestsToMove: 1,
      requestsMoved: 0,
      artistsToMove: 1,
      artistsMoved: 0,
      finishedAt: null,
    });
    const event = await prisma.outboxEvent.findFirstOrThrow({ where: { name: managerDeactivated.name } });
    expect(event.payload).toEqual({ deactivationId: deactivated.deactivationId });
    expect(await prisma.auditEntry.findFirst({ where: { action: "manager.deactivate", actorId: admin.id, targetId: String(former.id) } })).not.toBeNull();
    // Nothing moved yet: that is the worker's (deferred) part.
    expect((await prisma.request.findUniqueOrThrow({ where: { id: requestId } })).managerId).toBe(former.managerId);
  });

  it("refuses anyone but the admin, and a second deactivation, writing nothing", async () => {
    const former = await createManager(prisma);
    const other = await createManager(prisma);
    for (const [actor, error] of [
      [other, ForbiddenError],
      [{ ...former, role: "USER" as const }, ForbiddenError],
    ] as const) {
      const before = await snapshotTables(prisma);
      await expect(deactivateManager(actor, { managerId: former.managerId! })).rejects.toBeInstanceOf(error);
      expect(changedTables(before, await snapshotTables(prisma))).toEqual([]);
    }
    await deactivateManager(admin, { managerId: former.managerId! });
    const before = await snapshotTables(prisma);
    await expect(deactivateManager(admin, { managerId: former.managerId! })).rejects.toThrow(new ConflictError(NOT_A_MANAGER_NOW));
    expect(changedTables(before, await snapshotTables(prisma))).toEqual([]);
  });

  it("redistributes fairly through the worker: ten requests over two equal managers five and five, artists one each, a publish request with its artist", async () => {
    const former = await createManager(prisma, "Mia Former");
    const first = await createManager(prisma, "Ada First");
    const second = await createManager(prisma, "Bea Second");
    const artists = [await createArtist(prisma, former.managerId!), await createArtist(prisma, former.managerId!)];
    const publishId = await publishRequestOf(artists[0]!);
    for (let index = 0; index < 9; index += 1) await signRequestWith(former);

    await runWorker("fair");
    const toldBefore = await prisma.notification.count({ where: { userId: former.id } });
    const { deactivationId } = await deactivateManager(admin, { managerId: former.managerId! });
    await expect.poll(async () => (await jobOf(deactivationId)).status).toBe("DONE");

    // 1 publish + 9 sign requests and 2 artists: each manager gets one artist and five requests.
    for (const manager of [first, second]) {
      expect(await artistsWith(manager.managerId!)).toBe(1);
      expect(await openWith(manager.managerId!)).toBe(5);
    }
    const publish = await prisma.request.findUniqueOrThrow({ where: { id: publishId }, include: { release: { include: { artist: true } } } });
    expect(publish.managerId).toBe(publish.release!.artist.managerId);
    expect(await jobOf(deactivationId)).toMatchObject({ requestsToMove: 10, requestsMoved: 10, artistsToMove: 2, artistsMoved: 2 });
    expect(await openWith(former.managerId!)).toBe(0);
    expect(await artistsWith(former.managerId!)).toBe(0);
    // Each request moved once, with the history entry naming the admin and the reason.
    const moves = await movesFrom(former.managerId!);
    expect(moves.size).toBe(10);
    expect([...moves.values()].every((count) => count === 1)).toBe(true);
    const entry = await prisma.requestHistory.findFirstOrThrow({ where: { fromManagerId: former.managerId! } });
    expect(entry).toMatchObject({ actorId: admin.id, reason: "Mia Former is no longer a manager of the label" });
    // The former manager is told once, when deactivated, not of every move; the admin when it is done.
    expect(await prisma.notification.count({ where: { userId: former.id } })).toBe(toldBefore + 1);
    expect(await prisma.notification.count({ where: { userId: admin.id, message: { contains: "redistributed" } } })).toBe(1);
  });

  it("moves every request and artist exactly once when the worker is killed in the middle and another takes over; a repeated event changes nothing", async () => {
    const former = await createManager(prisma, "Mia Former");
    const first = await createManager(prisma, "Ada First");
    const second = await createManager(prisma, "Bea Second");
    const artist = await createArtist(prisma, former.managerId!);
    await publishRequestOf(artist);
    const requestIds: number[] = [];
    for (let index = 0; index < 4 * REDISTRIBUTION_CHUNK; index += 1) requestIds.push(await signRequestWith(former));

    // A lock on a request of the third chunk holds the worker there: two chunks committed, the
    // third waiting, when the process is killed.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holder = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT "id" FROM "Request" WHERE "id" = ${requestIds[2 * REDISTRIBUTION_CHUNK + 3]!} FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 120_000 },
    );
    await isLocked;

    const { deactivationId } = await deactivateManager(admin, { managerId: former.managerId! });
    const child: ChildProcess = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
      env: { ...process.env, METRICS_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout?.on("data", (chunk) => (output += chunk));
    child.stderr?.on("data", (chunk) => (output += chunk));
    const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
    try {
      // The artist (with their publish request) and 19 sign requests in the first two chunks; the
      // third waits for the lock.
      await expect
        .poll(async () => {
          const job = await jobOf(deactivationId);
          return job.requestsMoved + job.artistsMoved;
        }, { timeout: 60_000, message: output })
        .toBeGreaterThanOrEqual(2 * REDISTRIBUTION_CHUNK);
    } finally {
      child.kill("SIGKILL");
      await exited;
      release();
      await holder;
    }
    expect((await jobOf(deactivationId)).status).toBe("IN_PROGRESS");
    expect(await openWith(former.managerId!)).toBeGreaterThan(0);

    await runWorker("survivor");
    // The survivor gets the event again (its offset was never committed) and goes on.
    await expect.poll(async () => (await jobOf(deactivationId)).status, { timeout: 90_000 }).toBe("DONE");

    const moves = await movesFrom(former.managerId!);
    expect(moves.size).toBe(requestIds.length + 1);
    expect([...moves.values()].every((count) => count === 1)).toBe(true);
    expect(await openWith(former.managerId!)).toBe(0);
    expect(await artistsWith(former.managerId!)).toBe(0);
    // Each applicant told once that their request is with someone else.
    for (const requestId of requestIds) {
      const request = await prisma.request.findUniqueOrThrow({ where: { id: requestId } });
      expect(await prisma.notification.count({ where: { userId: request.applicantId, requestId, message: { startsWith: "Your request to join the label is now with" } } })).toBe(1);
    }
    const loads = [await openWith(first.managerId!), await openWith(second.managerId!)];
    expect(loads[0]! + loads[1]!).toBe(requestIds.length + 1);
    expect(Math.abs(loads[0]! - loads[1]!)).toBeLessThanOrEqual(1);
    expect(await jobOf(deactivationId)).toMatchObject({ requestsMoved: 41, requestsToMove: 41, artistsMoved: 1, artistsToMove: 1 });

    // The same job announced again (a new event id), and run again by hand: nothing changes.
    const before = await snapshotTables(prisma);
    await workers.pop()!.stop();
    const seen: string[] = [];
    const eventId = await prisma.$transaction((tx) => enqueueEvent(tx, managerDeactivated, { deactivationId }));
    await runWorker("again", (applied) => void seen.push(applied));
    await expect.poll(() => seen).toContain(eventId);
    expect(await redistributeWork(prisma, deactivationId)).toBe("finished");
    expect(changedTables(before, await snapshotTables(prisma)).filter((table) => !["OutboxEvent", "ProcessedMessage", "WorkerHeartbeat"].includes(table))).toEqual([]);
  });

  it("with no manager left, sign requests wait as in §3.1 and everything moves when a manager is created", async () => {
    const former = await createManager(prisma, "Mia Former");
    const artist = await createArtist(prisma, former.managerId!);
    const publishId = await publishRequestOf(artist);
    const waitingIds = [await signRequestWith(former), await signRequestWith(former)];
    const amendingId = await signRequestWith(former);
    await requestChanges(former, amendingId, "Tell us more about your music");

    const { deactivationId } = await deactivateManager(admin, { managerId: former.managerId! });
    expect(await redistributeWork(prisma, deactivationId)).toBe("waiting");

    for (const id of waitingIds) {
      expect(await prisma.request.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "NEW", managerId: null });
    }
    // One sent back for changes cannot stay so without a manager to answer: it waits too.
    expect(await prisma.request.findUniqueOrThrow({ where: { id: amendingId } })).toMatchObject({ status: "NEW", managerId: null });
    // An artist always has a manager (and their publish request is with them): they wait with the former one.
    expect(await artistsWith(former.managerId!)).toBe(1);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: publishId } })).managerId).toBe(former.managerId);
    expect(await jobOf(deactivationId)).toMatchObject({ status: "WAITING_FOR_MANAGER", requestsMoved: 3, requestsToMove: 4, artistsMoved: 0, artistsToMove: 1 });

    await runWorker("no-manager");
    const created = await createManagerAccount({ name: "Nia New", email: `nia-${uniqueSuffix()}@example.test`, password: "a-long-password" }, admin.id);
    await expect.poll(async () => (await jobOf(deactivationId)).status).toBe("DONE");
    for (const id of [...waitingIds, amendingId]) {
      await expect.poll(async () => prisma.request.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "ON_APPROVAL", managerId: created.managerId });
    }
    expect(await artistsWith(created.managerId)).toBe(1);
    expect((await prisma.request.findUniqueOrThrow({ where: { id: publishId } })).managerId).toBe(created.managerId);
    expect(await jobOf(deactivationId)).toMatchObject({ requestsMoved: 4, requestsToMove: 4, artistsMoved: 1, artistsToMove: 1 });
  });

  it("gives a former manager appointed again their Manager row back and stops what was left", async () => {
    const former = await createManager(prisma);
    await signRequestWith(former);
    const { deactivationId } = await deactivateManager(admin, { managerId: former.managerId! });
    // No other manager: the request is waiting when the person is appointed again.
    expect(await redistributeWork(prisma, deactivationId)).toBe("done");
    const again = await createManager(prisma);
    const second = await deactivateManager(admin, { managerId: again.managerId! });
    const { managerId } = await appointManager({ userId: again.id, actorId: admin.id });
    expect(managerId).toBe(again.managerId);
    expect(await jobOf(second.deactivationId)).toMatchObject({ status: "CANCELLED" });
    expect(await redistributeWork(prisma, second.deactivationId)).toBe("finished");
  });
});
