import { describe, expect, it } from "vitest";
import { computeRelevantGenre, computeTrackGains, relevantGenreWindow, type GenreSnapshot } from "./compute-relevant-genre";

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
const snap = (trackId: number, genre: string, iso: string, streams: number): GenreSnapshot => ({
  trackId,
  genre,
  day: day(iso),
  streams,
});

const window = relevantGenreWindow(day("2026-12-01"));

describe("relevantGenreWindow", () => {
  it("spans the three months before the end day, both included", () => {
    expect(window).toEqual({ start: day("2026-09-01"), end: day("2026-12-01") });
  });

  it("clamps to the last day of a shorter month", () => {
    expect(relevantGenreWindow(new Date("2026-05-31T18:30:00Z"))).toEqual({
      start: day("2026-02-28"),
      end: day("2026-05-31"),
    });
  });
});

describe("computeRelevantGenre", () => {
  it("does not sum cumulative snapshots: a track with many daily snapshots but a small gain loses", () => {
    // Rock: one old, big track with a snapshot every day but only 30 streams gained.
    // Pop: a track that gained 500 streams with two snapshots.
    // Summing the snapshots would make rock win by a mile (10 000 × 31 days).
    const rock = Array.from({ length: 31 }, (_, index) =>
      snap(1, "Rock", `2026-11-${String(index + 1).padStart(2, "0")}`, 10_000 + index),
    );
    const pop = [snap(2, "Pop", "2026-11-01", 100), snap(2, "Pop", "2026-11-30", 600)];
    expect(computeRelevantGenre([...rock, ...pop], window)).toBe("Pop");
    const gains = computeTrackGains([...rock, ...pop], window);
    expect(gains.get(1)?.gained).toBe(30);
    expect(gains.get(2)?.gained).toBe(500);
  });

  it("measures the gain from the last snapshot at or before the window start", () => {
    const rows = [
      snap(1, "Jazz", "2026-06-01", 0),
      snap(1, "Jazz", "2026-08-20", 1_000), // last before the window: the baseline
      snap(1, "Jazz", "2026-10-01", 1_100),
      snap(1, "Jazz", "2026-11-15", 1_200),
      snap(2, "Folk", "2026-10-10", 50), // first fetched inside the window: its own baseline
      snap(2, "Folk", "2026-11-20", 250),
    ];
    const gains = computeTrackGains(rows, window);
    expect(gains.get(1)?.gained).toBe(200);
    expect(gains.get(2)?.gained).toBe(200);
    // A tie goes to the alphabetically first genre.
    expect(computeRelevantGenre(rows, window)).toBe("Folk");
  });

  it("uses a snapshot on the window start day as the baseline", () => {
    const rows = [snap(1, "Jazz", "2026-08-01", 0), snap(1, "Jazz", "2026-09-01", 900), snap(1, "Jazz", "2026-12-01", 1_000)];
    expect(computeTrackGains(rows, window).get(1)?.gained).toBe(100);
  });

  it("ignores snapshots after the window end", () => {
    const rows = [
      snap(1, "Jazz", "2026-11-01", 0),
      snap(1, "Jazz", "2026-11-02", 10),
      snap(1, "Jazz", "2026-12-02", 1_000_000),
      snap(2, "Soul", "2026-11-01", 0),
      snap(2, "Soul", "2026-11-02", 20),
    ];
    expect(computeRelevantGenre(rows, window)).toBe("Soul");
  });

  it("groups genres case-insensitively and sums the gains of their tracks", () => {
    const rows = [
      snap(1, "hip-hop", "2026-10-01", 0),
      snap(1, "hip-hop", "2026-11-01", 300),
      snap(2, "Hip-Hop ", "2026-10-01", 0),
      snap(2, "Hip-Hop ", "2026-11-01", 300),
      snap(3, "Pop", "2026-10-01", 0),
      snap(3, "Pop", "2026-11-01", 500),
    ];
    expect(computeRelevantGenre(rows, window)?.toLowerCase()).toBe("hip-hop");
  });

  it("is null without any snapshot in the window", () => {
    expect(computeRelevantGenre([], window)).toBeNull();
    expect(computeRelevantGenre([snap(1, "Pop", "2026-08-01", 100), snap(1, "Pop", "2026-12-05", 900)], window)).toBeNull();
  });

  it("never counts a decreasing count as negative gain", () => {
    const rows = [
      snap(1, "Pop", "2026-10-01", 500),
      snap(1, "Pop", "2026-11-01", 100),
      snap(2, "Rap", "2026-10-01", 0),
      snap(2, "Rap", "2026-11-01", 0),
    ];
    expect(computeTrackGains(rows, window).get(1)?.gained).toBe(0);
    expect(computeRelevantGenre(rows, window)).toBe("Pop");
  });
});
