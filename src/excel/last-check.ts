/**
 * What the ribbon's 检查本表 last did, kept in the workbook's settings because the command has no
 * pane to speak in: the pane reads it when it opens and says what happened. It cannot tell the
 * user at the moment the command runs; only when the pane is next opened.
 */
import { atBoundary } from "./errors";
import type { HostContext, HostSetting, RunBatch } from "./host";

/** The settings key of the record (settings are scoped to the manifest Id). */
export const LAST_CHECK_KEY = "xxgk.lastCheck";

/** How the command ended. */
export type LastCheckStatus = "ok" | "protected" | "no-tables" | "unsupported" | "error";

/** One run of the ribbon command: where, how it ended, the counts when it got that far. */
export interface LastCheck {
  readonly sheet?: string;
  readonly status: LastCheckStatus;
  /** The adapter error's kind or Office's error code, when the status is "error". */
  readonly code?: string;
  readonly counts?: { readonly errors: number; readonly warnings: number; readonly rules: number };
  /** When it ran (ISO 8601). */
  readonly at: string;
}

const STATUSES: readonly LastCheckStatus[] = [
  "ok",
  "protected",
  "no-tables",
  "unsupported",
  "error",
];

/** Queues the record's read; call `lastCheckFrom` on the result after the next sync. */
export function queueLastCheck(context: HostContext): HostSetting {
  return context.workbook.settings.getItemOrNullObject(LAST_CHECK_KEY).load("value");
}

/** The record held by a loaded setting; anything malformed reads as none (never thrown). */
export function lastCheckFrom(setting: HostSetting): LastCheck | undefined {
  if (setting.isNullObject) return undefined;
  let value: unknown = setting.value;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  const status = STATUSES.find((s) => s === v["status"]);
  if (status === undefined) return undefined;
  const counts = v["counts"] as Record<string, unknown> | undefined;
  const count = (name: string): number | undefined =>
    typeof counts?.[name] === "number" ? counts[name] : undefined;
  const errors = count("errors");
  const warnings = count("warnings");
  const rules = count("rules");
  return {
    status,
    at: typeof v["at"] === "string" ? v["at"] : "",
    ...(typeof v["sheet"] === "string" ? { sheet: v["sheet"] } : {}),
    ...(typeof v["code"] === "string" ? { code: v["code"] } : {}),
    ...(errors !== undefined && warnings !== undefined && rules !== undefined
      ? { counts: { errors, warnings, rules } }
      : {}),
  };
}

/** Reads the record (1 sync). */
export function loadLastCheck(run: RunBatch): Promise<LastCheck | undefined> {
  return atBoundary("load-last-check", () =>
    run(async (context) => {
      const setting = queueLastCheck(context);
      await context.sync();
      return lastCheckFrom(setting);
    }),
  );
}

/** Writes the record (1 sync). */
export function saveLastCheck(run: RunBatch, record: LastCheck): Promise<void> {
  return atBoundary("save-last-check", () =>
    run(async (context) => {
      context.workbook.settings.add(LAST_CHECK_KEY, JSON.stringify(record));
      await context.sync();
    }),
  );
}
