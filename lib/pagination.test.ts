import { describe, expect, it } from "vitest";
import { countUpTo, pageCountOf, pageWithin, parsePage, readPage } from "./pagination";

describe("pagination", () => {
  it("reads anything but a positive whole number as page 1", () => {
    expect([undefined, "", "0", "-3", "2.7", "abc", "1e3", " 4 ", ["5", "6"], 7, 0, Number.NaN].map(parsePage)).toEqual([1, 1, 1, 1, 1, 1, 1, 4, 5, 7, 1, 1]);
  });

  it("always has at least one page", () => {
    expect([0, 1, 20, 21].map((total) => pageCountOf(total, 20))).toEqual([1, 1, 1, 2]);
  });

  it("shows the first page for a page that does not exist", () => {
    expect(pageWithin(3, 3)).toBe(3);
    expect(pageWithin(9, 3)).toBe(1);
    expect(pageWithin(999_999_999, 1)).toBe(1);
  });

  it("reads the window of the page it shows", async () => {
    const windows: { skip: number; take: number }[] = [];
    const read = async (window: { skip: number; take: number }) => {
      windows.push(window);
      return [];
    };
    expect(await readPage(2, 20, async () => 45, read)).toEqual({ rows: [], page: 2, pageCount: 3, total: 45 });
    expect(await readPage(9, 20, async () => 45, read)).toMatchObject({ page: 1 });
    expect(windows).toEqual([{ skip: 20, take: 20 }, { skip: 0, take: 20 }]);
  });

  it("shows a count that stopped past its limit as the limit and more", () => {
    expect(countUpTo(0, 100_000)).toEqual({ total: 0, more: false });
    expect(countUpTo(100_000, 100_000)).toEqual({ total: 100_000, more: false });
    expect(countUpTo(100_001, 100_000)).toEqual({ total: 100_000, more: true });
  });
});
