// One harness run per purpose (start, test) at a time, and cleanup of what a run left behind: a
// crashed run's processes, or what this run's children started and did not stop.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { HarnessError, note } from "./console-output.mjs";

// Every child inherits this variable; it is how the processes of a dead run are recognised
// (only those, never someone else's server with a similar command line).
export const runMarkerVariable = "COOKDROOGERS_RUN";

function readProcFile(pid, name) {
  try {
    return readFileSync(`/proc/${pid}/${name}`, "utf8");
  } catch {
    return undefined;
  }
}

function processStartTime(pid) {
  const stat = readProcFile(pid, "stat");
  if (!stat) return undefined;
  // Field 22 (start time) counted after the ")" that closes the command name.
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
}

function pidsWithMarker(marker) {
  const wanted = `${runMarkerVariable}=${marker}`;
  const pids = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    const environment = readProcFile(entry, "environ");
    if (!environment || !environment.split("\0").includes(wanted)) continue;
    // PostgreSQL is stopped through pg_ctl by provide-postgres.mjs, which knows its data directory.
    if ((readProcFile(entry, "comm") ?? "").trim() === "postgres") continue;
    pids.push(Number(entry));
  }
  return pids;
}

const pause = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** Sends `signal` to `pid`; false when there is no such process (any more). */
function signalPid(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM, up to 10 s to exit, then SIGKILL for the rest. */
async function stopPids(pids) {
  for (const pid of pids) signalPid(pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (pids.some((pid) => signalPid(pid, 0)) && Date.now() < deadline) await pause(200);
  for (const pid of pids) signalPid(pid, "SIGKILL");
}

/**
 * Claims `purpose` for this process: refuses when another live run holds it, stops the processes
 * a crashed earlier run left behind, and marks this run's children. Returns a release function.
 */
export async function claimRun(root, purpose) {
  const directory = path.join(root, ".data", "run");
  const file = path.join(directory, `${purpose}.json`);
  mkdirSync(directory, { recursive: true });

  let previous;
  try {
    previous = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    previous = undefined;
  }
  if (previous) {
    const ownerAlive = processStartTime(previous.pid) === previous.startTime;
    if (ownerAlive) {
      throw new HarnessError(
        `another \`npm ${purpose === "start" ? "start" : "test"}\` is running in this directory (pid ${previous.pid}); stop it first`,
      );
    }
    const orphans = pidsWithMarker(previous.marker);
    if (orphans.length > 0) {
      note(`stopping ${orphans.length} process(es) left by an earlier run that did not finish (pids ${orphans.join(", ")})`);
      await stopPids(orphans);
    }
  }

  const startTime = processStartTime(process.pid);
  const marker = `${purpose}-${process.pid}-${startTime}`;
  writeFileSync(file, JSON.stringify({ pid: process.pid, startTime, marker }, null, 2));
  process.env[runMarkerVariable] = marker;
  return () => rmSync(file, { force: true });
}

/** Stops what this run's children left running, e.g. a broker started by a test file that was killed. */
export async function stopLeftovers() {
  const marker = process.env[runMarkerVariable];
  const leftovers = marker ? pidsWithMarker(marker) : [];
  if (leftovers.length === 0) return;
  note(`stopping ${leftovers.length} process(es) this run's children left behind (pids ${leftovers.join(", ")})`);
  await stopPids(leftovers);
}
