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
