// `npm start`: installs what is missing, provides PostgreSQL and Kafka, migrates and seeds, builds,
// then runs the web app, the worker and the statistics stand-in together until Ctrl-C.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildApp } from "./services/build-app.mjs";
import { awaitReady, runChild, startChild, stopChild } from "./services/child-processes.mjs";
import { HarnessError, describeError, failure, formatDuration, note, paint } from "./services/console-output.mjs";
import { isPortFree } from "./services/find-free-port.mjs";
import { ensureDependencies } from "./services/install-dependencies.mjs";
import { ensureRunning, isStopping, registerCleanup, stopEverything, stopOnSignals } from "./services/lifecycle.mjs";
import { prettyLogLines } from "./services/pretty-logs.mjs";
import { startKafkaBroker } from "./services/provide-kafka.mjs";
import { databaseUrl, providePostgresServer } from "./services/provide-postgres.mjs";
import { claimRun } from "./services/run-state.mjs";
import { startStatsService } from "./services/start-stats-service.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
process.chdir(root);
const forceBuild = process.argv.slice(2).includes("--rebuild");
const timings = [];

async function finish(exitCode) {
  await stopEverything();
  note(exitCode === 0 ? "everything stopped" : "everything stopped after a failure");
  process.exit(exitCode);
}

/** Next.js reads .env itself; the worker and the scripts get the same values through here. */
function loadDotEnv() {
  const file = path.join(root, ".env");
  if (!existsSync(file)) return;
  process.loadEnvFile(file);
  note("read configuration from .env");
}

/** Production mode needs a secret; keep a generated one so sessions survive a restart. */
function ensureAuthSecret() {
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET) return;
  const file = path.join(root, ".data", "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
  note("AUTH_SECRET not set: using the one generated in .data/auth-secret");
}

async function runRequired(name, script, env = process.env) {
  ensureRunning();
  const result = await runChild(name, "npm", ["run", "--silent", script], { cwd: root, env });
  timings.push([name, result.durationMs]);
  if (!result.ok) throw new HarnessError(`npm run ${script} failed (${result.exit}); see its output above`);
}

async function provideDatabase() {
  if (process.env.DATABASE_URL) {
    note("PostgreSQL: using DATABASE_URL");
    return;
  }
  const server = await providePostgresServer(root, "start");
  registerCleanup("PostgreSQL", server.stop);
  process.env.DATABASE_URL = databaseUrl(server.serverUrl, "cookdroogers");
  note(`PostgreSQL: ${server.description}, database cookdroogers`);
}

async function provideKafka() {
  if (process.env.KAFKA_BROKERS) {
    note(`Kafka: using KAFKA_BROKERS=${process.env.KAFKA_BROKERS}`);
    return;
  }
  const broker = await startKafkaBroker(root, "start", { fresh: false, timings });
  registerCleanup("Kafka", broker.stop);
  process.env.KAFKA_BROKERS = broker.brokers;
}

async function main() {
  loadDotEnv();
  // A developer's machine, not a deployment: `next start` and the worker accept the documented
  // defaults (decision 010). APP_ENV=production in .env tries the deployment checks here.
  process.env.APP_ENV ??= "development";
  registerCleanup("run claim", await claimRun(root, "start"));
  await ensureDependencies(root, timings);

  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0) throw new HarnessError(`PORT must be a port number, not "${process.env.PORT}"`);
  if (!(await isPortFree(port))) throw new HarnessError(`port ${port} is already in use; stop what holds it or run with PORT=<another port>`);

  ensureRunning();
  await provideDatabase();
  ensureRunning();
  await provideKafka();

  await runRequired("migrate", "db:migrate");
  await runRequired("seed", "db:seed");

  ensureRunning();
  ensureAuthSecret();
  const build = await buildApp(root, { force: forceBuild });
  if (!build.skipped) timings.push(["build", build.durationMs]);

  ensureRunning();
  let stats;
  if (!process.env.STATS_SERVICE_URL) {
    stats = await startStatsService(root, Number(process.env.STATS_SERVICE_PORT ?? 4010));
    process.env.STATS_SERVICE_URL = stats.url;
    registerCleanup("statistics stand-in", stats.stop);
  }

  ensureRunning();
  const appEnv = { ...process.env, PORT: String(port) };
  delete appEnv.NODE_ENV; // `next start` is production; a development NODE_ENV from .env would confuse it
  // Their JSON log lines, shown readably here only (decision 016).
  const formatLine = await prettyLogLines();
  const web = await startChild("web", path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], { cwd: root, env: appEnv, kind: "service", formatLine });
  const worker = await startChild("worker", "npm", ["run", "--silent", "worker"], { cwd: root, env: appEnv, kind: "service", formatLine });
  registerCleanup("web and worker", () => Promise.all([stopChild(web), stopChild(worker)]));

  const health = `http://127.0.0.1:${port}/api/health`;
  const answers = () => fetch(health, { signal: AbortSignal.timeout(5_000) }).then((response) => response.ok, () => false);
  await awaitReady(web, answers, { what: "the web app", timeoutMs: 120_000, interval: 500 });
  const ready = timings.map(([name, milliseconds]) => `${name} ${formatDuration(milliseconds)}`).join(", ");
  note(`timings: ${ready}`);
  console.log(
    `\n${paint(32, "✔ Cook Droogers is running")} at ${paint(1, `http://127.0.0.1:${port}`)}\n` +
      `  admin: ${process.env.ADMIN_EMAIL ?? "admin@cookdroogers.local"}, password: ${process.env.ADMIN_PASSWORD ? "as set in ADMIN_PASSWORD" : "the development default (README, Configuration)"}\n` +
      `  Kafka ${process.env.KAFKA_BROKERS}, statistics ${process.env.STATS_SERVICE_URL}\n` +
      `  Press Ctrl-C to stop everything.\n`,
  );

  // Any of the long-running processes ending on its own ends the run: half an app is no app.
  const watched = stats ? [web, worker, stats.handle] : [web, worker];
  const firstExit = await Promise.race(watched.map((handle) => handle.exited.then((result) => ({ handle, result }))));
  ensureRunning();
  throw new HarnessError(`${firstExit.handle.name} stopped on its own (${firstExit.result.exit}); stopping the rest`);
}

stopOnSignals(() => finish(0));
main().catch(async (error) => {
  if (isStopping()) return; // a signal is already stopping everything; its failures are expected
  failure(describeError(error));
  await finish(1);
});
