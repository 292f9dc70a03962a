// Accessibility of every page (docs/domain.md §8, issue 10; decision 015): each page of the
// authorization matrix (tests/authorization/access-table.ts `pageRows`) for every role that may
// use it, in the matrix's world (e2e/fixtures/access-world.ts), then the states a visit alone
// does not show — forms refused with their errors, a conversation with an internal note, the
// queue filtered with requests ticked and decided, a closed request, statistics with figures,
// "not found". Each is audited by axe-core against WCAG 2.1 A and AA, on a desktop window and
// at 375 px wide, where the page must not scroll sideways. A new page gets a row in the matrix,
// so it is audited here without another line.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { answerOf, pageRows, roles, rowName, type PageRow, type TestRole } from "@/tests/authorization/access-table";
import { createAccessWorldFixture, disableAccessWorldAccount, type AccessWorldFixture } from "./fixtures/access-world";
import { SMALL_SCREEN, expectFitsWindow, expectNoAxeViolations } from "./fixtures/axe";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, uniqueSuffix } from "./fixtures/users";

/** The disabled person is sent to sign in, like a guest: nothing of their own to audit. */
type AuditedRole = Exclude<TestRole, "disabled">;
const auditedRoles = roles.filter((role): role is AuditedRole => role !== "disabled");

/** Every page of the matrix with every role that may use it. */
const tableAudits = pageRows.flatMap((row) => auditedRoles.filter((role) => answerOf(row.expected, role) === "ok").map((role) => ({ row, role })));

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** The window of Playwright's "Desktop Chrome"; the small screen is SMALL_SCREEN. */
const DESKTOP = { width: 1280, height: 720 };

let world: AccessWorldFixture;
const signedIn = new Map<AuditedRole, StorageState>();

/** The row's URL, with the id of the row's fixture in place of "[id]". */
function urlOf(row: PageRow): string {
  if (!row.fixture) return row.path;
  const id = (world.objects as Record<string, number | undefined>)[row.fixture];
  if (id === undefined) throw new Error(`no e2e object for the fixture ${row.fixture}: add it to e2e/fixtures/access-world-script.ts`);
  return row.path.replace("[id]", String(id));
}

/** A page of its own for `role`, signed in (the guest: no cookies). */
async function pageAs(browser: Browser, role: AuditedRole): Promise<Page> {
  const context = await browser.newContext({ storageState: role === "guest" ? undefined : signedIn.get(role) });
  return context.newPage();
}

/** One page per role for the visits that change nothing, kept across tests (a browser context each costs time). */
const visitors = new Map<AuditedRole, Page>();
async function visitorAs(browser: Browser, role: AuditedRole): Promise<Page> {
  if (!visitors.has(role)) visitors.set(role, await pageAs(browser, role));
  const page = visitors.get(role)!;
  await page.setViewportSize(DESKTOP);
  return page;
}

/** The page as it is now: axe on a desktop window, then at 375 px wide (layout and axe again). */
async function audit(page: Page, where: string): Promise<void> {
  await expectNoAxeViolations(page, where);
  await page.setViewportSize(SMALL_SCREEN);
  await expectFitsWindow(page, where);
  await expectNoAxeViolations(page, `${where} at ${SMALL_SCREEN.width} px`);
  await page.setViewportSize(DESKTOP);
}

const request = (key: keyof AccessWorldFixture["objects"]) => `/requests/${world.objects[key]}`;


test.beforeAll(async ({ browser }, testInfo) => {
  testInfo.setTimeout(180_000);
  world = await createAccessWorldFixture();
  // A published and a scheduled release beside the world's unpublished ones, so the artist's
  // lists, badges and (once refreshed) statistics show every kind.
  await createReleases(world.accounts.artist.artistId!, [
    { title: `Audited album ${uniqueSuffix()}`, status: "PUBLISHED", releaseDate: "2020-01-10", tracks: [{ title: "Audited track", genre: "Jazz" }] },
    { title: `Audited single ${uniqueSuffix()}`, status: "SCHEDULED", releaseDate: "2099-01-10", tracks: [{ title: "Coming soon", genre: "Rock" }] },
  ]);
  for (const role of auditedRoles.filter((candidate) => candidate !== "guest")) {
    const context = await browser.newContext();
    await signIn(await context.newPage(), { email: world.accounts[role as Exclude<AuditedRole, "guest">].email, password: world.password });
    signedIn.set(role, await context.storageState());
    await context.close();
  }
  // The admin's users list shows a disabled account.
  await disableAccessWorldAccount(world);
  // The e2e worker grades the publish request by itself: audit it On approval, with its grade.
  const page = await pageAs(browser, "manager");
  await page.goto(request("publishRequest"));
  await expect(page.getByText("On approval").first()).toBeVisible({ timeout: 30_000 });
  await page.context().close();
});

