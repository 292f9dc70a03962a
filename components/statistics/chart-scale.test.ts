import { describe, expect, it } from "vitest";
import { describeLines, formatCompact, labelIndexes, niceTicks } from "./chart-scale";

describe("niceTicks", () => {
  it("covers the maximum with round steps", () => {
    expect(niceTicks(1_234)).toEqual([0, 500, 1_000, 1_500]);
    expect(niceTicks(100)).toEqual([0, 25, 50, 75, 100]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
  });

  it("still draws an axis without any value", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe("labelIndexes", () => {
  it("spreads labels over the axis, first and last included", () => {
    expect(labelIndexes(90, 4)).toEqual([0, 30, 59, 89]);
    expect(labelIndexes(3, 6)).toEqual([0, 1, 2]);
    expect(labelIndexes(0)).toEqual([]);
  });
});

describe("describeLines", () => {
  it("says where each line starts and ends", () => {
    const text = describeLines(
      [
        { label: "Album", values: [null, 100, 150] },
        { label: "Single", values: [null, null, null] },
      ],
      ["1 Nov", "2 Nov", "3 Nov"],
      String,
    );
    expect(text).toBe("Album: from 100 streams on 2 Nov to 150 on 3 Nov (+50). Single: no streams recorded in this period.");
  });
});

describe("formatCompact", () => {
  it("shortens big numbers for axis labels", () => {
    expect(formatCompact(12_500)).toBe("12.5K");
    expect(formatCompact(3_000_000)).toBe("3M");
  });
});
