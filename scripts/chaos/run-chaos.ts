// The fault script (npm run chaos): sign requests submitted through the real service while worker
// processes are killed, the Kafka broker is stopped and started again and PostgreSQL is crashed
// and started again; then it counts how many requests were assigned once, twice or not at all
// and how long the backlog took to drain. It runs its own PostgreSQL server and its own broker
// (never the shared ones) and removes both at the end, on Ctrl-C and on failure too.
// Usage: npm run chaos -- [--requests 400] [--workers 2] [--managers 4] [--rate auto|N] [--seed N]
//          [--kills 3] [--broker-outages 1] [--pg-restarts 1] [--concurrency 4] [--drain-timeout 180]
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync, type WriteStream } from "node:fs";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { SessionUser } from "@/lib/auth/guards";
import { applyMigrations, ensureDatabaseExists } from "@/scripts/migrate/apply-migrations";
import { startKafkaBroker } from "../services/provide-kafka.mjs";
import { formatMs, formatTable, positiveInt, printSection } from "../bench/format-results";
import { describeMachine } from "../bench/prepare-bench-environment";
import { DEFAULT_SCHEDULE, describeFault, planFaults, type Fault } from "./fault-schedule";
import { startPrivatePostgres, type PrivatePostgres } from "./private-postgres";
import { fairnessSpread, runFailed, tallyOutcomes } from "./tally";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "400" },
    workers: { type: "string", default: "2" },
    managers: { type: "string", default: "4" },
    rate: { type: "string", default: "auto" },
    concurrency: { type: "string", default: "4" },
    seed: { type: "string" },
    kills: { type: "string", default: String(DEFAULT_SCHEDULE.workerKills) },
    "broker-outages": { type: "string", default: String(DEFAULT_SCHEDULE.brokerOutages) },
    "pg-restarts": { type: "string", default: String(DEFAULT_SCHEDULE.postgresRestarts) },
    "drain-timeout": { type: "string", default: "180" },
  },
});
const requestCount = positiveInt(values.requests, "--requests");
const workerCount = positiveInt(values.workers, "--workers");
const managerCount = positiveInt(values.managers, "--managers");
const rateOption = values.rate === "auto" ? undefined : positiveInt(values.rate, "--rate");
const concurrency = positiveInt(values.concurrency, "--concurrency");
const seed = values.seed === undefined ? Math.floor(Math.random() * 1_000_000) : positiveInt(values.seed, "--seed");
/** A count that may be zero (a run without one kind of fault). */
function count(raw: string, name: string): number {
  return raw === "0" ? 0 : positiveInt(raw, name);
}
const faultCounts = {
  workerKills: count(values.kills, "--kills"),
  brokerOutages: count(values["broker-outages"], "--broker-outages"),
  postgresRestarts: count(values["pg-restarts"], "--pg-restarts"),
};
const drainTimeoutMs = positiveInt(values["drain-timeout"], "--drain-timeout") * 1000;

const root = path.resolve(".");
const runName = `chaos-${Date.now()}`;
const logDirectory = path.join(root, ".data", "chaos", runName);
const startedAt = performance.now();
/** Times are told from the first submission (t0), as the fault schedule is; before it, as setup time. */
let origin: number | undefined;
const since = (at: number) =>
  origin === undefined ? `setup ${((at - startedAt) / 1000).toFixed(1)} s` : `t${at >= origin ? "+" : "−"}${(Math.abs(at - origin) / 1000).toFixed(1)} s`;
const say = (line: string) => console.log(`[chaos ${since(performance.now())}] ${line}`);

// ---- services of our own -------------------------------------------------------------------

let postgres: PrivatePostgres | undefined;
let broker: { brokers: string; stop: () => Promise<unknown> } | undefined;
type WorkerProcess = { name: string; child: ChildProcess; exited: Promise<void>; log: WriteStream; killedOnPurpose: boolean; lastLine: string };
const workers: WorkerProcess[] = [];
let workerSequence = 0;
let cleaningUp: Promise<void> | undefined;
/** Workers that exited without being killed by the script, and were started again (below). */
const selfExits: string[] = [];

