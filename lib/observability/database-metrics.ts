// Figures read from PostgreSQL at scrape time (docs/domain.md §4, §10; decision 016), exposed by
// the web app: the outbox backlog, the age of its oldest due row, and the age of the freshest
// worker heartbeat. They come from the database rather than from a worker because they matter
// most when no worker runs (nothing else would report them then).
import "server-only";
import { register } from "prom-client";
import { prisma, type Db } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { METRIC_PREFIX, gauge, perScrape, registerSource } from "@/lib/observability/registry";

export type DatabaseFigures = {
  /** Unsent rows whose time has come: what the relay has yet to send. */
  due: number;
  /** Unsent rows waiting for their due time (expiries, reminders, go-lives). */
  scheduled: number;
  /** Seconds since the oldest due unsent row became due; 0 when none is due. */
  oldestDueAgeSeconds: number;
  /** Seconds since the freshest worker heartbeat; +Inf when no worker ever beat. */
  heartbeatAgeSeconds: number;
};

/** One read of every figure, with the database's clock (the relay's "due" is `availableAt <= now()` too). */
export async function readDatabaseFigures(db: Db = prisma): Promise<DatabaseFigures> {
  // Both statements use the partial index on unsent rows, and the heartbeat table has a row per worker.
  const [[outbox], [heartbeat]] = await Promise.all([
    db.$queryRaw<{ due: bigint; scheduled: bigint; oldest_due_age: number | null }[]>`
      SELECT count(*) FILTER (WHERE "availableAt" <= now()) AS due,
             count(*) FILTER (WHERE "availableAt" > now()) AS scheduled,
             EXTRACT(EPOCH FROM now() - min("availableAt") FILTER (WHERE "availableAt" <= now()))::float8 AS oldest_due_age
      FROM "OutboxEvent" WHERE "sentAt" IS NULL`,
    db.$queryRaw<{ age: number | null }[]>`
      SELECT EXTRACT(EPOCH FROM now() - max("beatAt"))::float8 AS age FROM "WorkerHeartbeat"`,
  ]);
  return {
    due: Number(outbox?.due ?? 0),
    scheduled: Number(outbox?.scheduled ?? 0),
    oldestDueAgeSeconds: Math.max(0, outbox?.oldest_due_age ?? 0),
    heartbeatAgeSeconds: heartbeat?.age == null ? Number.POSITIVE_INFINITY : Math.max(0, heartbeat.age),
  };
}

const unknown: DatabaseFigures = { due: NaN, scheduled: NaN, oldestDueAgeSeconds: NaN, heartbeatAgeSeconds: NaN };

/**
 * The figures of the current scrape, read once for all the gauges below; a database that cannot
 * be read gives NaN ("unknown", never a reassuring 0) and `metrics_source_up{source="database"} 0`.
 */
function figuresOfEachScrape(db: () => Db) {
  return perScrape(() =>
    readDatabaseFigures(db()).then(
      (figures) => ({ ok: true, figures }),
      (error: unknown) => {
        logger.error({ err: error }, "metrics: the database figures could not be read");
        return { ok: false, figures: unknown };
      },
    ),
  );
}

/** Registers the database gauges in this process (once; later calls change nothing). */
export function registerDatabaseMetrics(db: () => Db = () => prisma): void {
  if (register.getSingleMetric(`${METRIC_PREFIX}outbox_due_events`)) return;
  const read = figuresOfEachScrape(db);
  const figures = async () => (await read()).figures;
  registerSource("database", async () => (await read()).ok);
  gauge({
    name: `${METRIC_PREFIX}outbox_due_events`,
    help: "Outbox rows due and not yet sent to Kafka (the relay's backlog)",
    async collect() {
      this.set((await figures()).due);
    },
  });
  gauge({
    name: `${METRIC_PREFIX}outbox_scheduled_events`,
    help: "Outbox rows waiting for their due time (expiries, reminders, go-lives, contract ends)",
    async collect() {
      this.set((await figures()).scheduled);
    },
  });
  gauge({
    name: `${METRIC_PREFIX}outbox_oldest_due_age_seconds`,
    help: "Seconds since the oldest due, unsent outbox row became due; 0 when none is due",
    async collect() {
      this.set((await figures()).oldestDueAgeSeconds);
    },
  });
  gauge({
    name: `${METRIC_PREFIX}worker_heartbeat_age_seconds`,
    help: "Seconds since the freshest worker heartbeat; +Inf when no worker has ever beaten",
    async collect() {
      this.set((await figures()).heartbeatAgeSeconds);
    },
  });
}
