// `npm test`: the set-up of `npm start` against a fresh test database and broker, then every test
// tier in order (typecheck, lint, unit, integration, e2e), ending with the line "N passed, N failed".
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./services/build-app.mjs";
import { runChild } from "./services/child-processes.mjs";
import { HarnessError, describeError, failure, formatDuration, note, paint } from "./services/console-output.mjs";
import { findFreePort } from "./services/find-free-port.mjs";
import { ensureChromium } from "./services/install-chromium.mjs";
import { ensureDependencies } from "./services/install-dependencies.mjs";
import { ensureRunning, isStopping, registerCleanup, stopEverything, stopOnSignals } from "./services/lifecycle.mjs";
import { startKafkaBroker } from "./services/provide-kafka.mjs";
import { databaseUrl, providePostgresServer, recreateDatabase } from "./services/provide-postgres.mjs";
import { claimRun } from "./services/run-state.mjs";
import { startStatsService } from "./services/start-stats-service.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);

const allTiers = ["typecheck", "lint", "unit", "integration", "e2e"];
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
// Services, provided on first need: typecheck, lint and unit tests need none.

let servicesPromise;

function testServices() {
  servicesPromise ??= provideTestServices();
  return servicesPromise;
}

async function provideTestServices() {
  let serverUrl;
  if (process.env.DATABASE_URL) note("PostgreSQL: using DATABASE_URL as it is (no fresh database)");
  else {
    const server = await providePostgresServer(root, "test");
    registerCleanup("PostgreSQL", server.stop);
    serverUrl = server.serverUrl;
    note(`PostgreSQL: ${server.description}`);
  }
  ensureRunning();
  let brokers = process.env.KAFKA_BROKERS;
  if (brokers) note(`Kafka: using KAFKA_BROKERS=${brokers}`);
  else {
    const broker = await startKafkaBroker(root, "test", { fresh: true, timings });
    registerCleanup("Kafka", broker.stop);
    brokers = broker.brokers;
  }
  ensureRunning();
  let statsUrl = process.env.STATS_SERVICE_URL;
  if (!statsUrl) {
    const stats = await startStatsService(root, await findFreePort(4110));
    if (stats) {
      registerCleanup("statistics stand-in", stats.stop);
      statsUrl = stats.url;
    }
  }
  return { serverUrl, brokers, statsUrl };
}

/** A fresh, migrated database `name` (or DATABASE_URL untouched when it was given). */
async function prepareDatabase(services, name, env) {
  let url = process.env.DATABASE_URL;
  if (!url) {
    await recreateDatabase(services.serverUrl, name);
    url = databaseUrl(services.serverUrl, name);
  }
  const migrate = await runChild("migrate", "npm", ["run", "--silent", "db:migrate"], { cwd: root, env: { ...env, DATABASE_URL: url } });
  if (migrate.code !== 0) throw new HarnessError(`npm run db:migrate failed on ${name} (exit ${migrate.code})`);
  return url;
}

/** The environment of a tier that talks to the services; each tier gets its own topic prefix. */
function serviceEnv(services, topicPrefix) {
  const env = { ...process.env, KAFKA_BROKERS: services.brokers, KAFKA_TOPIC_PREFIX: topicPrefix };
  if (services.statsUrl) env.STATS_SERVICE_URL = services.statsUrl;
  delete env.NODE_ENV; // each runner sets its own (vitest: test, next start: production)
  return env;
}

// ---------------------------------------------------------------------------------------------
// Tiers. Each returns { passed, failed, skipped, detail }.

async function runTool(tier, command, args, env) {
  ensureRunning();
  const run = await runChild(tier, command, args, { cwd: root, env, output: "inherit", timeoutMs: tierTimeouts[tier] });
  return { ...run, timeoutNote: run.timedOut ? `stopped after ${formatDuration(tierTimeouts[tier])}` : "" };
}

async function singleCheck(tier, command, args) {
  const run = await runTool(tier, command, args, process.env);
  return run.code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, detail: run.timeoutNote || `exit ${run.code}` };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

