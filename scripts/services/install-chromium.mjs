// Debian's Chromium for the browser tests (Playwright cannot download its own browser here).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { runChild } from "./child-processes.mjs";
import { note, warn } from "./console-output.mjs";

export const chromiumPath = "/usr/bin/chromium";

/** Installs the chromium package when missing; returns whether the browser is there. */
export async function ensureChromium(timings) {
  if (existsSync(chromiumPath)) return true;
  const isRoot = process.getuid?.() === 0;
  const hasAptGet = !spawnSync("apt-get", ["--version"], { stdio: "ignore" }).error;
  if (!isRoot || !hasAptGet) {
    warn(`${chromiumPath} is missing and cannot be installed here (needs root and apt-get): run \`apt-get install -y chromium\``);
    return false;
  }
  note(`installing Debian chromium for the browser tests (${chromiumPath} is missing)`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = await runChild("apt", "apt-get", ["update", "-q"], { env });
  const install = update.ok ? await runChild("apt", "apt-get", ["install", "-y", "-q", "chromium"], { env }) : update;
  timings.push(["chromium install", update.durationMs + (install === update ? 0 : install.durationMs)]);
  if (!install.ok) {
    warn(`installing chromium failed (apt-get ${install.exit}); the browser tests cannot run`);
    return false;
  }
  if (!existsSync(chromiumPath)) {
    warn(`apt-get installed chromium, yet ${chromiumPath} is missing; the browser tests cannot run`);
    return false;
  }
  return true;
}
