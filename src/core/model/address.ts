/** A1 addresses: column letters ↔ indexes, cell and range addresses, sheet qualification. */

/** Thrown when an A1 address cannot be parsed (a programming or host error, not bad data). */
export class InvalidAddressError extends Error {
  constructor(readonly address: string) {
    super(`not an A1 cell address: ${address}`);
    this.name = "InvalidAddressError";
  }
}

/** Column letters for a zero-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Zero-based row and column of an A1 cell address ("$B$7" too). */
export function parseCellAddress(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/u.exec(address.trim());
  if (match === null) throw new InvalidAddressError(address);
  let column = 0;
  for (const ch of match[1]!.toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** The A1 address of a zero-based row and column. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A range address from zero-based corners ("B3:K30"; a single cell stays "B3"). */
export function rangeAddress(top: number, left: number, bottom: number, right: number): string {
  const start = cellAddress(top, left);
  const end = cellAddress(bottom, right);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet-qualified address, quoting the sheet name the way Excel does when needed. */
export function qualify(sheet: string, address: string): string {
  return `${sheetPrefix(sheet)}${address}`;
}

/** The last sheet's prefix: a table's cells are qualified one sheet at a time. */
let lastSheet: string | undefined;
let lastPrefix = "";

/** A sheet name as it stands before "!" in an address, with the "!". */
function sheetPrefix(sheet: string): string {
  if (sheet === lastSheet) return lastPrefix;
  const plain = /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/u.test(sheet);
  lastPrefix = `${plain ? sheet : `'${sheet.replace(/'/gu, "''")}'`}!`;
  lastSheet = sheet;
  return lastPrefix;
}

/** The absolute form of a cell address: D7 → $D$7. */
export function absoluteAddress(address: string): string {
  const { row, column } = parseCellAddress(address);
  return `$${columnLetters(column)}$${row + 1}`;
}

/** Splits "表三!D7" or "'a b'!D7" into sheet and address; undefined when it has no sheet. */
export function splitQualified(address: string): { sheet: string; address: string } | undefined {
  const at = address.lastIndexOf("!");
  if (at < 0) return undefined;
  const rawSheet = address.slice(0, at);
  const sheet =
    rawSheet.startsWith("'") && rawSheet.endsWith("'")
      ? rawSheet.slice(1, -1).replace(/''/gu, "'")
      : rawSheet;
  return { sheet, address: address.slice(at + 1) };
}
