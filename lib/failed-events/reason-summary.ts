// How a stored failure reason is shown on the admin's list (docs/domain.md §10 "Failed events",
// §11 "Bad input"): its last line, which says what went wrong (a database error's message comes
// after the code that ran into it), without what only an operator needs — file paths, stack
// frames, driver and connection codes. The whole text stays on the row and in the worker's log
// line, which names the event id the page shows. Pure.
const REASON_SHOWN_MAX = 300;

const plainWords: [RegExp, string][] = [
  [/\S*\/\S+:\d+(?::\d+)?\)?/g, "…"],
  [/\bat \S+ \(…/g, "…"],
  [/\bECONNREFUSED\b/g, "connection refused"],
  [/\bECONNRESET\b/g, "connection reset"],
  [/\bECONN\w*/g, "connection failed"],
  [/\b\w*prisma\w*\b/gi, "database"],
  [/\b\w*postgres\w*\b/gi, "database"],
  [/Invalid `/g, "Invalid "],
];

export function reasonSummary(reason: string): string {
  const lines = reason.split("\n").map((line) => line.trim()).filter(Boolean);
  let shown = lines.at(-1) ?? "";
  for (const [pattern, words] of plainWords) shown = shown.replace(pattern, words);
  return Array.from(shown).length > REASON_SHOWN_MAX ? `${Array.from(shown).slice(0, REASON_SHOWN_MAX - 1).join("")}…` : shown;
}
