/**
 * Property tests of the web-page reader on random structures with hostile sizes (colspan and
 * rowspan far past the standard's clamps, tables nested in cells, unclosed and stray tags, deep
 * nesting, odd charsets): it reads the page or refuses it with an UnreadableFileError, never throws
 * anything else, and its time grows linearly with the page.
 */
import fc from "fast-check";
import { readHtml } from "../../src/formats/html/read-html";
import { UnreadableFileError } from "../../src/xlsx/errors";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

const hostileSpan = fc.oneof(
  fc.integer({ min: -3, max: 70 }),
  fc.constantFrom("0", "1e9", "5e7", "-1", "65535", "1000000000", "abc", "", " 2 ", "２"),
);

const textArb = fc.oneof(
  fc.constantFrom(
    "总计",
    "政府信息公开",
    "１２３",
    "0",
    "/",
    "",
    "9999999999999999",
    "&nbsp;",
    "&#0;",
  ),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/[<&]/gu, "")),
);

/** A cell, sometimes holding a table of its own (one level: nesting is drawn separately). */
const cellArb = fc
  .record({
    tag: fc.constantFrom("td", "th"),
    colspan: fc.option(hostileSpan),
    rowspan: fc.option(hostileSpan),
    text: textArb,
    inner: fc.oneof(
      { weight: 5, arbitrary: fc.constant("") },
      fc.constant("<table><tr><td>1</td><td>2</td></tr></table>"),
      fc.constant("<p>一</p><p>二</p>"),
      fc.constant("<br>"),
    ),
    closed: fc.boolean(),
  })
  .map(
    ({ tag, colspan, rowspan, text, inner, closed }) =>
      `<${tag}${colspan === null ? "" : ` colspan="${colspan}"`}${rowspan === null ? "" : ` rowspan="${rowspan}"`}>${text}${inner}${closed ? `</${tag}>` : ""}`,
  );

const tableArb = fc
  .record({
    rows: fc.array(fc.array(cellArb, { maxLength: 8 }), { maxLength: 12 }),
    groups: fc.constantFrom("", "thead", "tbody", "tfoot"),
    closed: fc.boolean(),
  })
  .map(({ rows, groups, closed }) => {
    const body = rows.map((r) => `<tr>${r.join("")}</tr>`).join("");
    const grouped = groups === "" ? body : `<${groups}>${body}</${groups}>`;
    return `<table>${grouped}${closed ? "</table>" : ""}`;
  });

const pageArb = fc.record({
  charset: fc.constantFrom(
    "",
    '<meta charset="utf-8">',
    '<meta charset="gbk">',
    '<meta charset="x-nonsense">',
  ),
  title: fc.constantFrom(
    "",
    "<title>某县2024年政府信息公开工作年度报告</title>",
    "<title></title>",
  ),
  tables: fc.array(tableArb, { maxLength: 4 }),
  paragraphs: fc.array(textArb, { maxLength: 6 }),
  depth: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3000 })),
  nestedTables: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 300 })),
  stray: fc.constantFrom(
    "",
    "</td></tr></table>",
    "<tr><td>",
    "</body></html>",
    "<!--",
    "<![CDATA[",
  ),
  bom: fc.boolean(),
});

type PageParts = typeof pageArb extends fc.Arbitrary<infer T> ? T : never;

/** The page's HTML from its drawn parts. */
function pageOf(p: PageParts): string {
  const paragraphs = p.paragraphs.map((t) => `<p>${t}</p>`).join("");
  const nested = "<table><tr><td>".repeat(p.nestedTables);
  const open = "<div>".repeat(p.depth);
  const close = "</div>".repeat(p.depth);
  return `${p.bom ? "\ufeff" : ""}<!DOCTYPE html><html><head>${p.charset}${p.title}</head><body><p>政府信息公开工作年度报告</p>${open}${paragraphs}${p.tables.join("")}${nested}${p.stray}${close}</body></html>`;
}

function settles(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
  }
}

test("random web pages are read or refused as unreadable, never thrown past the reader", () => {
  fc.assert(
    fc.property(pageArb, (parts) => {
      const bytes = utf8(pageOf(parts));
      const start = process.cpuUsage();
      settles(() => readHtml("t.html", bytes));
      const used = process.cpuUsage(start);
      // Linear in the page: generously 1 ms per KB plus 300 ms.
      expect((used.user + used.system) / 1000).toBeLessThan(300 + bytes.length / 1024);
    }),
    { numRuns: 80 },
  );
});

/** CPU milliseconds to read a page of one table of `rows` rows of 10 cells, some spanning. */
function readCpuMs(rows: number): number {
  const cells = (r: number): string =>
    Array.from({ length: 10 }, (_v, c) =>
      c === 0 && r % 5 === 0 ? `<td rowspan="3">${r}</td>` : `<td>${r + c}</td>`,
    ).join("");
  const page = `<html><body><p>政府信息公开工作年度报告</p><table>${Array.from({ length: rows }, (_v, r) => `<tr>${cells(r)}</tr>`).join("")}</table></body></html>`;
  const bytes = utf8(page);
  settles(() => readHtml("t.html", bytes));
  const start = process.cpuUsage();
  settles(() => readHtml("t.html", bytes));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

test("reading a page grows linearly: four times the rows take less than eight times as long", () => {
  const small = readCpuMs(1_000);
  const large = readCpuMs(4_000);
  expect(large / small).toBeLessThan(8);
});
