/**
 * Hostile web pages: each gets its own line (or is read, bounded), never a crash, within time.
 * A 20 MB page, a page with no report, a GBK page without a charset, spans far beyond the HTML
 * standard's clamps, a table too large once laid out, too many cells, and deep nesting.
 */
import { checkLoaded } from "../../src/formats/report/check-file";
import { reasonText } from "../../src/cli/cli-messages";
import { loadReportBytes } from "../../src/formats/report/load-report";
import {
  MAX_COLSPAN,
  MAX_HTML_BYTES,
  MAX_PAGE_CELLS,
  MAX_TABLE_CELLS,
  readHtml,
} from "../../src/formats/html/read-html";
import { UnreadableFileError } from "../../src/xlsx/errors";
import { encodeGbk, seedPage } from "../helpers/render-html";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The reason a page is refused for, and how long the refusal took. */
async function refusal(bytes: Uint8Array): Promise<{ reason: string; ms: number }> {
  const start = Date.now();
  try {
    await loadReportBytes("page.html", bytes);
  } catch (error) {
    if (error instanceof UnreadableFileError)
      return { reason: error.reason, ms: Date.now() - start };
    throw error;
  }
  throw new Error("the page was read");
}

test("a 20 MB page is refused before it is parsed, with its own line", async () => {
  const page = seedPage({ charset: { how: "meta", name: "utf-8" } });
  const filler = `<p style="display:none">${"数".repeat(1000)}</p>\n`;
  const bytes = utf8(page.replace("</body>", `${filler.repeat(7000)}</body>`));
  expect(bytes.length).toBeGreaterThan(20_000_000);
  const { reason, ms } = await refusal(bytes);
  expect(reason).toBe("page-too-large");
  expect(ms).toBeLessThan(1000);
  expect(reasonText("page-too-large", "zh-CN")).toBe(
    "网页文件超过 6 MB 或标签超过 30 万个，不像是年度报告页面；请另存报告本身的网页，或提供 Word 文件",
  );
  expect(MAX_HTML_BYTES).toBe(6 * 1024 * 1024);
});

