/**
 * Helpers for adapter tests: a double with given sheets and cells, and a diff of two snapshots
 * that names exactly what changed (cells by sheet and address, and every other part by name).
 */
import { newWorkbook, snapshot, type WorkbookSnapshot } from "./double/state";
import { WorkbookDouble } from "./double/workbook-double";
import { parseCellAddress } from "../../src/core/model/address";
import type { HostCapabilities, HostCellValue } from "../../src/excel/host";

export const ALL_CAPABILITIES: HostCapabilities = {
  rangeAreas: true,
  mergedAreas: true,
  customXml: true,
};

/** A double with sheets holding the given constants ({ Sheet1: { B2: 5 } }). */
export function workbookWith(
  sheets: Record<string, Record<string, HostCellValue>> = { Sheet1: {} },
): WorkbookDouble {
  const double = new WorkbookDouble(newWorkbook(Object.keys(sheets)));
  for (const [name, cells] of Object.entries(sheets)) {
    const sheet = double.sheet(name);
    for (const [address, value] of Object.entries(cells)) {
      const p = parseCellAddress(address);
      sheet.cells.set(
        `${p.row},${p.column}`,
        typeof value === "string" && value.startsWith("=") ? { formula: value } : { value },
      );
    }
  }
  return double;
}

/** What differs between two snapshots: "Sheet1!D8" for cells, "Sheet1 merges" etc. otherwise. */
export function differences(before: WorkbookSnapshot, after: WorkbookSnapshot): string[] {
  const out: string[] = [];
  const names = new Set([...before.sheets.map((s) => s.name), ...after.sheets.map((s) => s.name)]);
  for (const name of names) {
    const a = before.sheets.find((s) => s.name === name);
    const b = after.sheets.find((s) => s.name === name);
    if (a === undefined || b === undefined) {
      out.push(`${name} ${a === undefined ? "added" : "removed"}`);
      continue;
    }
    const addresses = new Set([...Object.keys(a.cells), ...Object.keys(b.cells)]);
    for (const address of addresses) {
      if (JSON.stringify(a.cells[address]) !== JSON.stringify(b.cells[address]))
        out.push(`${name}!${address}`);
    }
    for (const part of [
      "merges",
      "columnWidths",
      "rowHeights",
      "conditionalFormats",
      "validations",
      "names",
      "protected",
    ] as const) {
      if (JSON.stringify(a[part]) !== JSON.stringify(b[part])) out.push(`${name} ${part}`);
    }
  }
  for (const part of ["names", "settings", "activeSheet", "selection"] as const) {
    if (JSON.stringify(before[part]) !== JSON.stringify(after[part])) out.push(part);
  }
  return out;
}

export { snapshot };
