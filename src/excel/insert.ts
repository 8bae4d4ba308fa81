/**
 * Inserts report tables by carrying out the core's template plan: texts and formulas, merges,
 * borders, widths, number formats, unlocked and tinted input cells, data validation, a sheet-scoped
 * name per table and the format stamp. Two syncs: one to look (target cells, names, protection),
 * one to write. It never writes over a non-empty cell: it refuses and names the cells instead.
 */
import { cellAddress, parseCellAddress } from "../core/model/address";
import type { TableId } from "../core/model/tables";
import type { Locale } from "../core/locales/locale";
import { planTemplate, type PlannedCell, type PlannedTable } from "../core/template/plan";
import {
  expandAreas,
  groupRectangles,
  parseRect,
  rectAddress,
  splitAreas,
  splitQualified,
  type Rect,
} from "./addresses";
import {
  atBoundary,
  officeErrorCode,
  SheetProtectedError,
  WorkbookProtectedError,
  TableExistsError,
  TargetMergedError,
  TargetNotEmptyError,
} from "./errors";
import { onSingleSelection } from "./selection";
import type {
  HostCapabilities,
  HostCellValue,
  HostContext,
  HostRange,
  HostWorksheet,
  RunBatch,
} from "./host";

export interface InsertOptions {
  readonly tables: readonly TableId[];
  /** A new sheet (default), or from the top-left cell of the selection. */
  readonly target: "new-sheet" | "selection";
  readonly totalsAsFormulas: boolean;
  readonly locale: Locale;
  /** The new sheet's name; a number is added when it is taken. */
  readonly sheetName?: string;
}

export interface InsertedTable {
  readonly table: TableId;
  readonly name: string;
  /** The table's range on the sheet ("A1:D16"). */
  readonly range: string;
}

export interface InsertResult {
  readonly sheet: string;
  readonly tables: readonly InsertedTable[];
}

/** Colours of the template (Fluent neutrals; input cells a light yellow so they stand out). */
export const TEMPLATE_COLOURS = {
  header: "#F3F2F1",
  input: "#FFF9DB",
  total: "#EDEBE9",
  stamp: "#605E5C",
} as const;

/** The largest number of non-empty cells named in a refusal. */
const NAMED_CELLS = 8;

/** Excel column width in points for a width in characters (Calibri 11: 7 px a character + 5 px). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** The plan's footprint: rows and columns from the first table's top-left. */
function footprint(tables: readonly TableId[]): { rows: number; columns: number } {
  const plans = planTemplate(tables, { row: 0, column: 0 });
  let rows = 0;
  let columns = 0;
  for (const p of plans) {
    const rect = parseRect(p.range);
    rows = Math.max(rows, rect.bottom + 1);
    columns = Math.max(columns, rect.right + 1);
  }
  return { rows, columns };
}

