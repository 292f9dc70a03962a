// Scales and labels of the streams chart: "nice" axis ticks, compact numbers, the text summary. Pure.

/** Round tick values from 0 up to at least `max` (about `count` steps of 1, 2, 2.5 or 5 × 10^n). */
export function niceTicks(max: number, count = 4): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough) ?? 10 * magnitude;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let value = 0; value <= top + step / 2; value += step) ticks.push(Math.round(value * 1000) / 1000);
  return ticks;
}

// en-US: "3M" reads better than the British "3m" (metres? minutes?).
const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });

/** "12.5K", "3M" */
export function formatCompact(value: number): string {
  return compact.format(value);
}

/** Indexes of about `count` evenly spaced labels along an axis of `length` points (first and last included). */
export function labelIndexes(length: number, count = 6): number[] {
  if (length <= 0) return [];
  if (length <= count) return Array.from({ length }, (_, index) => index);
  const indexes = new Set<number>();
  for (let step = 0; step < count; step += 1) indexes.add(Math.round((step * (length - 1)) / (count - 1)));
  return [...indexes].sort((a, b) => a - b);
}

export type ChartLine = { label: string; values: (number | null)[] };

/** One sentence per line for screen readers: where it started and where it is now. */
export function describeLines(lines: readonly ChartLine[], dayLabels: readonly string[], format: (value: number) => string): string {
  const sentences = lines.flatMap((line) => {
    const points = line.values.flatMap((value, index) => (value === null ? [] : [{ value, day: dayLabels[index] ?? "" }]));
    const first = points[0];
    const last = points[points.length - 1];
    if (!first || !last) return [`${line.label}: no streams recorded in this period.`];
    if (first === last) return [`${line.label}: ${format(last.value)} streams on ${last.day}.`];
    return [`${line.label}: from ${format(first.value)} streams on ${first.day} to ${format(last.value)} on ${last.day} (+${format(last.value - first.value)}).`];
  });
  return sentences.join(" ");
}
