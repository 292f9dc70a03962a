// Benchmark: the manager queue and the own-requests page at scale. Seeds a label with bulk
// SQL, times the real query functions (listManagerQueue, listOwnRequests), and EXPLAINs the
// SQL they send to show which indexes carry them.
// Usage: npm run bench:queue -- [--requests=50000] [--users=10000] [--managers=20] [--iterations=50] [--plans]
import { parseArgs } from "node:util";
import pg from "pg";
import type { SessionUser } from "@/lib/auth/guards";
import type { QueueFilters } from "@/lib/requests/queries";
import { formatMs, formatTable, percentile, positiveInt, printSection } from "./format-results";
import { describeMachine, prepareBenchEnvironment } from "./prepare-bench-environment";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "50000" },
    users: { type: "string", default: "10000" },
    managers: { type: "string", default: "20" },
    iterations: { type: "string", default: "50" },
    warmup: { type: "string", default: "5" },
    plans: { type: "boolean", default: false },
  },
});
const size = {
  requests: positiveInt(values.requests, "--requests"),
  users: positiveInt(values.users, "--users"),
  managers: positiveInt(values.managers, "--managers"),
};
const iterations = positiveInt(values.iterations, "--iterations");
const warmup = positiveInt(values.warmup, "--warmup");
// A label's shape: one applicant in ten became an artist, each with two releases, and one
// request in five asks to publish a release.
const artistCount = Math.max(1, Math.floor(size.users / 10));
const releaseCount = artistCount * 2;
const publishCount = Math.floor(size.requests / 5);
const signCount = size.requests - publishCount;
const SLOW_P95_MS = 50;
const PLACEHOLDER_HASH = "$argon2id$bench-placeholder-never-verified";

const bench = await prepareBenchEnvironment();
const { PrismaPg } = await import("@prisma/adapter-pg");
const { PrismaClient } = await import("@/lib/generated/prisma/client");

type CapturedQuery = { sql: string; params: unknown[] };
let capture: CapturedQuery[] | null = null;
// The app's client, created here with query events so the exact SQL of each page can be
// EXPLAINed; lib/db reuses a client already on globalThis.
const client = new PrismaClient({
  adapter: new PrismaPg({ connectionString: bench.databaseUrl }),
  log: [{ emit: "event", level: "query" }],
});
client.$on("query", (event) => capture?.push({ sql: event.query, params: JSON.parse(event.params) as unknown[] }));
(globalThis as unknown as { cookDroogersPrisma?: unknown }).cookDroogersPrisma = client;

const { prisma } = await import("@/lib/db");
const { listManagerQueue, listOwnRequests } = await import("@/lib/requests/queries");
const { resetDatabase } = await import("@/tests/support/reset-database");

const FIRST_NAMES = ["Ada", "Ben", "Cleo", "Dmitri", "Echo", "Farah", "Gus", "Hana", "Ivo", "Juno", "Kai", "Lena"];
const LAST_NAMES = ["Moss", "Reyes", "Okafor", "Lindqvist", "Tanaka", "Silva", "Novak", "Haddad", "Byrne", "Kowalski"];
const NICK_WORDS = ["Velvet", "Neon", "Quiet", "Golden", "Static", "Paper", "Lunar", "Rusty"];
const NICK_NOUNS = ["Echo", "Harbor", "Fox", "Signal", "Tide", "Comet", "Garden", "Engine", "Choir"];

const sqlArray = (items: readonly string[]) => `ARRAY[${items.map((item) => `'${item}'`).join(", ")}]`;

