// `npm run bench`: every benchmark in one run, then one summary table: each figure next to
// the floor measured in the same run (bare kafkajs round trip, bare PostgreSQL transaction,
// `/api/health` rate) and their ratio. Benchmarks print; no test asserts a timing
// (docs/benchmarks.md, decision 020).
// Usage: npm run bench -- [floors] [pipeline | paced sign publish] [queue]   (none named: all)
//        [--requests=1000] [--publish=500] [--paced=500] [--rate=50] [--managers=5]
//        [--workers=1,2] [--concurrency=8] [--profile] [--skip-poll-comparison]
//        [--queue-sizes=50000,1000000]
import path from "node:path";
import { parseArgs } from "node:util";
import { formatMs, formatTable, positiveInt, printSection } from "./format-results";
import { describeMachine, prepareBenchEnvironment } from "./prepare-bench-environment";
import { queueSummaryRows, type SummaryRow } from "./queue-summary";

const BENCHES = ["floors", "paced", "sign", "publish", "queue"] as const;
type Bench = (typeof BENCHES)[number];
const PIPELINE: readonly Bench[] = ["paced", "sign", "publish"];

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    requests: { type: "string", default: "1000" },
    publish: { type: "string", default: "500" },
    paced: { type: "string", default: "500" },
    rate: { type: "string", default: "50" },
    managers: { type: "string", default: "5" },
    workers: { type: "string", default: "1,2" },
    concurrency: { type: "string", default: "8" },
    profile: { type: "boolean", default: false },
    "skip-poll-comparison": { type: "boolean", default: false },
    "queue-sizes": { type: "string", default: "50000,1000000" },
  },
});
for (const name of positionals) {
  if (name !== "pipeline" && !(BENCHES as readonly string[]).includes(name)) {
    console.error(`unknown bench "${name}"; choose from: ${[...BENCHES, "pipeline"].join(", ")}`);
    process.exit(2);
  }
}
const chosen = new Set<Bench>(positionals.length ? positionals.flatMap((name) => (name === "pipeline" ? PIPELINE : [name as Bench])) : BENCHES);
const pipelineChosen = PIPELINE.some((name) => chosen.has(name));
const sizes = {
  requests: positiveInt(values.requests, "--requests"),
  publish: positiveInt(values.publish, "--publish"),
  paced: positiveInt(values.paced, "--paced"),
  rate: positiveInt(values.rate, "--rate"),
  managers: positiveInt(values.managers, "--managers"),
  concurrency: positiveInt(values.concurrency, "--concurrency"),
  workers: values.workers.split(",").map((count) => positiveInt(count, "--workers")),
  queue: values["queue-sizes"].split(",").map((count) => positiveInt(count.trim(), "--queue-sizes")),
};

type Row = SummaryRow;
const rows: Row[] = [];
const ratio = (figure: number, floor: number | undefined, unit: "×" | "%" = "×") =>
  floor === undefined || !Number.isFinite(floor) || !Number.isFinite(figure)
    ? "-"
    : unit === "%"
      ? `${((figure / floor) * 100).toFixed(0)} %`
      : `${(figure / floor).toFixed(1)}×`;
const rate = (perSecond: number, unit: string) => `${perSecond.toFixed(0)} ${unit}/s`;

