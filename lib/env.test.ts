import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv: deployment or development (decision 010)", () => {
  it("takes `next start` and the image (NODE_ENV=production) for a deployment unless APP_ENV says otherwise", () => {
    expect(parseEnv({ NODE_ENV: "production" }).APP_ENV).toBe("production");
    expect(parseEnv({ NODE_ENV: "production", APP_ENV: "development" }).APP_ENV).toBe("development");
    expect(parseEnv({}).APP_ENV).toBe("development");
    expect(parseEnv({ NODE_ENV: "test" }).APP_ENV).toBe("development");
    expect(parseEnv({ NODE_ENV: "development", APP_ENV: "production" }).APP_ENV).toBe("production");
  });

  it("seeds demo data in development by default, in production only when asked", () => {
    expect(parseEnv({}).SEED_DEMO_DATA).toBe(true);
    expect(parseEnv({ SEED_DEMO_DATA: "false" }).SEED_DEMO_DATA).toBe(false);
    expect(parseEnv({ APP_ENV: "production" }).SEED_DEMO_DATA).toBe(false);
    expect(parseEnv({ APP_ENV: "production", SEED_DEMO_DATA: "true" }).SEED_DEMO_DATA).toBe(true);
  });

  it("refuses an APP_ENV it does not know", () => {
    expect(() => parseEnv({ APP_ENV: "staging" })).toThrow(/^Invalid configuration: APP_ENV/);
  });
});

describe("parseEnv: metrics and logs (decision 016)", () => {
  it("leaves the metrics token unset when empty (compose passes an empty value) and refuses a short one", () => {
    expect(parseEnv({}).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: "" }).METRICS_TOKEN).toBeUndefined();
    expect(parseEnv({ METRICS_TOKEN: "a-token-of-sixteen+" }).METRICS_TOKEN).toBe("a-token-of-sixteen+");
    expect(() => parseEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN must be at least 16 characters/);
  });

  it("serves the worker's metrics on 9464 unless told another port or 0, and logs from info up", () => {
    expect(parseEnv({}).METRICS_PORT).toBe(9464);
    expect(parseEnv({ METRICS_PORT: "0" }).METRICS_PORT).toBe(0);
    expect(() => parseEnv({ METRICS_PORT: "70000" })).toThrow(/METRICS_PORT/);
    expect(parseEnv({}).LOG_LEVEL).toBe("info");
    expect(() => parseEnv({ LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL/);
  });
});

describe("parseEnv: Kafka partitions and the database URL", () => {
  it("creates topics with 3 partitions unless told another count of at least 1", () => {
    expect(parseEnv({}).KAFKA_PARTITIONS).toBe(3);
    expect(parseEnv({ KAFKA_PARTITIONS: "12" }).KAFKA_PARTITIONS).toBe(12);
    for (const wrong of ["0", "-2", "2.5", "many", "1001"]) {
      expect(() => parseEnv({ KAFKA_PARTITIONS: wrong }), wrong).toThrow(/^Invalid configuration: KAFKA_PARTITIONS/);
    }
  });

  it("takes a postgres:// or postgresql:// URL and refuses anything else at once", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://app:secret@db:5432/label" }).DATABASE_URL).toBe("postgres://app:secret@db:5432/label");
    expect(parseEnv({ DATABASE_URL: "postgresql://postgres@/label?host=/var/run/postgresql" }).DATABASE_URL).toMatch(/^postgresql:/);
    for (const wrong of ["127.0.0.1:5432/label", "postgress://postgres@127.0.0.1/label", "mysql://root@db/label"]) {
      expect(() => parseEnv({ DATABASE_URL: wrong }), wrong).toThrow(/^Invalid configuration: DATABASE_URL: must be a PostgreSQL URL/);
    }
  });
});
