/**
 * Ribbon commands. 检查本表 checks and highlights the active sheet without opening the pane: the
 * add-in's conditional formats show every broken rule in the sheet (red errors, yellow warnings),
 * and the counts are kept in the workbook settings for the pane. A failure is swallowed only after
 * the command is marked complete, so Excel never waits on it.
 */
import { readWorkbook } from "../excel/read";
import { officeRun, supportsExcelApi } from "../excel/office-run";
import { checkTables, type CheckOutcome } from "../taskpane/report";

/** Checks and highlights the active sheet (3 syncs: read, highlight, record the counts). */
async function checkActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    if (!supportsExcelApi("1.6")) return;
    const run = officeRun();
    let outcome: CheckOutcome | undefined;
    const reading = await readWorkbook(run, {
      scope: { kind: "active" },
      highlight: true,
      findingsFor: (tables) => (outcome = checkTables({ tables })).findings,
    });
    outcome ??= checkTables({ tables: reading.located });
    const counts = outcome;
    await run(async (context) => {
      context.workbook.settings.add(
        "xxgk.lastCheck",
        JSON.stringify({
          sheet: reading.activeSheet,
          errors: counts.errors,
          warnings: counts.warnings,
          rules: counts.rulesChecked,
        }),
      );
      await context.sync();
    });
  } catch {
    // Nothing to show without a pane: the sheet simply gets no new highlights.
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions.associate("checkActiveSheet", (event: Office.AddinCommands.Event) => {
    void checkActiveSheet(event);
  });
});
