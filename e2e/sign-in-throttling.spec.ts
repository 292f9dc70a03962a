// Sign-in throttling in the browser and at Auth.js's own endpoint (docs/domain.md §11, §8):
// after five failures even the right password is refused with "Too many attempts".
import { expect, test, type Page } from "@playwright/test";
import { createUser, DEFAULT_PASSWORD } from "./fixtures/users";

async function submitSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A failure to be counted: waits for the answer (the form clears the password once the action is done). */
async function failSignIn(page: Page, email: string, password: string) {
  await submitSignIn(page, email, password);
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
}

test("five wrong passwords lock the account: the right one then gets \"Too many attempts\"", async ({ page }) => {
  const user = await createUser({ role: "USER" });

  await page.goto("/login");
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    await failSignIn(page, user.email, `wrong-password-${attempt}`);
  }

  await submitSignIn(page, user.email, DEFAULT_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: /^Too many attempts\. Try again in (14|15) minutes\.$/ })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("failures at Auth.js's credentials endpoint count for the same account", async ({ page, request }) => {
  const user = await createUser({ role: "USER" });
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const postCredentials = async (password: string) => {
    const response = await request.post("/api/auth/callback/credentials", {
      form: { email: user.email, password, csrfToken },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(302);
    return new URL(response.headers().location ?? "", "http://localhost").searchParams.get("code");
  };

  for (let attempt = 1; attempt <= 5; attempt += 1) expect(await postCredentials("wrong-password")).toBe("credentials");
  expect(await postCredentials(DEFAULT_PASSWORD)).toBe("too_many_attempts");

  // Where the endpoint sends the browser back to, the refusal is said too.
  await page.goto("/login?error=CredentialsSignin&code=too_many_attempts");
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();

  await page.goto("/login");
  await submitSignIn(page, user.email, DEFAULT_PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "Too many attempts" })).toBeVisible();
});
