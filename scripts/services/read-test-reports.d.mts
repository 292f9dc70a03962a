// Types of read-test-reports.mjs, for its unit test.
export type TierCounts = { passed: number; failed: number; skipped?: number; detail: string };
export type RunOutcome = { ok: boolean; exit: string; timeoutNote: string };
export function readJsonReport(file: string): unknown;
export function countVitest(report: unknown, run: RunOutcome): TierCounts;
export function countPlaywright(report: unknown, run: RunOutcome): TierCounts;
export function totals(results: { passed: number; failed: number }[], setupFailure?: string): { passed: number; failed: number };
