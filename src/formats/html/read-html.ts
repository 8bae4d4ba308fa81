/**
 * A web page (a saved government page, or its source) → the report's tables as Grids and its
 * paragraphs. Parsed by parse5 (the HTML standard's parser); the page's chrome (scripts, styles,
 * navigation, breadcrumbs, header, footer, share bars, 上一篇/下一篇) is left out and the report body
 * is the deepest container holding most of the page's text that is not link text. Tables with
 * rowspan/colspan become grids with each merged area's text in its top-left cell (spans clamped as
 * the HTML standard clamps them, rowspans cut at the end of their row group); a table holding
 * another table, or a paragraph-long cell, is a layout table whose cells are read as blocks. Every
 * walk over the tree is iterative. Cannot see text drawn in pictures, text put in by scripts, or
 * text hidden by style sheets (it is read as if shown).
 */
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import type { Grid, RawCell } from "../../core/model/figures";
import {
  HtmlTableTooLargeError,
  HtmlTooLargeError,
  HtmlTooManyCellsError,
} from "../../xlsx/errors";
import { decodeHtml } from "./decode-html";

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;

/** The largest page read: a report page is 50 KB–2 MB; parse5 needs about 50 bytes of memory per byte. */
export const MAX_HTML_BYTES = 6 * 1024 * 1024;
/**
 * The most tags ("<" characters, counted before parsing) a page may have: parse5 takes about 10 µs
 * a table cell, so this bounds the parse to a few seconds. A Word-made report page has about 30,000.
 */
export const MAX_HTML_TAGS = 300_000;
/** The HTML standard's clamps on a cell's spans. */
export const MAX_COLSPAN = 1000;
export const MAX_ROWSPAN = 65534;
/** The most columns and cells one table may have once its spans are laid out. */
export const MAX_TABLE_COLUMNS = 2000;
export const MAX_TABLE_CELLS = 100_000;
/** The most cells all the tables of a page may have together. */
export const MAX_PAGE_CELLS = 500_000;
/** A cell with more text than this (characters, spaces excluded) is a layout cell, not a figure's. */
export const LAYOUT_CELL_CHARS = 300;
/** The report body holds at least this share of the page's own (non-link) text. */
const BODY_SHARE = 0.8;

/** What a web page holds for the checker. */
export interface HtmlContent {
  /** Each table of the report body as a grid named 网页表格1, 网页表格2…, origin A1. */
  readonly grids: Grid[];
  /** The body's paragraphs outside tables, one per line, in page order. */
  readonly narrative: string;
  /** The title, the body's paragraphs and each table cell as a line, in reading order. */
  readonly documentText: string;
  /** The report's title when the page shows one (a heading or the page title). */
  readonly title?: string;
  /** The encoding the page was decoded with. */
  readonly encoding: string;
}

/** The sheet name given to the n-th table (1-based) of a page's report body. */
export function htmlTableName(index: number): string {
  return `网页表格${index}`;
}

/** Elements whose content is never report text. */
const SKIPPED_TAGS = new Set([
  "head",
  "script",
  "style",
  "noscript",
  "template",
  "nav",
  "header",
  "footer",
  "aside",
  "iframe",
  "object",
  "embed",
  "svg",
  "math",
  "button",
  "select",
  "textarea",
  "input",
  "canvas",
  "video",
  "audio",
  "map",
]);

/** Class or id words of the chrome around an article on government sites (a whole word each). */
const CHROME_NAME =
  /^(?:nav|navbar|navigation|menu|mainmenu|topmenu|breadcrumbs?|crumbs?|bread|position|location|dqwz|footer|foot|bottom|copyright|share|bdsharebuttonbox|bshare|jiathis\S*|sidebar|side|leftnav|header|head|top|topbar|toolbar|pager|pagination|prevnext|prev-next|related|comment|comments)$/iu;

/** Elements that start a new line. */
const BLOCK_TAGS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "section",
  "article",
  "main",
  "blockquote",
  "pre",
  "center",
  "address",
  "figure",
  "figcaption",
  "caption",
  "form",
  "fieldset",
  "hr",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "body",
  "html",
]);

/** Containers the report body may be. */
const CONTAINER_TAGS = new Set([
  "body",
  "div",
  "section",
  "article",
  "main",
  "center",
  "form",
  "font",
  "span",
  "td",
  "th",
  "tr",
  "tbody",
  "thead",
  "tfoot",
  "table",
  "blockquote",
]);

