// The statistics stand-in (scripts/stats-service/server.ts), run beside the app when no
// STATS_SERVICE_URL points elsewhere.
import path from "node:path";
import { awaitReady, startChild, stopChild } from "./child-processes.mjs";
import { note } from "./console-output.mjs";
import { findFreePort } from "./find-free-port.mjs";

/** Starts the stand-in on `preferredPort` (or a free port when that one is taken) once it answers. */
export async function startStatsService(root, preferredPort) {
  const port = await findFreePort(preferredPort);
  const url = `http://127.0.0.1:${port}`;
  const service = await startChild("stats", path.join(root, "node_modules", ".bin", "tsx"), ["scripts/stats-service/server.ts"], {
    cwd: root,
    env: { ...process.env, STATS_SERVICE_PORT: String(port) },
    kind: "service",
  });
  // Any HTTP answer means it listens.
  const answers = () => fetch(url, { signal: AbortSignal.timeout(1_000) }).then(() => true, () => false);
  await awaitReady(service, answers, { what: "statistics stand-in", timeoutMs: 30_000, interval: 200 });
  note(`statistics stand-in: ${url}`);
  return { url, handle: service, stop: () => stopChild(service, 5_000) };
}
