// Installs node_modules with `npm ci` when missing or behind package-lock.json, and generates the
// Prisma client. npm ci runs through Node's own spawn: execa is not installed before it.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import readline from "node:readline";
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
 * Runs npm in `root` with its output shown, but for the usage text npm appends to a refusal;
 * resolves with its exit code and what it wrote on stderr.
 */
function runNpm(root, args) {
  // `npm --silent test` hands its log level down; an install's errors must stay visible.
  const env = { ...process.env, npm_config_update_notifier: "false" };
  delete env.npm_config_loglevel;
  return new Promise((resolve) => {
    const npm = spawn("npm", args, { cwd: root, env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    let inUsage = false;
    readline.createInterface({ input: npm.stderr }).on("line", (line) => {
      stderr += `${line}\n`;
      inUsage = (inUsage || /^npm error Clean install a project/.test(line)) && !/^npm error A complete log/.test(line);
      if (!inUsage) console.error(line);
    });
    npm.on("error", (error) => resolve({ code: 127, stderr: error.message }));
    npm.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });
}

/** Why npm ci refused: the lock file says how to fix it; anything else points at npm's output. */
function npmFailure(command, result) {
  if (/in sync/.test(result.stderr)) {
    return (
      "package-lock.json is incomplete or not in sync with package.json (npm names what is missing above): " +
      "run `npm install --package-lock-only`, check the diff and commit package-lock.json"
    );
  }
  return `${command} failed (exit ${result.code}); see its output above`;
}

/**
 * `npm ci` when node_modules is missing or stale: the lock file is the only source of versions, so
 * one that is incomplete or behind package.json is an error to fix, never worked around.
 */
export async function ensureDependencies(root, timings) {
  const state = dependenciesState(root);
  if (!state.fresh) {
    note(`installing npm packages (${state.reason}): npm ci`);
    const startedAt = Date.now();
    const install = await runNpm(root, ["ci", "--no-audit", "--no-fund"]);
    timings.push(["npm ci", Date.now() - startedAt]);
    if (install.code !== 0) throw new HarnessError(npmFailure("npm ci", install));
  }
  const generate = await runChild("prisma", "npm", ["run", "--silent", "prisma:generate"], { cwd: root });
  timings.push(["prisma generate", generate.durationMs]);
  if (!generate.ok) throw new HarnessError(`npm run prisma:generate failed (${generate.exit}); see its output above`);
}

/** Whether `npm ci` accepts package-lock.json as it is (complete, in sync); installs nothing. */
export async function checkLockFile(root) {
  const check = await runNpm(root, ["ci", "--dry-run", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"]);
  return check.code === 0 ? { ok: true } : { ok: false, reason: npmFailure("npm ci --dry-run", check) };
}
