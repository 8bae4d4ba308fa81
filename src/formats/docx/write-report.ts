/**
 * The report plan (src/core/report/plan.ts) as a Word document, written with the `docx` package:
 * A4 portrait in the layout of GB/T 9704 — title 2号 方正小标宋简体, body 3号 仿宋_GB2312 at a fixed
 * 28-point line, 一级标题 黑体, 二级标题 楷体_GB2312, page numbers "— 1 —" in the footer — and the
 * three official tables with their merges, borders and widths fitted to the type area. No Node
 * API and no DOM: the command line and the offline page run this same code.
 *
 * What it cannot do: the `docx` package writes a font-table entry only for a font it embeds, so a
 * substitute cannot be named as `w:altName`. Each run therefore names the GB font for East Asian
 * text (`w:eastAsia`) and the font Windows and WPS ship under the common name (宋体, 仿宋, 黑体, 楷体)
 * for Latin text and digits (`w:ascii`, `w:hAnsi`), with the East Asian hint; a machine without
 * the GB fonts substitutes as Word does for any missing font, and the title stays bold, which is
 * the customary 宋体-bold fallback for 小标宋.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type IFontAttributesProperties,
  type IRunOptions,
} from "docx";
import {
  planReport,
  VERIFY_MARK,
  type ReportBlock,
  type ReportCell,
  type ReportInput,
  type ReportPlan,
  type TextMark,
} from "../../core/report/plan";
import type { TableId } from "../../core/model/tables";

/** A font as a run names it: the GB font for Chinese text, the common face for Latin and digits. */
interface FontPair {
  readonly eastAsia: string;
  readonly latin: string;
}

/** The fonts GB/T 9704 asks for, each with the common font of the same face. */
export const REPORT_FONTS = {
  title: { eastAsia: "方正小标宋简体", latin: "宋体" },
  body: { eastAsia: "仿宋_GB2312", latin: "仿宋" },
  heading1: { eastAsia: "黑体", latin: "黑体" },
  heading2: { eastAsia: "楷体_GB2312", latin: "楷体" },
} as const satisfies Record<string, FontPair>;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 小四 12 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE = { title: 44, body: 32, small4: 24, five: 21, small5: 18 } as const;

/** The table font size: table 四's 15 columns need 小五 to stay legible inside A4 portrait. */
const TABLE_SIZE: Readonly<Record<TableId, number>> = {
  T2: SIZE.small4,
  T3: SIZE.five,
  T4: SIZE.small5,
};

/** 1 mm in twentieths of a point. */
const MM = 56.7;

/** A4 and the GB/T 9704 margins (天头 37 mm, 订口 28 mm): a type area 156 mm wide. */
export const PAGE = {
  width: Math.round(210 * MM),
  height: Math.round(297 * MM),
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
} as const;

/** The width tables are fitted to, in twips. */
export const TYPE_AREA_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** The fixed line of the body: 28 points. */
const BODY_LINE = 28 * 20;

/** Two characters of 3号 text: the first-line indent of body paragraphs and headings. */
const INDENT = 2 * 16 * 20;

/** Cell padding left and right, in twips (about 0.7 mm), so table 四's narrow columns hold text. */
const CELL_PADDING = 40;

function font(pair: FontPair): IFontAttributesProperties {
  return {
    ascii: pair.latin,
    hAnsi: pair.latin,
    eastAsia: pair.eastAsia,
    cs: pair.latin,
    hint: "eastAsia",
  };
}

/** A run style for each kind of mark: prompts highlighted to fill in, doubtful figures in red. */
const MARK_STYLE: Readonly<Record<TextMark["kind"], Partial<IRunOptions>>> = {
  fill: { highlight: "yellow" },
  verify: { color: "C00000", bold: true },
};

/** A paragraph's text as runs, the marks apart so a reader sees them. */
function runs(text: string, marks: readonly TextMark[], base: IRunOptions): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const mark of marks) {
    if (mark.start > at) out.push(new TextRun({ ...base, text: text.slice(at, mark.start) }));
    out.push(
      new TextRun({ ...base, ...MARK_STYLE[mark.kind], text: text.slice(mark.start, mark.end) }),
    );
    at = mark.end;
  }
  if (at < text.length) out.push(new TextRun({ ...base, text: text.slice(at) }));
  return out;
}

const BODY_SPACING = { line: BODY_LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

function titleParagraph(lines: readonly string[]): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    // The title's 22-point type needs more than the body's 28-point line.
    spacing: { line: 36 * 20, lineRule: LineRuleType.EXACT, before: 0, after: BODY_LINE },
    children: lines.map(
      (line, i) =>
        new TextRun({
          text: line,
          font: font(REPORT_FONTS.title),
          size: SIZE.title,
          bold: true,
          ...(i > 0 ? { break: 1 } : {}),
        }),
    ),
  });
}

/**
 * Table 三 is taller than what is left of most pages: it starts on a new page with its heading, so
 * a reader sees it whole (it fits one A4 page at 五号).
 */
const NEW_PAGE_TABLES: ReadonlySet<TableId> = new Set(["T3"]);

