/**
 * Hostile and odd .xlsx inputs (issue 9): sizes that must be refused while the workbook streams,
 * parts that are damaged or missing (an incomplete check, never "未发现问题"), zip bombs by
 * ratio and by a lying header, and figures no report holds. Every input is generated here.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { strToU8, Zip, ZipDeflate } from "fflate";
import JSZip from "jszip";
import { templateBytes } from "../../src/xlsx/write-template";
import { escapeXml } from "../../src/xlsx/xml";
import { positionOf, render, repeatedLabelGrid } from "../core/read/grid-edit";
import { seedTables } from "../helpers/build";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { rawXlsx, rowsXml, sheetXml, writeHugeXlsx, type RawPackage } from "./build-xlsx";
import type { BadInputKind } from "./kind";
import { withDeclaredSize, withMethod } from "./zip-patch";

/** A text cell long enough to count as narrative, so that a workbook without tables is a report. */
const REPORT_LINE = "本机关2024年政府信息公开工作年度报告的说明文字，详见各表。";

function unreadable(reason: string): RegExp {
  return new RegExp(`：无法读取：${reason.replace(/[/()（）]/gu, (c) => `\\${c}`)}`, "u");
}

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

function raw(dir: string, name: string, pkg: RawPackage): string {
  return write(dir, name, rawXlsx(pkg));
}

/** A workbook with a readable narrative sheet and one more sheet as given. */
function withReportSheet(second: RawPackage["sheets"][number]): RawPackage {
  return {
    sheets: [second, { name: "说明", xml: sheetXml(rowsXml([[REPORT_LINE]])) }],
  };
}

/** Writes a one-sheet workbook whose sheet is `prefix`, `count` repeats of `unit`, `suffix`, streamed. */
function writeRepeated(
  file: string,
  prefix: string,
  unit: string,
  count: number,
  suffix: string,
): void {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error !== null) throw error;
    chunks.push(chunk);
  });
  const base: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="表二" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  };
  for (const [name, content] of Object.entries(base)) {
    const part = new ZipDeflate(name, { level: 6 });
    zip.add(part);
    part.push(strToU8(content), true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8(prefix));
  const block = strToU8(unit.repeat(Math.max(1, Math.floor(65_536 / unit.length))));
  const perBlock = Math.max(1, Math.floor(65_536 / unit.length));
  for (let n = 0; n < count; n += perBlock) sheet.push(block);
  sheet.push(strToU8(suffix), true);
  zip.end();
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  writeFileSync(file, out);
}

async function seedWorkbook(overrides: ReadonlyMap<string, string | number>): Promise<Uint8Array> {
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  return fillTemplate(template, seedTables(), overrides);
}

