// The harness's child processes (execa): each in its own process group, so that stopping one also
// stops what it started (the node process behind `npm run`, a test runner's workers). execa and
// p-wait-for are imported on first use: the harness starts before node_modules exists.
import { setTimeout as delay } from "node:timers/promises";
import { HarnessError, label } from "./console-output.mjs";

/** Every child still running, so that a stop can end them all. */
const liveChildren = new Set();

/**
 * Starts a child with no stdin. `output: "prefixed"` shows each of its lines behind `name` (the
 * last 30 stay in `recentLines` for error messages), rewritten by `formatLine` when given (which
 * may make several lines of one); `"inherit"` hands it the terminal (test runners draw their own). `kind: "service"` marks long-running services, stopped after the steps.
 * Past `timeoutMs` it gets SIGTERM, and SIGKILL 10 s later. `exited` resolves with
 * `{ ok, exit, timedOut, durationMs }`, `exit` saying how it ended ("exit 1", "killed by SIGTERM").
 */
export async function startChild(name, command, args, { cwd, env = process.env, output = "prefixed", kind = "step", timeoutMs, formatLine } = {}) {
  const { execa } = await import("execa");
  const recentLines = [];
  const prefix = function* (line) {
    recentLines.push(line);
    if (recentLines.length > 30) recentLines.shift();
    for (const shown of (formatLine ? formatLine(line) : line).split("\n")) yield `${label(name)} ${shown}`;
  };
  const stream = output === "inherit" ? "inherit" : [prefix, "inherit"];
  const subprocess = execa(command, args, {
    cwd,
    env,
    extendEnv: false,
    detached: true,
    stdin: "ignore",
    stdout: stream,
    stderr: stream,
    buffer: false,
    reject: false,
    timeout: timeoutMs,
    forceKillAfterDelay: 10_000,
  });
  const handle = { name, kind, pid: subprocess.pid, recentLines, exit: undefined };
  liveChildren.add(handle);
  subprocess.once("exit", (code, signal) => {
    handle.exit = code === null ? `killed by ${signal}` : `exit ${code}`;
    void stopGroup(subprocess.pid, 2_000); // what it left in its group, which may hold its output open
  });
  handle.exited = subprocess.then((result) => {
    liveChildren.delete(handle);
    handle.exit ??= result.originalMessage ?? "did not start"; // e.g. "spawn npm ENOENT"
    return { ok: !result.failed, exit: handle.exit, timedOut: Boolean(result.timedOut), durationMs: result.durationMs };
  });
  return handle;
}

/** Runs a child to completion: `startChild`'s options, `exited`'s result. */
export async function runChild(name, command, args, options) {
  return (await startChild(name, command, args, options)).exited;
}

/**
 * Resolves once `isReady()` is true. When the child exits first or `timeoutMs` passes, stops it and
 * throws, naming it `what` ("Kafka: the broker").
 */
export async function awaitReady(handle, isReady, { what, timeoutMs, interval = 250 }) {
  const { default: pWaitFor } = await import("p-wait-for");
  const check = async () => {
    if (handle.exit !== undefined) {
      const lastLine = handle.recentLines.filter(Boolean).at(-1);
      throw new HarnessError(`${what} stopped while starting (${handle.exit})${lastLine ? `: ${lastLine}` : "; see its output above"}`);
    }
    return isReady();
  };
  const timeout = { milliseconds: timeoutMs, message: new HarnessError(`${what} did not answer within ${timeoutMs / 1000} s`) };
  try {
    await pWaitFor(check, { interval, timeout });
  } catch (error) {
    await stopChild(handle, 5_000);
    throw error;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // no such group (any more)
  }
}

/** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. */
async function stopGroup(pid, graceMs) {
  if (!pid || !signalGroup(pid, "SIGTERM")) return;
  const { default: pWaitFor } = await import("p-wait-for");
  const gone = () => !signalGroup(pid, 0);
  try {
    await pWaitFor(gone, { interval: 100, timeout: graceMs });
  } catch {
    signalGroup(pid, "SIGKILL");
    await pWaitFor(gone, { interval: 100, timeout: 5_000 }).catch(() => {});
  }
}

export async function stopChild(handle, graceMs = 10_000) {
  await stopGroup(handle.pid, graceMs);
  await Promise.race([handle.exited, delay(1_000)]);
}

/** Stops every child still running, or only those of one kind (used on Ctrl-C / SIGTERM). */
export async function stopAllChildren({ kind, graceMs = 10_000 } = {}) {
  const handles = [...liveChildren].filter((handle) => !kind || handle.kind === kind);
  await Promise.all(handles.map((handle) => stopChild(handle, graceMs)));
}
