/**
 * A workbook double that behaves like Excel's JavaScript API where the adapter depends on it:
 * calls queue operations that run, in order, at `sync()` (each counted, and round trips in
 * sequence counted apart: syncs of two `run`s awaited together share one); reading a property that
 * was not loaded and synced throws PropertyNotLoaded; wrong-shaped arrays are rejected with
 * InvalidArgument; protected sheets refuse writes; merges, conditional formats (formula + range),
 * names, data validation, workbook settings and custom XML parts are modelled. It cannot render,
 * recalculate on a timer or model anything the adapter does not call.
 *
 * Behaviours and their sources (index.d.ts = node_modules/@types/office-js/index.d.ts 1.0.612;
 * office.js = node_modules/@microsoft/office-js/dist 1.1.110; issue numbers are OfficeDev/office-js):
 * - `Excel.run` sends what is still queued with a final sync when the batch returns: office.js
 *   ClientRequestContext._runCommon, `return ctx.sync(runBodyResult)` (excel-win32-16.01.debug.js
 *   line 14360). GUESS: an empty queue sends nothing.
 * - Payload limits: a read over the limit fails with ResponsePayloadSizeLimitExceeded, a write with
 *   RequestPayloadSizeLimitExceeded (office.js CoreErrorCodes, excel-win32-16.01.debug.js lines
 *   10910–10911); 5 MB on the web (office-addin-notes), counted in UTF-8 bytes of JSON. GUESS: that
 *   the JSON payload is what is measured.
 * - `getSelectedRange()` throws for a multi-area selection (index.d.ts 37045); GUESS: the code
 *   InvalidSelection. `getSelectedRanges()` and `RangeAreas.areaCount` are ExcelApi 1.9 (37058,
 *   39730).
 * - `getMergedAreasOrNullObject()` fails past 512 merged areas (index.d.ts 39143); GUESS: the code
 *   GeneralException.
 * - `suspendApiCalculationUntilNextSync()` (ExcelApi 1.6, index.d.ts 36589): formulas written after
 *   it in the batch show their old value until `application.calculate()`. GUESS: the old value is
 *   what the cell showed before (empty for a new cell), and an edit of a precedent does not
 *   recalculate them.
 * - Merged cells never autofit (issue #1840): autofitRows leaves rows with a merged area alone.
 *   GUESS: the fitted height of other rows (recorded as "autofitted" only).
 * - Conditional formats: a rule formula that evaluates to an error applies no format (Excel's
 *   documented behaviour for formula rules); `ConditionalFormat.id` is the priority position
 *   (index.d.ts "the priority of the conditional format in the current collection"); a loaded
 *   item refers to its format by that position, so deleting one of two formats on the same cells
 *   in ascending order fails with ItemNotFound (issue #5222; GUESS: that this is the mechanism);
 *   loading a collection with a duplicated rule or two cell-value rules on one range fails (issues
 *   #6835, #6827; GUESS: the code GeneralException and what "duplicated" means).
 * - API-created formats that refer to other cells may not re-evaluate after an edit (issue #5299):
 *   NOT modelled; the double evaluates every format when asked (`activeConditionalFormats`), so it
 *   cannot show a stale mark. The pane tells users to check again instead.
 * - `getRanges("D8,E9:F10")` splits at the user's list separator: with ";" it fails with
 *   InvalidArgument (issues #1167, #1985); option `listSeparator`.
 * - `worksheet.getRange("Other!A1")` naming another sheet: GUESS (undocumented) InvalidArgument,
 *   never this sheet's A1.
 * - Settings are per add-in instance (issue #840): `instance(name)` gives another copy with its own
 *   settings over the same workbook. Custom XML parts (ExcelApi 1.5, index.d.ts 36746; getXml,
 *   setXml 49175–49185) are shared by every copy.
 * - Row heights: at most 409 points (Microsoft's "Excel specifications and limits"); GUESS: a
 *   larger `format.rowHeight` fails with InvalidArgument.
 * - Workbook structure protection: `worksheets.add` and `worksheet.delete` fail with AccessDenied
 *   (GUESS: the code).
 * - `Range.text` is the value as its number format shows it (index.d.ts 38722); modelled formats
 *   listed at `formatText` (GUESS: any other format shows as General).
 * - Typed entry (`type`, and strings written to `values`, which Excel parses as typed): "1,024",
 *   "5%", "1e3", " 12 ", "TRUE" and full-width "１２" become what Excel makes of them; nothing is
 *   converted in a text-formatted ("@") cell. GUESS: full-width digits outside Chinese and Japanese
 *   locales; dates and currency are not modelled.
 * - Formulas (formula.ts): ROUND half away from zero on the 15-digit value, IF(TRUE,blank) = 0,
 *   AND/OR skip blank cells and text in cells and read whole ranges, blank = FALSE, LEN of a number
 *   uses its 15-digit text, TRIM removes only the ASCII space (Microsoft's TRIM page), text to
 *   number as Excel coerces it; a circular reference shows 0 (Excel with iterative calculation
 *   off), never "#REF!".
 * Other GUESS comments below mark what is inferred rather than documented.
 */
import type {
  HostBorderIndex,
  HostCellValue,
  HostConditionalFormat,
  HostConditionalFormatCollection,
  HostContext,
  HostCustomXmlPart,
  HostCustomXmlPartCollection,
  HostCustomXmlPartScopedCollection,
  HostCustomConditionalFormat,
  HostDataValidation,
  HostDataValidationRule,
  HostNamedItem,
  HostNamedItemCollection,
  HostRange,
  HostRangeAreas,
  HostRangeBorder,
  HostRangeFormat,
  HostSetting,
  HostSettingCollection,
  HostWorkbook,
  HostWorksheet,
  HostWorksheetCollection,
  HostWorksheetProtection,
  RunBatch,
} from "../../../src/excel/host";
import { parseCellAddress } from "../../../src/core/model/address";
import { assertParses, excelRound, FormulaSyntaxError, numberText, textToNumber } from "./formula";
import {
  absoluteRectAddress,
  cellFormula,
  cellValue,
  contains,
  intersect,
  key,
  newSheet,
  qualifiedAddress,
  usedBounds,
  type CellFormat,
  type CellState,
  type ConditionalFormatState,
  type NameState,
  type Rect,
  type SheetState,
  type WorkbookState,
} from "./state";

/** The error office-js throws (OfficeExtension.Error): a name, a code, a message, debug info. */
export class DoubleOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation === undefined ? {} : { errorLocation }) };
  }
}

export interface DoubleOptions {
  /**
   * Largest response (and, separately, request) of one sync, in UTF-8 bytes of JSON (a Chinese
   * character is three bytes). Excel on the web refuses past 5 MB; desktop Excel has no such
   * limit. GUESS: the web measures the JSON payload, so we do.
   */
  readonly payloadLimitBytes?: number;
  /**
   * The list separator of the user's regional settings. With ";" (German, French… Windows
   * settings) `getRanges("D8,E9:F10")` fails with InvalidArgument (office-js#1167, #1985).
   */
  readonly listSeparator?: "," | ";";
  /** Which add-in instance runs (settings are per instance, office-js#840). */
  readonly addinInstance?: string;
}

type Op = () => void;

/** Counts and runs the queued operations; one instance per `run`. */
class DoubleContext implements HostContext {
  readonly workbook: DoubleWorkbook;
  ops: Op[] = [];
  /** Bytes read back (response) and written (request) in the current sync. */
  response = 0;
  request = 0;
  /** `suspendApiCalculationUntilNextSync()` was called in the current batch. */
  suspended = false;
  constructor(readonly double: WorkbookDouble) {
    this.workbook = new DoubleWorkbook(this);
  }

  running = false;

  /**
   * Queues an operation. One made while a sync runs (the proxies of a collection's items, created
   * at load time, queue their own resolution) is dropped, not kept for the next sync: those items
   * are already resolved. GUESS: office-js has no such step; nothing the adapter does depends on it.
   */
  queue(op: Op): void {
    if (this.running) return;
    this.ops.push(op);
  }

  /**
   * Counts what a load sends back (`direction` "response") or a write sends ("request"). office.js
   * has both codes (CoreErrorCodes.requestPayloadSizeLimitExceeded and
   * responsePayloadSizeLimitExceeded, excel-win32-16.01.debug.js lines 10910–10911): a read over
   * the limit fails with ResponsePayloadSizeLimitExceeded.
   */
  addPayload(value: unknown, location: string, direction: "request" | "response"): void {
    const bytes = new TextEncoder().encode(JSON.stringify(value) ?? "").length;
    if (direction === "response") this.response += bytes;
    else this.request += bytes;
    if ((direction === "response" ? this.response : this.request) > this.double.payloadLimitBytes) {
      throw direction === "response"
        ? new DoubleOfficeError(
            "ResponsePayloadSizeLimitExceeded",
            "The response payload size has exceeded the limit.",
            location,
          )
        : new DoubleOfficeError(
            "RequestPayloadSizeLimitExceeded",
            "The request payload size has exceeded the limit.",
            location,
          );
    }
  }

