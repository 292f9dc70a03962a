// GET /api/live on the real PostgreSQL (docs/domain.md §9 "Live pages", decision 014): read as
// the applicant, an unrelated user and another manager while the assigned manager writes an
// internal note and then a comment, each stream holds exactly what its reader may know — ids,
// never text; an ended session stops receiving; a guest is sent to sign in. The route handler
// is called in-process with the session cookie stood in for (tests/support/act-as.ts).
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GET } from "@/app/api/live/route";
import type { SessionUser } from "@/lib/auth/guards";
import { endSession } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { LiveHub, liveHub } from "@/lib/live/live-hub";
import { liveEventStream } from "@/lib/live/live-stream";
import { notify } from "@/lib/notifications/notify";
import { postComment } from "@/lib/requests/conversation/post-comment";
import { transitionRequest } from "@/lib/requests/transition-request";
import { actAs, answerOf } from "@/tests/support/act-as";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("@/tests/support/act-as")).authedAs }));

/** An open stream as a browser reads it: the raw text, the events (`event:` and parsed `data:`), whether it ended. */
type Reading = { text: string; events: { event: string; data: unknown }[]; ended: boolean; response: Response; close: () => void };

function read(response: Response, abort: AbortController): Reading {
  const reading: Reading = { text: "", events: [], ended: false, response, close: () => abort.abort() };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    let pending = "";
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (done) break;
      const chunk = decoder.decode(value, { stream: true });
      reading.text += chunk;
      pending += chunk;
      let end: number;
      while ((end = pending.indexOf("\n\n")) >= 0) {
        const lines = pending.slice(0, end).split("\n");
        pending = pending.slice(end + 2);
        const event = lines.find((line) => line.startsWith("event: "))?.slice(7);
        const data = lines.find((line) => line.startsWith("data: "))?.slice(6);
        if (event && data) reading.events.push({ event, data: JSON.parse(data) });
      }
    }
    reading.ended = true;
  })();
  return reading;
}

const readings: Reading[] = [];

/** GET /api/live as `person` (a fresh session; null: a guest). */
async function openStream(person: SessionUser | null): Promise<Reading> {
  await actAs(person);
  const abort = new AbortController();
  const reading = read(await GET(new Request("http://localhost/api/live", { signal: abort.signal })), abort);
  readings.push(reading);
  return reading;
}

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
  requestId = await prisma.$transaction(async (tx) => {
    const { id } = await tx.request.create({ data: { type: "SIGN_CONTRACT", applicantId: applicant.id, nickname: `Stream ${uniqueSuffix()}` }, select: { id: true } });
    await tx.requestHistory.create({ data: { requestId: id, fromStatus: null, toStatus: "NEW", actorId: applicant.id, reason: "Request submitted" } });
    await transitionRequest(tx, { requestId: id, action: "assign", actor: "system", data: { managerId: manager.managerId! } });
    return id;
  });
  await settle();
});

/**
 * Waits until this process's hub has handed out every change committed so far (the world's
 * own), so that a stream opened next hears only what the test does: changes reach streams in
 * commit order, so once a later one (a notification of the stranger) has arrived, so have they.
 */
async function settle() {
  const hub = liveHub();
  await hub.listening();
  let arrived = false;
  const unsubscribe = hub.subscribe({ viewer: stranger, deliver: (event) => (arrived ||= event.type === "notifications") });
  await notify(prisma, { userId: stranger.id, message: "settle" });
  await expect.poll(() => arrived).toBe(true);
  unsubscribe();
}

afterEach(() => {
  for (const reading of readings.splice(0)) reading.close();
});

afterAll(async () => {
  await liveHub().stop();
  await prisma.$disconnect();
});

const managerWrites = (body: string, internal: boolean) => postComment({ requestId, author: { ...manager, name: manager.name }, body, internal });