function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    await Promise.all(workers.map((worker) => stopWorker(worker)));
    await broker?.stop().catch((error: unknown) => console.error(`chaos: stopping the broker failed: ${String(error)}`));
    rmSync(path.join(root, ".data", `kafka-${runName}`), { recursive: true, force: true });
    postgres?.remove();
  })();
  return cleaningUp;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.error(`\nchaos: ${signal}, stopping the workers, the broker and PostgreSQL…`);
    void cleanUp().finally(() => process.exit(130));
  });
}

const topicPrefix = "chaos.";
const { databaseUrl, brokers } = await (async () => {
  try {
    postgres = await startPrivatePostgres(root, runName);
    const url = new URL(postgres.serverUrl);
    url.pathname = "/cookdroogers_chaos";
    say(`PostgreSQL of our own on 127.0.0.1:${postgres.port} (${path.relative(root, postgres.home)})`);
    broker = await startKafkaBroker(root, runName, { fresh: true, timings: [] });
    // Everything imported below reads these through lib/env.ts, once.
    process.env.DATABASE_URL = url.toString();
    process.env.KAFKA_BROKERS = broker.brokers;
    process.env.KAFKA_TOPIC_PREFIX = topicPrefix;
    await ensureDatabaseExists(url.toString());
    await applyMigrations(url.toString(), path.join(root, "prisma", "migrations"));
    return { databaseUrl: url, brokers: broker.brokers };
  } catch (error) {
    console.error(`chaos: setting up failed: ${error instanceof Error ? error.message : String(error)}`);
    await cleanUp();
    process.exit(1);
  }
})();

const { prisma } = await import("@/lib/db");
const { DomainError } = await import("@/lib/errors");
const { env } = await import("@/lib/env");
const { signRequestAssignmentDue } = await import("@/lib/events/definitions");
const { allTopicNames } = await import("@/lib/kafka/topics");
const { submitSignRequest } = await import("@/lib/requests/sign/submit-sign-request");
const { readOutcomes } = await import("./read-outcomes");
const { createManager } = await import("@/tests/support/create-accounts");
const { ensureTopics } = await import("@/worker/start-worker");

// ---- worker processes ----------------------------------------------------------------------

function startWorkerProcess(): WorkerProcess {
  // Once stopping, no new process: it would outlive the script.
  if (cleaningUp) throw new Error("the run is stopping");
  workerSequence += 1;
  const name = `worker-${workerSequence}`;
  const log = createWriteStream(path.join(logDirectory, `${name}.log`));
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl.toString(),
      KAFKA_BROKERS: brokers,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      // Two workers on one machine cannot share the metrics port; the figures are not needed here.
      METRICS_PORT: "0",
      LOG_LEVEL: "warn",
    },
  });
  const worker: WorkerProcess = { name, child, exited: Promise.resolve(), log, killedOnPurpose: false, lastLine: "" };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.pipe(log, { end: false });
    stream?.on("data", (chunk: Buffer) => {
      const lines = chunk.toString().split("\n").filter(Boolean);
      worker.lastLine = lines.at(-1) ?? worker.lastLine;
    });
  }
  worker.exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      resolve();
      if (worker.killedOnPurpose || cleaningUp) return;
      // What a supervisor does (docker-compose.yml: restart: unless-stopped): start it again.
      const how = code === null ? `killed by ${signal}` : `exit ${code}`;
      selfExits.push(`${name} ${how} at ${since(performance.now())}: ${lastMessage(worker.lastLine)}`);
      say(`${name} exited by itself (${how}): ${lastMessage(worker.lastLine)}; starting another in 2 s`);
      log.end();
      setTimeout(() => {
        if (!cleaningUp) startWorkerProcess();
      }, 2_000);
    }),
  );
  workers.push(worker);
  say(`${name} started (pid ${child.pid})`);
  return worker;
}

/** The `msg` and error of a JSON log line, or the line itself. */
function lastMessage(line: string): string {
  try {
    const parsed = JSON.parse(line) as { msg?: string; err?: { message?: string } };
    return [parsed.msg, parsed.err?.message].filter(Boolean).join(": ").slice(0, 300);
  } catch {
    return line.slice(0, 300);
  }
}

async function stopWorker(worker: WorkerProcess): Promise<void> {
  worker.killedOnPurpose = true;
  if (worker.child.exitCode === null && worker.child.signalCode === null) {
    worker.child.kill("SIGTERM");
    const stopped = await Promise.race([worker.exited.then(() => true), delay(25_000, false)]);
    if (!stopped) worker.child.kill("SIGKILL");
    await worker.exited;
  }
  worker.log.end();
}

