import { describe, expect, it } from "vitest";
import type { QueueBenchRow } from "./queue";
import { queueSummaryRows } from "./queue-summary";

const query = (requests: number, name: string, p95Ms: number): QueueBenchRow => ({
  benchmark: "queue",
  requests,
  name,
  matches: 20,
  p50Ms: p95Ms / 2,
  p95Ms,
  maxMs: p95Ms * 2,
  verdict: p95Ms > 30 ? "SLOW (> 30 ms)" : "ok",
});

const http = (path: string, ratePerSecond: number, verdict: string): QueueBenchRow => ({
  benchmark: "queue",
  requests: 1_000_000,
  name: `HTTP ${path} (10 connections)`,
  matches: null,
  p50Ms: 20,
  p95Ms: 60,
  maxMs: 300,
  ratePerSecond,
  verdict,
});

describe("queueSummaryRows", () => {
  it("gives the slowest shape per size, the default page across sizes and the HTTP ratio against /api/health", () => {
    const rows = [
      query(50_000, "queue: default (open, newest first)", 4),
      query(50_000, 'queue: search nickname "harbor" (open)', 9.5),
      query(1_000_000, "queue: default (open, newest first)", 7),
      query(1_000_000, "admin: all requests, page 100", 41),
      query(1_000_000, "own requests (page 1)", 2),
      http("/api/health", 2000, "p99 40.0 ms"),
      http("/manager/requests", 620, "0.31× health, p99 180 ms ok"),
    ];
    expect(queueSummaryRows(rows)).toEqual([
      { measure: 'queue queries at 50,000: slowest p95 (queue: search nickname "harbor" (open))', figure: "9.5 ms", floor: "", ratio: "", goal: "p95 ≤ 30 ms" },
      { measure: "queue queries at 1,000,000: slowest p95 (admin: all requests, page 100)", figure: "41.0 ms", floor: "", ratio: "", goal: "p95 ≤ 30 ms" },
      { measure: "queue default page p95, 1,000,000 vs 50,000", figure: "7.0 ms", floor: "4.0 ms", ratio: "1.8×", goal: "≤ 2×" },
      {
        measure: "HTTP /manager/requests (10 connections) ÷ /api/health at 1,000,000",
        figure: "620 req/s, p99 180 ms",
        floor: "2000 req/s",
        ratio: "0.31×",
        goal: "≥ 0.25×, p99 ≤ 250 ms",
      },
    ]);
  });

  it("leaves out what the run did not measure: one size has no cross-size line, no HTTP has no ratio line", () => {
    const rows = [query(2_000, "queue: default (open, newest first)", 3), query(2_000, "queue: status Closed", 5)];
    expect(queueSummaryRows(rows)).toEqual([
      { measure: "queue queries at 2,000: slowest p95 (queue: status Closed)", figure: "5.0 ms", floor: "", ratio: "", goal: "p95 ≤ 30 ms" },
    ]);
    expect(queueSummaryRows([])).toEqual([]);
  });
});
