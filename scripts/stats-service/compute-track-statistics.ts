// The stand-in service's model: deterministic cumulative streams and likes per track and day.
// Same track and day give the same answer; counts grow every day; some genres trend.

export const DEFAULT_TRENDING_GENRES = ["hip-hop", "electronic", "afrobeats"] as const;

export type StandInTrack = {
  trackId: string;
  genre: string;
  /** "YYYY-MM-DD": streams start on this day; without it a launch day is derived from the id. */
  releaseDate?: string;
};

export type TrackCounts = { streams: number; likes: number };

const DAY_MS = 24 * 60 * 60 * 1000;
const FALLBACK_LAUNCH_EPOCH = Date.UTC(2025, 0, 1);

/** FNV-1a: a small stable hash, so answers never depend on the process or the platform. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function dayNumber(isoDay: string): number {
  return Math.floor(Date.parse(`${isoDay}T00:00:00.000Z`) / DAY_MS);
}

function launchDayNumber(track: StandInTrack): number {
  if (track.releaseDate && !Number.isNaN(Date.parse(`${track.releaseDate}T00:00:00.000Z`))) return dayNumber(track.releaseDate);
  return Math.floor(FALLBACK_LAUNCH_EPOCH / DAY_MS) + (stableHash(`${track.trackId}:launch`) % 365);
}

export function isTrending(genre: string, trendingGenres: readonly string[]): boolean {
  const key = genre.trim().toLowerCase();
  return trendingGenres.some((candidate) => candidate.trim().toLowerCase() === key);
}

/**
 * Cumulative counts of `track` up to and including `isoDay`. Daily streams start at a
 * per-track base (40–499) and grow linearly: 3 % of the base a day for trending genres,
 * 0.2 % otherwise. A per-day jitter smaller than half the base keeps the curve from being
 * a perfect line without ever making the cumulative count go down.
 */
export function computeTrackCounts(track: StandInTrack, isoDay: string, trendingGenres: readonly string[]): TrackCounts {
  const age = dayNumber(isoDay) - launchDayNumber(track);
  if (age < 0) return { streams: 0, likes: 0 };
  const base = 40 + (stableHash(`${track.trackId}:base`) % 460);
  const growth = isTrending(track.genre, trendingGenres) ? 0.03 : 0.002;
  const days = age + 1;
  const smooth = base * (days + (growth * age * days) / 2);
  const jitter = stableHash(`${track.trackId}:${isoDay}`) % Math.floor(base / 2);
  const streams = Math.floor(smooth) + jitter;
  const likeRate = 0.02 + (stableHash(`${track.trackId}:likes`) % 60) / 1000;
  return { streams, likes: Math.floor(streams * likeRate) };
}
