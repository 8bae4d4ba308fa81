/**
 * A workbook double that behaves like Excel's JavaScript API where the adapter depends on it:
 * calls queue operations that run, in order, at `sync()` (each counted); reading a property that
 * was not loaded and synced throws PropertyNotLoaded; wrong-shaped arrays are rejected with
 * InvalidArgument; protected sheets refuse writes; merges, conditional formats (formula + range),
 * names, data validation and workbook settings are modelled. It cannot render, recalculate on a
 * timer or model anything the adapter does not call; see the GUESS comments for where its
 * behaviour is inferred rather than documented.
 */
import type {
  HostBorderIndex,
  HostCellValue,
  HostConditionalFormat,
  HostConditionalFormatCollection,
  HostContext,
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
import { assertParses, FormulaSyntaxError } from "./formula";
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
   * Largest response (or request) of one sync, in bytes of JSON. Excel on the web refuses past
   * 5 MB; desktop Excel has no such limit. GUESS: the web measures the JSON payload, so we do.
   */
  readonly payloadLimitBytes?: number;
}

type Op = () => void;

/** Counts and runs the queued operations; one instance per `run`. */
class DoubleContext implements HostContext {
  readonly workbook: DoubleWorkbook;
  ops: Op[] = [];
  payload = 0;
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

  addPayload(value: unknown, location: string): void {
    this.payload += JSON.stringify(value)?.length ?? 0;
    if (this.payload > this.double.payloadLimitBytes) {
      throw new DoubleOfficeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit.",
        location,
      );
    }
  }

  sync(): Promise<unknown> {
    this.double.syncCount += 1;
    const ops = this.ops;
    this.ops = [];
    this.payload = 0;
    this.running = true;
    try {
      // GUESS (documented behaviour is "the batch stops at the failing operation"): operations
      // before the failure stay applied; the rest of the batch is dropped.
      for (const op of ops) op();
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    } finally {
      this.running = false;
    }
    return Promise.resolve(undefined);
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
      this.ctx.addPayload(value, `${this.typeName}.${p}`);
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
    suspendApiCalculationUntilNextSync: (): void => {
      this.ctx.queue(() => undefined);
    },
  };
  constructor(private readonly ctx: DoubleContext) {
    this.worksheets = new DoubleWorksheetCollection(ctx);
    this.settings = new DoubleSettingCollection(ctx);
  }

  getSelectedRange(): HostRange {
    const ctx = this.ctx;
    return new DoubleRange(ctx, () => {
      const selection = ctx.state.selection;
      // GUESS: Excel throws for a multi-area selection here; we do the same.
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
      return { sheet, rect: address === undefined ? WHOLE_SHEET : parseRect(address) };
    });
  }
  getRanges(address?: string): HostRangeAreas {
    return new DoubleRangeAreas(this.ctx, () => {
      const sheet = this.resolve();
      return { sheet, rects: (address ?? "A1").split(",").map((a) => parseRect(a.trim())) };
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
      this.ctx.state.settings.set(key, JSON.parse(JSON.stringify(value)) as unknown);
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
    const settings = this.ctx.state.settings;
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

/** How Excel stores what is typed or written to `values`/`formulas`. */
function enter(cell: CellState, input: unknown, numberFormat: string | undefined): void {
  delete cell.formula;
  delete cell.value;
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
  if (typeof input === "string" && numberFormat !== "@" && /^\s*-?\d+(\.\d+)?\s*$/u.test(input)) {
    // GUESS (matches Excel's UI and, as far as documented, the API): numeric text becomes a number.
    cell.value = Number(input);
    return;
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
      this.ctx.addPayload(grid, "Range.numberFormat");
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
    this.ctx.addPayload(grid, `Range.${property}`);
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
      enter(cell, input, cell.numberFormat);
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
    throw new Error(`double: RangeAreas.${property} is not modelled`);
  }
  get address(): string {
    return this.read<string>("address");
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
  autofitRows(): void {
    // GUESS: row heights after autofit depend on fonts; the double records nothing.
    this.ctx.queue(() => guardCells(this.range(), false));
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
    return target.sheet.conditionalFormats
      .filter((cf) => intersect(cf.rect, target.rect) !== null)
      .map((cf) => new DoubleConditionalFormat(this.ctx, target.sheet, () => cf).resolved(cf));
  }
  get items(): HostConditionalFormat[] {
    return this.read<HostConditionalFormat[]>("items");
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
  protected scalar(t: ConditionalFormatState, property: string): unknown {
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
  readonly payloadLimitBytes: number;
  constructor(
    public state: WorkbookState,
    options: DoubleOptions = {},
  ) {
    this.payloadLimitBytes = options.payloadLimitBytes ?? 5 * 1024 * 1024;
  }

  /**
   * Like `Excel.run`: a fresh context per batch. GUESS: operations still queued when the batch
   * returns are dropped (office-js may run a final sync for them); the adapter always syncs last.
   */
  readonly run: RunBatch = async <T>(batch: (context: HostContext) => Promise<T>): Promise<T> => {
    const context = new DoubleContext(this);
    return batch(context);
  };

  sheet(name: string): SheetState {
    const found = this.state.sheets.find((s) => s.name === name);
    if (found === undefined) throw new Error(`double: no sheet ${name}`);
    return found;
  }
}
