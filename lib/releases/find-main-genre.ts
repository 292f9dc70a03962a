// The main genre of a release (docs/domain.md §3.3): its most frequent track genre. Pure.

export type GenreTrack = { genre: string; position: number };

/**
 * Genres compare case-insensitively; a tie goes to the genre that appears on the earliest
 * track. The answer keeps the spelling of that earliest track. Null for no tracks.
 */
export function findMainGenre(tracks: readonly GenreTrack[]): string | null {
  const ordered = [...tracks].sort((a, b) => a.position - b.position);
  const tally = new Map<string, { spelling: string; count: number; firstIndex: number }>();
  ordered.forEach((track, index) => {
    const key = track.genre.trim().toLowerCase();
    if (!key) return;
    const entry = tally.get(key);
    if (entry) entry.count += 1;
    else tally.set(key, { spelling: track.genre.trim(), count: 1, firstIndex: index });
  });
  let best: { spelling: string; count: number; firstIndex: number } | null = null;
  for (const entry of tally.values()) {
    if (!best || entry.count > best.count || (entry.count === best.count && entry.firstIndex < best.firstIndex)) best = entry;
  }
  return best?.spelling ?? null;
}

export function sameGenre(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