  sync(): Promise<unknown> {
    this.double.syncCount += 1;
    this.double.beginRoundTrip();
    const ops = this.ops;
    this.ops = [];
    this.response = 0;
    this.request = 0;
    this.running = true;
    try {
      // GUESS (documented behaviour is "the batch stops at the failing operation"): operations
      // before the failure stay applied; the rest of the batch is dropped.
      for (const op of ops) op();
    } catch (error) {
      return this.double.endRoundTrip(
        Promise.reject(error instanceof Error ? error : new Error(String(error))),
      );
    } finally {
      this.running = false;
      // Calculation resumes at the sync (index.d.ts 36589).
      this.suspended = false;
    }
    return this.double.endRoundTrip(Promise.resolve(undefined));
  }

  get state(): WorkbookState {
    return this.double.state;
  }
}

function notLoaded(type: string, property: string): DoubleOfficeError {
  return new DoubleOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`,
  );
}

/** A proxy: queued loads fill `loaded` at sync; reading anything else throws. */
abstract class ProxyBase<T> {
  protected target: T | null | undefined = undefined;
  private readonly loaded = new Map<string, unknown>();
  private readonly assigned = new Map<string, unknown>();
  /**
   * GUESS (stricter than office-js, never laxer): `isNullObject` is readable only after a load and
   * a sync of this proxy; office-js may answer it after any sync that touched the object.
   */
  private nullKnown = false;
  constructor(
    protected readonly ctx: DoubleContext,
    protected readonly typeName: string,
  ) {}

  private readonly children = new Map<string, unknown>();

  /** A navigation property: the same proxy every time, as office-js returns. */
  protected memo<V>(name: string, make: () => V): V {
    if (!this.children.has(name)) this.children.set(name, make());
    return this.children.get(name) as V;
  }

  /** Resolves (once) to the state object; null for a null object; throws ItemNotFound otherwise. */
  protected abstract resolveTarget(): T | null;

  protected resolve(): T {
    if (this.target === undefined) this.target = this.resolveTarget();
    if (this.target === null) {
      throw new DoubleOfficeError(
        "ItemNotFound",
        `The requested ${this.typeName} does not exist.`,
        this.typeName,
      );
    }
    return this.target;
  }

  protected tryResolve(): T | null {
    if (this.target === undefined) this.target = this.resolveTarget();
    return this.target;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded(this.typeName, "isNullObject");
    return this.target === null;
  }

  /** The value of a loaded scalar property at the time of the load. */
  protected abstract scalar(target: T, property: string): unknown;

  /** A navigation property (for load paths such as "customOrNullObject/rule/formula"). */
  protected child(_property: string): ProxyBase<unknown> | undefined {
    return undefined;
  }

  /** The items of a collection proxy, created at load time. */
  protected listItems(_target: T): ProxyBase<unknown>[] | undefined {
    return undefined;
  }

  protected read<V>(property: string): V {
    if (this.assigned.has(property)) return this.assigned.get(property) as V;
    if (!this.loaded.has(property)) throw notLoaded(this.typeName, property);
    return this.loaded.get(property) as V;
  }

  protected write(property: string, value: unknown, apply: (target: T) => void): void {
    this.assigned.set(property, value);
    this.ctx.queue(() => apply(this.resolve()));
  }

  /** Queues a load: "a,b", ["a"], "items/name", "customOrNullObject/rule/formula". */
  load(propertyNames?: string | string[]): this {
    const list = (Array.isArray(propertyNames) ? propertyNames : (propertyNames ?? "").split(","))
      .map((p) => p.trim())
      .filter((p) => p !== "");
    this.ctx.queue(() => this.applyLoad(list));
    return this;
  }

  /** Runs at sync: resolves and records the requested properties. */
  applyLoad(paths: readonly string[]): void {
    const target = this.tryResolveForLoad();
    this.nullKnown = true;
    if (target === null) return;
    const direct = paths.filter((p) => !p.includes("/"));
    for (const p of direct) {
      const value = this.scalar(target, p);
      this.ctx.addPayload(value, `${this.typeName}.${p}`, "response");
      this.loaded.set(p, value);
      this.assigned.delete(p);
    }
    const nested = new Map<string, string[]>();
    for (const p of paths.filter((x) => x.includes("/"))) {
      const [head, ...rest] = p.split("/");
      nested.set(head!, [...(nested.get(head!) ?? []), rest.join("/")]);
    }
    for (const [head, rest] of nested) {
      if (head === "items") {
        const items = this.listItems(target);
        if (items === undefined) throw new Error(`double: ${this.typeName} is not a collection`);
        this.loaded.set("items", items);
        for (const item of items) item.applyLoad(rest);
      } else {
        const child = this.child(head);
        if (child === undefined)
          throw new Error(`double: ${this.typeName}.${head} is not modelled`);
        child.applyLoad(rest);
      }
    }
    if (paths.length === 0) {
      const items = this.listItems(target);
      if (items !== undefined) this.loaded.set("items", items);
    }
  }

  protected tryResolveForLoad(): T | null {
    return this.tryResolve();
  }

  /** Marks a proxy created from a known object as resolved (collection items). */
  resolved(target: T): this {
    this.target = target;
    this.nullKnown = true;
    return this;
  }
}

// ---------------------------------------------------------------------------------------------
// Workbook, sheets, settings

class DoubleWorkbook implements HostWorkbook {
  readonly worksheets: DoubleWorksheetCollection;
  readonly settings: DoubleSettingCollection;
  readonly application = {
    /**
     * Formulas written after this call in the batch are not calculated: they show their old value
     * until the workbook is calculated ("it is the developer's responsibility to re-calc the
     * workbook", index.d.ts 36589, ExcelApi 1.6).
     */
    suspendApiCalculationUntilNextSync: (): void => {
      this.ctx.queue(() => {
        this.ctx.suspended = true;
      });
    },
    /** Application.calculate (ExcelApi 1.1): every formula shows its calculated value again. */
    calculate: (_type?: string): void => {
      this.ctx.queue(() => {
        for (const sheet of this.ctx.state.sheets)
          for (const cell of sheet.cells.values()) delete cell.stale;
      });
    },
  };
  get customXmlParts(): HostCustomXmlPartCollection {
    return new DoubleCustomXmlParts(this.ctx);
  }
  constructor(private readonly ctx: DoubleContext) {
    this.worksheets = new DoubleWorksheetCollection(ctx);
    this.settings = new DoubleSettingCollection(ctx);
  }

  getSelectedRange(): HostRange {
    const ctx = this.ctx;
    return new DoubleRange(ctx, () => {
      const selection = ctx.state.selection;
      // Documented: "If there are multiple ranges selected, this method will throw an error"
      // (index.d.ts 37045). GUESS: the code, which the documentation does not give.
      if (selection.areas.length !== 1) {
        throw new DoubleOfficeError(
          "InvalidSelection",
          "The current selection is invalid for this operation.",
        );
      }
      const sheet = ctx.state.sheets.find((s) => s.id === selection.sheetId)!;
      return { sheet, rect: selection.areas[0]! };
    });
  }

  /** ExcelApi 1.9 (index.d.ts 37058): every selected area, as RangeAreas. */
  getSelectedRanges(): HostRangeAreas {
    const ctx = this.ctx;
    return new DoubleRangeAreas(ctx, () => {
      const selection = ctx.state.selection;
      const sheet = ctx.state.sheets.find((s) => s.id === selection.sheetId)!;
      return { sheet, rects: selection.areas };
    });
  }
}

class DoubleWorksheetCollection extends ProxyBase<SheetState[]> implements HostWorksheetCollection {
  constructor(ctx: DoubleContext) {
    super(ctx, "WorksheetCollection");
  }
  protected resolveTarget(): SheetState[] {
    return this.ctx.state.sheets;
  }
  protected scalar(_t: SheetState[], property: string): unknown {
    throw new Error(`double: WorksheetCollection.${property} is not modelled`);
  }
  protected override listItems(target: SheetState[]): ProxyBase<unknown>[] {
    return target.map((s) => new DoubleWorksheet(this.ctx, () => s).resolved(s));
  }
  get items(): HostWorksheet[] {
    return this.read<HostWorksheet[]>("items");
  }
  add(name?: string): HostWorksheet {
    const ctx = this.ctx;
    let created: SheetState | undefined;
    ctx.queue(() => {
      const state = ctx.state;
      if (state.structureProtected) {
        // GUESS (the code): a protected workbook structure refuses new sheets with AccessDenied.
        throw new DoubleOfficeError(
          "AccessDenied",
          "The workbook's structure is protected: sheets cannot be added.",
        );
      }
      const chosen = name ?? `Sheet${state.nextSheetId}`;
      if (state.sheets.some((s) => s.name.toLowerCase() === chosen.toLowerCase())) {
        // GUESS: the code Excel uses for a duplicate sheet name.
        throw new DoubleOfficeError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      }
      if (/[\\/?*[\]:]/u.test(chosen) || chosen.length > 31 || chosen.trim() === "") {
        throw new DoubleOfficeError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
        );
      }
      created = newSheet(state.nextSheetId, chosen);
      state.nextSheetId += 1;
      state.sheets.push(created);
    });
    return new DoubleWorksheet(ctx, () => created ?? null);
  }
  getActiveWorksheet(): HostWorksheet {
    const ctx = this.ctx;
    return new DoubleWorksheet(ctx, () =>
      ctx.state.sheets.find((s) => s.id === ctx.state.activeSheetId)!,
    );
  }
  getItemOrNullObject(key: string): HostWorksheet {
    const ctx = this.ctx;
    // Documented: the key is the worksheet's name or its id (the id survives renaming).
    return new DoubleWorksheet(
      ctx,
      () =>
        ctx.state.sheets.find(
          (s) => s.name.toLowerCase() === key.toLowerCase() || `{${s.id}}` === key,
        ) ?? null,
    );
  }
}

class DoubleWorksheet extends ProxyBase<SheetState> implements HostWorksheet {
  constructor(
    ctx: DoubleContext,
    private readonly find: () => SheetState | null,
  ) {
    super(ctx, "Worksheet");
    // A proxy refers to one sheet from its first use in a batch (as office-js proxies do by id).
    ctx.queue(() => void this.tryResolve());
  }
  protected resolveTarget(): SheetState | null {
    const found = this.find();
    // A sheet deleted since the proxy was made is gone: Excel answers ItemNotFound.
    return found !== null && this.ctx.state.sheets.includes(found) ? found : null;
  }
  /**
   * GUESS: a method called on a null object (from getItemOrNullObject, a sheet that does not
   * exist), such as getRange() or protection.load(), fails the whole batch with ItemNotFound at
   * sync; only loading the null object itself (for isNullObject) is safe. Undocumented.
   */
  protected override resolve(): SheetState {
    const sheet = super.resolve();
    if (!this.ctx.state.sheets.includes(sheet)) {
      throw new DoubleOfficeError(
        "ItemNotFound",
        "The requested resource doesn't exist.",
        "Worksheet",
      );
    }
    return sheet;
  }
  protected scalar(t: SheetState, property: string): unknown {
    switch (property) {
      case "name":
        return t.name;
      case "position":
        return this.ctx.state.sheets.indexOf(t);
      case "visibility":
        return t.visibility;
      case "id":
        return `{${t.id}}`;
      default:
        throw new Error(`double: Worksheet.${property} is not modelled`);
    }
  }
  protected override child(property: string): ProxyBase<unknown> | undefined {
    if (property === "protection") return this.protection as unknown as ProxyBase<unknown>;
    return undefined;
  }
  get id(): string {
    return this.read<string>("id");
  }
  get name(): string {
    return this.read<string>("name");
  }
  set name(value: string) {
    this.write("name", value, (t) => {
      guardSheet(t, "rename");
      t.name = value;
    });
  }
  get position(): number {
    return this.read<number>("position");
  }
  get visibility(): string {
    return this.read<string>("visibility");
  }
  get names(): HostNamedItemCollection {
    return this.memo("names", () => new DoubleNamedItemCollection(this.ctx, () => this.resolve()));
  }
  get protection(): HostWorksheetProtection {
    return this.memo("protection", () => new DoubleProtection(this.ctx, () => this.resolve()));
  }
  activate(): void {
    this.ctx.queue(() => {
      const sheet = this.resolve();
      this.ctx.state.activeSheetId = sheet.id;
      // GUESS: Excel restores the sheet's own last selection; the double, keeping one selection
      // for the workbook, puts it on A1.
      this.ctx.state.selection = {
        sheetId: sheet.id,
        areas: [{ top: 0, left: 0, bottom: 0, right: 0 }],
      };
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const sheet = this.resolve();
      const state = this.ctx.state;
      if (state.sheets.length === 1)
        throw new DoubleOfficeError("InvalidOperation", "A workbook keeps at least one sheet.");
      if (state.structureProtected)
        throw new DoubleOfficeError("AccessDenied", "The workbook's structure is protected.");
      state.sheets = state.sheets.filter((s) => s !== sheet);
      if (state.activeSheetId === sheet.id) {
        state.activeSheetId = state.sheets[0]!.id;
        state.selection = {
          sheetId: state.activeSheetId,
          areas: [{ top: 0, left: 0, bottom: 0, right: 0 }],
        };
      }
    });
  }
  getRange(address?: string): HostRange {
    return new DoubleRange(this.ctx, () => {
      const sheet = this.resolve();
      if (address !== undefined) onThisSheet(sheet, address);
      return { sheet, rect: address === undefined ? WHOLE_SHEET : parseRect(address) };
    });
  }
  getRanges(address?: string): HostRangeAreas {
    const separator = this.ctx.double.listSeparator;
    return new DoubleRangeAreas(this.ctx, () => {
      const sheet = this.resolve();
      const text = address ?? "A1";
      // office-js#1167, #1985: the areas are split at the user's list separator, so "D8,E9" is
      // one invalid address where the separator is ";".
      const parts = separator === ";" ? text.split(";") : text.split(",");
      return { sheet, rects: parts.map((a) => parseRect(a.trim())) };
    });
  }
  getUsedRange(valuesOnly?: boolean): HostRange {
    const range = new DoubleRange(this.ctx, () => {
      const sheet = this.resolve();
      // Documented: a blank sheet's used range is its top-left cell.
      return {
        sheet,
        rect: usedBounds(sheet, valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
    return range;
  }
}

const WHOLE_SHEET: Rect = { top: 0, left: 0, bottom: 1_048_575, right: 16_383 };

/**
 * GUESS (not documented either way): `worksheet.getRange("Other!A1")` naming another sheet is
 * refused with InvalidArgument; it never silently gives this sheet's A1.
 */
function onThisSheet(sheet: SheetState, address: string): void {
  if (!address.includes("!")) return;
  const raw = address.slice(0, address.lastIndexOf("!"));
  const name = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/gu, "'") : raw;
  if (name.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new DoubleOfficeError(
      "InvalidArgument",
      `The address ${address} is not on the sheet ${sheet.name}.`,
    );
  }
}

function guardSheet(sheet: SheetState, what: string): void {
  if (sheet.protected) {
    // GUESS: the code Excel uses when a protected sheet refuses an API write.
    throw new DoubleOfficeError("AccessDenied", `The sheet is protected: cannot ${what}.`);
  }
}

/** "A1", "$A$1:D5", "Sheet1!A1:B2", "'My sheet'!A1" → a rectangle (the sheet part is ignored). */
export function parseRect(address: string): Rect {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const [a, b] = local.split(":");
  try {
    const start = parseCellAddress(a!);
    const end = parseCellAddress(b ?? a!);
    return {
      top: Math.min(start.row, end.row),
      left: Math.min(start.column, end.column),
      bottom: Math.max(start.row, end.row),
      right: Math.max(start.column, end.column),
    };
  } catch {
    throw new DoubleOfficeError("InvalidArgument", `The argument is invalid: ${address}`);
  }
}

class DoubleProtection extends ProxyBase<SheetState> implements HostWorksheetProtection {
  constructor(
    ctx: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, "WorksheetProtection");
  }
  protected resolveTarget(): SheetState {
    return this.sheet();
  }
  protected scalar(t: SheetState, property: string): unknown {
    if (property === "protected") return t.protected;
    throw new Error(`double: WorksheetProtection.${property} is not modelled`);
  }
  get protected(): boolean {
    return this.read<boolean>("protected");
  }
}

class DoubleSettingCollection implements HostSettingCollection {
  constructor(private readonly ctx: DoubleContext) {}
  add(key: string, value: string | number | boolean): HostSetting {
    this.ctx.queue(() => {
      // Settings are stored as JSON in the document; a round trip keeps only JSON values.
      this.ctx.double.settings().set(key, JSON.parse(JSON.stringify(value)) as unknown);
    });
    return this.getItemOrNullObject(key);
  }
  getItemOrNullObject(key: string): HostSetting {
    return new DoubleSetting(this.ctx, key);
  }
}

class DoubleSetting extends ProxyBase<{ key: string; value: unknown }> implements HostSetting {
  constructor(
    ctx: DoubleContext,
    private readonly settingKey: string,
  ) {
    super(ctx, "Setting");
  }
  protected resolveTarget(): { key: string; value: unknown } | null {
    const settings = this.ctx.double.settings();
    return settings.has(this.settingKey)
      ? { key: this.settingKey, value: settings.get(this.settingKey) }
      : null;
  }
  protected override tryResolveForLoad(): { key: string; value: unknown } | null {
    this.target = undefined;
    return this.tryResolve();
  }
  protected scalar(t: { key: string; value: unknown }, property: string): unknown {
    if (property === "key") return t.key;
    if (property === "value") return t.value;
    throw new Error(`double: Setting.${property} is not modelled`);
  }
  get key(): string {
    return this.read<string>("key");
  }
  get value(): unknown {
    return this.read<unknown>("value");
  }
}

// ---------------------------------------------------------------------------------------------
// Names

class DoubleNamedItemCollection extends ProxyBase<SheetState> implements HostNamedItemCollection {
  constructor(
    ctx: DoubleContext,
    private readonly sheet: () => SheetState,
  ) {
    super(ctx, "NamedItemCollection");
  }
  protected resolveTarget(): SheetState {
    return this.sheet();
  }
  protected scalar(_t: SheetState, property: string): unknown {
    throw new Error(`double: NamedItemCollection.${property} is not modelled`);
  }
  protected override listItems(target: SheetState): ProxyBase<unknown>[] {
    return target.names.map((n) => new DoubleNamedItem(this.ctx, () => n).resolved(n));
  }
  get items(): HostNamedItem[] {
    return this.read<HostNamedItem[]>("items");
  }
  add(name: string, reference: HostRange | string, comment?: string): HostNamedItem {
    let created: NameState | undefined;
    this.ctx.queue(() => {
      const sheet = this.resolve();
      if (
        !/^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/u.test(name) ||
        /^[A-Za-z]{1,3}\d+$/u.test(name)
      ) {
        throw new DoubleOfficeError("InvalidArgument", `Invalid name: ${name}`);
      }
      if (sheet.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        // GUESS: the code for a duplicate name in the same scope.
        throw new DoubleOfficeError(
          "ItemAlreadyExists",
          "A resource with the same name or identifier already exists.",
        );
      }
      const target =
        typeof reference === "string"
          ? { sheet, rect: parseRect(reference) }
          : (reference as DoubleRange).resolveRange();
      created = {
        name,
        sheetId: target.sheet.id,
        rect: target.rect,
        visible: true,
        ...(comment === undefined ? {} : { comment }),
      };
      sheet.names.push(created);
    });
    return new DoubleNamedItem(this.ctx, () => created ?? null);
  }
  getItemOrNullObject(name: string): HostNamedItem {
    return new DoubleNamedItem(
      this.ctx,
      () => this.resolve().names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
}

class DoubleNamedItem extends ProxyBase<NameState> implements HostNamedItem {
  constructor(
    ctx: DoubleContext,
    private readonly find: () => NameState | null,
  ) {
    super(ctx, "NamedItem");
  }
  protected resolveTarget(): NameState | null {
    return this.find();
  }
  protected scalar(t: NameState, property: string): unknown {
    const sheet = this.ctx.state.sheets.find((s) => s.id === t.sheetId);
    switch (property) {
      case "name":
        return t.name;
      case "type":
        return sheet === undefined ? "Error" : "Range";
      case "value":
        return sheet === undefined
          ? "#REF!"
          : `${qualifiedAddress(sheet, t.rect).split("!")[0]}!${absoluteRectAddress(t.rect)}`;
      case "visible":
        return t.visible;
      case "comment":
        return t.comment ?? "";
      default:
        throw new Error(`double: NamedItem.${property} is not modelled`);
    }
  }
  get name(): string {
    return this.read<string>("name");
  }
  get type(): string {
    return this.read<string>("type");
  }
  get value(): unknown {
    return this.read<unknown>("value");
  }
  get visible(): boolean {
    return this.read<boolean>("visible");
  }
  delete(): void {
    this.ctx.queue(() => {
      const name = this.resolve();
      const state = this.ctx.state;
      for (const list of [state.names, ...state.sheets.map((s) => s.names)]) {
        const i = list.indexOf(name);
        if (i >= 0) list.splice(i, 1);
      }
    });
  }
  getRangeOrNullObject(): HostRange {
    return new DoubleRange(this.ctx, () => {
      const name = this.tryResolve();
      if (name === null) return null;
      const sheet = this.ctx.state.sheets.find((s) => s.id === name.sheetId);
      return sheet === undefined ? null : { sheet, rect: name.rect };
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

function cellsOf(rect: Rect): { row: number; column: number }[] {
  const out: { row: number; column: number }[] = [];
  for (let r = rect.top; r <= rect.bottom; r++)
    for (let c = rect.left; c <= rect.right; c++) out.push({ row: r, column: c });
  return out;
}

function size(rect: Rect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

function cellOf(sheet: SheetState, row: number, column: number): CellState {
  const k = key(row, column);
  let cell = sheet.cells.get(k);
  if (cell === undefined) {
    cell = {};
    sheet.cells.set(k, cell);
  }
  return cell;
}

function pruneCell(sheet: SheetState, row: number, column: number): void {
  const k = key(row, column);
  const cell = sheet.cells.get(k);
  if (cell === undefined) return;
  if (cell.format !== undefined && Object.keys(cell.format).length === 0) delete cell.format;
  if (cell.value === "") delete cell.value;
  if (Object.keys(cell).length === 0) sheet.cells.delete(k);
}

/** Refuses a write to locked cells of a protected sheet (unlocked cells take values). */
function guardCells(target: RangeTarget, valuesOnly: boolean): void {
  if (!target.sheet.protected) return;
  const locked = cellsOf(target.rect).some(
    (p) => target.sheet.cells.get(key(p.row, p.column))?.format?.locked !== false,
  );
  if (!valuesOnly || locked) {
    throw new DoubleOfficeError(
      "AccessDenied",
      "The cell or chart you're trying to change is on a protected sheet.",
    );
  }
}

function checkShape(target: RangeTarget, value: unknown, property: string): unknown[][] {
  const rows = target.rect.bottom - target.rect.top + 1;
  const columns = target.rect.right - target.rect.left + 1;
  if (!Array.isArray(value)) {
    // office-js accepts a single value for a whole range; the adapter never relies on it.
    return Array.from({ length: rows }, () => Array<unknown>(columns).fill(value));
  }
  const grid = value as unknown[];
  if (
    grid.length !== rows ||
    grid.some((row) => !Array.isArray(row) || (row as unknown[]).length !== columns)
  ) {
    throw new DoubleOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
    );
  }
  return grid as unknown[][];
}

/**
 * What Excel makes of text typed into a General cell (and of a string written to `values`, which
 * Range.values documents as behaving like typed entry): "1,024" → 1024, "5%" → 0.05, "1e3" → 1000,
 * " 12 " → 12, "TRUE"/"false" → the logical value, "１２" → 12 (full-width digits, converted
 * by Excel in Chinese and Japanese locales: GUESS for other locales); "0x10", "1,0000" stay
 * text. Into a text-formatted ("@") cell nothing is converted.
 */
export function typedValue(input: string): HostCellValue | undefined {
  const upper = input.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return upper === "TRUE";
  const half = input.replace(/[\uff01-\uff5e]/gu, (c) =>
    String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
  return textToNumber(half);
}

/** How Excel stores what is typed or written to `values`/`formulas`. */
function enter(cell: CellState, input: unknown, numberFormat: string | undefined): void {
  delete cell.formula;
  delete cell.value;
  delete cell.stale;
  if (input === null || input === undefined || input === "") return;
  if (
    typeof input === "string" &&
    input.startsWith("=") &&
    input.length > 1 &&
    numberFormat !== "@"
  ) {
    try {
      assertParses(input);
    } catch (error) {
      if (error instanceof FormulaSyntaxError) {
        throw new DoubleOfficeError("InvalidArgument", `The formula is invalid: ${input}`);
      }
      throw error;
    }
    cell.formula = input;
    return;
  }
  if (typeof input === "string" && numberFormat !== "@") {
    const typed = typedValue(input);
    if (typed !== undefined) {
      cell.value = typed;
      return;
    }
  }
  if (typeof input === "number" || typeof input === "string" || typeof input === "boolean") {
    cell.value = input;
    return;
  }
  throw new DoubleOfficeError("InvalidArgument", "Unsupported cell value.");
}

class DoubleRange extends ProxyBase<RangeTarget> implements HostRange {
  constructor(
    ctx: DoubleContext,
    private readonly find: () => RangeTarget | null,
  ) {
    super(ctx, "Range");
    // Ranges are resolved where they are made in the batch (a used range sees earlier writes).
    ctx.queue(() => void this.tryResolve());
  }
  protected resolveTarget(): RangeTarget | null {
    return this.find();
  }
  resolveRange(): RangeTarget {
    return this.resolve();
  }
  protected scalar(t: RangeTarget, property: string): unknown {
    const rows = (f: (row: number, column: number) => unknown): unknown[][] => {
      if (size(t.rect) > 5_000_000) {
        // Documented for Excel on the web: past five million cells a read fails.
        throw new DoubleOfficeError(
          "ResponsePayloadSizeLimitExceeded",
          "The range is too large to read.",
        );
      }
      const out: unknown[][] = [];
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = t.rect.left; c <= t.rect.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (property) {
      case "address":
        return qualifiedAddress(t.sheet, t.rect);
      case "rowCount":
        return t.rect.bottom - t.rect.top + 1;
      case "columnCount":
        return t.rect.right - t.rect.left + 1;
      case "rowIndex":
        return t.rect.top;
      case "columnIndex":
        return t.rect.left;
      case "cellCount":
        return size(t.rect);
      case "values":
        return rows((r, c) => cellValue(t.sheet, r, c));
      case "formulas":
        return rows((r, c) => cellFormula(t.sheet, r, c));
      case "numberFormat":
        return rows((r, c) => t.sheet.cells.get(key(r, c))?.numberFormat ?? "General");
      case "text":
        return rows((r, c) =>
          formatText(cellValue(t.sheet, r, c), t.sheet.cells.get(key(r, c))?.numberFormat),
        );
      default:
        throw new Error(`double: Range.${property} is not modelled`);
    }
  }
  get address(): string {
    return this.read<string>("address");
  }
  get rowCount(): number {
    return this.read<number>("rowCount");
  }
  get columnCount(): number {
    return this.read<number>("columnCount");
  }
  get rowIndex(): number {
    return this.read<number>("rowIndex");
  }
  get columnIndex(): number {
    return this.read<number>("columnIndex");
  }
  get cellCount(): number {
    return this.read<number>("cellCount");
  }
  get values(): HostCellValue[][] {
    return this.read<HostCellValue[][]>("values");
  }
  set values(value: HostCellValue[][]) {
    this.write("values", value, (t) => this.writeCells(t, value, "values"));
  }
  get formulas(): HostCellValue[][] {
    return this.read<HostCellValue[][]>("formulas");
  }
  get text(): string[][] {
    return this.read<string[][]>("text");
  }
  set formulas(value: HostCellValue[][]) {
    this.write("formulas", value, (t) => this.writeCells(t, value, "formulas"));
  }
  get numberFormat(): string[][] {
    return this.read<string[][]>("numberFormat");
  }
  set numberFormat(value: string[][]) {
    this.write("numberFormat", value, (t) => {
      guardCells(t, false);
      const grid = checkShape(t, value, "numberFormat");
      this.ctx.addPayload(grid, "Range.numberFormat", "request");
      for (const p of cellsOf(t.rect)) {
        const v = grid[p.row - t.rect.top]![p.column - t.rect.left];
        if (typeof v !== "string")
          throw new DoubleOfficeError("InvalidArgument", "A number format must be text.");
        const cell = cellOf(t.sheet, p.row, p.column);
        if (v === "General") delete cell.numberFormat;
        else cell.numberFormat = v;
        pruneCell(t.sheet, p.row, p.column);
      }
    });
  }
  private writeCells(t: RangeTarget, value: unknown, property: string): void {
    guardCells(t, true);
    const grid = checkShape(t, value, property);
    this.ctx.addPayload(grid, `Range.${property}`, "request");
    for (const p of cellsOf(t.rect)) {
      const merge = t.sheet.merges.find((m) => contains(m, p.row, p.column));
      const input = grid[p.row - t.rect.top]![p.column - t.rect.left];
      // GUESS: writing a value into a merged area's hidden cell is ignored unless it is empty.
      if (
        merge !== undefined &&
        (merge.top !== p.row || merge.left !== p.column) &&
        input !== "" &&
        input !== null
      ) {
        throw new DoubleOfficeError("InvalidOperation", "Cannot change part of a merged cell.");
      }
      const cell = cellOf(t.sheet, p.row, p.column);
      const before = cellValue(t.sheet, p.row, p.column);
      enter(cell, input, cell.numberFormat);
      if (this.ctx.suspended && cell.formula !== undefined) cell.stale = before;
      pruneCell(t.sheet, p.row, p.column);
    }
  }
  get format(): HostRangeFormat {
    return this.memo("format", () => new DoubleRangeFormat(this.ctx, () => this.resolve()));
  }
  get conditionalFormats(): HostConditionalFormatCollection {
    return this.memo(
      "conditionalFormats",
      () => new DoubleConditionalFormatCollection(this.ctx, () => this.resolve()),
    );
  }
  get dataValidation(): HostDataValidation {
    return this.memo(
      "dataValidation",
      () => new DoubleDataValidation(this.ctx, () => this.resolve()),
    );
  }
  get worksheet(): HostWorksheet {
    return this.memo("worksheet", () => new DoubleWorksheet(this.ctx, () => this.resolve().sheet));
  }
  getCell(row: number, column: number): HostRange {
    return new DoubleRange(this.ctx, () => {
      const t = this.resolve();
      const r = t.rect.top + row;
      const c = t.rect.left + column;
      return { sheet: t.sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }
  getIntersectionOrNullObject(anotherRange: HostRange | string): HostRange {
    return new DoubleRange(this.ctx, () => {
      const t = this.tryResolve();
      if (t === null) return null;
      const other =
        typeof anotherRange === "string"
          ? parseRect(anotherRange)
          : (anotherRange as DoubleRange).resolveRange().rect;
      const rect = intersect(t.rect, other);
      return rect === null ? null : { sheet: t.sheet, rect };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): HostRange {
    return new DoubleRange(this.ctx, () => {
      const t = this.resolve();
      const rect = {
        ...t.rect,
        bottom: t.rect.bottom + deltaRows,
        right: t.rect.right + deltaColumns,
      };
      if (
        rect.bottom < rect.top ||
        rect.right < rect.left ||
        rect.bottom > WHOLE_SHEET.bottom ||
        rect.right > WHOLE_SHEET.right
      ) {
        throw new DoubleOfficeError("InvalidArgument", "The range would go past the sheet.");
      }
      return { sheet: t.sheet, rect };
    });
  }
  getMergedAreasOrNullObject(): HostRangeAreas {
    return new DoubleRangeAreas(this.ctx, () => {
      const t = this.tryResolve();
      if (t === null) return null;
      const rects = t.sheet.merges.filter((m) => intersect(m, t.rect) !== null);
      // "if the merged areas count in this range is more than 512, then this method will fail to
      // return the result" (index.d.ts 39143). GUESS: the code it fails with.
      if (rects.length > 512) {
        throw new DoubleOfficeError(
          "GeneralException",
          "There was an internal error while processing the request.",
          "Range.getMergedAreasOrNullObject",
        );
      }
      return rects.length === 0 ? null : { sheet: t.sheet, rects };
    });
  }
  unmerge(): void {
    this.ctx.queue(() => {
      const t = this.resolve();
      guardCells(t, false);
      t.sheet.merges = t.sheet.merges.filter((m) => intersect(m, t.rect) === null);
    });
  }
  clear(applyTo?: "All" | "Formats" | "Contents"): void {
    this.ctx.queue(() => {
      const t = this.resolve();
      guardCells(t, false);
      for (const p of cellsOf(t.rect)) {
        const cell = t.sheet.cells.get(key(p.row, p.column));
        if (cell === undefined) continue;
        if (applyTo !== "Formats") {
          delete cell.value;
          delete cell.formula;
        }
        if (applyTo !== "Contents") {
          delete cell.format;
          delete cell.numberFormat;
          t.sheet.validations.delete(key(p.row, p.column));
        }
        pruneCell(t.sheet, p.row, p.column);
      }
    });
  }
  merge(across?: boolean): void {
    this.ctx.queue(() => {
      const t = this.resolve();
      guardCells(t, false);
      const rects =
        across === true
          ? Array.from({ length: t.rect.bottom - t.rect.top + 1 }, (_, i) => ({
              ...t.rect,
              top: t.rect.top + i,
              bottom: t.rect.top + i,
            }))
          : [t.rect];
      for (const rect of rects) {
        if (size(rect) === 1) continue;
        // GUESS: Excel refuses to merge over part of an existing merged area.
        if (t.sheet.merges.some((m) => intersect(m, rect) !== null)) {
          throw new DoubleOfficeError(
            "InvalidOperation",
            "Cannot merge over part of a merged cell.",
          );
        }
        // Merging keeps the top-left value only (Excel's UI warns; the API does it silently).
        for (const p of cellsOf(rect)) {
          if (p.row === rect.top && p.column === rect.left) continue;
          const cell = t.sheet.cells.get(key(p.row, p.column));
          if (cell !== undefined) {
            delete cell.value;
            delete cell.formula;
            pruneCell(t.sheet, p.row, p.column);
          }
        }
        t.sheet.merges.push(rect);
      }
    });
  }
  select(): void {
    this.ctx.queue(() => {
      const t = this.resolve();
      this.ctx.state.activeSheetId = t.sheet.id;
      this.ctx.state.selection = { sheetId: t.sheet.id, areas: [t.rect] };
    });
  }
}

class DoubleRangeAreas
  extends ProxyBase<{ sheet: SheetState; rects: Rect[] }>
  implements HostRangeAreas
{
  constructor(
    ctx: DoubleContext,
    private readonly find: () => { sheet: SheetState; rects: Rect[] } | null,
  ) {
    super(ctx, "RangeAreas");
    ctx.queue(() => void this.tryResolve());
  }
  protected resolveTarget(): { sheet: SheetState; rects: Rect[] } | null {
    return this.find();
  }
  protected scalar(t: { sheet: SheetState; rects: Rect[] }, property: string): unknown {
    if (property === "address") return t.rects.map((r) => qualifiedAddress(t.sheet, r)).join(",");
    if (property === "areaCount") return t.rects.length;
    throw new Error(`double: RangeAreas.${property} is not modelled`);
  }
  get address(): string {
    return this.read<string>("address");
  }
  get areaCount(): number {
    return this.read<number>("areaCount");
  }
  select(): void {
    this.ctx.queue(() => {
      const t = this.resolve();
      this.ctx.state.activeSheetId = t.sheet.id;
      this.ctx.state.selection = { sheetId: t.sheet.id, areas: t.rects };
    });
  }
}

function formatSetter<K extends keyof CellFormat>(
  ctx: DoubleContext,
  range: () => RangeTarget,
  property: K,
  value: CellFormat[K],
): void {
  ctx.queue(() => {
    const t = range();
    guardCells(t, false);
    for (const p of cellsOf(t.rect)) {
      const cell = cellOf(t.sheet, p.row, p.column);
      const format = { ...(cell.format ?? {}) };
      if (value === undefined) delete format[property];
      else format[property] = value;
      cell.format = format;
      pruneCell(t.sheet, p.row, p.column);
    }
  });
}

class DoubleRangeFormat implements HostRangeFormat {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {}
  get fill(): { color: string; clear(): void } {
    const { ctx, range } = this;
    return {
      get color(): string {
        throw notLoaded("RangeFill", "color");
      },
      set color(value: string) {
        formatSetter(ctx, range, "fill", value);
      },
      clear: () => formatSetter(ctx, range, "fill", undefined),
    };
  }
  get font(): { bold: boolean; color: string } {
    const { ctx, range } = this;
    return {
      get bold(): boolean {
        throw notLoaded("RangeFont", "bold");
      },
      set bold(value: boolean) {
        formatSetter(ctx, range, "bold", value);
      },
      get color(): string {
        throw notLoaded("RangeFont", "color");
      },
      set color(value: string) {
        formatSetter(ctx, range, "fontColor", value);
      },
    };
  }
  get borders(): { getItem(index: HostBorderIndex): HostRangeBorder } {
    const { ctx, range } = this;
    return {
      getItem: (index: HostBorderIndex): HostRangeBorder => ({
        get style(): HostRangeBorder["style"] {
          throw notLoaded("RangeBorder", "style");
        },
        set style(value: HostRangeBorder["style"]) {
          ctx.queue(() => {
            const t = range();
            guardCells(t, false);
            for (const p of cellsOf(t.rect)) {
              const edges: (keyof CellFormat)[] = [];
              const { top, bottom, left, right } = t.rect;
              if (index === "EdgeTop" && p.row === top) edges.push("borderTop");
              if (index === "EdgeBottom" && p.row === bottom) edges.push("borderBottom");
              if (index === "EdgeLeft" && p.column === left) edges.push("borderLeft");
              if (index === "EdgeRight" && p.column === right) edges.push("borderRight");
              if (index === "InsideHorizontal") {
                if (p.row > top) edges.push("borderTop");
                if (p.row < bottom) edges.push("borderBottom");
              }
              if (index === "InsideVertical") {
                if (p.column > left) edges.push("borderLeft");
                if (p.column < right) edges.push("borderRight");
              }
              if (edges.length === 0) continue;
              const cell = cellOf(t.sheet, p.row, p.column);
              const format: CellFormat = { ...(cell.format ?? {}) };
              for (const e of edges) (format as Record<string, unknown>)[e] = value;
              cell.format = format;
            }
          });
        },
        get color(): string {
          throw notLoaded("RangeBorder", "color");
        },
        set color(_value: string) {
          ctx.queue(() => guardCells(range(), false));
        },
      }),
    };
  }
  get protection(): { locked: boolean } {
    const { ctx, range } = this;
    return {
      get locked(): boolean {
        throw notLoaded("FormatProtection", "locked");
      },
      set locked(value: boolean) {
        formatSetter(ctx, range, "locked", value ? undefined : false);
      },
    };
  }
  get columnWidth(): number {
    throw notLoaded("RangeFormat", "columnWidth");
  }
  set columnWidth(value: number) {
    this.ctx.queue(() => {
      const t = this.range();
      guardCells(t, false);
      for (let c = t.rect.left; c <= t.rect.right; c++) t.sheet.columnWidths.set(c, value);
    });
  }
  get rowHeight(): number {
    throw notLoaded("RangeFormat", "rowHeight");
  }
  set rowHeight(value: number) {
    this.ctx.queue(() => {
      const t = this.range();
      guardCells(t, false);
      // Excel's rows are at most 409 points high ("Excel specifications and limits").
      if (!(value >= 0 && value <= 409))
        throw new DoubleOfficeError("InvalidArgument", `Row height ${value} is out of range.`);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) t.sheet.rowHeights.set(r, value);
    });
  }
  get wrapText(): boolean {
    throw notLoaded("RangeFormat", "wrapText");
  }
  set wrapText(value: boolean) {
    formatSetter(this.ctx, this.range, "wrap", value);
  }
  get horizontalAlignment(): HostRangeFormat["horizontalAlignment"] {
    throw notLoaded("RangeFormat", "horizontalAlignment");
  }
  set horizontalAlignment(value: HostRangeFormat["horizontalAlignment"]) {
    formatSetter(this.ctx, this.range, "horizontalAlignment", value);
  }
  get verticalAlignment(): HostRangeFormat["verticalAlignment"] {
    throw notLoaded("RangeFormat", "verticalAlignment");
  }
  set verticalAlignment(value: HostRangeFormat["verticalAlignment"]) {
    formatSetter(this.ctx, this.range, "verticalAlignment", value);
  }
  /**
   * Merged cells are never autofitted (office-js#1840; Excel's own behaviour since Office 2010):
   * rows holding a merged area keep their height. Other rows are fitted: the double records
   * "auto" for them. GUESS: the fitted height itself depends on fonts and is not modelled.
   */
  autofitRows(): void {
    this.ctx.queue(() => {
      const t = this.range();
      guardCells(t, false);
      for (let r = t.rect.top; r <= t.rect.bottom; r++) {
        const merged = t.sheet.merges.some((m) => m.top <= r && m.bottom >= r);
        if (!merged && !t.sheet.rowHeights.has(r)) t.sheet.autofitRows.add(r);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation

class DoubleDataValidation implements HostDataValidation {
  constructor(
    private readonly ctx: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {}
  private update(field: "rule" | "prompt" | "errorAlert" | "ignoreBlanks", value: unknown): void {
    this.ctx.queue(() => {
      const t = this.range();
      guardCells(t, false);
      if (field === "rule") validateRule(value as HostDataValidationRule);
      for (const p of cellsOf(t.rect)) {
        const k = key(p.row, p.column);
        const current = t.sheet.validations.get(k);
        const ruled =
          current !== undefined &&
          current.rule !== null &&
          (current.rule as { any?: boolean }).any !== true;
        if (field === "rule" && ruled) {
          // GUESS (undocumented; Microsoft's samples call dataValidation.clear() first): a rule
          // set over another rule is refused. Stricter than Excel may be, never laxer.
          throw new DoubleOfficeError(
            "InvalidOperation",
            "The range already has a data validation rule: clear it first.",
          );
        }
        if (field !== "rule" && current === undefined) {
          // GUESS: a prompt without a rule is kept by Excel as a validation of type "Any".
          t.sheet.validations.set(k, { rule: { any: true }, [field]: structuredClone(value) });
          continue;
        }
        t.sheet.validations.set(k, {
          ...(current ?? { rule: null }),
          [field]: structuredClone(value),
        });
      }
    });
  }
  get rule(): HostDataValidationRule {
    throw notLoaded("DataValidation", "rule");
  }
  set rule(value: HostDataValidationRule) {
    this.update("rule", value);
  }
  get prompt(): HostDataValidation["prompt"] {
    throw notLoaded("DataValidation", "prompt");
  }
  set prompt(value: HostDataValidation["prompt"]) {
    this.update("prompt", value);
  }
  get errorAlert(): HostDataValidation["errorAlert"] {
    throw notLoaded("DataValidation", "errorAlert");
  }
  set errorAlert(value: HostDataValidation["errorAlert"]) {
    this.update("errorAlert", value);
  }
  get ignoreBlanks(): boolean {
    throw notLoaded("DataValidation", "ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.update("ignoreBlanks", value);
  }
  clear(): void {
    this.ctx.queue(() => {
      const t = this.range();
      guardCells(t, false);
      for (const p of cellsOf(t.rect)) t.sheet.validations.delete(key(p.row, p.column));
    });
  }
}

function validateRule(rule: HostDataValidationRule): void {
  const kinds = Object.keys(rule);
  if (kinds.length !== 1)
    throw new DoubleOfficeError("InvalidArgument", "A data validation rule has exactly one type.");
  if (rule.custom !== undefined) {
    try {
      assertParses(rule.custom.formula);
    } catch {
      throw new DoubleOfficeError(
        "InvalidArgument",
        `The formula is invalid: ${rule.custom.formula}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

/**
 * Loading a collection's formats fails when a rule was duplicated (the user copied marked cells:
 * office-js#6835) or one range holds two cell-value rules (office-js#6827). GUESS: the code, and
 * that "duplicated" means the same type, range and formula.
 */
function unreadableFormats(items: readonly ConditionalFormatState[]): void {
  const seen = new Set<string>();
  const cellValueRanges = new Set<string>();
  for (const cf of items) {
    const id = `${cf.type}|${cf.rect.top},${cf.rect.left},${cf.rect.bottom},${cf.rect.right}`;
    const duplicate = seen.has(`${id}|${cf.formula}`);
    const twoCellValue = cf.type === "CellValue" && cellValueRanges.has(id);
    if (duplicate || twoCellValue) {
      throw new DoubleOfficeError(
        "GeneralException",
        "There was an internal error while processing the request.",
        "ConditionalFormatCollection.load",
      );
    }
    seen.add(`${id}|${cf.formula}`);
    if (cf.type === "CellValue") cellValueRanges.add(id);
  }
}

class DoubleConditionalFormatCollection
  extends ProxyBase<RangeTarget>
  implements HostConditionalFormatCollection
{
  constructor(
    ctx: DoubleContext,
    private readonly range: () => RangeTarget,
  ) {
    super(ctx, "ConditionalFormatCollection");
  }
  protected resolveTarget(): RangeTarget {
    return this.range();
  }
  protected scalar(_t: RangeTarget, property: string): unknown {
    throw new Error(`double: ConditionalFormatCollection.${property} is not modelled`);
  }
  protected override listItems(target: RangeTarget): ProxyBase<unknown>[] {
    // Documented: the collection of a range holds the formats that intersect it.
    const list = target.sheet.conditionalFormats;
    const items = list.filter((cf) => intersect(cf.rect, target.rect) !== null);
    unreadableFormats(items);
    return items.map((cf) => {
      // A format's id is "the priority of the conditional format in the current
      // ConditionalFormatCollection" (index.d.ts): the item proxy refers to its format by that
      // position. GUESS for office-js#5222 (deleting one of two formats on the same cells fails
      // with ItemNotFound): once an earlier format is deleted the positions move, and the proxy
      // no longer finds its format.
      const at = list.indexOf(cf);
      return new DoubleConditionalFormat(this.ctx, target.sheet, () =>
        list[at] === cf ? cf : null,
      ).resolved(cf);
    });
  }
  get items(): HostConditionalFormat[] {
    return this.read<HostConditionalFormat[]>("items");
  }
  getItem(id: string): HostConditionalFormat {
    let sheet: SheetState | undefined;
    return new DoubleConditionalFormat(
      this.ctx,
      undefined,
      () => {
        const t = this.resolve();
        sheet = t.sheet;
        const cf = t.sheet.conditionalFormats[Number(id)];
        return cf !== undefined && intersect(cf.rect, t.rect) !== null ? cf : null;
      },
      () => sheet,
    );
  }
  add(type: "Custom"): HostConditionalFormat {
    let created: ConditionalFormatState | undefined;
    let sheet: SheetState | undefined;
    this.ctx.queue(() => {
      const t = this.resolve();
      guardCells(t, false);
      created = { type, rect: t.rect, formula: "", stopIfTrue: false };
      sheet = t.sheet;
      // New formats take the highest priority (front of the list), as in Excel.
      t.sheet.conditionalFormats.unshift(created);
    });
    const ctx = this.ctx;
    return new DoubleConditionalFormat(
      ctx,
      undefined,
      () => created ?? null,
      () => sheet,
    );
  }
}

class DoubleConditionalFormat
  extends ProxyBase<ConditionalFormatState>
  implements HostConditionalFormat
{
  constructor(
    ctx: DoubleContext,
    private readonly knownSheet: SheetState | undefined,
    private readonly find: () => ConditionalFormatState | null,
    private readonly sheetOf: () => SheetState | undefined = () => knownSheet,
  ) {
    super(ctx, "ConditionalFormat");
  }
  protected resolveTarget(): ConditionalFormatState | null {
    return this.find();
  }
  /** Resolved again for every operation: the format at its id's position now (see listItems). */
  protected override resolve(): ConditionalFormatState {
    const cf = this.find();
    if (cf === null) {
      throw new DoubleOfficeError(
        "ItemNotFound",
        "The requested resource doesn't exist.",
        "ConditionalFormat",
      );
    }
    return cf;
  }
  protected scalar(t: ConditionalFormatState, property: string): unknown {
    if (property === "id") return String(this.sheetOf()?.conditionalFormats.indexOf(t) ?? 0);
    if (property === "type") return t.type;
    if (property === "stopIfTrue") return t.stopIfTrue;
    if (property === "priority") return this.sheetOf()?.conditionalFormats.indexOf(t) ?? 0;
    throw new Error(`double: ConditionalFormat.${property} is not modelled`);
  }
  protected override child(property: string): ProxyBase<unknown> | undefined {
    if (property === "custom") return this.custom as DoubleCustomFormat;
    if (property === "customOrNullObject") return this.customOrNullObject as DoubleCustomFormat;
    return undefined;
  }
  get id(): string {
    return this.read<string>("id");
  }
  get type(): string {
    return this.read<string>("type");
  }
  get stopIfTrue(): boolean {
    return this.read<boolean>("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.write("stopIfTrue", value, (t) => {
      t.stopIfTrue = value;
    });
  }
  private customFormat(orNull: boolean): DoubleCustomFormat {
    return new DoubleCustomFormat(this.ctx, () => {
      const cf = this.resolve();
      if (cf.type === "Custom") return cf;
      if (orNull) return null;
      // Reported in office-js#2180: loading `custom` of another type fails the whole batch.
      throw new DoubleOfficeError(
        "InvalidOperation",
        "This operation is not permitted for the current object.",
      );
    });
  }
  get custom(): HostCustomConditionalFormat {
    return this.memo("custom", () => this.customFormat(false));
  }
  get customOrNullObject(): HostCustomConditionalFormat {
    return this.memo("customOrNullObject", () => this.customFormat(true));
  }
  delete(): void {
    this.ctx.queue(() => {
      const cf = this.resolve();
      for (const sheet of this.ctx.state.sheets) {
        const i = sheet.conditionalFormats.indexOf(cf);
        if (i >= 0) {
          guardSheet(sheet, "delete a conditional format");
          sheet.conditionalFormats.splice(i, 1);
        }
      }
    });
  }
  getRangeOrNullObject(): HostRange {
    return new DoubleRange(this.ctx, () => {
      const cf = this.resolve();
      const sheet = this.ctx.state.sheets.find((s) => s.conditionalFormats.includes(cf));
      return sheet === undefined ? null : { sheet, rect: cf.rect };
    });
  }
}