test.afterAll(async () => {
  for (const page of visitors.values()) await page.context().close();
  visitors.clear();
});

test("every page of the authorization matrix is audited for at least one role", () => {
  const audited = new Set(tableAudits.map(({ row }) => row.path));
  expect(pageRows.map((row) => row.path).filter((path) => !audited.has(path))).toEqual([]);
});

for (const { row, role } of tableAudits) {
  test(`${role} on ${rowName(row)}`, async ({ browser }) => {
    const page = await visitorAs(browser, role);
    const response = await page.goto(urlOf(row));
    expect(response?.status()).toBe(200);
    await audit(page, `${rowName(row)} as ${role}`);
  });
}

test("not found, public and in the signed-in shell", async ({ browser }) => {
  const guest = await pageAs(browser, "guest");
  expect((await guest.goto("/no-such-page"))?.status()).toBe(404);
  await audit(guest, "a missing page as a guest");
  await guest.context().close();

  const forbidden = pageRows.find((row) => !row.fixture && answerOf(row.expected, "user") === "not-found")!;
  const user = await pageAs(browser, "user");
  expect((await user.goto(forbidden.path))?.status()).toBe(404);
  // A notFound() thrown while a Server Component renders is served by Next.js as its bare error
  // shell (`<html id="__next_error__">`: no lang, an empty body) and drawn by the browser once
  // the scripts run, which can be after the load event goto waits for (upstream issue
  // vercel/next.js#62228). Audit the page a person is shown: the shell's header and the message.
  await expect(user.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(user.getByRole("banner")).toBeVisible();
  await audit(user, `${forbidden.path} as the user (not found)`);
  await user.context().close();
});

test("sign-in refused: the message and the fields", async ({ browser }) => {
  const page = await pageAs(browser, "guest");
  await page.goto("/login");
  await page.getByLabel("Email").fill(world.accounts.user.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await audit(page, "/login after a refused sign-in");
  await page.context().close();
});

// Forms sent empty: every refused field is marked invalid and described by its error.
const refusedForms: { role: AuditedRole; path: string; button: string }[] = [
  { role: "guest", path: "/register", button: "Create account" },
  { role: "artist", path: "/releases/new", button: "Save release" },
  { role: "artist", path: "/requests/new/publish", button: "Submit request" },
  { role: "admin", path: "/admin/managers", button: "Create manager" },
  { role: "user", path: "/account", button: "Change password" },
];

for (const { role, path, button } of refusedForms) {
  test(`${role} on ${path}: "${button}" refused, with each field's error`, async ({ browser }) => {
    const page = await pageAs(browser, role);
    await page.goto(path);
    await page.getByRole("button", { name: button }).click();
    const invalid = page.locator('[aria-invalid="true"]');
    await expect(invalid.first()).toBeVisible();
    for (const field of await invalid.all()) await expect(field).toHaveAccessibleDescription(/\S/);
    await audit(page, `${path} refused, as ${role}`);
    await page.context().close();
  });
}

test("a newcomer's sign-contract form refused, then the submitted request with long unbroken words", async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, { email: world.newcomer.email, password: world.password });
  await page.goto("/requests/new/sign-contract");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByLabel("Nickname")).toHaveAccessibleDescription(/Enter the nickname you want to perform under/);
  await audit(page, "/requests/new/sign-contract refused");
  // Words as long as the rules allow, with no space to wrap at: they must wrap, not widen the page.
  await page.getByLabel("Nickname").fill(`TheLongestNicknameTheLabelAllows${uniqueSuffix()}`.padEnd(64, "x").slice(0, 64));
  await page.getByLabel("Message").fill(`Listen: https://example.test/${"long-path-segment-".repeat(12)}end`);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await audit(page, "a sign request just submitted, as its applicant");
  await page.goto("/requests");
  await audit(page, "/requests with a long nickname");
  await page.context().close();
});

test("the manager declines without a reason: the error at the field", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto(request("signRequest"));
  const decision = page.getByRole("region", { name: "Decision" });
  await decision.getByRole("button", { name: "Decline" }).click();
  const reason = decision.getByLabel("Reason");
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toHaveAccessibleDescription(/Give a reason for declining/);
  await audit(page, "the sign request after a refused decline, as its manager");
  await page.context().close();
});

test("a request sent back for changes, as its applicant and its manager", async ({ browser }) => {
  for (const role of ["artist", "manager"] as const) {
    const page = await pageAs(browser, role);
    await page.goto(request("publishRequestAwaitingChanges"));
    await expect(page.getByRole("region", { name: "Changes requested" })).toBeVisible();
    await audit(page, `a request waiting for changes, as the ${role}`);
    await page.context().close();
  }
});

