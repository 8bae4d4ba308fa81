/**
 * An .xlsx file → one Grid per worksheet, for the core's table locator, read as it streams: each
 * part is inflated in slices and parsed by a SAX parser (xml-stream.ts), and every limit (cells,
 * merges, shared strings, text, depth, unpacked bytes) is counted while the part streams, before
 * anything of that size exists. Nothing like a workbook object is built. Only what the check uses
 * is parsed: a worksheet up to the end of both its sheetData and its mergeCells (the conditional
 * formats, validations and page setup after them are three quarters of a template's sheet part),
 * the styles up to the cell formats, never the theme. On the 3-table template this takes the read
 * from 2.0 to 1.2 ms CPU per file (A/B in one process, 400 reads × 6 rounds, minimum); measured
 * against exceljs's full load and its streaming WorkbookReader in bench/cli.ts.
 *
 * Merged areas keep their value in the top-left cell only; a covered cell holding another value is
 * reported (`coveredValues`). Formulas give their cached value; where the file holds none, the
 * template's simple formulas are evaluated (formula.ts), an error value (#REF!) when a reference
 * cannot be resolved, and anything else makes the file unreadable with a request to recalculate.
 * A sheet whose part is missing or damaged is listed in `unread`, never dropped silently.
 * Dates (numbers in a date format) become ISO text as exceljs rendered them.
 */
import { cellAddress, qualify } from "../core/model/address";
import type { Grid, RawCell } from "../core/model/figures";
import {
  CorruptFileError,
  MergesTooLargeError,
  NotRecalculatedError,
  TextTooLongError,
  TooManyCellsError,
} from "./errors";
import { evaluateFormula, shiftFormula, type FormulaValue } from "./formula";
import { DEFAULT_LIMITS, type ReadLimits } from "./limits";
import {
  attr,
  DamagedPartError,
  saxPart,
  StopReading,
  type ByteBudget,
  type SaxHandlers,
} from "./xml-stream";
import { InvalidZipError, zipInventory, type ZipEntry } from "./zip-inventory";

/** A sheet listed in the workbook that could not be read. */
export interface UnreadSheet {
  readonly sheet: string;
  readonly part: string;
  /** missing: the part is not in the package; damaged: its XML or compression is broken. */
  readonly problem: "missing" | "damaged";
}

/** A merged area that covers cells holding values other than its top-left's. */
export interface CoveredValues {
  readonly sheet: string;
  readonly range: string;
  /** The covered cells that held a value (A1 addresses), at most 10. */
  readonly cells: readonly string[];
}

/** What a workbook holds for the checker: its sheets as grids, and its document title if any. */
export interface WorkbookContent {
  readonly grids: Grid[];
  /** The workbook's title property (File › Properties), where our template writes the report title. */
  readonly title?: string;
  /** Worksheets that could not be read (their tables are missing from `grids`). */
  readonly unread: readonly UnreadSheet[];
  /** Merged areas that hid values. */
  readonly coveredValues: readonly CoveredValues[];
}

/** A formula cell without a cached value, waiting for evaluation. */
interface Pending {
  readonly pending: true;
  readonly formula: string;
}

type Stored = RawCell | Pending;

function isPending(value: Stored | undefined): value is Pending {
  return typeof value === "object" && value !== null;
}

interface SheetCells {
  readonly name: string;
  readonly cells: Map<number, Map<number, Stored>>;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

interface Merge {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

const DEFAULT_WORKBOOK = "xl/workbook.xml";

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30 and the CJK ids). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format code is a date format when it holds date letters outside quotes and brackets (as exceljs decides). */
function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*\]/gu, "").replace(/"[^"]*"/gu, "");
  return /[ymdhMsb]+/u.test(bare);
}

/** "2024-12-31" for a date (UTC, as exceljs decodes serial dates); time kept when not midnight. */
function dateText(serial: number, date1904: boolean): RawCell {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19).replace("T", " ");
}

