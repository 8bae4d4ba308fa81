/**
 * An .xlsx file → one Grid per worksheet, for the core's table locator. Merged areas keep their
 * value in the top-left cell only (exceljs repeats it in every merged cell; those become null).
 * Formulas give their calculated value; where the file holds none (a workbook written by a program
 * that does not calculate), the template's simple formulas are evaluated here, and anything else
 * makes the file unreadable with a request to recalculate it in Excel.
 */
import ExcelJS from "exceljs";
import { cellAddress, qualify } from "../core/model/address";
import type { Grid, RawCell } from "../core/model/figures";
import { isPending, rawCellOf, type PendingFormula } from "./cell-value";
import { CorruptFileError, FileTooLargeError, NotRecalculatedError } from "./errors";
import { evaluateFormula } from "./formula";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";

/** What a workbook holds for the checker: its sheets as grids, and its document title if any. */
export interface WorkbookContent {
  readonly grids: Grid[];
  /** The workbook's title property (File › Properties), where our template writes the report title. */
  readonly title?: string;
}

interface SheetCells {
  readonly name: string;
  readonly cells: Map<number, Map<number, RawCell | PendingFormula>>;
  readonly formulas: Map<string, string>;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Worksheet parts the checker never looks at, skipped while parsing: formats, validation, print and
 * drawing settings. Cell values, merges and sheet names are all it needs.
 */
const IGNORED_NODES = [
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "picture",
  "drawing",
  "tableParts",
  "autoFilter",
  "sheetProtection",
  "extLst",
];

/** Loads an exceljs workbook from bytes, turning a parse failure into CorruptFileError. */
export async function loadWorkbook(file: string, bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's types ask for a Node Buffer; a Buffer view over the same memory avoids a copy.
    const buffer = Buffer.from(
      bytes.buffer,
      bytes.byteOffset,
      bytes.byteLength,
    ) as unknown as ArrayBuffer;
    await workbook.xlsx.load(buffer, { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    throw new CorruptFileError(file, error instanceof Error ? error.message : String(error), {
      cause: error,
    });
  }
  return workbook;
}

function collectSheet(sheet: ExcelJS.Worksheet): SheetCells {
  const collected: SheetCells = {
    name: sheet.name,
    cells: new Map(),
    formulas: new Map(),
    top: Infinity,
    left: Infinity,
    bottom: -1,
    right: -1,
  };
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = rawCellOf(cell.value);
      if (raw === null || raw === "") return;
      const r = rowNumber - 1;
      const c = columnNumber - 1;
      let line = collected.cells.get(r);
      if (line === undefined)
        collected.cells.set(r, (line = new Map<number, RawCell | PendingFormula>()));
      if (isPending(raw)) {
        // For a shared formula, exceljs's `formula` getter gives this cell's own translated formula.
        const own =
          typeof cell.formula === "string" && cell.formula !== "" ? cell.formula : raw.formula;
        line.set(c, { pending: true, formula: own });
      } else {
        line.set(c, raw);
      }
      collected.top = Math.min(collected.top, r);
      collected.bottom = Math.max(collected.bottom, r);
      collected.left = Math.min(collected.left, c);
      collected.right = Math.max(collected.right, c);
    });
  });
  return collected;
}

/** Replaces pending formulas by their evaluated values; throws when one cannot be evaluated. */
function resolvePending(file: string, sheets: readonly SheetCells[]): void {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const failed: string[] = [];
  const visiting = new Set<string>();
  const resolve = (sheet: SheetCells, row: number, column: number): RawCell | undefined => {
    const value = sheet.cells.get(row)?.get(column);
    if (value === undefined) return null;
    if (!isPending(value)) return value;
    const key = `${sheet.name}!${row},${column}`;
    if (visiting.has(key)) return undefined;
    visiting.add(key);
    const result = evaluateFormula(value.formula, (name, r, c) => {
      const target = name === undefined ? sheet : byName.get(name);
      if (target === undefined) return undefined;
      const v = resolve(target, r, c);
      if (v === undefined) throw new UnresolvedReference();
      return v;
    });
    visiting.delete(key);
    if (result === undefined) return undefined;
    sheet.cells.get(row)!.set(column, result);
    return result;
  };
  for (const sheet of sheets) {
    for (const [row, line] of sheet.cells) {
      for (const [column, value] of line) {
        if (!isPending(value)) continue;
        let result: RawCell | undefined;
        try {
          result = resolve(sheet, row, column);
        } catch (error) {
          if (!(error instanceof UnresolvedReference)) throw error;
          result = undefined;
        }
        if (result === undefined) failed.push(qualify(sheet.name, cellAddress(row, column)));
      }
    }
  }
  if (failed.length > 0) throw new NotRecalculatedError(file, failed);
}

/** Raised inside the evaluator's look-up when a referenced formula cannot be evaluated either. */
class UnresolvedReference extends Error {}

function toGrid(sheet: SheetCells): Grid {
  if (sheet.bottom < 0) return { sheet: sheet.name, origin: "A1", values: [] };
  const width = sheet.right - sheet.left + 1;
  const values: RawCell[][] = [];
  for (let r = sheet.top; r <= sheet.bottom; r++) {
    const line = Array<RawCell>(width).fill(null);
    for (const [c, v] of sheet.cells.get(r) ?? []) line[c - sheet.left] = isPending(v) ? null : v;
    values.push(line);
  }
  return { sheet: sheet.name, origin: cellAddress(sheet.top, sheet.left), values };
}

/** The grids of a loaded workbook (worksheets only, in tab order; hidden sheets included). */
export function workbookGrids(
  file: string,
  workbook: ExcelJS.Workbook,
  limits: ReadLimits = DEFAULT_LIMITS,
): Grid[] {
  const sheets: SheetCells[] = [];
  for (const sheet of workbook.worksheets) {
    const collected = collectSheet(sheet);
    const cells =
      collected.bottom < 0
        ? 0
        : (collected.bottom - collected.top + 1) * (collected.right - collected.left + 1);
    if (cells > limits.maxSheetCells)
      throw new FileTooLargeError(file, cells, limits.maxSheetCells);
    sheets.push(collected);
  }
  resolvePending(file, sheets);
  return sheets.map(toGrid);
}

/** Reads an .xlsx file's bytes into grids. */
export async function readWorkbook(
  file: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<WorkbookContent> {
  const workbook = await loadWorkbook(file, bytes);
  const grids = workbookGrids(file, workbook, limits);
  const title = workbook.title;
  return {
    grids,
    ...(typeof title === "string" && title.trim() !== "" ? { title: title.trim() } : {}),
  };
}
