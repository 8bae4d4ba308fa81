/** Typing figures into inserted templates, as a user would (constants into input cells). */
import type { TableId } from "../../src/core/model/tables";
import { planTemplate, type TemplateOptions } from "../../src/core/template/plan";
import type { WorkbookDouble } from "./double/workbook-double";

/** Types `value(row, column)` (default 0) into every input cell of the planned tables. */
export function typeFigures(
  double: WorkbookDouble,
  sheet: string,
  tables: readonly TableId[],
  value: (row: string, column: string) => number | string | undefined = () => 0,
  options: TemplateOptions = {},
): void {
  for (const plan of planTemplate(tables, options)) {
    for (const c of plan.cells) {
      if (c.role !== "input" || c.cell === undefined) continue;
      // Through the double's typed entry, as a user types (a number format "@" keeps text).
      double.type(sheet, c.address, value(c.cell.row, c.cell.column) ?? 0);
    }
  }
}

/** The address of a data cell in the planned tables. */
export function addressOf(
  tables: readonly TableId[],
  row: string,
  column: string,
  options: TemplateOptions = {},
): string {
  for (const plan of planTemplate(tables, options)) {
    const found = plan.cells.find((c) => c.cell?.row === row && c.cell.column === column);
    if (found !== undefined) return found.address;
  }
  throw new Error(`no cell ${row}/${column}`);
}
