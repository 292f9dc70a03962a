// Deadlines (docs/domain.md §9 "Deadlines"): an open request shows when it expires and how
// much time is left; the manager's queue shows each row's deadline and filters to "Expiring
// within 7 days"; the manager is reminded of a request about to expire.
import { expect, test } from "@playwright/test";
import { submitRequestsWithDeadlines } from "./fixtures/deadline-requests";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, uniqueSuffix } from "./fixtures/users";

test("an open request shows its deadline and time left; the queue filters to those expiring within 7 days", async ({ page, browser }) => {
  const artist = await createUser({ role: "ARTIST" });
  const suffix = uniqueSuffix();
  const [soonRelease, laterRelease] = await createReleases(artist.artistId!, [
    { title: `Soon ${suffix}`, status: "UNPUBLISHED", releaseDate: "2026-01-01", tracks: [{ title: "One", genre: "Pop" }] },
    { title: `Later ${suffix}`, status: "UNPUBLISHED", releaseDate: "2026-01-01", tracks: [{ title: "Two", genre: "Pop" }] },
  ]);
  // Both expected 40 days from now; the first one's deadline is then moved to 3 days from now.
  const [soonId, laterId] = await submitRequestsWithDeadlines({
    userId: artist.id,
    artistId: artist.artistId!,
    requests: [
      { releaseId: soonRelease!.id, expectedInDays: 40, expiresInHours: 3 * 24 },
      { releaseId: laterRelease!.id, expectedInDays: 40 },
    ],
  });

  // The applicant sees the deadline and the time left on the request page and in their list.
  await signIn(page, artist);
  await page.goto(`/requests/${soonId}`);
  await expect(page.getByText(/^Expires on \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC if it is not decided by then/)).toBeVisible();
  await expect(page.getByText(/^in (2 days|3 days|\d+ hours)$/)).toBeVisible();
  await page.goto(`/requests/${laterId}`);
  await expect(page.getByText(/^Expires on .* if it is not decided by then/)).toBeVisible();
  await expect(page.getByText(/^in (39|40) days$/)).toBeVisible();
  await page.goto("/requests");
  await expect(page.getByRole("columnheader", { name: "Expires" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: `#${soonId}` }).getByText(/^in (2 days|3 days|\d+ hours)$/)).toBeVisible();

  // Meanwhile, in a browser of their own, the manager's queue: every row with its deadline; the
  // filter keeps only the one expiring soon.
  const managerContext = await browser.newContext();
  const artistPage = page;
  page = await managerContext.newPage();
  await signIn(page, artist.manager!);
  await page.goto("/manager/requests");
  const soonRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^#${soonId} `) }) });
  const laterRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: new RegExp(`^#${laterId} `) }) });
  await expect(soonRow.getByText(/^in (2 days|3 days|\d+ hours)$/)).toBeVisible();
  await expect(laterRow.getByText(/^in (39|40) days$/)).toBeVisible();

  await page.getByLabel("Status").selectOption({ label: "Expiring within 7 days" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/status=expiring/);
  await expect(soonRow).toBeVisible();
  await expect(laterRow).toHaveCount(0);

  // The reminder of the near deadline reaches the manager through the worker.
  await expect(async () => {
    await page.goto("/notifications");
    await expect(page.getByText(new RegExp(`Request #${soonId} expires on .+ if it is not decided by then\\.`))).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByText(new RegExp(`Request #${laterId} expires on`))).toHaveCount(0);

  // The applicant, still signed in, sees the same deadline on their request.
  await artistPage.goto(`/requests/${soonId}`);
  await expect(artistPage.getByText(/^in (2 days|3 days|\d+ hours)$/)).toBeVisible();
  await managerContext.close();
});
