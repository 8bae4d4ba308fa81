/**
 * The selection: moving it to a finding's cells, and reading the selected text (the user's draft
 * narrative) for the N1–N4 check. One or two syncs each.
 */
import { groupRectangles, parseRect, rectAddress, splitQualified } from "./addresses";
import { parseCellAddress } from "../core/model/address";
import { atBoundary, officeErrorCode, SelectionUnusableError } from "./errors";
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
  const selectIn = (address: string, areas: boolean) =>
    run(async (context) => {
      const target = context.workbook.worksheets.getItemOrNullObject(sheet);
      target.activate();
      if (areas) target.getRanges(address).select();
      else target.getRange(address).select();
      await context.sync();
      return { sheet, range: address };
    });
  return atBoundary(
    "select",
    async () => {
      if (!(capabilities.rangeAreas && rects.length > 1)) return selectIn(range, false);
      try {
        return await selectIn(range, true);
      } catch (error) {
        // getRanges splits at the user's list separator: with ";" (many European Windows
        // settings) "D8,E9:F10" is refused with InvalidArgument (office-js#1167, #1985). The
        // rectangle around the cells is selected instead (1 more sync).
        if (officeErrorCode(error) !== "InvalidArgument") throw error;
        return selectIn(rectAddress(bounding), false);
      }
    },
    () => sheet,
  );
}

/**
 * Runs a batch on the selection and turns Excel's refusal of a multi-area selection
 * (`getSelectedRange()` "will throw an error" when several ranges are selected, index.d.ts 37045)
 * into ours: where ExcelApi 1.9 is present the areas are counted with `getSelectedRanges()`
 * (1 more sync, only after a failure); without it, Excel's InvalidSelection is taken as that.
 */
export async function onSingleSelection<T>(
  run: RunBatch,
  capabilities: HostCapabilities,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = officeErrorCode(error);
    if (code === undefined) throw error;
    if (capabilities.rangeAreas) {
      const areas = await run(async (context) => {
        const selected = context.workbook.getSelectedRanges().load("areaCount");
        await context.sync();
        return selected.areaCount;
      }).catch(() => 1);
      if (areas > 1) throw new SelectionUnusableError("multiple-areas", { cause: error });
    } else if (code === "InvalidSelection") {
      throw new SelectionUnusableError("multiple-areas", { cause: error });
    }
    throw error;
  }
}

/** The text of the selected cells, row by row (cells joined without separators). Two syncs. */
export async function readSelectedText(
  run: RunBatch,
  capabilities: HostCapabilities = { rangeAreas: false, mergedAreas: false },
): Promise<{ sheet: string; address: string; text: string }> {
  return atBoundary("read-selection", () =>
    onSingleSelection(run, capabilities, () => readText(run)),
  );
}

/**
 * The draft is read from `text`, what the cells show ("12.5%", "2024年1月1日"), not `values`
 * (0.125, a date's serial number): the N1–N4 checks compare what the reader of the report sees.
 */
function readText(run: RunBatch): Promise<{ sheet: string; address: string; text: string }> {
  return run(async (context) => {
    const selected = context.workbook.getSelectedRange();
    const sheet = selected.worksheet.load("name");
    const bounded = selected
      .getIntersectionOrNullObject(selected.worksheet.getUsedRange(true))
      .load("address,cellCount");
    await context.sync();
    if (bounded.isNullObject) throw new SelectionUnusableError("empty");
    if (bounded.cellCount > SELECTION_CELL_LIMIT) throw new SelectionUnusableError("too-large");
    const local = splitQualified(bounded.address).local;
    const shown = sheet.getRange(local).load("text");
    await context.sync();
    const text = shown.text
      .map((row) => row.join(""))
      .filter((line) => line.trim() !== "")
      .join("\n");
    if (text.trim() === "") throw new SelectionUnusableError("empty");
    return { sheet: sheet.name, address: rectAddress(parseRect(local)), text };
  });
}
