/**
 * CSV and spreadsheet fields made safe to open: a text that begins with = + - @, a tab or a
 * carriage return is a formula to Excel, WPS and LibreOffice (OWASP "CSV injection"), so it gets a
 * leading apostrophe; numbers stay numbers. One place for every command that writes CSV or cells
 * with text taken from the reports (`extract`; `check --format csv` may share it).
 */

/** The characters that make a spreadsheet read a text field as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/u;

/** A text that a spreadsheet will show as text, never run as a formula. */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: numbers as they are, text neutralised and quoted when it must be. */
export function csvField(value: string | number | null | undefined): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = neutralizeFormula(value);
  return /[",\n\r]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}

/** One CSV line (CRLF-terminated, as Excel writes it). */
export function csvLine(values: readonly (string | number | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

/** The byte-order mark that makes Excel on Chinese Windows open a CSV as UTF-8. */
export const UTF8_BOM = "\ufeff";
