// The authorization matrix for pages and route handlers (tests/authorization/access-table.ts
// `pageRows`, `routeRows`): each requested over HTTP as each role, with a real session cookie
// from signing in through Auth.js, redirects not followed. The disabled role signed in, then
// the admin disabled the account; its cookie is still sent.
import { isDeepStrictEqual } from "node:util";
import { expect, test, type APIRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { answerOf, pageRows, roles, routeRows, rowName, type Cells, type HttpAnswer, type PageRow, type RouteRow, type TestRole } from "@/tests/authorization/access-table";
import { createAccessWorldFixture, disableAccessWorldAccount, type AccessWorldFixture } from "./fixtures/access-world";
import { appEnv } from "./fixtures/app-env";
import { requestStreamStart } from "./fixtures/event-stream";
import type { Credentials } from "./fixtures/users";

let world: AccessWorldFixture;
let baseURL: string;
let requests: APIRequest;
const contexts = new Map<TestRole, APIRequestContext>();

/** Signs in the way a browser's form post to Auth.js does: its CSRF token, then the credentials. */
async function signInThroughAuthJs(context: APIRequestContext, credentials: Credentials): Promise<APIResponse> {
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as { csrfToken: string };
  return context.post("/api/auth/callback/credentials", {
    form: { ...credentials, csrfToken, callbackUrl: `${baseURL}/` },
    maxRedirects: 0,
  });
}

/** The answer's word in the table: 200, 404, 401, a redirect to /login, any other redirect. */
function wordOf(response: Pick<APIResponse, "status" | "headers">): string {
  const status = response.status();
  if (status === 200) return "ok";
  if (status === 404) return "not-found";
  if (status === 401) return "unauthorized";
  if (status >= 300 && status < 400) {
    const location = new URL(response.headers()["location"] ?? "", baseURL);
    return location.pathname === "/login" ? "login" : "redirect";
  }
  return `status ${status}`;
}

/**
 * A route row's word: as wordOf, and for a route that tells some callers more (`publicBody`),
 * "public" when its 200 carries exactly what everyone is told.
 */
async function routeWordOf(row: RouteRow, response: Pick<APIResponse, "status" | "headers">): Promise<string> {
  const word = wordOf(response);
  if (word !== "ok" || row.publicBody === undefined || !("json" in response)) return word;
  return isDeepStrictEqual(await (response as APIResponse).json(), row.publicBody) ? "public" : "ok";
}

/** The row's URL, with the id of the row's fixture in place of "[id]". */
function urlOf(row: PageRow): string {
  if (!row.fixture) return row.path;
  const objects: Record<string, number> = world.objects;
  const id = objects[row.fixture];
  if (id === undefined) throw new Error(`no e2e object for the fixture ${row.fixture}`);
  return row.path.replace("[id]", String(id));
}

/** The request a route row stands for (its sample when the path is a catch-all). */
async function requestRoute(row: RouteRow, role: TestRole): Promise<Pick<APIResponse, "status" | "headers">> {
  const context = contexts.get(role)!;
  if (row.stream) return requestStreamStart(context, baseURL, row.path);
  if (row.method === "GET" && row.path === "/api/auth/[...nextauth]") return context.get("/api/auth/session", { maxRedirects: 0 });
  if (row.method === "POST" && row.path === "/api/auth/[...nextauth]") {
    // In a copy of the role's cookies, so the role's own session stays as it is for the other rows.
    const throwaway = await requests.newContext({ baseURL, storageState: await context.storageState() });
    try {
      return await signInThroughAuthJs(throwaway, { email: world.newcomer.email, password: world.password });
    } finally {
      await throwaway.dispose();
    }
  }
  if (row.path.includes("[")) throw new Error(`no sample request for ${rowName(row)}`);
  return context.fetch(row.path, { method: row.method, maxRedirects: 0 });
}

test.beforeAll(async ({ playwright }, testInfo) => {
  testInfo.setTimeout(180_000);
  requests = playwright.request;
  baseURL = String(testInfo.project.use.baseURL);
  world = await createAccessWorldFixture();
  contexts.set("guest", await playwright.request.newContext({ baseURL }));
  for (const role of roles.filter((candidate) => candidate !== "guest")) {
    const context = await playwright.request.newContext({ baseURL });
    const account = world.accounts[role as Exclude<TestRole, "guest">];
    const signedIn = await signInThroughAuthJs(context, { email: account.email, password: world.password });
    expect(wordOf(signedIn), `${role} signs in`).toBe("redirect");
    expect(((await (await context.get("/api/auth/session")).json()) as { user?: { id?: string } } | null)?.user?.id).toBe(String(account.id));
    contexts.set(role, context);
  }
  await disableAccessWorldAccount(world);
});

test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
  contexts.clear();
});

const expectedRow = (expected: Cells<HttpAnswer>) => Object.fromEntries(roles.map((role) => [role, answerOf(expected, role)]));

for (const row of pageRows) {
  test(`every role on ${rowName(row)}`, async () => {
    const answers: Record<string, string> = {};
    for (const role of roles) answers[role] = wordOf(await contexts.get(role)!.get(urlOf(row), { maxRedirects: 0 }));
    expect(answers).toEqual(expectedRow(row.expected));
  });
}

for (const row of routeRows) {
  test(`every role on ${rowName(row)}`, async () => {
    const answers: Record<string, string> = {};
    for (const role of roles) answers[role] = await routeWordOf(row, await requestRoute(row, role));
    expect(answers).toEqual(expectedRow(row.expected));
  });
}

// Beyond the roles: the operators' metrics token reads /api/health's details (docs/domain.md §10 "Health").
test("GET /api/health with the metrics token, and with a wrong one", async () => {
  const guest = contexts.get("guest")!;
  const withToken = await guest.get("/api/health", { headers: { authorization: `Bearer ${appEnv.METRICS_TOKEN}` } });
  expect(withToken.status()).toBe(200);
  const details = (await withToken.json()) as Record<string, unknown>;
  expect(Object.keys(details).sort()).toEqual(["database", "outbox", "status", "worker"]);
  expect(details).toMatchObject({ status: "ok", database: "ok", outbox: { unsent: expect.any(Number), due: expect.any(Number) } });
  const wrongToken = await guest.get("/api/health", { headers: { authorization: "Bearer not-the-metrics-token-0123456789" } });
  expect(wrongToken.status()).toBe(200);
  expect(await wrongToken.json()).toEqual({ status: "ok" });
});
