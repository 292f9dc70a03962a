// The conversation on a request (docs/domain.md §9), with the artist and their manager in two
// browsers at once: the artist asks, the manager answers, each sees the other's comment and is
// notified; the manager's internal note reaches nothing sent to the artist's browser (the page,
// its raw HTML and RSC responses, the notifications); once closed, nobody can add to it.
import { expect, test, type Page } from "@playwright/test";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, uniqueSuffix } from "./fixtures/users";

const DAY_MS = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" of the UTC day `days` after today (the label's calendar is UTC). */
function isoDayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
}

const history = (page: Page) => page.getByRole("region", { name: "History" });
const conversation = (page: Page) => page.getByRole("region", { name: "Conversation" });

async function postComment(page: Page, text: string, options: { internal?: boolean } = {}) {
  await conversation(page).getByLabel("Comment").fill(text);
  if (options.internal) await conversation(page).getByLabel("Internal note").check();
  await conversation(page).getByRole("button", { name: "Post comment" }).click();
  await expect(history(page).getByText(text)).toBeVisible();
  // Posted: the field is empty again, ready for the next comment.
  await expect(conversation(page).getByLabel("Comment")).toHaveValue("");
}

test("the artist and the manager talk on a request; internal notes never reach the artist; a closed request is read-only", async ({ browser }) => {
  test.setTimeout(120_000);
  const artist = await createUser({ role: "ARTIST" });
  const manager = artist.manager!;
  const title = `Talk It Over ${uniqueSuffix()}`;
  await createReleases(artist.artistId!, [{ title, status: "UNPUBLISHED", releaseDate: isoDayFromToday(0), tracks: [{ title: "Opening", genre: "Jazz" }] }]);

  const artistContext = await browser.newContext();
  const managerContext = await browser.newContext();
  try {
    const artistPage = await artistContext.newPage();
    const managerPage = await managerContext.newPage();
    await signIn(artistPage, artist);
    await signIn(managerPage, manager);

    await artistPage.goto("/requests/new/publish");
    await artistPage.getByLabel("Release", { exact: true }).selectOption({ label: title });
    await artistPage.getByLabel("Publication date").fill(isoDayFromToday(20));
    await artistPage.getByRole("button", { name: "Submit request" }).click();
    await expect(artistPage).toHaveURL(/\/requests\/\d+$/);
    const requestPath = new URL(artistPage.url()).pathname;
    const requestId = Number(requestPath.split("/").pop());
    // The worker grades it; then the page stops refreshing itself.
    await expect(artistPage.getByText(/Grade: -?\d of 0/)).toBeVisible({ timeout: 30_000 });

    // The artist has no internal notes to write.
    await expect(conversation(artistPage).getByLabel("Comment")).toBeVisible();
    await expect(conversation(artistPage).getByLabel("Internal note")).toHaveCount(0);

    const question = `Can the release wait for the autumn? ${uniqueSuffix()}`;
    await postComment(artistPage, question);

    // The manager, in the other browser, sees it (reloading) and is told of it.
    await managerPage.goto(requestPath);
    await expect(history(managerPage).getByText(question)).toBeVisible();
    await managerPage.goto("/notifications");
    await expect(managerPage.getByText(`${artist.name} commented on request #${requestId}: ${question}`)).toBeVisible();

    await managerPage.goto(requestPath);
    const answer = `Autumn works for us. ${uniqueSuffix()}`;
    await postComment(managerPage, answer);
    const note = `Internal ${uniqueSuffix()}: the autumn slots are nearly full`;
    await postComment(managerPage, note, { internal: true });
    const noteEntry = history(managerPage).getByRole("article").filter({ hasText: note });
    await expect(noteEntry.getByText("Internal note", { exact: true })).toBeVisible();
    await expect(history(managerPage).getByRole("article").filter({ hasText: answer }).getByText("Internal note")).toHaveCount(0);
    expect(await managerPage.content()).toContain(note);

    // The artist sees the answer, after the question, and is told of it; never the note.
    await artistPage.reload();
    const comments = history(artistPage).getByRole("article");
    await expect(comments).toHaveCount(2);
    await expect(comments.nth(0)).toContainText(question);
    await expect(comments.nth(1)).toContainText(answer);
    expect(await artistPage.content()).not.toContain(note);
    expect(await artistPage.content()).not.toContain("Internal note");

    // Nor in any raw response the artist's cookies get: the HTML, and the RSC payload of a client navigation.
    const html = await (await artistContext.request.get(requestPath)).text();
    expect(html).toContain(answer);
    expect(html).not.toContain(note);
    const flight = await (await artistContext.request.get(requestPath, { headers: { RSC: "1" } })).text();
    expect(flight).toContain(answer);
    expect(flight).not.toContain(note);

    await artistPage.goto("/notifications");
    await expect(artistPage.getByText(`${manager.name} commented on request #${requestId}: ${answer}`)).toBeVisible();
    expect(await artistPage.content()).not.toContain(note);
    expect(await (await artistContext.request.get("/notifications")).text()).not.toContain(note);

    // Closed: the conversation stays readable, and nobody can add to it.
    await artistPage.goto(requestPath);
    await artistPage.getByRole("button", { name: "Withdraw" }).click();
    await expect(artistPage.getByText("Withdrawn").first()).toBeVisible();
    for (const page of [artistPage, managerPage]) {
      await page.goto(requestPath);
      await expect(conversation(page).getByText("This request is closed; its conversation is read-only.")).toBeVisible();
      await expect(page.getByLabel("Comment")).toHaveCount(0);
      await expect(page.getByRole("button", { name: "Post comment" })).toHaveCount(0);
      await expect(history(page).getByText(answer)).toBeVisible();
    }
  } finally {
    await artistContext.close();
    await managerContext.close();
  }
});
