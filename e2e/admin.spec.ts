// The admin's journeys: appoint a user as manager, create a manager, disable and enable an
// account; others are kept out.
import { expect, test } from "@playwright/test";
import { adminCredentials, createUser, signIn, signOut, uniqueEmail } from "./fixtures/users";

test("the admin makes a freshly registered user a manager", async ({ page }) => {
  const user = await createUser({ role: "USER" });

  await signIn(page, adminCredentials());
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("banner").getByText("Admin", { exact: true })).toBeVisible();

  // Search keeps the test independent of how many accounts other tests created meanwhile.
  await page.getByLabel("Search users").fill(user.email);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByRole("row").filter({ hasText: user.email });
  await expect(row).toContainText("User");
  await row.getByRole("button", { name: "Make manager" }).click();

  await expect(page.getByText(`${user.name} is now a manager.`)).toBeVisible();
  await expect(row).toContainText("Manager");
  await expect(row.getByRole("button", { name: "Make manager" })).toHaveCount(0);

  await page.getByRole("banner").getByRole("link", { name: "Managers" }).click();
  const managerRow = page.getByRole("row").filter({ hasText: user.email });
  await expect(managerRow).toContainText(user.name);
  // A brand-new manager has no artists yet.
  await expect(managerRow.getByRole("cell").nth(2)).toHaveText("0");
});

test("an appointed manager finds the news in their notifications and marks it read", async ({ page }) => {
  const user = await createUser({ role: "USER" });
  await signIn(page, adminCredentials());
  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  await page.getByRole("row").filter({ hasText: user.email }).getByRole("button", { name: "Make manager" }).click();
  await expect(page.getByText(`${user.name} is now a manager.`)).toBeVisible();
  await signOut(page);

  await signIn(page, user);
  await expect(page).toHaveURL(/\/manager\/requests$/);
  await page.getByRole("link", { name: "Notifications (1 unread)" }).click();
  const item = page.getByRole("listitem").filter({ hasText: "You are now a manager at Cook Droogers" });
  await item.getByRole("button", { name: "Mark as read" }).click();
  await expect(item.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(page.getByText("You are all caught up.")).toBeVisible();
});

test("the admin creates a manager account, and a taken email is a field error", async ({ page }) => {
  const email = uniqueEmail("new-manager");
  const name = `Morgan ${Date.now()}`;

  await signIn(page, adminCredentials());
  await page.goto("/admin/managers");
  const form = page.getByRole("region", { name: "Create manager" });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill("manager-password");
  await form.getByRole("button", { name: "Create manager" }).click();

  await expect(form.getByRole("status")).toContainText(`Manager account created for ${name}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText(name);

  await form.getByLabel("Name").fill("Someone Else");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill("manager-password");
  await form.getByRole("button", { name: "Create manager" }).click();
  await expect(form.getByLabel("Email")).toHaveAccessibleDescription("An account with this email already exists");
  await expect(form.getByLabel("Name")).toHaveValue("Someone Else");

  // The new manager can sign in and lands on their queue.
  await signOut(page);
  await signIn(page, { email, password: "manager-password" });
  await expect(page).toHaveURL(/\/manager\/requests$/);
});

test("a plain user opening the admin pages gets a not-found page", async ({ page }) => {
  const user = await createUser({ role: "USER" });
  await signIn(page, user);

  for (const path of ["/admin/users", "/admin/managers"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(user.email)).toHaveCount(0);
  }
});

test("the admin disables a signed-in user, who is signed out at once and can sign in again once enabled", async ({ page, browser }) => {
  const user = await createUser({ role: "USER" });
  const admin = adminCredentials();
  // The user, signed in in a browser of their own.
  const theirs = await browser.newContext();
  try {
    const theirPage = await theirs.newPage();
    await signIn(theirPage, user);
    await expect(theirPage).toHaveURL(/\/requests$/);

    await signIn(page, admin);
    await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}`);
    const ownRow = page.getByRole("row").filter({ hasText: admin.email });
    await expect(ownRow).toContainText("Admin");
    await expect(ownRow.getByRole("button", { name: "Disable" })).toHaveCount(0);

    await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
    const row = page.getByRole("row").filter({ hasText: user.email });
    await expect(row.getByText("Disabled", { exact: true })).toHaveCount(0);
    await row.getByRole("button", { name: "Disable" }).click();
    await expect(page.getByText(`${user.name} is disabled.`)).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
    // The list is still the searched one.
    await expect(page.getByLabel("Search users")).toHaveValue(user.email);

    // Their session ended: the next page load is the sign-in page.
    await theirPage.reload();
    await expect(theirPage).toHaveURL(/\/login/);
    await theirPage.getByLabel("Email").fill(user.email);
    await theirPage.getByLabel("Password").fill(user.password);
    await theirPage.getByRole("button", { name: "Sign in" }).click();
    await expect(theirPage.getByRole("alert").filter({ hasText: "This account is disabled. Ask the label to enable it again." })).toBeVisible();
    await expect(theirPage.getByRole("button", { name: "Sign out" })).toHaveCount(0);

    await row.getByRole("button", { name: "Enable" }).click();
    await expect(page.getByText(`${user.name} is enabled again.`)).toBeVisible();
    await expect(row.getByText("Disabled", { exact: true })).toHaveCount(0);
    await expect(row.getByRole("button", { name: "Disable" })).toBeVisible();

    await signIn(theirPage, user);
    await expect(theirPage).toHaveURL(/\/requests$/);
  } finally {
    await theirs.close();
  }
});
