/**
 * CSV fields as Excel and WPS read them, safe against formula injection: a subordinate unit
 * controls its file names and its report's text, so a field that a spreadsheet would take for a
 * formula is neutralised by the OWASP rule (a leading apostrophe). Shared by every CSV we write.
 */

/** Characters that make a spreadsheet read a field as a formula when they come first (OWASP). */
const FORMULA_START = /^[=+\-@\t\r]/u;

/**
 * A value with a leading `'` when it begins with `=`, `+`, `-`, `@`, tab or CR, else the value
 * itself. Cannot tell a real negative number from a formula: pass numbers through csvLine as
 * numbers, not as text, when they must stay numbers.
 */
export function neutraliseCsvField(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One field: text is neutralised, then quoted when it holds a quote, a comma or a line break; a
 * number is written as a number (a negative figure stays a figure); absent is an empty field.
 */
function csvField(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutraliseCsvField(value);
  return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One CSV record, ending in CRLF (RFC 4180). Every text field is neutralised. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

/** The byte-order mark that makes Excel on Chinese Windows open a CSV as UTF-8. */
export const UTF8_BOM = "\ufeff";