/** Zero-based row and column of an A1 reference, or undefined. */
function parseRef(ref: string): { row: number; column: number } | undefined {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else if (code !== 36) break; // "$"
  }
  if (i === 0 || column === 0 || column > 16_384) return undefined;
  const digits = ref.slice(i).replace("$", "");
  if (!/^\d{1,7}$/u.test(digits)) return undefined;
  const row = Number(digits);
  if (row < 1 || row > 1_048_576) return undefined;
  return { row: row - 1, column: column - 1 };
}

/** The directory part of a part name ("xl/workbook.xml" → "xl/"). */
function folderOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return slash < 0 ? "" : part.slice(0, slash + 1);
}

/** A relationship target resolved against its source's folder, normalised ("../", "/"). */
function resolveTarget(folder: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : folder + target;
  const out: string[] = [];
  for (const piece of raw.split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

/** The rels part of a part ("xl/workbook.xml" → "xl/_rels/workbook.xml.rels"). */
function relsOf(part: string): string {
  const folder = folderOf(part);
  return `${folder}_rels/${part.slice(folder.length)}.rels`;
}

interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

/** Reads one file's workbook. */
class WorkbookStream {
  private readonly parts = new Map<string, ZipEntry>();
  private readonly budget: ByteBudget;
  private sharedStrings: string[] = [];
  private dateStyles = new Set<number>();
  private date1904 = false;

  constructor(
    private readonly file: string,
    private readonly bytes: Uint8Array,
    private readonly limits: ReadLimits,
  ) {
    let entries: ZipEntry[];
    try {
      entries = zipInventory(bytes);
    } catch (error) {
      if (error instanceof InvalidZipError)
        throw new CorruptFileError(file, error.detail, { cause: error });
      throw error;
    }
    for (const e of entries) this.parts.set(e.name.toLowerCase(), e);
    this.budget = { remaining: limits.maxUnpackedBytes, limit: limits.maxUnpackedBytes };
  }

  private entry(part: string): ZipEntry | undefined {
    return this.parts.get(part.toLowerCase());
  }

  /** Streams a part; a damaged part of the workbook's frame makes the whole file damaged. */
  private sax(entry: ZipEntry, handlers: SaxHandlers): void {
    saxPart(this.file, this.bytes, entry, this.budget, this.limits.maxXmlDepth, handlers);
  }

  private frame(part: string, handlers: SaxHandlers): boolean {
    const entry = this.entry(part);
    if (entry === undefined) return false;
    try {
      this.sax(entry, handlers);
    } catch (error) {
      if (error instanceof DamagedPartError)
        throw new CorruptFileError(this.file, `${error.part}: ${error.detail}`, { cause: error });
      throw error;
    }
    return true;
  }

  private relationships(part: string): Relationship[] {
    const found: Relationship[] = [];
    this.frame(relsOf(part), {
      open: (name, a) => {
        if (name !== "Relationship" || found.length >= 10_000) return;
        const id = attr(a, "Id");
        const target = attr(a, "Target");
        if (id === undefined || target === undefined || attr(a, "TargetMode") === "External")
          return;
        found.push({
          id,
          type: attr(a, "Type") ?? "",
          target: resolveTarget(folderOf(part), target),
        });
      },
      text: () => undefined,
      close: () => undefined,
    });
    return found;
  }

  /** Text of every element with a local name in a part (dc:title), capped at a cell's length. */
  private elementText(part: string, element: string): string | undefined {
    let inside = 0;
    let text: string | undefined;
    this.frame(part, {
      open: (name) => {
        if (name === element) {
          inside++;
          text ??= "";
        }
      },
      text: (t) => {
        if (inside > 0 && text !== undefined) {
          text += t;
          if (text.length > this.limits.maxCellText)
            throw new TextTooLongError(this.file, "cell", this.limits.maxCellText);
        }
      },
      close: (name) => {
        if (name === element) inside--;
      },
    });
    return text;
  }

  private readSharedStrings(part: string): void {
    const strings: string[] = [];
    let current: string | undefined;
    let inText = false;
    let phonetic = 0;
    this.frame(part, {
      open: (name) => {
        if (name === "si") {
          current = "";
          if (strings.length >= this.limits.maxSharedStrings)
            throw new TooManyCellsError(this.file, part, this.limits.maxSharedStrings);
        } else if (name === "t") inText = true;
        else if (name === "rPh") phonetic++;
      },
      text: (t) => {
        if (!inText || phonetic > 0 || current === undefined) return;
        current += t;
        if (current.length > this.limits.maxCellText)
          throw new TextTooLongError(this.file, "cell", this.limits.maxCellText);
      },
      close: (name) => {
        if (name === "si") {
          strings.push(current ?? "");
          current = undefined;
        } else if (name === "t") inText = false;
        else if (name === "rPh") phonetic--;
      },
    });
    this.sharedStrings = strings;
  }

  private readStyles(part: string): void {
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    this.frame(part, {
      open: (name, a) => {
        if (name === "numFmt") {
          const id = Number(attr(a, "numFmtId"));
          if (Number.isInteger(id) && custom.size < 10_000)
            custom.set(id, attr(a, "formatCode") ?? "");
        } else if (name === "cellXfs") inCellXfs = true;
        else if (name === "xf" && inCellXfs && xfFormats.length < 100_000)
          xfFormats.push(Number(attr(a, "numFmtId") ?? 0));
      },
      text: () => undefined,
      close: (name) => {
        // Nothing after the cell formats matters: stop reading (half of a template's styles part).
        if (name === "cellXfs") throw StopReading.signal;
      },
    });
    xfFormats.forEach((id, index) => {
      const code = custom.get(id);
      if (code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id))
        this.dateStyles.add(index);
    });
  }

  read(): WorkbookContent {
    const packageRels = this.relationships("");
    const office = packageRels.find((r) => r.type.endsWith("/officeDocument"));
    const workbookPart =
      office !== undefined && this.entry(office.target) !== undefined
        ? office.target
        : DEFAULT_WORKBOOK;
    const core = packageRels.find((r) => r.type.endsWith("/core-properties"));
    const sheets: { name: string; rid: string }[] = [];
    const found = this.frame(workbookPart, {
      open: (name, a) => {
        if (name === "workbookPr") this.date1904 = /^(1|true)$/u.test(attr(a, "date1904") ?? "");
        if (name !== "sheet" || sheets.length >= 10_000) return;
        sheets.push({ name: attr(a, "name") ?? "", rid: attr(a, "id") ?? "" });
      },
      text: () => undefined,
      close: () => undefined,
    });
    if (!found) throw new CorruptFileError(this.file, `${workbookPart} missing`);
    const rels = this.relationships(workbookPart);
    const folder = folderOf(workbookPart);
    const shared = rels.find((r) => r.type.endsWith("/sharedStrings"))?.target;
    this.readSharedStrings(shared ?? `${folder}sharedStrings.xml`);
    const styles = rels.find((r) => r.type.endsWith("/styles"))?.target;
    this.readStyles(styles ?? `${folder}styles.xml`);

    const collected: SheetCells[] = [];
    const unread: UnreadSheet[] = [];
    const coveredValues: CoveredValues[] = [];
    for (const sheet of sheets) {
      const rel = rels.find((r) => r.id === sheet.rid);
      // Chart sheets and dialog sheets hold no cells.
      if (rel !== undefined && !rel.type.endsWith("/worksheet")) continue;
      const part = rel?.target ?? `${folder}worksheets/sheet${collected.length + 1}.xml`;
      const entry = this.entry(part);
      if (entry === undefined) {
        unread.push({ sheet: sheet.name, part, problem: "missing" });
        continue;
      }
      try {
        const cells = this.readSheet(sheet.name, entry, coveredValues);
        collected.push(cells);
      } catch (error) {
        if (!(error instanceof DamagedPartError)) throw error;
        unread.push({ sheet: sheet.name, part, problem: "damaged" });
      }
    }
    resolvePending(this.file, collected);
    const grids = collected.map((s) => toGrid(this.file, s, this.limits));
    let title: string | undefined;
    const corePart = core?.target ?? "docProps/core.xml";
    if (this.entry(corePart) !== undefined) {
      try {
        title = this.elementText(corePart, "title")?.trim();
      } catch (error) {
        // The properties part is not the report: damaged, it only loses the title.
        if (!(error instanceof CorruptFileError)) throw error;
      }
    }
    return {
      grids,
      ...(title === undefined || title === "" ? {} : { title }),
      unread,
      coveredValues,
    };
  }

  /** Streams one worksheet into its cells, counting cells and merges as they come. */
  private readSheet(name: string, entry: ZipEntry, covered: CoveredValues[]): SheetCells {
    const limits = this.limits;
    const file = this.file;
    const sheet: SheetCells = {
      name,
      cells: new Map(),
      top: Infinity,
      left: Infinity,
      bottom: -1,
      right: -1,
    };
    const merges: Merge[] = [];
    let mergedArea = 0;
    const sharedFormulas = new Map<string, { formula: string; row: number; column: number }>();
    let count = 0;
    let row = -1;
    let column = -1;
    // The cell being read.
    let type = "";
    let style = -1;
    let value: string | undefined;
    let formula: string | undefined;
    let sharedIndex: string | undefined;
    let sharedMaster = false;
    let inline: string | undefined;
    let reading: "v" | "f" | "t" | undefined;
    let phonetic = 0;
    let inCell = false;
    let sheetDataRead = false;
    let mergesRead = false;

    const grow = (text: string, add: string): string => {
      const next = text + add;
      if (next.length > limits.maxCellText)
        throw new TextTooLongError(file, "cell", limits.maxCellText);
      return next;
    };
    const store = (r: number, c: number, stored: Stored): void => {
      let line = sheet.cells.get(r);
      if (line === undefined) sheet.cells.set(r, (line = new Map<number, Stored>()));
      line.set(c, stored);
      if (r < sheet.top) sheet.top = r;
      if (r > sheet.bottom) sheet.bottom = r;
      if (c < sheet.left) sheet.left = c;
      if (c > sheet.right) sheet.right = c;
    };
    const finishCell = (): void => {
      let own = formula;
      if (sharedIndex !== undefined) {
        if (sharedMaster && formula !== undefined && formula !== "")
          sharedFormulas.set(sharedIndex, { formula, row, column });
        else if (formula === undefined || formula === "") {
          const master = sharedFormulas.get(sharedIndex);
          own =
            master === undefined
              ? undefined
              : shiftFormula(master.formula, row - master.row, column - master.column);
        }
      }
      const stored = cellValue(type, value, inline, style, own);
      if (stored !== null && stored !== "") store(row, column, stored);
    };
    const cellValue = (
      t: string,
      v: string | undefined,
      is: string | undefined,
      s: number,
      f: string | undefined,
    ): Stored => {
      if (t === "inlineStr") return is ?? (v === undefined ? null : v);
      if (v === undefined) {
        if (f !== undefined && f !== "") return { pending: true, formula: f };
        return null;
      }
      switch (t) {
        case "s": {
          const index = Number(v);
          return Number.isInteger(index) ? (this.sharedStrings[index] ?? null) : null;
        }
        case "str":
          return v;
        case "b":
          return v.trim() === "1" || v.trim().toLowerCase() === "true";
        case "e":
          return v.trim();
        case "d": {
          const date = new Date(v.trim());
          if (Number.isNaN(date.getTime())) return null;
          const iso = date.toISOString();
          return iso.endsWith("T00:00:00.000Z")
            ? iso.slice(0, 10)
            : iso.slice(0, 19).replace("T", " ");
        }
        default: {
          const trimmed = v.trim();
          if (trimmed === "") {
            return f !== undefined && f !== "" ? { pending: true, formula: f } : null;
          }
          const n = Number(trimmed);
          if (!Number.isFinite(n)) return "#NUM!";
          // Beyond 2^53 a number is not exact: keep the digits as written for the message.
          if (Math.abs(n) > Number.MAX_SAFE_INTEGER) return trimmed;
          return this.dateStyles.has(s) ? dateText(n, this.date1904) : n;
        }
      }
    };

    this.sax(entry, {
      open: (tag, a) => {
        switch (tag) {
          // SpreadsheetML's own attributes carry no prefix: read them directly (the hot path).
          case "row": {
            const r = Number(a["r"]);
            row = Number.isInteger(r) && r >= 1 && r <= 1_048_576 ? r - 1 : row + 1;
            column = -1;
            return;
          }
          case "c": {
            count++;
            if (count > limits.maxSheetCells)
              throw new TooManyCellsError(file, name, limits.maxSheetCells);
            const ref = a["r"];
            const at = ref === undefined ? undefined : parseRef(ref);
            if (at !== undefined) {
              row = at.row;
              column = at.column;
            } else {
              if (row < 0) row = 0;
              column++;
            }
            type = a["t"] ?? "n";
            const s = Number(a["s"] ?? -1);
            style = Number.isInteger(s) ? s : -1;
            value = undefined;
            formula = undefined;
            sharedIndex = undefined;
            sharedMaster = false;
            inline = undefined;
            inCell = true;
            return;
          }
          case "v":
            if (inCell) {
              reading = "v";
              value ??= "";
            }
            return;
          case "f":
            if (inCell) {
              reading = "f";
              formula ??= "";
              if (a["t"] === "shared") {
                sharedIndex = a["si"];
                sharedMaster = a["ref"] !== undefined;
              }
            }
            return;
          case "is":
            if (inCell) inline = "";
            return;
          case "t":
            if (inCell && inline !== undefined) reading = "t";
            return;
          case "rPh":
            phonetic++;
            return;
          case "mergeCell": {
            if (merges.length >= limits.maxMerges)
              throw new MergesTooLargeError(
                file,
                name,
                `more than ${limits.maxMerges} merged areas`,
              );
            const [from, to] = (a["ref"] ?? "").split(":");
            const start = from === undefined ? undefined : parseRef(from);
            const end = to === undefined ? start : parseRef(to);
            if (start === undefined || end === undefined) return;
            const merge: Merge = {
              top: Math.min(start.row, end.row),
              left: Math.min(start.column, end.column),
              bottom: Math.max(start.row, end.row),
              right: Math.max(start.column, end.column),
            };
            const area = (merge.bottom - merge.top + 1) * (merge.right - merge.left + 1);
            if (area > limits.maxMergeCells)
              throw new MergesTooLargeError(file, name, `one merged area of ${area} cells`);
            mergedArea += area;
            if (mergedArea > limits.maxSheetCells)
              throw new MergesTooLargeError(file, name, `merged areas cover ${mergedArea} cells`);
            merges.push(merge);
            return;
          }
        }
      },
      text: (t) => {
        if (reading === undefined || phonetic > 0) return;
        if (reading === "v") value = grow(value ?? "", t);
        else if (reading === "f") formula = grow(formula ?? "", t);
        else inline = grow(inline ?? "", t);
      },
      close: (tag) => {
        switch (tag) {
          case "c":
            if (inCell) finishCell();
            inCell = false;
            reading = undefined;
            return;
          case "v":
          case "f":
          case "t":
            reading = undefined;
            return;
          case "rPh":
            phonetic--;
            return;
          // A worksheet holds one sheetData and one mergeCells; past both, nothing is read (the
          // conditional formats, validations and page setup after them are three quarters of a
          // template's sheet part).
          case "sheetData":
            sheetDataRead = true;
            if (mergesRead) throw StopReading.signal;
            return;
          case "mergeCells":
            mergesRead = true;
            if (sheetDataRead) throw StopReading.signal;
            return;
        }
      },
    });
    applyMerges(sheet, merges, covered);
    return sheet;
  }
}

/** Nulls the cells a merged area covers; covered values other than the top-left's are reported. */
function applyMerges(sheet: SheetCells, merges: readonly Merge[], covered: CoveredValues[]): void {
  for (const m of merges) {
    const anchor = sheet.cells.get(m.top)?.get(m.left);
    const hidden: string[] = [];
    for (let r = m.top; r <= m.bottom; r++) {
      const line = sheet.cells.get(r);
      if (line === undefined) continue;
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const v = line.get(c);
        if (v === undefined) continue;
        line.delete(c);
        // A writer that repeats a merged label in every covered cell loses nothing.
        const same = !isPending(v) && !isPending(anchor) && v === anchor;
        if (!same && hidden.length < 10) hidden.push(cellAddress(r, c));
      }
    }
    if (hidden.length > 0)
      covered.push({
        sheet: sheet.name,
        range: `${cellAddress(m.top, m.left)}:${cellAddress(m.bottom, m.right)}`,
        cells: hidden,
      });
  }
}

