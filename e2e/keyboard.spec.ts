// The sign-contract journey by keyboard alone (issue 10; decision 015): what axe cannot check —
// that every step can be reached and done with Tab, Shift+Tab, Enter and typing, in a sensible
// order, with the focus visible at each stop, and that a refused decision puts the focus on the
// field to correct. No mouse: no clicks, no fills; pages are only opened by address where a
// person would type one (the first page of each visit).
import { expect, test, type Locator, type Page } from "@playwright/test";
import { assignedManagerCredentials } from "./fixtures/assigned-manager";
import { uniqueEmail, uniqueSuffix } from "./fixtures/users";

/** Fails unless the focused element shows where the keyboard is (an outline or a ring). */
async function expectFocusVisible(page: Page): Promise<void> {
  const focus = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { visible: false, what: "nothing has the focus" };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    const ring = style.boxShadow !== "none";
    const box = element.getBoundingClientRect();
    const what = `${element.tagName.toLowerCase()} "${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40)}"`;
    return { visible: element.matches(":focus-visible") && (outline || ring) && box.width > 1 && box.height > 1, what };
  });
  expect(focus.visible, `the focus is visible on ${focus.what}`).toBe(true);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus, checking the focus at every stop. */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 40 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    await expectFocusVisible(page);
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${max} presses of ${backwards ? "Shift+Tab" : "Tab"} did not reach ${target}`);
}

/** The sign-in form by keyboard: the email field has the focus when the page opens. */
async function signInByKeyboard(page: Page, credentials: { email: string; password: string }): Promise<void> {
  await page.goto("/login");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.type(credentials.email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type(credentials.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

test("the sign-contract journey by keyboard alone: register, ask to join, the manager declines without a reason, then accepts", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const email = uniqueEmail("keyboard");
  const nickname = `Keys ${uniqueSuffix()}`.slice(0, 64);

  // Register: the name field has the focus when the page opens.
  await page.goto("/register");
  await expect(page.getByLabel("Name")).toBeFocused();
  await page.keyboard.type(`Keyboard ${uniqueSuffix()}`);
  await tabTo(page, page.getByLabel("Email"));
  await page.keyboard.type(email);
  await tabTo(page, page.getByLabel("Password"));
  await page.keyboard.type("keyboard-password");
  await tabTo(page, page.getByRole("button", { name: "Create account" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests$/);

  // The first Tab reaches "Skip to content", shown once focused; it leads past the header.
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const join = page.getByRole("main").getByRole("link", { name: "Join the label" }).first();
  await expect(join).toBeFocused();
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");

  await expect(page).toHaveURL(/\/requests\/new\/sign-contract$/);
  await tabTo(page, page.getByLabel("Nickname"));
  await page.keyboard.type(nickname);
  await tabTo(page, page.getByLabel("Message"));
  await page.keyboard.type("I play the keys.");
  await tabTo(page, page.getByRole("button", { name: "Submit request" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const requestId = Number(new URL(page.url()).pathname.split("/").pop());
  await expect(page.getByText("On approval").first()).toBeVisible({ timeout: 30_000 });

  // The assigned manager, in a browser of their own.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  await signInByKeyboard(manager, await assignedManagerCredentials(requestId));
  await expect(manager).toHaveURL(/\/manager\/requests/);
  await tabTo(manager, manager.getByLabel("Search"));
  await manager.keyboard.type(nickname);
  await manager.keyboard.press("Enter");
  await expect(manager).toHaveURL(/q=/);
  await tabTo(manager, manager.getByRole("link", { name: new RegExp(`#${requestId}\\b`) }));
  await manager.keyboard.press("Enter");
  await expect(manager).toHaveURL(new RegExp(`/requests/${requestId}$`));

  // Decline without a reason: the error is tied to the field, and the focus goes there.
  const decision = manager.getByRole("region", { name: "Decision" });
  await tabTo(manager, decision.getByRole("button", { name: "Decline" }));
  await manager.keyboard.press("Enter");
  const reason = decision.getByLabel("Reason");
  await expect(reason).toHaveAccessibleDescription(/Give a reason for declining/);
  await expect(reason).toHaveAttribute("aria-invalid", "true");
  await expect(reason).toBeFocused();
  await expectFocusVisible(manager);

  // Accept comes before the reason: back with Shift+Tab.
  await tabTo(manager, decision.getByRole("button", { name: "Accept" }), { backwards: true });
  await manager.keyboard.press("Enter");
  await expect(manager.getByText("Accepted").first()).toBeVisible();
  await expect(manager.getByText("Closed").first()).toBeVisible();
  await managerContext.close();

  // The applicant, now an artist, reloads and finds the answer through the header's navigation.
  await page.reload();
  await tabTo(page, page.getByRole("banner").getByRole("link", { name: "My requests" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.getByRole("banner").getByText("Artist", { exact: true })).toBeVisible();
  await tabTo(page, page.getByRole("main").getByRole("link", { name: new RegExp(`#${requestId}\\b`) }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/requests/${requestId}$`));
  await expect(page.getByText("Accepted").first()).toBeVisible();
});