/** Every row satisfies the CHECKs and partial unique indexes of prisma/migrations. */
function seedStatements(): string[] {
  const { users: U, managers: M } = size;
  const A = artistCount;
  const R = releaseCount;
  const S = signCount;
  const P = publishCount;
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
    `INSERT INTO "Request" ("type", "status", "resolution", "resolutionReason", "applicantId", "managerId", "nickname", "message", "createdAt", "updatedAt")
     SELECT 'SIGN_CONTRACT', st.status, st.resolution, CASE WHEN st.resolution IS NOT NULL THEN 'Seeded outcome' END, ap."id",
            CASE WHEN st.status = 'NEW' THEN NULL ELSE m."id" END,
            (${sqlArray(NICK_WORDS)})[1 + s % ${NICK_WORDS.length}] || ' ' || (${sqlArray(NICK_NOUNS)})[1 + (s / ${NICK_WORDS.length}) % ${NICK_NOUNS.length}] || ' ' || s,
            CASE WHEN s % 3 = 0 THEN 'Seeded message ' || s END,
            t.created, t.created + interval '1 hour'
     FROM generate_series(1, ${S}) AS s
     JOIN bench_applicant ap ON ap.idx = (s - 1) % ${U}
     JOIN bench_manager m ON m.idx = s % ${M}
     CROSS JOIN LATERAL (SELECT now() - (${S} - s) * (interval '365 days' / ${S}) AS created) AS t
     CROSS JOIN LATERAL (SELECT (CASE WHEN s > ${S - U} AND s % 3 <> 0 AND ap.idx >= ${A}
                                      THEN CASE WHEN s % 7 = 0 THEN 'NEW' ELSE 'ON_APPROVAL' END
                                      ELSE 'CLOSED' END)::"RequestStatus" AS status) AS st0
     CROSS JOIN LATERAL (SELECT st0.status,
                                CASE WHEN st0.status = 'CLOSED' THEN (ARRAY['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'])[1 + s % 4]::"RequestResolution" END AS resolution) AS st`,
    // Publish requests: one open request per release at most (the last R of the series).
    `INSERT INTO "Request" ("type", "status", "resolution", "resolutionReason", "applicantId", "managerId", "releaseId", "expectedDate", "grade", "createdAt", "updatedAt")
     SELECT 'PUBLISH_RELEASE', st.status, st.resolution, CASE WHEN st.resolution IS NOT NULL THEN 'Seeded outcome' END,
            rel."userId", rel."managerId", rel."id", (t.created + interval '20 days')::date,
            CASE WHEN st.status IN ('NEW', 'PROCESSING') THEN NULL ELSE -(p % 4) END,
            t.created, t.created + interval '1 hour'
     FROM generate_series(1, ${P}) AS p
     JOIN bench_release rel ON rel.idx = (p - 1) % ${R}
     CROSS JOIN LATERAL (SELECT now() - (${P} - p) * (interval '365 days' / ${Math.max(1, P)}) AS created) AS t
     CROSS JOIN LATERAL (SELECT (CASE WHEN p > ${P - R} AND p % 2 = 0
                                      THEN (ARRAY['NEW', 'PROCESSING', 'ON_APPROVAL'])[1 + p % 3]
                                      ELSE 'CLOSED' END)::"RequestStatus" AS status) AS st0
     CROSS JOIN LATERAL (SELECT st0.status,
                                CASE WHEN st0.status = 'CLOSED' THEN (ARRAY['ACCEPTED', 'DECLINED', 'EXPIRED', 'WITHDRAWN'])[1 + p % 4]::"RequestResolution" END AS resolution) AS st`,
    // Planner statistics as a long-running database would have them.
    `ANALYZE "User", "Manager", "Artist", "Release", "Request"`,
  ];
}

async function seed(sql: pg.Client): Promise<void> {
  await sql.query("BEGIN");
  for (const statement of seedStatements()) await sql.query(statement);
  await sql.query("COMMIT");
}

type Scenario = { label: string; run: (iteration: number) => Promise<unknown> };

type Timing = { label: string; samples: number[]; total: number };

async function timeScenario(scenario: Scenario): Promise<Timing> {
  let total = 0;
  for (let index = 0; index < warmup; index += 1) await scenario.run(index);
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    const result = (await scenario.run(index)) as { total?: number };
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
  const table = /FROM "public"\."(\w+)"/.exec(statement)?.[1] ?? "?";
  return statement.startsWith("SELECT COUNT(*)") ? `count ${table}` : `rows ${table}`;
}

/** Runs one call of the scenario while capturing its SQL, then EXPLAINs each statement. */
async function explainScenario(sql: pg.Client, scenario: Scenario) {
  capture = [];
  await scenario.run(0);
  const statements = capture;
  capture = null;
  const explained = [];
  // Relation look-ups by an empty id list ("IN (NULL)") cost nothing and say nothing.
  for (const statement of statements.filter((query) => !query.sql.includes("IN (NULL)"))) {
    const result = await sql.query<{ "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${statement.sql}`,
      statement.params,
    );
    const plan = result.rows[0]?.["QUERY PLAN"][0];
    if (!plan) continue;
    const text = values.plans ? (await sql.query(`EXPLAIN (ANALYZE) ${statement.sql}`, statement.params)).rows.map((row) => row["QUERY PLAN"] as string) : [];
    explained.push({ label: statementLabel(statement.sql), executionMs: plan["Execution Time"], nodes: describePlan(plan.Plan), text, sql: statement.sql });
  }
  return explained;
}

