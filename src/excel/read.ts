/**
 * Reading sheets for the check: each sheet's used range in one request when it fits a cell budget
 * (Excel on the web refuses requests or responses over 5 MB), in further row bands only when it
 * does not; the add-in's named ranges. Tables are found in the named ranges on sheets the add-in
 * made, by their labels elsewhere.
 *
 * What real Excel may refuse is asked in requests of its own, sent alongside the cells' request
 * (a second `Excel.run`, same round trip), so that its failure cannot take the check down: the
 * merged areas (fail past 512 areas, index.d.ts 39143; then asked again over the located tables
 * only) and, for highlighting, the sheet's conditional formats (reading them back throws on a
 * duplicated rule or two cell-value rules, office-js#6835, #6827; then that sheet is not
 * re-highlighted and the reading says so).
 *
 * Round trips in sequence: 1 (one known sheet) or 2 (every sheet) to read, +1 to write
 * highlights; more only for sheets without the add-in's names too large for one request, and
 * when Excel refused one of the side requests. Never more for more tables, rules or findings.
 */
import { cellAddress } from "../core/model/address";
import type { LocatedTable, RawCell } from "../core/model/figures";
import type { TableId } from "../core/model/tables";
import type { Finding } from "../core/rules/finding";
import { locateTables } from "../core/read/locate";
import { tableRangeName } from "../core/template/plan";
import {
  intersectRects,
  parseRect,
  rectAddress,
  rectSize,
  splitAreas,
  splitQualified,
  splitRect,
  subtractRect,
  type Rect,
} from "./addresses";
import { atBoundary, officeErrorCode } from "./errors";
import {
  highlightSpecs,
  OWN_FORMAT_PROPERTIES,
  ownFormats,
  queueHighlights,
  type ExplainedMark,
  type HighlightSpec,
} from "./highlight";
import type {
  HostCellValue,
  HostConditionalFormatCollection,
  HostContext,
  HostNamedItemCollection,
  HostCapabilities,
  HostRange,
  HostWorksheet,
  HostWorksheetProtection,
  RunBatch,
} from "./host";
import { queueSettings, settingsFrom, type ReportSettings } from "./settings";

/**
 * Which sheets to read: the active one, every visible one but those named in `except` (last
 * year's sheet is no part of this year's check), or the sheets with these keys.
 */
export type SheetScope =
  | { readonly kind: "active" }
  | { readonly kind: "all"; readonly except?: readonly string[] }
  /** Names or `Worksheet.id`s (office-js's `getItem` takes either). */
  | { readonly kind: "sheets"; readonly names: readonly string[] };

/**
 * Cells per request. 100,000 cells of 50 bytes of JSON each stay under 5 MB; a sheet of long
 * texts can still exceed it, and is then read again in smaller requests (never half a result).
 */
export const CELL_BUDGET = 100_000;
/** The smallest cell budget tried after Excel refused a response as too large. */
const MIN_BUDGET = 100;
/** Columns of the first window read from each sheet (tables are at most 15 columns wide). */
const WINDOW_COLUMNS = 64;

export interface SheetReading {
  readonly name: string;
  /** `Worksheet.id`: stays the same when the sheet is renamed. */
  readonly id: string;
  readonly protected: boolean;
  /** The used range ("A1:Q60"). */
  readonly used: string;
  /** The add-in's tables named on this sheet, with their ranges. */
  readonly named: readonly { readonly table: TableId; readonly range: string }[];
  readonly cellCount: number;
}

export interface WorkbookReading {
  readonly activeSheet: string;
  readonly sheets: readonly SheetReading[];
  readonly located: readonly LocatedTable[];
  readonly settings: ReportSettings;
  /** Highlights written (empty unless asked). */
  readonly highlights: readonly HighlightSpec[];
  /**
   * Merged areas holding a table's number cells ("年报表格!D8:E8"): only the top-left cell of a
   * merge keeps a value, so the others read as blank. Known only where ExcelApi 1.13 is present.
   */
  readonly mergedDataCells: readonly string[];
  /**
   * False when Excel refused to list the merged areas (more than 512 of them even over the
   * tables): the check then relies on the labels alone. True without ExcelApi 1.13 (not asked).
   */
  readonly mergesRead: boolean;
  /**
   * Sheets whose highlights could not be renewed: their conditional formats could not be read
   * back ("unreadable": a copied rule, office-js#6835, #6827) or some of the add-in's old ones
   * could not be deleted ("not-cleared", office-js#5222). The check itself is complete.
   */
  readonly highlightProblems: readonly HighlightProblem[];
}

