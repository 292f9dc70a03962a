import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { judgeOneReleasePerDay } from "@/lib/requests/criteria/one-release-per-day";

const expected = parseIsoDay("2026-12-12")!;

describe("One release per day", () => {
  it("gives 0 when nothing else is scheduled that day", () => {
    const result = judgeOneReleasePerDay(0, expected);
    expect(result.effect).toBe(0);
    expect(result.reason).toContain("12 Dec 2026");
  });

  it("gives -1 when one release is already scheduled that day", () => {
    const result = judgeOneReleasePerDay(1, expected);
    expect(result.effect).toBe(-1);
    expect(result.reason).toBe("Another release of the label is already scheduled for 12 Dec 2026.");
  });

  it("gives -1 (not -2) for several releases that day", () => {
    expect(judgeOneReleasePerDay(2, expected).effect).toBe(-1);
  });
});
