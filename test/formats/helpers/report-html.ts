/**
 * A whole report as a Word-style HTML document we control: the title, the six section headings,
 * a paragraph under each, and tables 二/三/四 in their official layout (rowspan/colspan from
 * src/core/model/layout.ts) filled with given figures, ruled as Word rules them. LibreOffice
 * Writer turns it into the .pdf and .docx the round-trip tests read back.
 */
import type { LocatedTable, RawCell } from "../../../src/core/model/figures";
import { officialLayout } from "../../../src/core/model/layout";
import { cellId, type TableId } from "../../../src/core/model/tables";

const HEADINGS: readonly string[] = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
];

/** The five sub-topics of 一、总体情况 (spec §6), each with a sentence that states no figure. */
const SUBTOPICS: readonly string[] = [
  "（一）主动公开情况",
  "（二）依申请公开情况",
  "（三）政府信息管理情况",
  "（四）政府信息公开平台建设情况",
  "（五）监督保障情况",
];

function escape(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/>/gu, "&gt;");
}

function tableHtml(table: TableId, values: ReadonlyMap<string, RawCell>): string {
  const layout = officialLayout(table);
  const rows: string[] = [];
  for (let r = 0; r < layout.rows; r++) {
    const cells = layout.cells
      .filter((c) => c.row === r)
      .sort((a, b) => a.column - b.column)
      .map((c) => {
        const value = c.cell === undefined ? (c.text ?? "") : (values.get(cellId(c.cell)) ?? "");
        const span =
          (c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "") +
          (c.columnSpan > 1 ? ` colspan="${c.columnSpan}"` : "");
        return `<td${span}>${escape(value === null ? "" : String(value))}</td>`;
      });
    rows.push(`<tr>${cells.join("")}</tr>`);
  }
  return `<table border="1" cellspacing="0" cellpadding="3" style="border-collapse:collapse;font-size:9pt">${rows.join("\n")}</table>`;
}

/**
 * The report as HTML. `paragraphs` go under 一 (each a paragraph); `repeat` repeats them to make a
 * long report (the benchmark's 20 pages).
 */
export function reportHtml(
  title: readonly string[],
  tables: readonly LocatedTable[],
  paragraphs: readonly string[],
  repeat = 1,
): string {
  const values = new Map<string, RawCell>();
  for (const t of tables) for (const [id, c] of t.cells) values.set(id, c.raw);
  const body: string[] = title.map((t) => `<h1 style="text-align:center">${escape(t)}</h1>`);
  HEADINGS.forEach((heading, i) => {
    body.push(`<h2>${escape(heading)}</h2>`);
    if (i === 0) {
      for (let k = 0; k < repeat; k++)
        for (const p of paragraphs) body.push(`<p style="text-indent:2em">${escape(p)}</p>`);
      for (const topic of SUBTOPICS) {
        body.push(`<h3>${escape(topic)}</h3>`);
        body.push(`<p style="text-indent:2em">本机关按照规定做好这方面的工作。</p>`);
      }
    }
    if (i === 1) body.push(tableHtml("T2", values));
    if (i === 2) body.push(tableHtml("T3", values));
    if (i === 3) body.push(tableHtml("T4", values));
  });
  return `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${escape(title.join(""))}</title></head>\n<body>\n${body.join("\n")}\n</body></html>\n`;
}
