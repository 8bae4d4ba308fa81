/**
 * `annotate` on a workbook that did not come from our template: the copy gets live highlights on
 * the located cells and a findings sheet, and nothing else of the user's changes (other parts byte
 * for byte, the user's own conditional format and styles kept). The input file is never written.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { runCli } from "../../src/cli/run-cli";
import { officialLayout } from "../../src/core/model/layout";
import { cellAddress } from "../../src/core/model/address";
import { cellId } from "../../src/core/model/tables";
import { seedTables } from "../helpers/build";
import { captureIo } from "../cli/helpers/capture-io";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-annotate-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A user's own workbook: a cover sheet, and table 三 at B3 with one wrong total and their own formats. */
async function userWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const cover = workbook.addWorksheet("封面");
  cover.getCell("A1").value = "某街道办事处2024年政府信息公开工作年度报告";
  cover.getCell("A1").font = { bold: true, size: 16, color: { argb: "FF0000FF" } };
  const sheet = workbook.addWorksheet("依申请");
  const layout = officialLayout("T3");
  const seed = new Map(seedTables().flatMap((t) => [...t.cells]));
  for (const c of layout.cells) {
    const address = cellAddress(2 + c.row, 1 + c.column);
    const value = c.cell !== undefined ? (seed.get(cellId(c.cell))?.raw ?? null) : (c.text ?? null);
    sheet.getCell(address).value =
      cellId(c.cell ?? { table: "T3", row: "", column: "" }) === "T3/一/总计" ? 10 : value;
    sheet.getCell(address).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFDDEEFF" },
    };
  }
  sheet.addConditionalFormatting({
    ref: "A1:A5",
    rules: [
      { type: "expression", priority: 1, formulae: ["A1>100"], style: { font: { italic: true } } },
    ],
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

test("the annotated copy adds highlights and a findings sheet and leaves the rest of the workbook as it was", async () => {
  const input = path.join(dir, "user.xlsx");
  writeFileSync(input, await userWorkbook());
  const before = { hash: digest(readFileSync(input)), mtime: statSync(input).mtimeMs };
  const captured = captureIo(dir);
  expect(await runCli(["annotate", "user.xlsx", "user-annotated.xlsx"], captured.io)).toBe(1);
  expect({ hash: digest(readFileSync(input)), mtime: statSync(input).mtimeMs }).toEqual(before);

  const original = await JSZip.loadAsync(readFileSync(input));
  const copy = await JSZip.loadAsync(readFileSync(path.join(dir, "user-annotated.xlsx")));
  const edited = new Set([
    "xl/styles.xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
    "xl/worksheets/sheet2.xml",
  ]);
  for (const name of Object.keys(original.files)) {
    if (edited.has(name) || original.files[name]!.dir) continue;
    expect({ name, same: await copy.file(name)!.async("string") }).toEqual({
      name,
      same: await original.file(name)!.async("string"),
    });
  }

  const sheetXml = await copy.file("xl/worksheets/sheet2.xml")!.async("string");
  const originalXml = await original.file("xl/worksheets/sheet2.xml")!.async("string");
  // The cells and the user's own format are unchanged; our formats carry the marker and absolute cells.
  const sheetData = (xml: string): string => /<sheetData>[\s\S]*<\/sheetData>/u.exec(xml)![0];
  expect(sheetData(sheetXml)).toBe(sheetData(originalXml));
  const formulas = [...sheetXml.matchAll(/<formula>([^<]*)<\/formula>/gu)].map((m) => m[1]);
  expect(formulas[0]).toBe("A1&gt;100");
  expect(formulas).toContain(
    'N("xxgk:R2")+ABS(SUM($K$7)-SUM($E$7,$F$7,$G$7,$H$7,$I$7,$J$7))&gt;0.000001',
  );

  const styles = await copy.file("xl/styles.xml")!.async("string");
  const originalStyles = await original.file("xl/styles.xml")!.async("string");
  const xfs = (xml: string): string[] =>
    /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/u.exec(xml)![1]!.match(/<xf [\s\S]*?(?:\/>|<\/xf>)/gu)!;
  expect(xfs(styles).slice(0, xfs(originalStyles).length)).toEqual(xfs(originalStyles));

  const annotated = new ExcelJS.Workbook();
  await annotated.xlsx.load(
    readFileSync(path.join(dir, "user-annotated.xlsx")) as unknown as ArrayBuffer,
  );
  expect(annotated.worksheets.map((w) => w.name)).toEqual(["封面", "依申请", "检查结果"]);
  const findings = annotated.getWorksheet("检查结果")!;
  const rules = findings.getColumn(2).values.slice(2);
  expect(rules.sort()).toEqual(["R1", "R2"]);
  expect(findings.getCell("F2").text).toContain("依申请!K7");
});

test("annotating an annotated copy replaces our highlights, findings sheet and styles instead of stacking them", async () => {
  const first = path.join(dir, "user-annotated.xlsx");
  const second = path.join(dir, "user-annotated-again.xlsx");
  const { io } = captureIo(dir);
  await runCli(["annotate", first, second], io);
  const count = async (file: string): Promise<number> =>
    (
      (
        await (
          await JSZip.loadAsync(readFileSync(file))
        )
          .file("xl/worksheets/sheet2.xml")!
          .async("string")
      ).match(/xxgk:/gu) ?? []
    ).length;
  expect(await count(second)).toBe(await count(first));
  const part = async (file: string, name: string): Promise<string> =>
    (await JSZip.loadAsync(readFileSync(file))).file(name)!.async("string");
  const tabs = async (file: string): Promise<string[]> =>
    [...(await part(file, "xl/workbook.xml")).matchAll(/<sheet [^>]*name="([^"]+)"/gu)].map(
      (m) => m[1]!,
    );
  expect(await tabs(second)).toEqual(await tabs(first));
  expect((await tabs(second)).filter((t) => t.startsWith("检查结果"))).toEqual(["检查结果"]);
  const parts = async (file: string): Promise<string[]> =>
    Object.keys((await JSZip.loadAsync(readFileSync(file))).files).sort();
  expect(await parts(second)).toEqual(await parts(first));
  const counts = async (file: string): Promise<string[]> => {
    const styles = await part(file, "xl/styles.xml");
    return ["dxf", "font", "xf"].map(
      (tag) => `${tag}:${(styles.match(new RegExp(`<${tag}[ >/]`, "gu")) ?? []).length}`,
    );
  };
  expect(await counts(second)).toEqual(await counts(first));
});

test("annotate refuses to write over its input and refuses reports without tables", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["annotate", "user.xlsx", "./user.xlsx"], captured.io)).toBe(2);
  expect(captured.stderr()).toContain("输出文件不能是输入文件本身");
  writeFileSync(path.join(dir, "r.txt"), "二、主动公开政府信息情况\n政府信息公开");
  const again = captureIo(dir);
  expect(await runCli(["annotate", "r.txt", "r.xlsx"], again.io)).toBe(2);
  expect(again.stderr()).toContain("未找到表格");
});
