// The pipeline part of `npm run bench`: real worker processes (`worker/main.ts`, separate OS
// processes in one consumer group) against the bench database and topics. Three scenarios:
// paced submissions (latency), a sign-assignment backlog (throughput with 1 and with N worker
// processes, fairness and duplicates checked after each) and a publish-grading backlog.
// Import after prepareBenchEnvironment (bench-environment variables).
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import pWaitFor from "p-wait-for";
import type { SessionUser } from "@/lib/auth/guards";
import { prisma } from "@/lib/db";
import { createKafka } from "@/lib/kafka/client";
import { workerGroupId } from "@/lib/kafka/topics";
import { submitPublishRequest } from "@/lib/requests/publish/submit-publish-request";
import { submitSignRequest } from "@/lib/requests/sign/submit-sign-request";
import { fairnessSpread } from "@/scripts/chaos/tally";
import { createArtist, createManager } from "@/tests/support/create-accounts";
import { createReleaseFixture } from "@/tests/support/create-release-fixture";
import { stableGroupMembers } from "@/tests/support/kafka-prefix";
import { resetDatabase } from "@/tests/support/reset-database";
import { createApplicants, runPool } from "./bench-data";
import { percentile } from "./format-results";

export type PipelineOptions = {
  managers: number;
  concurrency: number;
  /** Cut the worker processes' CPU profiles into this folder (`node --cpu-prof`). */
  profileDir?: string;
  log: (line: string) => void;
};

export type Latency = {
  count: number;
  p50Ms: number;
  p99Ms: number;
  /** The submitting call (its transaction included), as the submitter timed it. */
  submitP50Ms: number;
  submitP99Ms: number;
  /** From the submitting call's return (committed) to the relay claiming the outbox row. */
  relayP50Ms: number;
  relayP99Ms: number;
  /** From the claim to On approval: produce (acks=all), consume, the assignment transaction. */
  consumeP50Ms: number;
  consumeP99Ms: number;
  /** The requests submitted first to the fresh worker process, not in the figures above. */
  warmUp: { count: number; p50Ms: number; p99Ms: number };
};
export type Throughput = {
  workers: number;
  count: number;
  perSecond: number;
  /** Handler (database transaction) time per event as the workers logged it. */
  handlerP50Ms: number;
  fair: string;
  duplicates: number;
};

// ---------------------------------------------------------------------------------------------
// Worker processes

type WorkerProcess = { child: ChildProcess; handlerMs: number[]; stop: () => Promise<void> };

