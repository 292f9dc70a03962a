// Benchmark: the deferred sign-request pipeline end to end (submit → outbox → relay → Kafka →
// worker → On approval), with one and then two in-process workers of one consumer group.
// Usage: npm run bench:pipeline -- [requests=500] [--managers=5] [--workers=1,2] [--concurrency=8] [--rate=50]
import { setInterval } from "node:timers/promises";
import { parseArgs } from "node:util";
import type { SessionUser } from "@/lib/auth/guards";
import type { RunningWorker } from "@/worker/start-worker";
import { createApplicants, runPool } from "./bench-data";
import { formatMs, formatRate, formatTable, percentile, positiveInt, printSection } from "./format-results";
import { describeMachine, prepareBenchEnvironment } from "./prepare-bench-environment";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    managers: { type: "string", default: "5" },
    workers: { type: "string", default: "1,2" },
    concurrency: { type: "string", default: "8" },
    rate: { type: "string", default: "50" },
  },
});
const requestCount = positiveInt(positionals[0] ?? "500", "requests");
const managerCount = positiveInt(values.managers, "--managers");
const concurrency = positiveInt(values.concurrency, "--concurrency");
const pacedRate = positiveInt(values.rate, "--rate");
const workerCounts = values.workers.split(",").map((count) => positiveInt(count, "--workers"));

const bench = await prepareBenchEnvironment();
const { prisma } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { allTopicNames, workerGroupId } = await import("@/lib/kafka/topics");
const { signRequestAssignmentDue } = await import("@/lib/events/definitions");
const { submitSignRequest } = await import("@/lib/requests/sign/submit-sign-request");
const { createManager } = await import("@/tests/support/create-accounts");
const { deleteKafkaLeftovers } = await import("@/tests/support/kafka-prefix");
const { resetDatabase } = await import("@/tests/support/reset-database");
const { ensureTopics, startWorker } = await import("@/worker/start-worker");

const groupId = workerGroupId(bench.topicPrefix);

type PhaseResult = {
  label: string;
  submitMs: number;
  submitCallMs: number[];
  drainMs: number;
  latenciesMs: number[];
  outboxMs: number[];
  consumeMs: number[];
  assignmentWindowMs: number;
  perManager: number[];
};

/**
 * Submits one sign request per applicant through the domain function, `limit` at a time,
 * and no faster than `perSecond` when given; returns the ids and timings.
 */
