// The authorization matrix (docs/domain.md §1, §8, §11): every role × every page, route handler
// and server action, with the answer the product gives. One table, read by three tests:
// access-table.test.ts (every page, route and action in the code has a row, and every row a
// file), actions.integration.test.ts (each action called in-process as each role) and
// e2e/authorization.spec.ts (each page and route requested over HTTP as each role).
//
// The rule the cells follow: a guest, and anyone whose session has ended (the disabled account),
// is sent to sign in; a signed-in role that may not use a page gets "not found"; an action a
// role may not take answers with a message; someone else's request, release or notification is
// "not found", exactly like a missing one.

export const roles = ["guest", "user", "artist", "manager", "otherManager", "admin", "disabled"] as const;

export type TestRole = (typeof roles)[number];

/** Who each column is; the tests build exactly these people (tests/authorization/access-world.ts). */
export const roleDescriptions: Record<TestRole, string> = {
  guest: "nobody signed in",
  user: "a USER: the applicant of the sign request",
  artist: "an ARTIST managed by the manager: owner of the release, applicant of the publish request",
  manager: "a MANAGER: assigned to the sign request, personal manager of the artist (so of the publish request)",
  otherManager: "a MANAGER with no artist and nothing assigned",
  admin: "an ADMIN",
  disabled: "an ARTIST who signed in and was then disabled by the admin; their session cookie is kept and sent",
};

/**
 * Pages and route handlers, by the HTTP answer to a GET (or the row's sample request):
 * "ok" 200; "login" a redirect to /login; "not-found" 404; "redirect" any other redirect
 * (a signed-in person on /login goes to their home page; Auth.js answers a sign-in with one);
 * "public" 200 with only what anyone may be told (the row's `publicBody`), where the route
 * tells some callers more ("ok" for them); "unauthorized" 401, a route that asks for a token
 * (the operators' metrics) whatever the session.
 */
export type HttpAnswer = "ok" | "login" | "not-found" | "redirect" | "public" | "unauthorized";

/**
 * Server actions, by what the caller gets: "ok" the action runs and makes its change;
 * "login" sent to /login; "forbidden" the form says "You are not allowed to do this" (or the
 * action's own refusal of the role); "not-found" the form says the request or release was not
 * found (a form action that shows nothing: nothing happens, as for a missing id). Every answer
 * but "ok" leaves the database as it was.
 */
export type ActionAnswer = "ok" | "login" | "forbidden" | "not-found";

/** One answer per role, in the order of `roles`. */
export type Cells<Answer> = readonly [
  guest: Answer,
  user: Answer,
  artist: Answer,
  manager: Answer,
  otherManager: Answer,
  admin: Answer,
  disabled: Answer,
];

/** The objects a row acts on; every test builds them afresh (access-world.ts). */
export const fixtures = {
  signRequest: "the user's sign-contract request, On approval with the manager",
  publishRequest: "the artist's publish request for a release of theirs, On approval with the manager",
  signRequestAwaitingChanges: "the user's sign-contract request, sent back to them by the manager (Changes requested)",
  publishRequestAwaitingChanges: "the artist's publish request, graded, then sent back to them by the manager (Changes requested)",
  release: "the artist's unpublished release, never put up for publication",
  ownNotification: "an unread notification of the person acting",
  usersNotification: "an unread notification of the user",
  newcomer: "a USER account that plays no other part (to appoint, disable, or sign in as)",
  disabledNewcomer: "a disabled USER account that plays no other part (to enable)",
  managedArtist: "the artist's account, managed by the manager (to move to the other manager)",
  spareManager: "a MANAGER account with nothing assigned that plays no other part (to deactivate)",
  failedEvent: "the grading event of the artist's publish request, parked by the worker and waiting for a retry",
} as const;

export type Fixture = keyof typeof fixtures;

export type PageRow = { kind: "page"; path: string; fixture?: Fixture; expected: Cells<HttpAnswer> };

/**
 * `sample`: the request made for the row when the path alone does not say it (a catch-all route).
 * `stream`: the answer is an endless event stream; HTTP tests read its status and first bytes, then close it.
 */
export type RouteRow = {
  kind: "route";
  method: string;
  path: string;
  sample?: string;
  stream?: boolean;
  /** The JSON everyone is told by a route that tells some callers more: a 200 with exactly this is "public". */
  publicBody?: unknown;
  expected: Cells<HttpAnswer>;
};

