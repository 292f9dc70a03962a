// `npm test`: the set-up of `npm start` against a fresh test database and broker, then every test
// tier in order (lockfile, typecheck, lint, unit, integration, e2e), ending with "N passed, N failed".
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./services/build-app.mjs";
import { runChild } from "./services/child-processes.mjs";
import { HarnessError, describeError, failure, formatDuration, note, paint } from "./services/console-output.mjs";
import { findFreePort } from "./services/find-free-port.mjs";
import { ensureChromium } from "./services/install-chromium.mjs";
import { checkLockFile, ensureDependencies } from "./services/install-dependencies.mjs";
import { ensureRunning, isStopping, registerCleanup, stopEverything, stopOnSignals } from "./services/lifecycle.mjs";
import { prepareDatabase, serviceEnv, testServices } from "./services/provide-test-services.mjs";
import { countPlaywright, countVitest, readJsonReport, totals } from "./services/read-test-reports.mjs";
import { claimRun } from "./services/run-state.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const allTiers = ["lockfile", "typecheck", "lint", "unit", "integration", "e2e"];
const minutes = (count) => count * 60_000;
// Bounds that keep a hung tier from eating CI's 90 minutes; generous for a 2-core machine.
const tierTimeouts = { typecheck: minutes(10), lint: minutes(10), unit: minutes(15), integration: minutes(30), e2e: minutes(40) };
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const usage = `usage: npm test -- [--tier ${allTiers.join("|")}[,...]] [--rebuild]`;

const timings = [];
const results = [];
const runId = Date.now();
let setupFailure;
let options = { tiers: allTiers, rebuild: false };

function parseArguments(argv) {
  const selected = [];
  let rebuild = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index];
    if (argument === "--tier" || argument === "-t") selected.push(...(argv[++index] ?? "").split(","));
    else if (argument.startsWith("--tier=")) selected.push(...argument.slice("--tier=".length).split(","));
    else if (argument === "--rebuild") rebuild = true;
    else if (argument === "--help" || argument === "-h") {
      console.log(usage);
      process.exit(0);
    } else throw new HarnessError(`unknown argument "${argument}"; ${usage}`);
  }
  const unknown = selected.filter((tier) => !allTiers.includes(tier));
  if (unknown.length > 0) throw new HarnessError(`unknown tier "${unknown.join(", ")}"; ${usage}`);
  return { tiers: selected.length > 0 ? allTiers.filter((tier) => selected.includes(tier)) : allTiers, rebuild };
}

// ---------------------------------------------------------------------------------------------
// Tiers. Each returns { passed, failed, skipped, detail }.

/** Runs a tier's tool on the terminal; returns how it ended, for read-test-reports.mjs. */
async function runTool(tier, command, args, env) {
  ensureRunning();
  const run = await runChild(tier, command, args, { cwd: root, env, output: "inherit", timeoutMs: tierTimeouts[tier] });
  return { ...run, timeoutNote: run.timedOut ? `stopped after ${formatDuration(tierTimeouts[tier])}` : "" };
}

async function singleCheck(tier, command, args) {
  const run = await runTool(tier, command, args, process.env);
  return run.ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, detail: run.timeoutNote || run.exit };
}

/** package-lock.json complete and in sync with package.json, so that `npm ci` installs from it. */
async function lockfileTier() {
  const check = await checkLockFile(root);
  return check.ok ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, detail: check.reason };
}