async function submitAll(applicants: readonly SessionUser[], runId: string, limit: number, perSecond?: number) {
  const ids: number[] = [];
  const submitCallMs: number[] = [];
  const started = performance.now();
  let sequence = 0;
  await runPool(applicants, limit, async (applicant) => {
    if (perSecond) {
      const dueAt = started + (sequence++ * 1000) / perSecond;
      const wait = dueAt - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const callStarted = performance.now();
    const request = await submitSignRequest(applicant, { nickname: `bench ${runId} ${applicant.id}`, message: null });
    submitCallMs.push(performance.now() - callStarted);
    ids.push(request.id);
  });
  return { ids, submitCallMs, submitMs: performance.now() - started };
}

async function waitUntilAssigned(ids: readonly number[]): Promise<void> {
  const deadline = performance.now() + Math.max(120_000, ids.length * 200);
  for await (const _tick of setInterval(100)) {
    const assigned = await prisma.request.count({ where: { id: { in: [...ids] }, status: "ON_APPROVAL" } });
    if (assigned === ids.length) return;
    if (performance.now() > deadline) break;
  }
  const stuck = await prisma.request.groupBy({ by: ["status"], where: { id: { in: [...ids] } }, _count: true });
  const failed = await prisma.request.count({ where: { id: { in: [...ids] }, processingFailedAt: { not: null } } });
  console.error(`statuses: ${JSON.stringify(stuck)}; marked processing-failed: ${failed}`);
  throw new Error(`Timed out waiting for ${ids.length} requests to reach On approval`);
}

/** Latency from the request's creation to its assignment, both stamped by the database clock. */
async function measureAssignments(ids: readonly number[]) {
  // The outbox row's sentAt is stamped when the relay claims it (its transaction's now()),
  // which splits the latency into waiting for the relay and Kafka + consumer + assignment.
  const rows = await prisma.$queryRaw<{ latencyMs: number; outboxMs: number; consumeMs: number; atMs: number }[]>`
    SELECT (EXTRACT(EPOCH FROM (h."at" - r."createdAt")) * 1000)::float8 AS "latencyMs",
           (EXTRACT(EPOCH FROM (o."sentAt" - r."createdAt")) * 1000)::float8 AS "outboxMs",
           (EXTRACT(EPOCH FROM (h."at" - o."sentAt")) * 1000)::float8 AS "consumeMs",
           (EXTRACT(EPOCH FROM h."at") * 1000)::float8 AS "atMs"
    FROM "Request" r
    JOIN "RequestHistory" h ON h."requestId" = r."id" AND h."toStatus" = 'ON_APPROVAL'
    JOIN "OutboxEvent" o ON o."name" = ${signRequestAssignmentDue.name} AND (o."payload"->>'requestId')::int = r."id"
    WHERE r."id" = ANY(${[...ids]}::int[])`;
  if (rows.length !== ids.length) throw new Error(`expected ${ids.length} assignment history rows, found ${rows.length}`);
  const at = rows.map((row) => row.atMs);
  const perManager = await prisma.request.groupBy({ by: ["managerId"], where: { id: { in: [...ids] } }, _count: true });
  return {
    latenciesMs: rows.map((row) => row.latencyMs),
    outboxMs: rows.map((row) => row.outboxMs),
    consumeMs: rows.map((row) => row.consumeMs),
    assignmentWindowMs: Math.max(...at) - Math.min(...at),
    perManager: perManager.map((group) => group._count),
  };
}

async function startWorkers(count: number, log: (line: string) => void): Promise<RunningWorker[]> {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      startWorker({
        db: prisma,
        workerId: `bench-worker-${index + 1}`,
        groupId,
        // No scheduled jobs: the daily statistics refresh would call the statistics service
        // and compete for the same two cores without being part of what is measured.
        jobs: [],
        log: (message) => log(`[bench-worker-${index + 1}] ${message}`),
      }),
    ),
  );
}