/** `file`: the "use server" module, from the repository's root; `action`: its export. */
export type ActionRow = { kind: "action"; file: string; action: string; fixture?: Fixture; expected: Cells<ActionAnswer> };

const ok = "ok";
const publicOnly = "public";
const unauthorized = "unauthorized";
const login = "login";
const notFound = "not-found";
const redirect = "redirect";
const forbidden = "forbidden";

const page = (path: string, expected: Cells<HttpAnswer>, fixture?: Fixture): PageRow => ({ kind: "page", path, fixture, expected });

/** The URL of each page: its file's path under app/ without route groups, "[id]" for a dynamic segment. */
//                                                      guest  user      artist    manager   otherMgr  admin     disabled
export const pageRows: readonly PageRow[] = [
  page("/",                                            [ok,    ok,       ok,       ok,       ok,       ok,       ok]),
  page("/login",                                       [ok,    redirect, redirect, redirect, redirect, redirect, ok]),
  page("/register",                                    [ok,    redirect, redirect, redirect, redirect, redirect, ok]),
  page("/account",                                     [login, ok,       ok,       ok,       ok,       ok,       login]),
  page("/notifications",                               [login, ok,       ok,       ok,       ok,       ok,       login]),
  page("/requests",                                    [login, ok,       ok,       ok,       ok,       ok,       login]),
  page("/requests/new/sign-contract",                  [login, ok,       notFound, notFound, notFound, notFound, login]),
  page("/requests/new/publish",                        [login, notFound, ok,       notFound, notFound, notFound, login]),
  // The admin reads every request (docs/domain.md §10 "All requests").
  page("/requests/[id]",                               [login, ok,       notFound, ok,       notFound, ok,       login], "signRequest"),
  page("/requests/[id]",                               [login, notFound, ok,       ok,       notFound, ok,       login], "publishRequest"),
  // Only the applicant amends (docs/domain.md §9); a request not waiting for changes sends them back to it.
  // (The user's sign request is On approval in the e2e world, and one open sign request is all they may have.)
  page("/requests/[id]/amend",                         [login, notFound, ok,       notFound, notFound, notFound, login], "publishRequestAwaitingChanges"),
  page("/requests/[id]/amend",                         [login, notFound, redirect, notFound, notFound, notFound, login], "publishRequest"),
  page("/releases",                                    [login, notFound, ok,       notFound, notFound, notFound, login]),
  page("/releases/new",                                [login, notFound, ok,       notFound, notFound, notFound, login]),
  page("/releases/[id]",                               [login, notFound, ok,       notFound, notFound, notFound, login], "release"),
  page("/releases/[id]/edit",                          [login, notFound, ok,       notFound, notFound, notFound, login], "release"),
  page("/statistics",                                  [login, notFound, ok,       notFound, notFound, notFound, login]),
  page("/manager/requests",                            [login, notFound, notFound, ok,       ok,       notFound, login]),
  page("/manager/artists",                             [login, notFound, notFound, ok,       ok,       notFound, login]),
  page("/manager/report",                              [login, notFound, notFound, ok,       ok,       notFound, login]),
  page("/admin/users",                                 [login, notFound, notFound, notFound, notFound, ok,       login]),
  page("/admin/managers",                              [login, notFound, notFound, notFound, notFound, ok,       login]),
  page("/admin/requests",                              [login, notFound, notFound, notFound, notFound, ok,       login]),
  page("/admin/audit",                                 [login, notFound, notFound, notFound, notFound, ok,       login]),
  page("/admin/failed-events",                         [login, notFound, notFound, notFound, notFound, ok,       login]),
  page("/admin/users/[id]/move",                       [login, notFound, notFound, notFound, notFound, ok,       login], "managedArtist"),
];

const route = (method: string, path: string, expected: Cells<HttpAnswer>, sample?: string): RouteRow => ({ kind: "route", method, path, sample, expected });
const stream = (path: string, expected: Cells<HttpAnswer>): RouteRow => ({ kind: "route", method: "GET", path, stream: true, expected });

