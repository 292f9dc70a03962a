import { describe, expect, it } from "vitest";
import type { LogDetails } from "@/lib/observability/logger";
import { startWithRetries } from "@/worker/start-with-retries";

function recordingLog() {
  const lines: { message: string; details?: LogDetails }[] = [];
  return { lines, log: (message: string, details?: LogDetails) => void lines.push({ message, details }) };
}

const brokerAway = () => new Error("Connection error: connect ECONNREFUSED 127.0.0.1:19092");

describe("startWithRetries", () => {
  it("tries again after each failure, with growing waits, logging every failed attempt, until a start succeeds", async () => {
    const { lines, log } = recordingLog();
    let attempts = 0;
    const started = await startWithRetries(
      async () => {
        attempts += 1;
        if (attempts < 4) throw brokerAway();
        return "running";
      },
      { log, stop: new AbortController().signal, policy: { baseMs: 5, maxMs: 20, jitter: 0 } },
    );
    expect(started).toBe("running");
    expect(attempts).toBe(4);
    const failures = lines.filter((line) => line.details?.level === "error");
    expect(failures.map((line) => [line.details?.attempt, line.details?.delayMs])).toEqual([
      [1, 5],
      [2, 10],
      [3, 20],
    ]);
    expect(failures[0]!.message).toMatch(/^start attempt 1 failed; trying again in 5 ms: Connection error: connect ECONNREFUSED/);
    expect(lines.at(-1)!.message).toBe("started at attempt 4");
  });

  it("ends a wait between attempts at once when told to stop, and starts nothing more", async () => {
    const { lines, log } = recordingLog();
    const stop = new AbortController();
    let attempts = 0;
    const outcome = startWithRetries(
      async () => {
        attempts += 1;
        throw brokerAway();
      },
      { log, stop: stop.signal, policy: { baseMs: 600_000, maxMs: 600_000 } },
    );
    await expect.poll(() => lines.length).toBe(1); // the first attempt failed; a ten-minute wait began
    stop.abort("SIGTERM");
    await expect(outcome).resolves.toBeNull();
    expect(attempts).toBe(1);
  });

  it("lets an attempt under way finish when told to stop: a failed one is not tried again, a successful one is handed back", async () => {
    for (const succeeds of [false, true]) {
      const { log } = recordingLog();
      const stop = new AbortController();
      let finish: () => void = () => undefined;
      let attempts = 0;
      const outcome = startWithRetries(
        async () => {
          attempts += 1;
          await new Promise<void>((resolve) => (finish = resolve));
          if (!succeeds) throw brokerAway();
          return "running";
        },
        { log, stop: stop.signal, policy: { baseMs: 1, maxMs: 1 } },
      );
      await expect.poll(() => attempts).toBe(1);
      stop.abort("SIGINT");
      finish();
      await expect(outcome).resolves.toBe(succeeds ? "running" : null);
      expect(attempts).toBe(1);
    }
  });
});
