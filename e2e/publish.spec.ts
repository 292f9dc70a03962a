// An artist's release journey: create a release with two tracks, ask to publish it (a date
// too soon is refused), the worker grades it, the manager accepts, the release is scheduled.
// And: an artist never sees or touches another artist's release or request.
import { expect, test, type Page } from "@playwright/test";
import { createUser, signIn, signOut, uniqueSuffix } from "./fixtures/users";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of the UTC day `days` after today (the label's calendar is UTC). */
function isoDayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "12 Dec 2026", as the app writes days. */
function formatDay(isoDay: string): string {
  return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${isoDay}T00:00:00Z`));
}

async function fillTrack(page: Page, number: number, track: { title: string; duration: string; genre: string; type: string }) {
  const row = page.getByRole("group", { name: `Track ${number}` });
  await row.getByLabel("Track title").fill(track.title);
  await row.getByLabel("Duration (seconds)").fill(track.duration);
  await row.getByLabel("Genre").fill(track.genre);
  await row.getByLabel("Type").fill(track.type);
}

async function createTwoTrackRelease(page: Page, title: string): Promise<string> {
  await page.goto("/releases/new");
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByLabel("Release date").fill(isoDayFromToday(0));
  await fillTrack(page, 1, { title: "Opening", duration: "95", genre: "Jazz", type: "intro" });
  await page.getByRole("button", { name: "Add track" }).click();
  await fillTrack(page, 2, { title: "Main Theme", duration: "10000", genre: "Jazz", type: "song" });
  await page.getByRole("button", { name: "Save release" }).click();

  // Over the 9998-second limit: refused on that field, and nothing typed is lost.
  await expect(page.getByText("Duration must be at most 9998 seconds")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue(title);
  await expect(page.getByRole("group", { name: "Track 1" }).getByLabel("Track title")).toHaveValue("Opening");
  const second = page.getByRole("group", { name: "Track 2" });
  await expect(second.getByLabel("Track title")).toHaveValue("Main Theme");
  await expect(second.getByLabel("Duration (seconds)")).toHaveAttribute("aria-invalid", "true");

  await second.getByLabel("Duration (seconds)").fill("240");
  await page.getByRole("button", { name: "Save release" }).click();
  await expect(page).toHaveURL(/\/releases\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Main Theme" })).toBeVisible();
  return page.url();
}

test("an artist creates a two-track release, asks to publish it, and sees it scheduled after the manager accepts", async ({ page }) => {
  const artist = await createUser({ role: "ARTIST" });
  const title = `Blue Hours ${uniqueSuffix()}`;
  await signIn(page, artist);

  const releaseUrl = await createTwoTrackRelease(page, title);
  await page.goto("/releases");
  const listed = page.getByRole("row").filter({ hasText: title });
  await expect(listed.getByText("Unpublished")).toBeVisible();

  await page.goto("/requests/new/publish");
  await page.getByLabel("Release", { exact: true }).selectOption({ label: title });
  await page.getByLabel("Publication date").fill(isoDayFromToday(7));
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText(/must be more than 7 days from today/)).toBeVisible();
  await expect(page.getByLabel("Release", { exact: true })).toHaveValue(/\d+/);

  const publicationDay = isoDayFromToday(8);
  await page.getByLabel("Publication date").fill(publicationDay);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const requestUrl = page.url();

  // The worker grades it through Kafka; the page updates by itself.
  await expect(page.getByText(/Grade: -?\d of 0/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("On approval").first()).toBeVisible();
  const criteria = page.getByRole("list", { name: "Grading criteria" }).getByRole("listitem");
  await expect(criteria).toHaveCount(3);
  await expect(criteria.nth(0)).toContainText("Season limit");
  await expect(criteria.nth(1)).toContainText("Relevant genre");
  await expect(criteria.nth(2)).toContainText("One release per day");
  await signOut(page);

  await signIn(page, artist.manager!);
  await page.goto(requestUrl);
  await expect(page.getByText(/Grade: -?\d of 0/)).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Accepted").first()).toBeVisible();
  await signOut(page);

  await signIn(page, artist);
  await page.goto(releaseUrl);
  await expect(page.getByText(`Goes live on ${formatDay(publicationDay)}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit release" })).toHaveCount(0);
  await page.goto("/releases");
  await expect(page.getByRole("row").filter({ hasText: title }).getByText(`Goes live on ${formatDay(publicationDay)}`)).toBeVisible();
});

test("an artist cannot see or edit another artist's release or publish request", async ({ page }) => {
  const [owner, stranger] = [await createUser({ role: "ARTIST" }), await createUser({ role: "ARTIST" })];
  const title = `Private Demo ${uniqueSuffix()}`;
  await signIn(page, owner);
  const releaseUrl = await createTwoTrackRelease(page, title);

  // While unpublished, the owner may edit it: drop the first track.
  await page.getByRole("link", { name: "Edit release" }).click();
  await page.getByRole("group", { name: "Track 1" }).getByRole("button", { name: "Remove track" }).click();
  await expect(page.getByRole("group", { name: "Track 1" }).getByLabel("Track title")).toHaveValue("Main Theme");
  await expect(page.getByRole("group", { name: "Track 2" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save release" }).click();
  await expect(page).toHaveURL(releaseUrl);
  await expect(page.getByRole("cell", { name: "Main Theme" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Opening" })).toHaveCount(0);

  await page.getByRole("link", { name: "Request publication" }).click();
  await page.getByLabel("Publication date").fill(isoDayFromToday(20));
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const requestUrl = page.url();

  // The owner can no longer edit it while the request is open.
  await page.goto(releaseUrl);
  await expect(page.getByRole("link", { name: "Edit release" })).toHaveCount(0);
  await signOut(page);

  await signIn(page, stranger);
  for (const url of [releaseUrl, `${releaseUrl}/edit`, requestUrl]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByText(title)).toHaveCount(0);
  }
  await page.goto("/releases");
  await expect(page.getByText(title)).toHaveCount(0);
  await page.goto("/requests/new/publish");
  await expect(page.getByRole("option", { name: title })).toHaveCount(0);
});