function spawnWorker(name: string, options: PipelineOptions): WorkerProcess {
  const profile = options.profileDir ? [`--cpu-prof`, `--cpu-prof-dir=${path.join(options.profileDir, name)}`] : [];
  if (options.profileDir) mkdirSync(path.join(options.profileDir, name), { recursive: true });
  const child = spawn(process.execPath, [...profile, "--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
    env: { ...process.env, METRICS_PORT: "0", LOG_LEVEL: "info", APP_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const handlerMs: number[] = [];
  let rest = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.includes('"durationMs"')) {
        if (/"level":(50|60)/.test(line)) options.log(`[${name}] ${line.slice(0, 300)}`);
        continue;
      }
      try {
        const parsed = JSON.parse(line) as { durationMs?: number };
        if (typeof parsed.durationMs === "number") handlerMs.push(parsed.durationMs);
      } catch {
        // not a log line of ours
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => options.log(`[${name}] ${chunk.toString().trim().slice(0, 500)}`));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    handlerMs,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

async function startWorkers(count: number, label: string, options: PipelineOptions): Promise<WorkerProcess[]> {
  const workers = Array.from({ length: count }, (_, index) => spawnWorker(`${label}-worker-${index + 1}`, options));
  // Every process is in the group and the group is stable before anything is measured, so that
  // no rebalance falls inside a measurement.
  const admin = createKafka("bench-group-watch").admin();
  await admin.connect();
  try {
    await pWaitFor(
      async () => {
        if (workers.some((worker) => worker.child.exitCode !== null)) throw new Error("a worker process exited while starting");
        return (await stableGroupMembers(admin, workerGroupId())) === count;
      },
      { interval: 200, timeout: 120_000 },
    );
  } finally {
    await admin.disconnect();
  }
  return workers;
}

// ---------------------------------------------------------------------------------------------
// Data

async function freshLabel(managerCount: number): Promise<void> {
  await resetDatabase(prisma);
  for (let index = 1; index <= managerCount; index += 1) await createManager(prisma, `Bench Manager ${index}`);
}

type Submitted = { id: number; callMs: number; committedAtMs: number };

async function submitSignTimed(applicants: readonly SessionUser[], concurrency: number, perSecond?: number): Promise<Submitted[]> {
  const submitted: Submitted[] = [];
  const started = performance.now();
  await runPool(applicants, concurrency, async (applicant, index) => {
    if (perSecond) {
      const wait = started + (index * 1000) / perSecond - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const callStarted = performance.now();
    const request = await submitSignRequest(applicant, { nickname: `bench ${applicant.id}`, message: null });
    // Wall clock, comparable with the database's: both run on this host.
    submitted.push({ id: request.id, callMs: performance.now() - callStarted, committedAtMs: Date.now() });
  });
  return submitted;
}

async function submitSign(applicants: readonly SessionUser[], concurrency: number): Promise<number[]> {
  return (await submitSignTimed(applicants, concurrency)).map((request) => request.id);
}

/** Due outbox rows are held back (due in an hour) until every worker process is in its group. */
async function holdDueEvents(): Promise<bigint[]> {
  const rows = await prisma.$queryRaw<{ id: bigint }[]>`
    UPDATE "OutboxEvent" SET "availableAt" = now() + interval '1 hour'
    WHERE "sentAt" IS NULL AND "availableAt" <= now() RETURNING "id"`;
  return rows.map((row) => row.id);
}

async function releaseEvents(ids: readonly bigint[]): Promise<void> {
  await prisma.$executeRaw`UPDATE "OutboxEvent" SET "availableAt" = now() WHERE "id" = ANY(${[...ids]}::bigint[])`;
}

async function waitOnApproval(ids: readonly number[]): Promise<void> {
  await pWaitFor(async () => (await prisma.request.count({ where: { id: { in: [...ids] }, status: "ON_APPROVAL" } })) === ids.length, {
    interval: 100,
    timeout: Math.max(120_000, ids.length * 100),
  }).catch(async () => {
    const statuses = await prisma.request.groupBy({ by: ["status"], where: { id: { in: [...ids] } }, _count: true });
    throw new Error(`timed out waiting for ${ids.length} requests to reach On approval: ${JSON.stringify(statuses)}`);
  });
}

/** Requests / (last − first On approval), database clock; and requests with more than one. */
async function assignmentWindow(ids: readonly number[]): Promise<{ perSecond: number; duplicates: number }> {
  const [row] = await prisma.$queryRaw<{ firstMs: number; lastMs: number; rows: number; requests: number }[]>`
    SELECT (EXTRACT(EPOCH FROM min(h."at")) * 1000)::float8 AS "firstMs", (EXTRACT(EPOCH FROM max(h."at")) * 1000)::float8 AS "lastMs",
           count(*)::int AS "rows", count(DISTINCT h."requestId")::int AS "requests"
    FROM "RequestHistory" h WHERE h."toStatus" = 'ON_APPROVAL' AND h."requestId" = ANY(${[...ids]}::int[])`;
  if (!row || row.requests !== ids.length) throw new Error(`expected ${ids.length} requests On approval, found ${row?.requests ?? 0}`);
  const windowMs = Math.max(1, row.lastMs - row.firstMs);
  return { perSecond: ((ids.length - 1) * 1000) / windowMs, duplicates: row.rows - row.requests };
}

/**
 * Exactly fair: every manager of the fresh label got the same number (±1), all starting empty;
 * counted as the fault script and the scale-out spec count it (`fairnessSpread`).
 */
async function fairness(ids: readonly number[]): Promise<string> {
  const [managers, requests] = await Promise.all([
    prisma.manager.findMany({ select: { id: true } }),
    prisma.request.findMany({ where: { id: { in: [...ids] } }, select: { status: true, managerId: true } }),
  ]);
  const { min, max, spread } = fairnessSpread(managers.map((manager) => manager.id), requests);
  return `${spread <= 1 ? "fair" : "UNFAIR"} ${min}/${max}`;
}

// ---------------------------------------------------------------------------------------------
// Scenarios

/**
 * `wake: false` measures the relay as it was before decision 020: the wake-up trigger is
 * disabled in the bench database for the run, so only the poll finds new rows.
 */
export async function measurePaced(count: number, rate: number, options: PipelineOptions & { wake?: boolean }): Promise<Latency> {
  await freshLabel(options.managers);
  // One second of the same traffic first: a fresh worker process (and this one) spends its first
  // second compiling and connecting (p99 ≈ 300 ms then, ≈ 50 ms after), which is start-up, not
  // the pipeline's latency. Reported on its own line.
  const warmUpCount = Math.min(count, Math.max(20, rate));
  const applicants = await createApplicants(prisma, `paced-${Date.now()}`, warmUpCount + count);
  if (options.wake === false) await prisma.$executeRaw`ALTER TABLE "OutboxEvent" DISABLE TRIGGER "OutboxEvent_wake"`;
  const workers = await startWorkers(1, options.wake === false ? "paced-poll" : "paced", options);
  try {
    const warmUp = await submitSignTimed(applicants.slice(0, warmUpCount), options.concurrency, rate);
    await waitOnApproval(warmUp.map((request) => request.id));
    const submitted = await submitSignTimed(applicants.slice(warmUpCount), options.concurrency, rate);
    await waitOnApproval(submitted.map((request) => request.id));
    const warm = await latencyOf(warmUp);
    return { ...(await latencyOf(submitted)), warmUp: { count: warm.count, p50Ms: warm.p50Ms, p99Ms: warm.p99Ms } };
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    if (options.wake === false) await prisma.$executeRaw`ALTER TABLE "OutboxEvent" ENABLE TRIGGER "OutboxEvent_wake"`;
  }
}

/** Latency of submitted requests now On approval, split at the relay's claim (database clock). */
async function latencyOf(submitted: readonly Submitted[]): Promise<Omit<Latency, "warmUp">> {
  const ids = submitted.map((request) => request.id);
  const committedAt = new Map(submitted.map((request) => [request.id, request.committedAtMs]));
  const rows = await prisma.$queryRaw<{ id: number; latencyMs: number; sentAtMs: number; consumeMs: number }[]>`
    SELECT r."id", (EXTRACT(EPOCH FROM (h."at" - r."createdAt")) * 1000)::float8 AS "latencyMs",
           (EXTRACT(EPOCH FROM o."sentAt") * 1000)::float8 AS "sentAtMs",
           (EXTRACT(EPOCH FROM (h."at" - o."sentAt")) * 1000)::float8 AS "consumeMs"
    FROM "Request" r
    JOIN "RequestHistory" h ON h."requestId" = r."id" AND h."toStatus" = 'ON_APPROVAL'
    JOIN "OutboxEvent" o ON o."name" = 'sign-request.assignment-due' AND (o."payload"->>'requestId')::int = r."id"
    WHERE r."id" = ANY(${ids}::int[])`;
  // sentAt is the claiming transaction's start, which may precede the submitter's return.
  const relayMs = rows.map((row) => Math.max(0, row.sentAtMs - (committedAt.get(row.id) ?? row.sentAtMs)));
  const latencies = rows.map((row) => row.latencyMs);
  const consume = rows.map((row) => row.consumeMs);
  const calls = submitted.map((request) => request.callMs);
  return {
    count: rows.length,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    submitP50Ms: percentile(calls, 50),
    submitP99Ms: percentile(calls, 99),
    relayP50Ms: percentile(relayMs, 50),
    relayP99Ms: percentile(relayMs, 99),
    consumeP50Ms: percentile(consume, 50),
    consumeP99Ms: percentile(consume, 99),
  };
}

export async function measureSignBacklog(count: number, workerCount: number, options: PipelineOptions): Promise<Throughput> {
  await freshLabel(options.managers);
  const applicants = await createApplicants(prisma, `backlog-${workerCount}-${Date.now()}`, count);
  const ids = await submitSign(applicants, options.concurrency);
  const held = await holdDueEvents();
  const workers = await startWorkers(workerCount, `sign${workerCount}`, options);
  try {
    await releaseEvents(held);
    await waitOnApproval(ids);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  const window = await assignmentWindow(ids);
  return {
    workers: workerCount,
    count,
    ...window,
    handlerP50Ms: percentile(workers.flatMap((worker) => worker.handlerMs), 50),
    fair: await fairness(ids),
  };
}

export async function measurePublishBacklog(count: number, options: PipelineOptions): Promise<Throughput> {
  await freshLabel(1);
  const manager = await prisma.manager.findFirstOrThrow({ select: { id: true } });
  const artists: SessionUser[] = [];
  await runPool(
    Array.from({ length: count }, (_, index) => index),
    options.concurrency,
    async () => void artists.push(await createArtist(prisma, manager.id)),
  );
  const expectedDate = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 30));
  const ids: number[] = [];
  await runPool(artists, options.concurrency, async (artist) => {
    const release = await createReleaseFixture(prisma, artist.artistId!, {
      status: "UNPUBLISHED",
      tracks: [
        { title: "One", genre: "Rock" },
        { title: "Two", genre: "Rock" },
      ],
    });
    const request = await submitPublishRequest({ userId: artist.id, artistId: artist.artistId! }, { releaseId: release.id, expectedDate });
    ids.push(request.id);
  });
  const held = await holdDueEvents();
  const workers = await startWorkers(1, "publish", options);
  try {
    await releaseEvents(held);
    await waitOnApproval(ids);
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
  }
  return {
    workers: 1,
    count,
    ...(await assignmentWindow(ids)),
    handlerP50Ms: percentile(workers.flatMap((worker) => worker.handlerMs), 50),
    fair: "-",
  };
}
