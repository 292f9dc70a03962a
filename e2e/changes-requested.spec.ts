// Changes requested (docs/domain.md §9), with the applicant and the manager in two browsers at
// once: the manager asks for changes with a reason, the applicant reads it, amends and resubmits,
// the worker takes the request on again, and the manager finds it On approval once more.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { assignedManagerCredentials } from "./fixtures/assigned-manager";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, uniqueSuffix, type Credentials } from "./fixtures/users";

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

const history = (page: Page) => page.getByRole("region", { name: "History" });
const details = (page: Page) => page.getByRole("region", { name: "Details" });

/** A page in a browser of its own, signed in as `who`. */
async function browserFor(browser: Browser, who: Credentials): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, who);
  return page;
}

/** The manager asks for changes on the request open in `page`. */
async function requestChanges(page: Page, reason: string) {
  const ask = page.getByRole("region", { name: "Ask for changes" });
  // A reason is required.
  await ask.getByRole("button", { name: "Request changes" }).click();
  await expect(ask.getByText("Say what should change")).toBeVisible();
  await ask.getByLabel("Reason").fill(reason);
  await ask.getByRole("button", { name: "Request changes" }).click();
  await expect(details(page).getByText("Changes requested", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Changes requested" }).getByText(reason)).toBeVisible();
}

/** The applicant finds the request waiting for changes, reads the reason and opens the amend form. */
async function openAmendForm(page: Page, requestPath: string, reason: string) {
  await page.goto(requestPath);
  await expect(details(page).getByText("Changes requested", { exact: true })).toBeVisible();
  const asked = page.getByRole("region", { name: "Changes requested" });
  await expect(asked.getByText(reason)).toBeVisible();
  await asked.getByRole("link", { name: "Amend request" }).click();
  await expect(page).toHaveURL(`${requestPath}/amend`);
  await expect(page.getByText(reason)).toBeVisible();
}

test("a sign request: the manager asks for another nickname, the applicant amends it, and it is back with the same manager", async ({ browser }) => {
  test.setTimeout(120_000);
  const applicant = await createUser({ role: "USER" });
  const firstNickname = `Kitchen ${uniqueSuffix()}`.slice(0, 64);
  const applicantPage = await browserFor(browser, applicant);
  try {
    await applicantPage.goto("/requests/new/sign-contract");
    await applicantPage.getByLabel("Nickname").fill(firstNickname);
    await applicantPage.getByLabel("Message").fill("I make music in my kitchen.");
    await applicantPage.getByRole("button", { name: "Submit request" }).click();
    await expect(applicantPage).toHaveURL(/\/requests\/\d+$/);
    const requestPath = new URL(applicantPage.url()).pathname;
    const requestId = Number(requestPath.split("/").pop());
    await expect(details(applicantPage).getByText("On approval", { exact: true })).toBeVisible({ timeout: 30_000 });
    const assigned = await details(applicantPage).getByText(/^Assigned to /).textContent();

    const manager = await assignedManagerCredentials(requestId);
    const managerPage = await browserFor(browser, manager);
    try {
      await managerPage.goto(requestPath);
      const reason = `Please pick a nickname without "Kitchen" ${uniqueSuffix()}`;
      await requestChanges(managerPage, reason);

      await openAmendForm(applicantPage, requestPath, reason);
      await expect(applicantPage.getByLabel("Nickname")).toHaveValue(firstNickname);
      await expect(applicantPage.getByLabel("Message")).toHaveValue("I make music in my kitchen.");
      const nickname = `Parlour ${uniqueSuffix()}`.slice(0, 64);
      await applicantPage.getByLabel("Nickname").fill(nickname);
      await applicantPage.getByRole("button", { name: "Resubmit" }).click();
      await expect(applicantPage).toHaveURL(new RegExp(`${requestPath}$`));
      // The worker takes it on again; the page follows by itself.
      await expect(details(applicantPage).getByText("On approval", { exact: true })).toBeVisible({ timeout: 30_000 });
      await expect(details(applicantPage).getByText(assigned!)).toBeVisible();
      await expect(details(applicantPage).getByText(nickname)).toBeVisible();
      await expect(applicantPage.getByRole("link", { name: "Amend request" })).toHaveCount(0);

      // The manager, in the other browser, finds it On approval again with the amended nickname.
      await managerPage.reload();
      await expect(details(managerPage).getByText("On approval", { exact: true })).toBeVisible();
      await expect(details(managerPage).getByText(nickname)).toBeVisible();
      await expect(history(managerPage).getByText("On approval → Changes requested")).toBeVisible();
      await expect(history(managerPage).getByText(reason)).toBeVisible();
      await expect(history(managerPage).getByText("Changes requested → New")).toBeVisible();
      await expect(managerPage.getByRole("button", { name: "Accept" })).toBeVisible();
      await managerPage.goto("/notifications");
      await expect(managerPage.getByText(`${applicant.name} amended their sign contract request #${requestId} and resubmitted it.`)).toBeVisible();
    } finally {
      await managerPage.context().close();
    }
  } finally {
    await applicantPage.context().close();
  }
});

test("a publish request: the manager asks for another date, the artist moves it, and it is graded afresh", async ({ browser }) => {
  test.setTimeout(120_000);
  const artist = await createUser({ role: "ARTIST" });
  const title = `Sent Back ${uniqueSuffix()}`;
  const [release] = await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate: isoDayFromToday(0), tracks: [{ title: "Opening", genre: "Jazz" }] }]);
  const artistPage = await browserFor(browser, artist);
  const managerPage = await browserFor(browser, artist.manager!);
  try {
    const firstDate = isoDayFromToday(20);
    await artistPage.goto("/requests/new/publish");
    await artistPage.getByLabel("Release", { exact: true }).selectOption({ label: title });
    await artistPage.getByLabel("Publication date").fill(firstDate);
    await artistPage.getByRole("button", { name: "Submit request" }).click();
    await expect(artistPage).toHaveURL(/\/requests\/\d+$/);
    const requestPath = new URL(artistPage.url()).pathname;
    await expect(artistPage.getByText(/Grade: -?\d of 0/)).toBeVisible({ timeout: 30_000 });

    await managerPage.goto(requestPath);
    const reason = `Later in the year, please ${uniqueSuffix()}`;
    await requestChanges(managerPage, reason);

    // While changes are requested the release may be edited.
    await artistPage.goto(`/releases/${release!.id}`);
    await expect(artistPage.getByRole("link", { name: "Edit release" })).toBeVisible();

    await openAmendForm(artistPage, requestPath, reason);
    await expect(artistPage.getByLabel("Publication date")).toHaveValue(firstDate);
    // The rule of submitting: too soon is refused, and nothing changes.
    await artistPage.getByLabel("Publication date").fill(isoDayFromToday(3));
    await artistPage.getByRole("button", { name: "Resubmit" }).click();
    await expect(artistPage.getByText(/The publication date must be more than 7 days from today/)).toBeVisible();
    const newDate = isoDayFromToday(40);
    await artistPage.getByLabel("Publication date").fill(newDate);
    await artistPage.getByRole("button", { name: "Resubmit" }).click();
    await expect(artistPage).toHaveURL(new RegExp(`${requestPath}$`));
    await expect(details(artistPage).getByText("On approval", { exact: true })).toBeVisible({ timeout: 30_000 });
    await expect(details(artistPage).getByText(formatDay(newDate), { exact: true })).toBeVisible();

    await managerPage.reload();
    await expect(details(managerPage).getByText("On approval", { exact: true })).toBeVisible();
    await expect(details(managerPage).getByText(formatDay(newDate), { exact: true })).toBeVisible();
    await expect(managerPage.getByText(/Grade: -?\d of 0/)).toBeVisible();
    // Criterion 3 speaks of the new date: graded afresh.
    await expect(managerPage.getByText(new RegExp(`scheduled for ${formatDay(newDate)}\\.`))).toBeVisible();
    await expect(history(managerPage).getByText(`Resubmitted with changes: publication date ${formatDay(firstDate)} → ${formatDay(newDate)}`)).toBeVisible();

    // Once resubmitted, the release is under the request again.
    await artistPage.goto(`/releases/${release!.id}`);
    await expect(artistPage.getByRole("link", { name: "Edit release" })).toHaveCount(0);
  } finally {
    await artistPage.context().close();
    await managerPage.context().close();
  }
});

