// The admin's view of every request and the reassignment of an open sign request (docs/domain.md
// §10 "All requests") on the real PostgreSQL: the manager changes only while the request is still
// as the admin saw it, in one transaction with its history entry and the notifications of both
// managers and the applicant; a request waiting for a manager is assigned instead; every refusal
// and every race lost writes nothing.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { acceptRequest } from "@/lib/requests/accept-request";
import { postComment } from "@/lib/requests/conversation/post-comment";
import { declineRequest } from "@/lib/requests/decline-request";
import { listAllRequests, listManagerQueue, getRequestForViewer } from "@/lib/requests/queries";
import { MANAGER_UNAVAILABLE, NOT_REASSIGNABLE, REQUEST_CHANGED_MEANWHILE, SAME_MANAGER } from "@/lib/requests/reassignment-rule";
import { reassignmentOffer, reassignRequest, REQUEST_CLOSED_MEANWHILE, type ReassignInput } from "@/lib/requests/reassign-request";
import { requestChanges } from "@/lib/requests/request-changes";
import { requestedChanges } from "@/lib/requests/requested-changes";
import { assignSignRequest } from "@/lib/requests/sign/assign-sign-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { transitionRequest } from "@/lib/requests/transition-request";
import { createArtist, createManager, createUser } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { resetDatabase } from "@/tests/support/reset-database";
import { changedTables, snapshotTables } from "@/tests/support/table-snapshot";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { addUtcDays, startOfUtcDay, systemClock } from "@/lib/clock";

const REASON = "Mia is on leave until spring";

let admin: SessionUser;
let first: SessionUser;
let second: SessionUser;
let third: SessionUser;

/** A sign request On approval with `manager`, as the worker leaves it (docs/domain.md §3.1 step 2). */
async function signRequestWith(manager: SessionUser | null) {
  const applicant = await createUser(prisma);
  const { id } = await submitSignRequest(applicant, { nickname: `Reassigned ${uniqueSuffix()}`, message: null });
  if (manager) await prisma.$transaction((tx) => transitionRequest(tx, { requestId: id, action: "assign", actor: "system", data: { managerId: manager.managerId! } }));
  return { applicant, requestId: id };
}

const requestOf = (id: number) => prisma.request.findUniqueOrThrow({ where: { id } });
const historyOf = (requestId: number) =>
  prisma.requestHistory.findMany({
    where: { requestId },
    orderBy: [{ at: "asc" }, { id: "asc" }],
    select: { fromStatus: true, toStatus: true, actorId: true, reason: true, fromManagerId: true, toManagerId: true },
  });
const notificationsOf = (userId: number, requestId: number) =>
  prisma.notification.findMany({ where: { userId, requestId }, orderBy: { id: "asc" }, select: { message: true } }).then((rows) => rows.map((row) => row.message));

const input = (requestId: number, to: SessionUser, seen: SessionUser | null, reason = REASON): ReassignInput => ({
  requestId,
  managerId: to.managerId!,
  currentManagerId: seen?.managerId ?? null,
  reason,
});

/** The call is refused as `expected` says, and nothing anywhere changed. */
async function expectRefusedWritingNothing(call: () => Promise<unknown>, expected: { type: new (...args: never[]) => Error; message?: string; field?: string }) {
  const before = await snapshotTables(prisma);
  const error = await call().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(expected.type);
  if (expected.message) expect((error as Error).message).toBe(expected.message);
  if (expected.field) expect((error as DomainError).field).toBe(expected.field);
  expect(changedTables(before, await snapshotTables(prisma))).toEqual([]);
}

