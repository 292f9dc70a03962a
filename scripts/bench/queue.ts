// Benchmark: the manager queue (and the admin's list of every request) at scale. Builds each
// data set with set-based SQL (INSERT … SELECT generate_series, triggers off), keeps it for the
// next run of the same size, times the real query functions (listManagerQueue, listAllRequests,
// listOwnRequests), EXPLAINs the SQL they send, and measures /manager/requests over HTTP against
// /api/health with the same load generator, in the same run, on a `next start` of this tree.
// Usage: npm run bench:queue -- [--sizes=50000,1000000] [--users=200000] [--managers=50]
//          [--iterations=40] [--warmup=5] [--plans] [--no-http | --http-only] [--http-seconds=10] [--connections=10]
//          [--port=3129] [--app-dir=.] [--cpu-prof-dir=DIR] [--also=/manager/artists,…]
// Also callable: `runQueueBench(options)` returns the summary rows (decision 019); it runs in a
// child process when lib/db is already loaded in the caller's.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import type { SessionUser } from "@/lib/auth/guards";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { AllRequestsFilters, QueueFilters } from "@/lib/requests/queries";
import { applyMigrations, ensureDatabaseExists } from "@/scripts/migrate/apply-migrations";
import { PLACEHOLDER_HASH } from "./bench-data";
import { formatMs, formatTable, percentile, positiveInt, printSection } from "./format-results";
import { benchDatabaseUrl, describeMachine } from "./prepare-bench-environment";

export type QueueBenchOptions = {
  /** Request counts, one data set each; the largest one also serves the HTTP measurement. */
  sizes?: number[];
  users?: number;
  managers?: number;
  iterations?: number;
  warmup?: number;
  /** Print the text plan of every statement, not only its index path. */
  plans?: boolean;
  /** Time the query functions (and EXPLAIN them); false: only the HTTP measurement. */
  queries?: boolean;
  /** Measure /manager/requests against /api/health over HTTP (needs a build; see `appDir`). */
  http?: boolean;
  httpSeconds?: number;
  connections?: number;
  port?: number;
  /** Further signed-in pages to load the same way, for comparison (e.g. a page with the same layout). */
  alsoPaths?: string[];
  /** A folder for `node --cpu-prof` profiles of the server (written when it stops). */
  cpuProfileDir?: string;
  /** The tree whose `.next` build `next start` serves (built when missing or stale). */
  appDir?: string;
  /** The database of the largest size; smaller sizes use `<name>_<size>` beside it. */
  databaseUrl?: string;
  /** Print tables as they come (the CLI); the unified runner may prefer only the rows. */
  print?: boolean;
};

/** One line of the summary: a query shape (or an HTTP figure) at one size. */
export type QueueBenchRow = {
  benchmark: "queue";
  requests: number;
  name: string;
  /** Rows matching the filters (count of the last call); null for HTTP rows. */
  matches: number | null;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  /** HTTP rows only: answers per second with `connections` in flight. */
  ratePerSecond?: number;
  verdict: string;
};

const QUERY_P95_BUDGET_MS = 30;
const HTTP_RATIO_TARGET = 0.25;
const HTTP_P99_BUDGET_MS = 250;
// 3: the search text (migration 20261225100000) filled by the loader, on a compact table.
const DATASET_VERSION = 3;

type Size = { requests: number; users: number; managers: number };

