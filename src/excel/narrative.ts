/**
 * Writes the generated paragraphs to a new sheet (报告文字, or 报告文字 (2)… when taken): one
 * paragraph per row, wrapped in a wide column. Two syncs; an existing sheet is never written over.
 */
import { atBoundary } from "./errors";
import type { RunBatch } from "./host";
import { addFreshSheet, columnWidthPoints } from "./insert";

/** The default name of the narrative sheet. */
export const NARRATIVE_SHEET = "报告文字";

/** Writes paragraphs (plain text) to a new sheet and activates it; returns the sheet's name. */
export async function writeNarrative(
  run: RunBatch,
  paragraphs: readonly string[],
  sheetName: string = NARRATIVE_SHEET,
): Promise<{ sheet: string; range: string }> {
  let name: string | undefined;
  return atBoundary(
    "write-narrative",
    () =>
      run(async (context) => {
        const fresh = await addFreshSheet(context, sheetName);
        name = fresh.name;
        const sheet = fresh.sheet;
        const rows = paragraphs.length === 0 ? [""] : paragraphs;
        const range = sheet.getRange(`A1:A${rows.length}`);
        // Text format first, so a paragraph starting with "=" or a digit stays text.
        range.numberFormat = rows.map(() => ["@"]);
        range.values = rows.map((p) => [p]);
        range.format.wrapText = true;
        range.format.verticalAlignment = "Top";
        range.format.columnWidth = columnWidthPoints(90);
        range.format.autofitRows();
        sheet.activate();
        await context.sync();
        return { sheet: name, range: `A1:A${rows.length}` };
      }),
    () => name,
  );
}
