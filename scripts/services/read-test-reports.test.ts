import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countPlaywright, countVitest, readJsonReport, totals } from "./read-test-reports.mjs";

const passedRun = { ok: true, exit: "exit 0", timeoutNote: "" };
const failedRun = { ok: false, exit: "exit 1", timeoutNote: "" };

describe("readJsonReport", () => {
  it("reads a report and is undefined for a missing or half-written one", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "reports-"));
    writeFileSync(path.join(folder, "whole.json"), '{"numPassedTests":3}');
    writeFileSync(path.join(folder, "half.json"), '{"numPassedTests":');
    expect(readJsonReport(path.join(folder, "whole.json"))).toEqual({ numPassedTests: 3 });
    expect(readJsonReport(path.join(folder, "half.json"))).toBeUndefined();
    expect(readJsonReport(path.join(folder, "missing.json"))).toBeUndefined();
  });
});

describe("countVitest", () => {
  it("counts passed, failed, skipped and todo tests", () => {
    const report = { numPassedTests: 5, numFailedTests: 2, numPendingTests: 1, numTodoTests: 1, testResults: [] };
    expect(countVitest(report, failedRun)).toEqual({ passed: 5, failed: 2, skipped: 2, detail: "" });
  });

  it("counts a file that failed to load, which has no failed test, once", () => {
    const report = {
      numPassedTests: 4,
      numFailedTests: 1,
      testResults: [
        { status: "failed", assertionResults: [] },
        { name: "b.test.ts", status: "failed", assertionResults: [{ status: "failed", fullName: "breaks" }] },
        { status: "passed", assertionResults: [{ status: "passed" }] },
      ],
    };
    expect(countVitest(report, failedRun)).toMatchObject({ passed: 4, failed: 2, detail: "1 file(s) failed to run; failed: b.test.ts › breaks" });
  });

  it("names the failed tests, at most ten, so a log cut to its tail still says which", () => {
    const failed = (index: number) => ({ status: "failed", fullName: `case ${index}` });
    const report = {
      numPassedTests: 1,
      numFailedTests: 12,
      testResults: [{ name: `${process.cwd()}/worker/a.integration.test.ts`, status: "failed", assertionResults: [{ status: "passed" }, ...Array.from({ length: 12 }, (_, index) => failed(index))] }],
    };
    const { detail } = countVitest(report, failedRun);
    expect(detail).toContain("failed: worker/a.integration.test.ts › case 0");
    expect(detail).toContain("failed: worker/a.integration.test.ts › case 9");
    expect(detail).not.toContain("case 10");
    expect(detail).toContain("and 2 more");
  });

  it("counts a run that failed without a failed test as one failure", () => {
    const report = { numPassedTests: 7, numFailedTests: 0, testResults: [] };
    expect(countVitest(report, { ok: false, exit: "killed by SIGKILL", timeoutNote: "" })).toMatchObject({
      passed: 7,
      failed: 1,
      detail: "killed by SIGKILL",
    });
  });

  it("fails a run without a report, saying a timeout when there was one", () => {
    expect(countVitest(undefined, failedRun)).toEqual({ passed: 0, failed: 1, detail: "no report (exit 1)" });
    expect(countVitest(undefined, passedRun)).toEqual({ passed: 0, failed: 1, detail: "no report (exit 0)" });
    const timedOut = { ok: false, exit: "killed by SIGTERM", timeoutNote: "stopped after 15 min 0 s" };
    expect(countVitest(undefined, timedOut).detail).toBe("stopped after 15 min 0 s");
    expect(countVitest({ numPassedTests: 2, testResults: [] }, timedOut)).toMatchObject({
      passed: 2,
      failed: 1,
      detail: "stopped after 15 min 0 s; killed by SIGTERM",
    });
  });
});

describe("countPlaywright", () => {
  it("counts flaky tests as passed and unexpected ones as failed", () => {
    const report = { stats: { expected: 10, flaky: 1, unexpected: 2, skipped: 3 }, errors: [] };
    expect(countPlaywright(report, failedRun)).toEqual({ passed: 11, failed: 2, skipped: 3, detail: "" });
  });

  it("names the failed specs, however deep their describe blocks", () => {
    const spec = (title: string, status: string) => ({ title, file: "a.spec.ts", line: 3, tests: [{ status }] });
    const report = {
      stats: { expected: 1, unexpected: 2 },
      suites: [{ specs: [spec("passes", "expected"), spec("top fails", "unexpected")], suites: [{ specs: [spec("deep fails", "unexpected")] }] }],
      errors: [],
    };
    expect(countPlaywright(report, failedRun).detail).toBe("failed: a.spec.ts:3 › top fails; failed: a.spec.ts:3 › deep fails");
  });

  it("fails a run whose errors happened outside any test", () => {
    const report = { stats: { expected: 0, unexpected: 0 }, errors: [{ message: "web server did not start" }] };
    expect(countPlaywright(report, failedRun)).toMatchObject({ passed: 0, failed: 1, detail: "1 error(s) outside tests" });
  });

  it("fails a run without a report", () => {
    expect(countPlaywright(undefined, { ok: false, exit: "exit 1", timeoutNote: "" })).toEqual({
      passed: 0,
      failed: 1,
      detail: "no report (exit 1)",
    });
  });
});

describe("totals", () => {
  it("sums the tiers and counts a failed set-up as one failure", () => {
    const results = [
      { passed: 1, failed: 0 },
      { passed: 180, failed: 2 },
    ];
    expect(totals(results)).toEqual({ passed: 181, failed: 2 });
    expect(totals(results, "npm ci failed")).toEqual({ passed: 181, failed: 3 });
    expect(totals([], "package-lock.json is incomplete")).toEqual({ passed: 0, failed: 1 });
  });
});
