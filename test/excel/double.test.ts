import { DoubleOfficeError } from "./double/workbook-double";
import { workbookWith } from "./helpers";

describe("the workbook double", () => {
  it("throws PropertyNotLoaded for a property read before load and sync", async () => {
    const double = workbookWith({ Sheet1: { A1: 3 } });
    await double.run(async (context) => {
      const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      expect(() => range.values).toThrow(
        expect.objectContaining({ code: "PropertyNotLoaded" }) as Error,
      );
      range.load("values");
      expect(() => range.values).toThrow(DoubleOfficeError);
      await context.sync();
      expect(range.values).toEqual([[3]]);
    });
  });

  it("refuses a row taller than Excel's 409 points with InvalidArgument", async () => {
    const double = workbookWith();
    await double.run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.getRange("A1").format.rowHeight = 409;
      await context.sync();
      sheet.getRange("A2").format.rowHeight = 410;
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
    });
    expect(double.sheet("Sheet1").rowHeights.get(0)).toBe(409);
    expect(double.sheet("Sheet1").rowHeights.has(1)).toBe(false);
  });

  it("applies writes at sync, and counts every sync", async () => {
    const double = workbookWith();
    await double.run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("B2").values = [[7]];
      expect(double.sheet("Sheet1").cells.size).toBe(0);
      await context.sync();
      await context.sync();
    });
    expect(double.sheet("Sheet1").cells.get("1,1")?.value).toBe(7);
    expect(double.syncCount).toBe(2);
  });

  it("rejects an array of the wrong shape with InvalidArgument", async () => {
    const double = workbookWith();
    await expect(
      double.run(async (context) => {
        context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses writes to locked cells of a protected sheet and keeps earlier operations", async () => {
    const double = workbookWith();
    double.sheet("Sheet1").protected = true;
    await expect(
      double.run(async (context) => {
        context.workbook.settings.add("k", "v");
        context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["x"]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    expect(double.state.settings.get("k")).toBe("v");
    expect(double.sheet("Sheet1").cells.size).toBe(0);
  });

  it("evaluates formulas for values and keeps them in formulas", async () => {
    const double = workbookWith({ Sheet1: { A1: 2, A2: 3, A3: "=SUM(A1,A2)" } });
    await double.run(async (context) => {
      const range = context.workbook.worksheets
        .getActiveWorksheet()
        .getRange("A3")
        .load("values,formulas");
      await context.sync();
      expect(range.values).toEqual([[5]]);
      expect(range.formulas).toEqual([["=SUM(A1,A2)"]]);
    });
  });

  it("fails loading `custom` of a format of another type, as office-js#2180 reports", async () => {
    const double = workbookWith();
    double.sheet("Sheet1").conditionalFormats.push({
      type: "ColorScale",
      rect: { top: 0, left: 0, bottom: 1, right: 1 },
      formula: "",
      stopIfTrue: false,
    });
    await expect(
      double.run(async (context) => {
        context.workbook.worksheets
          .getActiveWorksheet()
          .getRange()
          .conditionalFormats.load("items/custom/rule/formula");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});
