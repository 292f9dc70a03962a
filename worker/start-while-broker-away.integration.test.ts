// A worker process started while the broker is away waits for it, however long, instead of
// exiting once kafkajs's own retries (~25 s) are used up (worker/main.ts, start-with-retries.ts).
// This file runs its own broker (the harness's recipe) so that the worker can start without one.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { platformProbe } from "@/lib/events/definitions";
import { enqueueEvent } from "@/lib/events/enqueue-event";
import { startKafkaBroker } from "../scripts/services/provide-kafka.mjs";

const root = path.resolve(".");
const purpose = "start-retry-test";
// Started once and stopped, so that its address is known (a restart keeps its ports) and nothing
// answers there when the worker starts.
let broker: Awaited<ReturnType<typeof startKafkaBroker>> | null = await startKafkaBroker(root, purpose, { fresh: true, timings: [] });
const brokers = broker.brokers;
await broker.stop();
broker = null;

afterAll(async () => {
  await broker?.stop();
  await prisma.$disconnect();
});

describe("a worker started while the broker is away", () => {
  it("keeps trying past kafkajs's retries, then handles events once the broker is back, and stops cleanly", async () => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "worker/main.ts"], {
      env: { ...process.env, KAFKA_BROKERS: brokers, METRICS_PORT: "0", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    let exitCode: number | null | undefined;
    const exited = new Promise<void>((resolve) =>
      child.on("exit", (code) => {
        exitCode = code;
        resolve();
      }),
    );
    const withOutput = (error: Error) => {
      throw new Error(`${error.message}\nworker output:\n${output}`);
    };
    try {
      // The first attempt ends when kafkajs gives up; the process is still there and says it
      // will try again.
      await expect
        .poll(() => output, { message: "the first start attempt to fail", timeout: 90_000 })
        .toMatch(/start attempt 1 failed; trying again in \d+ ms: .*ECONNREFUSED/)
        .catch(withOutput);
      expect(exitCode, output).toBeUndefined();
      expect(output).not.toMatch(/failed to start/);
      expect(output).toMatch(/start failed; closed the \d+ Kafka clients it had made/);

      broker = await startKafkaBroker(root, purpose, { fresh: false, timings: [] });
      expect(broker.brokers).toBe(brokers);
      const eventId = await prisma.$transaction((tx) => enqueueEvent(tx, platformProbe, { probeId: `after-retry-${Date.now()}`, fail: false }));
      await expect
        .poll(() => prisma.processedMessage.count({ where: { eventId } }), { message: "the worker to handle an event", timeout: 120_000 })
        .toBe(1)
        .catch(withOutput);
      expect(output).toMatch(/started at attempt [2-9]\d*/);
      expect(exitCode, output).toBeUndefined();

      child.kill("SIGTERM");
      await exited;
      expect(exitCode, output).toBe(0);
      expect(output).toMatch(/"msg":"stopped"/);
    } finally {
      if (exitCode === undefined) {
        child.kill("SIGKILL");
        await exited;
      }
    }
  }, 300_000); // two broker starts, kafkajs's ~25 s of retries and the waits above
});
