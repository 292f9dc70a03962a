// Statistics: a manager refreshes them (the worker fetches from the stand-in service through
// Kafka) and downloads the report as CSV; the artist sees the chart; an artist cannot open the
// manager's report.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createReleases } from "./fixtures/releases";
import { createUser, signIn, signOut, uniqueSuffix } from "./fixtures/users";

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDayFromToday(days: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + days * DAY_MS).toISOString().slice(0, 10);
}

/** RFC 4180 parsing, strict enough to notice a badly quoted field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '"') throw new Error(`unquoted field at ${index}: ${text.slice(index, index + 20)}`);
    index += 1;
    for (;;) {
      const quote = text.indexOf('"', index);
      if (quote < 0) throw new Error("unterminated quoted field");
      field += text.slice(index, quote);
      index = quote + 1;
      if (text[index] === '"') {
        field += '"';
        index += 1;
        continue;
      }
      break;
    }
    row.push(field);
    field = "";
    if (text[index] === ",") {
      index += 1;
    } else if (text.startsWith("\r\n", index)) {
      rows.push(row);
      row = [];
      index += 2;
    } else {
      throw new Error(`expected a comma or CRLF at ${index}`);
    }
  }
  return rows;
}

const HEADER = [
  "Artist",
  "Release",
  "Release status",
  "Track",
  "Genre",
  "Latest date",
  "Latest streams",
  "Latest likes",
  "Earlier date",
  "Earlier streams",
  "Earlier likes",
  "Streams growth",
  "Streams growth (%)",
  "Likes growth",
  "Label relevant genre",
];

const formatCount = (value: string) => Number(value).toLocaleString("en-GB");

/** Clicks "Refresh statistics" until a refresh that includes `trackTitle` has finished. */
async function refreshUntilFigures(page: Page, trackTitle: string) {
  const trackRow = page.getByRole("row").filter({ hasText: trackTitle });
  await expect(async () => {
    await page.getByRole("button", { name: "Refresh statistics" }).click();
    await expect(page.getByText(/Refresh started|A refresh is already running/)).toBeVisible();
    // The page follows the worker by itself while a refresh runs.
    await expect(page.getByText("Refresh running…")).toHaveCount(0, { timeout: 30_000 });
    await page.reload();
    // A refresh that was already running may have started before these tracks existed: go again.
    await expect(trackRow).not.toContainText("No data", { timeout: 1_000 });
  }).toPass({ timeout: 90_000, intervals: [500] });
}

test("a manager refreshes statistics and downloads the report; the artist sees the chart", async ({ page }) => {
  const suffix = uniqueSuffix();
  const artist = await createUser({ role: "ARTIST", nickname: `Stats ${suffix}`.slice(0, 64) });
  const album = `Night Drive ${suffix}`;
  const draft = `Sketches ${suffix}`;
  await createReleases(artist.artistId!, [
    {
      title: album,
      status: "PUBLISHED",
      releaseDate: isoDayFromToday(-20),
      tracks: [
        { title: "Neon Intro", genre: "Electronic", type: "intro" },
        { title: "Highway, Part \"2\"", genre: "Electronic" },
        { title: "Last Exit", genre: "Jazz" },
      ],
    },
    { title: draft, status: "UNPUBLISHED", releaseDate: isoDayFromToday(40), tracks: [{ title: "Draft One", genre: "Jazz" }] },
  ]);

  await signIn(page, artist.manager!);
  await page.goto("/manager/report");
  await expect(page.getByRole("heading", { level: 1, name: "Statistics report" })).toBeVisible();
  await expect(page.getByRole("heading", { name: artist.nickname! })).toBeVisible();
  // Every release of the artist is in the report, the unpublished one too.
  await expect(page.getByRole("row").filter({ hasText: draft })).toContainText("Unpublished");

  await refreshUntilFigures(page, "Neon Intro");
  await expect(page.getByText(/Last refreshed/)).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^statistics-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile(await download.path(), "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const [header, ...rows] = parseCsv(text.slice(1));
  expect(header).toEqual(HEADER);

  const mine = rows.filter((row) => row[0] === artist.nickname);
  expect(mine.map((row) => [row[1], row[2], row[3], row[4]])).toEqual([
    [draft, "Unpublished", "Draft One", "Jazz"],
    [album, "Published", "Neon Intro", "Electronic"],
    [album, "Published", 'Highway, Part "2"', "Electronic"],
    [album, "Published", "Last Exit", "Jazz"],
  ]);
  const [unpublished, ...published] = mine;
  expect(unpublished?.slice(5, 14)).toEqual(["", "", "", "", "", "", "", "", ""]);
  for (const row of published) {
    const [latestDate, latestStreams, latestLikes, earlierDate, earlierStreams, , streamsGrowth] = row.slice(5);
    expect(latestDate).toBe(isoDayFromToday(0));
    expect(Number(latestStreams)).toBeGreaterThan(0);
    expect(Number.isInteger(Number(latestLikes))).toBe(true);
    // Three months ago the album was not out yet: growth is measured from its first day.
    expect(earlierDate).toBe(isoDayFromToday(-20));
    expect(Number(streamsGrowth)).toBe(Number(latestStreams) - Number(earlierStreams));
    // The page shows the same figures as the file.
    await expect(page.getByRole("row").filter({ hasText: row[3]! })).toContainText(formatCount(latestStreams!));
  }
  const relevantGenres = new Set(rows.map((row) => row[14]));
  expect(relevantGenres.size).toBe(1);
  expect([...relevantGenres][0]).not.toBe("");
  await signOut(page);

  await signIn(page, artist);
  await page.goto("/statistics");
  await expect(page.getByRole("heading", { level: 1, name: "Statistics" })).toBeVisible();
  const chart = page.getByRole("img", { name: /Streams over time/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole("list", { name: "Legend" })).toContainText(album);
  await page.getByText("Chart data as a table").click();
  await expect(page.getByRole("table", { name: /total streams per release and day/ }).getByRole("row")).not.toHaveCount(0);
  const neonIntro = mine.find((row) => row[3] === "Neon Intro")!;
  await expect(page.getByRole("row").filter({ hasText: "Neon Intro" })).toContainText(formatCount(neonIntro[6]!));
  // The unpublished release is not followed yet.
  await expect(page.getByText(draft)).toHaveCount(0);
});

test("an artist cannot open the manager's statistics report or its CSV", async ({ page }) => {
  const artist = await createUser({ role: "ARTIST" });
  await signIn(page, artist);
  const response = await page.goto("/manager/report");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Refresh statistics" })).toHaveCount(0);
  const csv = await page.request.get("/manager/report/csv");
  expect(csv.status()).toBe(404);
  expect(await csv.text()).not.toContain("Artist");
});
