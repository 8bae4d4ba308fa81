/**
 * The browser tests' build of the pane: the workbook double instead of office.js, a picture of the
 * active sheet beside the pane, and `window.xxgkTest` for the test to type into cells and look at
 * the workbook. Never shipped (webpack --env browser-test).
 */
import { parseCellAddress } from "../../src/core/model/address";
import { createExcelAdapter } from "../../src/excel/adapter";
import type { HostCellValue, RunBatch } from "../../src/excel/host";
import { paneLocale, startWhenReady } from "../../src/taskpane/boot";
import { mountPane } from "../../src/taskpane/pane";
import {
  activeConditionalFormats,
  cellValue,
  newSheet,
  newWorkbook,
  snapshot,
  usedBounds,
  type WorkbookSnapshot,
} from "../excel/double/state";
import { WorkbookDouble } from "../excel/double/workbook-double";
import { renderSheet } from "./sheet-view";

/** The script the tests use, on `window.xxgkTest`. */
export interface TestHooks {
  type(sheet: string, address: string, value: HostCellValue): void;
  select(sheet: string, address: string): void;
  activate(sheet: string): void;
  protect(sheet: string): void;
  selection(): string;
  highlightedCells(sheet: string): { error: number; warning: number };
  /** The fill the conditional formats give a cell now (the one on top), if any. */
  fillAt(sheet: string, address: string): string | undefined;
  /** How many explanations the workbook's custom XML parts hold. */
  explanationsStored(): number;
  ownFormats(): number;
  snapshot(): WorkbookSnapshot;
  copied(): string[];
  syncs(): number;
  /** A values-only copy of a sheet (no names, formats or merges), as pasted from elsewhere. */
  copySheet(from: string, to: string): void;
  rename(sheet: string, to: string): void;
  /** Mounts the pane again on the same workbook, as when the user closes and reopens it. */
  reopen(): Promise<void>;
}

declare global {
  interface Window {
    xxgkTest: TestHooks;
  }
}

const XSS = "<img src=x onerror=alert(1)>";
const double = new WorkbookDouble(newWorkbook(["Sheet1", XSS]));
const view = document.createElement("div");
view.id = "sheet-view";
view.setAttribute("aria-label", "工作表预览（测试用）");
view.setAttribute("role", "region");
const render = (): void => renderSheet(view, double);
const run: RunBatch = async (batch) => {
  try {
    return await double.run(batch);
  } finally {
    render();
  }
};
const copied: string[] = [];

const at = (sheet: string, address: string): { row: number; column: number; key: string } => {
  const p = parseCellAddress(address);
  return { ...p, key: `${p.row},${p.column}` };
};

window.xxgkTest = {
  // Typed as in Excel's UI: "1,024" becomes 1024, "=…" a formula, "" empties the cell.
  type: (sheet, address, value) => {
    double.type(sheet, address, value);
    render();
  },
  select: (sheet, address) => {
    const s = double.sheet(sheet);
    const { row, column } = at(sheet, address);
    double.state.activeSheetId = s.id;
    double.state.selection = {
      sheetId: s.id,
      areas: [{ top: row, left: column, bottom: row, right: column }],
    };
    render();
  },
  activate: (sheet) => {
    const s = double.sheet(sheet);
    double.state.activeSheetId = s.id;
    double.state.selection = { sheetId: s.id, areas: [{ top: 0, left: 0, bottom: 0, right: 0 }] };
    render();
  },
  protect: (sheet) => {
    double.sheet(sheet).protected = true;
  },
  selection: () => {
    const s = snapshot(double.state);
    return `${s.selection.sheet}!${s.selection.areas.join(",")}`;
  },
  highlightedCells: (name) => {
    const sheet = double.sheet(name);
    const counts = { error: 0, warning: 0 };
    const bounds = usedBounds(sheet, false);
    if (bounds === null) return counts;
    for (let r = bounds.top; r <= bounds.bottom; r++) {
      for (let c = bounds.left; c <= bounds.right; c++) {
        const cf = activeConditionalFormats(sheet, r, c)[0];
        if (cf?.fill === "#FFC7CE") counts.error += 1;
        else if (cf !== undefined) counts.warning += 1;
      }
    }
    return counts;
  },
  fillAt: (name, address) => {
    const { row, column } = at(name, address);
    return activeConditionalFormats(double.sheet(name), row, column)[0]?.fill;
  },
  explanationsStored: () =>
    double.state.customXmlParts.reduce(
      (n, p) => n + (p.xml.match(/<explanation\b/gu)?.length ?? 0),
      0,
    ),
  ownFormats: () =>
    double.state.sheets
      .flatMap((s) => s.conditionalFormats)
      .filter((cf) => cf.formula.includes('N("xxgk:')).length,
  snapshot: () => snapshot(double.state),
  copied: () => copied,
  syncs: () => double.syncCount,
  copySheet: (from, to) => {
    const source = double.sheet(from);
    const copy = newSheet(double.state.nextSheetId, to);
    double.state.nextSheetId += 1;
    for (const k of source.cells.keys()) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const value = cellValue(source, r, c);
      if (value !== "") copy.cells.set(k, { value });
    }
    double.state.sheets.push(copy);
    render();
  },
  rename: (sheet, to) => {
    double.sheet(sheet).name = to;
    render();
  },
  reopen: () => mount(),
};

const root = document.getElementById("app")!;
document.body.classList.add("test-layout");
root.style.width = "380px";
root.style.flex = "none";
document.body.style.display = "flex";
document.body.style.gap = "12px";
document.body.style.alignItems = "flex-start";
view.style.flex = "1";
view.style.overflow = "auto";
view.style.padding = "12px";
document.body.append(view);
render();

const params = new URLSearchParams(window.location.search);
const language = params.get("lang") ?? undefined;
const locale = paneLocale(language ?? "zh-CN");
// What the ribbon's 检查本表 left in the workbook before the pane opened (a JSON record).
const lastCheck = params.get("lastCheck");
const platform = params.get("platform");
if (lastCheck !== null) double.state.settings.set("xxgk.lastCheck", lastCheck);

function mount(): Promise<void> {
  return mountPane(root, {
    port: createExcelAdapter(run, { rangeAreas: true, mergedAreas: true, customXml: true }),
    locale,
    support: { insert: true, highlight: true },
    copyText: (text) => {
      copied.push(text);
      return Promise.resolve(true);
    },
    // ?platform=Mac: a host whose task pane cannot download files (office-js#2700).
    ...(platform === null ? {} : { platform }),
  });
}

// ?boot=no-office: office.js never loaded; ?boot=hang: loaded, but never ready (200 ms timeout).
const boot = params.get("boot");
if (boot === "no-office") startWhenReady(root, undefined, locale, mount);
else if (boot === "hang")
  startWhenReady(root, { onReady: () => new Promise<never>(() => undefined) }, locale, mount, 200);
else void mount();
