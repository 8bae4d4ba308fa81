/**
 * Workbook cells as the core receives them: merged areas hold their value in the top-left cell
 * only, rich text and hyperlinks become plain text, errors their text, dates ISO text, formulas
 * their cached result or (without one) the value of the template's simple formulas.
 */
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/xlsx/read-workbook";
import { NotRecalculatedError } from "../../src/xlsx/errors";
import { evaluateFormula } from "../../src/xlsx/formula";

async function bytesOf(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet("表三"));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

test("a merged area keeps its value in the top-left cell and null elsewhere", async () => {
  const bytes = await bytesOf((s) => {
    s.getCell("B2").value = "申请人情况";
    s.mergeCells("B2:D3");
    s.getCell("E4").value = 1;
  });
  const { grids } = await readWorkbook("t.xlsx", bytes);
  expect(grids[0]).toEqual({
    sheet: "表三",
    origin: "B2",
    values: [
      ["申请人情况", null, null, null],
      [null, null, null, null],
      [null, null, null, 1],
    ],
  });
});

test("rich text, hyperlinks, errors, booleans and dates become plain values", async () => {
  const bytes = await bytesOf((s) => {
    s.getCell("A1").value = {
      richText: [{ text: "本年" }, { text: "制发件数", font: { bold: true } }],
    };
    s.getCell("A2").value = { text: "门户网站", hyperlink: "https://example.org" };
    s.getCell("A3").value = { error: "#N/A" };
    s.getCell("A4").value = true;
    s.getCell("A5").value = new Date(Date.UTC(2024, 11, 31));
  });
  const { grids } = await readWorkbook("t.xlsx", bytes);
  expect(grids[0]!.values.map((r) => r[0])).toEqual([
    "本年制发件数",
    "门户网站",
    "#N/A",
    true,
    "2024-12-31",
  ]);
});

test("a formula gives its cached result, or the evaluated SUM when the file has none", async () => {
  const bytes = await bytesOf((s) => {
    s.getCell("A1").value = 4;
    s.getCell("B1").value = 5;
    s.getCell("C1").value = { formula: "SUM(A1,B1)" };
    s.getCell("D1").value = { formula: "A1+B1", result: 7 };
    s.getCell("E1").value = { formula: "SUM(A1:C1)-1" };
  });
  const { grids } = await readWorkbook("t.xlsx", bytes);
  expect(grids[0]!.values[0]).toEqual([4, 5, 9, 7, 17]);
});

test("a formula outside the evaluator's reach without a cached result asks for recalculation", async () => {
  const bytes = await bytesOf((s) => {
    s.getCell("A1").value = { formula: "VLOOKUP(1,B1:C9,2,FALSE)" };
  });
  await expect(readWorkbook("t.xlsx", bytes)).rejects.toBeInstanceOf(NotRecalculatedError);
});

test("the evaluator reads sums, arithmetic and references, and refuses what it does not know", () => {
  const cells: Record<string, number | string> = { "0,0": 2, "0,1": 3, "1,0": "x" };
  const lookup = (_s: string | undefined, r: number, c: number): number | string | null =>
    cells[`${r},${c}`] ?? null;
  expect(evaluateFormula("=SUM(A1:B2)", lookup)).toBe(5);
  expect(evaluateFormula("=(A1+B1)*2-1", lookup)).toBe(9);
  expect(evaluateFormula("=SUM(A1,B1,10)", lookup)).toBe(15);
  expect(evaluateFormula("=A2+1", lookup)).toBeUndefined();
  expect(evaluateFormula("=IF(A1>1,1,0)", lookup)).toBeUndefined();
});
