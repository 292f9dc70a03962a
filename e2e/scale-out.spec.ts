// Scale-out (README, "Partitions and worker processes"): two web processes and two worker
// processes, each a separate OS process, on one database and one broker. People ask to join the
// label through both web processes at once; every request is stored once and assigned once — one
// history entry into On approval, one applied ledger row, one notice to the applicant and one to
// the manager — and the managers' queues stay even, as the fair rule of docs/domain.md §3.1 step 2
// makes them (the lightest queue gets the next request; assignments are serialized).
//
// Why a database of its own (e2e/fixtures/own-label.ts) rather than the harness's: the fair rule
// is global — the lightest queue among every manager of the label — and the other specs, which
// may run at the same time, create managers and requests, assign requests straight to a manager
// and close them. On the shared database no count over this spec's requests could tell a fair
// assignment from an unfair one. On a label of its own every manager and request is the spec's,
// so the check is exact: from K empty queues, N requests leave each queue with ⌊N/K⌋ or ⌈N/K⌉
// (max − min ≤ 1: fairnessSpread of scripts/chaos/tally.ts, as the fault script counts it). For
// the same reason the two workers are the spec's too: a second member in the harness's consumer
// group would move partitions under the other specs' events while it joins and leaves. So the
// harness's web process and worker are not used here; these four run the same build and code,
// with the run's broker under a topic prefix of their own.
import type { ChildProcess } from "node:child_process";
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import getPort from "get-port";
import { fairnessSpread, tallyOutcomes } from "@/scripts/chaos/tally";
import { answersHealth, startWebProcess, startWorkerProcess, stopProcess } from "./fixtures/app-processes";
import { createOwnLabel } from "./fixtures/own-label";
import { readSignRequestOutcomes } from "./fixtures/sign-request-outcomes";
import { createUsers, signIn, uniqueSuffix } from "./fixtures/users";

const WEB_PROCESSES = 2;
const WORKER_PROCESSES = 2;
const MANAGERS = 3;
/** A multiple of MANAGERS, so a fair outcome is the same count for each. */
const APPLICANTS = 9;

test("two web and two worker processes on one database: every join request stored once, assigned once, fairly", async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const label = await createOwnLabel(`scale_out_${testInfo.parallelIndex}`);
  const { DATABASE_URL: databaseUrl } = label.env;
  const processes: ChildProcess[] = [];
  const contexts: BrowserContext[] = [];
  try {
    // The managers exist before any request, so none waits for one (§3.1 step 2).
    const managers = await createUsers(Array.from({ length: MANAGERS }, () => ({ role: "MANAGER" as const })), { databaseUrl });
    const applicants = await createUsers(Array.from({ length: APPLICANTS }, () => ({ role: "USER" as const })), { databaseUrl });

    const ports = await test.step("two web processes and two worker processes start", async () => {
      const started: number[] = [];
      for (let index = 1; index <= WEB_PROCESSES; index += 1) {
        const port = await getPort();
        started.push(port);
        processes.push(startWebProcess(port, { env: label.env, logFile: testInfo.outputPath(`web-${index}.log`) }));
      }
      // Each topic gets a partition per worker process, so neither waits idle (README, "Partitions
      // and worker processes").
      for (let index = 1; index <= WORKER_PROCESSES; index += 1) {
        const env = { ...label.env, KAFKA_PARTITIONS: String(WORKER_PROCESSES) };
        processes.push(startWorkerProcess({ env, logFile: testInfo.outputPath(`worker-${index}.log`) }));
      }
      for (const port of started) {
        await expect.poll(() => answersHealth(port), { timeout: 90_000, message: `the web process on port ${port} to start` }).toBe(true);
      }
      await expect
        .poll(() => label.workerProcessesInGroup(), { timeout: 120_000, message: "both worker processes to hold partitions of the label's topics" })
        .toBe(WORKER_PROCESSES);
      return started;
    });

    // Each person in a browser of their own, served by one web process or the other in turn; the
    // web processes sign their people in side by side.
    const pages = await test.step("each applicant signs in and fills in the form", async () => {
      const filled: Page[] = [];
      await Promise.all(
        ports.map(async (port, lane) => {
          for (let index = lane; index < applicants.length; index += WEB_PROCESSES) {
            const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
            contexts.push(context);
            const page = await context.newPage();
            await signIn(page, applicants[index]!);
            await page.goto("/requests/new/sign-contract");
            await page.getByLabel("Nickname").fill(`Scale ${uniqueSuffix()}`.slice(0, 64));
            filled[index] = page;
          }
        }),
      );
      return filled;
    });

    const requestIds = await test.step("everyone submits at once", () =>
      Promise.all(
        pages.map(async (page) => {
          await page.getByRole("button", { name: "Submit request" }).click();
          await expect(page).toHaveURL(/\/requests\/\d+$/);
          return Number(new URL(page.url()).pathname.split("/").pop());
        }),
      ),
    );

    await test.step("the workers assign every request; each page, live through its own web process, says so", async () => {
      for (const page of pages) await expect(page.getByText(/^Assigned to /)).toBeVisible({ timeout: 60_000 });
    });

    await test.step("the database holds each request once, assigned once, and the queues even", async () => {
      const outcomes = await readSignRequestOutcomes(applicants.map((applicant) => applicant.id), { databaseUrl });
      // One request per applicant, the one their page showed.
      expect(outcomes.map((outcome) => outcome.requestId).sort((a, b) => a - b)).toEqual([...requestIds].sort((a, b) => a - b));
      expect(tallyOutcomes(outcomes)).toMatchObject({ committed: APPLICANTS, assignedOnce: APPLICANTS, doubled: 0, lost: 0, other: 0 });
      // Each assignment event applied exactly once (the idempotency ledger), whichever worker took it.
      expect(outcomes.map((outcome) => outcome.appliedLedgerRows)).toEqual(Array(APPLICANTS).fill(1));
      const fairness = fairnessSpread(managers.map((manager) => manager.managerId!), outcomes);
      expect(fairness.spread, `open requests per manager: ${[...fairness.perManager.values()].join("/")}`).toBeLessThanOrEqual(1);
    });
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await Promise.all(processes.map((child) => stopProcess(child)));
    await label.remove();
  }
});
