// `npm start` only: the JSON log lines of the web app and the worker (decision 016) shown as
// readable text behind their label. The processes themselves always write JSON; anything that
// is not one of their log lines (Next.js's own banner, a stack trace) passes unchanged.
import { useColor } from "./console-output.mjs";

/** A line formatter for `startChild`'s `formatLine`; pino-pretty is loaded on first use (after the install step). */
export async function prettyLogLines() {
  const { prettyFactory } = await import("pino-pretty");
  const pretty = prettyFactory({
    colorize: useColor,
    translateTime: "SYS:HH:MM:ss.l",
    // The label in front of each line already says which process wrote it.
    ignore: "pid,hostname,service",
    singleLine: true,
  });
  return (line) => {
    if (!line.startsWith("{")) return line;
    let entry;
    try {
      entry = JSON.parse(line);
    } catch {
      return line;
    }
    if (typeof entry !== "object" || entry === null || typeof entry.level !== "number" || !("msg" in entry)) return line;
    return pretty(entry).replace(/\n$/, "");
  };
}