async function vitestTier(tier, env) {
  const report = path.join(root, "test-results", `${tier}.json`);
  rmSync(report, { force: true });
  const run = await runTool(
    tier,
    bin("vitest"),
    ["run", "--project", tier, "--passWithNoTests", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    env,
  );
  const json = readJson(report);
  if (!json) {
    if (run.code === 0) return { passed: 0, failed: 0, detail: "no tests" };
    return { passed: 0, failed: 1, detail: run.timeoutNote || `crashed (exit ${run.code}) without a report` };
  }
  // A file that fails to load has no failed test, yet it failed: count it once.
  const brokenFiles = (json.testResults ?? []).filter(
    (file) => file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed"),
  ).length;
  let failed = (json.numFailedTests ?? 0) + brokenFiles;
  const details = [];
  if (brokenFiles > 0) details.push(`${brokenFiles} file(s) failed to run`);
  if (run.timeoutNote) details.push(run.timeoutNote);
  if (run.code !== 0 && failed === 0) {
    failed = 1;
    details.push(`exit ${run.code}`);
  }
  return {
    passed: json.numPassedTests ?? 0,
    failed,
    skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0),
    detail: details.join("; "),
  };
}

async function integrationTier() {
  const services = await testServices();
  const env = serviceEnv(services, `t${runId}i.`);
  env.DATABASE_URL = await prepareDatabase(services, "cookdroogers_test", env);
  return vitestTier("integration", env);
}

function findSpecs(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory, { withFileTypes: true, recursive: true }).filter(
    (entry) => entry.isFile() && entry.name.endsWith(".spec.ts"),
  );
}

async function e2eTier() {
  if (findSpecs(path.join(root, "e2e")).length === 0) return { passed: 0, failed: 0, detail: "no specs in e2e/" };
  const services = await testServices();
  const env = serviceEnv(services, `t${runId}e.`);
  env.DATABASE_URL = await prepareDatabase(services, "cookdroogers_e2e", env);
  env.AUTH_SECRET ??= env.NEXTAUTH_SECRET ?? randomBytes(32).toString("base64url");

  let seedFailed = false;
  if (existsSync(path.join(root, "prisma", "seed.ts"))) {
    const seed = await runChild("seed", "npm", ["run", "--silent", "db:seed"], { cwd: root, env: { ...env, SEED_DEMO_DATA: "false" } });
    seedFailed = seed.code !== 0;
  } else note("seed: prisma/seed.ts does not exist yet; the admin is not seeded");

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
  const json = readJson(report);
  const details = [];
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (json?.stats) {
    passed = (json.stats.expected ?? 0) + (json.stats.flaky ?? 0);
    failed = json.stats.unexpected ?? 0;
    skipped = json.stats.skipped ?? 0;
    // Errors outside any test (a web server that did not start, a broken spec file).
    const globalErrors = (json.errors ?? []).length;
    if (globalErrors > 0 && failed === 0) {
      failed = 1;
      details.push(`${globalErrors} error(s) outside tests`);
    }
  }
  if (run.timeoutNote) details.push(run.timeoutNote);
  if (run.code !== 0 && failed === 0) {
    failed = 1;
    details.push(json ? `exit ${run.code}` : `crashed (exit ${run.code}) without a report`);
  }
  if (seedFailed) {
    failed += 1;
    details.push("npm run db:seed failed");
  }
  return { passed, failed, skipped, detail: details.join("; ") };
}

const tierRunners = {
  typecheck: () => singleCheck("typecheck", bin("tsc"), ["--noEmit"]),
  lint: () => singleCheck("lint", bin("eslint"), ["."]),
  unit: () => vitestTier("unit", { ...process.env }),
  integration: integrationTier,
  e2e: e2eTier,
};

// ---------------------------------------------------------------------------------------------

function printSummary() {
  const totalPassed = results.reduce((sum, result) => sum + result.passed, 0);
  const totalFailed = results.reduce((sum, result) => sum + result.failed, 0) + (setupFailure ? 1 : 0);
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
  console.log(`${totalPassed} passed, ${totalFailed} failed`);
  return totalFailed;
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
  try {
    await ensureDependencies(root, timings);
  } catch (error) {
    if (isStopping()) return;
    setupFailure = describeError(error);
    failure(setupFailure);
    await finish();
    return;
  }
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
