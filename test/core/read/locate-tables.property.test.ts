/**
 * Properties of the reader: it never throws on any grid, and any table rendered in its official
 * layout, with any figures, anywhere on a sheet and with blank rows and columns inserted, is read
 * back exactly.
 */
import fc from "fast-check";
import type { Grid, RawCell } from "../../../src/core/model/figures";
import { T3_CORNER_NOTE } from "../../../src/core/model/layout";
import { cellAddress } from "../../../src/core/model/address";
import {
  cellId,
  TABLES,
  type CellKey,
  type FormatVersion,
  type TableId,
} from "../../../src/core/model/tables";
import { locateTables } from "../../../src/core/read/locate";
import { expectedValues, insertColumn, insertRow, rawValues, render } from "./grid-edit";

/** Every label, title and variant the model spells, and the corner note. */
const LABELS: readonly string[] = [
  ...new Set(
    TABLES.flatMap((t) => [
      t.title,
      ...(t.titleVariants ?? []),
      ...t.blocks.flatMap((b) => [
        ...(b.header === undefined ? [] : [b.header]),
        ...(b.columnHeaderLabel === undefined ? [] : [b.columnHeaderLabel]),
        ...b.columns.flatMap((c) => [c.label, ...(c.variants ?? [])]),
        ...b.rows.flatMap((r) => [r.label, ...(r.variants ?? []), ...(r.path ?? [])]),
      ]),
    ]),
  ),
  T3_CORNER_NOTE,
  "法人或其他组织",
  "行政诉讼",
];

const anyCell: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.integer({ min: -5, max: 1000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", " ", "\t", "０", "12", "—", "#N/A", "无", "5件", "1.", "（一）"),
  },
  { weight: 1, arbitrary: fc.boolean() },
);

const anyGrid: fc.Arbitrary<Grid> = fc.record({
  sheet: fc.string({ maxLength: 8 }),
  origin: fc
    .tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 200 }))
    .map(([r, c]) => cellAddress(r, c)),
  values: fc.array(fc.array(anyCell, { maxLength: 24 }), { maxLength: 48 }),
});

test("never throws on random grids of labels, numbers, text and blanks", () => {
  fc.assert(
    fc.property(anyGrid, fc.constantFrom("sheet" as const, "text" as const), (grid, source) => {
      const found = locateTables(grid, { source });
      for (const t of found) {
        expect(["T2", "T3", "T4"]).toContain(t.table);
        for (const [id, cell] of t.cells) expect(cellId(cell)).toBe(id);
      }
    }),
    { numRuns: 400 },
  );
});

test("never throws on grids holding values no host sends", () => {
  const odd = [
    [undefined, {}, [], Number.NaN, Number.POSITIVE_INFINITY, "规章", 1],
    "not a row",
    null,
    [Symbol.iterator, "行政许可", () => 1],
  ] as unknown as Grid["values"];
  expect(() => locateTables({ sheet: "S", origin: "A1", values: odd })).not.toThrow();
  expect(() =>
    locateTables({ sheet: "S", origin: "A1", values: null } as unknown as Grid),
  ).not.toThrow();
});

const figure: fc.Arbitrary<RawCell> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 5000 }) },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => String(n)) },
);

const tableChoice: fc.Arbitrary<[TableId, FormatVersion]> = fc.constantFrom<
  [TableId, FormatVersion]
>(["T2", "2021"], ["T3", "2021"], ["T4", "2021"], ["T2", "2019"], ["T3", "2019"]);

test("reads back any table rendered in the official layout, wherever it sits", () => {
  fc.assert(
    fc.property(
      tableChoice,
      fc.array(figure, { minLength: 200, maxLength: 200 }),
      fc.integer({ min: 0, max: 3000 }),
      fc.integer({ min: 0, max: 40 }),
      fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 4 }),
      ([table, version], figures, row, column, blanks) => {
        const keys = new Map<string, RawCell>();
        const value = (key: CellKey): RawCell => {
          const id = cellId(key);
          if (!keys.has(id)) keys.set(id, figures[keys.size % figures.length] ?? null);
          return keys.get(id) ?? null;
        };
        let grid = render(table, { version, value, origin: cellAddress(row, column) });
        for (const [isRow, at] of blanks) {
          grid = isRow
            ? insertRow(grid, at % (grid.values.length + 1))
            : insertColumn(grid, at % ((grid.values[0]?.length ?? 0) + 1));
        }
        const found = locateTables(grid);
        expect(found.map((t) => [t.table, t.version])).toEqual([[table, version]]);
        expect(rawValues(found[0]!)).toEqual(expectedValues(table, value, version));
        expect(found[0]!.structure).toEqual([]);
      },
    ),
    { numRuns: 300 },
  );
});
