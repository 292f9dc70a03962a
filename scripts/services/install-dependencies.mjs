// Installs node_modules when missing or behind package-lock.json, and generates the Prisma client.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { runChild } from "./child-processes.mjs";
import { HarnessError, note } from "./console-output.mjs";

/**
 * Compares package-lock.json with npm's record of what is installed
 * (node_modules/.package-lock.json). Optional packages for other platforms are never installed,
 * so only their versions are compared when present.
 */
export function dependenciesState(root) {
  const installedFile = path.join(root, "node_modules", ".package-lock.json");
  if (!existsSync(path.join(root, "node_modules"))) return { fresh: false, reason: "node_modules is missing" };
  if (!existsSync(installedFile)) return { fresh: false, reason: "node_modules was not installed by npm" };
  const wanted = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")).packages ?? {};
  const installed = JSON.parse(readFileSync(installedFile, "utf8")).packages ?? {};
  for (const [location, entry] of Object.entries(wanted)) {
    if (!location || entry.link) continue;
    const present = installed[location];
    if (!present) {
      if (entry.optional) continue;
      return { fresh: false, reason: `${location.replace(/^node_modules\//, "")} is not installed` };
    }
    if (entry.version && present.version !== entry.version) {
      return { fresh: false, reason: `${location.replace(/^node_modules\//, "")} is ${present.version}, the lock file wants ${entry.version}` };
    }
    if (!existsSync(path.join(root, location))) {
      return { fresh: false, reason: `${location.replace(/^node_modules\//, "")} is missing from disk` };
    }
  }
  return { fresh: true };
}

/**
 * `npm ci` when node_modules is missing or stale. Should npm ci refuse — as it does when the
 * registry lacks some other platform's optional package that the lock file therefore omits —
 * `npm install --no-save` installs the same locked versions and leaves the lock file untouched.
 */
export async function ensureDependencies(root, timings) {
  const state = dependenciesState(root);
  if (!state.fresh) {
    note(`installing npm packages (${state.reason}): npm ci`);
    // `npm --silent test` hands its log level down; an install's errors must stay visible.
    const env = { ...process.env, npm_config_update_notifier: "false" };
    delete env.npm_config_loglevel;
    const install = await runChild("npm ci", "npm", ["ci", "--no-audit", "--no-fund"], { cwd: root, env, output: "captured" });
    timings.push(["npm ci", install.durationMs]);
    if (install.code === 0) note("npm ci: done");
    else {
      const reason =
        install.recentLines.map((line) => line.replace(/^npm error\s*/, "")).find((line) => line && !/^code /.test(line) && !/^npm warn/.test(line)) ??
        `exit ${install.code}`;
      note(`npm ci refused: ${reason}`);
      note("installing the locked versions with npm install --no-save instead (package-lock.json stays as it is)");
      const fallback = await runChild("npm i", "npm", ["install", "--no-save", "--no-audit", "--no-fund"], { cwd: root, env });
      timings.push(["npm install", fallback.durationMs]);
      if (fallback.code !== 0) throw new HarnessError(`npm ci and npm install both failed (exit ${fallback.code}); see their output above`);
    }
  }
  const generate = await runChild("prisma", "npm", ["run", "--silent", "prisma:generate"], { cwd: root, env: process.env });
  timings.push(["prisma generate", generate.durationMs]);
  if (generate.code !== 0) throw new HarnessError(`npm run prisma:generate failed (exit ${generate.code}); see its output above`);
}
