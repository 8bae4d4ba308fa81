/**
 * The report's settings (year, agency, how it refers to itself, last year's sheet), kept in the
 * workbook so they travel with the file. Where the host has custom XML parts (ExcelApi 1.5) they
 * are kept in one (core/model/report-part.ts), which every copy of the add-in and the command line
 * read; the workbook settings, which belong to one add-in instance (office-js#840), are only a
 * cache. Anyone with the file can read them: no secrets here.
 */
import {
  newestPart,
  parseReportPart,
  REPORT_PART_LIMIT,
  REPORT_PART_NAMESPACE,
  reportPartXml,
  type ReportPart,
} from "../core/model/report-part";
import type { Explanation } from "../core/explain/explanations";
import type { HostContext, HostCustomXmlPartScopedCollection, HostSetting, RunBatch } from "./host";

/** The settings key; settings are scoped to the add-in's manifest Id, so keep that Id forever. */
export const SETTINGS_KEY = "xxgk.report";

export interface ReportSettings {
  readonly year?: number;
  readonly agency?: string;
  readonly self?: string;
  /** The sheet holding last year's tables. */
  readonly lastYearSheet?: string;
}

/** Queues the settings read; call `settingsFrom` on the result after the next sync. */
export function queueSettings(context: HostContext): HostSetting {
  return context.workbook.settings.getItemOrNullObject(SETTINGS_KEY).load("value");
}

/** The settings held by a loaded setting (anything malformed is dropped, never thrown). */
export function settingsFrom(setting: HostSetting): ReportSettings {
  if (setting.isNullObject) return {};
  const raw: unknown = setting.value;
  let value: unknown = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return {};
    }
  }
  if (typeof value !== "object" || value === null) return {};
  const v = value as Record<string, unknown>;
  const year = typeof v["year"] === "number" && Number.isInteger(v["year"]) ? v["year"] : undefined;
  const agency = typeof v["agency"] === "string" && v["agency"] !== "" ? v["agency"] : undefined;
  const self = typeof v["self"] === "string" && v["self"] !== "" ? v["self"] : undefined;
  const last = v["lastYearSheet"];
  const lastYearSheet = typeof last === "string" && last !== "" ? last : undefined;
  return {
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(self === undefined ? {} : { self }),
    ...(lastYearSheet === undefined ? {} : { lastYearSheet }),
  };
}

/** The settings a part holds. */
function fromPart(part: ReportPart): ReportSettings {
  return {
    ...(part.year === undefined ? {} : { year: part.year }),
    ...(part.agency === undefined ? {} : { agency: part.agency }),
    ...(part.self === undefined ? {} : { self: part.self }),
    ...(part.lastYearSheet === undefined ? {} : { lastYearSheet: part.lastYearSheet }),
  };
}

/**
 * Reads the newest of the add-in's custom XML parts (2 syncs: the parts, then their XML), and
 * deletes the older ones in the second. Undefined when there is none or Excel refused: the
 * cached settings are then all there is. Never throws.
 */
export async function readReportPart(run: RunBatch): Promise<ReportSettings | undefined> {
  const part = await readNewestPart(run);
  return part === undefined ? undefined : fromPart(part);
}

/** The newest part whole (settings and explanations), older ones deleted; see readReportPart. */
export async function readNewestPart(run: RunBatch): Promise<ReportPart | undefined> {
  try {
    return await run(async (context) => {
      const { newest, collection, read } = await loadNewest(context);
      const keep = newest === undefined ? -1 : read.indexOf(newest);
      // Older copies (each save adds one, so that saving takes one request) are removed here.
      collection.items.forEach((p, i) => {
        if (i !== keep && read[i] !== undefined) p.delete();
      });
      return newest;
    });
  } catch {
    return undefined;
  }
}

/** The parts of our namespace, their parsed XML and the newest (2 syncs). */
async function loadNewest(context: HostContext): Promise<{
  newest: ReportPart | undefined;
  collection: HostCustomXmlPartScopedCollection;
  read: (ReportPart | undefined)[];
}> {
  const collection = context.workbook.customXmlParts
    .getByNamespace(REPORT_PART_NAMESPACE)
    .load("items/id");
  await context.sync();
  if (collection.items.length === 0) return { newest: undefined, collection, read: [] };
  const xml = collection.items.map((p) => p.getXml());
  await context.sync();
  const read = xml.map((x) =>
    x.value.length > REPORT_PART_LIMIT ? undefined : parseReportPart(x.value),
  );
  return { newest: newestPart(read), collection, read };
}

/**
 * Writes the explanations into the part (3 syncs): the newest part is read first, so settings
 * another copy of the add-in saved are kept, then a new part holds both and the ones read are
 * deleted in the same sync. Parts that could not be read are left alone (they may be a newer
 * format). Throws when Excel refuses: the caller says the explanation was not saved.
 */
export async function writeExplanations(
  run: RunBatch,
  explanations: readonly Explanation[],
  now: number,
): Promise<void> {
  await run(async (context) => {
    const { newest, collection, read } = await loadNewest(context);
    context.workbook.customXmlParts.add(
      reportPartXml({
        ...(newest === undefined ? {} : fromPart(newest)),
        explanations,
        saved: Math.max(now, (newest?.saved ?? 0) + 1),
      }),
    );
    collection.items.forEach((p, i) => {
      if (read[i] !== undefined) p.delete();
    });
    await context.sync();
  });
}

/**
 * Queues the part's write: a new part each time (1 request, no look-up first); the reader takes
 * the newest and removes the others.
 */
export function queueSaveReportPart(
  context: HostContext,
  settings: ReportSettings,
  now: number,
  explanations: readonly Explanation[] = [],
): void {
  // The explanations last read or written go with the settings: a part holds both, and the
  // newest part is the only one read.
  context.workbook.customXmlParts.add(
    reportPartXml({
      ...settings,
      ...(explanations.length === 0 ? {} : { explanations }),
      saved: now,
    }),
  );
}

/** Queues the settings write (stored as JSON text, which every host round-trips). */
export function queueSaveSettings(context: HostContext, settings: ReportSettings): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
}
