// Browser journeys (e2e/*.spec.ts) in Debian's Chromium against the built app and a running worker.
import { defineConfig, devices } from "@playwright/test";
import { appEnv } from "./e2e/fixtures/app-env";

const isCI = Boolean(process.env.CI);
const port = Number(process.env.PORT ?? 3000);
// With E2E_BASE_URL the app runs elsewhere (e.g. `npm start`): start nothing, test that one.
const externalBaseUrl = process.env.E2E_BASE_URL;
const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;

// APP_ENV=development and a test-only AUTH_SECRET (unless given): e2e/fixtures/app-env.ts.

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  outputDir: "test-results/e2e-artifacts",
  forbidOnly: isCI,
  retries: 0,
  workers: isCI ? 1 : undefined,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e.json" }]],
  use: {
    baseURL,
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        ...devices["Desktop Chrome"],
        launchOptions: {
          executablePath: "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-gpu"],
        },
      },
    },
  ],
  webServer: externalBaseUrl
    ? undefined
    : [
        {
          name: "web",
          command: `./node_modules/.bin/next start -p ${port}`,
          url: `${baseURL}/api/health`,
          env: appEnv,
          reuseExistingServer: !isCI,
          timeout: 120_000,
          stdout: "ignore",
          stderr: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
        },
        {
          // No URL to wait for: deferred steps are awaited by the specs themselves.
          name: "worker",
          command: "npm run --silent worker",
          env: appEnv,
          stdout: "pipe",
          stderr: "pipe",
          gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
        },
      ],
});
