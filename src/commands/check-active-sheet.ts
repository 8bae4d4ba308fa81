/**
 * The ribbon's 检查本表 without office.js globals: checks and highlights the active sheet and
 * records how that ended (ok, protected, no tables, an API set missing, an error) in the workbook
 * settings, where the pane finds it. It cannot show anything itself: there is no pane to speak in.
 */
import { AdapterError, ExcelHostError, officeErrorCode } from "../excel/errors";
import type { RunBatch } from "../excel/host";
import { saveLastCheck, type LastCheck } from "../excel/last-check";
import { readWorkbook } from "../excel/read";
import { checkTables, type CheckOutcome } from "../taskpane/report";

/** Conditional formats (the highlights) need ExcelApi 1.6; workbook settings need 1.4. */
const HIGHLIGHT_API = "1.6";
const SETTINGS_API = "1.4";

/** The code recorded for an error: Office's code, else the adapter error's kind. */
function errorCode(error: unknown): string {
  if (error instanceof ExcelHostError) return error.code;
  if (error instanceof AdapterError) return error.kind;
  return officeErrorCode(error) ?? "unknown";
}

/**
 * Checks and highlights the active sheet (2 syncs), then records the outcome (1 sync). Returns the
 * record; never throws for a failure of the check itself, which is what the record is for.
 */
export async function checkActiveSheet(
  run: RunBatch,
  supports: (version: string) => boolean,
  now: () => Date = () => new Date(),
): Promise<LastCheck> {
  const at = now().toISOString();
  let record: LastCheck;
  if (!supports(HIGHLIGHT_API)) record = { status: "unsupported", at };
  else {
    try {
      let outcome: CheckOutcome | undefined;
      const reading = await readWorkbook(run, {
        scope: { kind: "active" },
        highlight: true,
        findingsFor: (tables) => (outcome = checkTables({ tables })).findings,
      });
      outcome ??= checkTables({ tables: reading.located });
      const sheet = reading.sheets[0];
      const counts = {
        errors: outcome.errors,
        warnings: outcome.warnings,
        rules: outcome.rulesChecked,
      };
      const status =
        reading.located.length === 0 ? "no-tables" : sheet?.protected === true ? "protected" : "ok";
      record = {
        sheet: sheet?.name ?? reading.activeSheet,
        status,
        ...(status === "no-tables" ? {} : { counts }),
        at,
      };
    } catch (error) {
      record = { status: "error", code: errorCode(error), at };
    }
  }
  if (supports(SETTINGS_API)) await saveLastCheck(run, record);
  return record;
}
