// The JSON log lines (decision 016): what a line concerns is named, a secret never is.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, logTo } from "@/lib/observability/logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ level: "info" }, destination) };
}

describe("the logger", () => {
  it("writes one JSON object per line with its level, time, message and the ids it concerns", () => {
    const { lines, logger } = capture();
    logTo(logger)("handler failed", { level: "warn", eventId: "5d3c9a4e-0000-4000-8000-000000000001", requestId: 42, userId: 7 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: "handler failed", eventId: "5d3c9a4e-0000-4000-8000-000000000001", requestId: 42, userId: 7 });
    expect(new Date(String(lines[0]?.time)).toISOString()).toBe(lines[0]?.time);
  });

  it("never writes a password, token, secret, authorization or cookie, at the top or nested", () => {
    const { lines, logger } = capture();
    const secrets = ["hunter2-password", "tok-123", "Bearer abc.def", "session=s3cr3t", "auth-secret-value", "postgresql://u:pw@db/x"];
    logger.info(
      {
        password: secrets[0],
        token: secrets[1],
        user: { email: "ada@example.com", password: secrets[0] },
        headers: { authorization: secrets[2], cookie: secrets[3] },
        err: Object.assign(new Error("request failed"), { config: { headers: { authorization: secrets[2] } } }),
        AUTH_SECRET: secrets[4],
        settings: { DATABASE_URL: secrets[5], METRICS_TOKEN: secrets[1] },
        "set-cookie": secrets[3],
      },
      "a line full of secrets",
    );
    const line = JSON.stringify(lines[0]);
    for (const secret of secrets) expect(line).not.toContain(secret);
    expect(line).toContain("ada@example.com");
    expect(line).toContain("[redacted]");
    expect(lines[0]?.err).toMatchObject({ type: "Error", message: "request failed" });
  });

  it("writes an error with its type, message and stack", () => {
    const { lines, logger } = capture();
    logTo(logger)("relay failed", { level: "error", err: new TypeError("broker gone") });
    expect(lines[0]).toMatchObject({ level: 50, err: { type: "TypeError", message: "broker gone" } });
    expect(String((lines[0]?.err as { stack?: string }).stack)).toContain("TypeError: broker gone");
  });
});