const alive = () => workers.filter((worker) => worker.child.exitCode === null && worker.child.signalCode === null);

/** A worker is up once its heartbeat row (workerId `<host>-<pid>`) exists. */
async function waitForHeartbeats(started: readonly WorkerProcess[], timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const rows = await prisma.workerHeartbeat.findMany({ select: { workerId: true } });
    if (started.every((worker) => rows.some((row) => row.workerId.endsWith(`-${worker.child.pid}`)))) return;
    if (performance.now() > deadline) throw new Error(`the workers did not write a heartbeat within ${timeoutMs / 1000} s (logs in ${logDirectory})`);
    await delay(250);
  }
}

// ---- faults --------------------------------------------------------------------------------

type FaultRecord = { fault: Fault; startedAt: number; endedAt: number; note: string };

async function runFault(fault: Fault): Promise<FaultRecord> {
  const begun = performance.now();
  if (fault.kind === "kill-worker") {
    const candidates = alive();
    const victim = candidates[Math.floor(fault.victim * candidates.length)];
    if (!victim) return { fault, startedAt: begun, endedAt: performance.now(), note: "no worker alive" };
    victim.killedOnPurpose = true;
    victim.child.kill("SIGKILL");
    await victim.exited;
    victim.log.end();
    const replacement = startWorkerProcess();
    say(`SIGKILL ${victim.name} (pid ${victim.child.pid}); ${replacement.name} replaces it`);
    return { fault, startedAt: begun, endedAt: performance.now(), note: `${victim.name} killed, ${replacement.name} started` };
  }
  if (fault.kind === "broker-outage") {
    say("stopping the Kafka broker");
    await broker?.stop();
    const stoppedAt = performance.now();
    await delay(Math.max(0, begun + fault.downMs - performance.now()));
    say(`starting the Kafka broker again (down ${((performance.now() - stoppedAt) / 1000).toFixed(1)} s)`);
    broker = await startKafkaBroker(root, runName, { fresh: false, timings: [] });
    if (broker.brokers !== brokers) throw new Error(`the broker came back on ${broker.brokers}, not ${brokers}: its port was taken meanwhile`);
    return { fault, startedAt: begun, endedAt: performance.now(), note: `down ${((performance.now() - stoppedAt) / 1000).toFixed(1)} s incl. start` };
  }
  say("crashing PostgreSQL (pg_ctl stop -m immediate)");
  postgres?.crash();
  await delay(fault.downMs);
  postgres?.start();
  say("PostgreSQL started again (crash recovery done)");
  return { fault, startedAt: begun, endedAt: performance.now(), note: `down ${((performance.now() - begun) / 1000).toFixed(1)} s incl. recovery` };
}

async function runFaults(faults: readonly Fault[], t0: number): Promise<FaultRecord[]> {
  const records: FaultRecord[] = [];
  for (const fault of faults) {
    if (cleaningUp) break;
    // The schedule is a timetable: wait for this fault's moment, not for a condition.
    await delay(Math.max(0, t0 + fault.atMs - performance.now()));
    if (cleaningUp) break;
    records.push(await runFault(fault));
  }
  return records;
}

// ---- submissions ---------------------------------------------------------------------------

// Applicants never sign in; any value passing the table's CHECK will do (as in bench:pipeline).
const PLACEHOLDER_HASH = "$argon2id$chaos-placeholder-never-verified";

type SubmissionStats = {
  acknowledgedIds: number[];
  /** Committed although the call failed (the retry found the request already open). */
  committedUnacknowledged: number;
  failedAttempts: number;
  gaveUp: number;
  lastSubmittedAt: number;
};