/** A sheet whose highlights were not renewed, and why. */
export interface HighlightProblem {
  readonly sheet: string;
  readonly kind: "unreadable" | "not-cleared";
}

export interface ReadOptions {
  readonly scope: SheetScope;
  /** Replace the add-in's conditional formats on the sheets read with fresh ones. */
  readonly highlight: boolean;
  /**
   * The findings to mark as well (rules without a live formula: X1, R7, R9…), computed from the
   * tables just read, between the read and the write. Called only when highlighting.
   */
  readonly findingsFor?: (located: readonly LocatedTable[]) => readonly Finding[];
  /** The explained findings' quieter marks, asked after `findingsFor` (same located tables). */
  readonly explainedFor?: () => readonly ExplainedMark[];
  readonly cellBudget?: number;
}

interface Pending {
  readonly sheet: HostWorksheet;
  readonly protection: HostWorksheetProtection;
  readonly names: HostNamedItemCollection;
  readonly used: HostRange;
  readonly window: HostRange;
}

/** Which sheets a side request reads: the active one, or these names/ids (in this order). */
type SideKeys = { readonly kind: "active" } | { readonly kind: "keys"; readonly keys: string[] };

function sideSheets(context: HostContext, keys: SideKeys): HostWorksheet[] {
  const worksheets = context.workbook.worksheets;
  return keys.kind === "active"
    ? [worksheets.getActiveWorksheet()]
    : keys.keys.map((k) => worksheets.getItemOrNullObject(k));
}

/** The add-in's own formats on a sheet, by `ConditionalFormat.id` (its priority). */
interface OwnFormats {
  readonly ids: readonly string[];
}

/**
 * Reads the add-in's conditional formats of the sheets, in a request of its own (1 sync); a
 * sheet's entry is undefined when Excel refused to list them. Never throws.
 */
export async function readOwnFormats(
  run: RunBatch,
  keys: SideKeys,
): Promise<(OwnFormats | undefined)[]> {
  const count = keys.kind === "active" ? 1 : keys.keys.length;
  try {
    return await run(async (context) => {
      const collections = sideSheets(context, keys).map((sheet) =>
        sheet.getRange().conditionalFormats.load(`items/id,${OWN_FORMAT_PROPERTIES}`),
      );
      await context.sync();
      return collections.map((c) => ({ ids: ownFormats(c.items).map((cf) => cf.id) }));
    });
  } catch {
    return Array<undefined>(count).fill(undefined);
  }
}

/** Merged areas per sheet ("A1:B2,C3:D3" or "" for none); undefined where Excel refused. */
async function readMerges(
  run: RunBatch,
  keys: SideKeys,
  over: (sheet: HostWorksheet, i: number) => HostRange[],
): Promise<(string[] | undefined)[]> {
  const count = keys.kind === "active" ? 1 : keys.keys.length;
  try {
    return await run(async (context) => {
      const areas = sideSheets(context, keys).map((sheet, i) =>
        over(sheet, i).map((range) => range.getMergedAreasOrNullObject().load("address")),
      );
      await context.sync();
      return areas.map((list) =>
        list.flatMap((a) => (a.isNullObject ? [] : splitAreas(a.address))),
      );
    });
  } catch {
    return Array<undefined>(count).fill(undefined);
  }
}

const TABLE_NAMES: readonly TableId[] = ["T2", "T3", "T4"];

function toRaw(value: HostCellValue): RawCell {
  return value === "" ? null : value;
}

