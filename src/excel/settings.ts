/**
 * The report's settings (year, agency, how it refers to itself), kept in the workbook's own
 * settings so they travel with the file. Anyone with the file can read them: no secrets here.
 */
import type { HostContext, HostSetting } from "./host";

/** The settings key; settings are scoped to the add-in's manifest Id, so keep that Id forever. */
export const SETTINGS_KEY = "xxgk.report";

export interface ReportSettings {
  readonly year?: number;
  readonly agency?: string;
  readonly self?: string;
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
  return {
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
    ...(self === undefined ? {} : { self }),
  };
}

/** Queues the settings write (stored as JSON text, which every host round-trips). */
export function queueSaveSettings(context: HostContext, settings: ReportSettings): void {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
}
