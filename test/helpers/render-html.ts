/**
 * The seed report rendered as a government web page: its paragraphs from the seed text, its
 * tables in the official layout (rowspan/colspan from src/core/model/layout.ts) with the seed's
 * figures from its transcription, and the chrome of a CMS page around it (header, navigation,
 * breadcrumbs, share bar, 上一篇/下一篇, related links, footer, scripts, styles). Also as a page
 * saved by Word (mso styles, <o:p>, &nbsp;, spans per run, hard-wrapped source lines), and encoded
 * in GBK for the pages that do not say their charset.
 */
import type { LocatedTable } from "../../src/core/model/figures";
import { officialLayout } from "../../src/core/model/layout";
import { cellId, type TableId } from "../../src/core/model/tables";
import { seedTables, seedText } from "./build";

/** How the page is written. */
export interface PageStyle {
  /** A page saved by Word ("Web Page, Filtered"): every cell and paragraph in mso spans. */
  readonly word?: boolean;
  /** The charset declared in the page: a <meta charset>, an http-equiv, or none. */
  readonly charset?: { readonly how: "meta" | "http-equiv"; readonly name: string };
}

const TITLE = "曲阜市时庄街道办事处2024年政府信息公开工作年度报告";

function escapeHtml(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

/** A paragraph of the seed's text, or the place of one of its tables. */
export type SeedBlock = { readonly text: string } | { readonly table: TableId };

/** The seed text's paragraphs and where its three tables stand (tab-marked Word cells). */
export function seedParagraphs(): SeedBlock[] {
  const lines = seedText()
    .replace(/\r\n?/gu, "\n")
    .split("\n")
    .map((l) => l.replace(/\[(?:bookmark|image)\s*:[^\]]*\]/gu, ""));
  const tabbed = lines.map((l) => l.startsWith("\t"));
  const out: SeedBlock[] = [];
  const tables: TableId[] = ["T2", "T3", "T4"];
  let skipTitle = 2; // the title's two lines become the page's heading
  for (let i = 0; i < lines.length; i += 1) {
    if (tabbed[i] === true) {
      out.push({ table: tables.shift()! });
      // A table runs until no tab-marked line follows within four lines.
      let last = i;
      for (let j = i + 1; j < lines.length && j - last <= 4; j += 1)
        if (tabbed[j] === true) last = j;
      i = last;
      continue;
    }
    const text = lines[i]!.trim();
    if (text === "") continue;
    if (skipTitle > 0) {
      skipTitle -= 1;
      continue;
    }
    out.push({ text });
  }
  return out;
}

function wordRun(text: string): string {
  // Word wraps its source lines; inside Chinese text the line break is not a space.
  const wrapped = text.replace(/(\p{Script=Han}{30})(?=\p{Script=Han})/gu, "$1\r\n");
  return `<span style='font-size:12.0pt;font-family:仿宋_GB2312;mso-hansi-font-family:"Times New Roman"'>${escapeHtml(wrapped)}<o:p></o:p></span>`;
}

function cellHtml(text: string | undefined, word: boolean): string {
  if (!word) return text === undefined ? "" : escapeHtml(text);
  if (text === undefined)
    return "<p class=MsoNormal align=center><span lang=EN-US>&nbsp;<o:p></o:p></span></p>";
  // A long label broken by the author with a line break, as Word pages do in narrow columns.
  const parts = text.length > 8 ? [text.slice(0, 4), text.slice(4)] : [text];
  return `<p class=MsoNormal align=center style='text-align:center'>${parts.map(wordRun).join("<br>")}</p>`;
}

/** One table in its official layout as HTML, figures from the seed's transcription. */
export function tableHtml(table: TableId, source: LocatedTable, word: boolean): string {
  const layout = officialLayout(table, "2021");
  // The table's title row is the section heading above it on a web page.
  const cells = layout.cells.filter((c) => c.role !== "title");
  const first = Math.min(...cells.map((c) => c.row));
  const rows: string[] = [];
  for (let r = first; r < layout.rows; r += 1) {
    const tds = cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.column - b.column)
      .map((c) => {
        const raw = c.cell === undefined ? c.text : source.cells.get(cellId(c.cell))?.raw;
        const text = raw === undefined || raw === null ? undefined : String(raw);
        const spans =
          (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "") +
          (c.columnSpan > 1 ? ` colspan="${c.columnSpan}"` : "");
        return `<td${spans}${word ? " valign=top style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'" : ""}>${cellHtml(text, word)}</td>`;
      });
    rows.push(`<tr${word ? " style='mso-yfti-irow:0'" : ""}>${tds.join("")}</tr>`);
  }
  return word
    ? `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-table-layout-alt:fixed'>\r\n${rows.join("\r\n")}\r\n</table>`
    : `<table border="1" cellspacing="0" style="width:100%">\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`;
}

