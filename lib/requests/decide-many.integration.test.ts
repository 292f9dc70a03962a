// Bulk decisions (docs/domain.md §9 "Bulk decisions") on the real PostgreSQL: each request is
// decided on its own through the state machine, with a result per request; a request that moved
// on, another manager's, a refused accept or an unexpected failure never stops the others.
// Also the queue's action: what the form is told when nothing is selected or the reason is missing.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { decideSelectedAction } from "@/app/(app)/manager/requests/actions";
import type { SessionUser } from "@/lib/auth/guards";
import { addUtcDays, startOfUtcDay, systemClock } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";
import type { BulkDecisionState } from "@/lib/requests/bulk-decision-outcome";
import { decideMany } from "@/lib/requests/decide-many";
import { gradePublishRequest } from "@/lib/requests/publish/grade-publish-request";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { BULK_DECISION_LIMIT, NOTHING_SELECTED } from "@/lib/requests/schemas";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { REQUEST_NOT_FOUND, transitionRequest } from "@/lib/requests/transition-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { actAs } from "@/tests/support/act-as";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

// The factories import act-as themselves: they run when the action module loads, before this
// file's own imports are ready.
vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("@/tests/support/act-as")).authedAs }));
vi.mock("next/cache", async () => (await import("@/tests/support/act-as")).nextCacheStub);

// One accept can be made to fail unexpectedly (as a lost connection would), to show the others go on.
const failure = vi.hoisted(() => ({ requestId: 0 }));
vi.mock("@/lib/requests/accept-request", async (original) => {
  const actual = await original<typeof import("@/lib/requests/accept-request")>();
  return {
    ...actual,
    acceptRequest: async (...args: Parameters<typeof actual.acceptRequest>) => {
      if (args[1] === failure.requestId) throw new Error("connection terminated unexpectedly (test)");
      return actual.acceptRequest(...args);
    },
  };
});

/** A sign request On approval with `manager`, as the worker leaves it (docs/domain.md §3.1 step 2). */
async function signRequestFor(manager: SessionUser, nickname = `Bulk ${uniqueSuffix()}`) {
  const applicant = await createUser(prisma);
  const request = await submitSignRequest(applicant, { nickname, message: null });
  await prisma.$transaction((tx) => transitionRequest(tx, { requestId: request.id, action: "assign", actor: "system", data: { managerId: manager.managerId! } }));
  return { id: request.id, applicant };
}

/** A graded publish request of an artist of `manager`, On approval (docs/domain.md §3.2 step 2). */
async function publishRequestFor(manager: SessionUser) {
  const artist = await createArtist(prisma, manager.managerId!);
  const release = await createReleaseFixture(prisma, artist.artistId!, { status: "UNPUBLISHED", tracks: [{ title: "Bulk track", genre: "Jazz" }] });
  const { id } = await submitPublishRequest(
    { userId: artist.id, artistId: artist.artistId! },
    { releaseId: release.id, expectedDate: addUtcDays(startOfUtcDay(systemClock.now()), 14) },
  );
  await prisma.$transaction((tx) => gradePublishRequest(tx, id));
  return { id, releaseId: release.id, applicant: artist };
}

const outcomeOf = (requestId: number) => prisma.request.findUniqueOrThrow({ where: { id: requestId }, select: { status: true, resolution: true, resolutionReason: true } });
const historyCount = (requestId: number) => prisma.requestHistory.count({ where: { requestId } });

function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) data.append(name, one);
  return data;
}

let manager: SessionUser;

