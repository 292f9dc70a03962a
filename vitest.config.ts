// Unit tests (pure rules, next to their source) and integration tests (real PostgreSQL and Kafka);
// the integration tests' support code lives in tests/.
import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);

export default defineConfig({
  resolve: {
    alias: [
      { find: /^server-only$/, replacement: path.join(root, "node_modules/server-only/empty.js") },
      { find: /^@\//, replacement: `${root}/` },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["{lib,worker,scripts,components,app,tests}/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          // next-auth imports "next/server" without an extension, which Node's ESM loader refuses;
          // run through Vite, it resolves (actions are called in-process by tests/support/act-as.ts).
          server: { deps: { inline: ["next-auth"] } },
          include: ["{lib,worker,scripts,prisma,tests}/**/*.integration.test.ts"],
          setupFiles: ["tests/setup/kafka-topics-per-file.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Waiting on the worker through Kafka takes seconds, not the unit tier's one second.
          expect: { poll: { timeout: 30_000, interval: 100 } },
        },
      },
    ],
  },
});