/** Lines of chrome that CMS templates put inside the article container. */
const CHROME_LINES: readonly RegExp[] = [
  /^(?:上一篇|下一篇|上一条|下一条|上篇|下篇)\s*[:：]/u,
  /^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置)\s*[:：]/u,
  /^分享到\s*[:：]?/u,
  /^字号\s*[:：]/u,
  /^(?:[【[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|收藏(?:本页)?|返回顶部|大|中|小)\s*[】\]]?\s*)+$/u,
  /^(?:发布(?:时间|日期)|信息来源|浏览(?:次数|量)|访问(?:次数|量)|阅读(?:次数|量)|点击(?:数|量|次数)|责任编辑)\s*[:：]/u,
  /^(?:扫一扫|微信扫一扫|手机扫一扫)/u,
];

function isElement(node: Node): node is Element {
  return "tagName" in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name)?.value;
}

function isChrome(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  const names = `${attribute(element, "class") ?? ""} ${attribute(element, "id") ?? ""}`;
  if (names.trim() === "") return false;
  return names.split(/\s+/u).some((n) => n !== "" && CHROME_NAME.test(n));
}

function childrenOf(node: Node): readonly Node[] {
  return "childNodes" in node ? node.childNodes : [];
}

/** Characters that count as text (white space excluded). */
function weight(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/u.test(ch)) n += 1;
  return n;
}

interface Facts {
  /** Non-link text weight of each element (chrome excluded). */
  readonly score: Map<Element, number>;
  /** Elements with a table somewhere below them. */
  readonly holdsTable: Set<Element>;
}

/** One post-order pass over the tree: text weight and table containment per element. */
function measure(root: Element): Facts {
  const score = new Map<Element, number>();
  const holdsTable = new Set<Element>();
  const stack: { node: Element; done: boolean }[] = [{ node: root, done: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const element = frame.node;
    if (!frame.done) {
      stack.push({ node: element, done: true });
      for (const child of childrenOf(element))
        if (isElement(child) && !isChrome(child)) stack.push({ node: child, done: false });
      continue;
    }
    let total = 0;
    let table = false;
    for (const child of childrenOf(element)) {
      if (isElement(child)) {
        total += score.get(child) ?? 0;
        if (child.tagName === "table" || holdsTable.has(child)) table = true;
      } else if (child.nodeName === "#text" && element.tagName !== "a") {
        total += weight(child.value);
      }
    }
    score.set(element, element.tagName === "a" ? 0 : total);
    if (table) holdsTable.add(element);
  }
  return { score, holdsTable };
}

function isLayoutTable(table: Element, facts: Facts): boolean {
  if (facts.holdsTable.has(table)) return true;
  for (const row of tableRows(table)) {
    for (const cell of childrenOf(row.row)) {
      if (isElement(cell) && (facts.score.get(cell) ?? 0) > LAYOUT_CELL_CHARS) return true;
    }
  }
  return false;
}

/** The deepest container holding BODY_SHARE of the page's text, not inside a data table. */
function findBody(root: Element, facts: Facts): Element {
  const total = facts.score.get(root) ?? 0;
  let body = root;
  for (;;) {
    let next: Element | undefined;
    for (const child of childrenOf(body)) {
      if (!isElement(child) || !facts.score.has(child)) continue;
      if ((facts.score.get(child) ?? 0) >= BODY_SHARE * total && total > 0) next = child;
    }
    if (next === undefined || !CONTAINER_TAGS.has(next.tagName)) return body;
    if (next.tagName === "table" && !isLayoutTable(next, facts)) return body;
    body = next;
  }
}

const WIDE = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef";
/** A line break between two wide characters disappears (CSS Text: segment break transformation). */
const WIDE_BREAK = new RegExp(
  `(?<=[${WIDE}])[ \\t\\f]*[\\r\\n][ \\t\\r\\n\\f]*(?=[${WIDE}])`,
  "gu",
);

/** Text as the browser shows it: white space collapsed, no-break spaces as spaces. */
function collapse(raw: string): string {
  return raw
    .replace(WIDE_BREAK, "")
    .replace(/[ \t\r\n\f]+/gu, " ")
    .replace(/\u00a0/gu, " ")
    .trim();
}

/** The lines of an element's text: block elements and <br> end lines; tables are not entered. */
function textLines(element: Element, skipTables: boolean): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = (): void => {
    const line = collapse(current);
    if (line !== "") lines.push(line);
    current = "";
  };
  const stack: (Node | "end-block")[] = [...childrenOf(element)].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === "end-block") {
      flush();
      continue;
    }
    if (!isElement(node)) {
      if (node.nodeName === "#text") current += node.value;
      continue;
    }
    if (isChrome(node) || (skipTables && node.tagName === "table")) continue;
    if (node.tagName === "br") {
      flush();
      continue;
    }
    if (BLOCK_TAGS.has(node.tagName)) {
      flush();
      stack.push("end-block");
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  flush();
  return lines;
}

