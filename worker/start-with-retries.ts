// Starts the worker again and again, with growing waits, until it runs or is told to stop: a
// broker or database that is away (or still starting) must not end the process (worker/main.ts).
import { setTimeout as sleep } from "node:timers/promises";
import type { Log } from "@/lib/observability/logger";
import { backoffDelay, type BackoffPolicy } from "@/worker/backoff";

/** 1 s, 2 s, 4 s … at most 30 s between attempts (each attempt itself retries for ~25 s). */
export const START_RETRY: BackoffPolicy = { baseMs: 1_000, maxMs: 30_000 };

export type StartWithRetriesOptions = {
  log: Log;
  /** Aborted on SIGTERM/SIGINT: a wait between attempts ends at once, and no attempt follows. */
  stop: AbortSignal;
  policy?: BackoffPolicy;
};

/**
 * The started thing, or null when `stop` came first. An attempt under way when `stop` comes is
 * let finish (a failed start closes what it opened; a successful one is handed back for the
 * caller to stop).
 */
export async function startWithRetries<Started>(start: () => Promise<Started>, options: StartWithRetriesOptions): Promise<Started | null> {
  const { log, stop, policy = START_RETRY } = options;
  for (let attempt = 1; !stop.aborted; attempt += 1) {
    try {
      const started = await start();
      if (attempt > 1) log(`started at attempt ${attempt}`, { attempt });
      return started;
    } catch (error) {
      if (stop.aborted) {
        log(`start attempt ${attempt} failed while stopping`, { level: "warn", attempt, err: error });
        return null;
      }
      const delayMs = backoffDelay(attempt, policy);
      log(`start attempt ${attempt} failed; trying again in ${delayMs} ms: ${error instanceof Error ? error.message : String(error)}`, {
        level: "error",
        attempt,
        delayMs,
        err: error,
      });
      await sleep(delayMs, undefined, { signal: stop }).catch(() => undefined);
    }
  }
  return null;
}
