import { describe, expect, it } from "vitest";
import { buildStreamsSeries } from "./build-streams-series";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("buildStreamsSeries", () => {
  it("lists every day of the range and sums the tracks of each group per day", () => {
    const series = buildStreamsSeries(
      [
        { trackId: 1, day: "2026-11-01", streams: 10 },
        { trackId: 2, day: "2026-11-01", streams: 5 },
        { trackId: 1, day: "2026-11-02", streams: 12 },
        { trackId: 2, day: "2026-11-02", streams: 9 },
        { trackId: 3, day: "2026-11-02", streams: 100 },
      ],
      [
        { key: "a", label: "Album", trackIds: [1, 2] },
        { key: "b", label: "Single", trackIds: [3] },
      ],
      day("2026-11-01"),
      day("2026-11-03"),
    );
    expect(series.days).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(series.lines).toEqual([
      { key: "a", label: "Album", values: [15, 21, 21] },
      { key: "b", label: "Single", values: [null, 100, 100] },
    ]);
  });

  it("carries a track's last count over a missing day, seeded from before the range", () => {
    const series = buildStreamsSeries(
      [
        { trackId: 1, day: "2026-10-20", streams: 50 },
        { trackId: 1, day: "2026-11-02", streams: 70 },
      ],
      [{ key: "a", label: "A", trackIds: [1] }],
      day("2026-11-01"),
      day("2026-11-02"),
    );
    expect(series.lines[0]?.values).toEqual([50, 70]);
  });
});
