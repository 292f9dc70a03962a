// The authorization matrix for server actions (access-table.ts `actionRows`): each action is
// called in-process as each role, with input that is valid for the row's fixture, against the
// real database. A refused call must leave every table exactly as it was; an "ok" call must
// have made its change, after which the next role starts from an empty database and a fresh world.
import { encode } from "next-auth/jwt";
import { afterAll, describe, expect, it, vi } from "vitest";
import * as accountActions from "@/app/(app)/account/actions";
import * as adminActions from "@/app/(app)/admin/actions";
import * as failedEventActions from "@/app/(app)/admin/failed-events/actions";
import * as reassignActions from "@/app/(app)/admin/requests/actions";
import * as moveArtistActions from "@/app/(app)/admin/users/[id]/move/actions";
import * as reportActions from "@/app/(app)/manager/report/actions";
import * as queueActions from "@/app/(app)/manager/requests/actions";
import * as notificationActions from "@/app/(app)/notifications/actions";
import * as deleteReleaseActions from "@/app/(app)/releases/[id]/actions";
import * as editReleaseActions from "@/app/(app)/releases/[id]/edit/actions";
import * as newReleaseActions from "@/app/(app)/releases/new/actions";
import * as decisionActions from "@/app/(app)/requests/[id]/actions";
import * as amendActions from "@/app/(app)/requests/[id]/amend/actions";
import * as conversationActions from "@/app/(app)/requests/[id]/conversation-actions";
import * as publishActions from "@/app/(app)/requests/new/publish/actions";
import * as signContractActions from "@/app/(app)/requests/new/sign-contract/actions";
import * as loginActions from "@/app/(public)/login/actions";
import * as registerActions from "@/app/(public)/register/actions";
import * as signOutActions from "@/components/auth/sign-out-action";
import type { SessionUser } from "@/lib/auth/guards";
import { verifyPassword } from "@/lib/auth/password";
import { addUtcDays, toIsoDay } from "@/lib/clock";
import { prisma } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { ForbiddenError } from "@/lib/errors";
import type { BulkDecisionState } from "@/lib/requests/bulk-decision-outcome";
import { RELEASE_NOT_FOUND } from "@/lib/releases/schemas";
import { SIGN_REQUEST_REFUSAL } from "@/lib/requests/sign/submit-sign-request";
import { REQUEST_NOT_FOUND } from "@/lib/requests/transition-request";
import { setAccountDisabled } from "@/lib/users/account-status";
import { actAs, answerOf, type ActionAnswer as Answer } from "@/tests/support/act-as";
import { createManager, createUser } from "@/tests/support/create-accounts";
import { resetDatabase } from "@/tests/support/reset-database";
import { changedTables, snapshotTables } from "@/tests/support/table-snapshot";
import { uniqueSuffix } from "@/tests/support/unique-suffix";
import { actionRows, answerOf as expectedAnswer, roles, rowName, type ActionRow, type Fixture, type TestRole } from "./access-table";
import {
  allowedPublicationDate,
  createAccessWorld,
  createArtistRelease,
  createFailedEvent,
  createPublishRequest,
  createPublishRequestAwaitingChanges,
  createSignRequest,
  createSignRequestAwaitingChanges,
  disableAccount,
  notifyEveryone,
  type AccessWorld,
} from "./access-world";

// The factories import act-as themselves: they run when the first action module loads, before
// this file's own imports are ready.
vi.mock("@/lib/auth/auth", async (original) => ({ ...(await original<object>()), auth: (await import("@/tests/support/act-as")).authedAs }));
vi.mock("next/cache", async () => (await import("@/tests/support/act-as")).nextCacheStub);
// Sign-in and sign-out run Auth.js for real; it reads the caller's session cookie from the
// request headers, so signing out ends the caller's session row as it does in a browser. Plain
// http, as in the tests' browsers (without the header Auth.js assumes https and a __Secure- cookie).
const request = vi.hoisted(() => ({ cookie: "" }));
vi.mock("next/headers", async () => ({
  ...(await import("@/tests/support/act-as")).nextHeadersStub,
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9", host: "localhost:3000", "x-forwarded-proto": "http", cookie: request.cookie }),
}));

/** The cookie Auth.js reads over plain http: a signed JWT naming the account and the session's row. */
const SESSION_COOKIE = "authjs.session-token";

