// Hostile path segments and query strings on every page and route handler (docs/domain.md §11
// "Bad input"), over HTTP as a signed-in person who may use the page, redirects not followed.
// The pages and routes are the authorization table's rows (tests/authorization/access-table.ts,
// which a unit test keeps in step with app/). Every answer is 200 (the first page, an empty
// result, a message), 404, or a redirect — never a 500 — and no body shows internal text or
// the markup it was sent. Server actions are swept in-process by
// tests/hostile-input/actions.integration.test.ts.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { answerOf, pageRows, routeRows, type PageRow, type TestRole } from "../tests/authorization/access-table";
import { createAccessWorldFixture, type AccessWorldFixture } from "./fixtures/access-world";
import { appEnv } from "./fixtures/app-env";
import { requestStreamStart, type StreamStart } from "./fixtures/event-stream";

type SignedInRole = Exclude<TestRole, "guest" | "disabled">;

let world: AccessWorldFixture;
let baseURL: string;
const contexts = new Map<SignedInRole, APIRequestContext>();

/** Signs in the way a browser's form post to Auth.js does: its CSRF token, then the credentials. */
async function signIn(context: APIRequestContext, email: string, password: string): Promise<APIResponse> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return context.post("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: `${baseURL}/` }, maxRedirects: 0 });
}

/** Already encoded for a URL: what a hand-made link can carry that a form would not. */
const MARKUP = "<script>alert(1)</script>";
const encodedValues: { label: string; raw: string }[] = [
  ...["", "-1", "0", "2147483648", "9007199254740993", "1e309", "NaN", "1e3", " 12 ", "0x10", "1.5"],
  ...["%", "_", "%_\\", "'", '"', `'; DROP TABLE "User"; --`, MARKUP, "\u0000", "a\u0000b", "\u202Eevil", "🎤🎸", "Zoe\u0301\u0308"],
  ...["toString", "__proto__", "constructor", "open", "CLOSED", "all", "90d"],
].map((value) => ({ label: JSON.stringify(value), raw: encodeURIComponent(value) }));

/** Bytes no text encodes to: a lone surrogate's UTF-8, invalid UTF-8, broken percent-escapes. */
const brokenEncodings = ["%ED%A0%80", "%FF%FE", "%C0%AF", "%E0%A4%A", "%", "%%", "%zz"].map((raw) => ({ label: `raw ${raw}`, raw }));

/** Every search parameter any page reads (and some it does not), each set to the hostile value at once. */
const parameterNames = ["page", "q", "status", "type", "sort", "manager", "range", "appointed", "disabled", "enabled", "releaseId", "callbackUrl", "error", "code", "id", "who", "action", "from", "to"];

function queriesOf(): { label: string; query: string }[] {
  return [
    ...[...encodedValues, ...brokenEncodings].map(({ label, raw }) => ({ label, query: parameterNames.map((name) => `${name}=${raw}`).join("&") })),
    // One long value at a time keeps the URL under the server's header limit.
    ...["page", "q", "status", "range", "callbackUrl", "who", "from"].map((name) => ({ label: `${name} of 10k characters`, query: `${name}=${"9".repeat(10_000)}` })),
    { label: "repeated keys", query: "page=2&page=x&q=a&q=%25&status=open&status=nonsense&type=all&type=SIGN_CONTRACT&range=1y&range=toString" },
    { label: "parameters named like object properties", query: "__proto__=1&constructor=x&toString=y&hasOwnProperty=z&__proto__[page]=2" },
  ];
}

/** Hostile ids in a path segment (already encoded). */
const idSegments = [
  ...["0", "-1", "2147483648", "9007199254740993", "1e3", "0x10", "1.5", "abc", "toString", "__proto__", "9".repeat(1_000)],
  ...["%20%2012%20", "%00", "%25", "%27%3B--", encodeURIComponent(MARKUP), "%F0%9F%8E%A4", "%ED%A0%80", "%E0%A4%A", "%2E%2E%2F%2E%2E"],
];

