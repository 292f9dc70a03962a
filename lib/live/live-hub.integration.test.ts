// Live pages on the real PostgreSQL (docs/domain.md §9 "Live pages", decision 014): the triggers
// announce committed changes, and every hub — each with its own LISTEN connection, as each web
// process has one — hands each change to the people who may see it, in commit order. Another OS
// process's hub receives a change committed here; a hub whose connection is killed reconnects.
// "Nothing arrives" is shown by order: a later change that does arrive (a sentinel) would come
// after anything leaked by an earlier one.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { LiveEvent } from "@/lib/live/live-event";
import { LiveHub } from "@/lib/live/live-hub";
import { notify } from "@/lib/notifications/notify";
import { postComment } from "@/lib/requests/conversation/post-comment";
import { transitionRequest } from "@/lib/requests/transition-request";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const hubScript = path.join(root, "tests/support/live-hub-script.ts");

const hubs: LiveHub[] = [];
const children: ChildProcessWithoutNullStreams[] = [];

/** A hub of its own (its own connection), as a separate web process would have. */
async function startHub(options: Partial<ConstructorParameters<typeof LiveHub>[0]> = {}): Promise<LiveHub> {
  const hub = new LiveHub({ databaseUrl: env().DATABASE_URL, log: () => undefined, ...options });
  hubs.push(hub);
  await hub.listening();
  return hub;
}

/** What `person` receives through `hub`, as it arrives. */
function watch(hub: LiveHub, person: SessionUser): LiveEvent[] {
  const events: LiveEvent[] = [];
  hub.subscribe({ viewer: person, deliver: (event) => events.push(event) });
  return events;
}

/** A sign request, On approval with `manager` (as the worker assigns it). */
async function signRequest(applicant: SessionUser, manager: SessionUser): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { id } = await tx.request.create({ data: { type: "SIGN_CONTRACT", applicantId: applicant.id, nickname: `Live ${uniqueSuffix()}` }, select: { id: true } });
    await tx.requestHistory.create({ data: { requestId: id, fromStatus: null, toStatus: "NEW", actorId: applicant.id, reason: "Request submitted" } });
    await transitionRequest(tx, { requestId: id, action: "assign", actor: "system", data: { managerId: manager.managerId! } });
    return id;
  });
}

/** A change that reaches `person` and nobody else: their notifications. */
const sentinel = (person: SessionUser) => notify(prisma, { userId: person.id, message: "sentinel" });

let applicant: SessionUser;
let manager: SessionUser;
let otherManager: SessionUser;
let stranger: SessionUser;
let requestId: number;

beforeEach(async () => {
  await resetDatabase(prisma);
  applicant = await createUser(prisma, "USER", "Ada Applicant");
  manager = await createManager(prisma, "Mona Manager");
  otherManager = await createManager(prisma, "Otto Other");
  stranger = await createUser(prisma, "USER", "Sam Stranger");
  requestId = await signRequest(applicant, manager);
});

afterEach(async () => {
  for (const child of children.splice(0)) child.kill("SIGTERM");
  await Promise.all(hubs.splice(0).map((hub) => hub.stop()));
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("two hubs, each with its own connection (two web processes)", () => {
  it("both hear a change committed through neither, each telling only who may see it", async () => {
    const first = await startHub();
    const second = await startHub();
    expect(first.backendPid).not.toBe(second.backendPid);
    const applicantEvents = watch(first, applicant);
    const managerEvents = watch(second, manager);
    const strangerEvents = [watch(first, stranger), watch(second, stranger)];
    const otherManagerEvents = watch(second, otherManager);

    await postComment({ requestId, author: { ...manager, name: manager.name }, body: "Welcome aboard soon", internal: false });
    await sentinel(stranger);
    await sentinel(otherManager);

    // The comment and its notification, in one transaction: one event each, in commit order.
    await expect.poll(() => applicantEvents).toEqual([{ type: "request", id: requestId }, { type: "notifications" }]);
    await expect.poll(() => managerEvents).toEqual([{ type: "request", id: requestId }]);
    for (const events of strangerEvents) await expect.poll(() => events).toEqual([{ type: "notifications" }]);
    await expect.poll(() => otherManagerEvents).toEqual([{ type: "notifications" }]);
  });

  it("a hub in another OS process hears a change committed by this one", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", hubScript, JSON.stringify(applicant)], {
      cwd: root,
      env: process.env,
    });
    children.push(child);
    const lines: string[] = [];
    createInterface({ input: child.stdout }).on("line", (line) => lines.push(line));
    await expect.poll(() => lines, { timeout: 60_000, message: "the other process to listen" }).toContain("listening");

    await postComment({ requestId, author: { ...manager, name: manager.name }, body: "Seen from afar", internal: false });

    // Its stream was there before it listened: a resync first, then the change.
    const events = () => lines.filter((line) => line !== "listening").map((line) => JSON.parse(line) as LiveEvent);
    await expect.poll(events).toEqual([{ type: "resync" }, { type: "request", id: requestId }, { type: "notifications" }]);
  });
});

