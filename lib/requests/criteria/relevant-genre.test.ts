import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { findMainGenre } from "@/lib/releases/find-main-genre";
import { judgeRelevantGenre } from "@/lib/requests/criteria/relevant-genre";

const expected = parseIsoDay("2026-12-12")!;

describe("Relevant genre", () => {
  it("does not apply without statistics", () => {
    const result = judgeRelevantGenre("Rock", null, expected);
    expect(result.effect).toBe(0);
    expect(result.reason).toContain("not enough statistics");
  });

  it("gives 0 when the main genre is the relevant one, ignoring case", () => {
    expect(judgeRelevantGenre("hip-hop", "Hip-Hop", expected).effect).toBe(0);
  });

  it("gives -1 when the main genre differs", () => {
    const result = judgeRelevantGenre("Jazz", "Rock", expected);
    expect(result.effect).toBe(-1);
    expect(result.reason).toContain('"Jazz"');
    expect(result.reason).toContain('"Rock"');
  });

  it("judges a genre tie by the earliest track's genre", () => {
    const tied = findMainGenre([
      { genre: "Jazz", position: 1 },
      { genre: "Rock", position: 2 },
    ]);
    expect(judgeRelevantGenre(tied, "Jazz", expected).effect).toBe(0);
    expect(judgeRelevantGenre(tied, "Rock", expected).effect).toBe(-1);
  });
});
