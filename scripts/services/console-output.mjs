// Console output of the harness: one-line notes, and the labels in front of each child's lines.

export const useColor = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
const labelWidth = 8;
const labelColors = new Map();
const palette = [36, 35, 33, 32, 34, 96, 95, 93];

/** An expected failure (missing tool, busy port...): printed as one line, never as a stack trace. */
export class HarnessError extends Error {
  constructor(message) {
    super(message);
    this.name = "HarnessError";
  }
}

export function paint(colorCode, text) {
  return useColor ? `\x1b[${colorCode}m${text}\x1b[0m` : text;
}

/** The coloured `name  │` in front of each line a child prints. */
export function label(name) {
  if (!labelColors.has(name)) labelColors.set(name, palette[labelColors.size % palette.length]);
  return paint(labelColors.get(name), `${name.padEnd(labelWidth)}│`);
}

export function note(message) {
  console.log(`${paint(1, "▸")} ${message}`);
}

export function warn(message) {
  console.log(`${paint(33, "!")} ${message}`);
}

export function failure(message) {
  console.error(`${paint(31, "✖")} ${message}`);
}

/** One line for any error: ours carry their own message; others get their first line only. */
export function describeError(error) {
  if (error instanceof HarnessError) return error.message;
  const text = error instanceof Error ? error.message : String(error);
  return text.split("\n")[0];
}

export function formatDuration(milliseconds) {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  const seconds = milliseconds / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
