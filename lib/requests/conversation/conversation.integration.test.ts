// The conversation on a request (docs/domain.md §9 "Conversation") on the real PostgreSQL:
// who may post, who is told, what each person's page is given, and read-only once closed —
// through the domain service, the request page's query and the server action.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { postCommentAction } from "@/app/(app)/requests/[id]/conversation-actions";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { DomainError, ForbiddenError, NotFoundError } from "@/lib/errors";
import { CONVERSATION_CLOSED } from "@/lib/requests/conversation/conversation-rules";
import { postComment } from "@/lib/requests/conversation/post-comment";
import { getRequestForViewer } from "@/lib/requests/queries";
import { transitionRequest } from "@/lib/requests/transition-request";
import { withdrawRequest } from "@/lib/requests/withdraw-request";
import { actAs, answerOf } from "@/tests/support/act-as";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { uniqueSuffix } from "@/tests/support/unique-suffix";

// The factories import act-as themselves: they run when the action module loads, before this
// file's own imports are ready.
vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("@/tests/support/act-as")).authedAs }));
vi.mock("next/cache", async () => (await import("@/tests/support/act-as")).nextCacheStub);

type World = { applicant: SessionUser; manager: SessionUser; otherManager: SessionUser; stranger: SessionUser; admin: SessionUser; requestId: number };

/** A sign request as the applicant submits it; with `manager`, as the worker then gave it to them (On approval). */
async function signRequest(applicant: SessionUser, manager: SessionUser | null): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const { id } = await tx.request.create({ data: { type: "SIGN_CONTRACT", applicantId: applicant.id, nickname: `Talker ${uniqueSuffix()}` }, select: { id: true } });
    await tx.requestHistory.create({ data: { requestId: id, fromStatus: null, toStatus: "NEW", actorId: applicant.id, reason: "Request submitted" } });
    if (manager) await transitionRequest(tx, { requestId: id, action: "assign", actor: "system", data: { managerId: manager.managerId! } });
    return id;
  });
}

async function buildWorld(): Promise<World> {
  const applicant = await createUser(prisma, "USER", "Ada Applicant");
  const manager = await createManager(prisma, "Mona Manager");
  return {
    applicant,
    manager,
    otherManager: await createManager(prisma, "Otto Other"),
    stranger: await createUser(prisma, "USER", "Sam Stranger"),
    admin: await createUser(prisma, "ADMIN", "Abe Admin"),
    requestId: await signRequest(applicant, manager),
  };
}

const notificationsOf = (userId: number) => prisma.notification.findMany({ where: { userId }, orderBy: { id: "asc" }, select: { message: true, requestId: true } });

/** The comments in a person's History of the request, as the page is given them. */
async function timelineComments(viewer: SessionUser, requestId: number) {
  const { request } = await getRequestForViewer(viewer, requestId);
  return request.timeline.filter((entry) => entry.kind === "comment").map((entry) => ({ body: entry.body, internal: entry.internal, author: entry.author.name }));
}

let world: World;