beforeEach(async () => {
  await resetDatabase(prisma);
  admin = await createUser(prisma, "ADMIN", "Label Admin");
  first = await createManager(prisma, "Mia First");
  second = await createManager(prisma, "Noor Second");
  third = await createManager(prisma, "Otto Third");
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("reassigning an open sign request", () => {
  it("moves it to the chosen manager with the reason in its history, and tells both managers and the applicant", async () => {
    const { applicant, requestId } = await signRequestWith(first);

    await expect(reassignRequest(admin, input(requestId, second, first))).resolves.toEqual({ requestId, managerName: second.name, assigned: false });

    expect(await requestOf(requestId)).toMatchObject({ status: "ON_APPROVAL", managerId: second.managerId, resolution: null });
    expect((await historyOf(requestId)).at(-1)).toEqual({
      fromStatus: "ON_APPROVAL",
      toStatus: "ON_APPROVAL",
      actorId: admin.id,
      reason: REASON,
      fromManagerId: first.managerId,
      toManagerId: second.managerId,
    });
    expect(await notificationsOf(first.id, requestId)).toEqual([expect.stringMatching(new RegExp(`^The label reassigned request #${requestId} .* to ${second.name}: ${REASON}$`))]);
    expect(await notificationsOf(second.id, requestId)).toEqual([expect.stringMatching(new RegExp(`^The label reassigned request #${requestId} .* to you: ${REASON}$`))]);
    expect(await notificationsOf(applicant.id, requestId)).toContain(`Your request to join the label is now with ${second.name}.`);

    // The new manager decides it; the former one no longer sees it, in their queue or at all.
    expect((await listManagerQueue(second)).requests.map((request) => request.id)).toEqual([requestId]);
    expect((await listManagerQueue(first)).requests).toEqual([]);
    await expect(acceptRequest(first, requestId)).rejects.toBeInstanceOf(NotFoundError);
    await acceptRequest(second, requestId);
    expect(await requestOf(requestId)).toMatchObject({ status: "CLOSED", resolution: "ACCEPTED" });
  });

  it("shows the move in the applicant's History, and keeps what the manager asked for while changes are requested", async () => {
    const { applicant, requestId } = await signRequestWith(first);
    await requestChanges(first, requestId, "Another nickname, please");

    await reassignRequest(admin, input(requestId, second, first));

    const { request } = await getRequestForViewer(applicant, requestId);
    expect(request.status).toBe("CHANGES_REQUESTED");
    const moves = request.timeline.filter((entry) => entry.kind === "status" && entry.toManager);
    expect(moves.at(-1)).toMatchObject({ reason: REASON, fromManager: { user: { name: first.name } }, toManager: { user: { name: second.name } }, actor: { name: admin.name } });
    expect(requestedChanges(request)?.reason).toBe("Another nickname, please");
  });

  it("assigns a request still waiting for a manager, on the admin's behalf; the worker's later attempt then leaves it", async () => {
    const { applicant, requestId } = await signRequestWith(null);

    await expect(reassignRequest(admin, input(requestId, second, null))).resolves.toMatchObject({ assigned: true, managerName: second.name });

    expect(await requestOf(requestId)).toMatchObject({ status: "ON_APPROVAL", managerId: second.managerId });
    expect((await historyOf(requestId)).at(-1)).toEqual({
      fromStatus: "NEW",
      toStatus: "ON_APPROVAL",
      actorId: admin.id,
      reason: REASON,
      fromManagerId: null,
      toManagerId: second.managerId,
    });
    expect(await notificationsOf(applicant.id, requestId)).toEqual([`Your request to join the label is now with ${second.name} for approval.`]);
    expect(await notificationsOf(second.id, requestId)).toHaveLength(1);
    expect(await prisma.$transaction((tx) => assignSignRequest(tx, requestId, 0))).toBe("skipped");
    expect((await requestOf(requestId)).managerId).toBe(second.managerId);
  });

  it("is the admin's alone", async () => {
    const { applicant, requestId } = await signRequestWith(first);
    for (const caller of [first, second, applicant, await createArtist(prisma, first.managerId!)]) {
      await expectRefusedWritingNothing(() => reassignRequest(caller, input(requestId, second, first)), { type: ForbiddenError });
    }
  });

  it("refuses a closed request, a publish request and a request that does not exist", async () => {
    const { requestId } = await signRequestWith(first);
    await declineRequest(first, requestId, "Not this time");
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, second, first)), { type: ConflictError, message: REQUEST_CLOSED_MEANWHILE });

    const artist = await createArtist(prisma, first.managerId!);
    const release = await createReleaseFixture(prisma, artist.artistId!, { status: "UNPUBLISHED", tracks: [{ title: "One", genre: "pop" }] });
    const publish = await submitPublishRequest({ userId: artist.id, artistId: artist.artistId! }, { releaseId: release.id, expectedDate: addUtcDays(startOfUtcDay(systemClock.now()), 20) });
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(publish.id, second, first)), { type: DomainError, message: NOT_REASSIGNABLE });

    await expectRefusedWritingNothing(() => reassignRequest(admin, input(2_147_483_647, second, first)), { type: NotFoundError });
  });

  it("refuses the manager who has it already, a disabled manager and one who is no longer a manager", async () => {
    const { requestId } = await signRequestWith(first);
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, first, first)), { type: DomainError, message: SAME_MANAGER, field: "managerId" });

    await prisma.user.update({ where: { id: second.id }, data: { disabledAt: new Date() } });
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, second, first)), { type: DomainError, message: MANAGER_UNAVAILABLE, field: "managerId" });

    await prisma.user.update({ where: { id: third.id }, data: { role: "USER" } });
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, third, first)), { type: DomainError, message: MANAGER_UNAVAILABLE, field: "managerId" });

    await expectRefusedWritingNothing(() => reassignRequest(admin, { ...input(requestId, third, first), managerId: 2_147_483_647 }), {
      type: DomainError,
      message: MANAGER_UNAVAILABLE,
    });
  });

  it("refuses when the request is no longer with the manager the admin saw", async () => {
    const { requestId } = await signRequestWith(first);
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, third, second)), { type: ConflictError, message: REQUEST_CHANGED_MEANWHILE });
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, third, null)), { type: ConflictError, message: REQUEST_CHANGED_MEANWHILE });
  });

  it("lets one of two admins reassigning at once win; the other is told the request changed meanwhile", async () => {
    const otherAdmin = await createUser(prisma, "ADMIN", "Second Admin");
    const { requestId } = await signRequestWith(first);

    const results = await Promise.allSettled([reassignRequest(admin, input(requestId, second, first)), reassignRequest(otherAdmin, input(requestId, third, first))]);

    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect((lost[0]!.reason as Error).message).toBe(REQUEST_CHANGED_MEANWHILE);
    const winner = results[0]!.status === "fulfilled" ? second : third;
    expect((await requestOf(requestId)).managerId).toBe(winner.managerId);
    expect((await historyOf(requestId)).filter((entry) => entry.toManagerId !== null && entry.fromManagerId !== null)).toHaveLength(1);
  });

  it("decides a race with the manager's decision once: either it is decided by them, or reassigned and theirs is refused", async () => {
    for (let round = 0; round < 4; round += 1) {
      const { requestId } = await signRequestWith(first);
      const [reassigned, accepted] = await Promise.allSettled([reassignRequest(admin, input(requestId, second, first)), acceptRequest(first, requestId)]);
      const request = await requestOf(requestId);
      expect([reassigned.status, accepted.status].sort()).toEqual(["fulfilled", "rejected"]);
      if (accepted.status === "fulfilled") {
        expect(request).toMatchObject({ status: "CLOSED", resolution: "ACCEPTED", managerId: first.managerId });
        expect((reassigned as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      } else {
        expect(request).toMatchObject({ status: "ON_APPROVAL", managerId: second.managerId });
        expect((accepted as PromiseRejectedResult).reason).toBeInstanceOf(DomainError);
      }
    }
  });

  it("refuses the former manager's decision that read the request just before its reassignment committed", async () => {
    const { requestId } = await signRequestWith(first);
    // The reassignment's transaction holds the request's row while the decision reads it (still
    // theirs) and then waits on the row; the reassignment commits first.
    let letGo!: () => void;
    const go = new Promise<void>((resolve) => (letGo = resolve));
    const reassigning = prisma.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "Request" WHERE "id" = ${requestId} FOR UPDATE`;
        await go;
        await tx.request.update({ where: { id: requestId }, data: { managerId: second.managerId } });
      },
      { timeout: 20_000 },
    );
    const deciding = acceptRequest(first, requestId).then(
      () => null,
      (error: unknown) => error,
    );
    const waiting = async () =>
      (
        await prisma.$queryRaw<{ waiting: bigint }[]>`
          SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
      )[0]!.waiting;
    await expect.poll(waiting, { message: "the decision waits on the request's row" }).toBeGreaterThan(0n);
    letGo();
    await reassigning;

    const error = await deciding;
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(REQUEST_CHANGED_MEANWHILE);
    expect(await requestOf(requestId)).toMatchObject({ status: "ON_APPROVAL", resolution: null, managerId: second.managerId });
  });

  it("writes nothing at all when a step fails after the manager changed (one transaction)", async () => {
    const { requestId } = await signRequestWith(first);
    // A reason longer than the history column holds (the form's schema keeps such a reason out):
    // the history entry fails after the request's update.
    await expectRefusedWritingNothing(() => reassignRequest(admin, input(requestId, second, first, "x".repeat(2001))), { type: Error });
    expect((await requestOf(requestId)).managerId).toBe(first.managerId);
  });
});

