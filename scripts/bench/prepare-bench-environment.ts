// Points a benchmark at its own database and its own Kafka topics, so it can empty them
// afterwards without ever touching development data. Call before importing "@/lib/db".
import os from "node:os";
import path from "node:path";
import { applyMigrations, ensureDatabaseExists } from "@/scripts/migrate/apply-migrations";

export type BenchEnvironment = { databaseUrl: string; databaseName: string; topicPrefix: string };

const DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/cookdroogers";

/**
 * BENCH_DATABASE_URL wins; otherwise DATABASE_URL when its database is already a bench one
 * (its name contains "bench"), else the same server with "_bench" appended to the name.
 * Benchmarks truncate what they run on, hence never the configured database itself.
 */
export function benchDatabaseUrl(): string {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
  const name = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!name.includes("bench")) url.pathname = `/${encodeURIComponent(`${name}_bench`)}`;
  return url.toString();
}

export async function prepareBenchEnvironment(): Promise<BenchEnvironment> {
  const databaseUrl = benchDatabaseUrl();
  process.env.DATABASE_URL = databaseUrl;
  // Always a fresh prefix: the benchmark deletes its topics at the end, and must not be able
  // to delete topics of a shared prefix such as the development one.
  const topicPrefix = `bench${Date.now()}.`;
  process.env.KAFKA_TOPIC_PREFIX = topicPrefix;
  await ensureDatabaseExists(databaseUrl);
  await applyMigrations(databaseUrl, path.resolve("prisma/migrations"));
  return { databaseUrl, databaseName: new URL(databaseUrl).pathname.slice(1), topicPrefix };
}

/** One line saying where and under what load the figures were taken. */
export function describeMachine(): string {
  const [one, five] = os.loadavg();
  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  return `${os.cpus().length} cores (${cpu}), Node ${process.version}, load average ${one?.toFixed(2)} / ${five?.toFixed(2)} (1 / 5 min)`;
}