function bodyHtml(word: boolean): string {
  const tables = new Map(seedTables().map((t) => [t.table, t]));
  return seedParagraphs()
    .map((p) => {
      if ("table" in p) return tableHtml(p.table, tables.get(p.table)!, word);
      if (word)
        return `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'>${wordRun(p.text)}</p>`;
      return `<p style="text-indent:2em">${escapeHtml(p.text)}</p>`;
    })
    .join(word ? "\r\n\r\n" : "\n");
}

function charsetTag(style: PageStyle): string {
  if (style.charset === undefined) return "";
  return style.charset.how === "meta"
    ? `<meta charset="${style.charset.name}">`
    : `<meta http-equiv="Content-Type" content="text/html; charset=${style.charset.name}">`;
}

/** The seed report as a government web page (a CMS article page, or a page saved by Word). */
export function seedPage(style: PageStyle = {}): string {
  const word = style.word === true;
  if (word) {
    return `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>${charsetTag(style)}
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<title>${TITLE}</title>
<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>dzb</o:Author></o:DocumentProperties></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm;text-align:justify;font-size:10.5pt;font-family:等线;} @page WordSection1 {size:595.3pt 841.9pt;} div.WordSection1 {page:WordSection1;} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:22.0pt;font-family:方正小标宋简体'>${escapeHtml(TITLE.slice(0, 21))}<br>${escapeHtml(TITLE.slice(21))}<o:p></o:p></span></b></p>
<p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p>
${bodyHtml(true)}
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
</div>
</body>
</html>`;
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
${charsetTag(style)}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLE}_曲阜市人民政府</title>
<link rel="stylesheet" href="/css/common.css">
<style>.article p { line-height: 2; } .nav li { float: left; }</style>
<script>var _hmt = _hmt || []; (function() { var hm = document.createElement("script"); hm.src = "https://hm.baidu.com/hm.js?x"; })();</script>
</head>
<body>
<div class="header"><div class="top">欢迎访问曲阜市人民政府门户网站 <a href="/">无障碍</a> <a href="/">长者模式</a></div>
<div class="logo"><img src="/images/logo.png" alt="中国·曲阜"></div></div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/">政务服务</a></li><li><a href="/">互动交流</a></li><li><a href="/">走进曲阜</a></li></ul>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; <a href="/ndbg/">政府信息公开年度报告</a></div>
<div class="main">
<div class="article">
<h1 class="article-title">${TITLE}</h1>
<div class="info">发布时间：2025-01-20\u3000来源：时庄街道办事处\u3000浏览次数：<span id="count">1024</span>\u3000字号：<a>大</a> <a>中</a> <a>小</a></div>
<div class="TRS_Editor">
${bodyHtml(false)}
</div>
<div class="bdsharebuttonbox">分享到：<a class="bds_weixin">微信</a><a class="bds_tsina">新浪微博</a></div>
<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a href="javascript:window.close()">关闭窗口</a>】</div>
<div class="prevnext"><p>上一篇：<a href="/a/1.html">曲阜市时庄街道办事处2023年政府信息公开工作年度报告</a></p><p>下一篇：<a href="/a/2.html">曲阜市书院街道办事处2024年政府信息公开工作年度报告</a></p></div>
</div>
<div class="sidebar"><h3>相关文章</h3><ul><li><a href="/a/3.html">曲阜市人民政府2024年政府信息公开工作年度报告</a></li><li><a href="/a/4.html">曲阜市教育局2024年政府信息公开工作年度报告</a></li></ul></div>
</div>
<div class="footer"><p>主办：曲阜市人民政府办公室\u3000承办：曲阜市大数据中心\u3000地址：山东省曲阜市静轩西路1号</p>
<p>鲁ICP备05001234号\u3000政府网站标识码：3708810001\u3000鲁公网安备 37088102000001号</p>
<script src="/js/jquery.min.js"></script><script>$(function(){ $(".nav li").hover(); document.write("<p>统计</p>"); });</script></div>
</body>
</html>`;
}

/** Text encoded as GBK (the characters of the seed page all have a GBK code; others throw). */
export function encodeGbk(text: string): Uint8Array {
  const table = gbkTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(ch);
    if (pair === undefined) throw new Error(`no GBK code for ${ch}`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(bytes);
}

let gbk: Map<string, number> | undefined;

/** Every two-byte GBK code, from the platform's own GBK decoder. */
function gbkTable(): Map<string, number> {
  if (gbk !== undefined) return gbk;
  const decoder = new TextDecoder("gbk");
  gbk = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== "\ufffd" && !gbk.has(ch)) gbk.set(ch, (lead << 8) | trail);
    }
  }
  return gbk;
}