class DoubleCustomFormat
  extends ProxyBase<ConditionalFormatState>
  implements HostCustomConditionalFormat
{
  constructor(
    ctx: DoubleContext,
    private readonly find: () => ConditionalFormatState | null,
  ) {
    super(ctx, "CustomConditionalFormat");
  }
  protected resolveTarget(): ConditionalFormatState | null {
    return this.find();
  }
  protected scalar(_t: ConditionalFormatState, property: string): unknown {
    throw new Error(`double: CustomConditionalFormat.${property} is not modelled`);
  }
  protected override child(property: string): ProxyBase<unknown> | undefined {
    if (property === "rule") return this.rule as DoubleRule;
    return undefined;
  }
  get rule(): { formula: string } {
    return this.memo("rule", () => new DoubleRule(this.ctx, () => this.tryResolve()));
  }
  get format(): { fill: { color: string }; font: { color: string } } {
    return this.memo("format", () => this.makeFormat());
  }
  private makeFormat(): { fill: { color: string }; font: { color: string } } {
    const ctx = this.ctx;
    const cf = (): ConditionalFormatState => this.resolve();
    const setter = (field: "fill" | "fontColor") => (value: string) =>
      ctx.queue(() => {
        cf()[field] = value;
      });
    const setFill = setter("fill");
    const setFont = setter("fontColor");
    return {
      fill: {
        get color(): string {
          throw notLoaded("ConditionalRangeFill", "color");
        },
        set color(value: string) {
          setFill(value);
        },
      },
      font: {
        get color(): string {
          throw notLoaded("ConditionalRangeFont", "color");
        },
        set color(value: string) {
          setFont(value);
        },
      },
    };
  }
}

