/**
 * The workbook as the pane sees it: every operation the add-in performs on Excel, each a fixed
 * number of syncs. Built from an `Excel.run`-like function and the host's capabilities, so tests
 * and the browser build inject the workbook double instead of office.js.
 */
import type { Explanation } from "../core/explain/explanations";
import type { HostCapabilities, RunBatch } from "./host";
import { insertTemplates, type InsertOptions, type InsertResult } from "./insert";
import { writeNarrative } from "./narrative";
import {
  clearHighlights,
  type ClearResult,
  readWorkbook,
  type ReadOptions,
  type SheetScope,
  type WorkbookReading,
} from "./read";
import { readSelectedText, selectCells } from "./selection";
import {
  queueSaveReportPart,
  queueSaveSettings,
  queueSettings,
  readNewestPart,
  readReportPart,
  settingsFrom,
  writeExplanations,
  type ReportSettings,
} from "./settings";
import { ApiUnsupportedError, atBoundary } from "./errors";
import { loadLastCheck, type LastCheck } from "./last-check";

/** What the pane can ask of the workbook. */
export interface WorkbookPort {
  insert(options: InsertOptions): Promise<InsertResult>;
  read(options: ReadOptions): Promise<WorkbookReading>;
  clear(scope: SheetScope): Promise<ClearResult>;
  select(addresses: readonly string[]): Promise<{ sheet: string; range: string } | undefined>;
  readSelectedText(): Promise<{ sheet: string; address: string; text: string }>;
  writeNarrative(paragraphs: readonly string[]): Promise<{ sheet: string; range: string }>;
  loadSettings(): Promise<ReportSettings>;
  saveSettings(settings: ReportSettings): Promise<void>;
  listSheets(): Promise<string[]>;
  /** What the ribbon's 检查本表 last did, if it ran in this workbook. */
  loadLastCheck(): Promise<LastCheck | undefined>;
  /** The explanations kept in the workbook's part (2 round trips); none without custom XML. */
  loadExplanations(): Promise<StoredExplanations>;
  /** Replaces the explanations kept in the workbook's part (1 run, 3 round trips). */
  saveExplanations(explanations: readonly Explanation[]): Promise<void>;
}

/** What the workbook's part holds of explanations, and how many could not be read. */
export interface StoredExplanations {
  readonly explanations: readonly Explanation[];
  readonly skipped: number;
}

/** The adapter over a run function (office.js's `Excel.run`, or the double's). */
export function createExcelAdapter(run: RunBatch, capabilities: HostCapabilities): WorkbookPort {
  // The explanations last read or written: saving the settings writes a new part, which must
  // carry them (the newest part is the only one read).
  let explanations: readonly Explanation[] = [];
  return {
    insert: (options) => insertTemplates(run, options, capabilities),
    read: (options) => readWorkbook(run, options, capabilities),
    clear: (scope) => clearHighlights(run, scope),
    select: (addresses) => selectCells(run, addresses, capabilities),
    readSelectedText: () => readSelectedText(run, capabilities),
    writeNarrative: (paragraphs) => writeNarrative(run, paragraphs),
    // The custom XML part (every copy of the add-in, the command line) over the settings,
    // which are a cache of this add-in instance: read together (2 round trips).
    loadSettings: () =>
      atBoundary("load-settings", async () => {
        const [cached, part] = await Promise.all([
          run(async (context) => {
            const setting = queueSettings(context);
            await context.sync();
            return settingsFrom(setting);
          }),
          capabilities.customXml === true ? readReportPart(run) : undefined,
        ]);
        return part === undefined ? cached : { ...cached, ...part };
      }),
    saveSettings: (settings) =>
      atBoundary("save-settings", () =>
        run(async (context) => {
          queueSaveSettings(context, settings);
          if (capabilities.customXml === true)
            queueSaveReportPart(context, settings, Date.now(), explanations);
          await context.sync();
        }),
      ),
    listSheets: () =>
      atBoundary("list-sheets", () =>
        run(async (context) => {
          const sheets = context.workbook.worksheets.load("items/name,items/visibility");
          await context.sync();
          return sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
        }),
      ),
    loadLastCheck: () => loadLastCheck(run),
    loadExplanations: () =>
      atBoundary("load-explanations", async () => {
        if (capabilities.customXml !== true) return { explanations: [], skipped: 0 };
        const part = await readNewestPart(run);
        explanations = part?.explanations ?? [];
        return { explanations, skipped: part?.explanationsSkipped ?? 0 };
      }),
    saveExplanations: (list) =>
      atBoundary("save-explanations", async () => {
        if (capabilities.customXml !== true) throw new ApiUnsupportedError("ExcelApi", "1.5");
        await writeExplanations(run, list, Date.now());
        explanations = [...list];
      }),
  };
}
