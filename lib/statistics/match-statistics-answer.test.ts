import { describe, expect, it } from "vitest";
import { matchStatisticsAnswer } from "./match-statistics-answer";

describe("matchStatisticsAnswer", () => {
  it("matches by track identifier whatever the order of the answer", () => {
    const match = matchStatisticsAnswer(
      [10, 20, 30],
      [
        { trackId: "30", streams: 300, likes: 3 },
        { trackId: "10", streams: 100, likes: 1 },
        { trackId: "20", streams: 200, likes: 2 },
      ],
    );
    expect(match.matched).toEqual([
      { trackId: 30, streams: 300, likes: 3 },
      { trackId: 10, streams: 100, likes: 1 },
      { trackId: 20, streams: 200, likes: 2 },
    ]);
    expect(match.missingTrackIds).toEqual([]);
  });

  it("reports omitted tracks as missing instead of shifting the others onto them", () => {
    const match = matchStatisticsAnswer(
      [1, 2, 3],
      [
        { trackId: 1, streams: 10, likes: 0 },
        { trackId: 3, streams: 30, likes: 0 },
      ],
    );
    expect(match.matched.map((counts) => [counts.trackId, counts.streams])).toEqual([
      [1, 10],
      [3, 30],
    ]);
    expect(match.missingTrackIds).toEqual([2]);
  });

  it("reports tracks nobody asked for as unknown and stores nothing for them", () => {
    const match = matchStatisticsAnswer([1], [{ trackId: "999", streams: 5, likes: 1 }, { trackId: "1", streams: 7, likes: 1 }]);
    expect(match.unknownTrackIds).toEqual(["999"]);
    expect(match.matched).toEqual([{ trackId: 1, streams: 7, likes: 1 }]);
  });

  it("treats unreadable entries as invalid and their tracks as missing", () => {
    const match = matchStatisticsAnswer(
      [1, 2, 3],
      [{ trackId: "1", streams: -5, likes: 0 }, { streams: 10, likes: 0 }, { trackId: "2", streams: 1.5, likes: 0 }, "nonsense", { trackId: "3", streams: 3, likes: 0 }],
    );
    expect(match.invalidEntries).toBe(4);
    expect(match.missingTrackIds).toEqual([1, 2]);
    expect(match.matched).toEqual([{ trackId: 3, streams: 3, likes: 0 }]);
  });

  it("keeps the first answer of a track answered twice", () => {
    const match = matchStatisticsAnswer([1], [{ trackId: "1", streams: 1, likes: 0 }, { trackId: "1", streams: 2, likes: 0 }]);
    expect(match.matched).toEqual([{ trackId: 1, streams: 1, likes: 0 }]);
  });
});
