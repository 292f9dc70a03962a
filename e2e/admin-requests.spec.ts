// All requests (docs/domain.md §10): the admin finds a request among every request, reads it
// without deciding or commenting, and reassigns it while its manager has their queue open in
// another browser; the request then leaves that queue and its page is no longer theirs, the new
// manager has it in their queue and is told, and the applicant reads the move in the History. The
// admin also moves an artist, with their open publish requests, to another manager.
import { expect, test, type Page } from "@playwright/test";
import { assignedManagerCredentials } from "./fixtures/assigned-manager";
import { createReleases } from "./fixtures/releases";
import { adminCredentials, createUser, signIn, uniqueSuffix } from "./fixtures/users";

const history = (page: Page) => page.getByRole("region", { name: "History" });

test("the admin reassigns a sign request while its manager has the queue open; the new manager and the applicant see it", async ({ browser }) => {
  // Three browsers and the worker on a shared 2-core machine: generous.
  test.setTimeout(240_000);
  const applicant = await createUser({ role: "USER" });
  const nickname = `Moved Voice ${uniqueSuffix()}`.slice(0, 64);
  const reason = `Cover for the holidays ${uniqueSuffix()}`;

  const applicantContext = await browser.newContext();
  const managerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    const applicantPage = await applicantContext.newPage();
    await signIn(applicantPage, applicant);
    await applicantPage.goto("/requests/new/sign-contract");
    await applicantPage.getByLabel("Nickname").fill(nickname);
    await applicantPage.getByRole("button", { name: "Submit request" }).click();
    await expect(applicantPage).toHaveURL(/\/requests\/\d+$/);
    const requestPath = new URL(applicantPage.url()).pathname;
    const requestId = Number(requestPath.split("/").pop());
    await expect(applicantPage.getByText("On approval").first()).toBeVisible({ timeout: 30_000 });

    // The manager the worker chose has their queue open; the one to take over is made after the
    // assignment, so the worker could not have picked them.
    const former = await assignedManagerCredentials(requestId);
    const successor = await createUser({ role: "MANAGER" });
    const managerPage = await managerContext.newPage();
    await signIn(managerPage, former);
    await managerPage.goto(`/manager/requests?q=${encodeURIComponent(nickname)}`);
    const queueLink = managerPage.getByRole("link", { name: new RegExp(`#${requestId}\\b`) });
    await expect(queueLink).toBeVisible();

    // The admin finds it among every request, by manager and search, and opens it read-only.
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, adminCredentials());
    await adminPage.getByRole("banner").getByRole("link", { name: "All requests" }).click();
    await expect(adminPage).toHaveURL(/\/admin\/requests$/);
    await adminPage.getByLabel("Search").fill(nickname);
    await adminPage.getByLabel("Status").selectOption({ label: "All open" });
    await adminPage.getByRole("button", { name: "Apply" }).click();
    const row = adminPage.getByRole("row").filter({ hasText: new RegExp(`#${requestId}\\b`) });
    await expect(row).toContainText(former.name);
    await row.getByRole("link", { name: new RegExp(`#${requestId}\\b`) }).click();
    await expect(adminPage).toHaveURL(new RegExp(`${requestPath}$`));
    await expect(adminPage.getByText(`Assigned to ${former.name}`)).toBeVisible();
    await expect(adminPage.getByText(applicant.email)).toBeVisible();
    for (const button of ["Accept", "Decline", "Request changes", "Withdraw", "Post comment"]) {
      await expect(adminPage.getByRole("button", { name: button, exact: true })).toHaveCount(0);
    }
    await expect(adminPage.getByLabel("Comment")).toHaveCount(0);

    // Reassign: the reason is required, then it moves.
    const reassign = adminPage.getByRole("region", { name: "Reassign" });
    await reassign.getByLabel("Manager").selectOption(String(successor.managerId));
    await reassign.getByRole("button", { name: "Reassign" }).click();
    await expect(reassign.getByText("Give a reason; it is shown in the request's history")).toBeVisible();
    await reassign.getByLabel("Reason").fill(reason);
    await reassign.getByRole("button", { name: "Reassign" }).click();
    await expect(reassign.getByText(`${successor.name} has this request now.`)).toBeVisible();
    await expect(adminPage.getByText(`Assigned to ${successor.name}`)).toBeVisible();
    await expect(history(adminPage).getByText(`Reassigned from ${former.name} to ${successor.name}`)).toBeVisible();
    await expect(history(adminPage).getByText(reason)).toBeVisible();

    // The request has left the former manager's queue (the open page may drop it by itself, §9
    // "Live pages": not waited for here), and its page is no longer theirs to open.
    await managerPage.goto(`/manager/requests?q=${encodeURIComponent(nickname)}`);
    await expect(managerPage.getByRole("link", { name: new RegExp(`#${requestId}\\b`) })).toHaveCount(0);
    const stale = await managerPage.goto(requestPath);
    expect(stale?.status()).toBe(404);
    await expect(managerPage.getByRole("heading", { name: "Page not found" })).toBeVisible();

    // The new manager has it in their queue, and was told why.
    await signIn(managerPage, successor);
    await managerPage.goto(`/manager/requests?q=${encodeURIComponent(nickname)}`);
    await expect(managerPage.getByRole("link", { name: new RegExp(`#${requestId}\\b`) })).toBeVisible();
    await managerPage.goto("/notifications");
    await expect(managerPage.getByText(`The label reassigned request #${requestId} ("${nickname}") to you: ${reason}`)).toBeVisible();

    // The applicant reads the move and its reason in the History.
    await applicantPage.goto(requestPath);
    await expect(applicantPage.getByText(`Assigned to ${successor.name}`)).toBeVisible();
    await expect(history(applicantPage).getByText(`Reassigned from ${former.name} to ${successor.name}`)).toBeVisible();
    await expect(history(applicantPage).getByText(reason)).toBeVisible();
  } finally {
    await applicantContext.close();
    await managerContext.close();
    await adminContext.close();
  }
});