describe("what is announced", () => {
  it("an internal note to the assigned manager only; the applicant cannot tell one was written", async () => {
    const hub = await startHub();
    const applicantEvents = watch(hub, applicant);
    const managerEvents = watch(hub, manager);

    await postComment({ requestId, author: { ...manager, name: manager.name }, body: "Between us: undecided", internal: true });
    await sentinel(applicant);

    await expect.poll(() => managerEvents).toEqual([{ type: "request", id: requestId }]);
    await expect.poll(() => applicantEvents).toEqual([{ type: "notifications" }]);
  });

  it("nothing for a rolled-back change; once per request and person for a transaction of many rows", async () => {
    const hub = await startHub();
    const applicantEvents = watch(hub, applicant);
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.requestComment.create({ data: { requestId, authorId: manager.id, body: "never committed" } });
        await notify(tx, { userId: applicant.id, message: "never committed" });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");

    await prisma.$transaction(async (tx) => {
      await transitionRequest(tx, { requestId, action: "requestChanges", actor: manager, reason: "Add a demo" });
      await tx.requestComment.create({ data: { requestId, authorId: manager.id, body: "See the reason" } });
      await notify(tx, { userId: applicant.id, requestId, message: "Changes requested" });
      await notify(tx, { userId: applicant.id, requestId, message: "A comment" });
    });

    await expect.poll(() => applicantEvents).toEqual([{ type: "request", id: requestId }, { type: "notifications" }]);
  });

  it("a reassigned request to its former manager too (it leaves their queue), a release's new title to its requests' parties", async () => {
    const hub = await startHub();
    const formerManagerEvents = watch(hub, manager);
    const newManagerEvents = watch(hub, otherManager);
    await prisma.request.update({ where: { id: requestId }, data: { managerId: otherManager.managerId } });
    await expect.poll(() => formerManagerEvents).toEqual([{ type: "request", id: requestId }]);
    await expect.poll(() => newManagerEvents).toEqual([{ type: "request", id: requestId }]);

    const artist = await createArtist(prisma, manager.managerId!);
    const release = await createReleaseFixture(prisma, artist.artistId!, { status: "UNPUBLISHED", tracks: [{ title: "One", genre: "pop" }] });
    const artistEvents = watch(hub, artist);
    const publish = await prisma.request.create({
      data: { type: "PUBLISH_RELEASE", applicantId: artist.id, managerId: manager.managerId, releaseId: release.id, expectedDate: new Date("2027-06-01T00:00:00Z") },
    });
    await prisma.release.update({ where: { id: release.id }, data: { title: "A better title" } });
    // The request's creation, then the release's new title.
    await expect.poll(() => artistEvents).toEqual([
      { type: "request", id: publish.id },
      { type: "request", id: publish.id },
    ]);
  });

  it("nothing for bookkeeping no page shows (the manager's reminder was sent)", async () => {
    const hub = await startHub();
    const applicantEvents = watch(hub, applicant);
    await prisma.request.update({ where: { id: requestId }, data: { reminderSentAt: new Date() } });
    await sentinel(applicant);
    await expect.poll(() => applicantEvents).toEqual([{ type: "notifications" }]);
  });

  it("a statistics refresh to managers and artists", async () => {
    const hub = await startHub();
    const managerEvents = watch(hub, manager);
    const applicantEvents = watch(hub, applicant);
    await prisma.statisticsRefresh.create({ data: { reason: "MANUAL", day: new Date("2026-12-20T00:00:00Z"), requestedById: manager.id } });
    await sentinel(applicant);
    await expect.poll(() => managerEvents).toEqual([{ type: "statistics" }]);
    await expect.poll(() => applicantEvents).toEqual([{ type: "notifications" }]);
  });
});

describe("a lost connection", () => {
  it("is made again after its backend is terminated: every stream re-renders once, and later changes arrive", async () => {
    const hub = await startHub({ backoff: { firstMs: 50, maxMs: 1_000 } });
    const applicantEvents = watch(hub, applicant);
    const killed = hub.backendPid!;
    await prisma.$queryRaw`SELECT pg_terminate_backend(${killed}::int)`;

    await expect.poll(() => applicantEvents, { message: "the resync after reconnecting" }).toEqual([{ type: "resync" }]);
    expect(hub.backendPid).not.toBeNull();
    expect(hub.backendPid).not.toBe(killed);

    await postComment({ requestId, author: { ...manager, name: manager.name }, body: "Still there?", internal: false });
    await expect.poll(() => applicantEvents).toEqual([{ type: "resync" }, { type: "request", id: requestId }, { type: "notifications" }]);
  });
});
