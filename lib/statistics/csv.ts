// CSV writing (RFC 4180): header row, every field quoted, CRLF line ends, UTF-8 with a BOM.

export type CsvValue = string | number | null | undefined;

/** Leading characters that make spreadsheets evaluate a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: quotes doubled and the whole field quoted, so commas, quotes and line breaks
 * inside values stay inside. Text that a spreadsheet would run as a formula gets a leading
 * apostrophe (CSV injection); numbers are written as they are.
 */
export function escapeCsvField(value: CsvValue): string {
  if (value === null || value === undefined) return '""';
  const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The BOM lets spreadsheet programs recognise UTF-8 (accents in names and titles). */
export const CSV_BOM = "\uFEFF";

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(escapeCsvField).join(","));
  return `${CSV_BOM}${lines.join("\r\n")}\r\n`;
}
