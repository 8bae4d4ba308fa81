/**
 * Property tests of the .xlsx and .docx readers on random structures with hostile sizes (merges,
 * spans, depths, texts, formulas, indexes out of range): they resolve or refuse the file with an
 * UnreadableFileError, never throw anything else, and their time grows linearly with the input.
 */
import fc from "fast-check";
import { UnreadableFileError } from "../../src/xlsx/errors";
import { readDocx } from "../../src/xlsx/read-docx";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { rawDocx } from "../bad-input/kinds-docx";
import { columnName, rawXlsx, sheetXml } from "../bad-input/build-xlsx";

const hostileInt = fc.oneof(
  fc.integer({ min: -3, max: 70 }),
  fc.constantFrom(0, 1_000_000_000, 2 ** 31, 5e7, -1, 16_384, 1_048_576),
);

const cellXmlArb = fc.tuple(fc.nat({ max: 30 }), fc.nat({ max: 40 })).chain(([c, r]) =>
  fc
    .oneof(
      fc.integer().map((n) => `<v>${n}</v>`),
      fc.constantFrom("<v>9999999999999999</v>", "<v>1e400</v>", "<v>abc</v>", "<v></v>"),
      hostileInt.map((n) => `<v>${n}</v>`),
      fc.string({ maxLength: 20 }).map((s) => `<is><t>${s.replace(/[<&]/gu, "")}</t></is>`),
      fc.constantFrom(
        "<f>SUM(A1:B3)</f>",
        "<f>Sheet9!A1+1</f>",
        "<f>A1/0</f>",
        "<f>SUM(A1:XFD1048576)</f>",
        "<f>((((((1))))))</f>",
        "<f>C1</f>",
        '<f t="shared" si="0"/>',
        '<f t="shared" ref="A1:Z40" si="0">A1+1</f>',
        "<f>VLOOKUP(1,A1:B2,2)</f>",
      ),
    )
    .map((body) => {
      const type = body.startsWith("<is>") ? ` t="inlineStr"` : "";
      return { row: r, xml: `<c r="${columnName(c)}${r + 1}"${type}>${body}</c>` };
    }),
);

const mergeArb = fc.tuple(hostileInt, hostileInt, hostileInt, hostileInt).map(([a, b, c, d]) => {
  const col = (n: number): string => columnName(Math.min(16_383, Math.max(0, n)));
  const row = (n: number): number => Math.min(1_048_576, Math.max(1, n));
  return `${col(a)}${row(b)}:${col(c)}${row(d)}`;
});

const sheetArb = fc
  .record({
    cells: fc.array(cellXmlArb, { maxLength: 60 }),
    merges: fc.array(mergeArb, { maxLength: 8 }),
    depth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
    damaged: fc.boolean(),
  })
  .map(({ cells, merges, depth, damaged }) => {
    const byRow = new Map<number, string[]>();
    for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.xml]);
    const rows = [...byRow.entries()]
      .sort(([a], [b]) => a - b)
      .map(([r, xml]) => `<row r="${r + 1}">${xml.join("")}</row>`)
      .join("");
    const nest = `<row r="99"><c r="A99" t="inlineStr"><is>${"<r>".repeat(depth)}${"</r>".repeat(depth)}</is></c></row>`;
    const xml = sheetXml(rows + (depth > 0 ? nest : ""), merges);
    return damaged ? xml.slice(0, Math.floor(xml.length / 2)) : xml;
  });

async function settles(run: () => Promise<unknown>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
  }
}

test("random workbooks are read or refused as unreadable, never thrown past the reader", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), async (sheets) => {
      const bytes = rawXlsx({ sheets: sheets.map((xml, i) => ({ name: `S${i}`, xml })) });
      const start = process.cpuUsage();
      await settles(() => readWorkbook("t.xlsx", bytes));
      const used = process.cpuUsage(start);
      // Linear in the input: generously 1 ms per KB of XML plus 300 ms.
      const kb = sheets.reduce((n, s) => n + s.length, 0) / 1024;
      expect((used.user + used.system) / 1000).toBeLessThan(300 + kb);
    }),
    { numRuns: 60 },
  );
});

const docxCellArb = fc
  .record({
    span: fc.option(hostileInt),
    vMerge: fc.constantFrom("", "<w:vMerge/>", `<w:vMerge w:val="restart"/>`),
    text: fc.string({ maxLength: 10 }),
  })
  .map(
    ({ span, vMerge, text }) =>
      `<w:tc><w:tcPr>${span === null ? "" : `<w:gridSpan w:val="${span}"/>`}${vMerge}</w:tcPr><w:p><w:r><w:t>${text.replace(/[<&]/gu, "")}</w:t></w:r></w:p></w:tc>`,
  );

const docxArb = fc.record({
  grid: fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(2_000)),
  before: fc.option(hostileInt),
  rows: fc.array(fc.array(docxCellArb, { maxLength: 6 }), { maxLength: 8 }),
  depth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 400 })),
});

test("random Word tables are read or refused as unreadable, never thrown past the reader", async () => {
  await fc.assert(
    fc.asyncProperty(docxArb, async ({ grid, before, rows, depth }) => {
      const trPr = before === null ? "" : `<w:trPr><w:gridBefore w:val="${before}"/></w:trPr>`;
      const body =
        `<w:p>${"<w:r>".repeat(depth)}<w:t>政府信息公开</w:t>${"</w:r>".repeat(depth)}</w:p>` +
        `<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(grid)}</w:tblGrid>${rows.map((r) => `<w:tr>${trPr}${r.join("")}</w:tr>`).join("")}</w:tbl>`;
      const start = process.cpuUsage();
      await settles(() => readDocx("t.docx", rawDocx(body)));
      const used = process.cpuUsage(start);
      expect((used.user + used.system) / 1000).toBeLessThan(300 + body.length / 1024);
    }),
    { numRuns: 80 },
  );
});

/** CPU milliseconds to read a one-sheet workbook of `rows` rows of 10 numbers. */
async function readCpuMs(rows: number): Promise<number> {
  const xml = sheetXml(
    Array.from(
      { length: rows },
      (_v, r) =>
        `<row r="${r + 1}">${Array.from({ length: 10 }, (_w, c) => `<c r="${columnName(c)}${r + 1}"><v>${r + c}</v></c>`).join("")}</row>`,
    ).join(""),
  );
  const bytes = rawXlsx({ sheets: [{ name: "S", xml }] });
  await readWorkbook("t.xlsx", bytes);
  const start = process.cpuUsage();
  await readWorkbook("t.xlsx", bytes);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

test("reading time grows linearly: four times the cells take less than eight times as long", async () => {
  const small = await readCpuMs(5_000);
  const large = await readCpuMs(20_000);
  expect(large / small).toBeLessThan(8);
});