const FIRST_NAMES = ["Ada", "Ben", "Cleo", "Dmitri", "Echo", "Farah", "Gus", "Hana", "Ivo", "Juno", "Kai", "Lena"];
const LAST_NAMES = ["Moss", "Reyes", "Okafor", "Lindqvist", "Tanaka", "Silva", "Novak", "Haddad", "Byrne", "Kowalski"];
const NICK_WORDS = ["Velvet", "Neon", "Quiet", "Golden", "Static", "Paper", "Lunar", "Rusty"];
const NICK_NOUNS = ["Echo", "Harbor", "Fox", "Signal", "Tide", "Comet", "Garden", "Engine", "Choir"];

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((item) => `'${item}'`).join(", ")}]`;

/**
 * A label's shape: one applicant in ten became an artist, each with two releases, and one
 * request in five asks to publish a release. Every row satisfies the CHECKs and partial unique
 * indexes of prisma/migrations; open requests carry a deadline (a quarter within 7 days).
 */
function seedStatements({ requests, users: U, managers: M }: Size): string[] {
  const A = Math.max(1, Math.floor(U / 10));
  const R = A * 2;
  const P = Math.floor(requests / 5);
  const S = requests - P;
  return [
    `INSERT INTO "User" ("name", "email", "passwordHash", "role", "createdAt")
     SELECT 'Queue Manager ' || g, 'queue-manager-' || g || '@example.test', '${PLACEHOLDER_HASH}', 'MANAGER', now() - interval '800 days' + g * interval '1 day'
     FROM generate_series(1, ${M}) AS g`,
    `INSERT INTO "Manager" ("userId", "createdAt") SELECT "id", "createdAt" FROM "User" WHERE "role" = 'MANAGER' ORDER BY "id"`,
    `CREATE TEMP TABLE bench_manager AS SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS idx FROM "Manager"`,
    `INSERT INTO "User" ("name", "email", "passwordHash", "role", "createdAt")
     SELECT f.first || ' ' || f.last, lower(f.first || '.' || f.last || '.' || g) || '@example.test', '${PLACEHOLDER_HASH}',
            (CASE WHEN g <= ${A} THEN 'ARTIST' ELSE 'USER' END)::"Role", now() - interval '400 days' + g * interval '1 minute'
     FROM generate_series(1, ${U}) AS g
     CROSS JOIN LATERAL (SELECT (${sqlArray(FIRST_NAMES)})[1 + g % ${FIRST_NAMES.length}] AS first,
                                (${sqlArray(LAST_NAMES)})[1 + (g / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}] AS last) AS f`,
    `CREATE TEMP TABLE bench_applicant AS
     SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS idx FROM "User" WHERE "role" IN ('USER', 'ARTIST')`,
    `INSERT INTO "Artist" ("userId", "nickname", "contractDueDate", "managerId")
     SELECT a."id", 'Artist ' || (a.idx + 1), current_date + 365, m."id"
     FROM bench_applicant a JOIN bench_manager m ON m.idx = a.idx % ${M}
     WHERE a.idx < ${A}`,
    `CREATE TEMP TABLE bench_artist AS SELECT "id", row_number() OVER (ORDER BY "id") - 1 AS idx FROM "Artist"`,
    `INSERT INTO "Release" ("artistId", "title", "releaseDate", "updatedAt")
     SELECT ar."id", 'Release ' || g, current_date + 30 + g % 60, now()
     FROM generate_series(1, ${R}) AS g JOIN bench_artist ar ON ar.idx = (g - 1) % ${A}`,
    `CREATE TEMP TABLE bench_release AS
     SELECT r."id", ar."userId", ar."managerId", row_number() OVER (ORDER BY r."id") - 1 AS idx
     FROM "Release" r JOIN "Artist" ar ON ar."id" = r."artistId"`,
    // Sign requests: an applicant's older requests are closed; only the newest one per
    // applicant (the last U of the series) may be open, and never an artist's.
    `INSERT INTO "Request" ("type", "status", "resolution", "resolutionReason", "applicantId", "managerId", "nickname", "message", "expiresAt", "createdAt", "updatedAt")
     SELECT 'SIGN_CONTRACT', st.status, st.resolution, CASE WHEN st.resolution IS NOT NULL THEN 'Seeded outcome' END, ap."id",
            CASE WHEN st.status = 'NEW' THEN NULL ELSE m."id" END,
            (${sqlArray(NICK_WORDS)})[1 + s % ${NICK_WORDS.length}] || ' ' || (${sqlArray(NICK_NOUNS)})[1 + (s / ${NICK_WORDS.length}) % ${NICK_NOUNS.length}] || ' ' || s,
            CASE WHEN s % 3 = 0 THEN 'Seeded message ' || s END,
            CASE WHEN st.status <> 'CLOSED' THEN now() + (s % 28) * interval '1 day' END,
            t.created, t.created + interval '1 hour'
     FROM generate_series(1, ${S}) AS s
     JOIN bench_applicant ap ON ap.idx = (s - 1) % ${U}
     JOIN bench_manager m ON m.idx = s % ${M}
     CROSS JOIN LATERAL (SELECT now() - (${S} - s) * (interval '365 days' / ${Math.max(1, S)}) AS created) AS t
     CROSS JOIN LATERAL (SELECT (CASE WHEN s > ${S - U} AND s % 3 <> 0 AND ap.idx >= ${A}
                                      THEN CASE WHEN s % 7 = 0 THEN 'NEW' ELSE 'ON_APPROVAL' END
                                      ELSE 'CLOSED' END)::"RequestStatus" AS status) AS st0
     CROSS JOIN LATERAL (SELECT st0.status,
                                CASE WHEN st0.status = 'CLOSED' THEN (ARRAY['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'])[1 + s % 4]::"RequestResolution" END AS resolution) AS st`,
    // Publish requests: one open request per release at most (the last R of the series).
    `INSERT INTO "Request" ("type", "status", "resolution", "resolutionReason", "applicantId", "managerId", "releaseId", "expectedDate", "grade", "expiresAt", "createdAt", "updatedAt")
     SELECT 'PUBLISH_RELEASE', st.status, st.resolution, CASE WHEN st.resolution IS NOT NULL THEN 'Seeded outcome' END,
            rel."userId", rel."managerId", rel."id", (t.created + interval '20 days')::date,
            CASE WHEN st.status IN ('NEW', 'PROCESSING') THEN NULL ELSE -(p % 4) END,
            CASE WHEN st.status <> 'CLOSED' THEN now() + (p % 28) * interval '1 day' END,
            t.created, t.created + interval '1 hour'
     FROM generate_series(1, ${P}) AS p
     JOIN bench_release rel ON rel.idx = (p - 1) % ${R}
     CROSS JOIN LATERAL (SELECT now() - (${P} - p) * (interval '365 days' / ${Math.max(1, P)}) AS created) AS t
     CROSS JOIN LATERAL (SELECT (CASE WHEN p > ${P - R} AND p % 2 = 0
                                      THEN (ARRAY['NEW', 'PROCESSING', 'ON_APPROVAL'])[1 + p % 3]
                                      ELSE 'CLOSED' END)::"RequestStatus" AS status) AS st0
     CROSS JOIN LATERAL (SELECT st0.status,
                                CASE WHEN st0.status = 'CLOSED' THEN (ARRAY['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'])[1 + p % 4]::"RequestResolution" END AS resolution) AS st`,
    // The queue's search text (migration 20261225100000_queue_search_text): its triggers are off
    // while loading, so it is filled here in one statement through the migration's own function.
    `UPDATE "Request" r SET "searchText" = "request_search_text"(s."name", s."email", s."nickname", s."artistNickname")
     FROM (SELECT q."id", u."name", u."email", q."nickname", a."nickname" AS "artistNickname"
           FROM "Request" q JOIN "User" u ON u."id" = q."applicantId"
           LEFT JOIN "Release" rel ON rel."id" = q."releaseId" LEFT JOIN "Artist" a ON a."id" = rel."artistId") AS s
     WHERE s."id" = r."id"`,
    // Unread notifications for the managers (the header's badge counts them on every page).
    `INSERT INTO "Notification" ("userId", "requestId", "message", "createdAt")
     SELECT m."userId", r."id", 'Seeded notification', r."createdAt"
     FROM "Request" r JOIN "Manager" m ON m."id" = r."managerId"
     WHERE r."status" <> 'CLOSED' AND r."id" % 5 = 0`,
  ];
}

const signature = (size: Size) => `bench:queue ${JSON.stringify({ version: DATASET_VERSION, ...size })}`;

/** Builds the data set unless the database already holds exactly this one; returns whether it built. */
async function ensureDataset(sql: pg.Client, size: Size): Promise<{ built: boolean; ms: number }> {
  const started = performance.now();
  const current = await sql.query<{ comment: string | null; requests: string }>(
    `SELECT obj_description('"Request"'::regclass, 'pg_class') AS comment, (SELECT count(*) FROM "Request") AS requests`,
  );
  const row = current.rows[0];
  if (row?.comment === signature(size) && Number(row.requests) === size.requests) return { built: false, ms: performance.now() - started };
  const tables = await sql.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  await sql.query("BEGIN");
  await sql.query(`TRUNCATE ${tables.rows.map((table) => `"${table.name.replaceAll('"', '""')}"`).join(", ")}`);
  // Triggers off while seeding (the superuser's bulk-load switch): no live-page NOTIFY per row,
  // no foreign-key trigger per row; the statements above keep every reference valid.
  await sql.query("SET LOCAL session_replication_role = replica");
  for (const statement of seedStatements(size)) await sql.query(statement);
  await sql.query(`COMMENT ON TABLE "Request" IS '${signature(size)}'`);
  await sql.query("COMMIT");
  // Visibility map and planner statistics as a long-running database would have them.
  await sql.query(`VACUUM ANALYZE "User", "Manager", "Artist", "Release", "Request", "Notification"`);
  return { built: true, ms: performance.now() - started };
}

type Scenario = { label: string; run: (iteration: number) => Promise<{ total?: number }> };
type Timing = { label: string; samples: number[]; total: number };

async function timeScenario(scenario: Scenario, iterations: number, warmup: number): Promise<Timing> {
  let total = 0;
  for (let index = 0; index < warmup; index += 1) await scenario.run(index);
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    const result = await scenario.run(index);
    samples.push(performance.now() - started);
    total = result.total ?? total;
  }
  return { label: scenario.label, samples, total };
}

type PlanNode = {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  Plans?: PlanNode[];
};

function describePlan(node: PlanNode, into: string[] = []): string[] {
  const type = node["Node Type"];
  if (node["Index Name"]) into.push(`${type} ${node["Index Name"]}`);
  else if (type === "Seq Scan") into.push(`Seq Scan ${node["Relation Name"]} (${(node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1)} rows out)`);
  else if (type === "Sort") into.push("Sort");
  for (const child of node.Plans ?? []) describePlan(child, into);
  return into;
}

function statementLabel(statement: string): string {
  // Prisma's statements name "public"."Table"; lib/requests/queue-sql.ts's name "Table" r.
  const table = /FROM (?:"public"\.)?"(\w+)"/.exec(statement)?.[1] ?? "?";
  if (/^SELECT (COUNT|count)\(\*\)/.test(statement)) return `count ${table}`;
  return /^SELECT r\."id" FROM/.test(statement) ? `ids ${table}` : `rows ${table}`;
}

type CapturedQuery = { sql: string; params: unknown[] };

/**
 * The app's client for each database, behind one object: lib/db keeps the first client it sees
 * on globalThis for the life of the process, so the benchmark hands it a forwarder and points
 * the forwarder at the client of the data set being measured. Query events feed EXPLAIN.
 */
class ClientSwitch {
  current: PrismaClient | null = null;
  capture: CapturedQuery[] | null = null;
  private readonly clients = new Map<string, PrismaClient>();

  async use(databaseUrl: string): Promise<PrismaClient> {
    const existing = this.clients.get(databaseUrl);
    if (existing) return (this.current = existing);
    const { PrismaPg } = await import("@prisma/adapter-pg");
    const { PrismaClient: Client } = await import("@/lib/generated/prisma/client");
    const client = new Client({ adapter: new PrismaPg({ connectionString: databaseUrl }), log: [{ emit: "event", level: "query" }] });
    client.$on("query", (event) => this.capture?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
    this.clients.set(databaseUrl, client);
    return (this.current = client);
  }

  forwarder(): PrismaClient {
    return new Proxy({} as PrismaClient, {
      get: (_target, property) => {
        if (!this.current) throw new Error("bench:queue: no database chosen yet");
        const value = Reflect.get(this.current, property) as unknown;
        return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(this.current) : value;
      },
    });
  }

  async disconnect(): Promise<void> {
    for (const client of this.clients.values()) await client.$disconnect();
  }
}

async function explainScenario(sql: pg.Client, clients: ClientSwitch, scenario: Scenario, textPlans: boolean) {
  clients.capture = [];
  await scenario.run(0);
  const statements = clients.capture;
  clients.capture = null;
  const explained = [];
  // Relation look-ups by an empty id list ("IN (NULL)") cost nothing and say nothing.
  for (const statement of statements.filter((query) => !query.sql.includes("IN (NULL)"))) {
    const result = await sql.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`,
      statement.params,
    );
    const plan = result.rows[0]?.["QUERY PLAN"][0];
    if (!plan) continue;
    const text = textPlans
      ? (await sql.query(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql}`, statement.params)).rows.map((row) => row["QUERY PLAN"] as string)
      : [];
    explained.push({ label: statementLabel(statement.sql), executionMs: plan["Execution Time"], nodes: describePlan(plan.Plan), text });
  }
  return explained;
}

/** The database of one size: the configured one for the largest, `<name>_<requests>` for the others. */
function sizeDatabaseUrl(base: string, requests: number, largest: number): string {
  if (requests === largest) return base;
  const url = new URL(base);
  url.pathname = `/${encodeURIComponent(`${decodeURIComponent(url.pathname.slice(1))}_${requests}`)}`;
  return url.toString();
}

/** The queue bench's own database: never one a test or the pipeline bench empties. */
function defaultDatabaseUrl(): string {
  if (process.env.BENCH_QUEUE_DATABASE_URL) return process.env.BENCH_QUEUE_DATABASE_URL;
  const url = new URL(benchDatabaseUrl());
  url.pathname = `/${encodeURIComponent(`${decodeURIComponent(url.pathname.slice(1))}_queue`)}`;
  return url.toString();
}

type QueryFunctions = {
  listManagerQueue: (user: SessionUser, filters?: QueueFilters) => Promise<{ total: number }>;
  listAllRequests: (user: SessionUser, filters?: AllRequestsFilters) => Promise<{ total: number }>;
  listOwnRequests: (user: SessionUser) => Promise<{ total: number }>;
};

async function queryScenarios(sql: pg.Client, functions: QueryFunctions): Promise<Scenario[]> {
  const managers = (
    await sql.query<{ managerId: number; id: number; name: string; email: string }>(
      `SELECT m."id" AS "managerId", u."id", u."name", u."email" FROM "Manager" m JOIN "User" u ON u."id" = m."userId" ORDER BY m."id"`,
    )
  ).rows.map((row): SessionUser => ({ id: row.id, name: row.name, email: row.email, role: "MANAGER", managerId: row.managerId, artistId: null }));
  const applicants = (
    await sql.query<{ id: number; name: string; email: string }>(
      `SELECT "id", "name", "email" FROM "User" WHERE "id" IN (SELECT "applicantId" FROM "Request" ORDER BY "id" DESC LIMIT 100) ORDER BY "id"`,
    )
  ).rows.map((user): SessionUser => ({ ...user, role: "USER", managerId: null, artistId: null }));
  const admin: SessionUser = { id: 0, name: "Bench Admin", email: "bench-admin@example.test", role: "ADMIN", managerId: null, artistId: null };
  const { listManagerQueue, listAllRequests, listOwnRequests } = functions;
  const managerAt = (iteration: number) => managers[iteration % managers.length] as SessionUser;
  const queue = (filters: QueueFilters) => (iteration: number) => listManagerQueue(managerAt(iteration), filters);
  const all = (filters: AllRequestsFilters) => (iteration: number) =>
    // The admin's list shows every status unless told otherwise (parseAllRequestsQuery).
    listAllRequests(admin, { status: "all", ...filters, manager: filters.manager === -1 ? (managerAt(iteration).managerId ?? "all") : filters.manager });
  // A rare email fragment: the local part of a recent applicant's address.
  const emailNeedle = `${applicants[0]?.email.split("@")[0] ?? "nobody"}@`;
  return [
    { label: "queue: default (open, newest first)", run: queue({}) },
    { label: "queue: status On approval", run: queue({ status: "ON_APPROVAL" }) },
    { label: "queue: status Closed", run: queue({ status: "CLOSED" }) },
    { label: "queue: all statuses, type publish", run: queue({ status: "all", type: "PUBLISH_RELEASE" }) },
    { label: "queue: open, type sign", run: queue({ type: "SIGN_CONTRACT" }) },
    { label: "queue: expiring within 7 days", run: queue({ status: "expiring" }) },
    { label: "queue: sort expiring first", run: queue({ sort: "expiring-first" }) },
    { label: "queue: sort by grade (best first)", run: queue({ sort: "grade-best" }) },
    { label: "queue: all statuses, page 2", run: queue({ status: "all", page: 2 }) },
    { label: "queue: all statuses, page 100", run: queue({ status: "all", page: 100 }) },
    { label: 'queue: search nickname "harbor" (open)', run: queue({ search: "harbor" }) },
    { label: 'queue: search nickname "harbor", all', run: queue({ status: "all", search: "harbor" }) },
    { label: 'queue: search name "okafor", all', run: queue({ status: "all", search: "okafor" }) },
    { label: 'queue: search artist "artist 12", all', run: queue({ status: "all", search: "artist 12" }) },
    { label: "queue: search an email (rare), all", run: queue({ status: "all", search: emailNeedle }) },
    { label: "admin: all requests, newest", run: all({}) },
    { label: "admin: all requests, one manager", run: all({ manager: -1 }) },
    { label: "admin: one manager, search, all", run: all({ manager: -1, search: "harbor" }) },
    { label: "admin: waiting for a manager", run: all({ manager: "none" }) },
    { label: "admin: all, search an email (rare)", run: all({ search: emailNeedle }) },
    // A surname one person in ten has: 100,000 matches, counted up to 1,000 (decision 022).
    { label: 'admin: all, search "okafor"', run: all({ search: "okafor" }) },
    { label: "admin: all requests, page 100", run: all({ page: 100 }) },
    { label: "own requests (page 1)", run: (iteration) => listOwnRequests(applicants[iteration % applicants.length] as SessionUser) },
  ];
}

// ---------------------------------------------------------------- HTTP

type HttpFigures = {
  path: string;
  answers: number;
  failures: number;
  ratePerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The server's CPU time (user + system) per answer: hardly moved by what else runs on the machine. */
  cpuMsPerAnswer: number;
  /** The body's size per answer (no compression asked for). */
  bytesPerAnswer: number;
};

/** CPU time a process has used so far, in ms (Linux /proc; NaN elsewhere). */
async function processCpuMs(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

/** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * `connections` loops, each sending the next request when the last answer is fully read; the
 * server's CPU per answer is read from `serverPid` before and after.
 */
async function load(port: number, requestPath: string, cookie: string, seconds: number, connections: number, serverPid?: number): Promise<HttpFigures> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const samples: number[] = [];
  let failures = 0;
  let bytes = 0;
  const once = () =>
    new Promise<number>((resolve) => {
      const request = http.get({ host: "127.0.0.1", port, path: requestPath, agent, headers: cookie ? { cookie } : {} }, (response) => {
        response.on("data", (chunk: Buffer) => (bytes += chunk.length));
        response.on("end", () => resolve(response.statusCode ?? 0));
      });
      request.on("error", () => resolve(0));
    });
  const cpuBefore = await processCpuMs(serverPid);
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const status = await once();
        if (status === 200) samples.push(performance.now() - sent);
        else failures += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  const cpuMs = (await processCpuMs(serverPid)) - cpuBefore;
  agent.destroy();
  const answered = samples.length + failures;
  return {
    path: requestPath,
    answers: samples.length,
    failures,
    ratePerSecond: (samples.length * 1000) / elapsed,
    p50Ms: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    p99Ms: percentile(samples, 99),
    maxMs: samples.length ? Math.max(...samples) : Number.NaN,
    cpuMsPerAnswer: answered ? cpuMs / answered : Number.NaN,
    bytesPerAnswer: answered ? bytes / answered : Number.NaN,
  };
}

/** A real session of the first manager: its row, and the signed cookie the app would set. */
async function managerCookie(sql: pg.Client, authSecret: string): Promise<string> {
  const manager = await sql.query<{ id: number; name: string; email: string }>(
    `SELECT u."id", u."name", u."email" FROM "Manager" m JOIN "User" u ON u."id" = m."userId" ORDER BY m."id" LIMIT 1`,
  );
  const user = manager.rows[0];
  if (!user) throw new Error("no manager to sign in as");
  const sessionId = randomBytes(32).toString("base64url");
  await sql.query(`INSERT INTO "UserSession" ("id", "userId", "createdAt", "lastSeenAt") VALUES ($1, $2, now(), now())`, [sessionId, user.id]);
  const { encode } = await import("next-auth/jwt");
  const cookieName = "authjs.session-token";
  const token = await encode({ token: { sub: String(user.id), sid: sessionId, name: user.name, email: user.email }, secret: authSecret, salt: cookieName });
  return `${cookieName}=${token}`;
}

async function waitForServer(port: number, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      http.get({ host: "127.0.0.1", port, path: "/api/health" }, (response) => {
        response.resume();
        resolve(response.statusCode === 200);
      }).on("error", () => resolve(false));
    });
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("next start did not answer /api/health in time");
}

async function measureHttp(
  options: Required<Pick<QueueBenchOptions, "appDir" | "port" | "httpSeconds" | "connections">> & Pick<QueueBenchOptions, "cpuProfileDir" | "alsoPaths">,
  databaseUrl: string,
  sql: pg.Client,
) {
  const appDir = path.resolve(options.appDir);
  const authSecret = randomBytes(32).toString("base64url");
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    // Production refuses a documented admin password; nobody signs in as the admin here.
    ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
    LOG_LEVEL: "warn",
  };
  if (!existsSync(path.join(appDir, ".next", "BUILD_ID")) || process.env.BENCH_QUEUE_REBUILD === "1") {
    const { buildApp } = (await import(pathToFileURL(path.join(appDir, "scripts/services/build-app.mjs")).href)) as {
      buildApp: (root: string, options: { env: NodeJS.ProcessEnv }) => Promise<unknown>;
    };
    await buildApp(appDir, { env });
  }
  const cookie = await managerCookie(sql, authSecret);
  const profile = options.cpuProfileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(options.cpuProfileDir)}`] : [];
  const next = path.join(appDir, "node_modules", "next", "dist", "bin", "next");
  const child = spawn(process.execPath, [...profile, next, "start", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: appDir,
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForServer(options.port, child);
    // Warm both paths (compiled code, connection pool) before timing. /api/health is asked as a
    // load balancer asks it: without a cookie.
    await load(options.port, "/api/health", "", 2, options.connections);
    const warm = await load(options.port, "/manager/requests", cookie, 3, options.connections);
    if (warm.answers === 0) throw new Error("/manager/requests answered nothing but errors: is the cookie accepted?");
    const health = await load(options.port, "/api/health", "", options.httpSeconds, options.connections, child.pid);
    const queue = await load(options.port, "/manager/requests", cookie, options.httpSeconds, options.connections, child.pid);
    const others: HttpFigures[] = [];
    for (const extra of options.alsoPaths ?? []) others.push(await load(options.port, extra, cookie, options.httpSeconds, options.connections, child.pid));
    return { health, queue, others };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
}

// ---------------------------------------------------------------- the run

export async function runQueueBench(input: QueueBenchOptions = {}): Promise<QueueBenchRow[]> {
  const options = {
    sizes: [50_000, 1_000_000],
    users: 200_000,
    managers: 50,
    iterations: 40,
    warmup: 5,
    plans: false,
    queries: true,
    http: true,
    httpSeconds: 10,
    connections: 10,
    port: 3129,
    appDir: process.cwd(),
    databaseUrl: defaultDatabaseUrl(),
    print: true,
    ...input,
  };
  const log = (line = "") => options.print && console.log(line);
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const largest = sizes[sizes.length - 1] ?? 0;
  // lib/db adopts the client it finds on globalThis, once per process. When a caller (the unified
  // runner) has loaded it already, for its own database, run in a process of our own instead.
  const holder = globalThis as unknown as { cookDroogersPrisma?: unknown };
  if (holder.cookDroogersPrisma) return runInChildProcess(options);
  const clients = new ClientSwitch();
  holder.cookDroogersPrisma = clients.forwarder();
  process.env.DATABASE_URL = options.databaseUrl;
  const { listManagerQueue, listAllRequests, listOwnRequests } = await import("@/lib/requests/queries");
  const functions: QueryFunctions = { listManagerQueue, listAllRequests, listOwnRequests };

  log(`Queue benchmark — ${new Date().toISOString()}`);
  log(`machine: ${describeMachine()}`);
  const rows: QueueBenchRow[] = [];
  try {
    for (const requests of sizes) {
      const size: Size = { requests, users: options.users, managers: options.managers };
      const databaseUrl = sizeDatabaseUrl(options.databaseUrl, requests, largest);
      await ensureDatabaseExists(databaseUrl);
      await applyMigrations(databaseUrl, path.resolve(options.appDir, "prisma/migrations"));
      const sql = new pg.Client({ connectionString: databaseUrl });
      await sql.connect();
      try {
        const dataset = await ensureDataset(sql, size);
        printSection(`${requests.toLocaleString("en")} requests, ${size.users.toLocaleString("en")} people, ${size.managers} managers`);
        log(`database ${new URL(databaseUrl).pathname.slice(1)}: ${dataset.built ? `built in ${formatMs(dataset.ms)}` : "data set reused"}`);
        await clients.use(databaseUrl);
        const scenarios = options.queries ? await queryScenarios(sql, functions) : [];
        const timings: Timing[] = [];
        for (const scenario of scenarios) timings.push(await timeScenario(scenario, options.iterations, options.warmup));
        for (const timing of timings) {
          const p95 = percentile(timing.samples, 95);
          rows.push({
            benchmark: "queue",
            requests,
            name: timing.label,
            matches: timing.total,
            p50Ms: percentile(timing.samples, 50),
            p95Ms: p95,
            maxMs: Math.max(...timing.samples),
            verdict: p95 > QUERY_P95_BUDGET_MS ? `SLOW (> ${QUERY_P95_BUDGET_MS} ms)` : "ok",
          });
        }
        if (options.queries) log(`${options.iterations} timed calls per shape after ${options.warmup} warm-up calls (rows + count, one page of 20; managers rotate)`);
        if (options.queries) log(
          formatTable(
            ["query", "matches", "p50", "p95", "max", "verdict"],
            rows.filter((row) => row.requests === requests).map((row) => [row.name, row.matches ?? "", formatMs(row.p50Ms), formatMs(row.p95Ms), formatMs(row.maxMs), row.verdict]),
          ),
        );
        if (options.print && options.queries) {
          printSection(`Plans at ${requests.toLocaleString("en")}: EXPLAIN (ANALYZE, BUFFERS) of the SQL each function sent`);
          for (const scenario of scenarios) {
            log(`\n${scenario.label}`);
            for (const statement of await explainScenario(sql, clients, scenario, options.plans)) {
              log(`  ${statement.label.padEnd(14)} ${formatMs(statement.executionMs).padStart(9)}  ${statement.nodes.join(" → ")}`);
              for (const line of statement.text) log(`      ${line}`);
            }
          }
        }
        if (options.http && requests === largest) {
          const { health, queue, others } = await measureHttp(options, databaseUrl, sql);
          const ratio = queue.ratePerSecond / health.ratePerSecond;
          for (const figures of [health, queue]) {
            const isQueue = figures === queue;
            rows.push({
              benchmark: "queue",
              requests,
              name: `HTTP ${figures.path} (${options.connections} connections)`,
              matches: null,
              p50Ms: figures.p50Ms,
              p95Ms: figures.p95Ms,
              maxMs: figures.maxMs,
              ratePerSecond: figures.ratePerSecond,
              verdict: isQueue
                ? `${ratio.toFixed(2)}× health, p99 ${formatMs(figures.p99Ms)}${ratio < HTTP_RATIO_TARGET || figures.p99Ms > HTTP_P99_BUDGET_MS ? " SLOW" : " ok"}`
                : `p99 ${formatMs(figures.p99Ms)}`,
            });
          }
          printSection(`HTTP at ${requests.toLocaleString("en")}: ${options.connections} connections, ${options.httpSeconds} s each, same server`);
          log(
            formatTable(
              ["path", "answers", "failures", "rate", "p50", "p95", "p99", "max", "server CPU/answer", "bytes/answer"],
              [health, queue, ...others].map((figures) => [
                figures.path,
                figures.answers,
                figures.failures,
                `${figures.ratePerSecond.toFixed(1)}/s`,
                formatMs(figures.p50Ms),
                formatMs(figures.p95Ms),
                formatMs(figures.p99Ms),
                formatMs(figures.maxMs),
                formatMs(figures.cpuMsPerAnswer),
                Math.round(figures.bytesPerAnswer).toLocaleString("en"),
              ]),
            ),
          );
          log(`/manager/requests ÷ /api/health: ${ratio.toFixed(2)} (target ≥ ${HTTP_RATIO_TARGET}, p99 ≤ ${HTTP_P99_BUDGET_MS} ms)`);
          log(`server CPU per answer, /api/health ÷ /manager/requests: ${(health.cpuMsPerAnswer / queue.cpuMsPerAnswer).toFixed(2)}`);
        }
      } finally {
        await sql.end();
      }
    }
  } finally {
    await clients.disconnect();
  }
  return rows;
}

/** The same run in a child process (output shown as it comes); its rows come back as JSON. */
async function runInChildProcess(options: Required<Omit<QueueBenchOptions, "cpuProfileDir" | "alsoPaths">> & Pick<QueueBenchOptions, "cpuProfileDir" | "alsoPaths">): Promise<QueueBenchRow[]> {
  const rowsFile = path.join(os.tmpdir(), `bench-queue-${process.pid}-${Date.now()}.json`);
  const args = [
    `--sizes=${options.sizes.join(",")}`,
    `--users=${options.users}`,
    `--managers=${options.managers}`,
    `--iterations=${options.iterations}`,
    `--warmup=${options.warmup}`,
    `--http-seconds=${options.httpSeconds}`,
    `--connections=${options.connections}`,
    `--port=${options.port}`,
    `--app-dir=${options.appDir}`,
    `--rows-file=${rowsFile}`,
    ...(options.plans ? ["--plans"] : []),
    ...(options.queries ? [] : ["--http-only"]),
    ...(options.http ? [] : ["--no-http"]),
    ...(options.cpuProfileDir ? [`--cpu-prof-dir=${options.cpuProfileDir}`] : []),
    ...(options.alsoPaths?.length ? [`--also=${options.alsoPaths.join(",")}`] : []),
  ];
  const script = fileURLToPath(import.meta.url);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script, ...args], {
    stdio: options.print ? "inherit" : "ignore",
    env: { ...process.env, BENCH_QUEUE_DATABASE_URL: options.databaseUrl },
  });
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`bench:queue (child process) exited with ${code}`);
  try {
    return JSON.parse(await readFile(rowsFile, "utf8")) as QueueBenchRow[];
  } finally {
    await rm(rowsFile, { force: true });
  }
}

