// `npm run build`, skipped when nothing that goes into the build changed since the last one.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runChild } from "./child-processes.mjs";
import { HarnessError, note } from "./console-output.mjs";

// Folders that never go into the production build (or are rewritten by every run, like the
// generated Prisma client, whose source prisma/schema.prisma is fingerprinted instead).
const ignoredFolders = new Set([
  "node_modules",
  ".next",
  ".git",
  ".data",
  ".cache",
  ".ci",
  "e2e",
  "docs",
  "test-results",
  "playwright-report",
  "lib/generated",
  "scripts",
]);
const ignoredFile = /(\.test\.ts|\.md|\.tsbuildinfo|next-env\.d\.ts)$/;

function collect(root, relative, entries) {
  for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
    const child = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!ignoredFolders.has(child)) collect(root, child, entries);
    } else if (entry.isFile() && !ignoredFile.test(entry.name)) {
      const { size, mtimeMs } = statSync(path.join(root, child));
      entries.push(`${child}:${size}:${mtimeMs}`);
    }
  }
}

/** A fingerprint of every file the build reads, by path, size and modification time. */
function sourceFingerprint(root) {
  const entries = [`node ${process.version}`];
  collect(root, "", entries);
  return createHash("sha256").update(entries.sort().join("\n")).digest("hex");
}

/**
 * Builds the app unless `.next` already holds a build of exactly these sources. `env` must carry
 * AUTH_SECRET: collecting page data loads the auth module, which insists on it in production.
 */
export async function buildApp(root, { force = false, env = process.env } = {}) {
  const stampFile = path.join(root, ".next", "cookdroogers-build-fingerprint");
  const fingerprint = sourceFingerprint(root);
  const upToDate =
    !force &&
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (upToDate) {
    note("build: .next is up to date with the sources; not rebuilding (--rebuild forces it)");
    return { skipped: true, durationMs: 0 };
  }
  note("build: npm run build");
  const buildEnv = { ...env, NEXT_TELEMETRY_DISABLED: "1" };
  delete buildEnv.NODE_ENV; // next build sets production itself and warns about any other value
  const build = await runChild("build", "npm", ["run", "--silent", "build"], { cwd: root, env: buildEnv });
  if (!build.ok) throw new HarnessError(`npm run build failed (${build.exit}); see its output above`);
  writeFileSync(stampFile, fingerprint);
  return { skipped: false, durationMs: build.durationMs };
}