/** What a person must never read: the database's or the runtime's words, a stack, markup sent in. */
const internalText = [/prisma/i, /Invalid `/, /ECONN/, /postgres/i, /invalid byte sequence/i, /\n\s+at \S+ \(/, /\(\/[^)\s]*:\d+:\d+\)/, /<script>alert\(1\)<\/script>/];

/** null when the answer is one a person may get; otherwise what is wrong with it. */
async function problemOf(label: string, response: APIResponse | StreamStart): Promise<string | null> {
  const status = response.status();
  const body = await response.text();
  const problems: string[] = [];
  // 400: the server refused a URL it cannot decode before any of the app's code ran.
  if (!(status === 200 || status === 400 || status === 404 || (status >= 300 && status < 400))) problems.push(`status ${status}`);
  const leak = internalText.find((pattern) => pattern.test(body));
  if (leak) problems.push(`body shows ${leak}: …${body.slice(Math.max(0, body.search(leak) - 80), body.search(leak) + 120)}…`);
  return problems.length ? `${label}: ${problems.join("; ")}` : null;
}

/** The person who may use a page: the first signed-in role the table answers "ok" for (none for /login). */
function whoMayUse(row: PageRow): SignedInRole | undefined {
  return (["user", "artist", "manager", "admin"] as const).find((candidate) => answerOf(row.expected, candidate) === "ok");
}

function idOf(row: PageRow): string {
  const objects: Record<string, number> = world.objects;
  return String(objects[row.fixture!]);
}

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(180_000);
  baseURL = String(testInfo.project.use.baseURL);
  world = await createAccessWorldFixture();
  for (const role of ["user", "artist", "manager", "admin"] as const) {
    const context = await playwright.request.newContext({ baseURL });
    const account = world.accounts[role];
    const signedIn = await signIn(context, account.email, world.password);
    expect(signedIn.status(), `${role} signs in`).toBe(302);
    contexts.set(role, context);
  }
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});

/** Sends every request and fails once with every problem, so one run shows them all. */
async function expectAllFine(requests: { label: string; send: () => Promise<APIResponse | StreamStart> }[]) {
  const problems: string[] = [];
  for (const { label, send } of requests) {
    const problem = await problemOf(label, await send());
    if (problem) problems.push(problem);
  }
  expect(problems).toEqual([]);
}

// One row per page path (a page with an id is tried with the id of its first row), for the pages
// a signed-in person may use; the others (/login, /register) are tried as a guest below.
const pages = pageRows.filter((row, index) => pageRows.findIndex((other) => other.path === row.path) === index && whoMayUse(row));

for (const row of pages) {
  test(`page ${row.path}: hostile query strings`, async () => {
    test.setTimeout(180_000);
    const role = whoMayUse(row)!;
    const context = contexts.get(role)!;
    const path = row.fixture ? row.path.replace("[id]", idOf(row)) : row.path;
    await expectAllFine(
      queriesOf().map(({ label, query }) => ({
        label: `${role} GET ${path}?… ${label}`,
        send: () => context.get(`${path}?${query}`, { maxRedirects: 0 }),
      })),
    );
  });

  if (row.path.includes("[id]")) {
    test(`page ${row.path}: hostile ids`, async () => {
      const role = whoMayUse(row)!;
      const context = contexts.get(role)!;
      await expectAllFine(
        idSegments.map((segment) => {
          const path = row.path.replace("[id]", segment);
          return { label: `${role} GET ${path.slice(0, 120)}`, send: () => context.get(path, { maxRedirects: 0 }) };
        }),
      );
    });
  }
}

test("the public pages: hostile query strings as a guest", async ({ playwright }) => {
  test.setTimeout(180_000);
  const guest = await playwright.request.newContext({ baseURL });
  try {
    const publicPaths = pageRows.filter((row) => answerOf(row.expected, "guest") === "ok").map((row) => row.path);
    expect(publicPaths).toContain("/login");
    await expectAllFine(
      publicPaths.flatMap((path) =>
        queriesOf().map(({ label, query }) => ({ label: `guest GET ${path}?… ${label}`, send: () => guest.get(`${path}?${query}`, { maxRedirects: 0 }) })),
      ),
    );
  } finally {
    await guest.dispose();
  }
});

test("route handlers: hostile query strings and path segments", async () => {
  test.setTimeout(180_000);
  // The table's routes, and Auth.js's catch-all by the paths it answers.
  const routes = routeRows.filter((row) => row.method === "GET" && !row.path.includes("["));
  expect(routes.map((row) => row.path)).toEqual(expect.arrayContaining(["/api/health", "/manager/report/csv", "/api/live"]));
  const authPaths = ["/api/auth/session", "/api/auth/csrf", "/api/auth/providers", "/api/auth/signin", "/api/auth/error", "/api/auth/signout"];
  const manager = contexts.get("manager")!;
  // An event stream never ends: its status and first bytes are what it answers.
  const streams = new Set(routes.filter((row) => row.stream).map((row) => row.path));
  // A route for the operators' token (/api/metrics) is swept with it, so its handler is what answers.
  const forToken = new Set(routes.filter((row) => answerOf(row.expected, "manager") === "unauthorized").map((row) => row.path));
  const withToken = { authorization: `Bearer ${appEnv.METRICS_TOKEN}` };
  const get = (path: string, query: string) =>
    streams.has(path)
      ? requestStreamStart(manager, baseURL, `${path}?${query}`)
      : manager.get(`${path}?${query}`, { maxRedirects: 0, headers: forToken.has(path) ? withToken : {} });
  await expectAllFine([
    ...[...routes.map((row) => row.path), ...authPaths].flatMap((path) =>
      queriesOf().map(({ label, query }) => ({ label: `manager GET ${path}?… ${label}`, send: () => get(path, query) })),
    ),
    ...idSegments.map((segment) => ({ label: `GET /api/auth/${segment.slice(0, 60)}`, send: () => manager.get(`/api/auth/${segment}`, { maxRedirects: 0 }) })),
    ...idSegments.map((segment) => ({ label: `GET /api/auth/callback/${segment.slice(0, 60)}`, send: () => manager.get(`/api/auth/callback/${segment}`, { maxRedirects: 0 }) })),
  ]);
});

test("signing in through Auth.js's own endpoint with hostile credentials", async ({ playwright }) => {
  test.setTimeout(180_000);
  const guest = await playwright.request.newContext({ baseURL });
  try {
    const { csrfToken } = (await (await guest.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const hostile = ["", "a\u0000b@example.test", "\u202Eevil@example.test", "%@_.test", `'; DROP TABLE "User"; --`, MARKUP, "🎤@example.test", "x".repeat(10_000)];
    await expectAllFine([
      ...hostile.flatMap((value) => [
        { label: `email ${JSON.stringify(value.slice(0, 40))}`, form: { email: value, password: "a-long-password" } },
        { label: `password ${JSON.stringify(value.slice(0, 40))}`, form: { email: world.newcomer.email, password: value } },
      ]),
      { label: "callbackUrl to another site", form: { email: world.newcomer.email, password: world.password, callbackUrl: "https://evil.example/" } },
    ].map(({ label, form }) => ({
      label: `POST /api/auth/callback/credentials ${label}`,
      send: async () => {
        const response = await guest.post("/api/auth/callback/credentials", { form: { csrfToken, callbackUrl: `${baseURL}/`, ...form }, maxRedirects: 0 });
        // Never sent to another site, whatever the callbackUrl says.
        expect(new URL(response.headers()["location"] ?? "/", baseURL).hostname).not.toBe("evil.example");
        return response;
      },
    })));
  } finally {
    await guest.dispose();
  }
});