async function submitAll(applicants: readonly SessionUser[], t0: number, rate: number): Promise<SubmissionStats> {
  const stats: SubmissionStats = { acknowledgedIds: [], committedUnacknowledged: 0, failedAttempts: 0, gaveUp: 0, lastSubmittedAt: t0 };
  let next = 0;
  const lane = async () => {
    while (next < applicants.length) {
      const sequence = next++;
      const applicant = applicants[sequence] as SessionUser;
      await delay(Math.max(0, t0 + (sequence * 1000) / rate - performance.now()));
      const giveUpAt = performance.now() + 120_000;
      for (let attempt = 1; ; attempt += 1) {
        try {
          const request = await submitSignRequest(applicant, { nickname: `chaos-${applicant.id}`, message: null });
          stats.acknowledgedIds.push(request.id);
          break;
        } catch (error) {
          // The earlier attempt committed and only its answer was lost (the connection went
          // down during COMMIT): the service now refuses a second open request.
          if (attempt > 1 && error instanceof DomainError && /already have an open request/.test(error.message)) {
            stats.committedUnacknowledged += 1;
            break;
          }
          stats.failedAttempts += 1;
          if (performance.now() > giveUpAt) {
            stats.gaveUp += 1;
            console.error(`chaos: gave up submitting for applicant ${applicant.id}: ${String(error)}`);
            break;
          }
          await delay(250 * Math.min(attempt, 8));
        }
      }
      stats.lastSubmittedAt = performance.now();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, lane));
  return stats;
}

async function createApplicants(count: number): Promise<SessionUser[]> {
  const rows = await prisma.$queryRaw<{ id: number; name: string; email: string }[]>`
    INSERT INTO "User" ("name", "email", "passwordHash", "role")
    SELECT 'Chaos applicant ' || g, 'chaos-' || g || '@example.test', ${PLACEHOLDER_HASH}, 'USER'
    FROM generate_series(1, ${count}::int) AS g
    RETURNING "id", "name", "email"`;
  return rows.map((row) => ({ ...row, role: "USER", managerId: null, artistId: null }));
}

// ---- the verdict ---------------------------------------------------------------------------

/** Polls until no request of the run is New (the database may still be coming back). */
async function waitForDrain(applicantIds: readonly number[], deadline: number): Promise<number | null> {
  for (;;) {
    try {
      const waiting = await prisma.request.count({ where: { applicantId: { in: [...applicantIds] }, status: "NEW" } });
      if (waiting === 0) return performance.now();
    } catch {
      // PostgreSQL restarting: ask again.
    }
    if (performance.now() > deadline) return null;
    await delay(250);
  }
}