/** Reads the sheets of a scope, locates their tables and (optionally) highlights them. */
export async function readWorkbook(
  run: RunBatch,
  options: ReadOptions,
  capabilities: HostCapabilities = { rangeAreas: false, mergedAreas: false },
): Promise<WorkbookReading> {
  const scopeName = options.scope.kind === "sheets" ? options.scope.names.join(", ") : undefined;
  return atBoundary(
    "read",
    async () => {
      // A response over the web's 5 MB (long texts: a Chinese character is three bytes of UTF-8)
      // fails with ResponsePayloadSizeLimitExceeded before anything is written: read again in
      // requests of a quarter of the cells, down to MIN_BUDGET.
      for (let budget = options.cellBudget ?? CELL_BUDGET; ; budget = Math.floor(budget / 4)) {
        try {
          return await run((context) =>
            readInContext(run, context, { ...options, cellBudget: budget }, capabilities),
          );
        } catch (error) {
          if (
            officeErrorCode(error) !== "ResponsePayloadSizeLimitExceeded" ||
            budget / 4 < MIN_BUDGET
          )
            throw error;
        }
      }
    },
    () => scopeName,
  );
}

async function readInContext(
  run: RunBatch,
  context: HostContext,
  options: ReadOptions,
  capabilities: HostCapabilities,
): Promise<WorkbookReading> {
  const budget = options.cellBudget ?? CELL_BUDGET;
  const worksheets = context.workbook.worksheets;
  const setting = queueSettings(context);
  const active = worksheets.getActiveWorksheet().load("name");
  let sheets: HostWorksheet[];
  if (options.scope.kind === "all") {
    const all = worksheets.load("items/name,items/visibility");
    await context.sync();
    const except = new Set((options.scope.except ?? []).map((n) => n.toLowerCase()));
    sheets = all.items.filter(
      (s) => s.visibility === "Visible" && !except.has(s.name.toLowerCase()),
    );
  } else if (options.scope.kind === "active") {
    sheets = [worksheets.getActiveWorksheet()];
  } else {
    sheets = options.scope.names.map((n) => worksheets.getItemOrNullObject(n));
  }

  // The side requests, sent with the first cells' request (the same round trip).
  const keys: SideKeys =
    options.scope.kind === "active"
      ? { kind: "active" }
      : {
          kind: "keys",
          keys:
            options.scope.kind === "sheets" ? [...options.scope.names] : sheets.map((s) => s.name),
        };
  const formatsRead = options.highlight ? readOwnFormats(run, keys) : undefined;
  const mergesRead = capabilities.mergedAreas
    ? readMerges(run, keys, (sheet) => [sheet.getUsedRange(true)])
    : undefined;

  // The first window of each sheet, sized so that all windows together fit the budget.
  const perSheet = Math.max(1, Math.floor(budget / Math.max(1, sheets.length)));
  const columns = Math.min(WINDOW_COLUMNS, perSheet);
  const windowRect: Rect = {
    top: 0,
    left: 0,
    bottom: Math.max(0, Math.floor(perSheet / columns) - 1),
    right: columns - 1,
  };
  const pending: Pending[] = sheets.map((sheet) => {
    sheet.load("name,id");
    const used = sheet.getUsedRange(true).load("address,rowIndex,columnIndex,rowCount,columnCount");
    return {
      sheet,
      protection: sheet.protection.load("protected"),
      names: sheet.names.load("items/name,items/type,items/value"),
      used,
      window: used.getIntersectionOrNullObject(rectAddress(windowRect)).load("address,values"),
    };
  });
  await context.sync();

  // Read what the first windows missed, in bands that fit the budget, several bands per sync.
  const values = pending.map((p) => {
    const used = parseRect(splitQualified(p.used.address).local);
    const grid: RawCell[][] = Array.from({ length: used.bottom - used.top + 1 }, () =>
      Array<RawCell>(used.right - used.left + 1).fill(null),
    );
    const put = (rect: Rect, rows: HostCellValue[][]): void => {
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          grid[rect.top - used.top + r]![rect.left - used.left + c] = toRaw(v);
        }),
      );
    };
    let covered: Rect | undefined;
    if (!p.window.isNullObject) {
      covered = parseRect(splitQualified(p.window.address).local);
      put(covered, p.window.values);
    }
    return {
      used,
      grid,
      put,
      rest: subtractRect(used, covered && intersectRects(used, covered)).flatMap((r) =>
        splitRect(r, budget),
      ),
    };
  });
  const readBands = async (bands: { sheet: number; rect: Rect }[]): Promise<void> => {
    while (bands.length > 0) {
      const batch: { sheet: number; rect: Rect; range: HostRange }[] = [];
      let cells = 0;
      while (
        bands.length > 0 &&
        (batch.length === 0 || cells + rectSize(bands[0]!.rect) <= budget)
      ) {
        const band = bands.shift()!;
        cells += rectSize(band.rect);
        batch.push({
          ...band,
          range: pending[band.sheet]!.sheet.getRange(rectAddress(band.rect)).load("values"),
        });
      }
      // Only for sheets too large for one request: one more round trip per budget of cells.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each pass reads one request's worth (5 MB limit on the web); a sheet that fits takes no pass
      await context.sync();
      for (const b of batch) values[b.sheet]!.put(b.rect, b.range.values);
    }
  };

  // On sheets with the add-in's names, only the named ranges are needed; elsewhere, everything.
  const named = pending.map((p) => namedTables(p.names, p.sheet.name));
  const needed = (i: number, rect: Rect): Rect[] =>
    named[i]!.length === 0
      ? [rect]
      : named[i]!.flatMap((n) => intersectRects(rect, parseRect(n.range)) ?? []).flatMap((r) =>
          splitRect(r, budget),
        );
  await readBands(
    values.flatMap((v, i) =>
      v.rest.flatMap((rect) => needed(i, rect).map((r) => ({ sheet: i, rect: r }))),
    ),
  );

  const readings: SheetReading[] = [];
  const located: LocatedTable[] = [];
  const unread: { sheet: number; rect: Rect }[] = [];
  pending.forEach((p, i) => {
    const { used, grid } = values[i]!;
    const name = p.sheet.name;
    readings.push({
      name,
      id: p.sheet.id,
      protected: p.protection.protected,
      used: rectAddress(used),
      named: named[i]!,
      cellCount: rectSize(used),
    });
    const found = named[i]!.length === 0 ? [] : locateInNames(name, used, grid, named[i]!);
    if (found.length > 0 || named[i]!.length === 0) {
      located.push(
        ...(named[i]!.length === 0
          ? locateTables({ sheet: name, origin: cellAddress(used.top, used.left), values: grid })
          : found),
      );
    } else {
      // Named ranges the user emptied or retyped: read and search the whole sheet instead.
      unread.push(...values[i]!.rest.map((rect) => ({ sheet: i, rect })));
    }
  });
  if (unread.length > 0) {
    await readBands(unread);
    for (const i of new Set(unread.map((u) => u.sheet))) {
      const { used, grid } = values[i]!;
      located.push(
        ...locateTables({
          sheet: pending[i]!.sheet.name,
          origin: cellAddress(used.top, used.left),
          values: grid,
        }),
      );
    }
  }

  // Merged areas: where the used range held too many (or Excel refused), ask again over the
  // located tables only, alongside the highlights' request.
  const merges = mergesRead === undefined ? undefined : await mergesRead;
  const retry = (merges ?? []).flatMap((m, i) => (m === undefined ? [i] : []));
  const mergesRetried =
    retry.length === 0
      ? undefined
      : readMerges(
          run,
          { kind: "keys", keys: retry.map((i) => pending[i]!.sheet.name) },
          (sheet, j) =>
            tableRects(located, pending[retry[j]!]!.sheet.name).map((r) =>
              sheet.getRange(rectAddress(r)),
            ),
        );

  const highlights: HighlightSpec[] = [];
  const problems: HighlightProblem[] = [];
  if (options.highlight) {
    const bySheet = new Map<string, HighlightSpec[]>();
    const specs = highlightSpecs(
      located,
      options.findingsFor?.(located) ?? [],
      options.explainedFor?.() ?? [],
    );
    highlights.push(...specs);
    for (const s of specs) bySheet.set(s.sheet, [...(bySheet.get(s.sheet) ?? []), s]);
    const own = await formatsRead!;
    const writable = pending.filter((p, i) => {
      if (p.protection.protected) return false;
      if (own[i] === undefined) problems.push({ sheet: p.sheet.name, kind: "unreadable" });
      return own[i] !== undefined;
    });
    const ownOf = (p: Pending): readonly string[] => own[pending.indexOf(p)]!.ids;
    const [renewed] = await Promise.all([
      renewHighlights(context, writable, ownOf, (p) => bySheet.get(p.sheet.name) ?? []),
      mergesRetried,
    ]);
    for (const p of writable)
      if (!renewed) problems.push({ sheet: p.sheet.name, kind: "not-cleared" });
  }
  const retried = mergesRetried === undefined ? undefined : await mergesRetried;
  const mergeLists = pending.map((_, i) => {
    const j = retry.indexOf(i);
    return j >= 0 ? retried?.[j] : merges?.[i];
  });
  const skipped = new Set(problems.map((p) => p.sheet));
  return {
    activeSheet: active.name,
    sheets: readings,
    located,
    settings: settingsFrom(setting),
    highlights: highlights.filter(
      (h) => !readings.find((r) => r.name === h.sheet)?.protected && !skipped.has(h.sheet),
    ),
    mergedDataCells: mergedDataCells(pending, mergeLists, located),
    // Without ExcelApi 1.13 nothing was asked: no refusal to report.
    mergesRead: merges === undefined || mergeLists.every((m) => m !== undefined),
    highlightProblems: problems,
  };
}