//                                                      guest  user      artist    manager   otherMgr  admin     disabled
export const routeRows: readonly RouteRow[] = [
  // The details (database, worker heartbeat, outbox backlog) to the admin and the metrics token only (docs/domain.md §10 "Health").
  { ...route("GET", "/api/health",                     [publicOnly, publicOnly, publicOnly, publicOnly, publicOnly, ok, publicOnly]), publicBody: { status: "ok" } },
  route("GET", "/api/auth/[...nextauth]",              [ok,    ok,       ok,       ok,       ok,       ok,       ok],       "GET /api/auth/session"),
  // Signing in is open to anyone, signed in or not; the answer sends the browser on with a new cookie.
  route("POST", "/api/auth/[...nextauth]",             [redirect, redirect, redirect, redirect, redirect, redirect, redirect],
    "POST /api/auth/callback/credentials with a fresh account's email and password"),
  route("GET", "/manager/report/csv",                  [login, notFound, notFound, ok,       ok,       notFound, login]),
  // Prometheus figures (docs/domain.md §10, decision 016): the metrics token only, never a session (not even the admin's);
  // "not-found" to everyone where no METRICS_TOKEN is configured (the e2e app has one: e2e/fixtures/app-env.ts).
  route("GET", "/api/metrics",                         [unauthorized, unauthorized, unauthorized, unauthorized, unauthorized, unauthorized, unauthorized]),
  // Live pages (docs/domain.md §9): everyone signed in has a stream; what reaches it is per person (lib/live/recipients.ts).
  stream("/api/live",                                  [login, ok,       ok,       ok,       ok,       ok,       login]),
];

const action = (file: string, name: string, expected: Cells<ActionAnswer>, fixture?: Fixture): ActionRow => ({
  kind: "action",
  file,
  action: name,
  fixture,
  expected,
});

const account = "app/(app)/account/actions.ts";
const admin = "app/(app)/admin/actions.ts";
const reassign = "app/(app)/admin/requests/actions.ts";
const moveArtist = "app/(app)/admin/users/[id]/move/actions.ts";
const failedEvents = "app/(app)/admin/failed-events/actions.ts";
const report = "app/(app)/manager/report/actions.ts";
const queue = "app/(app)/manager/requests/actions.ts";
const notifications = "app/(app)/notifications/actions.ts";
const decisions = "app/(app)/requests/[id]/actions.ts";
const conversation = "app/(app)/requests/[id]/conversation-actions.ts";
const amend = "app/(app)/requests/[id]/amend/actions.ts";

