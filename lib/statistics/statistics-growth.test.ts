import { describe, expect, it } from "vitest";
import { computeGrowth, formatGain, formatGrowthPercent, sumFigures } from "./statistics-growth";

const at = (iso: string, streams: number, likes: number) => ({ day: new Date(`${iso}T00:00:00Z`), streams, likes });

describe("computeGrowth", () => {
  it("is the difference between the latest and the baseline snapshot", () => {
    expect(computeGrowth(at("2026-11-20", 1_500, 60), at("2026-10-20", 1_000, 40))).toEqual({
      streams: 500,
      likes: 20,
      streamsPercent: 50,
    });
  });

  it("is null without any figures and zero when the baseline is the latest snapshot", () => {
    expect(computeGrowth(null, null)).toBeNull();
    expect(computeGrowth(at("2026-11-20", 10, 1), null)).toEqual({ streams: 0, likes: 0, streamsPercent: 0 });
  });

  it("has no percentage when the baseline had no streams", () => {
    expect(computeGrowth(at("2026-11-20", 300, 3), at("2026-10-01", 0, 0))?.streamsPercent).toBeNull();
  });

  it("never reports a negative growth", () => {
    expect(computeGrowth(at("2026-11-20", 90, 1), at("2026-10-01", 100, 5))).toEqual({ streams: 0, likes: 0, streamsPercent: 0 });
  });
});

describe("sumFigures", () => {
  it("adds the latest figures of several tracks and ignores tracks without any", () => {
    expect(sumFigures([at("2026-11-20", 10, 1), null, at("2026-11-19", 5, 2)])).toEqual({ streams: 15, likes: 3 });
    expect(sumFigures([null])).toBeNull();
  });
});

describe("formatting", () => {
  it("formats gains and percentages", () => {
    expect(formatGain(12_345)).toBe("+12,345");
    expect(formatGrowthPercent(12.345)).toBe("+12.3%");
    expect(formatGrowthPercent(null)).toBe("new");
  });
});
