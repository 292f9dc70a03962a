import { describe, expect, it } from "vitest";
import { parseIsoDay } from "@/lib/clock";
import { countSeasonPublications, judgeSeasonLimit, seasonWindow } from "@/lib/requests/criteria/season-limit";

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

describe("Season limit's count over the publications read for a run", () => {
  const subject = { requestId: 1, release: { id: 10, title: "Ten", tracks: [] }, artistId: 7, expectedDate: expected };
  const on = (day: string, releaseId: number, artistId = 7) => ({ releaseId, artistId, scheduledDate: parseIsoDay(day)! });

  it("counts the artist's publications from 3 months before up to the day before the expected date", () => {
    const publications = [on("2026-09-11", 1), on("2026-09-12", 2), on("2026-12-11", 3), on("2026-12-12", 4), on("2026-10-01", 5, 8)];
    expect(countSeasonPublications(publications, subject)).toBe(2);
  });

  it("does not count the release being graded, nor another artist's", () => {
    expect(countSeasonPublications([on("2026-11-01", 10), on("2026-11-01", 11, 9)], subject)).toBe(0);
  });
});
