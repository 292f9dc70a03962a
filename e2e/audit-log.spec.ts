// The audit log (docs/domain.md §10): the admin disables and enables an account, then finds both
// entries on /admin/audit, filtered by what was done, with themselves as the actor. The page
// offers no way to change or remove an entry.
import { expect, test } from "@playwright/test";
import { adminCredentials, createUser, signIn } from "./fixtures/users";

test("the admin's disable and enable are in the audit log, filtered by action", async ({ page }) => {
  const user = await createUser({ role: "USER" });
  const admin = adminCredentials();
  await signIn(page, admin);

  await page.goto(`/admin/users?q=${encodeURIComponent(user.email)}`);
  const row = page.getByRole("row").filter({ hasText: user.email });
  await row.getByRole("button", { name: "Disable" }).click();
  await expect(page.getByText(`${user.name} is disabled.`)).toBeVisible();
  await row.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByText(`${user.name} is enabled again.`)).toBeVisible();

  await page.getByRole("navigation").getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  const target = `User #${user.id}`;

  for (const [action, label] of [
    ["user.disable", "Account disabled"],
    ["user.enable", "Account enabled"],
  ] as const) {
    await page.getByLabel("What").selectOption(action);
    await page.getByLabel("Who").fill(admin.email);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(new RegExp(`action=${action.replace(".", "\\.")}`));
    const entry = page.getByRole("row").filter({ hasText: target });
    await expect(entry).toHaveCount(1);
    await expect(entry).toContainText(label);
    await expect(entry).toContainText(admin.email);
    // Every row of the filtered list is that action.
    await expect(page.getByRole("row").filter({ hasText: label === "Account disabled" ? "Account enabled" : "Account disabled" })).toHaveCount(0);
  }
  await expect(page.getByRole("button", { name: /edit|delete|remove/i })).toHaveCount(0);
});