test("a page with chrome and news but no report is not a report", async () => {
  const page = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>曲阜市人民政府</title></head><body>
  <ul class="nav"><li><a href="/">首页</a></li><li><a href="/">政务公开</a></li></ul>
  <div class="position">当前位置：<a>首页</a> &gt; <a>新闻</a></div>
  <div class="content"><h1>时庄街道开展秋季植树活动</h1><p>11月5日，时庄街道组织干部群众开展植树活动，共栽植苗木1200棵。</p></div>
  <div class="footer">主办：曲阜市人民政府办公室 政府网站标识码：3708810001</div></body></html>`;
  expect((await refusal(utf8(page))).reason).toBe("not-a-report");
});

test("a page whose only report words are in its navigation is not a report", async () => {
  const page = `<html><body><div class="nav"><a>政府信息公开年度报告</a><a>政府信息公开指南</a></div>
  <div class="main"><p>页面不存在或已被删除。</p></div>
  <div class="footer">政府信息公开 | 网站地图</div></body></html>`;
  expect((await refusal(utf8(page))).reason).toBe("not-a-report");
});

test("a GBK page without a charset is read as GBK", async () => {
  const report = await loadReportBytes("page.htm", encodeGbk(seedPage()));
  expect(report.narrative).toContain("时庄街道认真贯彻《中华人民共和国政府信息公开条例》");
  expect(report.narrative).not.toContain("\ufffd");
  expect(checkLoaded(report, { locale: "zh-CN" }).result.findings).toEqual([]);
});

test("spans beyond the standard's clamps are clamped and cut at the end of their row group", () => {
  const page = seedPage({ charset: { how: "meta", name: "utf-8" } }).replace(
    "</tbody>\n</table>",
    `<tr><td colspan="4000000000" rowspan="4000000000">注：本表数据截至12月31日</td></tr></tbody>\n</table>`,
  );
  const start = Date.now();
  const content = readHtml("page.html", utf8(page));
  expect(Date.now() - start).toBeLessThan(5000);
  const t2 = content.grids[0]!;
  expect(t2.values.length).toBe(15);
  expect(t2.values[14]!.length).toBe(MAX_COLSPAN);
  expect(t2.values[14]![0]).toBe("注：本表数据截至12月31日");
});

test("a page with clamped spans still reads and checks clean", async () => {
  const page = seedPage().replace(
    "</tbody>\n</table>",
    `<tr><td colspan="99999" rowspan="0">注</td></tr></tbody>\n</table>`,
  );
  const report = await loadReportBytes("page.html", encodeGbk(page));
  expect(report.tables.map((t) => t.table)).toEqual(["T2", "T3", "T4"]);
  expect(checkLoaded(report, { locale: "zh-CN" }).result.findings).toEqual([]);
});

test("a table too large once its spans are laid out gets its own line", async () => {
  const rows = `<tr><td colspan="1000">0</td></tr>`.repeat(200);
  const page = `<html><body><p>政府信息公开工作年度报告</p><table>${rows}</table></body></html>`;
  const { reason, ms } = await refusal(utf8(page));
  expect(reason).toBe("table-too-large");
  expect(ms).toBeLessThan(5000);
  expect(200 * 1000).toBeGreaterThan(MAX_TABLE_CELLS);
  const wide = `<html><body><table><tr>${`<td colspan="1000">0</td>`.repeat(3)}</tr></table></body></html>`;
  expect((await refusal(utf8(wide))).reason).toBe("table-too-large");
});

test("a page with more tags than a report page has is refused before it is parsed", async () => {
  const table = `<table>${`<tr>${"<td>1".repeat(300)}`.repeat(300)}</table>`;
  const page = `<html><body><p>政府信息公开工作年度报告</p>${table.repeat(6)}</body></html>`;
  expect(page.length).toBeLessThan(MAX_HTML_BYTES);
  const { reason, ms } = await refusal(utf8(page));
  expect(reason).toBe("page-too-large");
  expect(ms).toBeLessThan(1000);
});

test("too many cells over all the tables of a page get their own line", async () => {
  const table = `<table>${`<tr><td colspan="999">1</td></tr>`.repeat(100)}</table>`;
  const page = `<html><body><p>政府信息公开工作年度报告</p>${table.repeat(6)}</body></html>`;
  expect(6 * 100 * 999).toBeGreaterThan(MAX_PAGE_CELLS);
  expect(100 * 999).toBeLessThan(MAX_TABLE_CELLS);
  const { reason, ms } = await refusal(utf8(page));
  expect(reason).toBe("page-too-many-cells");
  expect(ms).toBeLessThan(5000);
});

test("a report nested 100,000 elements deep is read without overflowing the stack", async () => {
  const page = seedPage({ charset: { how: "meta", name: "utf-8" } });
  const deep = page
    .replace('<div class="TRS_Editor">', `<div class="TRS_Editor">${"<div>".repeat(100_000)}`)
    .replace(
      '<div class="bdsharebuttonbox">',
      `${"</div>".repeat(100_000)}<div class="bdsharebuttonbox">`,
    );
  const start = Date.now();
  const report = await loadReportBytes("page.html", utf8(deep));
  expect(Date.now() - start).toBeLessThan(15000);
  expect(report.tables.map((t) => t.table)).toEqual(["T2", "T3", "T4"]);
  expect(checkLoaded(report, { locale: "zh-CN" }).result.findings).toEqual([]);
});

test("tables nested 3,000 deep and spans nested 100,000 deep end in a line, not a crash", async () => {
  const tables = `<html><body><p>政府信息公开工作年度报告</p>${"<table><tr><td>".repeat(3000)}x</body></html>`;
  const start = Date.now();
  const report = await loadReportBytes("page.html", utf8(tables));
  expect([report.kind, report.tables.length]).toEqual(["html", 0]);
  const spans = `<html><body><p>${"<span>".repeat(100_000)}政府信息公开工作年度报告</p></body></html>`;
  const text = await loadReportBytes("page.html", utf8(spans));
  expect(text.narrative).toBe("政府信息公开工作年度报告");
  expect(Date.now() - start).toBeLessThan(15000);
});