function blockParagraphs(
  block: Exclude<ReportBlock, { kind: "table" }>,
  newPage = false,
): Paragraph {
  switch (block.kind) {
    case "heading": {
      const pair = block.level === 1 ? REPORT_FONTS.heading1 : REPORT_FONTS.heading2;
      return new Paragraph({
        spacing: BODY_SPACING,
        indent: { firstLine: INDENT },
        keepNext: true,
        ...(newPage ? { pageBreakBefore: true } : {}),
        children: [new TextRun({ text: block.text, font: font(pair), size: SIZE.body })],
      });
    }
    case "paragraph":
      return new Paragraph({
        spacing: BODY_SPACING,
        indent: { firstLine: INDENT },
        alignment: AlignmentType.JUSTIFIED,
        children: runs(block.text, block.marks, { font: font(REPORT_FONTS.body), size: SIZE.body }),
      });
    case "note":
      return new Paragraph({
        spacing: BODY_SPACING,
        indent: { firstLine: INDENT },
        children: [
          new TextRun({
            text: block.text,
            font: font(REPORT_FONTS.body),
            size: SIZE.body,
            color: "C00000",
          }),
        ],
      });
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function tableCell(cell: ReportCell, width: number, size: number): TableCell {
  const base: IRunOptions = { font: font(REPORT_FONTS.body), size };
  const lines: TextRun[] = cell.text
    .split("\n")
    .map((line, i) => new TextRun({ ...base, text: line, ...(i > 0 ? { break: 1 } : {}) }));
  if (cell.doubtful === true)
    lines.push(new TextRun({ ...base, ...MARK_STYLE.verify, text: VERIFY_MARK, break: 1 }));
  const alignment = cell.role === "label" ? AlignmentType.LEFT : AlignmentType.CENTER;
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    columnSpan: cell.colSpan,
    rowSpan: cell.rowSpan,
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: CELL_PADDING, right: CELL_PADDING, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment,
        // Each table fits one page: kept together, it moves to the next page with its heading.
        keepNext: true,
        keepLines: true,
        // A fixed line 1.2 times the type size: the row heights do not depend on the font that
        // stands in for a missing GB font, so table 三 fits its page wherever it is opened.
        spacing: { line: size * 12, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: lines,
      }),
    ],
  });
}

/** Column widths in twips: the layout's widths in characters scaled to the type area. */
export function fittedColumnWidths(widths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const scaled = widths.map((w) => Math.floor((w * TYPE_AREA_WIDTH) / total));
  scaled[scaled.length - 1]! += TYPE_AREA_WIDTH - scaled.reduce((a, b) => a + b, 0);
  return scaled;
}

function table(block: Extract<ReportBlock, { kind: "table" }>): Table {
  const widths = fittedColumnWidths(block.columnWidths);
  const size = TABLE_SIZE[block.table];
  // Which grid columns each row's anchored cells start at, accounting for cells merged from above.
  const covered: number[][] = Array.from({ length: block.rows.length }, () => []);
  const headerRows = block.rows.findIndex((cells) => cells.some((c) => c.header !== true));
  const rows = block.rows.map((cells, r) => {
    let column = 0;
    const children = cells.map((cell) => {
      while (covered[r]!.includes(column)) column += 1;
      const width = widths.slice(column, column + cell.colSpan).reduce((a, b) => a + b, 0);
      for (let down = 1; down < cell.rowSpan; down += 1)
        for (let c = column; c < column + cell.colSpan; c += 1) covered[r + down]?.push(c);
      column += cell.colSpan;
      return tableCell(cell, width, size);
    });
    // The header rows repeat on the next page should the table still run over one.
    const header = r < headerRows;
    return new TableRow({ children, cantSplit: true, tableHeader: header });
  });
  return new Table({
    rows,
    width: { size: TYPE_AREA_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
  });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: font(REPORT_FONTS.body),
            size: 28,
            children: ["— ", PageNumber.CURRENT, " —"],
          }),
        ],
      }),
    ],
  });
}

/** The report plan as a docx Document (for callers that pack it themselves). */
export function reportDocument(plan: ReportPlan): Document {
  const children: (Paragraph | Table)[] = [titleParagraph(plan.titleLines)];
  plan.blocks.forEach((block, i) => {
    const next = plan.blocks[i + 1];
    if (block.kind === "table") {
      children.push(table(block));
      // Word joins two tables with nothing between them; an empty line keeps them apart.
      children.push(new Paragraph({ spacing: BODY_SPACING, children: [] }));
    } else {
      const newPage = next?.kind === "table" && NEW_PAGE_TABLES.has(next.table);
      children.push(blockParagraphs(block, newPage));
    }
  });
  return new Document({
    title: plan.title,
    creator: "政务公开年报助手",
    styles: {
      default: {
        document: { run: { font: font(REPORT_FONTS.body), size: SIZE.body } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              footer: Math.round(20 * MM),
            },
          },
        },
        footers: { default: footer() },
        children,
      },
    ],
  });
}

function isPlan(value: ReportPlan | ReportInput): value is ReportPlan {
  return "blocks" in value;
}

/** The report as .docx bytes, from its plan or straight from its input. */
export async function reportDocx(source: ReportPlan | ReportInput): Promise<Uint8Array> {
  const plan = isPlan(source) ? source : planReport(source);
  return new Uint8Array(await Packer.toArrayBuffer(reportDocument(plan)));
}
