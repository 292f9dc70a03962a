// The statistics stand-in (scripts/stats-service/server.ts), run beside the app when no
// STATS_SERVICE_URL points elsewhere.
import { existsSync } from "node:fs";
import path from "node:path";
import { startChild, stopChild } from "./child-processes.mjs";
import { HarnessError, note } from "./console-output.mjs";
import { findFreePort, portAnswers } from "./find-free-port.mjs";

const pause = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/**
 * Starts the stand-in on `preferredPort` (or a free port when that one is taken) and waits until it
 * accepts connections. Returns undefined when the stand-in does not exist (yet).
 */
export async function startStatsService(root, preferredPort) {
  const serverFile = path.join(root, "scripts", "stats-service", "server.ts");
  if (!existsSync(serverFile)) {
    note("statistics stand-in: scripts/stats-service/server.ts does not exist; not started");
    return undefined;
  }
  const port = await findFreePort(preferredPort);
  const service = startChild("stats", path.join(root, "node_modules", ".bin", "tsx"), [serverFile], {
    cwd: root,
    env: { ...process.env, STATS_SERVICE_PORT: String(port) },
    kind: "service",
  });
  const deadline = Date.now() + 30_000;
  while (!(await portAnswers(port))) {
    if (service.exitCode !== undefined) {
      throw new HarnessError(`statistics stand-in stopped while starting (exit ${service.exitCode}); see its output above`);
    }
    if (Date.now() > deadline) {
      await stopChild(service, 3_000);
      throw new HarnessError(`statistics stand-in did not listen on port ${port} within 30 s`);
    }
    await pause(200);
  }
  const url = `http://127.0.0.1:${port}`;
  note(`statistics stand-in: ${url}`);
  return { url, handle: service, stop: () => stopChild(service, 5_000) };
}
