// The one validated view of configuration, read by the app, the worker and the scripts.
import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().min(1).default("postgresql://postgres@127.0.0.1:5432/cookdroogers"),
  KAFKA_BROKERS: z.string().min(1).default("127.0.0.1:19092"),
  KAFKA_CLIENT_ID: z.string().min(1).default("cook-droogers"),
  KAFKA_TOPIC_PREFIX: z.string().default("cd."),
  AUTH_SECRET: z.string().min(1).optional(),
  NEXTAUTH_SECRET: z.string().min(1).optional(),
  ADMIN_EMAIL: z.string().email().default("admin@cookdroogers.local"),
  ADMIN_PASSWORD: z.string().min(8).default("admin-password"),
  ADMIN_NAME: z.string().min(1).default("Label Admin"),
  STATS_SERVICE_URL: z.string().url().default("http://127.0.0.1:4010"),
  PORT: z.coerce.number().int().positive().default(3000),
  SEED_DEMO_DATA: z
    .enum(["true", "false"])
    .optional()
    .transform((value) => value !== "false"),
  WORKER_HEARTBEAT_MS: z.coerce.number().int().positive().default(5000),
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(500),
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  CONSUMER_BACKOFF_BASE_MS: z.coerce.number().int().positive().default(500),
  CONSUMER_BACKOFF_MAX_MS: z.coerce.number().int().positive().default(60_000),
  /** Test hook: the worker exits right after committing an event of this name, before its offset commit. */
  WORKER_TEST_CRASH_AFTER_EVENT: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses process.env once; a misconfiguration fails with every problem listed. */
export function env(): Env {
  if (!cached) {
    const parsed = envSchema.safeParse(process.env);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`Invalid configuration: ${problems.join("; ")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

export function authSecret(): string {
  const { AUTH_SECRET, NEXTAUTH_SECRET, NODE_ENV } = env();
  const secret = AUTH_SECRET ?? NEXTAUTH_SECRET;
  if (secret) return secret;
  // `next build` evaluates modules without serving anyone; the running server still insists.
  if (process.env.NEXT_PHASE === "phase-production-build") return "build-time-placeholder-never-used-to-sign";
  if (NODE_ENV === "production") {
    throw new Error("AUTH_SECRET (or NEXTAUTH_SECRET) must be set in production");
  }
  return "cook-droogers-development-secret-change-me";
}
