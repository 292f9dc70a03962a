// The queue bench's lines of `npm run bench`'s summary table, from the rows runQueueBench returns
// (scripts/bench/queue.ts), against the goals of decision 019.
import { formatMs } from "./format-results";
import type { QueueBenchRow } from "./queue";

export type SummaryRow = { measure: string; figure: string; floor: string; ratio: string; goal: string };

const QUERY_P95_GOAL = "p95 ≤ 30 ms";
const DEFAULT_PAGE = "queue: default (open, newest first)";

/**
 * One line per size for its slowest query shape (p95); the default page at the largest size
 * against itself at the smallest (p95, goal ≤ 2×); `/manager/requests` against `/api/health`
 * over HTTP (rate, goal ≥ 0.25× with p99 ≤ 250 ms, as the queue row's verdict states it).
 */
export function queueSummaryRows(rows: readonly QueueBenchRow[]): SummaryRow[] {
  const summary: SummaryRow[] = [];
  const queries = rows.filter((row) => row.matches !== null);
  const sizes = [...new Set(queries.map((row) => row.requests))].sort((a, b) => a - b);
  for (const requests of sizes) {
    const worst = queries.filter((row) => row.requests === requests).reduce((slowest, row) => (row.p95Ms > slowest.p95Ms ? row : slowest));
    summary.push({
      measure: `queue queries at ${requests.toLocaleString("en")}: slowest p95 (${worst.name})`,
      figure: formatMs(worst.p95Ms),
      floor: "",
      ratio: "",
      goal: QUERY_P95_GOAL,
    });
  }

  const smallest = sizes[0];
  const largest = sizes.at(-1);
  const defaultAt = (requests: number | undefined) => queries.find((row) => row.requests === requests && row.name === DEFAULT_PAGE);
  const [small, large] = [defaultAt(smallest), defaultAt(largest)];
  if (small && large && smallest !== largest) {
    summary.push({
      measure: `queue default page p95, ${large.requests.toLocaleString("en")} vs ${small.requests.toLocaleString("en")}`,
      figure: formatMs(large.p95Ms),
      floor: formatMs(small.p95Ms),
      ratio: `${(large.p95Ms / small.p95Ms).toFixed(1)}×`,
      goal: "≤ 2×",
    });
  }

  const queue = rows.find((row) => row.matches === null && row.name.startsWith("HTTP /manager/requests"));
  const health = rows.find((row) => row.matches === null && row.name.startsWith("HTTP /api/health"));
  if (queue?.ratePerSecond !== undefined && health?.ratePerSecond !== undefined) {
    const p99 = /p99 (\S+ m?s)/.exec(queue.verdict)?.[1];
    summary.push({
      measure: `${queue.name} ÷ /api/health at ${queue.requests.toLocaleString("en")}`,
      figure: `${queue.ratePerSecond.toFixed(0)} req/s${p99 ? `, p99 ${p99}` : ""}`,
      floor: `${health.ratePerSecond.toFixed(0)} req/s`,
      ratio: `${(queue.ratePerSecond / health.ratePerSecond).toFixed(2)}×`,
      goal: "≥ 0.25×, p99 ≤ 250 ms",
    });
  }
  return summary;
}
