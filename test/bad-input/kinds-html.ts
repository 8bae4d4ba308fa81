/**
 * Hostile web pages for the bad-input suite (issue 9): a 20 MB page, a page with no report, the
 * seed as a GBK page without a charset, a table whose colspans lay out too large, and the seed
 * nested 100,000 elements deep. Each is generated here; none is committed.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { encodeGbk, seedPage } from "../helpers/render-html";
import type { BadInputKind } from "./kind";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const SEED_TABLES = "表二 网页表格1!A1:D14；表三 网页表格2!A1:J28；表四 网页表格3!A1:O4";

function write(dir: string, name: string, bytes: Uint8Array): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

export const KINDS: readonly BadInputKind[] = [
  {
    name: "html-20-mb",
    description: "a 20 MB web page (the seed padded with hidden paragraphs)",
    make: (dir) => {
      const filler = `<p style="display:none">${"数".repeat(1000)}</p>\n`;
      const page = seedPage({ charset: { how: "meta", name: "utf-8" } });
      return write(dir, "big.html", utf8(page.replace("</body>", `${filler.repeat(7000)}</body>`)));
    },
    expect:
      "✗ big.html：无法读取：网页文件超过 6 MB 或标签超过 30 万个，不像是年度报告页面；请另存报告本身的网页，或提供 Word 文件",
    exitCode: 2,
  },
  {
    name: "html-no-report",
    description: "a news page with navigation and footer, no report",
    make: (dir) =>
      write(
        dir,
        "news.html",
        utf8(
          `<!DOCTYPE html><html><head><meta charset="utf-8"><title>曲阜市人民政府</title></head><body><ul class="nav"><li><a>首页</a></li><li><a>政府信息公开</a></li></ul><div class="content"><h1>时庄街道开展植树活动</h1><p>11月5日，时庄街道组织干部群众开展植树活动。</p></div><div class="footer">主办：曲阜市人民政府办公室</div></body></html>`,
        ),
      ),
    expect: "✗ news.html：无法读取：未找到年度报告的表格或正文",
    exitCode: 2,
  },
  {
    name: "html-gbk-without-charset",
    description: "the seed as a GBK web page that names no charset",
    make: (dir) => write(dir, "gbk.html", encodeGbk(seedPage())),
    expect: `✓ gbk.html — 未发现问题（${SEED_TABLES}）`,
    exitCode: 0,
  },
  {
    name: "html-colspan-huge",
    description: "a table of 200 rows, each one cell with colspan 1000",
    make: (dir) =>
      write(
        dir,
        "span.html",
        utf8(
          `<html><body><p>政府信息公开工作年度报告</p><table>${`<tr><td colspan="1000">0</td></tr>`.repeat(200)}</table></body></html>`,
        ),
      ),
    expect:
      "✗ span.html：无法读取：网页中有表格按合并单元格展开后过大（超过 2000 列或 10 万格），无法读取",
    exitCode: 2,
  },
  {
    name: "html-nested-deep",
    description: "the seed nested 100,000 div elements deep",
    make: (dir) => {
      const page = seedPage({ charset: { how: "meta", name: "utf-8" } }).replace(
        '<div class="TRS_Editor">',
        `<div class="TRS_Editor">${"<div>".repeat(100_000)}`,
      );
      return write(dir, "deep.html", utf8(page));
    },
    expect: `✓ deep.html — 未发现问题（${SEED_TABLES}）`,
    exitCode: 0,
  },
];
