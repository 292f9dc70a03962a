// Where a worker's CPU went: self time of a `node --cpu-prof` profile (as `npm run bench --
// --profile` writes them), grouped by package or project file, and the busiest functions.
// Usage: npx tsx scripts/bench/summarize-cpu-profile.ts <file.cpuprofile|folder> [--top=15]
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { formatTable, positiveInt } from "./format-results";

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

/** The package (node_modules/…), project file, or V8 / Node bucket a frame's time is charged to. */
export function groupOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const root = `${path.resolve(".")}/`;
  return url.replace(/^file:\/\//, "").replace(root, "");
}

export function summarize(profile: Profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000));
  const groups = new Map<string, number>();
  const functions = new Map<string, number>();
  let totalMs = 0;
  for (const [id, ms] of selfMs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalMs += ms;
    const group = groupOf(frame.url, frame.functionName);
    groups.set(group, (groups.get(group) ?? 0) + ms);
    const name = `${frame.functionName || "(anonymous)"} ${group}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
  return { totalMs, wallMs: (profile.endTime - profile.startTime) / 1000, groups: sorted(groups), functions: sorted(functions) };
}

function profileFiles(target: string): string[] {
  if (!statSync(target).isDirectory()) return [target];
  return readdirSync(target, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".cpuprofile"))
    .map((name) => path.join(target, name));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: "string", default: "15" } } });
  const top = positiveInt(values.top, "--top");
  for (const file of positionals.flatMap(profileFiles)) {
    const summary = summarize(JSON.parse(readFileSync(file, "utf8")) as Profile);
    const busyMs = summary.totalMs - (summary.groups.find(([group]) => group === "(idle)")?.[1] ?? 0);
    console.log(`\n${file}\nwall ${(summary.wallMs / 1000).toFixed(1)} s, on CPU ${(busyMs / 1000).toFixed(1)} s`);
    const share = (ms: number) => `${((ms / Math.max(1, busyMs)) * 100).toFixed(1)} %`;
    const busy = summary.groups.filter(([group]) => group !== "(idle)");
    console.log(formatTable(["where (self time)", "ms", "of CPU"], busy.slice(0, top).map(([group, ms]) => [group, ms.toFixed(0), share(ms)])));
    console.log(
      formatTable(
        ["function", "ms", "of CPU"],
        summary.functions.filter(([name]) => !name.startsWith("(idle)")).slice(0, top).map(([name, ms]) => [name, ms.toFixed(0), share(ms)]),
      ),
    );
  }
}
