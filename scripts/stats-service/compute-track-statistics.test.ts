import { describe, expect, it } from "vitest";
import { computeTrackCounts, DEFAULT_TRENDING_GENRES, isTrending } from "./compute-track-statistics";

const trending = DEFAULT_TRENDING_GENRES;

function isoDays(from: string, count: number): string[] {
  const start = Date.parse(`${from}T00:00:00.000Z`);
  return Array.from({ length: count }, (_, index) => new Date(start + index * 86_400_000).toISOString().slice(0, 10));
}

describe("computeTrackCounts", () => {
  it("is deterministic for a track and a day", () => {
    const track = { trackId: "42", genre: "Pop" };
    expect(computeTrackCounts(track, "2026-11-20", trending)).toEqual(computeTrackCounts({ ...track }, "2026-11-20", trending));
  });

  it("never decreases from one day to the next, streams and likes alike", () => {
    for (const trackId of ["1", "2", "317", "abc"]) {
      const days = isoDays("2025-01-01", 700);
      const counts = days.map((day) => computeTrackCounts({ trackId, genre: "Jazz" }, day, trending));
      counts.slice(1).forEach((today, index) => {
        const yesterday = counts[index];
        expect(today.streams).toBeGreaterThanOrEqual(yesterday?.streams ?? 0);
        expect(today.likes).toBeGreaterThanOrEqual(yesterday?.likes ?? 0);
      });
    }
  });

  it("answers zero before the release date and counts from it", () => {
    const track = { trackId: "7", genre: "Rock", releaseDate: "2026-06-01" };
    expect(computeTrackCounts(track, "2026-05-31", trending)).toEqual({ streams: 0, likes: 0 });
    expect(computeTrackCounts(track, "2026-06-01", trending).streams).toBeGreaterThan(0);
  });

  it("makes trending genres gain more than the others, case-insensitively", () => {
    const gain = (genre: string) => {
      const track = { trackId: "same-id", genre, releaseDate: "2026-01-01" };
      return computeTrackCounts(track, "2026-11-01", trending).streams - computeTrackCounts(track, "2026-08-01", trending).streams;
    };
    expect(isTrending("Hip-Hop", trending)).toBe(true);
    expect(gain("Hip-Hop")).toBeGreaterThan(gain("Folk") * 2);
  });
});