describe("the admin reading requests", () => {
  it("opens any request with its internal notes, without a decision or comment of theirs, and with the reassignment offer", async () => {
    const { requestId } = await signRequestWith(first);
    await postComment({ requestId, author: first, body: "Internal: sounds promising", internal: true });

    const view = await getRequestForViewer(admin, requestId);
    expect(view).toMatchObject({ isAdmin: true, isApplicant: false, isAssignedManager: false, actions: [], conversation: { mayComment: false, mayWriteInternalNote: false } });
    expect(view.request.timeline.some((entry) => entry.kind === "comment" && entry.internal && entry.body === "Internal: sounds promising")).toBe(true);
    await expect(postComment({ requestId, author: admin, body: "The admin's word", internal: false })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(acceptRequest(admin, requestId)).rejects.toBeInstanceOf(ForbiddenError);

    const offer = await reassignmentOffer(admin, await requestOf(requestId));
    expect(offer?.currentManagerId).toBe(first.managerId);
    expect(offer?.choices.map((choice) => choice.name)).toEqual([second.name, third.name]);
    expect(await reassignmentOffer(first, await requestOf(requestId))).toBeNull();
  });

  it("lists every request with the queue's filters and the manager's, to the admin only", async () => {
    const withFirst = await signRequestWith(first);
    const withSecond = await signRequestWith(second);
    const waiting = await signRequestWith(null);
    await declineRequest(second, withSecond.requestId, "No");

    const ids = async (filters: Parameters<typeof listAllRequests>[1]) => (await listAllRequests(admin, filters)).requests.map((request) => request.id).sort();
    expect(await ids({ status: "all" })).toEqual([withFirst.requestId, withSecond.requestId, waiting.requestId].sort());
    expect(await ids({ status: "open" })).toEqual([withFirst.requestId, waiting.requestId].sort());
    expect(await ids({ status: "all", manager: second.managerId! })).toEqual([withSecond.requestId]);
    expect(await ids({ status: "all", manager: "none" })).toEqual([waiting.requestId]);
    expect(await ids({ status: "all", manager: third.managerId! })).toEqual([]);
    const [row] = (await listAllRequests(admin, { status: "all", manager: first.managerId! })).requests;
    expect(row?.manager?.user.name).toBe(first.name);

    await expect(listAllRequests(first, {})).rejects.toBeInstanceOf(NotFoundError);
  });
});
