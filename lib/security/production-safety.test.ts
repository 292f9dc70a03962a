import { describe, expect, it } from "vitest";
import {
  DEVELOPMENT_ADMIN_PASSWORD,
  DEVELOPMENT_AUTH_SECRET,
  assertProductionSafety,
  knownSecrets,
  productionSafetyProblems,
  type SafetySettings,
} from "./production-safety";

const goodSecret = "q7Jx0m3kV2pZc9Yt1bN8wR4sL6dF5gH0aE2uI7oK3yM="; // the shape `openssl rand -base64 32` prints
const deployment: SafetySettings = { APP_ENV: "production", AUTH_SECRET: goodSecret, NEXTAUTH_SECRET: undefined, ADMIN_PASSWORD: "a label of our own" };

describe("productionSafetyProblems", () => {
  it("accepts a deployment with its own secret and admin password", () => {
    expect(productionSafetyProblems(deployment)).toEqual([]);
    expect(productionSafetyProblems({ ...deployment, AUTH_SECRET: undefined, NEXTAUTH_SECRET: goodSecret })).toEqual([]);
  });

  it("lets development run on the documented defaults", () => {
    expect(
      productionSafetyProblems({ APP_ENV: "development", AUTH_SECRET: undefined, NEXTAUTH_SECRET: undefined, ADMIN_PASSWORD: DEVELOPMENT_ADMIN_PASSWORD }),
    ).toEqual([]);
  });

  it("refuses a missing secret and says how to make one", () => {
    const [problem] = productionSafetyProblems({ ...deployment, AUTH_SECRET: undefined });
    expect(problem).toMatch(/^AUTH_SECRET is not set: set AUTH_SECRET/);
    expect(problem).toContain("openssl rand -base64 32");
  });

  it.each(knownSecrets)("refuses the published secret %s", (secret) => {
    expect(productionSafetyProblems({ ...deployment, AUTH_SECRET: secret })).toEqual([expect.stringMatching(/^AUTH_SECRET is a value published/)]);
  });

  it("judges the secret Auth.js uses: AUTH_SECRET before NEXTAUTH_SECRET", () => {
    expect(productionSafetyProblems({ ...deployment, AUTH_SECRET: undefined, NEXTAUTH_SECRET: DEVELOPMENT_AUTH_SECRET })).toEqual([
      expect.stringMatching(/^NEXTAUTH_SECRET is a value published/),
    ]);
    expect(productionSafetyProblems({ ...deployment, NEXTAUTH_SECRET: DEVELOPMENT_AUTH_SECRET })).toEqual([]);
  });

  it("refuses a secret shorter than 32 characters", () => {
    expect(productionSafetyProblems({ ...deployment, AUTH_SECRET: "x".repeat(31) })).toEqual([
      expect.stringMatching(/^AUTH_SECRET has 31 characters: set it to a random value of at least 32/),
    ]);
    expect(productionSafetyProblems({ ...deployment, AUTH_SECRET: "x".repeat(32) })).toEqual([]);
  });

  it.each(["admin-password", "demo-password"])("refuses the documented admin password %s", (password) => {
    expect(productionSafetyProblems({ ...deployment, ADMIN_PASSWORD: password })).toEqual([
      expect.stringMatching(/^ADMIN_PASSWORD is not set or is a documented default .*: set ADMIN_PASSWORD/),
    ]);
  });
});

describe("assertProductionSafety", () => {
  it("names every setting to fix in one message", () => {
    const settings = { ...deployment, AUTH_SECRET: undefined, ADMIN_PASSWORD: DEVELOPMENT_ADMIN_PASSWORD };
    expect(() => assertProductionSafety(settings, "The worker")).toThrow(
      /^The worker refuses to start with APP_ENV=production \(on a developer's machine, set APP_ENV=development instead\):\n {2}- AUTH_SECRET is not set.*\n {2}- ADMIN_PASSWORD is not set/,
    );
  });

  it("stays quiet when there is nothing to fix", () => {
    expect(() => assertProductionSafety(deployment, "The web app")).not.toThrow();
  });
});