/** The rectangles around each located table's cells on a sheet. */
function tableRects(located: readonly LocatedTable[], sheet: string): Rect[] {
  return located
    .filter((t) => t.sheet === sheet)
    .map((t) => {
      const cells = [...t.cells.values()]
        .map((c) => (c.address === undefined ? undefined : splitQualified(c.address)))
        .filter((a): a is { sheet?: string; local: string } => a !== undefined && a.sheet === sheet)
        .map((a) => parseRect(a.local));
      return {
        top: Math.min(...cells.map((c) => c.top)),
        left: Math.min(...cells.map((c) => c.left)),
        bottom: Math.max(...cells.map((c) => c.bottom)),
        right: Math.max(...cells.map((c) => c.right)),
      };
    })
    .filter((r) => Number.isFinite(r.top));
}

/**
 * Deletes the add-in's old formats and adds the new ones (1 sync). Deletions go highest id first:
 * an id is the format's priority position, and deleting one moves those after it; all deletions
 * come before any addition. When Excel still refuses a deletion (ItemNotFound, office-js#5222),
 * the formats are read again and the rest deleted once more (2 more syncs); if that fails too,
 * nothing new is added (adding over old formats would stack duplicates) and false is returned.
 */
async function renewHighlights(
  context: HostContext,
  sheets: readonly Pending[],
  ownOf: (p: Pending) => readonly string[],
  specsOf: (p: Pending) => readonly HighlightSpec[],
): Promise<boolean> {
  const queue = (ids: (p: Pending) => readonly string[]): void => {
    for (const p of sheets) deleteFormats(p.sheet.getRange().conditionalFormats, ids(p));
    for (const p of sheets) queueHighlights(p.sheet, specsOf(p));
  };
  if (sheets.length === 0) return true;
  queue(ownOf);
  try {
    await context.sync();
    return true;
  } catch (error) {
    if (officeErrorCode(error) !== "ItemNotFound") throw error;
  }
  try {
    const again = sheets.map((p) =>
      p.sheet.getRange().conditionalFormats.load(`items/id,${OWN_FORMAT_PROPERTIES}`),
    );
    await context.sync();
    const ids = new Map(sheets.map((p, i) => [p, ownFormats(again[i]!.items).map((cf) => cf.id)]));
    queue((p) => ids.get(p) ?? []);
    await context.sync();
    return true;
  } catch {
    return false;
  }
}