class DoubleRule extends ProxyBase<ConditionalFormatState> {
  constructor(
    ctx: DoubleContext,
    private readonly find: () => ConditionalFormatState | null,
  ) {
    super(ctx, "ConditionalFormatRule");
  }
  protected resolveTarget(): ConditionalFormatState | null {
    return this.find();
  }
  protected scalar(t: ConditionalFormatState, property: string): unknown {
    if (property === "formula") return t.formula;
    throw new Error(`double: ConditionalFormatRule.${property} is not modelled`);
  }
  get formula(): string {
    return this.read<string>("formula");
  }
  set formula(value: string) {
    this.write("formula", value, (t) => {
      try {
        assertParses(value);
      } catch {
        throw new DoubleOfficeError("InvalidArgument", `The formula is invalid: ${value}`);
      }
      t.formula = value;
    });
  }
}

// ---------------------------------------------------------------------------------------------

/** The double: its state, a `run` like `Excel.run`, and the number of syncs so far. */
export class WorkbookDouble {
  syncCount = 0;
  /**
   * Round trips in sequence: syncs sent while another batch's sync is still in flight (two
   * `Excel.run`s awaited together) share one round trip of latency.
   */
  roundTrips = 0;
  private inFlight = 0;
  readonly payloadLimitBytes: number;
  readonly listSeparator: "," | ";";
  readonly addinInstance: string;
  constructor(
    public state: WorkbookState,
    options: DoubleOptions = {},
  ) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
    this.listSeparator = options.listSeparator ?? ",";
    this.addinInstance = options.addinInstance ?? "default";
  }

  /** Another add-in instance (same `<Id>`, other install) over the same workbook. */
  instance(name: string): WorkbookDouble {
    return new WorkbookDouble(this.state, {
      payloadLimitBytes: this.payloadLimitBytes,
      listSeparator: this.listSeparator,
      addinInstance: name,
    });
  }

  /** The settings this instance sees (per add-in instance, office-js#840). */
  settings(): Map<string, unknown> {
    if (this.addinInstance === "default") return this.state.settings;
    let map = this.state.instanceSettings.get(this.addinInstance);
    if (map === undefined) {
      map = new Map();
      this.state.instanceSettings.set(this.addinInstance, map);
    }
    return map;
  }

  beginRoundTrip(): void {
    if (this.inFlight === 0) this.roundTrips += 1;
    this.inFlight += 1;
  }

  endRoundTrip<T>(result: Promise<T>): Promise<T> {
    return result.finally(() => {
      this.inFlight -= 1;
    });
  }

  /**
   * Like `Excel.run`: a fresh context per batch, and what is still queued when the batch returns
   * is sent with a final sync (`return ctx.sync(runBodyResult)` in office.js's
   * ClientRequestContext._runCommon, excel-win32-16.01.debug.js line 14360). A batch with
   * nothing queued sends nothing (GUESS: office.js skips an empty request).
   */
  readonly run: RunBatch = async <T>(batch: (context: HostContext) => Promise<T>): Promise<T> => {
    const context = new DoubleContext(this);
    const result = await batch(context);
    if (context.ops.length > 0) await context.sync();
    return result;
  };

  /**
   * What typing into a cell in Excel's UI does (never through the API): the text is converted
   * as Excel converts typed entry (see `typedValue`), "=…" becomes a formula.
   */
  type(sheet: string, address: string, input: HostCellValue): void {
    const state = this.sheet(sheet);
    const p = parseCellAddress(address);
    const cell = state.cells.get(key(p.row, p.column)) ?? {};
    enter(cell, input, cell.numberFormat);
    state.cells.set(key(p.row, p.column), cell);
    pruneCell(state, p.row, p.column);
  }

  sheet(name: string): SheetState {
    const found = this.state.sheets.find((s) => s.name === name);
    if (found === undefined) throw new Error(`double: no sheet ${name}`);
    return found;
  }
}