test("the admin moves an artist to another manager, and their open publish request goes with them", async ({ page }) => {
  test.setTimeout(120_000);
  const artist = await createUser({ role: "ARTIST" });
  const successor = await createUser({ role: "MANAGER" });
  const title = `Moving Record ${uniqueSuffix()}`;
  const reason = `Closer to the genre ${uniqueSuffix()}`;
  const now = new Date();
  const releaseDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate())).toISOString().slice(0, 10);
  const publicationDate = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 20)).toISOString().slice(0, 10);
  await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate, tracks: [{ title: "Opening", genre: "Jazz" }] }]);

  await signIn(page, artist);
  await page.goto("/requests/new/publish");
  await page.getByLabel("Release", { exact: true }).selectOption({ label: title });
  await page.getByLabel("Publication date").fill(publicationDate);
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const requestPath = new URL(page.url()).pathname;

  await signIn(page, adminCredentials());
  await page.goto(`/admin/users?q=${encodeURIComponent(artist.email)}`);
  await page.getByRole("row").filter({ hasText: artist.email }).getByRole("link", { name: "Move to manager" }).click();
  await expect(page.getByRole("heading", { name: `Move ${artist.nickname} to another manager` })).toBeVisible();
  const form = page.getByRole("region", { name: "Move to manager" });
  await form.getByLabel("Manager").selectOption(String(successor.managerId));
  await form.getByLabel("Reason").fill(reason);
  await form.getByRole("button", { name: "Move to manager" }).click();
  await expect(form.getByText(`${artist.nickname} now works with ${successor.name}; 1 open publish request went with them.`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Now" }).getByText(successor.name)).toBeVisible();

  await signIn(page, successor);
  await page.goto("/manager/artists");
  await expect(page.getByRole("cell", { name: artist.nickname!, exact: true })).toBeVisible();
  await page.goto(requestPath);
  await expect(history(page).getByText(`Reassigned from ${artist.manager!.name} to ${successor.name}`)).toBeVisible();
  await expect(history(page).getByText(reason)).toBeVisible();
});