async function main() {
  console.log(`Queue benchmark — ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `database: ${bench.databaseName}; seeding ${size.requests} requests (${signCount} sign, ${publishCount} publish), ` +
      `${size.users} applicants (${artistCount} artists, ${releaseCount} releases), ${size.managers} managers`,
  );
  const sql = new pg.Client({ connectionString: bench.databaseUrl });
  await sql.connect();
  try {
    await resetDatabase(prisma);
    const seedStarted = performance.now();
    await seed(sql);
    console.log(`seeded in ${formatMs(performance.now() - seedStarted)}`);

    const counts = await sql.query<{ managerId: number; total: string; open: string }>(
      `SELECT "managerId", count(*) AS total, count(*) FILTER (WHERE "status" <> 'CLOSED') AS open
       FROM "Request" WHERE "managerId" IS NOT NULL GROUP BY "managerId" ORDER BY "managerId"`,
    );
    const managers: SessionUser[] = (
      await prisma.manager.findMany({ select: { id: true, user: { select: { id: true, name: true, email: true } } }, orderBy: { id: "asc" } })
    ).map((manager) => ({ ...manager.user, role: "MANAGER", managerId: manager.id, artistId: null }));
    const applicants: SessionUser[] = (
      await sql.query<{ id: number; name: string; email: string; role: "USER" | "ARTIST" }>(
        `SELECT "id", "name", "email", "role"::text AS "role" FROM "User" WHERE "role" IN ('USER', 'ARTIST') ORDER BY random() LIMIT 100`,
      )
    ).rows.map((user) => ({ ...user, managerId: null, artistId: null }));
    const totals = counts.rows.map((row) => Number(row.total));
    const opens = counts.rows.map((row) => Number(row.open));
    console.log(
      `per manager: ${Math.min(...totals)}–${Math.max(...totals)} requests in the queue, ${Math.min(...opens)}–${Math.max(...opens)} of them open`,
    );

    const managerAt = (iteration: number) => managers[iteration % managers.length] as SessionUser;
    const queue = (filters: QueueFilters) => (iteration: number) => listManagerQueue(managerAt(iteration), filters);
    const emailNeedle = `${applicants[0]?.email.split("@")[0]}@`;
    const scenarios: Scenario[] = [
      { label: "queue: default (open, newest first)", run: queue({}) },
      { label: "queue: status On approval", run: queue({ status: "ON_APPROVAL" }) },
      { label: "queue: all statuses, type publish", run: queue({ status: "all", type: "PUBLISH_RELEASE" }) },
      { label: "queue: all statuses, page 100", run: queue({ status: "all", page: 100 }) },
      { label: "queue: sort by grade (best first)", run: queue({ sort: "grade-best" }) },
      { label: 'queue: search "echo" (open)', run: queue({ search: "echo" }) },
      { label: 'queue: search "echo", all statuses', run: queue({ status: "all", search: "echo" }) },
      { label: "queue: search an email (rare), all statuses", run: queue({ status: "all", search: emailNeedle }) },
      { label: "own requests (page 1)", run: (iteration) => listOwnRequests(applicants[iteration % applicants.length] as SessionUser) },
    ];

    const timings: Timing[] = [];
    for (const scenario of scenarios) timings.push(await timeScenario(scenario));

    printSection(`Query functions: ${iterations} timed calls each after ${warmup} warm-up calls (rows + count, one page of 20)`);
    console.log(
      formatTable(
        ["query", "matches", "p50", "p95", "max", "verdict"],
        timings.map((timing) => {
          const p95 = percentile(timing.samples, 95);
          return [
            timing.label,
            timing.total,
            formatMs(percentile(timing.samples, 50)),
            formatMs(p95),
            formatMs(Math.max(...timing.samples)),
            p95 > SLOW_P95_MS ? `SLOW (> ${SLOW_P95_MS} ms)` : "ok",
          ];
        }),
      ),
    );
    console.log("matches: the count of the last timed call (managers and applicants rotate between calls).");

    printSection("Plans: EXPLAIN (ANALYZE, BUFFERS) of the SQL each function sent");
    for (const scenario of scenarios) {
      console.log(`\n${scenario.label}`);
      for (const statement of await explainScenario(sql, scenario)) {
        console.log(`  ${statement.label.padEnd(14)} ${formatMs(statement.executionMs).padStart(9)}  ${statement.nodes.join(" → ")}`);
        for (const line of statement.text) console.log(`      ${line}`);
      }
    }
  } finally {
    await resetDatabase(prisma).catch((error: unknown) => console.error(`cleanup (database) failed: ${String(error)}`));
    await sql.end();
    await prisma.$disconnect();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:queue failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
