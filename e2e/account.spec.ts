// The account page (docs/domain.md §11, §8): reached from the name in the header; a person
// renames themselves, changes their password (the other browser is signed out, this one
// stays), signs out everywhere, and is told when the current password is wrong.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { adminCredentials, createUser, signIn, type Credentials } from "./fixtures/users";

const PASSWORD_CHANGED = "Password changed. Your other sessions have been signed out.";

/** A browser of its own (cookies apart from every other), signed in as `person`. */
async function signedInBrowser(browser: Browser, person: Credentials): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, person);
  return { context, page };
}

async function expectSignedOut(page: Page) {
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

test("a signed-out visitor of /account is sent to sign in and comes back to it", async ({ page }) => {
  const user = await createUser({ role: "USER" });

  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1, name: "Account" })).toBeVisible();
});

test("a person opens their account from the name in the header and changes their name", async ({ page }) => {
  const user = await createUser({ role: "ARTIST" });
  await signIn(page, user);

  const header = page.getByRole("banner");
  await header.getByRole("link", { name: user.name }).click();
  await expect(page).toHaveURL(/\/account$/);
  const summary = page.getByRole("region", { name: "Signed in as" });
  await expect(summary.getByText(user.name)).toBeVisible();
  await expect(summary.getByText(user.email)).toBeVisible();
  await expect(summary.getByText("Artist", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(user.name);

  await page.getByLabel("Name").fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription(/Enter your name/);

  const newName = `Renamed ${Date.now()}`;
  await page.getByLabel("Name").fill(`  ${newName} `);
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("status").filter({ hasText: "Name saved." })).toBeVisible();
  await expect(header.getByRole("link", { name: newName })).toBeVisible();
  await expect(header.getByText(user.name)).toHaveCount(0);
  await expect(page.getByLabel("Name")).toHaveValue(newName);

  // Stored, not only shown: another page after a reload still has it.
  await page.goto("/requests");
  await expect(page.getByRole("banner").getByRole("link", { name: newName })).toBeVisible();
});

test("the admin and a manager reach their account page too", async ({ browser }) => {
  const manager = await createUser({ role: "MANAGER" });
  for (const [person, role] of [
    [manager, "Manager"],
    [adminCredentials(), "Admin"],
  ] as const) {
    const { context, page } = await signedInBrowser(browser, person);
    try {
      await page.getByRole("banner").getByRole("link", { name: person.name }).click();
      await expect(page).toHaveURL(/\/account$/);
      const summary = page.getByRole("region", { name: "Signed in as" });
      await expect(summary.getByText(person.email)).toBeVisible();
      await expect(summary.getByText(role, { exact: true })).toBeVisible();
      for (const button of ["Save", "Change password", "Sign out everywhere"]) {
        await expect(page.getByRole("button", { name: button })).toBeVisible();
      }
    } finally {
      await context.close();
    }
  }
});

test("changing the password signs out the other browser at its next page load and keeps this one", async ({ browser }) => {
  const user = await createUser({ role: "USER" });
  const here = await signedInBrowser(browser, user);
  const elsewhere = await signedInBrowser(browser, user);
  try {
    await here.page.goto("/account");
    await here.page.getByLabel("Current password").fill(user.password);
    await here.page.getByLabel("New password").fill("a-brand-new-password");
    await here.page.getByRole("button", { name: "Change password" }).click();
    await expect(here.page.getByRole("status").filter({ hasText: PASSWORD_CHANGED })).toBeVisible();
    await expect(here.page.getByLabel("Current password")).toHaveValue("");

    await elsewhere.page.goto("/requests");
    await expectSignedOut(elsewhere.page);

    await here.page.goto("/requests");
    await expect(here.page).toHaveURL(/\/requests$/);
    await expect(here.page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();

    // The new password is the one that signs in now.
    await signIn(elsewhere.page, { email: user.email, password: "a-brand-new-password" });
    await expect(elsewhere.page).toHaveURL(/\/requests$/);
  } finally {
    await here.context.close();
    await elsewhere.context.close();
  }
});

test("a wrong current password is refused next to its field and changes nothing", async ({ browser }) => {
  const user = await createUser({ role: "USER" });
  const here = await signedInBrowser(browser, user);
  const elsewhere = await signedInBrowser(browser, user);
  try {
    await here.page.goto("/account");
    await here.page.getByLabel("Current password").fill("not-my-password");
    await here.page.getByLabel("New password").fill("a-brand-new-password");
    await here.page.getByRole("button", { name: "Change password" }).click();

    await expect(here.page.getByLabel("Current password")).toHaveAccessibleDescription("Current password is wrong");
    await expect(here.page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    await expect(here.page.getByText(PASSWORD_CHANGED)).toHaveCount(0);

    // The other browser is still signed in, and the old password still signs in.
    await elsewhere.page.goto("/requests");
    await expect(elsewhere.page.getByRole("banner").getByRole("button", { name: "Sign out" })).toBeVisible();
    await signIn(elsewhere.page, user);
  } finally {
    await here.context.close();
    await elsewhere.context.close();
  }
});

test("\"Sign out everywhere\" signs out this browser and every other one", async ({ browser }) => {
  const user = await createUser({ role: "USER" });
  const here = await signedInBrowser(browser, user);
  const elsewhere = await signedInBrowser(browser, user);
  try {
    await here.page.goto("/account");
    await here.page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expectSignedOut(here.page);

    await elsewhere.page.goto("/requests");
    await expectSignedOut(elsewhere.page);

    // This browser is signed out too, not only sent to the sign-in page.
    await here.page.goto("/account");
    await expect(here.page).toHaveURL(/\/login\?callbackUrl=%2Faccount$/);
  } finally {
    await here.context.close();
    await elsewhere.context.close();
  }
});