describe("GET /api/live", () => {
  it("is an event stream that does not buffer, starting with its reconnection delay", async () => {
    const reading = await openStream(applicant);
    expect(reading.response.status).toBe(200);
    expect(reading.response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(reading.response.headers.get("cache-control")).toContain("no-transform");
    expect(reading.response.headers.get("x-accel-buffering")).toBe("no");
    await expect.poll(() => reading.text).toMatch(/^retry: \d+\n/);
    await expect.poll(() => reading.events).toEqual([{ event: "change", data: { type: "resync" } }]);
  });

  it("sends a guest to sign in", async () => {
    await actAs(null);
    expect(await answerOf(() => GET(new Request("http://localhost/api/live")))).toEqual({ kind: "redirect", to: "/login" });
  });

  it("tells each reader what they may know: nothing of an internal note to the applicant, nothing to strangers", async () => {
    const applicantStream = await openStream(applicant);
    const managerStream = await openStream(manager);
    const strangerStream = await openStream(stranger);
    const otherManagerStream = await openStream(otherManager);

    await managerWrites("Between us: the demo is weak", true);
    await managerWrites("Could you send another demo?", false);
    // Sentinels: changes the stranger and the other manager do hear of, after anything leaked.
    await notify(prisma, { userId: stranger.id, message: "sentinel" });
    await notify(prisma, { userId: otherManager.id, message: "sentinel" });

    // Every stream starts with a resync (re-render once: changes before it were never pushed).
    const change = (data: unknown) => ({ event: "change", data });
    const resync = change({ type: "resync" });
    await expect.poll(() => applicantStream.events).toEqual([resync, change({ type: "request", id: requestId }), change({ type: "notifications" })]);
    await expect.poll(() => managerStream.events).toEqual([resync, change({ type: "request", id: requestId }), change({ type: "request", id: requestId })]);
    await expect.poll(() => strangerStream.events).toEqual([resync, change({ type: "notifications" })]);
    await expect.poll(() => otherManagerStream.events).toEqual([resync, change({ type: "notifications" })]);
    // Ids only: not a word of either comment travels.
    for (const reading of [applicantStream, managerStream]) expect(reading.text).not.toMatch(/demo/);
  });

  it("stops at the first change after the reader's session ended, delivering nothing more", async () => {
    const applicantStream = await openStream(applicant);
    const sessionId = (await prisma.userSession.findFirstOrThrow({ where: { userId: applicant.id, endedAt: null }, select: { id: true } })).id;
    await managerWrites("Before signing out", false);
    await expect.poll(() => applicantStream.events.length).toBe(3);

    await endSession(sessionId);
    await managerWrites("After signing out", false);

    await expect.poll(() => applicantStream.ended, { message: "the stream to end" }).toBe(true);
    expect(applicantStream.events).toHaveLength(3);
  });

  it("ends at a heartbeat when the session ended meanwhile, with no change at all", async () => {
    const sessionId = (await actAs(applicant))!;
    const abort = new AbortController();
    const user = { ...applicant, sessionId };
    const reading = read(liveEventStream(user, abort.signal, { heartbeatMs: 100 }), abort);
    readings.push(reading);
    await expect.poll(() => reading.text).toContain(": heartbeat");
    expect(reading.ended).toBe(false);

    await endSession(sessionId);
    await expect.poll(() => reading.ended, { message: "the stream to end" }).toBe(true);
  });

  it("ends every stream when its hub stops (the web process shutting down), so the server can close", async () => {
    const hub = new LiveHub({ databaseUrl: env().DATABASE_URL, log: () => undefined });
    const abort = new AbortController();
    const reading = read(liveEventStream({ ...applicant, sessionId: (await actAs(applicant))! }, abort.signal, { hub }), abort);
    readings.push(reading);
    await expect.poll(() => reading.text).toContain("retry:");
    await hub.stop();
    await expect.poll(() => reading.ended, { message: "the stream to end" }).toBe(true);

    // A stream asked for while shutting down ends at once, without the resync that would make
    // the page re-render against a server about to go.
    const late = read(liveEventStream({ ...applicant, sessionId: (await actAs(applicant))! }, new AbortController().signal, { hub }), abort);
    readings.push(late);
    await expect.poll(() => late.ended).toBe(true);
    expect(late.text).toMatch(/^retry: \d+\n/);
    expect(late.events).toEqual([]);
  });

  it("forgets a stream once its reader leaves", async () => {
    const before = liveHub().subscriberCount;
    const reading = await openStream(applicant);
    expect(liveHub().subscriberCount).toBe(before + 1);
    reading.close();
    await expect.poll(() => liveHub().subscriberCount).toBe(before);
  });
});
