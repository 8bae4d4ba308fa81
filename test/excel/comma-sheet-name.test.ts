import { parseCellAddress } from "../../src/core/model/address";
import { splitAreas } from "../../src/excel/addresses";
import { TargetMergedError } from "../../src/excel/errors";
import { insertTemplates } from "../../src/excel/insert";
import { readWorkbook } from "../../src/excel/read";
import { newWorkbook } from "./double/state";
import { WorkbookDouble } from "./double/workbook-double";
import { addressOf, typeFigures } from "./fill";
import { ALL_CAPABILITIES } from "./helpers";

const SHEET = "2024年,表三";
const TABLES = ["T2", "T3", "T4"] as const;

describe("a sheet name holding a comma (comma-sheet-name)", () => {
  it("splits an address list only on commas outside quotes", () => {
    expect(splitAreas("'2024年,表三'!A1:B2,'2024年,表三'!D4,'it''s, ok'!C3")).toEqual([
      "'2024年,表三'!A1:B2",
      "'2024年,表三'!D4",
      "'it''s, ok'!C3",
    ]);
    expect(splitAreas("D8,E8:F9")).toEqual(["D8", "E8:F9"]);
  });

  it("names the merged areas that swallow number cells on such a sheet", async () => {
    const double = new WorkbookDouble(newWorkbook(["Sheet1"]));
    await insertTemplates(
      double.run,
      {
        tables: TABLES,
        target: "new-sheet",
        totalsAsFormulas: true,
        locale: "zh-CN",
        sheetName: SHEET,
      },
      ALL_CAPABILITIES,
    );
    typeFigures(double, SHEET, TABLES);
    const from = parseCellAddress(addressOf(TABLES, "一", "自然人"));
    double
      .sheet(SHEET)
      .merges.push({ top: from.row, left: from.column, bottom: from.row, right: from.column + 1 });
    const reading = await readWorkbook(
      double.run,
      { scope: { kind: "active" }, highlight: false },
      ALL_CAPABILITIES,
    );
    expect(reading.located.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
    expect(reading.mergedDataCells).toEqual([
      `${SHEET}!${addressOf(TABLES, "一", "自然人")}:${addressOf(TABLES, "一", "商业企业")}`,
    ]);
  });

  it("names the user's merges when refusing to insert over them on such a sheet", async () => {
    const double = new WorkbookDouble(newWorkbook([SHEET]));
    const sheet = double.sheet(SHEET);
    sheet.merges.push(
      { top: 3, left: 3, bottom: 4, right: 4 },
      { top: 0, left: 5, bottom: 0, right: 6 },
    );
    const error = await insertTemplates(
      double.run,
      { tables: ["T4"], target: "selection", totalsAsFormulas: true, locale: "zh-CN" },
      ALL_CAPABILITIES,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetMergedError);
    expect((error as TargetMergedError).ranges).toEqual(["D4:E5", "F1:G1"]);
  });
});