async function vitestTier(tier, env) {
  const report = path.join(root, "test-results", `${tier}.json`);
  rmSync(report, { force: true });
  const args = ["run", "--project", tier, "--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
  const run = await runTool(tier, bin("vitest"), args, env);
  return countVitest(readJsonReport(report), run);
}

async function integrationTier() {
  const services = await testServices(root, timings);
  const env = serviceEnv(services, `t${runId}i.`);
  env.DATABASE_URL = await prepareDatabase(root, services, "cookdroogers_test", env);
  // The workers' JSON lines (one per event handled) would bury the test output; problems still show.
  env.LOG_LEVEL ??= "warn";
  return vitestTier("integration", env);
}

async function e2eTier() {
  const services = await testServices(root, timings);
  const env = serviceEnv(services, `t${runId}e.`);
  env.DATABASE_URL = await prepareDatabase(root, services, "cookdroogers_e2e", env);
  env.LOG_LEVEL ??= "warn"; // as for the integration tier
  env.AUTH_SECRET ??= env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");
  const seed = await runChild("seed", "npm", ["run", "--silent", "db:seed"], { cwd: root, env: { ...env, SEED_DEMO_DATA: "false" } });

  if (!(await ensureChromium(timings))) return { passed: 0, failed: 1, detail: "no Chromium at /usr/bin/chromium" };

  ensureRunning();
  const build = await buildApp(root, { force: options.rebuild, env });
  if (!build.skipped) timings.push(["build", build.durationMs]);

  // Away from 3000 (npm start) and 3101-3104 (developers' dev servers).
  env.PORT = String(await findFreePort(3210, [3000, 3101, 3102, 3103, 3104]));
  delete env.E2E_BASE_URL; // this run starts its own app (playwright.config.ts webServer)
  const report = path.join(root, "test-results", "e2e.json");
  rmSync(report, { force: true });
  const run = await runTool("e2e", bin("playwright"), ["test"], env);
  const result = countPlaywright(readJsonReport(report), run);
  if (seed.ok) return result;
  return { ...result, failed: result.failed + 1, detail: [result.detail, "npm run db:seed failed"].filter(Boolean).join("; ") };
}

const tierRunners = {
  lockfile: lockfileTier,
  typecheck: () => singleCheck("typecheck", bin("tsc"), ["--noEmit"]),
  lint: () => singleCheck("lint", bin("eslint"), ["."]),
  unit: () => vitestTier("unit", { ...process.env }),
  integration: integrationTier,
  e2e: e2eTier,
};

// ---------------------------------------------------------------------------------------------

function printSummary() {
  const total = totals(results, setupFailure);
  console.log(`\n${paint(1, "Summary")}`);
  if (setupFailure) console.log(`  ${"set-up".padEnd(12)} ${paint(31, "failed")}: ${setupFailure}`);
  for (const result of results) {
    const counts = `${String(result.passed).padStart(4)} passed ${String(result.failed).padStart(3)} failed`;
    const skipped = result.skipped ? `, ${result.skipped} skipped` : "";
    const colored = result.failed > 0 ? paint(31, counts) : paint(32, counts);
    const detail = result.detail ? ` — ${result.detail}` : "";
    console.log(`  ${result.tier.padEnd(12)} ${colored}${skipped}  ${formatDuration(result.durationMs).padStart(9)}${detail}`);
  }
  if (timings.length > 0) console.log(`  set-up timings: ${timings.map(([name, ms]) => `${name} ${formatDuration(ms)}`).join(", ")}`);
  console.log(`${total.passed} passed, ${total.failed} failed`);
  return total.failed;
}

async function finish() {
  await stopEverything();
  const failed = printSummary();
  process.exit(failed === 0 ? 0 : 1);
}

async function main() {
  options = parseArguments(process.argv.slice(2));
  registerCleanup("run claim", await claimRun(root, "test"));
  mkdirSync(path.join(root, "test-results"), { recursive: true });
  await ensureDependencies(root, timings);
  note(`tiers: ${options.tiers.join(", ")}`);
  for (const tier of options.tiers) {
    ensureRunning();
    console.log(`\n${paint(1, `━━ ${tier} ━━`)}`);
    const startedAt = Date.now();
    let result;
    try {
      result = await tierRunners[tier]();
    } catch (error) {
      if (isStopping()) return;
      failure(`${tier}: ${describeError(error)}`);
      result = { passed: 0, failed: 1, detail: describeError(error) };
    }
    if (isStopping()) {
      // Ctrl-C ended this tier: whatever it reported, it did not finish.
      results.push({ tier, durationMs: Date.now() - startedAt, passed: result.passed, failed: Math.max(result.failed, 1), detail: "interrupted" });
      return;
    }
    results.push({ tier, durationMs: Date.now() - startedAt, ...result });
  }
  await finish();
}

stopOnSignals(async () => {
  await stopEverything();
  printSummary();
  process.exit(130);
});
main().catch(async (error) => {
  if (isStopping()) return;
  setupFailure = describeError(error);
  failure(setupFailure);
  await finish();
});