//                                                                       guest  user       artist     manager    otherMgr   admin      disabled
export const actionRows: readonly ActionRow[] = [
  action(account, "renameAction",                                       [login, ok,        ok,        ok,        ok,        ok,        login]),
  action(account, "changePasswordAction",                               [login, ok,        ok,        ok,        ok,        ok,        login]),
  action(account, "signOutEverywhereAction",                            [login, ok,        ok,        ok,        ok,        ok,        login]),
  action(admin, "appointManagerAction",                                 [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "newcomer"),
  action(admin, "disableAccountAction",                                 [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "newcomer"),
  action(admin, "enableAccountAction",                                  [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "disabledNewcomer"),
  action(admin, "createManagerAction",                                  [login, forbidden, forbidden, forbidden, forbidden, ok,        login]),
  // Deactivating a manager (docs/domain.md §10): the admin only.
  action(admin, "deactivateManagerAction",                              [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "spareManager"),
  // Moving work between managers (docs/domain.md §10 "All requests"): the admin only.
  action(reassign, "reassignRequestAction",                             [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "signRequest"),
  action(moveArtist, "moveArtistAction",                                [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "managedArtist"),
  // Failed events (docs/domain.md §10): the admin only.
  action(failedEvents, "retryFailedEventAction",                        [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "failedEvent"),
  action(failedEvents, "retryAllFailedEventsAction",                    [login, forbidden, forbidden, forbidden, forbidden, ok,        login], "failedEvent"),
  action(report, "refreshStatisticsAction",                             [login, forbidden, forbidden, ok,        ok,        forbidden, login]),
  // Bulk decisions (docs/domain.md §9): managers only; each request through the state machine, so another manager's is not found.
  action(queue, "decideSelectedAction",                                 [login, forbidden, forbidden, ok,        notFound,  forbidden, login], "signRequest"),
  action(queue, "decideSelectedAction",                                 [login, forbidden, forbidden, ok,        notFound,  forbidden, login], "publishRequest"),
  action(notifications, "markNotificationReadAction",                   [login, ok,        ok,        ok,        ok,        ok,        login], "ownNotification"),
  action(notifications, "markNotificationReadAction",                   [login, ok,        notFound,  notFound,  notFound,  notFound,  login], "usersNotification"),
  action(notifications, "markAllNotificationsReadAction",               [login, ok,        ok,        ok,        ok,        ok,        login], "ownNotification"),
  action("app/(app)/releases/new/actions.ts", "createReleaseAction",    [login, forbidden, ok,        forbidden, forbidden, forbidden, login]),
  action("app/(app)/releases/[id]/edit/actions.ts", "updateReleaseAction", [login, forbidden, ok,     forbidden, forbidden, forbidden, login], "release"),
  action("app/(app)/releases/[id]/actions.ts", "deleteReleaseAction",   [login, forbidden, ok,        forbidden, forbidden, forbidden, login], "release"),
  action("app/(app)/requests/new/sign-contract/actions.ts", "submitSignContractAction",
                                                                        [login, ok,        forbidden, forbidden, forbidden, forbidden, login]),
  action("app/(app)/requests/new/publish/actions.ts", "submitPublishRequestAction",
                                                                        [login, forbidden, ok,        forbidden, forbidden, forbidden, login], "release"),
  // The admin reads every request (docs/domain.md §10) but takes none of its steps: refused, not hidden.
  action(decisions, "acceptAction",                                     [login, forbidden, notFound,  ok,        notFound,  forbidden, login], "signRequest"),
  action(decisions, "acceptAction",                                     [login, notFound,  forbidden, ok,        notFound,  forbidden, login], "publishRequest"),
  action(decisions, "declineAction",                                    [login, forbidden, notFound,  ok,        notFound,  forbidden, login], "signRequest"),
  action(decisions, "declineAction",                                    [login, notFound,  forbidden, ok,        notFound,  forbidden, login], "publishRequest"),
  action(decisions, "withdrawAction",                                   [login, ok,        notFound,  forbidden, notFound,  forbidden, login], "signRequest"),
  action(decisions, "withdrawAction",                                   [login, notFound,  ok,        forbidden, notFound,  forbidden, login], "publishRequest"),
  // Request changes and resubmit (docs/domain.md §9): the assigned manager asks, the applicant amends.
  action(decisions, "requestChangesAction",                             [login, forbidden, notFound,  ok,        notFound,  forbidden, login], "signRequest"),
  action(decisions, "requestChangesAction",                             [login, notFound,  forbidden, ok,        notFound,  forbidden, login], "publishRequest"),
  action(amend, "resubmitSignRequestAction",                            [login, ok,        notFound,  forbidden, notFound,  forbidden, login], "signRequestAwaitingChanges"),
  action(amend, "resubmitPublishRequestAction",                         [login, notFound,  ok,        forbidden, notFound,  forbidden, login], "publishRequestAwaitingChanges"),
  // Both parties of an open request comment (docs/domain.md §9); the admin, who reads it, may not; anyone else: not found.
  action(conversation, "postCommentAction",                             [login, ok,        notFound,  ok,        notFound,  forbidden, login], "signRequest"),
  action(conversation, "postCommentAction",                             [login, notFound,  ok,        ok,        notFound,  forbidden, login], "publishRequest"),
  // Public: anyone may sign in or register (the disabled person with another account's
  // credentials, or a new one), and signing out always ends where it started.
  action("app/(public)/login/actions.ts", "signInAction",               [ok,    ok,        ok,        ok,        ok,        ok,        ok],        "newcomer"),
  action("app/(public)/register/actions.ts", "registerAction",          [ok,    ok,        ok,        ok,        ok,        ok,        ok]),
  action("components/auth/sign-out-action.ts", "signOutAction",         [ok,    ok,        ok,        ok,        ok,        ok,        ok]),
];

/** The answer of `role` in a row. */
export function answerOf<Answer>(expected: Cells<Answer>, role: TestRole): Answer {
  return expected[roles.indexOf(role)]!;
}

/** How a row is named in test titles and failure messages. */
export function rowName(row: PageRow | RouteRow | ActionRow): string {
  const where = row.kind === "page" ? `page ${row.path}` : row.kind === "route" ? `${row.method} ${row.path}` : `${row.file} ${row.action}`;
  const fixture = row.kind !== "route" && row.fixture ? ` (${fixtures[row.fixture]})` : "";
  const sample = row.kind === "route" && row.sample ? ` (${row.sample})` : "";
  return `${where}${fixture}${sample}`;
}
