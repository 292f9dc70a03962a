// The data of the streams chart: per release, total cumulative streams on each day. Pure.
import { addUtcDays, toIsoDay } from "@/lib/clock";

export type SeriesSnapshot = { trackId: number; day: string; streams: number };

export type StreamsSeries = {
  /** Every day of the range, "YYYY-MM-DD", oldest first. */
  days: string[];
  /** One line per group (release); null before any of its tracks has a snapshot. */
  lines: { key: string; label: string; values: (number | null)[] }[];
};

/**
 * Sums, per day, the cumulative streams of each group's tracks. A track without a snapshot
 * on some day keeps its last known count (fetches can miss a day), so the line never dips
 * just because one snapshot is missing. `snapshots` may include each track's last snapshot
 * before `from`, which seeds the carried-forward count.
 */
export function buildStreamsSeries(
  snapshots: readonly SeriesSnapshot[],
  groups: readonly { key: string; label: string; trackIds: readonly number[] }[],
  from: Date,
  to: Date,
): StreamsSeries {
  const days: string[] = [];
  for (let day = from; day.getTime() <= to.getTime(); day = addUtcDays(day, 1)) days.push(toIsoDay(day));
  const first = days[0] ?? "";

  const byTrack = new Map<number, SeriesSnapshot[]>();
  for (const snapshot of snapshots) {
    const list = byTrack.get(snapshot.trackId) ?? [];
    list.push(snapshot);
    byTrack.set(snapshot.trackId, list);
  }
  for (const list of byTrack.values()) list.sort((a, b) => a.day.localeCompare(b.day));

  const trackValues = (trackId: number): (number | null)[] => {
    const list = byTrack.get(trackId) ?? [];
    let index = 0;
    let current: number | null = null;
    // Seed with the last snapshot before the range.
    while (index < list.length && (list[index]?.day ?? "") < first) {
      current = list[index]?.streams ?? current;
      index += 1;
    }
    return days.map((day) => {
      while (index < list.length && (list[index]?.day ?? "") <= day) {
        current = list[index]?.streams ?? current;
        index += 1;
      }
      return current;
    });
  };

  const lines = groups.map((group) => {
    const perTrack = group.trackIds.map(trackValues);
    const values = days.map((_, dayIndex) => {
      let total: number | null = null;
      for (const values of perTrack) {
        const value = values[dayIndex];
        if (value !== null && value !== undefined) total = (total ?? 0) + value;
      }
      return total;
    });
    return { key: group.key, label: group.label, values };
  });
  return { days, lines };
}
