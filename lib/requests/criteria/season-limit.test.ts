import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { judgeSeasonLimit, seasonWindow } from "@/lib/requests/criteria/season-limit";

const expected = parseIsoDay("2026-12-12")!;

describe("Season limit", () => {
  it("gives 0 for 2 publications in the window", () => {
    const result = judgeSeasonLimit(2, expected);
    expect(result.effect).toBe(0);
    expect(result.reason).toContain("2 publications");
  });

  it("gives -1 for 3 publications in the window", () => {
    const result = judgeSeasonLimit(3, expected);
    expect(result.effect).toBe(-1);
    expect(result.reason).toContain("more than 2");
  });

  it("gives 0 without publications", () => {
    expect(judgeSeasonLimit(0, expected).effect).toBe(0);
  });

  it("spans the 3 months before the expected date, without the date itself", () => {
    const window = seasonWindow(expected);
    expect(window.from.toISOString().slice(0, 10)).toBe("2026-09-12");
    expect(window.toExclusive.toISOString().slice(0, 10)).toBe("2026-12-12");
    expect(judgeSeasonLimit(1, expected).reason).toContain("between 12 Sept 2026 and 11 Dec 2026");
  });

  it("clamps to the end of a shorter month", () => {
    expect(seasonWindow(parseIsoDay("2026-05-31")!).from.toISOString().slice(0, 10)).toBe("2026-02-28");
  });
});