test("a conversation with comments and an internal note; the applicant's notifications", async ({ browser }) => {
  const manager = await pageAs(browser, "manager");
  await manager.goto(request("signRequest"));
  await manager.getByLabel("Comment").fill("Could you send a demo?");
  await manager.getByRole("button", { name: "Post comment" }).click();
  await expect(manager.getByRole("region", { name: "History" })).toContainText("Could you send a demo?");
  await manager.getByLabel("Comment").fill("Sounds promising.");
  await manager.getByLabel("Internal note").check();
  await manager.getByRole("button", { name: "Post comment" }).click();
  await expect(manager.getByRole("region", { name: "History" }).getByText("Internal note")).toBeVisible();
  await audit(manager, "a conversation with an internal note, as the manager");
  await manager.context().close();

  const user = await pageAs(browser, "user");
  await user.goto(request("signRequest"));
  await user.getByLabel("Comment").fill(`Here is a link to it: https://example.test/${"demo-recording-".repeat(10)}mp3`);
  await user.getByRole("button", { name: "Post comment" }).click();
  await expect(user.getByRole("region", { name: "History" })).toContainText("Here is a link to it");
  await audit(user, "a conversation, as the applicant");
  await user.goto("/notifications");
  await expect(user.getByRole("main")).toContainText("commented on request");
  await audit(user, "/notifications with unread notifications");
  await user.context().close();
});

test("the queue filtered, requests ticked, a bulk decline refused then applied, the closed request", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/manager/requests");
  await page.getByLabel("Status").selectOption({ label: "On approval" });
  await page.getByLabel("Sort").selectOption({ label: "Oldest first" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=ON_APPROVAL/);
  const publishRequest = world.objects.publishRequest;
  await page.getByLabel(`Select request #${publishRequest}`).check();
  await audit(page, "the queue filtered, with a request ticked");
  await page.getByRole("button", { name: "Decline selected" }).click();
  await expect(page.getByRole("textbox", { name: "Reason" })).toHaveAttribute("aria-invalid", "true");
  await audit(page, "the queue after a refused bulk decline");
  await page.getByRole("textbox", { name: "Reason" }).fill("Not this season.");
  await page.getByRole("button", { name: "Decline selected" }).click();
  await expect(page.getByRole("list", { name: "Result per request" })).toContainText(`#${publishRequest}`);
  await audit(page, "the queue with the result per request");

  await page.goto(request("publishRequest"));
  await expect(page.getByText("Closed").first()).toBeVisible();
  await audit(page, "a closed request, as its manager");
  await page.context().close();
  const artist = await pageAs(browser, "artist");
  await artist.goto(request("publishRequest"));
  await expect(artist.getByText("This request is closed; its conversation is read-only.")).toBeVisible();
  await audit(artist, "a closed request, as its applicant");
  await artist.context().close();
});

test("statistics with figures: the manager's report and the artist's chart", async ({ browser }) => {
  test.setTimeout(150_000);
  const manager = await pageAs(browser, "manager");
  await manager.goto("/manager/report");
  const trackRow = manager.getByRole("row").filter({ hasText: "Audited track" });
  // A refresh already running may have started before the world's tracks existed: go again.
  await expect(async () => {
    await manager.getByRole("button", { name: "Refresh statistics" }).click();
    await expect(manager.getByText(/Refresh started|A refresh is already running/)).toBeVisible();
    await expect(manager.getByText("Refresh running…")).toHaveCount(0, { timeout: 30_000 });
    await manager.reload();
    await expect(trackRow).not.toContainText("No data", { timeout: 1_000 });
  }).toPass({ timeout: 120_000, intervals: [500] });
  await audit(manager, "/manager/report with figures");
  await manager.context().close();

  const artist = await pageAs(browser, "artist");
  await artist.goto("/statistics");
  await expect(artist.getByRole("img", { name: /Streams over time/ })).toBeVisible();
  await artist.getByText("Chart data as a table").click();
  await audit(artist, "/statistics with the chart and its table");
  await artist.context().close();
});

test("the admin deactivates a manager: the question asked first, then the redistribution listed", async ({ browser }) => {
  // A manager of this test alone: the matrix's managers stay as they are for the other audits.
  const manager = await createUser({ role: "MANAGER" });
  const admin = await pageAs(browser, "admin");
  await admin.goto("/admin/managers");
  const row = admin.getByRole("row").filter({ hasText: manager.email });
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row.getByRole("button", { name: "Confirm deactivation" })).toBeVisible();
  await audit(admin, "/admin/managers asking to confirm a deactivation");
  await row.getByRole("button", { name: "Confirm deactivation" }).click();
  await expect(admin.getByRole("table", { name: "Deactivated managers" }).getByRole("row").filter({ hasText: manager.name })).toBeVisible();
  await audit(admin, "/admin/managers with a deactivated manager");
  await admin.context().close();
});