test("a stale second tab is told the request moved on; the applicant may withdraw instead of amending", async ({ browser }) => {
  test.setTimeout(120_000);
  const artist = await createUser({ role: "ARTIST" });
  const title = `Withdrawn ${uniqueSuffix()}`;
  await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate: isoDayFromToday(0), tracks: [{ title: "Opening", genre: "Jazz" }] }]);
  const artistPage = await browserFor(browser, artist);
  const managerPage = await browserFor(browser, artist.manager!);
  try {
    await artistPage.goto("/requests/new/publish");
    await artistPage.getByLabel("Release", { exact: true }).selectOption({ label: title });
    await artistPage.getByLabel("Publication date").fill(isoDayFromToday(25));
    await artistPage.getByRole("button", { name: "Submit request" }).click();
    await expect(artistPage).toHaveURL(/\/requests\/\d+$/);
    const requestPath = new URL(artistPage.url()).pathname;
    await expect(artistPage.getByText(/Grade: -?\d of 0/)).toBeVisible({ timeout: 30_000 });

    await managerPage.goto(requestPath);
    const staleTab = await managerPage.context().newPage();
    // A tab that misses the change (its live updates cut off, docs/domain.md §9 "Live pages"),
    // as one would while the push is unavailable.
    await staleTab.route("**/api/live", (route) => route.abort());
    await staleTab.goto(requestPath);
    await requestChanges(managerPage, "Not this one, perhaps?");
    // The other tab still offers Accept: the click changes nothing and says why.
    await staleTab.getByRole("button", { name: "Accept" }).click();
    await expect(staleTab.getByText("This request has already moved on (it is Changes requested); reload to see its current state.")).toBeVisible();

    await artistPage.reload();
    await artistPage.getByRole("button", { name: "Withdraw" }).click();
    await expect(details(artistPage).getByText("Withdrawn", { exact: true })).toBeVisible();
    await expect(artistPage.getByRole("link", { name: "Amend request" })).toHaveCount(0);
    // The amend form's link, opened later, leads back to the request.
    await artistPage.goto(`${requestPath}/amend`);
    await expect(artistPage).toHaveURL(new RegExp(`${requestPath}$`));

    await managerPage.reload();
    await expect(details(managerPage).getByText("Withdrawn", { exact: true })).toBeVisible();
  } finally {
    await artistPage.context().close();
    await managerPage.context().close();
  }
});
