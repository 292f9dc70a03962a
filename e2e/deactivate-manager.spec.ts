// Deactivating a manager (docs/domain.md §10): the admin deactivates a manager who has a queue
// and an artist; the manager's open page is signed out at once, the admin's page shows the
// redistribution until it is done (refreshing by itself), and the requests are then in another
// manager's queue. The manager is made for this spec: deactivating a seeded one would move the
// demo requests of every other spec's shared database.
import { expect, test } from "@playwright/test";
import { assignedManagerCredentials } from "./fixtures/assigned-manager";
import { signRequestsAssignedTo } from "./fixtures/assigned-requests";
import { adminCredentials, createUser, createUsers, signIn, uniqueSuffix } from "./fixtures/users";

test("the admin deactivates a manager: their session ends, the work moves to another manager, the page shows it until done", async ({ browser }) => {
  // Two browsers and the worker on a shared 2-core machine: generous.
  test.setTimeout(180_000);
  const suffix = uniqueSuffix();
  const former = await createUser({ role: "MANAGER", name: `Deactivated Dora ${suffix}`.slice(0, 100) });
  const [applicantA, applicantB] = await createUsers([{ role: "USER" }, { role: "USER" }]);
  const nicknames = [`Moving Lights ${suffix}`.slice(0, 64), `Moving Shadows ${suffix}`.slice(0, 64)];
  const requestIds = await signRequestsAssignedTo(former.managerId!, [applicantA!, applicantB!], nicknames);
  await createUser({ role: "ARTIST", managerId: former.managerId! });

  const managerContext = await browser.newContext();
  const adminContext = await browser.newContext();
  try {
    // The manager works their queue.
    const managerPage = await managerContext.newPage();
    await signIn(managerPage, former);
    await managerPage.goto("/manager/requests");
    for (const id of requestIds) await expect(managerPage.getByRole("link", { name: new RegExp(`#${id}\\b`) })).toBeVisible();

    // The admin deactivates them, confirming first.
    const adminPage = await adminContext.newPage();
    await signIn(adminPage, adminCredentials());
    await adminPage.goto("/admin/managers");
    const row = adminPage.getByRole("row").filter({ hasText: former.email });
    await row.getByRole("button", { name: "Deactivate" }).click();
    await expect(row.getByText("2 open requests and 1 artist go to the other managers")).toBeVisible();
    await row.getByRole("button", { name: "Confirm deactivation" }).click();
    await expect(adminPage.getByRole("status").filter({ hasText: `${former.name} is no longer a manager.` })).toBeVisible();
    await expect(adminPage.getByRole("row").filter({ hasText: former.email })).toHaveCount(0);

    // The job is listed while it runs, and the page shows it done without a reload (live updates).
    const job = adminPage.getByRole("table", { name: "Deactivated managers" }).getByRole("row").filter({ hasText: former.name });
    await expect(job).toContainText(/Redistributing: \d of 3 moved|Done: 3 of 3 moved/);
    await expect(job).toContainText("Done: 3 of 3 moved", { timeout: 60_000 });
    await expect(job).toContainText("2 requests of 2, 1 artist of 1");

    // The former manager's session has ended: their next step leads to the sign-in page.
    await managerPage.goto("/manager/requests");
    await expect(managerPage).toHaveURL(/\/login/);

    // Each request is in another manager's queue, with the move in its history.
    const successor = await assignedManagerCredentials(requestIds[0]!);
    expect(successor.email).not.toBe(former.email);
    const successorPage = await managerContext.newPage();
    await signIn(successorPage, successor);
    await successorPage.goto(`/manager/requests?q=${encodeURIComponent(nicknames[0]!)}`);
    await successorPage.getByRole("link", { name: new RegExp(`#${requestIds[0]}\\b`) }).click();
    await expect(successorPage.getByText(`Assigned to ${successor.name}`)).toBeVisible();
    await expect(successorPage.getByRole("region", { name: "History" }).getByText(`Reassigned from ${former.name} to ${successor.name}`)).toBeVisible();
    await adminPage.goto(`/requests/${requestIds[1]}`);
    await expect(adminPage.getByText(/Assigned to /).first()).toBeVisible();
    await expect(adminPage.getByText(`Assigned to ${former.name}`)).toHaveCount(0);
  } finally {
    await managerContext.close();
    await adminContext.close();
  }
});
