// The one validated view of configuration, read by the app, the worker and the scripts.
import { z } from "zod";
import {
  DEVELOPMENT_ADMIN_PASSWORD,
  DEVELOPMENT_AUTH_SECRET,
  sessionSecretProblem,
} from "@/lib/security/production-safety";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * Whether this is a deployment (decision 010). Unset: production when NODE_ENV is production
   * (`next start`, the image), else development. The harness (`npm start`, `npm test`) sets
   * development, so its `next start` keeps the development defaults.
   */
  APP_ENV: z.enum(["production", "development"]).optional(),
  /**
   * Checked for its form here, so that a worker stops at once on a misspelt one instead of
   * retrying its start for ever (worker/main.ts retries only what a retry can mend).
   */
  DATABASE_URL: z
    .string()
    .min(1)
    .regex(/^postgres(ql)?:\/\//, "must be a PostgreSQL URL, postgresql://user@host:port/database")
    .default("postgresql://postgres@127.0.0.1:5432/cookdroogers"),
  KAFKA_BROKERS: z.string().min(1).default("127.0.0.1:19092"),
  KAFKA_CLIENT_ID: z.string().min(1).default("cook-droogers"),
  KAFKA_TOPIC_PREFIX: z.string().default("cd."),
  /**
   * Partitions of each topic the worker creates (existing topics keep theirs): at most this many
   * worker processes share the events (README, "Partitions and worker processes").
   */
  KAFKA_PARTITIONS: z.coerce.number().int().min(1).max(1_000).default(3),
  AUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default("admin@cookdroogers.local"),
  ADMIN_PASSWORD: z.string().min(8).default(DEVELOPMENT_ADMIN_PASSWORD),
  ADMIN_NAME: z.string().min(1).default("Label Admin"),
  STATS_SERVICE_URL: z.string().url().default("http://127.0.0.1:4010"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** Unset: demo data in development only (docs/domain.md §11). */
  SEED_DEMO_DATA: z.enum(["true", "false"]).optional(),
  WORKER_HEARTBEAT_MS: z.coerce.number().int().positive().default(5000),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  CONSUMER_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(500),
  CONSUMER_BACKOFF_MAX_MS: z.coerce.number().int().positive().default(60_000),
  /** Sign-in throttling (docs/domain.md §11); test suites raise the two per-address limits only. */
  SIGNIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  SIGNIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  REGISTRATIONS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().positive().default(10),
  /**
   * Bearer token for the Prometheus endpoints (docs/domain.md §10, decision 016). Unset (or
   * empty): /api/metrics and the worker's metrics port answer "not found" to everyone.
   */
  METRICS_TOKEN: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  ),
  /** The worker's metrics port; 0 turns its metrics server off. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9464),
  /** The lowest level written to the JSON log lines of the web app and the worker. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Test hook: the worker exits right after committing an event of this name, before its offset commit. */
  WORKER_TEST_CRASH_AFTER_EVENT: z.string().optional(),
}).transform((raw) => {
  const APP_ENV = raw.APP_ENV ?? (raw.NODE_ENV === "production" ? "production" : "development");
  const SEED_DEMO_DATA = raw.SEED_DEMO_DATA === undefined ? APP_ENV === "development" : raw.SEED_DEMO_DATA === "true";
  return { ...raw, APP_ENV, SEED_DEMO_DATA };
});

export type Env = z.output<typeof envSchema>;

let cached: Env | undefined;

/** Parses a set of variables; a misconfiguration fails with every problem listed. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration: ${problems.join("; ")}`);
  }
  return parsed.data;
}

/** process.env, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The session secret; in a deployment a missing or published one stops the app (decision 010). */
export function authSecret(): string {
  const config = env();
  const secret = config.AUTH_SECRET ?? config.NEXTAUTH_SECRET;
  // `next build` evaluates modules without serving anyone; the running server still insists.
  if (process.env.NEXT_PHASE === "phase-production-build") return secret ?? "build-time-placeholder-never-used-to-sign";
  const problem = sessionSecretProblem(config);
  if (problem) throw new Error(problem);
  return secret ?? DEVELOPMENT_AUTH_SECRET;
}
