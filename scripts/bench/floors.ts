// The floors of `npm run bench`: what the machine does with no application code in the way,
// measured in the same run as the figures they are compared with (docs/benchmarks.md).
// Import after prepareBenchEnvironment (bench-environment variables).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import getPort, { portNumbers } from "get-port";
import pWaitFor from "p-wait-for";
import pg from "pg";
import { createKafka } from "@/lib/kafka/client";
import { percentile } from "./format-results";

export type KafkaRoundTrip = { p50Ms: number; p99Ms: number; samples: number };

/**
 * Bare kafkajs: one message produced with acks=all, then consumed by a consumer of its own
 * group; the next is sent only once the previous arrived. Time = send call → eachMessage.
 */
export async function measureKafkaRoundTrip(topicPrefix: string, count = 300, warmup = 30): Promise<KafkaRoundTrip> {
  const kafka = createKafka("bench-floor");
  const topic = `${topicPrefix}floor.round-trip`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, replicationFactor: 1 }] });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({ groupId: `${topicPrefix}floor`, maxWaitTimeInMs: 100 });
  const sentAt = new Map<string, number>();
  const samples: number[] = [];
  let arrived: ((key: string) => void) | null = null;
  try {
    await producer.connect();
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const key = message.key?.toString() ?? "";
        const started = sentAt.get(key);
        if (started !== undefined) samples.push(performance.now() - started);
        arrived?.(key);
      },
    });
    for (let index = 0; index < warmup + count; index += 1) {
      const key = `m${index}`;
      const received = new Promise<string>((resolve) => (arrived = resolve));
      sentAt.set(key, performance.now());
      await producer.send({ topic, acks: -1, messages: [{ key, value: "x" }] });
      await received;
    }
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.deleteGroups([`${topicPrefix}floor`]).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
  }
  const timed = samples.slice(warmup);
  return { p50Ms: percentile(timed, 50), p99Ms: percentile(timed, 99), samples: timed.length };
}

/** One client, one transaction after the other: insert a row, update it, commit (durably). */
export async function measureTransactionRate(databaseUrl: string, count = 2_000): Promise<{ perSecond: number; p50Ms: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const times: number[] = [];
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS "BenchFloor" ("id" BIGSERIAL PRIMARY KEY, "n" INTEGER NOT NULL, "at" TIMESTAMPTZ)`);
    const started = performance.now();
    for (let index = 0; index < count; index += 1) {
      const one = performance.now();
      await client.query("BEGIN");
      const { rows } = await client.query<{ id: string }>(`INSERT INTO "BenchFloor" ("n") VALUES ($1) RETURNING "id"`, [index]);
      await client.query(`UPDATE "BenchFloor" SET "at" = now() WHERE "id" = $1`, [rows[0]!.id]);
      await client.query("COMMIT");
      times.push(performance.now() - one);
    }
    const elapsed = performance.now() - started;
    return { perSecond: (count * 1000) / elapsed, p50Ms: percentile(times, 50) };
  } finally {
    await client.query(`DROP TABLE IF EXISTS "BenchFloor"`).catch(() => undefined);
    await client.end();
  }
}

export type HealthRate = { perSecond: number; port: number } | { skipped: string };

/**
 * `/api/health` answered by `next start` (the existing build in .next), 10 connections for
 * `seconds`. Skipped, with the reason, when there is no build: the bench never builds.
 */
export async function measureHealthRate(databaseUrl: string, seconds = 10, connections = 10): Promise<HealthRate> {
  const root = path.resolve(".");
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return { skipped: "no build in .next (run `npm run build` first, in a copy of the tree if others work in it)" };
  const port = await getPort({ port: portNumbers(3133, 3136) });
  // `next start` is production; a development NODE_ENV would confuse it (as in scripts/start.mjs).
  const appEnv = Object.fromEntries(Object.entries({ ...process.env, DATABASE_URL: databaseUrl, APP_ENV: "development", LOG_LEVEL: "warn" }).filter(([name]) => name !== "NODE_ENV")) as unknown as NodeJS.ProcessEnv;
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: root,
    env: appEnv,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2_000)));
  const url = `http://127.0.0.1:${port}/api/health`;
  try {
    await pWaitFor(async () => (await fetch(url).catch(() => null))?.ok === true, { interval: 250, timeout: 60_000 }).catch(() => {
      throw new Error(`next start did not answer ${url}: ${stderr}`);
    });
    for (let index = 0; index < 50; index += 1) await (await fetch(url)).arrayBuffer(); // warm-up
    let answered = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (performance.now() < deadline) {
          const response = await fetch(url);
          await response.arrayBuffer();
          if (response.ok) answered += 1;
        }
      }),
    );
    return { perSecond: (answered * 1000) / (performance.now() - started), port };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once("exit", resolve)));
  }
}