/** Like actAs, with the session cookie in the request headers too; returns the session's id. */
async function signInAs(caller: SessionUser | null): Promise<string | null> {
  const sessionId = await actAs(caller);
  request.cookie =
    caller && sessionId
      ? `${SESSION_COOKIE}=${await encode({ token: { sub: String(caller.id), sid: sessionId }, secret: authSecret(), salt: SESSION_COOKIE })}`
      : "";
  return sessionId;
}

/** One cell: who calls, in which world, on which object (the row's fixture). */
type Cell = { role: TestRole; caller: SessionUser | null; sessionId: string | null; world: AccessWorld; target: Target; suffix: string };

/** The fixture's object: its id, and the email of an account fixture. */
type Target = { id: number; email?: string };

/** Builds the row's fixture; which of its objects each role acts on. */
async function buildFixture(fixture: Fixture | undefined, world: AccessWorld): Promise<(role: TestRole) => Target> {
  const same = (target: Target) => () => target;
  switch (fixture) {
    case undefined:
      return same({ id: 0 });
    case "signRequest":
      return same(await createSignRequest(world));
    case "publishRequest":
      return same(await createPublishRequest(world, { grade: true }));
    case "signRequestAwaitingChanges":
      return same(await createSignRequestAwaitingChanges(world));
    case "publishRequestAwaitingChanges":
      return same(await createPublishRequestAwaitingChanges(world));
    case "release":
      return same(await createArtistRelease(world));
    case "ownNotification": {
      const ids = await notifyEveryone(world);
      // A guest has no notification of their own: they try the user's.
      return (role) => ({ id: ids[role === "guest" ? "user" : role] });
    }
    case "usersNotification":
      return same({ id: (await notifyEveryone(world)).user });
    case "managedArtist":
      return same({ id: world.accounts.artist.id });
    case "spareManager":
      return same({ id: (await createManager(prisma, "Matrix spare manager")).managerId! });
    case "failedEvent":
      return same(await createFailedEvent(world));
    case "newcomer":
    case "disabledNewcomer": {
      const newcomer = await createUser(prisma, "USER", "Matrix newcomer");
      if (fixture === "disabledNewcomer") await setAccountDisabled({ userId: newcomer.id, disabled: true, actorId: world.accounts.admin.id });
      return same({ id: newcomer.id, email: newcomer.email });
    }
  }
}

function form(fields: Record<string, string | number> = {}): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, String(value));
  return data;
}

const requestOutcome = async (id: number) => prisma.request.findUnique({ where: { id }, select: { status: true, resolution: true } });
const userRow = async (id: number) => prisma.user.findUniqueOrThrow({ where: { id }, select: { name: true, role: true, disabledAt: true, passwordHash: true } });
const liveSessions = async (userId: number) => prisma.userSession.count({ where: { userId, endedAt: null } });

const NEW_PASSWORD = "a-new-matrix-password";

/** A retry of the failed event is in the outbox. */
async function retrySent(failedEventId: number): Promise<boolean> {
  const { retryEventId } = await prisma.failedEvent.findUniqueOrThrow({ where: { id: failedEventId } });
  return retryEventId !== null && (await prisma.outboxEvent.count({ where: { eventId: retryEventId } })) === 1;
}

/**
 * How to call each action with valid input, and whether its change happened. `formAction`: a
 * plain form action, which answers nothing; whether it did anything is its only answer.
 */
type Driver = { call: (cell: Cell) => Promise<unknown>; done: (cell: Cell) => Promise<boolean>; formAction?: boolean };