/** Queues deletions by id, highest first (so that no deletion moves a later one). */
function deleteFormats(collection: HostConditionalFormatCollection, ids: readonly string[]): void {
  for (const id of [...ids].sort((a, b) => Number(b) - Number(a))) collection.getItem(id).delete();
}

/**
 * The merged areas that swallow a located table's number cells: a merge covering two of them, or
 * one that is not the merge's top-left cell (the template's own wide single cells are fine).
 */
function mergedDataCells(
  pending: readonly Pending[],
  merges: readonly (readonly string[] | undefined)[],
  located: readonly LocatedTable[],
): string[] {
  const out: string[] = [];
  for (const [i, p] of pending.entries()) {
    const areas = merges[i];
    if (areas === undefined) continue;
    const sheet = p.sheet.name;
    const cells = located
      .filter((t) => t.sheet === sheet)
      .flatMap((t) => [...t.cells.values()])
      .map((c) => (c.address === undefined ? undefined : splitQualified(c.address)))
      .filter((a): a is { sheet?: string; local: string } => a !== undefined && a.sheet === sheet)
      .map((a) => parseRect(a.local));
    for (const area of areas) {
      const m = parseRect(splitQualified(area).local.replace(/\$/gu, ""));
      const inside = cells.filter((c) => intersectRects(c, m) !== undefined);
      const swallowed =
        inside.length > 1 ||
        (inside.length === 1 && (inside[0]!.top !== m.top || inside[0]!.left !== m.left));
      if (swallowed) out.push(`${sheet}!${rectAddress(m)}`);
    }
  }
  return out;
}

