/**
 * Ribbon commands. 检查本表 checks and highlights the active sheet without opening the pane: the
 * add-in's conditional formats show every broken rule in the sheet (red errors, yellow warnings),
 * and how the check ended is kept in the workbook settings, where the pane shows it when it opens.
 * The command is always marked complete, so Excel never waits on it.
 */
import { officeRun, supportsExcelApi } from "../excel/office-run";
import { checkActiveSheet } from "./check-active-sheet";

/** Runs the check (3 syncs: read, highlight, record the outcome). */
async function onCheckActiveSheet(event: Office.AddinCommands.Event): Promise<void> {
  try {
    await checkActiveSheet(officeRun(), supportsExcelApi);
  } catch {
    // Only the record itself could not be written (settings refused): nowhere left to say so.
  } finally {
    event.completed();
  }
}

// At the top level, as Microsoft's templates do: office.js looks the handler up when the ribbon's
// message arrives (Association.prototype.associate fills m_mappings, office.debug.js line 1353),
// which can be before Office.onReady resolves.
Office.actions.associate("checkActiveSheet", (event: Office.AddinCommands.Event) => {
  void onCheckActiveSheet(event);
});
