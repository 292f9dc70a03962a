import { describe, expect, it } from "vitest";
import { clampPage, pageCountOf, requestedPage } from "./pagination";

describe("pagination", () => {
  it("reads anything but a positive number as page 1 and drops fractions", () => {
    expect([undefined, 0, -3, Number.NaN, 2.7, 4].map(requestedPage)).toEqual([1, 1, 1, 1, 2, 4]);
  });

  it("always has at least one page", () => {
    expect([0, 1, 20, 21].map((total) => pageCountOf(total, 20))).toEqual([1, 1, 1, 2]);
  });

  it("keeps a page within the pages that exist", () => {
    expect(clampPage(9, 3)).toBe(3);
    expect(clampPage(undefined, 3)).toBe(1);
  });
});
