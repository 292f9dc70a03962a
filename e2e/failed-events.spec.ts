// Failed events (docs/domain.md §10, decision 017), with the real worker: an artist's publish
// request cannot be graded (the database refuses it for this artist), the worker retries until it
// parks the event and the request shows "Processing failed"; the fault is repaired, the admin
// finds the event on /admin/failed-events and presses Retry, and the request is graded: the mark
// is gone and the artist is told.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./fixtures/axe";
import { breakGrading, repairGrading } from "./fixtures/grading-fault";
import { createReleases } from "./fixtures/releases";
import { adminCredentials, createUser, signIn, uniqueSuffix } from "./fixtures/users";

const DAY_MS = 24 * 60 * 60 * 1000;
const GRADING = "publish-request.grading-due";
const FAILED = "Processing failed — will not retry";

/** "YYYY-MM-DD" of the UTC day `days` after today (the label's calendar is UTC). */
function isoDayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
}

test("a grading that failed until the dead-letter topic is retried from the admin's page once fixed", async ({ browser }) => {
  // The worker's five attempts with backoff, then the retry, on a shared machine: generous.
  test.setTimeout(180_000);
  const artist = await createUser({ role: "ARTIST" });
  const title = `Parked Tune ${uniqueSuffix()}`;
  await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate: isoDayFromToday(0), tracks: [{ title: "Only", genre: "Jazz" }] }]);
  await breakGrading(artist.id);

  const artistContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const artistPage = await artistContext.newPage();
    await signIn(artistPage, artist);
    await artistPage.goto("/requests/new/publish");
    await artistPage.getByLabel("Release", { exact: true }).selectOption({ label: title });
    await artistPage.getByLabel("Publication date").fill(isoDayFromToday(30));
    await artistPage.getByRole("button", { name: "Submit request" }).click();
    await expect(artistPage).toHaveURL(/\/requests\/\d+$/);
    const requestId = Number(new URL(artistPage.url()).pathname.split("/").pop());

    // Every attempt fails; after the last one the event is parked and the request says so.
    await expect(async () => {
      await artistPage.reload();
      await expect(artistPage.getByText(FAILED)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 90_000 });

    await repairGrading(artist.id);

    const adminPage = await adminContext.newPage();
    await signIn(adminPage, adminCredentials());
    await adminPage.getByRole("banner").getByRole("link", { name: "Failed events" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/failed-events$/);
    await adminPage.getByLabel("Event", { exact: true }).selectOption(GRADING);
    await adminPage.getByRole("button", { name: "Filter" }).click();
    await expect(adminPage).toHaveURL(/event=publish-request\.grading-due/);
    const row = adminPage.getByRole("row").filter({ has: adminPage.getByRole("link", { name: `Request #${requestId}`, exact: true }) });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole("cell", { name: "5", exact: true })).toBeVisible();
    await expect(adminPage.getByRole("button", { name: "Retry all" })).toBeVisible();
    await expectNoAxeViolations(adminPage, "/admin/failed-events with a parked event");

    // The reason's last line is shown; the rest (where the database refused it) one click away.
    await expect(row.getByText("Database error. Code: `P0001`. Message: `grading store unavailable`", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: "Retry", exact: true }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: `Retry of ${GRADING} for request #${requestId} sent.` })).toBeVisible();
    // Off the list of events waiting for a retry: it is on its way (or through already).
    await expect(adminPage.getByRole("link", { name: `Request #${requestId}`, exact: true })).toHaveCount(0);

    // Through the outbox and the worker: the request is graded, the row resolved.
    await expect(async () => {
      await artistPage.reload();
      await expect(artistPage.getByText("On approval").first()).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 60_000 });
    await expect(artistPage.getByText(FAILED)).toHaveCount(0);
    await adminPage.goto(`/admin/failed-events?event=${GRADING}&state=resolved`);
    const resolved = adminPage.getByRole("row").filter({ has: adminPage.getByRole("link", { name: `Request #${requestId}`, exact: true }) });
    await expect(resolved.getByText("Resolved")).toBeVisible();
    await expect(resolved.getByRole("button", { name: "Retry", exact: true })).toHaveCount(0);

    await artistPage.goto("/notifications");
    await expect(artistPage.getByText(`Request #${requestId} is moving again`)).toBeVisible();
  } finally {
    await repairGrading(artist.id);
    await artistContext.close();
    await adminContext.close();
  }
});