function parseCli(): QueueBenchOptions & { rowsFile?: string } {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "50000,1000000" },
      users: { type: "string", default: "200000" },
      managers: { type: "string", default: "50" },
      iterations: { type: "string", default: "40" },
      warmup: { type: "string", default: "5" },
      plans: { type: "boolean", default: false },
      "no-http": { type: "boolean", default: false },
      "http-only": { type: "boolean", default: false },
      "http-seconds": { type: "string", default: "10" },
      connections: { type: "string", default: "10" },
      port: { type: "string", default: "3129" },
      "app-dir": { type: "string", default: "." },
      "cpu-prof-dir": { type: "string" },
      "rows-file": { type: "string" },
      also: { type: "string", default: "" },
    },
  });
  return {
    sizes: values.sizes.split(",").map((size) => positiveInt(size.trim(), "--sizes")),
    users: positiveInt(values.users, "--users"),
    managers: positiveInt(values.managers, "--managers"),
    iterations: positiveInt(values.iterations, "--iterations"),
    warmup: positiveInt(values.warmup, "--warmup"),
    plans: values.plans,
    queries: !values["http-only"],
    http: !values["no-http"],
    httpSeconds: positiveInt(values["http-seconds"], "--http-seconds"),
    connections: positiveInt(values.connections, "--connections"),
    port: positiveInt(values.port, "--port"),
    appDir: values["app-dir"],
    cpuProfileDir: values["cpu-prof-dir"],
    rowsFile: values["rows-file"],
    alsoPaths: values.also ? values.also.split(",").map((extra) => extra.trim()) : [],
  };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const { rowsFile, ...cli } = parseCli();
  runQueueBench(cli).then(
    async (rows) => {
      // For runInChildProcess: the rows of the summary table.
      if (rowsFile) await writeFile(rowsFile, JSON.stringify(rows));
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`bench:queue failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      process.exit(1);
    },
  );
}