interface TableRow {
  readonly row: Element;
  /** The row group (thead, tbody, tfoot) the row belongs to. */
  readonly group: number;
}

/** A table's own rows (not those of tables inside it), each with its row group. */
function tableRows(table: Element): TableRow[] {
  const rows: TableRow[] = [];
  let group = 0;
  for (const child of childrenOf(table)) {
    if (!isElement(child)) continue;
    if (child.tagName === "tr") rows.push({ row: child, group });
    else if (child.tagName === "thead" || child.tagName === "tbody" || child.tagName === "tfoot") {
      group += 1;
      for (const row of childrenOf(child))
        if (isElement(row) && row.tagName === "tr") rows.push({ row, group });
      group += 1;
    }
  }
  return rows;
}

function span(element: Element, name: string, fallback: number, max: number): number {
  const text = attribute(element, name);
  if (text === undefined) return fallback;
  const value = Number.parseInt(text.trim(), 10);
  if (!Number.isFinite(value)) return fallback;
  return Math.min(Math.max(value, name === "rowspan" ? 0 : 1), max);
}

interface Placed {
  readonly row: number;
  readonly column: number;
  readonly cell: Element;
}

/** A data table as a grid: the HTML table model (spans, row groups), text in the top-left cell. */
function tableGrid(file: string, table: Element, name: string, budget: { cells: number }): Grid {
  const rows = tableRows(table);
  const groupEnd = new Map<number, number>();
  rows.forEach((r, i) => groupEnd.set(r.group, i + 1));
  /** busy[c]: the first row index at which column c is free again. */
  const busy: number[] = [];
  const placed: Placed[] = [];
  let width = 0;
  rows.forEach((r, index) => {
    let column = 0;
    for (const cell of childrenOf(r.row)) {
      if (!isElement(cell) || (cell.tagName !== "td" && cell.tagName !== "th")) continue;
      while ((busy[column] ?? 0) > index) column += 1;
      const columns = span(cell, "colspan", 1, MAX_COLSPAN);
      const rowsSpanned = span(cell, "rowspan", 1, MAX_ROWSPAN);
      const end = groupEnd.get(r.group) ?? index + 1;
      const until = rowsSpanned === 0 ? end : Math.min(end, index + rowsSpanned);
      if (column + columns > MAX_TABLE_COLUMNS)
        throw new HtmlTableTooLargeError(file, name, column + columns, MAX_TABLE_COLUMNS);
      for (let k = column; k < column + columns; k += 1) busy[k] = Math.max(until, index + 1);
      placed.push({ row: index, column, cell });
      column += columns;
      width = Math.max(width, column);
    }
    width = Math.max(width, busy.length);
  });
  const cells = rows.length * width;
  if (cells > MAX_TABLE_CELLS) throw new HtmlTableTooLargeError(file, name, cells, MAX_TABLE_CELLS);
  budget.cells += cells;
  if (budget.cells > MAX_PAGE_CELLS)
    throw new HtmlTooManyCellsError(file, budget.cells, MAX_PAGE_CELLS);
  const values: RawCell[][] = rows.map(() => Array<RawCell>(width).fill(null));
  for (const p of placed) {
    const text = cellText(p.cell);
    if (text !== "") values[p.row]![p.column] = text;
  }
  return { sheet: name, origin: "A1", values };
}

/** A cell's text, its lines joined by line breaks (one text node, the common case, read directly). */
function cellText(cell: Element): string {
  const children = childrenOf(cell);
  if (children.length === 1 && children[0]!.nodeName === "#text")
    return collapse((children[0] as DefaultTreeAdapterTypes.TextNode).value);
  return textLines(cell, false).join("\n");
}

type Item = { readonly line: string } | { readonly grid: Grid };

