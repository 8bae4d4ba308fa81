import { checkActiveSheet } from "../../src/commands/check-active-sheet";
import { insertTemplates } from "../../src/excel/insert";
import { LAST_CHECK_KEY, loadLastCheck } from "../../src/excel/last-check";
import { typeFigures } from "./fill";
import { ALL_CAPABILITIES, workbookWith } from "./helpers";

const TABLES = ["T2", "T3", "T4"] as const;
const AT = new Date("2026-01-05T08:00:00Z");
const now = (): Date => AT;
const every = (): boolean => true;

async function filled() {
  const double = workbookWith();
  await insertTemplates(
    double.run,
    { tables: TABLES, target: "new-sheet", totalsAsFormulas: true, locale: "zh-CN" },
    ALL_CAPABILITIES,
  );
  typeFigures(double, "年报表格", TABLES, (row, column) =>
    row === "一" && column === "自然人" ? 5 : 0,
  );
  double.syncCount = 0;
  double.roundTrips = 0;
  return double;
}

describe("the ribbon's 检查本表 records how it ended (ribbon-check-silent)", () => {
  it("records the sheet and the counts after a check, in three syncs", async () => {
    const double = await filled();
    const record = await checkActiveSheet(double.run, every, now);
    expect(double.roundTrips).toBe(3);
    expect(record).toMatchObject({ sheet: "年报表格", status: "ok", at: AT.toISOString() });
    expect(record.counts!.errors).toBeGreaterThan(0);
    expect(await loadLastCheck(double.run)).toEqual(record);
  });

  it("records a protected sheet, which it could check but not highlight", async () => {
    const double = await filled();
    double.sheet("年报表格").protected = true;
    const record = await checkActiveSheet(double.run, every, now);
    expect(record.status).toBe("protected");
    expect(record.sheet).toBe("年报表格");
    expect(record.counts!.errors).toBeGreaterThan(0);
    expect(double.sheet("年报表格").conditionalFormats).toEqual([]);
    expect(await loadLastCheck(double.run)).toEqual(record);
  });

  it("records a sheet without report tables", async () => {
    const double = workbookWith({ Sheet1: { A1: "my notes" } });
    const record = await checkActiveSheet(double.run, every, now);
    expect(record).toEqual({ sheet: "Sheet1", status: "no-tables", at: AT.toISOString() });
    expect(await loadLastCheck(double.run)).toEqual(record);
  });

  it("records a host without conditional formats, and checks nothing", async () => {
    const double = await filled();
    const record = await checkActiveSheet(double.run, (v) => v === "1.4", now);
    expect(record).toEqual({ status: "unsupported", at: AT.toISOString() });
    expect(double.roundTrips).toBe(1);
    expect(double.state.settings.get(LAST_CHECK_KEY)).toBe(JSON.stringify(record));
  });

  it("records an Office error with its code instead of swallowing it", async () => {
    const double = await filled();
    let runs = 0;
    const failing: typeof double.run = (batch) =>
      double.run((context) => {
        runs += 1;
        if (runs === 1)
          return Promise.reject(Object.assign(new Error("boom"), { code: "GeneralException" }));
        return batch(context);
      });
    const record = await checkActiveSheet(failing, every, now);
    expect(record).toEqual({ status: "error", code: "GeneralException", at: AT.toISOString() });
    expect(await loadLastCheck(double.run)).toEqual(record);
  });
});