beforeEach(async () => {
  await resetDatabase(prisma);
  world = await buildWorld();
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("posting comments", () => {
  it("the applicant's comment is in both parties' History and notifies the assigned manager", async () => {
    const { applicant, manager, requestId } = world;
    await postComment({ requestId, author: applicant, body: "Is a demo tape enough?", internal: false });

    expect(await timelineComments(applicant, requestId)).toEqual([{ body: "Is a demo tape enough?", internal: false, author: "Ada Applicant" }]);
    expect(await timelineComments(manager, requestId)).toEqual([{ body: "Is a demo tape enough?", internal: false, author: "Ada Applicant" }]);
    expect(await notificationsOf(manager.id)).toEqual([{ requestId, message: `Ada Applicant commented on request #${requestId}: Is a demo tape enough?` }]);
    expect(await notificationsOf(applicant.id)).toEqual([]);
  });

  it("the manager's answer notifies the applicant; the History holds both, oldest first, after the status changes", async () => {
    const { applicant, manager, requestId } = world;
    await postComment({ requestId, author: applicant, body: "First question", internal: false });
    await postComment({ requestId, author: manager, body: "First answer", internal: false });

    expect(await notificationsOf(applicant.id)).toEqual([{ requestId, message: `Mona Manager commented on request #${requestId}: First answer` }]);
    const { request } = await getRequestForViewer(applicant, requestId);
    expect(request.timeline.map((entry) => (entry.kind === "status" ? entry.toStatus : entry.body))).toEqual(["NEW", "ON_APPROVAL", "First question", "First answer"]);
    expect(request.timeline.filter((entry) => entry.kind === "comment").map((entry) => entry.kind === "comment" && entry.byApplicant)).toEqual([true, false]);
  });

  it("the applicant may comment before a manager is assigned; nobody is told yet", async () => {
    const waiting = await signRequest(world.stranger, null);
    await postComment({ requestId: waiting, author: world.stranger, body: "Hello?", internal: false });
    expect(await prisma.requestComment.count({ where: { requestId: waiting } })).toBe(1);
    expect(await prisma.notification.count()).toBe(0);
  });

  it("refuses anyone who may not see the request as if it did not exist, writing nothing", async () => {
    for (const person of [world.otherManager, world.stranger]) {
      for (const internal of [false, true]) {
        await expect(postComment({ requestId: world.requestId, author: person, body: "Let me in", internal })).rejects.toBeInstanceOf(NotFoundError);
      }
    }
    // The admin reads every request (docs/domain.md §10) but is no party to its conversation.
    for (const internal of [false, true]) {
      await expect(postComment({ requestId: world.requestId, author: world.admin, body: "A word from the label", internal })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(postComment({ requestId: 2_147_483_647, author: world.applicant, body: "Nothing here", internal: false })).rejects.toBeInstanceOf(NotFoundError);
    expect(await prisma.requestComment.count()).toBe(0);
    expect(await prisma.notification.count()).toBe(0);
  });

  it("refuses an internal note from the applicant", async () => {
    await expect(postComment({ requestId: world.requestId, author: world.applicant, body: "Psst", internal: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await prisma.requestComment.count()).toBe(0);
  });

  it("a closed request's conversation can be read but not added to", async () => {
    const { applicant, manager, requestId } = world;
    await postComment({ requestId, author: manager, body: "Before the end", internal: false });
    await withdrawRequest(applicant, requestId);
    const notificationsBefore = await prisma.notification.count();

    for (const [author, internal] of [[applicant, false], [manager, false], [manager, true]] as const) {
      const refusal = postComment({ requestId, author, body: "Too late", internal });
      await expect(refusal).rejects.toBeInstanceOf(DomainError);
      await expect(refusal).rejects.toThrow(CONVERSATION_CLOSED);
    }
    expect(await prisma.requestComment.count()).toBe(1);
    expect(await prisma.notification.count()).toBe(notificationsBefore);
    expect(await timelineComments(applicant, requestId)).toEqual([{ body: "Before the end", internal: false, author: "Mona Manager" }]);
    expect((await getRequestForViewer(applicant, requestId)).conversation).toEqual({ mayComment: false, mayWriteInternalNote: false, readOnly: true });
  });

  it("a comment racing the request's closing waits for it and is then refused", async () => {
    const { applicant, manager, requestId } = world;
    let comment: Promise<unknown> | undefined;
    await prisma.$transaction(async (tx) => {
      await transitionRequest(tx, { requestId, action: "withdraw", actor: applicant, reason: "Withdrawn by the applicant" });
      // The withdrawal holds the request's row; the comment, on another connection, must wait for it.
      comment = postComment({ requestId, author: manager, body: "Racing the close", internal: false });
      comment.catch(() => undefined);
      await expect
        .poll(async () => {
          const [row] = await prisma.$queryRaw<{ waiting: bigint }[]>`
            SELECT count(*) AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR SHARE OF r%'`;
          return Number(row!.waiting);
        })
        .toBe(1);
    });
    await expect(comment).rejects.toThrow(CONVERSATION_CLOSED);
    expect(await prisma.requestComment.count()).toBe(0);
  });
});

describe("internal notes", () => {
  it("are seen by the assigned manager only: the applicant's page is never given one, and nobody is notified", async () => {
    const { applicant, manager, requestId } = world;
    await postComment({ requestId, author: applicant, body: "Any news?", internal: false });
    const notificationsBefore = await prisma.notification.findMany({ select: { id: true } });
    await postComment({ requestId, author: manager, body: "Secret: label budget is tight", internal: true });

    expect(await prisma.notification.findMany({ select: { id: true } })).toEqual(notificationsBefore);
    expect(await timelineComments(manager, requestId)).toEqual([
      { body: "Any news?", internal: false, author: "Ada Applicant" },
      { body: "Secret: label budget is tight", internal: true, author: "Mona Manager" },
    ]);
    const forApplicant = await getRequestForViewer(applicant, requestId);
    expect(forApplicant.request.timeline.filter((entry) => entry.kind === "comment").map((entry) => entry.kind === "comment" && entry.body)).toEqual(["Any news?"]);
    // Nothing of the note anywhere in what the applicant's page is given.
    expect(JSON.stringify(forApplicant)).not.toContain("Secret");
    const applicantNotifications = await notificationsOf(applicant.id);
    expect(JSON.stringify(applicantNotifications)).not.toContain("Secret");
  });

  it("the page offers the checkbox to the assigned manager only", async () => {
    expect((await getRequestForViewer(world.manager, world.requestId)).conversation).toEqual({ mayComment: true, mayWriteInternalNote: true, readOnly: false });
    expect((await getRequestForViewer(world.applicant, world.requestId)).conversation).toEqual({ mayComment: true, mayWriteInternalNote: false, readOnly: false });
  });
});

describe("the Post comment action", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [name, value] of Object.entries(fields)) data.append(name, value);
    return data;
  };

  it("posts the trimmed comment, and says so", async () => {
    await actAs(world.applicant);
    const answer = await answerOf(() => postCommentAction({}, form({ requestId: String(world.requestId), body: "  Spaces around  \n" })));
    expect(answer).toEqual({ kind: "state", state: { ok: true, message: "Comment posted." } });
    expect(await prisma.requestComment.findMany({ select: { body: true, internal: true, authorId: true } })).toEqual([
      { body: "Spaces around", internal: false, authorId: world.applicant.id },
    ]);
  });

  it("posts the assigned manager's internal note when the box is ticked", async () => {
    await actAs(world.manager);
    const answer = await answerOf(() => postCommentAction({}, form({ requestId: String(world.requestId), body: "Note to self", internal: "on" })));
    expect(answer).toEqual({ kind: "state", state: { ok: true, message: "Internal note posted." } });
    expect(await prisma.requestComment.findMany({ select: { body: true, internal: true } })).toEqual([{ body: "Note to self", internal: true }]);
  });

  it("answers a blank or oversized comment, an applicant's internal note and a closed request with messages, keeping the text", async () => {
    await actAs(world.applicant);
    const requestId = String(world.requestId);
    expect(await answerOf(() => postCommentAction({}, form({ requestId, body: " \n " })))).toMatchObject({ state: { fieldErrors: { body: ["Write a comment"] } } });
    expect(await answerOf(() => postCommentAction({}, form({ requestId, body: "x".repeat(4001) })))).toMatchObject({
      state: { fieldErrors: { body: ["Comment must be at most 4000 characters"] } },
    });
    expect(await answerOf(() => postCommentAction({}, form({ requestId, body: "y".repeat(4000) })))).toMatchObject({ state: { ok: true } });
    expect(await answerOf(() => postCommentAction({}, form({ requestId, body: "Psst", internal: "on" })))).toEqual({
      kind: "state",
      state: { formError: "You are not allowed to do this", values: { body: "Psst", internal: true } },
    });
    await withdrawRequest(world.applicant, world.requestId);
    expect(await answerOf(() => postCommentAction({}, form({ requestId, body: "After the end" })))).toEqual({
      kind: "state",
      state: { formError: CONVERSATION_CLOSED, values: { body: "After the end", internal: false } },
    });
    expect(await prisma.requestComment.count()).toBe(1);
  });
});

describe("the comment table", () => {
  it("keeps every comment as written: no blank body, no change, no deletion (like the history)", async () => {
    const { id } = await postComment({ requestId: world.requestId, author: world.applicant, body: "Written once", internal: false });
    await expect(prisma.requestComment.create({ data: { requestId: world.requestId, authorId: world.applicant.id, body: "   " } })).rejects.toThrow(/RequestComment_body_check/);
    await expect(prisma.requestComment.update({ where: { id }, data: { body: "Rewritten" } })).rejects.toThrow(/append-only/);
    await expect(prisma.requestComment.delete({ where: { id } })).rejects.toThrow(/append-only/);
    expect(await prisma.requestComment.findMany({ select: { body: true } })).toEqual([{ body: "Written once" }]);
  });
});