/** The body in reading order: lines of text and data tables; layout tables are read as blocks. */
function readBody(body: Element, facts: Facts, file: string): Item[] {
  const items: Item[] = [];
  const budget = { cells: 0 };
  let current = "";
  const flush = (): void => {
    const line = collapse(current);
    if (line !== "") items.push({ line });
    current = "";
  };
  const stack: (Node | "end-block")[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === "end-block") {
      flush();
      continue;
    }
    if (!isElement(node)) {
      if (node.nodeName === "#text") current += node.value;
      continue;
    }
    if (isChrome(node)) continue;
    if (node.tagName === "br") {
      flush();
      continue;
    }
    if (node.tagName === "table" && !isLayoutTable(node, facts)) {
      flush();
      for (const child of childrenOf(node))
        if (isElement(child) && child.tagName === "caption")
          for (const line of textLines(child, true)) items.push({ line });
      const count = items.filter((i) => "grid" in i).length;
      items.push({ grid: tableGrid(file, node, htmlTableName(count + 1), budget) });
      continue;
    }
    if (BLOCK_TAGS.has(node.tagName)) {
      flush();
      stack.push("end-block");
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  flush();
  return items.filter((i) => !("line" in i) || !CHROME_LINES.some((p) => p.test(i.line)));
}

/** Finds an element by tag name, iteratively, in document order. */
function findAll(root: Node, test: (e: Element) => boolean): Element[] {
  const found: Element[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isElement(node)) {
      if (test(node)) found.push(node);
      if (node.tagName === "script" || node.tagName === "style") continue;
    }
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]!);
  }
  return found;
}

/** Words of a report title. */
const TITLE_WORDS = /(?:政府信息公开|政务公开|信息公开).{0,8}(?:年度报告|年报)/u;

/** The report's title: a heading (or an element named "title") that reads like one, else <title>. */
function findTitle(document: Node): string | undefined {
  const headings = findAll(
    document,
    (e) =>
      /^h[1-6]$/u.test(e.tagName) ||
      (e.tagName !== "title" &&
        /(?:^|[\s_-])(?:title|bt|tit)(?:$|[\s_-])/iu.test(attribute(e, "class") ?? "")),
  );
  for (const heading of headings) {
    const text = textLines(heading, true).join("");
    if (TITLE_WORDS.test(text) && text.length <= 120) return text;
  }
  const title = findAll(document, (e) => e.tagName === "title")[0];
  if (title === undefined) return undefined;
  const text = collapse(textLines(title, true).join(" "));
  return TITLE_WORDS.test(text) ? text : undefined;
}

/** Reads a web page's bytes; `file` names it in errors. */
export function readHtml(file: string, bytes: Uint8Array): HtmlContent {
  if (bytes.length > MAX_HTML_BYTES)
    throw new HtmlTooLargeError(file, bytes.length, MAX_HTML_BYTES);
  const page = decodeHtml(bytes);
  let tags = 0;
  for (let i = page.text.indexOf("<"); i !== -1; i = page.text.indexOf("<", i + 1)) {
    tags += 1;
    if (tags > MAX_HTML_TAGS) throw new HtmlTooLargeError(file, tags, MAX_HTML_TAGS);
  }
  const document = parse(page.text);
  const html = document.childNodes.find((n): n is Element => isElement(n) && n.tagName === "html");
  const root =
    html === undefined
      ? undefined
      : childrenOf(html).find((n): n is Element => isElement(n) && n.tagName === "body");
  const title = findTitle(document);
  if (root === undefined)
    return {
      grids: [],
      narrative: "",
      documentText: title ?? "",
      encoding: page.encoding,
      ...(title === undefined ? {} : { title }),
    };
  const facts = measure(root);
  const body = findBody(root, facts);
  const items = readBody(body, facts, file);
  const grids: Grid[] = [];
  const narrative: string[] = [];
  const documentText: string[] = [];
  const firstLine = items.find((i): i is { line: string } => "line" in i)?.line;
  if (title !== undefined && firstLine !== title) documentText.push(title);
  for (const item of items) {
    if ("line" in item) {
      narrative.push(item.line);
      documentText.push(item.line);
    } else {
      grids.push(item.grid);
      for (const row of item.grid.values)
        for (const value of row)
          if (typeof value === "string") documentText.push(value.replace(/\n/gu, ""));
    }
  }
  return {
    grids,
    narrative: narrative.join("\n"),
    documentText: documentText.join("\n"),
    ...(title === undefined ? {} : { title }),
    encoding: page.encoding,
  };
}
