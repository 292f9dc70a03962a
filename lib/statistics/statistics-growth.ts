// Growth arithmetic of cumulative snapshots: change between a baseline and the latest figures.

/** The counts of one snapshot (cumulative since the track went out). */
export type Figures = { day: Date; streams: number; likes: number };

export type Growth = {
  streams: number;
  likes: number;
  /** Relative streams growth in percent; null when the baseline had no streams. */
  streamsPercent: number | null;
};

/**
 * The change from `baseline` to `latest`. Counts are cumulative, so the change is a
 * difference of two snapshots, never a sum; a count that went down (a corrected source)
 * shows as no growth rather than a negative one.
 */
export function computeGrowth(latest: Figures | null, baseline: Figures | null): Growth | null {
  if (!latest) return null;
  const from = baseline ?? latest;
  const streams = Math.max(0, latest.streams - from.streams);
  const likes = Math.max(0, latest.likes - from.likes);
  return { streams, likes, streamsPercent: from.streams > 0 ? (streams / from.streams) * 100 : null };
}

/** Sums figures of several tracks taken on possibly different days (latest per track). */
export function sumFigures(figures: readonly (Figures | null)[]): { streams: number; likes: number } | null {
  const present = figures.filter((value): value is Figures => value !== null);
  if (present.length === 0) return null;
  return present.reduce((total, value) => ({ streams: total.streams + value.streams, likes: total.likes + value.likes }), {
    streams: 0,
    likes: 0,
  });
}

const integerFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const percentFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** "12,345" */
export function formatCount(value: number): string {
  return integerFormat.format(value);
}

/** "+1,234" (growth is never negative, the sign says "gained") */
export function formatGain(value: number): string {
  return `+${integerFormat.format(value)}`;
}

/** "+12.5%", or "new" when there was nothing to grow from. */
export function formatGrowthPercent(percent: number | null): string {
  return percent === null ? "new" : `+${percentFormat.format(percent)}%`;
}
