import { createExcelAdapter } from "../../src/excel/adapter";
import { ExcelHostError, SelectionUnusableError, SheetMissingError } from "../../src/excel/errors";
import { WorkbookDouble } from "./double/workbook-double";
import { ALL_CAPABILITIES, differences, snapshot, workbookWith } from "./helpers";

describe("the adapter's other operations", () => {
  it("writes the narrative to a new sheet in two syncs, never over an existing one", async () => {
    const double = workbookWith({ Sheet1: {}, 报告文字: { A1: "my own text" } });
    const adapter = createExcelAdapter(double.run, ALL_CAPABILITIES);
    const before = snapshot(double.state);
    const result = await adapter.writeNarrative(["第一段", "=1+1 不是公式"]);
    expect(double.syncCount).toBe(2);
    expect(result.sheet).toBe("报告文字 (2)");
    const after = snapshot(double.state);
    expect(after.sheets.find((s) => s.name === "报告文字")).toEqual(
      before.sheets.find((s) => s.name === "报告文字"),
    );
    const written = after.sheets.find((s) => s.name === "报告文字 (2)")!;
    expect(written.cells["A2"]?.value).toBe("=1+1 不是公式");
    expect(differences(before, after).filter((d) => !d.startsWith("报告文字 (2)"))).toEqual([
      "activeSheet",
      "selection",
    ]);
  });

  it("keeps the settings in the workbook and reads them back, ignoring malformed ones", async () => {
    const double = workbookWith();
    const adapter = createExcelAdapter(double.run, ALL_CAPABILITIES);
    expect(await adapter.loadSettings()).toEqual({});
    await adapter.saveSettings({ year: 2024, agency: "曲阜市时庄街道办事处", self: "我街道" });
    expect(await adapter.loadSettings()).toEqual({
      year: 2024,
      agency: "曲阜市时庄街道办事处",
      self: "我街道",
    });
    double.state.settings.set("xxgk.report", "{not json");
    // The custom XML part still holds them (the settings are only a cache).
    expect(await adapter.loadSettings()).toEqual({
      year: 2024,
      agency: "曲阜市时庄街道办事处",
      self: "我街道",
    });
    for (const part of double.state.customXmlParts) part.xml = part.xml.replace("<report", "<bad");
    expect(await adapter.loadSettings()).toEqual({});
  });

  it("selects a finding's cells in one sync, several areas where the host can", async () => {
    const double = workbookWith({ Sheet1: {}, 年报表格: {} });
    await createExcelAdapter(double.run, ALL_CAPABILITIES).select([
      "年报表格!D8",
      "年报表格!E8",
      "年报表格!G10",
    ]);
    expect(double.syncCount).toBe(1);
    expect(snapshot(double.state).selection).toEqual({
      sheet: "年报表格",
      areas: ["D8:E8", "G10"],
    });
    await createExcelAdapter(double.run, { rangeAreas: false, mergedAreas: false }).select([
      "年报表格!D8",
      "年报表格!G10",
    ]);
    expect(snapshot(double.state).selection).toEqual({ sheet: "年报表格", areas: ["D8:G10"] });
  });

  it("says which sheet is missing when it was deleted while the pane was open", async () => {
    const double = workbookWith();
    const error = await createExcelAdapter(double.run, ALL_CAPABILITIES)
      .select(["已删除!A1"])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetMissingError);
    expect((error as SheetMissingError).sheet).toBe("已删除");
    expect((error as SheetMissingError).cause).toMatchObject({ code: "ItemNotFound" });
  });

  it("reads the selected draft text, and refuses an empty selection", async () => {
    const double = workbookWith({ Sheet1: { B2: "共收到申请9件，", B3: "其中予以公开5件。" } });
    double.state.selection = { sheetId: 1, areas: [{ top: 0, left: 0, bottom: 9, right: 5 }] };
    const adapter = createExcelAdapter(double.run, ALL_CAPABILITIES);
    expect(await adapter.readSelectedText()).toEqual({
      sheet: "Sheet1",
      address: "B2:B3",
      text: "共收到申请9件，\n其中予以公开5件。",
    });
    double.state.selection = { sheetId: 1, areas: [{ top: 20, left: 20, bottom: 20, right: 20 }] };
    await expect(adapter.readSelectedText()).rejects.toBeInstanceOf(SelectionUnusableError);
  });

  it("turns any other Office error into ExcelHostError with the original as cause", async () => {
    const double = workbookWith({ Sheet1: { A1: "x".repeat(200) } });
    const tiny = new WorkbookDouble(double.state, { payloadLimitBytes: 50 });
    const error = await createExcelAdapter(tiny.run, ALL_CAPABILITIES)
      .read({ scope: { kind: "active" }, highlight: false })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExcelHostError);
    expect((error as ExcelHostError).code).toBe("ResponsePayloadSizeLimitExceeded");
    expect((error as ExcelHostError).cause).toMatchObject({ name: "RichApi.Error" });
  });
});

describe("what the small operations change", () => {
  it("selecting changes only the selection and the active sheet", async () => {
    const double = workbookWith({ Sheet1: { A1: 1 }, 年报表格: { B2: 2 } });
    const before = snapshot(double.state);
    await createExcelAdapter(double.run, ALL_CAPABILITIES).select(["年报表格!B2"]);
    expect(differences(before, snapshot(double.state))).toEqual(["activeSheet", "selection"]);
  });

  it("saving settings changes only the settings", async () => {
    const double = workbookWith({ Sheet1: { A1: 1 } });
    const before = snapshot(double.state);
    await createExcelAdapter(double.run, ALL_CAPABILITIES).saveSettings({ year: 2025 });
    expect(differences(before, snapshot(double.state))).toEqual(["settings"]);
  });

  it("reading a sheet deleted since the last check names it", async () => {
    const double = workbookWith();
    await expect(
      createExcelAdapter(double.run, ALL_CAPABILITIES).read({
        scope: { kind: "sheets", names: ["去年"] },
        highlight: false,
      }),
    ).rejects.toBeInstanceOf(SheetMissingError);
  });
});
