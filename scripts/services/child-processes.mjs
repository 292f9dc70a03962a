// Starting, awaiting and stopping the harness's child processes, each in its own process group.
import { spawn } from "node:child_process";
import { prefixStream } from "./console-output.mjs";

/** Every child still running, so a signal handler can stop them all. */
const liveChildren = new Set();

/**
 * Starts a child in its own process group (so stopping it also stops what it started, such as
 * the node process behind `npm run`), with no stdin and its output prefixed by `name`.
 * `output: "inherit"` hands the terminal to the child instead (test runners draw their own);
 * `output: "captured"` keeps the output in `recentLines` without showing it.
 * `kind: "service"` marks long-running services, which are stopped last and in order.
 */
export function startChild(name, command, args, { cwd, env, output = "prefixed", kind = "step" } = {}) {
  const child = spawn(command, args, {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", output === "inherit" ? "inherit" : "pipe", output === "inherit" ? "inherit" : "pipe"],
  });
  const recentLines = [];
  if (output !== "inherit") {
    // "captured": kept for the caller (up to 500 lines), not shown.
    const streamOptions = output === "captured" ? { echo: false, keep: 500 } : {};
    prefixStream(child.stdout, name, recentLines, streamOptions);
    prefixStream(child.stderr, name, recentLines, streamOptions);
  }
  const handle = { name, kind, child, recentLines, exitCode: undefined, exitSignal: undefined };
  liveChildren.add(handle);
  handle.exited = new Promise((resolve) => {
    child.on("error", (error) => {
      recentLines.push(error.message);
      handle.exitCode = 127;
      liveChildren.delete(handle);
      resolve({ code: 127, signal: null });
    });
    child.on("exit", (code, signal) => {
      handle.exitCode = code ?? 1;
      handle.exitSignal = signal;
      liveChildren.delete(handle);
      resolve({ code: code ?? 1, signal });
    });
  });
  return handle;
}

/**
 * Runs a command to completion; resolves with its exit code and how long it took. Past
 * `timeoutMs` it is stopped and reported as `timedOut`.
 */
export async function runChild(name, command, args, { timeoutMs, ...options } = {}) {
  const startedAt = Date.now();
  const handle = startChild(name, command, args, options);
  let timedOut = false;
  const timer = timeoutMs
    ? setTimeout(() => {
        timedOut = true;
        void stopGroup(handle.child.pid, 10_000);
      }, timeoutMs)
    : undefined;
  const { code } = await handle.exited;
  clearTimeout(timer);
  await stopGroup(handle.child.pid, 2_000); // anything it left behind in its group
  return { code, timedOut, durationMs: Date.now() - startedAt, recentLines: handle.recentLines };
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const pause = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** SIGTERM to the whole group, then SIGKILL to whatever is left after `graceMs`. */
export async function stopGroup(pid, graceMs) {
  if (!pid || !groupAlive(pid)) return;
  signalGroup(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (groupAlive(pid) && Date.now() < deadline) await pause(100);
  if (groupAlive(pid)) {
    signalGroup(pid, "SIGKILL");
    while (groupAlive(pid) && Date.now() < deadline + 5_000) await pause(100);
  }
}

export async function stopChild(handle, graceMs = 10_000) {
  await stopGroup(handle.child.pid, graceMs);
  await Promise.race([handle.exited, pause(1_000)]);
}

/** Stops every child still running, or only those of one kind (used on Ctrl-C / SIGTERM). */
export async function stopAllChildren({ kind, graceMs = 10_000 } = {}) {
  const handles = [...liveChildren].filter((handle) => !kind || handle.kind === kind);
  await Promise.all(handles.map((handle) => stopChild(handle, graceMs)));
}