/** The add-in's table names on a sheet (XXGK_T2…) whose reference is a range on that sheet. */
function namedTables(
  names: HostNamedItemCollection,
  sheet: string,
): { table: TableId; range: string }[] {
  const out: { table: TableId; range: string }[] = [];
  for (const item of names.items) {
    const table = TABLE_NAMES.find(
      (t) => tableRangeName(t).toLowerCase() === item.name.toLowerCase(),
    );
    if (table === undefined || item.type !== "Range" || typeof item.value !== "string") continue;
    const { sheet: on, local } = splitQualified(item.value);
    if (on !== undefined && on !== sheet) continue;
    try {
      out.push({ table, range: rectAddress(parseRect(local.replace(/\$/gu, ""))) });
    } catch {
      // A name whose reference is not one rectangle (#REF! after a deletion) is ignored.
    }
  }
  return out;
}

/** The tables inside the add-in's named ranges (exactly the table, wherever rows were inserted). */
function locateInNames(
  sheet: string,
  used: Rect,
  grid: readonly (readonly RawCell[])[],
  named: readonly { table: TableId; range: string }[],
): LocatedTable[] {
  const found: LocatedTable[] = [];
  for (const n of named) {
    const rect = parseRect(n.range);
    const values = Array.from({ length: rect.bottom - rect.top + 1 }, (_, r) =>
      Array.from(
        { length: rect.right - rect.left + 1 },
        (_, c) => grid[rect.top + r - used.top]?.[rect.left + c - used.left] ?? null,
      ),
    );
    found.push(
      ...locateTables({ sheet, origin: cellAddress(rect.top, rect.left), values }).filter(
        (t) => t.table === n.table,
      ),
    );
  }
  return found;
}

/** What clearing did: formats removed, sheets cleared, sheets skipped (protected) or gone. */
export interface ClearResult {
  readonly removed: number;
  /** Names of the sheets cleared. */
  readonly sheets: string[];
  /** Protected sheets, left as they were (Excel refuses to delete their formats). */
  readonly protected: { readonly id: string; readonly name: string }[];
  /** The keys (names or ids) asked for that no longer name a sheet (deleted). */
  readonly missing: string[];
  /**
   * Sheets where some of the add-in's formats are left: Excel refused to list them (a copied
   * rule, office-js#6835) or to delete them (office-js#5222).
   */
  readonly notCleared: string[];
}

/**
 * Removes the add-in's conditional formats from the given sheets: 2 syncs for the active sheet or
 * sheets that all exist, 3 for every sheet. Deletions go highest id first (an id is a priority
 * position: deleting one moves the later ones); when Excel still refuses one (ItemNotFound,
 * office-js#5222) the formats are read again and the rest deleted (2 syncs more), and what is
 * still left is named in `notCleared`. When the first request fails, a sheet counts as missing
 * only when an explicit null-object check says so; every sheet left is then cleared in a request
 * of its own (sent together), so one sheet's failure cannot stop the others. Protected sheets
 * are skipped and named, never half-cleared.
 */
