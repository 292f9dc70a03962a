import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { countOtherReleasesThatDay, judgeOneReleasePerDay } from "@/lib/requests/criteria/one-release-per-day";

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

describe("One release per day's count over the publications read for a run", () => {
  const subject = { requestId: 1, release: { id: 10, title: "Ten", tracks: [] }, artistId: 7, expectedDate: expected };
  const on = (day: string, releaseId: number) => ({ releaseId, scheduledDate: parseIsoDay(day)! });

  it("counts the other releases scheduled for the expected day only", () => {
    expect(countOtherReleasesThatDay([on("2026-12-12", 1), on("2026-12-12", 2), on("2026-12-11", 3), on("2026-12-13", 4)], subject)).toBe(2);
  });

  it("does not count the release being graded", () => {
    expect(countOtherReleasesThatDay([on("2026-12-12", 10)], subject)).toBe(0);
  });
});
