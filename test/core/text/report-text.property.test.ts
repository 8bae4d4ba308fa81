/**
 * Properties of the text reader: any table in its official layout, exported as Word exports it
 * (one cell per line after a tab, horizontal merges once, vertical merges as empty cells, rows
 * ended by an empty line), is read back exactly, with the text around it kept as narrative.
 */
import fc from "fast-check";
import type { RawCell } from "../../../src/core/model/figures";
import { officialLayout, type TableLayout } from "../../../src/core/model/layout";
import {
  cellId,
  dataCells,
  tableDef,
  type CellKey,
  type FormatVersion,
  type TableId,
} from "../../../src/core/model/tables";
import { readReportText } from "../../../src/core/text/report-text";

/** A table as Word's plain-text export writes it, its title as a paragraph above it. */
function asWordText(layout: TableLayout, value: (key: CellKey) => RawCell): string {
  const lines: string[] = [];
  for (let r = 0; r < layout.rows; r += 1) {
    const cells: string[] = [];
    for (let c = 0; c < layout.columns; c += 1) {
      const covering = layout.cells.find(
        (x) => x.row <= r && r < x.row + x.rowSpan && x.column <= c && c < x.column + x.columnSpan,
      );
      if (covering === undefined) cells.push("");
      else if (covering.column !== c) continue;
      else if (covering.row !== r) cells.push("");
      else if (covering.cell !== undefined) cells.push(String(value(covering.cell) ?? ""));
      else cells.push(covering.text ?? "");
    }
    if (isTitleRow(layout, r)) {
      lines.push(cells[0] ?? "");
      continue;
    }
    lines.push(...cells.map((c) => `\t${c.replace(/(.{6})/gu, "$1\n")}`.replace(/\n$/u, "")), "");
  }
  return lines.join("\n");
}

function isTitleRow(layout: TableLayout, row: number): boolean {
  return layout.cells.some((x) => x.row === row && x.role === "title");
}

const tableChoice = fc.constantFrom<[TableId, FormatVersion]>(
  ["T2", "2021"],
  ["T3", "2021"],
  ["T4", "2021"],
  ["T2", "2019"],
  ["T3", "2019"],
);

const figure: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 1, arbitrary: fc.constant(null) },
);

test("reads back any table exported from Word as text, with the narrative around it", () => {
  fc.assert(
    fc.property(
      tableChoice,
      fc.array(figure, { minLength: 64, maxLength: 64 }),
      ([table, version], figures) => {
        const cells = dataCells(tableDef(table, version));
        const value = (key: CellKey): RawCell =>
          figures[cells.findIndex((c) => cellId(c) === cellId(key)) % figures.length] ?? null;
        const text = [
          "前文。",
          asWordText(officialLayout(table, version), value),
          "",
          "后文。",
        ].join("\n");
        const result = readReportText(text);
        expect(result.tables.map((t) => [t.table, t.version])).toEqual([[table, version]]);
        const read: Record<string, RawCell> = {};
        for (const [id, cell] of result.tables[0]!.cells) read[id] = cell.raw;
        const expected: Record<string, RawCell> = {};
        for (const c of cells) expected[cellId(c)] = String(value(c) ?? "");
        expect(read).toEqual(expected);
        expect(result.tables[0]!.structure).toEqual([]);
        expect(result.narrative.split("\n").filter((l) => l !== "")).toEqual([
          "前文。",
          tableDef(table, version).title,
          "后文。",
        ]);
      },
    ),
    { numRuns: 100 },
  );
});