const drivers: Record<string, Driver> = {
  "app/(app)/account/actions.ts renameAction": {
    call: () => accountActions.renameAction({}, form({ name: "Renamed by the matrix" })),
    done: async ({ caller }) => caller !== null && (await userRow(caller.id)).name === "Renamed by the matrix",
  },
  "app/(app)/account/actions.ts changePasswordAction": {
    call: ({ world }) => accountActions.changePasswordAction({}, form({ currentPassword: world.password, newPassword: NEW_PASSWORD })),
    done: async ({ caller }) => caller !== null && verifyPassword((await userRow(caller.id)).passwordHash, NEW_PASSWORD),
  },
  "app/(app)/account/actions.ts signOutEverywhereAction": {
    call: () => accountActions.signOutEverywhereAction({}, form()),
    done: async ({ caller }) => caller !== null && (await liveSessions(caller.id)) === 0,
  },
  "app/(app)/admin/actions.ts appointManagerAction": {
    call: ({ target }) => adminActions.appointManagerAction({}, form({ userId: target.id })),
    done: async ({ target }) => (await userRow(target.id)).role === "MANAGER",
  },
  "app/(app)/admin/actions.ts disableAccountAction": {
    call: ({ target }) => adminActions.disableAccountAction({}, form({ userId: target.id })),
    done: async ({ target }) => (await userRow(target.id)).disabledAt !== null,
  },
  "app/(app)/admin/actions.ts enableAccountAction": {
    call: ({ target }) => adminActions.enableAccountAction({}, form({ userId: target.id })),
    done: async ({ target }) => (await userRow(target.id)).disabledAt === null,
  },
  "app/(app)/admin/actions.ts createManagerAction": {
    call: ({ suffix }) => adminActions.createManagerAction({}, form({ name: "Matrix new manager", email: `new-manager-${suffix}@example.test`, password: "a-manager-password" })),
    done: async ({ suffix }) => (await prisma.user.count({ where: { email: `new-manager-${suffix}@example.test`, role: "MANAGER" } })) === 1,
  },
  "app/(app)/admin/actions.ts deactivateManagerAction": {
    call: ({ target }) => adminActions.deactivateManagerAction({}, form({ managerId: target.id })),
    done: async ({ target }) => (await prisma.manager.findUniqueOrThrow({ where: { id: target.id }, select: { user: { select: { role: true } } } })).user.role === "USER",
  },
  "app/(app)/admin/requests/actions.ts reassignRequestAction": {
    call: ({ target, world }) =>
      reassignActions.reassignRequestAction(
        {},
        form({ requestId: target.id, currentManagerId: world.accounts.manager.managerId!, managerId: world.accounts.otherManager.managerId!, reason: "Matrix reassignment" }),
      ),
    done: async ({ target, world }) => (await prisma.request.findUnique({ where: { id: target.id } }))?.managerId === world.accounts.otherManager.managerId,
  },
  "app/(app)/admin/users/[id]/move/actions.ts moveArtistAction": {
    call: ({ world }) =>
      moveArtistActions.moveArtistAction(
        {},
        form({ artistId: world.accounts.artist.artistId!, currentManagerId: world.accounts.manager.managerId!, managerId: world.accounts.otherManager.managerId!, reason: "Matrix move" }),
      ),
    done: async ({ world }) => (await prisma.artist.findUnique({ where: { id: world.accounts.artist.artistId! } }))?.managerId === world.accounts.otherManager.managerId,
  },
  "app/(app)/admin/failed-events/actions.ts retryFailedEventAction": {
    call: ({ target }) => failedEventActions.retryFailedEventAction({}, form({ failedEventId: target.id })),
    done: ({ target }) => retrySent(target.id),
  },
  "app/(app)/admin/failed-events/actions.ts retryAllFailedEventsAction": {
    call: () => failedEventActions.retryAllFailedEventsAction({}, form({ event: "" })),
    done: ({ target }) => retrySent(target.id),
  },
  "app/(app)/manager/report/actions.ts refreshStatisticsAction": {
    call: () => reportActions.refreshStatisticsAction({}, form()),
    done: async ({ caller }) => caller !== null && (await prisma.statisticsRefresh.count({ where: { requestedById: caller.id } })) === 1,
  },
  "app/(app)/manager/requests/actions.ts decideSelectedAction": {
    call: async ({ target }) => onlyOutcome(await queueActions.decideSelectedAction({}, form({ decision: "accept", requestId: target.id }))),
    done: async ({ target }) => (await requestOutcome(target.id))?.resolution === "ACCEPTED",
  },
  "app/(app)/notifications/actions.ts markNotificationReadAction": {
    formAction: true,
    call: ({ target }) => notificationActions.markNotificationReadAction(form({ notificationId: target.id })),
    done: async ({ target }) => (await prisma.notification.findUniqueOrThrow({ where: { id: target.id } })).readAt !== null,
  },
  "app/(app)/notifications/actions.ts markAllNotificationsReadAction": {
    formAction: true,
    call: () => notificationActions.markAllNotificationsReadAction(form()),
    done: async ({ caller }) => caller !== null && (await prisma.notification.count({ where: { userId: caller.id, readAt: null } })) === 0,
  },
  "app/(app)/releases/new/actions.ts createReleaseAction": {
    call: ({ suffix }) =>
      newReleaseActions.createReleaseAction(
        {},
        form({ title: `New ${suffix}`, releaseDate: toIsoDay(allowedPublicationDate()), trackTitle: "Opening", trackDuration: 200, trackGenre: "Jazz", trackType: "song", trackArtists: "" }),
      ),
    done: async ({ suffix }) => (await prisma.release.count({ where: { title: `New ${suffix}` } })) === 1,
  },
  "app/(app)/releases/[id]/edit/actions.ts updateReleaseAction": {
    call: ({ target, suffix }) =>
      editReleaseActions.updateReleaseAction(
        target.id,
        {},
        form({ title: `Edited ${suffix}`, releaseDate: toIsoDay(allowedPublicationDate()), trackTitle: "Edited track", trackDuration: 210, trackGenre: "Soul", trackType: "song", trackArtists: "" }),
      ),
    done: async ({ target, suffix }) => (await prisma.release.findUnique({ where: { id: target.id } }))?.title === `Edited ${suffix}`,
  },
  "app/(app)/releases/[id]/actions.ts deleteReleaseAction": {
    call: ({ target }) => deleteReleaseActions.deleteReleaseAction(target.id, {}, form()),
    done: async ({ target }) => (await prisma.release.count({ where: { id: target.id } })) === 0,
  },
  "app/(app)/requests/new/sign-contract/actions.ts submitSignContractAction": {
    call: ({ suffix }) => signContractActions.submitSignContractAction({}, form({ nickname: `Matrix ${suffix}`, message: "" })),
    done: async ({ suffix }) => (await prisma.request.count({ where: { nickname: `Matrix ${suffix}` } })) === 1,
  },
  "app/(app)/requests/new/publish/actions.ts submitPublishRequestAction": {
    call: ({ target }) => publishActions.submitPublishRequestAction({}, form({ releaseId: target.id, expectedDate: toIsoDay(allowedPublicationDate()) })),
    done: async ({ target }) => (await prisma.request.count({ where: { releaseId: target.id } })) === 1,
  },
  "app/(app)/requests/[id]/actions.ts acceptAction": {
    call: ({ target }) => decisionActions.acceptAction({}, form({ requestId: target.id })),
    done: async ({ target }) => (await requestOutcome(target.id))?.resolution === "ACCEPTED",
  },
  "app/(app)/requests/[id]/actions.ts declineAction": {
    call: ({ target }) => decisionActions.declineAction({}, form({ requestId: target.id, reason: "Not this time" })),
    done: async ({ target }) => (await requestOutcome(target.id))?.resolution === "DECLINED",
  },
  "app/(app)/requests/[id]/actions.ts withdrawAction": {
    call: ({ target }) => decisionActions.withdrawAction({}, form({ requestId: target.id })),
    done: async ({ target }) => (await requestOutcome(target.id))?.resolution === "WITHDRAWN",
  },
  "app/(app)/requests/[id]/conversation-actions.ts postCommentAction": {
    call: ({ target }) => conversationActions.postCommentAction({}, form({ requestId: target.id, body: "A comment from the matrix" })),
    done: async ({ target, caller }) => caller !== null && (await prisma.requestComment.count({ where: { requestId: target.id, authorId: caller.id } })) === 1,
  },
  "app/(app)/requests/[id]/actions.ts requestChangesAction": {
    call: ({ target }) => decisionActions.requestChangesAction({}, form({ requestId: target.id, reason: "Please change the details" })),
    done: async ({ target }) => (await requestOutcome(target.id))?.status === "CHANGES_REQUESTED",
  },
  "app/(app)/requests/[id]/amend/actions.ts resubmitSignRequestAction": {
    call: ({ target, suffix }) => amendActions.resubmitSignRequestAction({}, form({ requestId: target.id, nickname: `Amended ${suffix}`, message: "" })),
    done: async ({ target, suffix }) => (await prisma.request.findUnique({ where: { id: target.id } }))?.nickname === `Amended ${suffix}`,
  },
  "app/(app)/requests/[id]/amend/actions.ts resubmitPublishRequestAction": {
    call: ({ target }) => amendActions.resubmitPublishRequestAction({}, form({ requestId: target.id, expectedDate: toIsoDay(addUtcDays(allowedPublicationDate(), 1)) })),
    done: async ({ target }) => (await requestOutcome(target.id))?.status === "NEW",
  },
  "app/(public)/login/actions.ts signInAction": {
    call: ({ world, target }) => loginActions.signInAction({}, form({ email: target.email!, password: world.password })),
    done: async ({ target }) => (await liveSessions(target.id)) === 1,
  },
  "app/(public)/register/actions.ts registerAction": {
    call: ({ suffix }) => registerActions.registerAction({}, form({ name: "Matrix registrant", email: `registrant-${suffix}@example.test`, password: "a-registrant-password" })),
    done: async ({ suffix }) => (await prisma.user.count({ where: { email: `registrant-${suffix}@example.test` } })) === 1,
  },
  "components/auth/sign-out-action.ts signOutAction": {
    formAction: true,
    call: () => signOutActions.signOutAction(form()),
    // A guest, and a session that has already ended, have nothing left to end.
    done: async ({ sessionId }) => sessionId === null || (await prisma.userSession.count({ where: { id: sessionId, endedAt: null } })) === 0,
  },
};

