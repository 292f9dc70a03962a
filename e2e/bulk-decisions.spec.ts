// Bulk decisions in the manager's queue (docs/domain.md §9), with the artist and their manager in
// two browsers at once: the manager selects three requests in the open queue and accepts them
// while the artist withdraws one of them: two are accepted, the withdrawn one is reported as
// moved on, not forced.
import { expect, test, type Page } from "@playwright/test";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, uniqueSuffix } from "./fixtures/users";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of the UTC day `days` after today (the label's calendar is UTC). */
function isoDayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The artist asks to publish `title`; returns the request's id once the worker has graded it (On approval). */
async function submitAndAwaitGrade(page: Page, title: string): Promise<number> {
  await page.goto("/requests/new/publish");
  await page.getByLabel("Release", { exact: true }).selectOption({ label: title });
  await page.getByLabel("Publication date").fill(isoDayFromToday(20));
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  await expect(page.getByText(/Grade: -?\d of 0/)).toBeVisible({ timeout: 30_000 });
  return Number(new URL(page.url()).pathname.split("/").pop());
}

test("the manager accepts three requests at once while the artist withdraws one: two accepted, one reported as moved on", async ({ browser }) => {
  test.setTimeout(120_000);
  const artist = await createUser({ role: "ARTIST" });
  const titles = ["First", "Second", "Third"].map((word) => `${word} Batch ${uniqueSuffix()}`);
  await createReleases(
    artist.artistId!,
    titles.map((title) => ({ title, status: "UNPUBLISHED" as const, releaseDate: isoDayFromToday(0), tracks: [{ title: "Opening", genre: "Jazz" }] })),
  );

  const artistContext = await browser.newContext();
  const managerContext = await browser.newContext();
  try {
    const artistPage = await artistContext.newPage();
    const managerPage = await managerContext.newPage();
    await signIn(artistPage, artist);
    await signIn(managerPage, artist.manager!);

    const ids: number[] = [];
    for (const title of titles) ids.push(await submitAndAwaitGrade(artistPage, title));
    const [first, withdrawn, third] = ids as [number, number, number];

    // The manager's queue holds the three, each with its checkbox.
    await managerPage.goto("/manager/requests");
    for (const id of ids) await expect(managerPage.getByLabel(`Select request #${id}`)).toBeVisible();
    const decide = managerPage.getByRole("form", { name: "Decide the selected requests" });

    // Nothing ticked: the form says so, and nothing changes.
    await decide.getByRole("button", { name: "Accept selected" }).click();
    await expect(decide.getByText("Select at least one request")).toBeVisible();

    // The manager selects all three...
    await managerPage.getByLabel("Select every request on this page").check();
    for (const id of ids) await expect(managerPage.getByLabel(`Select request #${id}`)).toBeChecked();

    // ...and clicks "Accept selected"; the click is held on its way until the artist, in the other
    // browser, has withdrawn the second request, so the withdrawal lands between the manager's
    // choice and the server's work, whatever the queue shows meanwhile.
    let releaseClick!: () => void;
    const withdrawalDone = new Promise<void>((resolve) => {
      releaseClick = resolve;
    });
    await managerPage.route("**/manager/requests**", async (route) => {
      if (route.request().method() === "POST" && route.request().headers()["next-action"]) await withdrawalDone;
      await route.continue();
    });
    await decide.getByRole("button", { name: "Accept selected" }).click();
    await expect(decide.getByRole("button", { name: "Accepting…" })).toBeDisabled();

    await artistPage.goto(`/requests/${withdrawn}`);
    await artistPage.getByRole("button", { name: "Withdraw" }).click();
    await expect(artistPage.getByText("Withdrawn").first()).toBeVisible();
    releaseClick();

    await expect(managerPage.getByText("2 accepted, 1 not changed.")).toBeVisible();
    // In the queue's order (newest first), as they were ticked.
    const results = managerPage.getByRole("list", { name: "Result per request" }).getByRole("listitem");
    await expect(results).toHaveText([
      `#${third} Accepted`,
      new RegExp(`^#${withdrawn} Not changed: This request has already moved on \\(it is Closed\\)`),
      `#${first} Accepted`,
    ]);
    // The decided requests have left the open queue; the results stay on the page.
    await expect(managerPage.getByText("Nothing here")).toBeVisible();
    await expect(results).toHaveCount(3);

    // Each request shows its own outcome to the artist: two accepted, the withdrawn one still withdrawn.
    for (const [id, word] of [
      [first, "Accepted"],
      [withdrawn, "Withdrawn"],
      [third, "Accepted"],
    ] as const) {
      await artistPage.goto(`/requests/${id}`);
      await expect(artistPage.getByText(word).first()).toBeVisible();
    }
  } finally {
    await artistContext.close();
    await managerContext.close();
  }
});

test("without JavaScript the manager declines a ticked request: a reason is asked for, then the result is shown", async ({ browser }) => {
  test.setTimeout(90_000);
  const artist = await createUser({ role: "ARTIST" });
  const title = `No Script ${uniqueSuffix()}`;
  await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate: isoDayFromToday(0), tracks: [{ title: "Opening", genre: "Jazz" }] }]);

  const artistContext = await browser.newContext();
  const signInContext = await browser.newContext();
  try {
    const artistPage = await artistContext.newPage();
    await signIn(artistPage, artist);
    const requestId = await submitAndAwaitGrade(artistPage, title);

    // Signed in with a script, then the manager's browser runs none.
    const signInPage = await signInContext.newPage();
    await signIn(signInPage, artist.manager!);
    const managerContext = await browser.newContext({ javaScriptEnabled: false, storageState: await signInContext.storageState() });
    const managerPage = await managerContext.newPage();
    await managerPage.goto("/manager/requests");
    const decide = managerPage.getByRole("form", { name: "Decide the selected requests" });

    await managerPage.getByLabel(`Select request #${requestId}`).check();
    await decide.getByRole("button", { name: "Decline selected" }).click();
    await expect(decide.getByText("Give a reason for declining")).toBeVisible();

    await managerPage.getByLabel(`Select request #${requestId}`).check();
    await decide.getByLabel("Reason").fill("Not this season, sorry");
    await decide.getByRole("button", { name: "Decline selected" }).click();
    await expect(managerPage.getByText("1 declined.")).toBeVisible();
    await expect(managerPage.getByRole("list", { name: "Result per request" }).getByRole("listitem")).toHaveText([`#${requestId} Declined`]);

    await artistPage.goto(`/requests/${requestId}`);
    await expect(artistPage.getByText("Not this season, sorry").first()).toBeVisible();
    await managerContext.close();
  } finally {
    await artistContext.close();
    await signInContext.close();
  }
});