beforeEach(async () => {
  await resetDatabase(prisma);
  failure.requestId = 0;
  manager = await createManager(prisma);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("decideMany", () => {
  it("accepts several requests at once, each with the side effects of a single accept", async () => {
    const first = await signRequestFor(manager, "Bulk First");
    const second = await signRequestFor(manager, "Bulk Second");
    const publish = await publishRequestFor(manager);

    const outcomes = await decideMany({ manager, decision: "accept", requestIds: [first.id, publish.id, second.id] });

    expect(outcomes).toEqual([
      { requestId: first.id, outcome: "accepted" },
      { requestId: publish.id, outcome: "accepted" },
      { requestId: second.id, outcome: "accepted" },
    ]);
    for (const { id } of [first, second, publish]) expect(await outcomeOf(id)).toMatchObject({ status: "CLOSED", resolution: "ACCEPTED" });
    const artists = await prisma.artist.findMany({ where: { userId: { in: [first.applicant.id, second.applicant.id] } }, orderBy: { nickname: "asc" } });
    expect(artists.map((artist) => [artist.nickname, artist.managerId])).toEqual([
      ["Bulk First", manager.managerId],
      ["Bulk Second", manager.managerId],
    ]);
    expect((await prisma.release.findUniqueOrThrow({ where: { id: publish.releaseId } })).status).toBe("SCHEDULED");
    const accepts = await prisma.requestHistory.findMany({ where: { toResolution: "ACCEPTED" } });
    expect(accepts.map((entry) => entry.actorId)).toEqual([manager.id, manager.id, manager.id]);
    expect(await prisma.notification.count({ where: { userId: { in: [first.applicant.id, second.applicant.id, publish.applicant.id] } } })).toBeGreaterThanOrEqual(3);
  });

  it("reports a request withdrawn meanwhile as not changed, and applies the others", async () => {
    const first = await signRequestFor(manager);
    const withdrawn = await signRequestFor(manager);
    const third = await signRequestFor(manager);
    await withdrawRequest(withdrawn.applicant, withdrawn.id);
    const entriesBefore = await historyCount(withdrawn.id);

    const outcomes = await decideMany({ manager, decision: "accept", requestIds: [first.id, withdrawn.id, third.id] });

    expect(outcomes).toEqual([
      { requestId: first.id, outcome: "accepted" },
      { requestId: withdrawn.id, outcome: "not-changed", reason: "This request has already moved on (it is Closed); reload to see its current state." },
      { requestId: third.id, outcome: "accepted" },
    ]);
    expect(await outcomeOf(withdrawn.id)).toMatchObject({ status: "CLOSED", resolution: "WITHDRAWN" });
    expect(await historyCount(withdrawn.id)).toBe(entriesBefore);
    expect(await prisma.artist.count({ where: { userId: withdrawn.applicant.id } })).toBe(0);
    expect(await outcomeOf(third.id)).toMatchObject({ resolution: "ACCEPTED" });
  });

  it("answers another manager's request, and one that does not exist, as not found, without touching them", async () => {
    const otherManager = await createManager(prisma);
    const mine = await signRequestFor(manager);
    const theirs = await signRequestFor(otherManager);
    const missing = theirs.id + 1000;

    const outcomes = await decideMany({ manager, decision: "decline", reason: "Not for us", requestIds: [theirs.id, missing, mine.id] });

    expect(outcomes).toEqual([
      { requestId: theirs.id, outcome: "not-changed", reason: REQUEST_NOT_FOUND },
      { requestId: missing, outcome: "not-changed", reason: REQUEST_NOT_FOUND },
      { requestId: mine.id, outcome: "declined" },
    ]);
    expect(await outcomeOf(theirs.id)).toMatchObject({ status: "ON_APPROVAL", resolution: null });
    expect(await outcomeOf(mine.id)).toEqual({ status: "CLOSED", resolution: "DECLINED", resolutionReason: "Not for us" });
  });

  it("declines each with the one reason, which each applicant reads", async () => {
    const sign = await signRequestFor(manager);
    const publish = await publishRequestFor(manager);
    const gradeBefore = (await prisma.request.findUniqueOrThrow({ where: { id: publish.id } })).grade;

    await decideMany({ manager, decision: "decline", reason: "The roster is full this season", requestIds: [sign.id, publish.id] });

    for (const { id, applicant } of [sign, publish]) {
      expect(await outcomeOf(id)).toEqual({ status: "CLOSED", resolution: "DECLINED", resolutionReason: "The roster is full this season" });
      const notification = await prisma.notification.findFirstOrThrow({ where: { userId: applicant.id, requestId: id }, orderBy: { id: "desc" } });
      expect(notification.message).toMatch(/declined: The roster is full this season$/);
    }
    expect((await prisma.request.findUniqueOrThrow({ where: { id: publish.id } })).grade).toBe(gradeBefore);
  });

  it("decides a request named twice once", async () => {
    const first = await signRequestFor(manager);
    const second = await signRequestFor(manager);
    const outcomes = await decideMany({ manager, decision: "accept", requestIds: [first.id, second.id, first.id, first.id] });
    expect(outcomes).toEqual([
      { requestId: first.id, outcome: "accepted" },
      { requestId: second.id, outcome: "accepted" },
    ]);
    expect(await prisma.requestHistory.count({ where: { requestId: first.id, toResolution: "ACCEPTED" } })).toBe(1);
  });

  it("keeps going past an accept the rules refuse (the nickname was taken meanwhile)", async () => {
    const taken = await signRequestFor(manager, "Taken Meanwhile");
    const other = await signRequestFor(manager);
    await createArtist(prisma, manager.managerId!, "TAKEN MEANWHILE");

    const outcomes = await decideMany({ manager, decision: "accept", requestIds: [taken.id, other.id] });

    expect(outcomes[0]).toMatchObject({ requestId: taken.id, outcome: "not-changed", reason: expect.stringContaining("now belongs to another artist") });
    expect(outcomes[1]).toEqual({ requestId: other.id, outcome: "accepted" });
    expect(await outcomeOf(taken.id)).toMatchObject({ status: "ON_APPROVAL" });
  });

  it("turns an unexpected failure into a reference, logs it, and decides the others", async () => {
    const failing = await signRequestFor(manager);
    const other = await signRequestFor(manager);
    failure.requestId = failing.id;
    const logged = vi.spyOn(logger, "error").mockImplementation(() => undefined);
    try {
      const outcomes = await decideMany({ manager, decision: "accept", requestIds: [failing.id, other.id] });
      const reason = (outcomes[0] as { reason: string }).reason;
      const reference = /reference ([0-9A-F]{8})\.$/.exec(reason)?.[1];
      expect(reference, reason).toBeDefined();
      expect(reason).not.toContain("connection terminated");
      expect(logged).toHaveBeenCalledWith(
        expect.objectContaining({ reference, userId: manager.id, requestId: failing.id, err: expect.objectContaining({ message: "connection terminated unexpectedly (test)" }) }),
        expect.stringContaining(reference!),
      );
      expect(outcomes[1]).toEqual({ requestId: other.id, outcome: "accepted" });
      expect(await outcomeOf(failing.id)).toMatchObject({ status: "ON_APPROVAL" });
    } finally {
      logged.mockRestore();
    }
  });

  it("refuses more requests than the limit at once, and an empty selection, deciding none", async () => {
    const request = await signRequestFor(manager);
    const tooMany = [request.id, ...Array.from({ length: BULK_DECISION_LIMIT }, (_, index) => request.id + 1 + index)];
    await expect(decideMany({ manager, decision: "accept", requestIds: tooMany })).rejects.toThrow(
      new DomainError(`Select at most ${BULK_DECISION_LIMIT} requests at once`),
    );
    await expect(decideMany({ manager, decision: "accept", requestIds: [] })).rejects.toThrow(new DomainError(NOTHING_SELECTED));
    expect(await outcomeOf(request.id)).toMatchObject({ status: "ON_APPROVAL" });
  });
});

describe("the queue's bulk action", () => {
  it("answers with a result per request", async () => {
    const first = await signRequestFor(manager);
    const withdrawn = await signRequestFor(manager);
    await withdrawRequest(withdrawn.applicant, withdrawn.id);
    await actAs(manager);

    const state = (await decideSelectedAction({}, form({ decision: "accept", requestId: [String(first.id), String(withdrawn.id)], reason: "" }))) as BulkDecisionState;

    expect(state).toMatchObject({ ok: true, message: "1 accepted, 1 not changed." });
    expect(state.outcomes?.map((outcome) => [outcome.requestId, outcome.outcome])).toEqual([
      [first.id, "accepted"],
      [withdrawn.id, "not-changed"],
    ]);
  });

  it("asks to select at least one request when none is ticked", async () => {
    await actAs(manager);
    const state = await decideSelectedAction({}, form({ decision: "accept", reason: "" }));
    expect(state.fieldErrors?.requestIds).toEqual([NOTHING_SELECTED]);
  });

  it("requires a reason to decline, as a single decline does, and changes nothing without one", async () => {
    const request = await signRequestFor(manager);
    await actAs(manager);
    const state = await decideSelectedAction({}, form({ decision: "decline", requestId: String(request.id), reason: "   " }));
    expect(state.fieldErrors?.reason).toEqual(["Give a reason for declining"]);
    expect(await outcomeOf(request.id)).toMatchObject({ status: "ON_APPROVAL" });
  });

  it("answers a value that is no id as a request not found, deciding none of the others", async () => {
    const request = await signRequestFor(manager);
    await actAs(manager);
    const state = await decideSelectedAction({}, form({ decision: "accept", requestId: [String(request.id), "12abc"] }));
    expect(state.fieldErrors?.requestIds).toEqual([REQUEST_NOT_FOUND]);
    expect(await outcomeOf(request.id)).toMatchObject({ status: "ON_APPROVAL" });
  });
});
