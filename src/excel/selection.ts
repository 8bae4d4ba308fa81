/**
 * The selection: moving it to a finding's cells, and reading the selected text (the user's draft
 * narrative) for the N1–N4 check. One or two syncs each.
 */
import { groupRectangles, parseRect, rectAddress, splitQualified } from "./addresses";
import { parseCellAddress } from "../core/model/address";
import { atBoundary, SelectionUnusableError } from "./errors";
import type { HostCapabilities, RunBatch } from "./host";

/** The largest selection read as draft text. */
export const SELECTION_CELL_LIMIT = 10_000;

/**
 * Selects cells given as sheet-qualified addresses ("Sheet1!D8"), all on one sheet: every cell
 * where the host selects several areas (ExcelApi 1.9), else the rectangle around them. One sync.
 */
export async function selectCells(
  run: RunBatch,
  addresses: readonly string[],
  capabilities: HostCapabilities,
): Promise<{ sheet: string; range: string } | undefined> {
  const parts = addresses.map(splitQualified).filter((p) => p.sheet !== undefined);
  const sheet = parts[0]?.sheet;
  if (sheet === undefined) return undefined;
  const cells = parts.filter((p) => p.sheet === sheet).map((p) => parseCellAddress(p.local));
  const rects = groupRectangles(cells);
  const bounding = {
    top: Math.min(...rects.map((r) => r.top)),
    left: Math.min(...rects.map((r) => r.left)),
    bottom: Math.max(...rects.map((r) => r.bottom)),
    right: Math.max(...rects.map((r) => r.right)),
  };
  const range =
    capabilities.rangeAreas && rects.length > 1
      ? rects.map(rectAddress).join(",")
      : rectAddress(bounding);
  return atBoundary(
    "select",
    () =>
      run(async (context) => {
        const target = context.workbook.worksheets.getItemOrNullObject(sheet);
        target.activate();
        if (capabilities.rangeAreas && rects.length > 1) target.getRanges(range).select();
        else target.getRange(range).select();
        await context.sync();
        return { sheet, range };
      }),
    () => sheet,
  );
}

/** The text of the selected cells, row by row (cells joined without separators). Two syncs. */
export async function readSelectedText(
  run: RunBatch,
): Promise<{ sheet: string; address: string; text: string }> {
  return atBoundary("read-selection", () =>
    run(async (context) => {
      const selected = context.workbook.getSelectedRange();
      const sheet = selected.worksheet.load("name");
      const bounded = selected
        .getIntersectionOrNullObject(selected.worksheet.getUsedRange(true))
        .load("address,cellCount");
      await context.sync();
      if (bounded.isNullObject) throw new SelectionUnusableError("empty");
      if (bounded.cellCount > SELECTION_CELL_LIMIT) throw new SelectionUnusableError("too-large");
      const local = splitQualified(bounded.address).local;
      const values = sheet.getRange(local).load("values");
      await context.sync();
      const text = values.values
        .map((row) => row.map((v) => (typeof v === "string" ? v : String(v))).join(""))
        .filter((line) => line.trim() !== "")
        .join("\n");
      if (text.trim() === "") throw new SelectionUnusableError("empty");
      return { sheet: sheet.name, address: rectAddress(parseRect(local)), text };
    }),
  );
}
