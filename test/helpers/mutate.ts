import type { FigureCell, LocatedTable, RawCell } from "../../src/core/model/figures";
import { readCell } from "../../src/core/read/cell";
import { cellId, dataCells, tableDef, type CellKey } from "../../src/core/model/tables";

/** A copy of the tables with one cell's raw value replaced (read again with its domain). */
export function withCell(tables: LocatedTable[], key: CellKey, raw: RawCell): LocatedTable[] {
  return tables.map((t) => {
    if (t.table !== key.table) return t;
    const d = dataCells(tableDef(t.table, t.version)).find(
      (x) => x.row === key.row && x.column === key.column,
    );
    if (d === undefined) throw new Error(`no cell ${cellId(key)}`);
    const cells = new Map(t.cells);
    const old = cells.get(cellId(key));
    const cell: FigureCell = {
      ...key,
      ...(old?.address === undefined ? {} : { address: old.address }),
      raw,
      reading: readCell(raw, d.domain),
    };
    cells.set(cellId(key), cell);
    return { ...t, cells };
  });
}
