/**
 * Reading sheets for the check: each sheet's used range in one request when it fits a cell budget
 * (Excel on the web refuses requests or responses over 5 MB), in further row bands only when it
 * does not; the add-in's named ranges; and, for highlighting, the sheet's conditional formats.
 * Tables are found in the named ranges on sheets the add-in made, by their labels elsewhere.
 * Syncs: 1 (one known sheet) or 2 (every sheet) to read, +1 to write highlights; more only for
 * sheets without the add-in's names too large for one request. Never more for more tables,
 * rules or findings.
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
  type HighlightSpec,
} from "./highlight";
import type {
  HostCellValue,
  HostConditionalFormatCollection,
  HostContext,
  HostNamedItemCollection,
  HostCapabilities,
  HostRange,
  HostRangeAreas,
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
 * texts could still exceed it, in which case Excel's error is reported (never half a result).
 */
export const CELL_BUDGET = 100_000;
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
  readonly cellBudget?: number;
}

interface Pending {
  readonly sheet: HostWorksheet;
  readonly protection: HostWorksheetProtection;
  readonly names: HostNamedItemCollection;
  readonly used: HostRange;
  readonly window: HostRange;
  readonly formats: HostConditionalFormatCollection | undefined;
  readonly merged: HostRangeAreas | undefined;
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
    () => run((context) => readInContext(context, options, capabilities)),
    () => scopeName,
  );
}

async function readInContext(
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
      formats: options.highlight
        ? sheet.getRange().conditionalFormats.load(OWN_FORMAT_PROPERTIES)
        : undefined,
      merged: capabilities.mergedAreas
        ? used.getMergedAreasOrNullObject().load("address")
        : undefined,
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

  const highlights: HighlightSpec[] = [];
  if (options.highlight) {
    const bySheet = new Map<string, HighlightSpec[]>();
    const specs = highlightSpecs(located, options.findingsFor?.(located) ?? []);
    highlights.push(...specs);
    for (const s of specs) bySheet.set(s.sheet, [...(bySheet.get(s.sheet) ?? []), s]);
    pending.forEach((p) => {
      if (p.protection.protected) return;
      for (const cf of ownFormats(p.formats!.items)) cf.delete();
      queueHighlights(p.sheet, bySheet.get(p.sheet.name) ?? []);
    });
    await context.sync();
  }
  return {
    activeSheet: active.name,
    sheets: readings,
    located,
    settings: settingsFrom(setting),
    highlights: highlights.filter((h) => !readings.find((r) => r.name === h.sheet)?.protected),
    mergedDataCells: mergedDataCells(pending, located),
  };
}

/**
 * The merged areas that swallow a located table's number cells: a merge covering two of them, or
 * one that is not the merge's top-left cell (the template's own wide single cells are fine).
 */
function mergedDataCells(pending: readonly Pending[], located: readonly LocatedTable[]): string[] {
  const out: string[] = [];
  for (const p of pending) {
    if (p.merged === undefined || p.merged.isNullObject) continue;
    const sheet = p.sheet.name;
    const cells = located
      .filter((t) => t.sheet === sheet)
      .flatMap((t) => [...t.cells.values()])
      .map((c) => (c.address === undefined ? undefined : splitQualified(c.address)))
      .filter((a): a is { sheet?: string; local: string } => a !== undefined && a.sheet === sheet)
      .map((a) => parseRect(a.local));
    for (const area of splitAreas(p.merged.address)) {
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
}

/**
 * Removes the add-in's conditional formats from the given sheets: 2 syncs for the active sheet or
 * sheets that all exist, 3 for every sheet; when a sheet asked for by key (a name, or a
 * `Worksheet.id`, which survives renaming) is gone, one failed sync and 3 more, clearing the rest.
 * Protected sheets are skipped and named, never half-cleared.
 */
export async function clearHighlights(run: RunBatch, scope: SheetScope): Promise<ClearResult> {
  const clearSheets = async (
    context: HostContext,
    sheets: readonly HostWorksheet[],
    missing: string[],
  ): Promise<ClearResult> => {
    const loaded = sheets.map((sheet) => ({
      sheet: sheet.load("name,id"),
      protection: sheet.protection.load("protected"),
      formats: sheet.getRange().conditionalFormats.load(OWN_FORMAT_PROPERTIES),
    }));
    await context.sync();
    let removed = 0;
    const cleared: string[] = [];
    const skipped: { id: string; name: string }[] = [];
    for (const l of loaded) {
      if (l.protection.protected) {
        skipped.push({ id: l.sheet.id, name: l.sheet.name });
        continue;
      }
      for (const cf of ownFormats(l.formats.items)) {
        cf.delete();
        removed += 1;
      }
      cleared.push(l.sheet.name);
    }
    await context.sync();
    return { removed, sheets: cleared, protected: skipped, missing };
  };
  const everySheet = async (
    context: HostContext,
    keep: (sheet: HostWorksheet) => boolean,
  ): Promise<HostWorksheet[]> => {
    const all = context.workbook.worksheets.load("items/id,items/name");
    await context.sync();
    return all.items.filter(keep);
  };
  return atBoundary("clear", async () => {
    if (scope.kind === "active")
      return run((context) =>
        clearSheets(context, [context.workbook.worksheets.getActiveWorksheet()], []),
      );
    if (scope.kind === "all")
      return run(async (context) =>
        clearSheets(context, await everySheet(context, () => true), []),
      );
    const keys = scope.names;
    try {
      return await run((context) =>
        clearSheets(
          context,
          keys.map((k) => context.workbook.worksheets.getItemOrNullObject(k)),
          [],
        ),
      );
    } catch (error) {
      if (officeErrorCode(error) !== "ItemNotFound") throw error;
    }
    // A sheet was deleted (nothing was changed yet): find those left, clear them, name the rest.
    return run(async (context) => {
      const found = new Set<string>();
      const present = await everySheet(context, (sheet) => {
        const key = keys.find(
          (k) => k === sheet.id || k.toLowerCase() === sheet.name.toLowerCase(),
        );
        if (key !== undefined) found.add(key);
        return key !== undefined;
      });
      return clearSheets(
        context,
        present,
        keys.filter((k) => !found.has(k)),
      );
    });
  });
}