// ---------------------------------------------------------------------------------------------
// Text as Excel shows it

/**
 * `Range.text`: the value as its number format shows it (index.d.ts 38722: "Text values of the
 * specified range. The text value will not depend on the cell width"). Modelled formats: General
 * (15 significant digits), "0", "0.0…", "#,##0…", "0%", "0.0…%", "@", and dates "yyyy-mm-dd",
 * "yyyy/m/d", 'yyyy"年"m"月"d"日"'. GUESS: any other format shows as General.
 */
export function formatText(value: HostCellValue, numberFormat = "General"): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const fixed = /^(#,##)?0(?:\.(0+))?(%?)$/u.exec(numberFormat);
  if (fixed !== null) {
    const decimals = fixed[2]?.length ?? 0;
    const n = fixed[3] === "%" ? value * 100 : value;
    let text = excelRound(n, decimals).toFixed(decimals);
    if (fixed[1] !== undefined) {
      const [whole, fraction] = text.split(".") as [string, string | undefined];
      text = `${whole.replace(/\B(?=(\d{3})+$)/gu, ",")}${fraction === undefined ? "" : `.${fraction}`}`;
    }
    return `${text}${fixed[3]}`;
  }
  const date = /^yyyy(-mm-dd|\/m\/d|"年"m"月"d"日")$/u.exec(numberFormat);
  if (date !== null) {
    // Excel's serial date: day 1 is 1900-01-01, with the 1900 leap-year bug (serial 60).
    const ms = Date.UTC(1899, 11, 30) + Math.floor(value) * 86_400_000;
    const d = new Date(ms);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    if (date[1] === "-mm-dd")
      return `${y}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    if (date[1] === "/m/d") return `${y}/${m}/${day}`;
    return `${y}年${m}月${day}日`;
  }
  return numberText(value);
}

// ---------------------------------------------------------------------------------------------
// Custom XML parts (ExcelApi 1.5, index.d.ts 36746): kept in the file, readable by every add-in
// instance and by any program that opens the .xlsx (customXml/itemN.xml).

class DoubleCustomXmlParts implements HostCustomXmlPartCollection {
  constructor(private readonly ctx: DoubleContext) {}
  add(xml: string): HostCustomXmlPart {
    let created: { id: string; namespace: string; xml: string } | undefined;
    this.ctx.queue(() => {
      const namespace = xmlNamespace(xml);
      if (namespace === undefined)
        throw new DoubleOfficeError("InvalidArgument", "The XML is not well formed.");
      created = { id: `{part-${this.ctx.state.customXmlParts.length + 1}}`, namespace, xml };
      this.ctx.state.customXmlParts.push(created);
    });
    return new DoubleCustomXmlPart(this.ctx, () => created ?? null);
  }
  getByNamespace(namespaceUri: string): HostCustomXmlPartScopedCollection {
    return new DoubleCustomXmlPartScoped(this.ctx, namespaceUri);
  }
  getItemOrNullObject(id: string): HostCustomXmlPart {
    return new DoubleCustomXmlPart(
      this.ctx,
      () => this.ctx.state.customXmlParts.find((p) => p.id === id) ?? null,
    );
  }
}

/** The default namespace of a part's root element; undefined when the XML has no root. */
function xmlNamespace(xml: string): string | undefined {
  const root = /<([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*\/?>/u.exec(
    xml.replace(/<\?xml[^>]*\?>/u, ""),
  );
  if (root === null) return undefined;
  return /\sxmlns\s*=\s*"([^"]*)"/u.exec(root[2] ?? "")?.[1] ?? "";
}

class DoubleCustomXmlPartScoped
  extends ProxyBase<{ id: string; namespace: string; xml: string }[]>
  implements HostCustomXmlPartScopedCollection
{
  constructor(
    ctx: DoubleContext,
    private readonly namespace: string,
  ) {
    super(ctx, "CustomXmlPartScopedCollection");
  }
  protected resolveTarget(): { id: string; namespace: string; xml: string }[] {
    return this.ctx.state.customXmlParts.filter((p) => p.namespace === this.namespace);
  }
  protected override tryResolveForLoad(): { id: string; namespace: string; xml: string }[] {
    this.target = undefined;
    return this.tryResolve()!;
  }
  protected scalar(_t: unknown, property: string): unknown {
    throw new Error(`double: CustomXmlPartScopedCollection.${property} is not modelled`);
  }
  protected override listItems(
    target: { id: string; namespace: string; xml: string }[],
  ): ProxyBase<unknown>[] {
    return target.map((p) => new DoubleCustomXmlPart(this.ctx, () => p).resolved(p));
  }
  get items(): HostCustomXmlPart[] {
    return this.read<HostCustomXmlPart[]>("items");
  }
}

class DoubleCustomXmlPart
  extends ProxyBase<{ id: string; namespace: string; xml: string }>
  implements HostCustomXmlPart
{
  constructor(
    ctx: DoubleContext,
    private readonly find: () => { id: string; namespace: string; xml: string } | null,
  ) {
    super(ctx, "CustomXmlPart");
  }
  protected resolveTarget(): { id: string; namespace: string; xml: string } | null {
    const part = this.find();
    return part !== null && this.ctx.state.customXmlParts.includes(part) ? part : null;
  }
  protected scalar(t: { id: string; namespace: string }, property: string): unknown {
    if (property === "id") return t.id;
    if (property === "namespaceUri") return t.namespace;
    throw new Error(`double: CustomXmlPart.${property} is not modelled`);
  }
  get id(): string {
    return this.read<string>("id");
  }
  getXml(): { value: string } {
    const result: { value: string; loaded: boolean } = { value: "", loaded: false };
    this.ctx.queue(() => {
      const part = this.resolve();
      this.ctx.addPayload(part.xml, "CustomXmlPart.getXml", "response");
      result.value = part.xml;
      result.loaded = true;
    });
    return {
      get value(): string {
        if (!result.loaded) throw notLoaded("ClientResult", "value");
        return result.value;
      },
    };
  }
  setXml(xml: string): void {
    this.ctx.queue(() => {
      const part = this.resolve();
      if (xmlNamespace(xml) !== part.namespace)
        throw new DoubleOfficeError("InvalidArgument", "The XML changes the part's namespace.");
      this.ctx.addPayload(xml, "CustomXmlPart.setXml", "request");
      part.xml = xml;
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const part = this.resolve();
      this.ctx.state.customXmlParts = this.ctx.state.customXmlParts.filter((p) => p !== part);
    });
  }
}