async function main() {
  const bench = await prepareBenchEnvironment();
  const { env } = await import("@/lib/env");
  const { prisma } = await import("@/lib/db");
  const floors = await import("./floors");
  console.log(`Benchmarks (npm run bench) — ${new Date().toISOString()}`);
  console.log(`machine: ${describeMachine()}`);
  console.log(`database: ${bench.databaseName}; Kafka ${env().KAFKA_BROKERS}, topics ${bench.topicPrefix}*; OUTBOX_POLL_MS=${env().OUTBOX_POLL_MS}`);
  console.log(`running: ${[...chosen].join(", ")}`);

  // The floors always run with the pipeline: its ratios need them.
  let kafkaFloor: Awaited<ReturnType<typeof floors.measureKafkaRoundTrip>> | undefined;
  let transactionFloor: Awaited<ReturnType<typeof floors.measureTransactionRate>> | undefined;
  try {
    if (chosen.has("floors") || pipelineChosen) {
      printSection("Floors");
      kafkaFloor = await floors.measureKafkaRoundTrip(bench.topicPrefix);
      console.log(`bare kafkajs produce (acks=all) → consume: p50 ${formatMs(kafkaFloor.p50Ms)}, p99 ${formatMs(kafkaFloor.p99Ms)} (${kafkaFloor.samples} messages)`);
      transactionFloor = await floors.measureTransactionRate(bench.databaseUrl);
      console.log(`bare PostgreSQL one-row insert+update transaction, 1 client: ${rate(transactionFloor.perSecond, "tx")} (p50 ${formatMs(transactionFloor.p50Ms)})`);
      rows.push({ measure: "floor: kafkajs round trip p50 / p99", figure: `${formatMs(kafkaFloor.p50Ms)} / ${formatMs(kafkaFloor.p99Ms)}`, floor: "", ratio: "", goal: "" });
      rows.push({ measure: "floor: PostgreSQL insert+update tx, 1 client", figure: rate(transactionFloor.perSecond, "tx"), floor: "", ratio: "", goal: "" });
    }
    if (chosen.has("floors")) {
      const health = await floors.measureHealthRate(bench.databaseUrl);
      if ("skipped" in health) {
        console.log(`/api/health rate: SKIPPED — ${health.skipped}`);
        rows.push({ measure: "floor: /api/health, 10 connections", figure: "skipped (no build)", floor: "", ratio: "", goal: "" });
      } else {
        console.log(`/api/health, 10 connections against next start (port ${health.port}): ${rate(health.perSecond, "req")}`);
        rows.push({ measure: "floor: /api/health, 10 connections", figure: rate(health.perSecond, "req"), floor: "", ratio: "", goal: "" });
      }
    }

    if (pipelineChosen) await runPipeline(bench.topicPrefix);
  } finally {
    const { resetDatabase } = await import("@/tests/support/reset-database");
    const { deleteKafkaLeftovers } = await import("@/tests/support/kafka-prefix");
    await resetDatabase(prisma).catch((error: unknown) => console.error(`cleanup (database) failed: ${String(error)}`));
    await deleteKafkaLeftovers(bench.topicPrefix).catch((error: unknown) => console.error(`cleanup (Kafka) failed: ${String(error)}`));
    await prisma.$disconnect();
  }

  async function runPipeline(topicPrefix: string) {
    const { ensureTopics } = await import("@/worker/start-worker");
    const { allTopicNames } = await import("@/lib/kafka/topics");
    const pipeline = await import("./pipeline-processes");
    await ensureTopics(allTopicNames());
    const profileDir = values.profile ? path.resolve(".data", "bench-profiles", topicPrefix.replace(/\.$/, "")) : undefined;
    const options = { managers: sizes.managers, concurrency: sizes.concurrency, profileDir, log: (line: string) => console.error(line) };
    if (profileDir) console.log(`worker CPU profiles: ${profileDir}`);
    const backlogs: Awaited<ReturnType<typeof pipeline.measureSignBacklog>>[] = [];
    const gradings: Awaited<ReturnType<typeof pipeline.measurePublishBacklog>>[] = [];

    if (chosen.has("paced")) await runPaced();
    if (chosen.has("sign")) await runSign();
    if (chosen.has("publish")) await runPublish();
    const broken = [...backlogs, ...gradings].filter((result) => result.duplicates > 0 || result.fair.startsWith("UNFAIR"));
    if (broken.length) throw new Error(`duplicate or unfair assignments: ${JSON.stringify(broken)}`);

    async function runPaced() {
      printSection(`Paced: ${sizes.paced} sign requests at ${sizes.rate}/s, 1 worker process`);
      const paced = await pipeline.measurePaced(sizes.paced, sizes.rate, options);
      // The same without the wake-up on commit (decision 020), for what it buys in this run.
      const polled = !values["skip-poll-comparison"] ? await pipeline.measurePaced(sizes.paced, sizes.rate, { ...options, wake: false }) : null;
      const both = (pick: (latency: typeof paced) => [number, number]) => [
        ...pick(paced).map(formatMs),
        ...(polled ? pick(polled).map(formatMs) : []),
      ];
      console.log(
        formatTable(
          ["", "p50", "p99", ...(polled ? [`p50, poll only`, "p99, poll only"] : [])],
          [
            ["submit → On approval (database clock)", ...both((latency) => [latency.p50Ms, latency.p99Ms])],
            ["  the submitting call (its transaction)", ...both((latency) => [latency.submitP50Ms, latency.submitP99Ms])],
            ["  committed → relay claimed the row", ...both((latency) => [latency.relayP50Ms, latency.relayP99Ms])],
            ["  claimed → On approval (produce, consume, assign)", ...both((latency) => [latency.consumeP50Ms, latency.consumeP99Ms])],
          ],
        ),
      );
      if (polled) console.log(`poll only: the wake-up trigger disabled for that run, OUTBOX_POLL_MS=${env().OUTBOX_POLL_MS}.`);
      console.log(
        `not counted: the first ${paced.warmUp.count} requests, sent first at the same rate to the fresh worker process (start-up): ` +
          `p50 ${formatMs(paced.warmUp.p50Ms)}, p99 ${formatMs(paced.warmUp.p99Ms)}.`,
      );
      rows.push({ measure: `paced ${sizes.rate}/s submit → On approval p50`, figure: formatMs(paced.p50Ms), floor: formatMs(kafkaFloor?.p50Ms ?? NaN), ratio: ratio(paced.p50Ms, kafkaFloor?.p50Ms), goal: "≤ 30 ms" });
      rows.push({ measure: `paced ${sizes.rate}/s submit → On approval p99`, figure: formatMs(paced.p99Ms), floor: formatMs(kafkaFloor?.p99Ms ?? NaN), ratio: ratio(paced.p99Ms, kafkaFloor?.p99Ms), goal: "≤ 150 ms" });
    }

    async function runSign() {
      printSection(`Sign-assignment backlog: ${sizes.requests} requests, ${sizes.managers} managers`);
      for (const workers of sizes.workers) {
        const result = await pipeline.measureSignBacklog(sizes.requests, workers, options);
        backlogs.push(result);
        rows.push({
          measure: `sign assignments, backlog, ${workers} worker process${workers > 1 ? "es" : ""}`,
          figure: rate(result.perSecond, "assign"),
          floor: rate(transactionFloor?.perSecond ?? NaN, "tx"),
          ratio: ratio(result.perSecond, transactionFloor?.perSecond, "%"),
          goal: "≥ 600 /s, exactly fair",
        });
    }
    console.log(
      formatTable(
        ["worker processes", "throughput", "handler p50", "per manager", "duplicates"],
        backlogs.map((result) => [result.workers, rate(result.perSecond, "assign"), formatMs(result.handlerP50Ms), result.fair, result.duplicates]),
      ),
    );

    }

    async function runPublish() {
      printSection(`Publish-grading backlog: ${sizes.publish} requests, 1 worker process`);
      const grading = await pipeline.measurePublishBacklog(sizes.publish, options);
      gradings.push(grading);
      console.log(
        formatTable(
          ["worker processes", "throughput", "handler p50", "duplicates"],
          [[grading.workers, rate(grading.perSecond, "grade"), formatMs(grading.handlerP50Ms), grading.duplicates]],
        ),
      );
      rows.push({
        measure: "publish gradings, backlog, 1 worker process",
        figure: rate(grading.perSecond, "grade"),
        floor: rate(transactionFloor?.perSecond ?? NaN, "tx"),
        ratio: ratio(grading.perSecond, transactionFloor?.perSecond, "%"),
        goal: "≥ 300 /s",
      });
    }
  }
}