/** Picks "name", "name (2)", … not among `taken` (Excel compares sheet names case-insensitively). */
export function uniqueSheetName(name: string, taken: readonly string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name} (${i})`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Adds a new sheet named `base`, or `base (2)`… when that is taken (one sync to read the names):
 * what the add-in writes on a sheet of its own never lands on one of the user's.
 */
export async function addFreshSheet(
  context: HostContext,
  base: string,
): Promise<{ readonly sheet: HostWorksheet; readonly name: string }> {
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const name = uniqueSheetName(
    base,
    sheets.items.map((s) => s.name),
  );
  return { sheet: context.workbook.worksheets.add(name), name };
}

/** Inserts the tables; throws TargetNotEmptyError (and writes nothing) when a target cell is used. */
export async function insertTemplates(
  run: RunBatch,
  options: InsertOptions,
  capabilities: HostCapabilities,
): Promise<InsertResult> {
  let sheetName: string | undefined;
  const batch = (context: HostContext): Promise<InsertResult> => insertIn(context);
  const insertIn = async (context: HostContext): Promise<InsertResult> => {
    const size = footprint(options.tables);
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    let sheet: HostWorksheet;
    let origin = { row: 0, column: 0 };
    if (options.target === "selection") {
      const selected = workbook.getSelectedRange().getCell(0, 0);
      selected.load("rowIndex,columnIndex");
      // The selection is always on the active sheet.
      sheet = workbook.worksheets.getActiveWorksheet();
      sheet.load("name");
      sheet.protection.load("protected");
      const names = sheet.names.load("items/name");
      const area = selected.getResizedRange(size.rows - 1, size.columns - 1);
      area.load("formulas");
      const merged = capabilities.mergedAreas
        ? area.getMergedAreasOrNullObject().load("address")
        : undefined;
      await context.sync();

      sheetName = sheet.name;
      origin = { row: selected.rowIndex, column: selected.columnIndex };
      // eslint-disable-next-line office-addins/load-object-before-read -- loaded above through sheet.protection.load("protected"), which the rule does not follow
      if (sheet.protection.protected) throw new SheetProtectedError(sheet.name);
      const used = nonEmptyCells(area.formulas, origin);
      if (used.length > 0)
        throw new TargetNotEmptyError(sheet.name, used.slice(0, NAMED_CELLS), used.length);
      if (merged !== undefined && !merged.isNullObject) {
        throw new TargetMergedError(
          sheet.name,
          splitAreas(merged.address).map((a) => splitQualified(a).local),
        );
      }
      const wanted = planTemplate(options.tables).map((p) => p.name.toLowerCase());
      const clash = names.items.map((n) => n.name).filter((n) => wanted.includes(n.toLowerCase()));
      if (clash.length > 0) throw new TableExistsError(sheet.name, clash);
    } else {
      await context.sync();
      sheetName = uniqueSheetName(
        options.sheetName ?? "年报表格",
        sheets.items.map((s) => s.name),
      );
      sheet = workbook.worksheets.add(sheetName);
    }

    const plans = planTemplate(options.tables, {
      row: origin.row,
      column: origin.column,
      totalsAsFormulas: options.totalsAsFormulas,
      locale: options.locale,
    });
    // No suspendApiCalculationUntilNextSync here: it leaves recalculation to the caller
    // (index.d.ts 36589), and the totals written here would show stale values.
    for (const plan of plans) writeTable(sheet, plan, options.target === "new-sheet");
    if (options.target === "new-sheet") {
      setColumnWidths(sheet, plans);
      setMergedRowHeights(sheet, plans);
    }
    sheet.activate();
    const first = plans[0]!.cells.find((c) => c.role === "input");
    if (first !== undefined) sheet.getRange(first.address).select();
    try {
      await context.sync();
    } catch (error) {
      // A new sheet refused with AccessDenied: the workbook's structure is protected (a
      // new sheet itself cannot be protected), which needs other advice than a sheet.
      if (options.target === "new-sheet" && officeErrorCode(error) === "AccessDenied")
        throw new WorkbookProtectedError({ cause: error });
      await undoPartialInsert(context, sheet, plans, options.target);
      throw error;
    }
    return {
      sheet: sheetName,
      tables: plans.map((p) => ({ table: p.table, name: p.name, range: p.range })),
    };
  };
  return atBoundary(
    "insert",
    () =>
      options.target === "selection"
        ? onSingleSelection(run, capabilities, () => run(batch))
        : run(batch),
    () => sheetName,
  );
}

/**
 * After Excel stopped part-way through the write: a new sheet is deleted; in a user's sheet the
 * contents written, the merges, the validations and the table names made are removed (the target
 * held no content and none of those names before; formats on its empty cells may remain), so the
 * insertion can be retried. Two syncs (the names are looked up first: deleting a name that was
 * never added would fail the batch). Best effort: a failure here leaves the first error to report.
 */
async function undoPartialInsert(
  context: HostContext,
  sheet: HostWorksheet,
  plans: readonly PlannedTable[],
  target: InsertOptions["target"],
): Promise<void> {
  try {
    if (target === "new-sheet") sheet.delete();
    else {
      const names = sheet.names.load("items/name");
      await context.sync();
      const added = new Set(plans.map((p) => p.name.toLowerCase()));
      for (const item of names.items) if (added.has(item.name.toLowerCase())) item.delete();
      for (const plan of plans) {
        const range = sheet.getRange(plan.range);
        range.unmerge();
        range.clear("Contents");
        range.dataValidation.clear();
      }
    }
    await context.sync();
  } catch {
    // The original error is the one to report.
  }
}

/** Addresses of the cells of a target area that hold anything (a value or a formula). */
function nonEmptyCells(
  formulas: HostCellValue[][],
  origin: { row: number; column: number },
): string[] {
  const used: string[] = [];
  formulas.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "" && value !== null) used.push(cellAddress(origin.row + r, origin.column + c));
    }),
  );
  return used;
}

/** The 2-D arrays of a table's area: formulas (texts or "=…") and number formats. */
function tableArrays(plan: PlannedTable): {
  rect: Rect;
  formulas: string[][];
  numberFormats: string[][];
} {
  const rect = parseRect(plan.range);
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  const formulas = Array.from({ length: rows }, () => Array<string>(columns).fill(""));
  const numberFormats = Array.from({ length: rows }, () => Array<string>(columns).fill("General"));
  for (const cell of plan.cells) {
    const p = parseCellAddress(cell.address);
    const r = p.row - rect.top;
    const c = p.column - rect.left;
    formulas[r]![c] = cell.formula ?? cell.text ?? "";
    // Labels are text: a label such as "1.属于国家秘密" must not be read as a number.
    numberFormats[r]![c] = cell.numberFormat ?? (cell.text === undefined ? "General" : "@");
  }
  return { rect, formulas, numberFormats };
}

function rolesOf(plan: PlannedTable, role: PlannedCell["role"]): Rect[] {
  return groupRectangles(
    plan.cells.filter((c) => c.role === role).map((c) => parseCellAddress(c.address)),
  );
}

function writeTable(sheet: HostWorksheet, plan: PlannedTable, newSheet: boolean): void {
  const { rect, formulas, numberFormats } = tableArrays(plan);
  const area = sheet.getRange(rectAddress(rect));
  area.numberFormat = numberFormats;
  area.formulas = formulas;
  for (const merge of plan.merges) sheet.getRange(merge.range).merge(false);

  const body = sheet.getRange(rectAddress({ ...rect, bottom: rect.bottom - 1 }));
  body.format.verticalAlignment = "Center";
  body.format.wrapText = true;
  for (const edge of [
    "EdgeTop",
    "EdgeBottom",
    "EdgeLeft",
    "EdgeRight",
    "InsideVertical",
    "InsideHorizontal",
  ] as const) {
    body.format.borders.getItem(edge).style = "Continuous";
  }
  const style = (role: PlannedCell["role"], apply: (range: HostRange) => void): void => {
    for (const r of rolesOf(plan, role)) apply(sheet.getRange(rectAddress(r)));
  };
  style("title", (r) => {
    r.format.font.bold = true;
    r.format.horizontalAlignment = "Center";
  });
  style("header", (r) => {
    r.format.font.bold = true;
    r.format.horizontalAlignment = "Center";
    r.format.fill.color = TEMPLATE_COLOURS.header;
  });
  style("note", (r) => {
    r.format.horizontalAlignment = "Left";
  });
  style("label", (r) => {
    r.format.horizontalAlignment = "Left";
  });
  style("input", (r) => {
    r.format.fill.color = TEMPLATE_COLOURS.input;
    r.format.protection.locked = false;
    r.format.horizontalAlignment = "Right";
  });
  style("total", (r) => {
    r.format.fill.color = TEMPLATE_COLOURS.total;
    r.format.font.bold = true;
    r.format.horizontalAlignment = "Right";
  });
  style("stamp", (r) => {
    r.format.font.color = TEMPLATE_COLOURS.stamp;
    r.format.wrapText = false;
  });

  for (const v of plan.validations) {
    for (const r of groupRectangles(expandAreas(v.range))) {
      const validation = sheet.getRange(rectAddress(r)).dataValidation;
      // A rule is not set over another (the target cells are empty, but may carry validation).
      validation.clear();
      const first = cellAddress(r.top, r.left);
      validation.rule =
        v.kind === "whole"
          ? { wholeNumber: { formula1: v.minimum, operator: "GreaterThanOrEqualTo" } }
          : {
              custom: {
                formula: `=AND(ISNUMBER(${first}),${first}>=${v.minimum},ROUND(${first},${v.decimals ?? 4})=${first})`,
              },
            };
      validation.ignoreBlanks = true;
      validation.prompt = { showPrompt: true, title: v.title, message: v.message };
      validation.errorAlert = {
        showAlert: true,
        style: "Stop",
        title: v.title,
        message: v.message,
      };
    }
  }
  if (newSheet) body.format.autofitRows();
  sheet.names.add(
    plan.name,
    sheet.getRange(plan.range),
    `政务公开年报助手 ${plan.version} ${plan.table}`,
  );
}

/** Column widths for a new sheet: the widest any stacked table asks for, per column. */
function setColumnWidths(sheet: HostWorksheet, plans: readonly PlannedTable[]): void {
  const widths = new Map<number, number>();
  for (const plan of plans) {
    plan.columnWidths.forEach((w, i) => {
      const column = plan.firstColumn + i;
      widths.set(column, Math.max(widths.get(column) ?? 0, w));
    });
  }
  for (const [column, width] of widths) {
    // A width set through any cell applies to its whole column.
    sheet.getRange(cellAddress(0, column)).format.columnWidth = columnWidthPoints(width);
  }
}

/** Points per line of 11-point text (Excel's default row height, 15 pt for Calibri 11). */
const LINE_HEIGHT = 15;

/** Display width in characters: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text)
    width +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(
        ch,
      )
        ? 2
        : 1;
  return width;
}

/**
 * Merged cells never autofit (office-js#1840, unchanged since Office 2010): the rows of wrapped
 * merged titles, headers and notes are given a height for their text in the merge's width
 * (column widths in characters, CJK two a character), spread over the merge's rows.
 */
function setMergedRowHeights(sheet: HostWorksheet, plans: readonly PlannedTable[]): void {
  const widths = new Map<number, number>();
  for (const plan of plans)
    plan.columnWidths.forEach((w, i) => {
      const column = plan.firstColumn + i;
      widths.set(column, Math.max(widths.get(column) ?? 0, w));
    });
  const heights = new Map<number, number>();
  for (const plan of plans) {
    for (const merge of plan.merges) {
      const rect = parseRect(merge.range);
      const top = plan.cells.find((c) => {
        const p = parseCellAddress(c.address);
        return p.row === rect.top && p.column === rect.left;
      });
      if (top === undefined || top.role === "stamp") continue;
      const text = top.text ?? "";
      let width = 0;
      for (let c = rect.left; c <= rect.right; c++) width += widths.get(c) ?? 8;
      const lines = text
        .split("\n")
        .reduce(
          (n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width))),
          0,
        );
      const rows = rect.bottom - rect.top + 1;
      if (lines <= rows) continue;
      const perRow = Math.ceil((lines * LINE_HEIGHT) / rows);
      for (let r = rect.top; r <= rect.bottom; r++)
        heights.set(r, Math.max(heights.get(r) ?? 0, perRow));
    }
  }
  for (const [row, height] of heights)
    sheet.getRange(`${cellAddress(row, 0)}`).format.rowHeight = height;
}

/** The number of rows and columns the tables take, for the pane's preview. */
export function templateSize(tables: readonly TableId[]): { rows: number; columns: number } {
  return tables.length === 0 ? { rows: 0, columns: 0 } : footprint(tables);
}
