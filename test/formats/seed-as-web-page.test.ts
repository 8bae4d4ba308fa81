/**
 * The seed report published as a web page and read back: a CMS article page (UTF-8 with a
 * charset, and GBK without one) and a page saved by Word (GB2312 in an http-equiv, mso spans,
 * <o:p>, &nbsp;, <br> in cells). Every figure of the transcription is read at its place, the
 * chrome around the article is not text of the report, and the check finds nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { checkLoaded } from "../../src/formats/report/check-file";
import { loadReportBytes, type LoadedReport } from "../../src/formats/report/load-report";
import { runCli } from "../../src/cli/run-cli";
import { numericValue } from "../../src/core/model/figures";
import { decodeHtml } from "../../src/formats/html/decode-html";
import { seedTables } from "../helpers/build";
import { encodeGbk, seedPage, seedParagraphs } from "../helpers/render-html";
import { captureIo } from "../cli/helpers/capture-io";

const TITLE = "曲阜市时庄街道办事处2024年政府信息公开工作年度报告";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const PAGES: readonly [string, () => Uint8Array][] = [
  [
    "a CMS page in UTF-8 with <meta charset>",
    () => utf8(seedPage({ charset: { how: "meta", name: "utf-8" } })),
  ],
  ["a CMS page in GBK without a charset", () => encodeGbk(seedPage())],
  [
    "a page saved by Word in GB2312 (http-equiv)",
    () => encodeGbk(seedPage({ word: true, charset: { how: "http-equiv", name: "gb2312" } })),
  ],
];

const CHROME = [
  "当前位置",
  "首页",
  "发布时间",
  "浏览次数",
  "分享到",
  "打印本页",
  "关闭窗口",
  "上一篇",
  "下一篇",
  "相关文章",
  "主办",
  "ICP",
  "hm.baidu",
  "document.write",
  "统计</p>",
  "无障碍",
];

describe.each(PAGES)("the seed as %s", (_name, bytes) => {
  let report: LoadedReport;
  beforeAll(async () => {
    report = await loadReportBytes("seed.html", bytes());
  });

  it("is read as a web page with tables 二, 三 and 四, each its own 网页表格", () => {
    expect(report.kind).toBe("html");
    expect(report.tables.map((t) => `${t.table}:${t.version} ${t.sheet}!${t.range}`)).toEqual([
      "T2:2021 网页表格1!A1:D14",
      "T3:2021 网页表格2!A1:J28",
      "T4:2021 网页表格3!A1:O4",
    ]);
    expect(report.tables.map((t) => t.structure)).toEqual([[], [], []]);
  });

  it("has every figure of the transcription, and no other", () => {
    for (const expected of seedTables()) {
      const read = report.tables.find((t) => t.table === expected.table)!;
      expect([...read.cells.keys()].sort()).toEqual([...expected.cells.keys()].sort());
      for (const [id, cell] of expected.cells) {
        const got = read.cells.get(id)!;
        expect([id, got.reading.kind, numericValue(got.reading)]).toEqual([
          id,
          cell.reading.kind,
          numericValue(cell.reading),
        ]);
      }
    }
  });

  it("names each cell by its table on the page and its row and column", () => {
    const t3 = report.tables.find((t) => t.table === "T3")!;
    expect(t3.cells.get("T3/一/总计")!.address).toBe("网页表格2!J4");
    expect(t3.cells.get("T3/一/自然人")!.address).toBe("网页表格2!D4");
    const t2 = report.tables.find((t) => t.table === "T2")!;
    expect(t2.cells.get("T2/规章/制发")!.address).toBe("网页表格1!B3");
  });

  it("takes the title for year and agency", () => {
    expect(report.identity).toEqual({ year: 2024, agency: "曲阜市时庄街道办事处" });
  });

  it("has the report's paragraphs as its narrative, in order, and none of the page's chrome", () => {
    const paragraphs = seedParagraphs().flatMap((p) => ("text" in p ? [p.text] : []));
    const narrative = report.narrative!.split("\n");
    // The Word page has its title in the body; the CMS page in a heading above the article.
    expect(narrative.filter((l) => !TITLE.includes(l))).toEqual(paragraphs);
    for (const chrome of CHROME)
      expect([chrome, report.documentText!.includes(chrome)]).toEqual([chrome, false]);
  });

  it("has the whole text in reading order: title, paragraphs, table cells", () => {
    const lines = report.documentText!.split("\n");
    expect(lines[0]).toMatch(/^曲阜市时庄街道办事处2024年政府信息公开/u);
    const heading = lines.indexOf("二、主动公开政府信息情况");
    expect(lines.slice(heading, heading + 6)).toEqual([
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "信息内容",
      "本年制发件数",
      "本年废止件数",
      "现行有效件数",
    ]);
    expect(lines.indexOf("五、存在的主要问题及改进情况")).toBeGreaterThan(
      lines.indexOf("行政复议"),
    );
  });

  it("checks with zero findings", () => {
    const checked = checkLoaded(report, { locale: "zh-CN" });
    expect(checked.result.findings).toEqual([]);
  });
});

describe("the encoding of a page", () => {
  it("is GBK when the page says gb2312, GB18030 when it says nothing and is not UTF-8", () => {
    const page = seedPage({ charset: { how: "http-equiv", name: "gb2312" } });
    expect(decodeHtml(encodeGbk(page))).toMatchObject({ encoding: "gbk", source: "meta" });
    expect(decodeHtml(encodeGbk(seedPage()))).toMatchObject({
      encoding: "gb18030",
      source: "sniffed",
    });
    expect(decodeHtml(utf8(seedPage()))).toMatchObject({ encoding: "utf-8", source: "sniffed" });
  });

  it("follows the byte-order mark over a contradicting charset", () => {
    const page = seedPage({ charset: { how: "meta", name: "gbk" } });
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(page)]);
    expect(decodeHtml(bytes)).toMatchObject({ encoding: "utf-8", source: "bom" });
    expect(decodeHtml(bytes).text).toContain("时庄街道");
  });

  it("reads a GBK page that still carries an old utf-8 charset as GB18030", () => {
    const page = seedPage({ charset: { how: "meta", name: "utf-8" } });
    const decoded = decodeHtml(encodeGbk(page));
    expect(decoded.encoding).toBe("gb18030");
    expect(decoded.text).toContain("曲阜市时庄街道办事处2024年政府信息公开工作年度报告");
  });
});

describe("xxgk check on saved pages", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-html-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds .html and .htm files in a folder and checks them clean", async () => {
    writeFileSync(path.join(dir, "seed.html"), encodeGbk(seedPage()));
    writeFileSync(
      path.join(dir, "seed-word.htm"),
      encodeGbk(seedPage({ word: true, charset: { how: "http-equiv", name: "gb2312" } })),
    );
    const captured = captureIo(dir);
    const code = await runCli(["check", "--format", "json", "."], captured.io);
    const report = JSON.parse(captured.stdout()) as {
      files: { file: string; status: string; findings: unknown[] }[];
    };
    expect(
      report.files.map((f) => [path.basename(f.file), f.status, f.findings.length]).sort(),
    ).toEqual([
      ["seed-word.htm", "checked", 0],
      ["seed.html", "checked", 0],
    ]);
    expect(code).toBe(0);
  });

  it("reads a page saved under another extension as a page, from its doctype", async () => {
    writeFileSync(
      path.join(dir, "saved.txt"),
      utf8(seedPage({ charset: { how: "meta", name: "utf-8" } })),
    );
    const report = await loadReportBytes(
      "saved.txt",
      utf8(seedPage({ charset: { how: "meta", name: "utf-8" } })),
    );
    expect([report.kind, report.tables.length]).toEqual(["html", 3]);
  });

  it("finds a wrong figure on the page and names its cell", async () => {
    const page = seedPage().replace(
      /(<tr><td colspan="3">二、上年结转政府信息公开申请数量<\/td>)<td>0<\/td>/u,
      "$1<td>5</td>",
    );
    const report = await loadReportBytes("wrong.html", encodeGbk(page));
    const checked = checkLoaded(report, { locale: "zh-CN" });
    const r1 = checked.result.findings.filter((f) => f.rule === "R1");
    expect(r1.length).toBeGreaterThan(0);
    expect(r1[0]!.cells.map((c) => c.address)).toContain("网页表格2!D5");
  });
});
