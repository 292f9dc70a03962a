// The label's relevant genre from snapshot rows: the genre with the most streams gained in a window.
import { addUtcMonths, startOfUtcDay } from "@/lib/clock";

/** One cumulative snapshot of a track (streams counted since the track went out). */
export type GenreSnapshot = {
  trackId: number;
  genre: string;
  day: Date;
  streams: number;
};

export type StatisticsWindow = { start: Date; end: Date };

/** The three months before `windowEnd`, both ends included, as UTC days. */
export function relevantGenreWindow(windowEnd: Date): StatisticsWindow {
  return { start: addUtcMonths(windowEnd, -3), end: startOfUtcDay(windowEnd) };
}

/**
 * Streams each track gained in the window. Snapshots are cumulative, so the gain is the
 * latest count in the window minus the count at the window's start (the last snapshot at
 * or before it, else the first one inside it) — adding snapshots up would count the same
 * streams once per day. A count that went down (a corrected source) gains nothing.
 */
export function computeTrackGains(
  snapshots: readonly GenreSnapshot[],
  window: StatisticsWindow,
): Map<number, { genre: string; gained: number }> {
  const start = window.start.getTime();
  const end = window.end.getTime();
  type Track = { genre: string; baseline?: GenreSnapshot; firstInWindow?: GenreSnapshot; latest?: GenreSnapshot };
  const tracks = new Map<number, Track>();

  for (const snapshot of snapshots) {
    const time = snapshot.day.getTime();
    const track = tracks.get(snapshot.trackId) ?? { genre: snapshot.genre };
    tracks.set(snapshot.trackId, track);
    if (time <= start && (!track.baseline || time > track.baseline.day.getTime())) track.baseline = snapshot;
    if (time >= start && time <= end) {
      if (!track.latest || time > track.latest.day.getTime()) track.latest = snapshot;
      if (!track.firstInWindow || time < track.firstInWindow.day.getTime()) track.firstInWindow = snapshot;
    }
  }

  const gains = new Map<number, { genre: string; gained: number }>();
  for (const [trackId, track] of tracks) {
    if (!track.latest) continue;
    const from = track.baseline ?? track.firstInWindow ?? track.latest;
    gains.set(trackId, { genre: track.genre, gained: Math.max(0, track.latest.streams - from.streams) });
  }
  return gains;
}

/**
 * The genre (grouped case-insensitively) whose tracks gained the most streams in the
 * window; ties go to the alphabetically first. Null when no track has a snapshot in the
 * window ("not enough statistics"). The spelling returned is the alphabetically first
 * spelling seen, so the answer does not depend on row order.
 */
export function computeRelevantGenre(snapshots: readonly GenreSnapshot[], window: StatisticsWindow): string | null {
  const totals = new Map<string, { spelling: string; gained: number }>();
  for (const { genre, gained } of computeTrackGains(snapshots, window).values()) {
    const spelling = genre.trim();
    const key = spelling.toLowerCase();
    const total = totals.get(key);
    if (!total) totals.set(key, { spelling, gained });
    else {
      total.gained += gained;
      if (spelling < total.spelling) total.spelling = spelling;
    }
  }

  let best: { key: string; spelling: string; gained: number } | null = null;
  for (const [key, total] of totals) {
    if (!best || total.gained > best.gained || (total.gained === best.gained && key < best.key)) {
      best = { key, ...total };
    }
  }
  return best ? best.spelling : null;
}
