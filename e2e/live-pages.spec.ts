// Live pages (docs/domain.md §9, decision 014), with the artist and their manager in two
// browsers at once and no reload anywhere: what one does — or the worker does — shows on the
// other's request page, queue and unread count by itself. A change made by a person must show
// within 2 seconds of their own page showing it done (the bound; the one timing these
// tests assert, generous on a loaded 2-core machine since the push itself takes milliseconds).
// The worker's steps are awaited as long as the worker needs; only their arrival without a
// reload is asserted. A second web process of the same build serves the artist in the last test,
// to show a change made through one process reaching a browser connected to another, and that
// process's restart.
import { expect, test, type Browser, type Page } from "@playwright/test";
import getPort from "get-port";
import { answersHealth, hasExited, signalProcessGroup, startWebProcess } from "./fixtures/app-processes";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, uniqueSuffix, type CreatedUser, type Credentials } from "./fixtures/users";

/** The bound the issue sets on a change made elsewhere reaching an open page. */
const LIVE_BOUND = { timeout: 2_000 };
/** The worker's own steps (grading) take as long as the pipeline takes. */
const WORKER_STEP = { timeout: 30_000 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of the UTC day `days` after today (the label's calendar is UTC). */
function isoDayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
}

const details = (page: Page) => page.getByRole("region", { name: "Details" });
const history = (page: Page) => page.getByRole("region", { name: "History" });
const conversation = (page: Page) => page.getByRole("region", { name: "Conversation" });
const unreadCount = (page: Page) => page.getByTestId("unread-count");
const queueRow = (page: Page, requestId: number) => page.getByRole("row").filter({ hasText: `#${requestId} ` });

/** A page in a browser of its own, signed in as `who`. */
async function browserFor(browser: Browser, who: Credentials): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

/** Opens `url` and waits until its live stream is connected (so no change can fall before it). */
async function openLive(page: Page, url: string) {
  await page.goto(url);
  await expect(page.locator("html")).toHaveAttribute("data-live", "open");
}

/** The count in the header's notifications badge (0 when there is no badge). */
async function unreadOf(page: Page): Promise<number> {
  return (await unreadCount(page).count()) === 0 ? 0 : Number(await unreadCount(page).textContent());
}

async function postComment(page: Page, text: string) {
  await conversation(page).getByLabel("Comment").fill(text);
  await conversation(page).getByRole("button", { name: "Post comment" }).click();
  await expect(history(page).getByText(text)).toBeVisible();
}

/** The artist asks to publish a fresh release of theirs; returns the request's path and id. */
async function submitPublishRequest(page: Page, artist: CreatedUser): Promise<{ requestPath: string; requestId: number }> {
  const title = `Live Wire ${uniqueSuffix()}`;
  await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate: isoDayFromToday(0), tracks: [{ title: "Opening", genre: "Jazz" }] }]);
  await page.goto("/requests/new/publish");
  await page.getByLabel("Release", { exact: true }).selectOption({ label: title });
  await page.getByLabel("Publication date").fill(isoDayFromToday(20));
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const requestPath = new URL(page.url()).pathname;
  return { requestPath, requestId: Number(requestPath.split("/").pop()) };
}