/** The seed workbook with one cell of table 二 (sheet 1) replaced by a formula without a cached value. */
async function withUncachedFormula(cell: string, formula: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await seedWorkbook(new Map()));
  const part = "xl/worksheets/sheet1.xml";
  const xml = await zip.file(part)!.async("string");
  const pattern = new RegExp(`<c r="${cell}"([^>]*?)(?: t="[^"]*")?>.*?</c>`, "u");
  if (!pattern.test(xml)) throw new Error(`no cell ${cell} in ${part}`);
  zip.file(part, xml.replace(pattern, `<c r="${cell}"$1><f>${escapeXml(formula)}</f></c>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A grid's values as raw cells (the literal grids hold numbers, strings and nulls only). */
function plain(values: readonly (readonly unknown[])[]): (string | number | null)[][] {
  return values.map((r) =>
    r.map((v) => (typeof v === "number" || typeof v === "string" ? v : null)),
  );
}

export const KINDS: readonly BadInputKind[] = [
  {
    name: "xlsx-merge-whole-sheet",
    description: "one merge E1:XFD1048576 in a 1 KB workbook",
    make: (dir) =>
      raw(dir, "merge-whole-sheet.xlsx", {
        sheets: [{ name: "表二", xml: sheetXml(rowsXml([["政府信息公开"]]), ["E1:XFD1048576"]) }],
      }),
    expect: unreadable("合并单元格过多/过大"),
    exitCode: 2,
  },
  {
    name: "xlsx-merges-100k",
    description: "100,000 two-cell merges",
    make: (dir) =>
      raw(dir, "merges-100k.xlsx", {
        sheets: [
          {
            name: "表二",
            xml: sheetXml(
              "",
              Array.from({ length: 100_000 }, (_v, i) => `A${i + 1}:B${i + 1}`),
            ),
          },
        ],
      }),
    expect: unreadable("合并单元格过多/过大"),
    exitCode: 2,
  },
  {
    name: "xlsx-merges-cover-too-much",
    description: "5,000 merges of 90,000 cells each (each allowed, together 450 million cells)",
    make: (dir) =>
      raw(dir, "merges-cover.xlsx", {
        sheets: [
          {
            name: "表二",
            xml: sheetXml(
              "",
              Array.from({ length: 5_000 }, (_v, i) => `A${i * 100 + 1}:CV${i * 100 + 900}`),
            ),
          },
        ],
      }),
    expect: unreadable("合并单元格过多/过大"),
    exitCode: 2,
  },
  {
    name: "xlsx-six-million-cells",
    description:
      "60,000 rows × 100 columns of numbers (6 million cells, 25 MB, inside both size limits)",
    make: (dir) => {
      const file = path.join(dir, "six-million.xlsx");
      writeHugeXlsx(file, 60_000, 100);
      return file;
    },
    expect: unreadable("工作表单元格过多"),
    exitCode: 2,
    timeoutMs: 60_000,
  },
  {
    name: "xlsx-cells-far-apart",
    description: "two cells, A1 and XFD1048576: a used rectangle of 17 billion cells",
    make: (dir) =>
      raw(dir, "far-apart.xlsx", {
        sheets: [
          {
            name: "表二",
            xml: sheetXml(
              `<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>`,
            ),
          },
        ],
      }),
    expect: unreadable("工作表单元格过多"),
    exitCode: 2,
  },
  {
    name: "xlsx-shared-strings-huge",
    description: "a shared-string table of 1,000,001 strings",
    make: (dir) =>
      raw(dir, "shared-strings.xlsx", {
        sheets: [{ name: "表二", xml: sheetXml("") }],
        sharedStringsXml: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${"<si><t>x</t></si>".repeat(1_000_001)}</sst>`,
      }),
    expect: unreadable("工作表单元格过多"),
    exitCode: 2,
  },
  {
    name: "xlsx-cell-text-huge",
    description: "an inline string of 40,000 characters",
    make: (dir) =>
      raw(dir, "cell-text.xlsx", {
        sheets: [{ name: "表二", xml: sheetXml(rowsXml([["政".repeat(40_000)]])) }],
      }),
    expect: unreadable("文字过长"),
    exitCode: 2,
  },
  {
    name: "xlsx-deep-nesting",
    description: "a cell nested 5,000 elements deep",
    make: (dir) =>
      raw(dir, "deep.xlsx", {
        sheets: [
          {
            name: "表二",
            xml: sheetXml(
              `<row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(5_000)}${"</r>".repeat(5_000)}</is></c></row>`,
            ),
          },
        ],
      }),
    expect: unreadable("文件结构嵌套过深"),
    exitCode: 2,
  },
  {
    name: "xlsx-table2-sheet-damaged",
    description: "the sheet 表二's XML is cut off in the middle; another sheet reads",
    make: (dir) =>
      raw(
        dir,
        "table2-damaged.xlsx",
        withReportSheet({ name: "表二", xml: "<worksheet><sheetData><row r=" }),
      ),
    expect: /表二所在的工作表「表二」无法读取（该工作表已损坏）/u,
    exitCode: 2,
  },
  {
    name: "xlsx-sheet-part-missing",
    description: "workbook.xml lists a sheet whose part is not in the package",
    make: (dir) =>
      raw(dir, "sheet-missing.xlsx", withReportSheet({ name: "附表", xml: undefined })),
    expect: /工作表「附表」无法读取（文件中缺少该工作表）/u,
    exitCode: 2,
  },
  {
    name: "xlsx-sheet-entities",
    description: "a sheet with a DOCTYPE defining nested entities (billion laughs)",
    make: (dir) =>
      raw(
        dir,
        "entities.xlsx",
        withReportSheet({
          name: "表三",
          xml: `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`,
        }),
      ),
    expect: /表三所在的工作表「表三」无法读取（该工作表已损坏）/u,
    exitCode: 2,
  },
  {
    name: "xlsx-sheet-unknown-compression",
    description: "a sheet part stored with compression method 99",
    make: (dir) =>
      write(
        dir,
        "method-99.xlsx",
        withMethod(
          rawXlsx(withReportSheet({ name: "表四", xml: sheetXml(rowsXml([[1]])) })),
          "xl/worksheets/sheet1.xml",
          99,
        ),
      ),
    expect: /表四所在的工作表「表四」无法读取（该工作表已损坏）/u,
    exitCode: 2,
  },
  {
    name: "xlsx-sheet-lying-size",
    description: "a sheet that unpacks to 2 MB while its header declares 100 bytes",
    make: (dir) =>
      write(
        dir,
        "lying-size.xlsx",
        withDeclaredSize(
          rawXlsx(
            withReportSheet({
              name: "Sheet1",
              xml: sheetXml(rowsXml(Array.from({ length: 20_000 }, (_v, i) => [i]))),
            }),
          ),
          "xl/worksheets/sheet1.xml",
          100,
        ),
      ),
    expect: /工作表「Sheet1」无法读取（该工作表已损坏）/u,
    exitCode: 2,
  },
  {
    name: "xlsx-declared-bomb",
    description: "a part declaring 4 GB unpacked (refused before unpacking)",
    make: (dir) =>
      write(
        dir,
        "declared-bomb.xlsx",
        withDeclaredSize(
          rawXlsx({ sheets: [{ name: "表二", xml: sheetXml("") }] }),
          "xl/worksheets/sheet1.xml",
          0xfffffff0,
        ),
      ),
    expect: unreadable("文件过大"),
    exitCode: 2,
  },
  {
    name: "xlsx-ratio-bomb-whitespace",
    description: "a 50 KB workbook whose sheet unpacks to 50 MB of spaces (ratio 1000:1)",
    make: (dir) => {
      const file = path.join(dir, "ratio-bomb.xlsx");
      writeRepeated(file, "<worksheet><sheetData>", " ", 50_000_000, "</sheetData></worksheet>");
      return file;
    },
    expect: unreadable("文字过长"),
    exitCode: 2,
    timeoutMs: 60_000,
  },
  {
    name: "xlsx-ratio-bomb-empty-cells",
    description: "a sheet of 3 million empty styled cells, highly compressed",
    make: (dir) => {
      const file = path.join(dir, "empty-cells.xlsx");
      writeRepeated(
        file,
        `<worksheet><sheetData><row r="1">`,
        `<c s="1"/>`,
        3_000_000,
        "</row></sheetData></worksheet>",
      );
      return file;
    },
    expect: unreadable("工作表单元格过多"),
    exitCode: 2,
    timeoutMs: 60_000,
  },
  {
    name: "xlsx-workbook-xml-damaged",
    description: "xl/workbook.xml is not XML",
    make: (dir) =>
      raw(dir, "workbook-damaged.xlsx", {
        sheets: [{ name: "表二", xml: sheetXml("") }],
        extra: { "xl/workbook.xml": "<workbook><sheets><sheet name=" },
      }),
    expect: unreadable("文件已损坏，无法打开"),
    exitCode: 2,
  },
  {
    name: "xlsx-huge-number",
    description: "9999999999999999 (beyond 2^53) typed into a table-二 cell",
    make: async (dir) =>
      write(
        dir,
        "huge-number.xlsx",
        await seedWorkbook(new Map([[keyId("T2", "规章", "制发"), "9999999999999999"]])),
      ),
    expect: /为 9999999999999999，超过 10 亿/u,
    exitCode: 1,
  },
  {
    name: "xlsx-implausible-count",
    description: "a count of 5,000,000,000 in a table-三 cell",
    make: async (dir) =>
      write(
        dir,
        "implausible.xlsx",
        await seedWorkbook(new Map([[keyId("T3", "一", "自然人"), 5_000_000_000]])),
      ),
    expect: /「自然人」列（表三!D7）为 5000000000，超过 10 亿/u,
    exitCode: 1,
  },
  {
    name: "xlsx-merge-covers-values",
    description: "a merged area B2:C2 over two different values",
    make: (dir) =>
      raw(dir, "covered.xlsx", {
        sheets: [
          {
            name: "说明",
            xml: sheetXml(rowsXml([[REPORT_LINE], [null, 3, 4]]), ["B2:C2"]),
          },
        ],
      }),
    expect: /合并单元格 B2:C2 盖住了 C2 中的数值/u,
    exitCode: 0,
  },
  {
    name: "xlsx-formula-missing-sheet",
    description: "=Sheet9!A1+1 without a cached value in a table-二 cell (Sheet9 does not exist)",
    make: async (dir) =>
      write(dir, "missing-sheet.xlsx", await withUncachedFormula("B6", "Sheet9!A1+1")),
    expect: /「规章」行「本年制发件数」列（表二!B6）是错误值 #REF!，请检查公式。$/u,
    exitCode: 1,
  },
  {
    name: "xlsx-full-width-text-under-sum",
    description: "「１」 typed as text into a table-三 cell that the template's SUM total adds",
    make: async (dir) =>
      write(
        dir,
        "full-width-text.xlsx",
        await seedWorkbook(new Map([[keyId("T3", "一", "商业企业"), "１"]])),
      ),
    expect:
      /（表三!E7）的「１」是文字形式的数字，Excel 的求和公式（SUM）不计入它，合计可能因此少算；请把它改为数字 1。$/u,
    exitCode: 1,
  },
  {
    name: "xlsx-labels-repeated-under-merges",
    description: "table 三 with each merge's label written in every cell it covers",
    make: (dir) =>
      raw(dir, "repeated-labels.xlsx", {
        sheets: [
          {
            name: "Sheet1",
            xml: sheetXml(rowsXml(plain(repeatedLabelGrid().values)), ["A7:A28", "B9:B16"]),
          },
        ],
      }),
    // Found once, as the 2021 format, and no merge said to cover values.
    expect: "✓ repeated-labels.xlsx — 未发现问题（表三 Sheet1!A1:J29）",
    exitCode: 0,
  },
  {
    name: "xlsx-2019-format-lacking-a-row",
    description: "a 2024 workbook whose table 三 is the 2019 format without one of its rows",
    make: (dir) => {
      const grid = render("T3", { version: "2019" });
      const { row } = positionOf({ table: "T3", row: "三(三)2", column: "自然人" }, "2019");
      return raw(dir, "format-2019.xlsx", {
        sheets: [
          { name: "表三", xml: sheetXml(rowsXml(plain(grid.values.filter((_r, i) => i !== row)))) },
        ],
        title: "某街道办事处2024年政府信息公开工作年度报告",
      });
    },
    // One error (R8); the seven warnings are the blank 「（六）其他处理」 row (R6), no missing row.
    expect: "✗ format-2019.xlsx — 1 个错误，7 个警告（表三 表三!A1:J26，2019 试行格式）",
    exitCode: 1,
  },
  {
    name: "xlsx-narrative-huge-number",
    description: "narrative from a workbook whose table-三 count is 9999999999999999",
    make: async (dir) =>
      write(
        dir,
        "narrative-huge.xlsx",
        await seedWorkbook(
          new Map([
            [keyId("T3", "一", "自然人"), "9999999999999999"],
            [keyId("T3", "一", "总计"), "9999999999999999"],
          ]),
        ),
      ),
    args: ["narrative"],
    // The figure is left to be filled in (【待填】), never printed as 10000000000000000.
    expect: /^2024年，本机关共收到政府信息公开申请【待填】件，/u,
    exitCode: 1,
  },
];
