// What a test tier counts: vitest's and Playwright's JSON reports, and how their run ended, turned
// into { passed, failed, skipped, detail }; and the totals behind the line "N passed, N failed".
import { readFileSync } from "node:fs";

/** The parsed report in `file`, or undefined when the runner wrote none (or half of one). */
export function readJsonReport(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Failures the report does not show: a run that failed (`run.ok` false, `run.exit` saying how) with
 * no failure counted still counts one, and a timeout is always said.
 */
function withRun(counts, details, run) {
  if (run.timeoutNote) details.push(run.timeoutNote);
  if (!run.ok && counts.failed === 0) {
    counts.failed = 1;
    details.push(run.exit);
  }
  return { ...counts, detail: details.join("; ") };
}

/** A vitest run (`--reporter=json`). `run`: { ok, exit, timeoutNote } ("" unless it timed out). */
export function countVitest(report, run) {
  if (!report) return { passed: 0, failed: 1, detail: run.timeoutNote || `no report (${run.exit})` };
  // A file that fails to load has no failed test, yet it failed: count it once.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  const counts = {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  const failedNames = (report.testResults ?? []).flatMap((file) =>
    (file.assertionResults ?? []).filter((test) => test.status === "failed").map((test) => `${relativeName(file.name)} › ${test.fullName ?? test.title}`),
  );
  const details = [...(brokenFiles > 0 ? [`${brokenFiles} file(s) failed to run`] : []), ...nameFailures(failedNames)];
  return withRun(counts, details, run);
}

/** A Playwright run (json reporter); flaky tests passed on a retry and count as passed. */
export function countPlaywright(report, run) {
  if (!report?.stats) return { passed: 0, failed: 1, detail: run.timeoutNote || `no report (${run.exit})` };
  const { expected = 0, flaky = 0, unexpected = 0, skipped = 0 } = report.stats;
  const counts = { passed: expected + flaky, failed: unexpected, skipped };
  const details = nameFailures(failedPlaywrightTests(report.suites ?? []));
  // Errors outside any test: a web server that did not start, a spec file that does not load.
  const globalErrors = (report.errors ?? []).length;
  if (globalErrors > 0 && counts.failed === 0) {
    counts.failed = 1;
    details.push(`${globalErrors} error(s) outside tests`);
  }
  return withRun(counts, details, run);
}

/** The failed tests by name, so that a CI log cut to its last lines still says which failed. */
function nameFailures(names) {
  const shown = names.slice(0, FAILED_NAMES_SHOWN).map((name) => `failed: ${name}`);
  if (names.length > FAILED_NAMES_SHOWN) shown.push(`and ${names.length - FAILED_NAMES_SHOWN} more`);
  return shown;
}
const FAILED_NAMES_SHOWN = 10;

function relativeName(file = "") {
  const cwd = `${process.cwd()}/`;
  return file.startsWith(cwd) ? file.slice(cwd.length) : file;
}

/** Playwright nests suites (file, describe) holding specs, each with one test per project. */
function failedPlaywrightTests(suites) {
  return suites.flatMap((suite) => [
    ...(suite.specs ?? [])
      .filter((spec) => (spec.tests ?? []).some((test) => test.status === "unexpected"))
      .map((spec) => `${spec.file}:${spec.line} › ${spec.title}`),
    ...failedPlaywrightTests(suite.suites ?? []),
  ]);
}

/** The sums over all tiers; a set-up that failed counts as one failure. */
export function totals(results, setupFailure) {
  const sum = (key) => results.reduce((total, result) => total + (result[key] ?? 0), 0);
  return { passed: sum("passed"), failed: sum("failed") + (setupFailure ? 1 : 0) };
}
