/**
 * Fills a written template's input cells with a report's figures, the way a clerk would: through
 * a spreadsheet library, by the plan's addresses, leaving the total formulas alone (without
 * calculated values, as exceljs writes them).
 */
import ExcelJS from "exceljs";
import type { LocatedTable, RawCell } from "../../../src/core/model/figures";
import { cellId, type CellKey, type TableId } from "../../../src/core/model/tables";
import { planTemplate } from "../../../src/core/template/plan";
import { templateSheetName } from "../../../src/xlsx/write-template";

/** The rows above each table in a written template (kept in step with write-template.ts). */
const TITLE_ROWS = 2;

/** Where each input cell of a table sits in a written template: sheet and address, by cellId. */
export function templateAddresses(
  table: TableId,
): Map<string, { sheet: string; address: string; role: string }> {
  const [plan] = planTemplate([table], { row: TITLE_ROWS, column: 0 });
  const map = new Map<string, { sheet: string; address: string; role: string }>();
  for (const c of plan!.cells) {
    if (c.cell !== undefined)
      map.set(cellId(c.cell), {
        sheet: templateSheetName(table),
        address: c.address,
        role: c.role,
      });
  }
  return map;
}

/** The template's bytes with every input cell set from the tables' raw values (overrides win). */
export async function fillTemplate(
  bytes: Uint8Array,
  tables: readonly LocatedTable[],
  overrides: ReadonlyMap<string, RawCell> = new Map(),
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  for (const t of tables) {
    const sheet = workbook.getWorksheet(templateSheetName(t.table));
    if (sheet === undefined) continue;
    for (const [id, place] of templateAddresses(t.table)) {
      if (place.role !== "input") continue;
      const raw = overrides.has(id) ? overrides.get(id)! : (t.cells.get(id)?.raw ?? null);
      sheet.getCell(place.address).value = raw;
    }
  }
  for (const [id, raw] of overrides) {
    const [table] = id.split("/") as [TableId];
    const place = templateAddresses(table).get(id);
    if (place === undefined || place.role === "input") continue;
    // Typing over a total replaces its formula.
    workbook.getWorksheet(place.sheet)!.getCell(place.address).value = raw;
  }
  const out = await workbook.xlsx.writeBuffer();
  return new Uint8Array(out);
}

/** A cell key's id, for overrides. */
export function keyId(table: TableId, row: string, column: string): string {
  const key: CellKey = { table, row, column };
  return cellId(key);
}