/** Replaces pending formulas by their evaluated values; throws when one cannot be evaluated. */
function resolvePending(file: string, sheets: readonly SheetCells[]): void {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const failed: string[] = [];
  const visiting = new Set<string>();
  const resolve = (sheet: SheetCells, row: number, column: number): FormulaValue | undefined => {
    const value = sheet.cells.get(row)?.get(column);
    if (value === undefined) return null;
    if (!isPending(value)) return value;
    const key = `${sheet.name}!${row},${column}`;
    if (visiting.has(key)) return undefined;
    visiting.add(key);
    const result = evaluateFormula(value.formula, (name, r, c) => {
      const target = name === undefined ? sheet : byName.get(name.toLowerCase());
      // A reference to a sheet the workbook does not have is #REF!, as Excel shows it.
      if (target === undefined) return "#REF!";
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
        let result: FormulaValue | undefined;
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

function toGrid(file: string, sheet: SheetCells, limits: ReadLimits): Grid {
  if (sheet.bottom < 0) return { sheet: sheet.name, origin: "A1", values: [] };
  const width = sheet.right - sheet.left + 1;
  const height = sheet.bottom - sheet.top + 1;
  // The used rectangle, not only the cells, must fit: two cells at A1 and XFD1048576 are a sheet
  // of 17 billion cells as a grid.
  if (width * height > limits.maxSheetCells)
    throw new TooManyCellsError(file, sheet.name, limits.maxSheetCells);
  const values: RawCell[][] = [];
  for (let r = sheet.top; r <= sheet.bottom; r++) {
    const line = Array<RawCell>(width).fill(null);
    for (const [c, v] of sheet.cells.get(r) ?? []) line[c - sheet.left] = isPending(v) ? null : v;
    values.push(line);
  }
  return { sheet: sheet.name, origin: cellAddress(sheet.top, sheet.left), values };
}

/** Reads an .xlsx file's bytes into grids, streaming every part. */
export async function readWorkbook(
  file: string,
  bytes: Uint8Array,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<WorkbookContent> {
  await Promise.resolve();
  try {
    return new WorkbookStream(file, bytes, limits).read();
  } catch (error) {
    // A damaged part outside the sheets (the package frame) makes the file damaged.
    if (error instanceof DamagedPartError)
      throw new CorruptFileError(file, `${error.part}: ${error.detail}`, { cause: error });
    throw error;
  }
}
