// Accounts in the browser: register, sign out, sign in, wrong password, field errors,
// the way back to a private page, and the header on a phone.
import { expect, test } from "@playwright/test";
import { formatSessionClaims, VERIFIED_SESSION_HEADER } from "@/lib/auth/verified-session";
import { liveSessionIds } from "./fixtures/sessions";
import { createUser, DEFAULT_PASSWORD, signIn, uniqueEmail } from "./fixtures/users";

test("a visitor registers, signs out and signs in again", async ({ page }) => {
  const email = uniqueEmail("register");
  const name = `Robin ${Date.now()}`;

  await page.goto("/");
  await page.getByRole("link", { name: "Register" }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/requests$/);
  const header = page.getByRole("banner");
  await expect(header.getByText(name)).toBeVisible();
  await expect(header.getByText("User", { exact: true })).toBeVisible();

  await header.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.getByRole("link", { name: "Sign in" }).click();
  // Upper case on purpose: emails are matched case-insensitively.
  await page.getByLabel("Email").fill(email.toUpperCase());
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("banner").getByText(name)).toBeVisible();
});

test("signing out ends the session: a copy of its cookie no longer signs anyone in", async ({ page, browser }) => {
  const user = await createUser({ role: "USER" });
  await signIn(page, user);
  const copied = await page.context().cookies();

  await page.getByRole("banner").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  // Another browser holding the cookie as it was before signing out.
  const thief = await browser.newContext();
  try {
    await thief.addCookies(copied);
    const stolen = await thief.newPage();
    await stolen.goto("/requests");
    await expect(stolen).toHaveURL(/\/login/);
    await expect(stolen.getByRole("button", { name: "Sign in" })).toBeVisible();
  } finally {
    await thief.close();
  }
});

test("a client's own verified-session header signs nobody in: only the proxy sets it (decision 021)", async ({ page, browser }) => {
  const user = await createUser({ role: "USER" });
  await signIn(page, user);
  const [sessionId] = await liveSessionIds(user.id);
  expect(sessionId).toBeTruthy();
  // The session is live: with its cookie, the public page greets a signed-in person.
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Go to your dashboard" })).toBeVisible();

  // A guest sends that session's claims in the header the proxy hands to pages.
  const guest = await browser.newContext();
  try {
    const forged = { [VERIFIED_SESSION_HEADER]: formatSessionClaims({ userId: user.id, sessionId: sessionId! }) };
    const home = await guest.request.get("/", { headers: forged });
    expect(home.status()).toBe(200);
    const html = await home.text();
    expect(html).toContain("Get started");
    expect(html).not.toContain("Go to your dashboard");
    const privatePage = await guest.request.get("/requests", { headers: forged, maxRedirects: 0 });
    expect(privatePage.status()).toBe(307);
    expect(privatePage.headers()["location"]).toContain("/login");
  } finally {
    await guest.close();
  }
});

test("answers that can race a sign-out never carry a session cookie; a page load of a fresh one neither (decision 021)", async ({ page }) => {
  const user = await createUser({ role: "USER" });
  await signIn(page, user);
  const setsSessionCookie = (headers: Record<string, string>) => (headers["set-cookie"] ?? "").includes("authjs.session-token");

  // The router's fetches (a refresh, a navigation, a prefetch) and a form's POST go through the
  // proxy with the cookie and answer without renewing it; so does a page load of a cookie issued
  // within the hour.
  const refresh = await page.request.get("/requests", { headers: { RSC: "1" } });
  expect(refresh.status()).toBe(200);
  expect(setsSessionCookie(refresh.headers())).toBe(false);
  const prefetch = await page.request.get("/account", { headers: { RSC: "1", "Next-Router-Prefetch": "1" } });
  expect(setsSessionCookie(prefetch.headers())).toBe(false);
  const post = await page.request.post("/account", { form: { anything: "x" }, maxRedirects: 0 });
  expect(setsSessionCookie(post.headers())).toBe(false);
  const pageLoad = await page.request.get("/requests");
  expect(pageLoad.status()).toBe(200);
  expect(setsSessionCookie(pageLoad.headers())).toBe(false);
});

test("a wrong password is refused with one message and the email is kept", async ({ page }) => {
  const user = await createUser({ role: "USER" });

  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page).toHaveURL(/\/login/);

  // An unknown email gets exactly the same answer.
  await page.getByLabel("Email").fill(uniqueEmail("nobody"));
  await page.getByLabel("Password").fill(DEFAULT_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid email or password" })).toBeVisible();
});

test("registration answers each invalid field next to it and keeps what was typed", async ({ page }) => {
  const existing = await createUser({ role: "USER" });

  await page.goto("/register");
  await page.getByLabel("Name").fill("Kim");
  await page.getByLabel("Email").fill(existing.email.toUpperCase());
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Password must be at least 8 characters/);
  await expect(page.getByLabel("Name")).toHaveValue("Kim");
  await expect(page.getByLabel("Email")).toHaveValue(existing.email.toUpperCase());

  // With a valid password the duplicate email is the remaining problem.
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("An account with this email already exists");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Name")).toHaveValue("Kim");
  await expect(page).toHaveURL(/\/register$/);

  await page.getByLabel("Name").fill("");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Name")).toHaveAccessibleDescription("Enter your name");
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address");
});

test("a signed-out visitor of a private page signs in and comes back to it", async ({ page }) => {
  const user = await createUser({ role: "USER" });

  await page.goto("/notifications");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fnotifications$/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { level: 1, name: "Notifications" })).toBeVisible();
});

test("signing in goes to the role's home page", async ({ page }) => {
  const manager = await createUser({ role: "MANAGER" });
  await signIn(page, manager);
  await expect(page).toHaveURL(/\/manager\/requests$/);
  await expect(page.getByRole("banner").getByText("Manager", { exact: true })).toBeVisible();
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("the header keeps the name, the role, sign out and the navigation", async ({ page }) => {
    const artist = await createUser({ role: "ARTIST" });
    await signIn(page, artist);

    const header = page.getByRole("banner");
    await expect(header.getByText(artist.name)).toBeVisible();
    await expect(header.getByText("Artist", { exact: true })).toBeVisible();
    await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();
    const navigation = page.getByRole("navigation", { name: "Main" });
    for (const label of ["My requests", "Releases", "Statistics"]) {
      await expect(navigation.getByRole("link", { name: label })).toBeAttached();
    }
    // Nothing overflows the screen sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