/** A bulk decision answers per request: the one request a row selects gives the row's word, as a single decision would. */
function onlyOutcome(state: BulkDecisionState): BulkDecisionState {
  const only = state.outcomes?.[0];
  return only?.outcome === "not-changed" ? { formError: only.reason } : state;
}

const notAllowed = [new ForbiddenError().message, SIGN_REQUEST_REFUSAL];
const notFoundMessages = [REQUEST_NOT_FOUND, RELEASE_NOT_FOUND];

/**
 * The answer's word in the table. The guards send a signed-out caller to the relative "/login";
 * an action that itself ends at the sign-in page (sign out everywhere) goes through Auth.js,
 * which answers with an absolute address. Anything unexpected is named as it is.
 */
function classify(answer: Answer, done: boolean, driver: Driver): string {
  if (answer.kind === "crash") return `crash: ${String(answer.error)}`;
  if (answer.kind === "not-found") return "a 404 thrown by an action";
  if (answer.kind === "redirect") return answer.to === "/login" || answer.to.startsWith("/login?") ? "login" : "ok";
  const state = answer.state as { formError?: string; fieldErrors?: unknown } | undefined;
  if (state === undefined && driver.formAction) return done ? "ok" : "not-found";
  if (state?.fieldErrors) return `field errors: ${JSON.stringify(state.fieldErrors)}`;
  if (state?.formError) {
    if (notAllowed.includes(state.formError)) return "forbidden";
    if (notFoundMessages.includes(state.formError)) return "not-found";
    return `refused: ${state.formError}`;
  }
  return "ok";
}

