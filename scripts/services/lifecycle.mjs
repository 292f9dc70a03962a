// The orderly end of a harness run: on Ctrl-C, SIGTERM, a failure or normal completion, stop the
// running step, then the services in the reverse order of their start, then anything their
// children left running.
import { stopAllChildren } from "./child-processes.mjs";
import { formatDuration, note } from "./console-output.mjs";
import { stopLeftovers } from "./run-state.mjs";

const cleanups = [];
let stopping;
let cleanupsDone = false;

/** Thrown by `ensureRunning` once a stop began, so the main flow starts nothing new. */
export class StoppingError extends Error {
  constructor() {
    super("stopping");
    this.name = "StoppingError";
  }
}

export function isStopping() {
  return stopping !== undefined;
}

export function ensureRunning() {
  if (stopping) throw new StoppingError();
}

/** Registers how to stop something just started; run at once when the stop already happened. */
export function registerCleanup(name, stop) {
  if (cleanupsDone) {
    void stop();
    return;
  }
  cleanups.push({ name, stop });
}

/** Stops everything (once; later calls share the same promise). */
export function stopEverything() {
  stopping ??= (async () => {
    await stopAllChildren({ kind: "step", graceMs: 5_000 });
    const durations = [];
    for (const { name, stop } of cleanups.reverse()) {
      const startedAt = Date.now();
      try {
        await stop();
      } catch (error) {
        note(`stopping ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (name !== "run claim") durations.push(`${name} ${formatDuration(Date.now() - startedAt)}`);
    }
    cleanupsDone = true;
    await stopAllChildren({ graceMs: 5_000 });
    await stopLeftovers();
    if (durations.length > 0) note(`stopped: ${durations.join(", ")}`);
  })();
  return stopping;
}

/**
 * On SIGINT/SIGTERM/SIGHUP, or when the parent process dies, calls `onSignal` (which stops
 * everything and exits). A second signal while stopping only says so: dying then would leave
 * services behind.
 */
export function stopOnSignals(onSignal) {
  const handle = (reason) => {
    if (isStopping()) {
      note("still stopping the services, one moment…");
      return;
    }
    note(`${reason}: stopping everything`);
    void onSignal(reason);
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => handle(`${signal} received`));

  // `kill <pid of npm>` ends npm and its shell but never reaches this process; notice the
  // orphaning instead of leaving the services running.
  const parent = process.ppid;
  if (parent > 1) {
    setInterval(() => {
      if (process.ppid !== parent && !isStopping()) handle("the parent process (npm) ended");
    }, 500).unref();
  }

  // With the reader of our output gone, writing must not crash the run before it cleans up.
  process.stdout.on("error", () => {});
  process.stderr.on("error", () => {});
}