async function runScenario(workerCount: number): Promise<PhaseResult[]> {
  await resetDatabase(prisma);
  for (let index = 1; index <= managerCount; index += 1) await createManager(prisma, `Bench Manager ${index}`);
  const runId = `w${workerCount}-${Date.now()}`;
  const applicants = {
    backlog: await createApplicants(prisma, `${runId}-backlog`, requestCount),
    burst: await createApplicants(prisma, `${runId}-burst`, requestCount),
    paced: await createApplicants(prisma, `${runId}-paced`, requestCount),
  };
  const name = `${workerCount} worker${workerCount > 1 ? "s" : ""}`;
  const log = (line: string) => {
    if (/fail|parked|error/i.test(line)) console.error(line);
  };

  // Backlog: everything is submitted while no worker runs, then the workers start and
  // drain it. Latency here is mostly time spent waiting in the backlog.
  const backlog = await submitAll(applicants.backlog, `${runId}-backlog`, concurrency);
  const drainStarted = performance.now();
  const workers = await startWorkers(workerCount, log);
  const results: PhaseResult[] = [];
  try {
    await waitUntilAssigned(backlog.ids);
    results.push({ label: `${name}, backlog`, ...backlog, drainMs: performance.now() - drainStarted, ...(await measureAssignments(backlog.ids)) });

    // Burst: the warmed-up workers run while requests arrive as fast as the submitters can
    // send them (faster than one worker assigns, so a queue builds up).
    const burstStarted = performance.now();
    const burst = await submitAll(applicants.burst, `${runId}-burst`, concurrency);
    await waitUntilAssigned(burst.ids);
    results.push({ label: `${name}, burst`, ...burst, drainMs: performance.now() - burstStarted, ...(await measureAssignments(burst.ids)) });

    // Paced: arrivals at a steady rate below capacity; latency is the pipeline's own
    // (outbox poll + relay + Kafka + assignment transaction).
    const pacedStarted = performance.now();
    const paced = await submitAll(applicants.paced, `${runId}-paced`, concurrency, pacedRate);
    await waitUntilAssigned(paced.ids);
    results.push({ label: `${name}, paced`, ...paced, drainMs: performance.now() - pacedStarted, ...(await measureAssignments(paced.ids)) });
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  return results;
}

async function main() {
  console.log(`Pipeline benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  console.log(`database: ${bench.databaseName}; Kafka ${env().KAFKA_BROKERS}, topics ${bench.topicPrefix}*; OUTBOX_POLL_MS=${env().OUTBOX_POLL_MS}`);
  console.log(
    `${requestCount} sign requests per phase, ${managerCount} managers, ${concurrency} concurrent submitters, ` +
      `paced phase at ${pacedRate}/s, workers: ${workerCounts.join(", ")}`,
  );
  // Topic creation is a one-off cost of a new environment, not of the pipeline.
  await ensureTopics(allTopicNames());

  const results: PhaseResult[] = [];
  try {
    for (const workerCount of workerCounts) {
      console.log(`\nrunning with ${workerCount} worker(s)…`);
      results.push(...(await runScenario(workerCount)));
    }
  } finally {
    await resetDatabase(prisma).catch((error: unknown) => console.error(`cleanup (database) failed: ${String(error)}`));
    await deleteKafkaLeftovers(bench.topicPrefix).catch((error: unknown) => console.error(`cleanup (Kafka) failed: ${String(error)}`));
    await prisma.$disconnect();
  }

  printSection("Submission (submitSignRequest: checks + request + history + 2 outbox rows, one transaction)");
  console.log(
    formatTable(
      ["phase", "requests", "wall", "rate", "call p50", "call p95"],
      results.map((result) => [
        result.label,
        result.latenciesMs.length,
        formatMs(result.submitMs),
        formatRate(result.latenciesMs.length, result.submitMs, "req"),
        formatMs(percentile(result.submitCallMs, 50)),
        formatMs(percentile(result.submitCallMs, 95)),
      ]),
    ),
  );

  printSection("Deferred assignment (New → On approval), latency = history.at − request.createdAt");
  console.log(
    formatTable(
      ["phase", "all assigned after", "throughput", "latency p50", "p95", "max", "per manager min/max"],
      results.map((result) => [
        result.label,
        formatMs(result.drainMs),
        formatRate(result.latenciesMs.length, result.assignmentWindowMs, "assign"),
        formatMs(percentile(result.latenciesMs, 50)),
        formatMs(percentile(result.latenciesMs, 95)),
        formatMs(Math.max(...result.latenciesMs)),
        `${Math.min(...result.perManager)}/${Math.max(...result.perManager)}`,
      ]),
    ),
  );

  printSection("Where the latency goes (p50 / p95)");
  console.log(
    formatTable(
      ["phase", "waiting for the relay", "Kafka + consumer + assignment"],
      results.map((result) => [
        result.label,
        `${formatMs(percentile(result.outboxMs, 50))} / ${formatMs(percentile(result.outboxMs, 95))}`,
        `${formatMs(percentile(result.consumeMs, 50))} / ${formatMs(percentile(result.consumeMs, 95))}`,
      ]),
    ),
  );
  console.log(
    [
      "",
      "backlog: submitted while no worker ran; 'all assigned after' counts from the startWorker call (group join included).",
      `burst:   submitted by ${concurrency} concurrent callers while the workers ran; counted from the first submission.`,
      `paced:   submitted at ${pacedRate} requests/s while the workers ran; counted from the first submission.`,
      "throughput = requests / (last assignment − first assignment), database clock.",
      "waiting for the relay = outbox row claimed (sentAt) − request created; the relay polls every OUTBOX_POLL_MS when idle.",
      "Workers run in this process (one event loop); assignments are serialized by an advisory lock.",
    ].join("\n"),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:pipeline failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