test("the artist's page, the manager's queue and both unread counts follow each other without a reload", async ({ browser }) => {
  test.setTimeout(180_000);
  const artist = await createUser({ role: "ARTIST" });
  const artistPage = await browserFor(browser, artist);
  const managerPage = await browserFor(browser, artist.manager!);
  try {
    // The artist submits: the manager's open queue shows the new request.
    await openLive(managerPage, "/manager/requests");
    await openLive(artistPage, "/requests");
    const { requestPath, requestId } = await submitPublishRequest(artistPage, artist);
    await expect(queueRow(managerPage, requestId)).toBeVisible(LIVE_BOUND);

    // The worker grades it: both pages follow by themselves.
    await expect(artistPage.getByText(/Grade: -?\d of 0/)).toBeVisible(WORKER_STEP);
    await expect(details(artistPage).getByText("On approval", { exact: true })).toBeVisible(LIVE_BOUND);
    await expect(queueRow(managerPage, requestId).getByText("On approval", { exact: true })).toBeVisible(LIVE_BOUND);

    // The manager asks for changes: the artist's page shows the reason, and their unread count grows.
    const artistUnread = await unreadOf(artistPage);
    await openLive(managerPage, requestPath);
    const reason = `Later in the year, please ${uniqueSuffix()}`;
    const ask = managerPage.getByRole("region", { name: "Ask for changes" });
    await ask.getByLabel("Reason").fill(reason);
    await ask.getByRole("button", { name: "Request changes" }).click();
    await expect(details(managerPage).getByText("Changes requested", { exact: true })).toBeVisible();
    await expect(details(artistPage).getByText("Changes requested", { exact: true })).toBeVisible(LIVE_BOUND);
    await expect(artistPage.getByRole("region", { name: "Changes requested" }).getByText(reason)).toBeVisible(LIVE_BOUND);
    await expect(unreadCount(artistPage)).toHaveText(String(artistUnread + 1), LIVE_BOUND);

    // The artist resubmits: the manager's queue shows it New, then the worker's new grade.
    await openLive(managerPage, "/manager/requests");
    const managerUnread = await unreadOf(managerPage);
    await artistPage.getByRole("link", { name: "Amend request" }).click();
    await artistPage.getByLabel("Publication date").fill(isoDayFromToday(25));
    await artistPage.getByRole("button", { name: "Resubmit" }).click();
    await expect(artistPage).toHaveURL(new RegExp(`${requestPath}$`));
    await expect(queueRow(managerPage, requestId).getByText(/^(New|Processing|On approval)$/)).toBeVisible(LIVE_BOUND);
    await expect(unreadCount(managerPage)).toHaveText(String(managerUnread + 1), LIVE_BOUND);
    await expect(queueRow(managerPage, requestId).getByText("On approval", { exact: true })).toBeVisible(WORKER_STEP);
    await expect(details(artistPage).getByText("On approval", { exact: true })).toBeVisible(LIVE_BOUND);

    // A comment each way, each shown on the other's page with the unread count.
    await openLive(managerPage, requestPath);
    const answer = `Autumn it is ${uniqueSuffix()}`;
    const artistUnreadBefore = await unreadOf(artistPage);
    await postComment(managerPage, answer);
    await expect(history(artistPage).getByText(answer)).toBeVisible(LIVE_BOUND);
    await expect(unreadCount(artistPage)).toHaveText(String(artistUnreadBefore + 1), LIVE_BOUND);
    const thanks = `Thank you ${uniqueSuffix()}`;
    const managerUnreadBefore = await unreadOf(managerPage);
    await postComment(artistPage, thanks);
    await expect(history(managerPage).getByText(thanks)).toBeVisible(LIVE_BOUND);
    await expect(unreadCount(managerPage)).toHaveText(String(managerUnreadBefore + 1), LIVE_BOUND);

    // The manager accepts: the artist's page says so.
    await managerPage.getByRole("button", { name: "Accept" }).click();
    await expect(details(managerPage).getByText("Accepted", { exact: true })).toBeVisible();
    await expect(details(artistPage).getByText("Accepted", { exact: true })).toBeVisible(LIVE_BOUND);

    // Reading the notifications elsewhere (the notifications page in another tab) clears the badge here.
    const otherTab = await artistPage.context().newPage();
    await otherTab.goto("/notifications");
    await otherTab.getByRole("button", { name: "Mark all as read" }).click();
    await expect(unreadCount(otherTab)).toHaveCount(0);
    await expect(unreadCount(artistPage)).toHaveCount(0, LIVE_BOUND);
  } finally {
    await artistPage.context().close();
    await managerPage.context().close();
  }
});

test("a second web process: its browser hears a change made through the first, and catches up after a restart", async ({ browser }) => {
  test.setTimeout(240_000);
  const artist = await createUser({ role: "ARTIST" });
  const port = await getPort();
  let second = startWebProcess(port);
  const artistPage = await browserFor(browser, artist);
  const managerPage = await browserFor(browser, artist.manager!);
  try {
    const { requestPath } = await submitPublishRequest(artistPage, artist);
    await expect(artistPage.getByText(/Grade: -?\d of 0/)).toBeVisible(WORKER_STEP);
    await expect.poll(() => answersHealth(port), { timeout: 90_000, message: "the second web process to start" }).toBe(true);

    // The artist now reads the request through the second process (the session cookie is the
    // same: same host, same secret); the manager acts through the first.
    const secondUrl = `http://127.0.0.1:${port}${requestPath}`;
    await openLive(artistPage, secondUrl);
    await openLive(managerPage, requestPath);
    const first = `Through the first process ${uniqueSuffix()}`;
    await postComment(managerPage, first);
    await expect(history(artistPage).getByText(first)).toBeVisible(LIVE_BOUND);

    // The second process is restarted: it stops at once although a stream is open (it ends its
    // streams on SIGTERM), a comment is made meanwhile, and once it is back the page catches up.
    const stopped = second;
    signalProcessGroup(stopped, "SIGTERM");
    await expect.poll(() => hasExited(stopped), { timeout: 15_000, message: "the second web process to stop" }).toBe(true);
    await expect(artistPage.locator("html")).toHaveAttribute("data-live", "connecting");
    const meanwhile = `While it was down ${uniqueSuffix()}`;
    await postComment(managerPage, meanwhile);
    second = startWebProcess(port);
    await expect.poll(() => answersHealth(port), { timeout: 90_000, message: "the second web process to restart" }).toBe(true);
    await expect(artistPage.locator("html")).toHaveAttribute("data-live", "open", { timeout: 30_000 });
    // Its first render after starting (modules loaded on first use) is slow on a loaded machine;
    // the 2-second bound is for changes while connected.
    await expect(history(artistPage).getByText(meanwhile)).toBeVisible({ timeout: 15_000 });
    expect(new URL(artistPage.url()).port).toBe(String(port));

    const after = `After the restart ${uniqueSuffix()}`;
    await postComment(managerPage, after);
    await expect(history(artistPage).getByText(after)).toBeVisible(LIVE_BOUND);
  } finally {
    signalProcessGroup(second, "SIGKILL");
    await artistPage.context().close();
    await managerPage.context().close();
  }
});
