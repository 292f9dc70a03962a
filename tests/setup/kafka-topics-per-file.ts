// Test support (vitest setup file of the integration tier): gives each test file Kafka topics
// and a consumer group of its own, so no file consumes what another left on the broker. It runs
// before the file's imports read configuration, so test files import statically; a worker
// process a test spawns inherits the same prefix.
import path from "node:path";
import { afterAll, expect, vi } from "vitest";

const file = path.basename(expect.getState().testPath ?? "unknown", ".integration.test.ts").replace(/[^A-Za-z0-9-]/g, "-");
vi.stubEnv("KAFKA_TOPIC_PREFIX", `${process.env.KAFKA_TOPIC_PREFIX ?? "it."}${file}-${Date.now()}.`);

afterAll(() => {
  vi.unstubAllEnvs();
});
