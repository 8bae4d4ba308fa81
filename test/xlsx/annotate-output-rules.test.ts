/**
 * annotate's output (issue 9 item 4): an existing file is not overwritten without --force, an
 * .xlsm stays macro-enabled, a DOCTYPE in an input part is refused and never copied, and an
 * annotated copy annotated again keeps one findings sheet (found by our hidden defined name even
 * when the user renamed it).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { captureIo } from "../cli/helpers/capture-io";
import { seedTables } from "../helpers/build";
import { fillTemplate } from "./helpers/fill-template";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-annotate-output-"));
  const filled = await fillTemplate(
    await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 }),
    seedTables(),
  );
  writeFileSync(path.join(dir, "in.xlsx"), filled);
  const zip = await JSZip.loadAsync(filled);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    ),
  );
  writeFileSync(path.join(dir, "in.xlsm"), await zip.generateAsync({ type: "uint8array" }));
  const styles = await zip.file("xl/styles.xml")!.async("string");
  zip.file("[Content_Types].xml", types);
  zip.file(
    "xl/styles.xml",
    styles.replace(
      /(<\?xml[^>]*\?>)/u,
      '$1<!DOCTYPE s [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    ),
  );
  writeFileSync(path.join(dir, "doctype.xlsx"), await zip.generateAsync({ type: "uint8array" }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const part = async (file: string, name: string): Promise<string> =>
  (await JSZip.loadAsync(readFileSync(path.join(dir, file)))).file(name)!.async("string");

test("an existing output is kept without --force and replaced with it", async () => {
  writeFileSync(path.join(dir, "taken.xlsx"), "mine");
  const refused = captureIo(dir);
  expect(await runCli(["annotate", "in.xlsx", "taken.xlsx"], refused.io)).toBe(2);
  expect(refused.stderr()).toBe("taken.xlsx 已存在，未覆盖；要覆盖请加 --force。\n");
  expect(readFileSync(path.join(dir, "taken.xlsx"), "utf8")).toBe("mine");
  const forced = captureIo(dir);
  expect(await runCli(["annotate", "--force", "in.xlsx", "taken.xlsx"], forced.io)).toBe(0);
  expect(await part("taken.xlsx", "xl/workbook.xml")).toContain("_xxgk_findings");
});

test("an .xlsm annotated stays macro-enabled, and is refused as .xlsx with the reason", async () => {
  const ok = captureIo(dir);
  expect(await runCli(["annotate", "in.xlsm", "out.xlsm"], ok.io)).toBe(0);
  expect(await part("out.xlsm", "[Content_Types].xml")).toContain(
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  );
  const refused = captureIo(dir);
  expect(await runCli(["annotate", "--lang", "en", "in.xlsm", "out-plain.xlsx"], refused.io)).toBe(
    2,
  );
  expect(refused.stderr()).toBe(
    "the input is a macro-enabled workbook (.xlsm), so the annotated copy must be one too: name the output out-plain.xlsx with .xlsm at the end.\n",
  );
});

test("a DOCTYPE in an input part is refused and nothing is written", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["annotate", "doctype.xlsx", "doctype-out.xlsx"], captured.io)).toBe(2);
  expect(captured.stderr()).toBe(
    "✗ doctype.xlsx：文件中的 XML 部件含有 DOCTYPE 声明（Office 文件从不含有），为安全起见不予读取\n",
  );
  expect(() => readFileSync(path.join(dir, "doctype-out.xlsx"))).toThrow();
});

test("a renamed findings sheet is still ours: annotating again replaces it under the new name", async () => {
  expect(await runCli(["annotate", "in.xlsx", "first.xlsx"], captureIo(dir).io)).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(path.join(dir, "first.xlsx")));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  zip.file(
    "xl/workbook.xml",
    workbook
      .replace('name="检查结果"', 'name="旧结果"')
      .replace("'检查结果'!$A$1", "'旧结果'!$A$1"),
  );
  writeFileSync(path.join(dir, "renamed.xlsx"), await zip.generateAsync({ type: "uint8array" }));
  expect(await runCli(["annotate", "renamed.xlsx", "again.xlsx"], captureIo(dir).io)).toBe(0);
  const again = await part("again.xlsx", "xl/workbook.xml");
  const tabs = [...again.matchAll(/<sheet [^>]*name="([^"]+)"/gu)].map((m) => m[1]);
  expect(tabs).toEqual(["表二", "表三", "表四", "检查结果"]);
  expect(again.match(/_xxgk_findings/gu)).toHaveLength(1);
  expect(again).toContain("'检查结果'!$A$1");
});