export async function clearHighlights(run: RunBatch, scope: SheetScope): Promise<ClearResult> {
  const clearSheets = async (
    context: HostContext,
    sheets: readonly HostWorksheet[],
  ): Promise<ClearResult> => {
    const loaded = sheets.map((sheet) => ({
      sheet: sheet.load("name,id"),
      protection: sheet.protection.load("protected"),
      formats: sheet.getRange().conditionalFormats.load(`items/id,${OWN_FORMAT_PROPERTIES}`),
    }));
    await context.sync();
    const skipped = loaded
      .filter((l) => l.protection.protected)
      .map((l) => ({ id: l.sheet.id, name: l.sheet.name }));
    const open = loaded.filter((l) => !l.protection.protected);
    const ids = open.map((l) => ownFormats(l.formats.items).map((cf) => cf.id));
    const queued = ids.reduce((n, list) => n + list.length, 0);
    const remove = (lists: readonly (readonly string[])[]): void =>
      open.forEach((l, i) => deleteFormats(l.sheet.getRange().conditionalFormats, lists[i]!));
    remove(ids);
    let left: number[] = open.map(() => 0);
    try {
      await context.sync();
    } catch (error) {
      if (officeErrorCode(error) !== "ItemNotFound") throw error;
      const again = open.map((l) =>
        l.sheet.getRange().conditionalFormats.load(`items/id,${OWN_FORMAT_PROPERTIES}`),
      );
      await context.sync();
      const rest = again.map((c) => ownFormats(c.items).map((cf) => cf.id));
      remove(rest);
      try {
        await context.sync();
      } catch {
        left = rest.map((r) => r.length);
      }
    }
    const remaining = left.reduce((n, k) => n + k, 0);
    return {
      removed: queued - remaining,
      sheets: open.filter((_, i) => left[i] === 0).map((l) => l.sheet.name),
      protected: skipped,
      missing: [],
      notCleared: open.filter((_, i) => left[i]! > 0).map((l) => l.sheet.name),
    };
  };
  /** After a failed first request: each sheet in its own request, all sent together. */
  const oneByOne = async (keys: readonly string[], missing: string[]): Promise<ClearResult> => {
    const results = await Promise.all(
      keys.map((k) =>
        run((context) =>
          clearSheets(context, [context.workbook.worksheets.getItemOrNullObject(k)]),
        ).catch(() => ({ key: k })),
      ),
    );
    const done = results.filter((r): r is ClearResult => !("key" in r));
    return {
      removed: done.reduce((n, r) => n + r.removed, 0),
      sheets: done.flatMap((r) => r.sheets),
      protected: done.flatMap((r) => r.protected),
      missing,
      notCleared: [
        ...done.flatMap((r) => r.notCleared),
        ...results.flatMap((r) => ("key" in r ? [r.key] : [])),
      ],
    };
  };
  return atBoundary("clear", async () => {
    if (scope.kind === "active" || scope.kind === "all") {
      try {
        return await run(async (context) => {
          if (scope.kind === "active")
            return clearSheets(context, [context.workbook.worksheets.getActiveWorksheet()]);
          const all = context.workbook.worksheets.load("items/id,items/name");
          await context.sync();
          return clearSheets(context, all.items);
        });
      } catch (error) {
        if (officeErrorCode(error) === undefined) throw error;
      }
      const names = await run(async (context) => {
        const all = context.workbook.worksheets.load("items/name");
        const active = context.workbook.worksheets.getActiveWorksheet().load("name");
        await context.sync();
        return scope.kind === "active" ? [active.name] : all.items.map((s) => s.name);
      });
      return oneByOne(names, []);
    }
    const keys = scope.names;
    try {
      return await run((context) =>
        clearSheets(
          context,
          keys.map((k) => context.workbook.worksheets.getItemOrNullObject(k)),
        ),
      );
    } catch (error) {
      if (officeErrorCode(error) === undefined) throw error;
    }
    // Which sheets are gone: only an explicit null-object check says so (1 sync).
    const present = await run(async (context) => {
      const found = keys.map((k) => context.workbook.worksheets.getItemOrNullObject(k).load("id"));
      await context.sync();
      return found.map((f) => !f.isNullObject);
    });
    return oneByOne(
      keys.filter((_, i) => present[i]),
      keys.filter((_, i) => !present[i]),
    );
  });
}