/**
 * The queue bench (scripts/bench/queue.ts, decision 019): it prints its own sections and runs in
 * a process of its own when lib/db is loaded here already (floors or pipeline ran first).
 */
async function runQueue(): Promise<void> {
  printSection(`Queue (npm run bench:queue), ${sizes.queue.map((size) => size.toLocaleString("en")).join(" and ")} requests`);
  const { runQueueBench } = await import("./queue");
  rows.push(...queueSummaryRows(await runQueueBench({ sizes: sizes.queue })));
}

function printSummary() {
  printSection("Summary (figure vs the floor measured in this run)");
  console.log(
    formatTable(
      ["measure", "figure", "floor (same run)", "ratio", "goal"],
      rows.map((row) => [row.measure, row.figure, row.floor, row.ratio, row.goal]),
    ),
  );
  console.log(
    [
      "",
      "ratio: latency = figure ÷ floor (× the bare round trip); throughput = figure ÷ floor (% of one bare transaction per event).",
      "Worker processes are separate OS processes (worker/main.ts) in one consumer group; the machine's cores are shared with",
      "PostgreSQL, Kafka and this script, so compare ratios within a run, not absolute figures across runs.",
    ].join("\n"),
  );
}

let failed = false;
try {
  if (chosen.has("floors") || pipelineChosen) await main();
  if (chosen.has("queue")) {
    await runQueue().catch((error: unknown) => {
      rows.push({ measure: "queue (bench:queue)", figure: "FAILED", floor: "", ratio: "", goal: "" });
      throw error;
    });
  }
} catch (error) {
  failed = true;
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}
printSummary();
process.exit(failed ? 1 : 0);
