// The first real journey: a person registers, asks to join the label, the worker assigns a
// manager through Kafka, the manager decides, and the person becomes an artist.
import { expect, test } from "@playwright/test";
import { assignedManagerCredentials } from "./fixtures/assigned-manager";
import { createUser, signIn, signOut, uniqueEmail, uniqueSuffix } from "./fixtures/users";

test("a registered user joins the label: submit, assignment, decline needs a reason, accept", async ({ page }) => {
  const email = uniqueEmail("joiner");
  const name = `Joiner ${uniqueSuffix()}`;
  const nickname = `MC ${uniqueSuffix()}`.slice(0, 64);

  await page.goto("/register");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("joiner-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/requests$/);

  await page.goto("/requests/new/sign-contract");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page.getByText("Enter the nickname you want to perform under")).toBeVisible();

  await page.getByLabel("Nickname").fill(nickname);
  await page.getByLabel("Message").fill("I make music in my kitchen.");
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const requestId = Number(new URL(page.url()).pathname.split("/").pop());

  // The worker moves it through Kafka; the page updates by itself.
  await expect(page.getByText("On approval").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^Assigned to /)).toBeVisible();
  const history = page.locator("section").filter({ has: page.getByRole("heading", { name: "History" }) });
  await expect(history.getByText("New → On approval")).toBeVisible();
  await expect(page.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);
  await signOut(page);

  const manager = await assignedManagerCredentials(requestId);
  await signIn(page, manager);
  await page.goto("/manager/requests");
  await page.getByLabel("Search").fill(nickname);
  await page.getByRole("button", { name: "Apply" }).click();
  await page.getByRole("link", { name: new RegExp(`#${requestId}`) }).click();
  await expect(page).toHaveURL(new RegExp(`/requests/${requestId}$`));

  await page.getByRole("button", { name: "Decline" }).click();
  await expect(page.getByText("Give a reason for declining")).toBeVisible();
  await expect(page.getByText("On approval").first()).toBeVisible();

  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByText("Accepted").first()).toBeVisible();
  await expect(page.getByText("Closed").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Accept" })).toHaveCount(0);

  await page.goto("/manager/artists");
  await expect(page.getByRole("cell", { name: nickname })).toBeVisible();
  await signOut(page);

  await signIn(page, { email, password: "joiner-password" });
  await expect(page.getByRole("banner").getByText("Artist", { exact: true })).toBeVisible();
  await page.goto(`/requests/${requestId}`);
  await expect(page.getByText("Accepted").first()).toBeVisible();
});

test("a user cannot open another user's request", async ({ page }) => {
  const [owner, stranger] = [await createUser({ role: "USER" }), await createUser({ role: "USER" })];
  await signIn(page, owner);
  await page.goto("/requests/new/sign-contract");
  await page.getByLabel("Nickname").fill(`Owner ${uniqueSuffix()}`.slice(0, 64));
  await page.getByRole("button", { name: "Submit request" }).click();
  await expect(page).toHaveURL(/\/requests\/\d+$/);
  const url = page.url();
  await signOut(page);

  await signIn(page, stranger);
  const response = await page.goto(url);
  expect(response?.status()).toBe(404);
  await expect(page.getByText(/not found/i).first()).toBeVisible();
  await expect(page.getByText("Owner ")).toHaveCount(0);
});
