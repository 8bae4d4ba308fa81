/**
 * A plain picture of the double's active sheet beside the pane, for the browser tests'
 * screenshots: values, merges, the add-in's highlight colours (conditional formats evaluated like
 * Excel) and the selection. Not a spreadsheet: it only shows.
 */
import { cellAddress, columnLetters } from "../../src/core/model/address";
import { activeConditionalFormats, cellValue, contains, usedBounds } from "../excel/double/state";
import type { WorkbookDouble } from "../excel/double/workbook-double";

export function renderSheet(host: HTMLElement, double: WorkbookDouble): void {
  const doc = host.ownerDocument;
  while (host.firstChild !== null) host.removeChild(host.firstChild);
  const state = double.state;
  const sheet = state.sheets.find((s) => s.id === state.activeSheetId)!;
  const title = doc.createElement("p");
  title.className = "sheet-title";
  title.textContent = `工作表：${sheet.name}（${double.syncCount} 次同步）`;
  host.append(title);
  const bounds = usedBounds(sheet, false);
  if (bounds === null) return;
  const table = doc.createElement("table");
  table.className = "sheet";
  table.style.borderCollapse = "collapse";
  table.style.fontSize = "11px";
  table.style.background = "#ffffff";
  const head = doc.createElement("tr");
  head.append(doc.createElement("th"));
  for (let c = 0; c <= bounds.right; c++) {
    const th = doc.createElement("th");
    th.textContent = columnLetters(c);
    head.append(th);
  }
  table.append(head);
  const selected = state.selection.sheetId === sheet.id ? state.selection.areas : [];
  for (let r = 0; r <= Math.min(bounds.bottom, 120); r++) {
    const tr = doc.createElement("tr");
    const th = doc.createElement("th");
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c <= bounds.right; c++) {
      const merge = sheet.merges.find((m) => contains(m, r, c));
      if (merge !== undefined && (merge.top !== r || merge.left !== c)) continue;
      const td = doc.createElement("td");
      if (merge !== undefined) {
        td.rowSpan = merge.bottom - merge.top + 1;
        td.colSpan = merge.right - merge.left + 1;
      }
      const value = cellValue(sheet, r, c);
      td.textContent = value === "" ? "" : String(value);
      td.title = cellAddress(r, c);
      td.style.border = "1px solid #d6d6d6";
      td.style.padding = "1px 4px";
      td.style.maxWidth = "160px";
      td.style.verticalAlign = "middle";
      const cell = sheet.cells.get(`${r},${c}`);
      if (cell?.format?.fill !== undefined) td.style.background = cell.format.fill;
      if (cell?.format?.bold === true) td.style.fontWeight = "600";
      const cf = activeConditionalFormats(sheet, r, c)[0];
      if (cf?.fill !== undefined) td.style.background = cf.fill;
      if (cf?.fontColor !== undefined) td.style.color = cf.fontColor;
      if (selected.some((a) => contains(a, r, c))) td.style.outline = "2px solid #107c41";
      tr.append(td);
    }
    table.append(tr);
  }
  host.append(table);
}