/** An empty database with a fresh world and the row's fixture in it. */
type Scene = { world: AccessWorld; targetOf: (role: TestRole) => Target };

async function setUp(row: ActionRow): Promise<Scene> {
  await resetDatabase(prisma);
  const world = await createAccessWorld();
  return { world, targetOf: await buildFixture(row.fixture, world) };
}

/** Plays one cell in `scene`; the word for the table (with what went wrong), and whether anything changed. */
async function play(scene: Scene, driver: Driver, role: TestRole): Promise<{ word: string; changed: boolean }> {
  const { world } = scene;
  const caller = role === "guest" ? null : world.accounts[role];
  const sessionId = await signInAs(caller);
  // Signed in, then disabled by the admin: the cookie still names the ended session.
  if (role === "disabled") await disableAccount(world);

  const cell: Cell = { role, caller, sessionId, world, target: scene.targetOf(role), suffix: uniqueSuffix() };
  const before = await snapshotTables(prisma);
  const answer = await answerOf(() => driver.call(cell));
  const done = await driver.done(cell);
  const word = classify(answer, done, driver);
  const changed = changedTables(before, await snapshotTables(prisma));
  if (word === "ok") return { word: done ? word : "ok, but its change is missing", changed: changed.length > 0 };
  return { word: changed.length > 0 ? `${word}, but it changed ${changed.join(", ")}` : word, changed: changed.length > 0 };
}

afterAll(async () => {
  await prisma.$disconnect();
});

describe("every server action answers every role as the authorization matrix says", () => {
  it("has a way to call every action of the table", () => {
    expect(actionRows.map((row) => `${row.file} ${row.action}`).filter((key) => !drivers[key])).toEqual([]);
  });

  for (const row of actionRows) {
    it(rowName(row), async () => {
      const driver = drivers[`${row.file} ${row.action}`];
      expect(driver, "a driver for this action").toBeDefined();
      const answers: Record<string, string> = {};
      // A refused call changes nothing (checked), so the next role may use the same scene.
      let scene: Scene | null = null;
      for (const role of roles) {
        scene ??= await setUp(row);
        const { word, changed } = await play(scene, driver!, role);
        answers[role] = word;
        if (changed || role === "disabled") scene = null;
      }
      expect(answers).toEqual(Object.fromEntries(roles.map((role) => [role, expectedAnswer(row.expected, role)])));
    });
  }
});