async function main(): Promise<boolean> {
  mkdirSync(logDirectory, { recursive: true });
  const faults = planFaults({ ...DEFAULT_SCHEDULE, ...faultCounts, seed });
  // By default the submissions are spread over the whole schedule (and 10 s past it), so every
  // fault meets requests on their way.
  const scheduleEndMs = Math.max(0, ...faults.map((fault) => fault.atMs + ("downMs" in fault ? fault.downMs : 0)));
  const rate = rateOption ?? requestCount / ((scheduleEndMs + 10_000) / 1000);
  console.log(`Fault run — ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `${requestCount} sign requests at ${rate.toFixed(1)}/s (${concurrency} submitters), ${managerCount} managers, ${workerCount} worker processes, seed ${seed}; ` +
      `Kafka ${brokers} (topics ${topicPrefix}*), worker logs in ${path.relative(root, logDirectory)}`,
  );
  console.log(`fault schedule (from the first submission):\n${faults.map((fault) => `  ${describeFault(fault)}`).join("\n")}`);

  await ensureTopics(allTopicNames(), { KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: "cook-droogers-chaos", KAFKA_PARTITIONS: env().KAFKA_PARTITIONS });
  const managerIds: number[] = [];
  for (let index = 1; index <= managerCount; index += 1) {
    const manager = await createManager(prisma, `Chaos Manager ${index}`);
    managerIds.push(manager.managerId as number);
  }
  const applicants = await createApplicants(requestCount);
  const applicantIds = applicants.map((applicant) => applicant.id);

  const initial = Array.from({ length: workerCount }, () => startWorkerProcess());
  await waitForHeartbeats(initial, 90_000);
  say("workers up; submitting and running the faults");

  const t0 = performance.now();
  origin = t0;
  const [submitted, faultRecords] = await Promise.all([submitAll(applicants, t0, rate), runFaults(faults, t0)]);
  const lastFaultEnded = Math.max(...faultRecords.map((record) => record.endedAt), t0);
  const lastFaultEndedWall = new Date(Date.now() - (performance.now() - lastFaultEnded));
  say(`submissions done (last at ${since(submitted.lastSubmittedAt)}), last fault ended at ${since(lastFaultEnded)}; waiting for the backlog to drain`);
  const drainedAt = await waitForDrain(applicantIds, Math.max(lastFaultEnded, submitted.lastSubmittedAt) + drainTimeoutMs);

  const rows = await readOutcomes(prisma, applicantIds);
  const tally = tallyOutcomes(rows);
  const committedIds = new Set(rows.map((row) => row.requestId));
  const acknowledgedButMissing = submitted.acknowledgedIds.filter((id) => !committedIds.has(id));
  const fairness = fairnessSpread(managerIds, rows);
  // Where the drain went: waiting for the first assignment (the consumers finding the broker and
  // their group again) versus working off the backlog. Both stamped by the database clock.
  const [afterFault] = await prisma.$queryRaw<{ firstMs: number | null; backlog: number }[]>`
    SELECT (EXTRACT(EPOCH FROM (min(h."at") - ${lastFaultEndedWall}::timestamptz)) * 1000)::float8 AS "firstMs",
           count(*)::int AS "backlog"
    FROM "RequestHistory" h JOIN "Request" r ON r."id" = h."requestId"
    WHERE h."toStatus" = 'ON_APPROVAL' AND h."at" > ${lastFaultEndedWall}::timestamptz AND r."applicantId" = ANY(${applicantIds}::int[])`;
  const [unsent, deadLettered, processingFailed] = await Promise.all([
    prisma.outboxEvent.count({ where: { name: signRequestAssignmentDue.name, sentAt: null } }),
    prisma.processedMessage.count({ where: { outcome: "dead-lettered" } }),
    prisma.request.count({ where: { applicantId: { in: applicantIds }, processingFailedAt: { not: null } } }),
  ]);

  printSection("Faults");
  console.log(
    formatTable(
      ["fault", "at", "took", "what happened"],
      faultRecords.map((record) => [record.fault.kind, since(record.startedAt), formatMs(record.endedAt - record.startedAt), record.note]),
    ),
  );

  printSection("Sign requests under faults");
  const drain = (from: number) => (drainedAt === null ? `not within ${drainTimeoutMs / 1000} s` : formatMs(Math.max(0, drainedAt - from)));
  console.log(
    formatTable(
      ["figure", "value"],
      [
        ["submitted (committed)", tally.committed],
        ["  acknowledged to the submitter", submitted.acknowledgedIds.length],
        ["  committed, answer lost (retry found it open)", submitted.committedUnacknowledged],
        ["  acknowledged but missing", acknowledgedButMissing.length],
        ["  failed attempts retried", submitted.failedAttempts],
        ["  given up", submitted.gaveUp],
        ["assigned once", tally.assignedOnce],
        ["doubled", tally.doubled],
        ["lost (not On approval after the drain)", tally.lost],
        ["other status", tally.other],
        ["marked processing-failed", processingFailed],
        ["workers that exited by themselves (restarted)", selfExits.length],
        ["dead-lettered events (any)", deadLettered],
        ["assignment events never relayed", unsent],
        [`fairness: open per manager (${[...fairness.perManager.values()].join("/")})`, `max−min ${fairness.spread}`],
        ["assigned after the last fault ended", afterFault?.backlog ?? 0],
        ["  first of them after", afterFault?.firstMs == null ? "-" : formatMs(afterFault.firstMs)],
        ["drain after the last fault", drain(lastFaultEnded)],
        ["drain after the last submission", drain(submitted.lastSubmittedAt)],
        ["total run time", formatMs(performance.now() - startedAt)],
      ],
    ),
  );
  for (const exit of selfExits) console.log(`exited by itself: ${exit}`);
  if (tally.doubledIds.length) console.log(`doubled request ids: ${tally.doubledIds.join(", ")}`);
  if (tally.lostIds.length) console.log(`lost request ids: ${tally.lostIds.slice(0, 50).join(", ")}${tally.lostIds.length > 50 ? ", …" : ""}`);
  if (tally.otherIds.length) console.log(`other request ids: ${tally.otherIds.join(", ")}`);
  if (acknowledgedButMissing.length) console.log(`acknowledged but missing request ids: ${acknowledgedButMissing.join(", ")}`);
  return !runFailed(tally, acknowledgedButMissing.length);
}

let passed = false;
try {
  passed = await main();
} catch (error) {
  console.error(`chaos failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await prisma.$disconnect().catch(() => undefined);
  await cleanUp();
}
console.log(passed ? "\nchaos: nothing doubled, nothing lost" : "\nchaos: FAILED (see above)");
process.exit(passed ? 0 : 1);
