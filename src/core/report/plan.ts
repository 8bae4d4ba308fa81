/**
 * The whole annual report as a host-neutral plan: the title, the customary preamble, the six
 * sections with their official headings, the paragraphs the figures write, 【待填：…】 prompts for
 * what the figures cannot say, and the three official tables as cell grids with their merges. The
 * .docx writer and the pane's sheet writer both carry out this plan, so every host writes the
 * same report.
 *
 * Choices a caller should know:
 * - The report's text is zh-CN whatever `locale` is: it is the published document, and the rules
 *   that check it read Chinese. `locale` only chooses the language of the note blocks addressed to
 *   the user (the draft warning), which the user deletes before publishing.
 * - 总体情况（一）（二） are the narrative generator's paragraphs (src/core/narrative/generate.ts),
 *   the same facts the pane's narrative states; nothing here words a figure of its own.
 * - A figure is doubtful when an error or warning finding of `check` names its cell; info
 *   findings do not make a figure doubtful. A doubtful table cell keeps its value and is flagged
 *   (writers show VERIFY_MARK beside it); a doubtful figure in a paragraph gets VERIFY_MARK right
 *   after the figure, placed by reading the paragraph back with the claim reader.
 * - 六（一）信息处理费: the tables hold no 信息处理费 amount (table 二's 收费 is 行政事业性收费), so
 *   the amount is a 【待填】 prompt; the sentence on 三(六)2 (applications no longer processed
 *   because the fee was not paid) is written from the figure.
 * - 六（五）: the user's explanations (`statisticsNotes`), one paragraph each; without them 「无。」
 *   when the check found nothing to explain, else a 【待填】 prompt asking for the explanation,
 *   since writing 无 under a report with open findings would state something nobody said.
 */
import type { CheckResult } from "../check";
import type { Locale } from "../locales/locale";
import { figureSet, type FigureSet } from "../model/figure-set";
import { shownValue, type LocatedTable } from "../model/figures";
import { officialLayout, type LayoutRole } from "../model/layout";
import { cellId, tableDef, type CellKey, type TableId } from "../model/tables";
import { readNarrative } from "../narrative/claims";
import { generateNarrative, type NarrativeParagraph } from "../narrative/generate";
import { quantityCells } from "../narrative/quantities";

/** The mark placed after a figure that a failed rule makes doubtful. */
export const VERIFY_MARK = "【请核对】";

/** The format document the report follows, named in the preamble. */
export const FORMAT_DOCUMENT = "国办公开办函〔2021〕30号";

/** What a report is written from. Only `tables` and `locale` are required. */
export interface ReportInput {
  /** The report's located tables (as read from any file, or built from a workbook). */
  readonly tables: readonly LocatedTable[];
  /** The agency's full name (曲阜市时庄街道办事处); a 【待填】 prompt without it. */
  readonly agency?: string;
  /** The report (data) year; a 【待填】 prompt without it. */
  readonly year?: number;
  /** How the agency refers to itself in 总体情况 (我街道, 我局); see NarrativeSettings. */
  readonly self?: string;
  /** The check of these tables; its error and warning findings decide which figures get marks. */
  readonly check?: CheckResult;
  /** The user's explanations of findings, written under 六（五）, one paragraph each. */
  readonly statisticsNotes?: readonly string[];
  readonly locale: Locale;
}

/** A span of a paragraph's text that a writer shows apart: a prompt to fill or a mark to verify. */
export interface TextMark {
  readonly start: number;
  readonly end: number;
  readonly kind: "fill" | "verify";
}

/** One cell of a planned table, anchored at the top-left of its merge; covered cells are absent. */
export interface ReportCell {
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** What the cell is in the official layout: header texts, the 勾稽 note, row labels or a figure. */
  readonly role: "header" | "note" | "label" | "value";
  /** True for header and note cells (shown bold and centred). */
  readonly header?: true;
  /** The data cell shown here, for value cells. */
  readonly cell?: CellKey;
  /** A failed rule names this cell: writers show VERIFY_MARK with the value. */
  readonly doubtful?: true;
}

/** A heading, a paragraph, a table, or a note to the user (not part of the published text). */
export type ReportBlock =
  | { readonly kind: "heading"; readonly level: 1 | 2; readonly text: string }
  | { readonly kind: "paragraph"; readonly text: string; readonly marks: readonly TextMark[] }
  | {
      readonly kind: "table";
      readonly table: TableId;
      /** Each row's cells left to right; a row holds only the cells anchored in it. */
      readonly rows: readonly (readonly ReportCell[])[];
      /** Relative column widths (in characters of the official layout), one per grid column. */
      readonly columnWidths: readonly number[];
      readonly columns: number;
    }
  | { readonly kind: "note"; readonly text: string };

/** The report: its title line and its blocks in document order. */
export interface ReportPlan {
  readonly title: string;
  /** The title as printed: one line, or the agency and the rest when one line cannot hold it. */
  readonly titleLines: readonly string[];
  readonly blocks: readonly ReportBlock[];
}

/** The characters of 2号 type a line of the A4 type area holds (156 mm at 22 pt). */
const TITLE_LINE_LENGTH = 20;

/** A 【待填：…】 prompt saying what the format expects in a place the figures cannot fill. */
function fill(what: string): string {
  return `【待填：${what}】`;
}

const PROMPTS = {
  agency: "机关全称",
  year: "年份",
  overview: "本机关贯彻落实《中华人民共和国政府信息公开条例》的总体情况综述",
  activeMissing: "主动公开情况（本报告未含表二，无法由数据生成）",
  applicationsMissing: "依申请公开情况（本报告未含表三，无法由数据生成）",
  management:
    "政府信息管理情况，如政府信息公开审查和保密审查、行政规范性文件的制发、清理和公布，政府信息公开指南和目录的更新",
  platform:
    "政府信息公开平台建设情况，如政府网站信息公开专栏、政务新媒体、政务服务场所查阅点的建设和维护",
  supervision:
    "监督保障情况，如组织领导、制度建设、教育培训、考核评议和社会评议；各级人民政府还应写明工作考核、社会评议和责任追究结果情况",
  problems: "本年度政府信息公开工作存在的主要问题及改进措施，以及上一年度报告所列问题的整改情况",
  website: "发布本报告电子版的网站名称及网址",
  contact: "联系部门",
  address: "地址",
  postcode: "邮编",
  phone: "电话",
  feeAmount: "本年度收取的信息处理费金额；未收取的写“未收取信息处理费”",
  keyPoints: "落实本年度政务公开工作要点的情况",
  proposals: "人大代表建议和政协提案办理结果公开情况",
  innovation: "本年度政务公开工作的创新做法",
  statistics: "对检查发现、未予更正的数据问题逐项作出说明；已更正的，删除本提示",
  otherMatters: "需要报告的其他事项；没有的写“无”",
  otherDocuments: "其他有关文件专门要求通过政府信息公开工作年度报告予以报告的事项；没有的写“无”",
} as const;

/** The sub-items of 六 (spec §6), in order. */
const SECTION_SIX_ITEMS = [
  "（一）依据《政府信息公开信息处理费管理办法》收取信息处理费情况",
  "（二）落实年度政务公开工作要点情况",
  "（三）人大代表建议和政协提案办理结果公开情况",
  "（四）本年度政务公开工作创新情况",
  "（五）本年度信息公开工作年度报告数据统计需要说明的事项",
  "（六）需要报告的其他事项",
  "（七）其他有关文件专门要求通过政府信息公开工作年度报告予以报告的事项",
] as const;

const SECTION_HEADINGS = [
  "一、总体情况",
  tableDef("T2").title,
  tableDef("T3").title,
  tableDef("T4").title,
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
] as const;

const OVERVIEW_TOPICS = [
  "（一）主动公开情况",
  "（二）依申请公开情况",
  "（三）政府信息管理情况",
  "（四）政府信息公开平台建设情况",
  "（五）监督保障情况",
] as const;

const DRAFT_NOTE: Record<Locale, (problems: number) => string> = {
  "zh-CN": (n) =>
    `本稿由检查发现问题的表格生成（${n}个问题）：标有${VERIFY_MARK}的数字可能有误，请核对并更正后删除标记；发布前请删除本说明。`,
  "en-US": (n) =>
    `This draft was written from tables in which the check found problems (${n} problem${n === 1 ? "" : "s"}): figures marked ${VERIFY_MARK} may be wrong; verify them, remove the marks and delete this note before publishing.`,
};

/** The spans of every prompt and mark in a text, in order. */
export function findMarks(text: string): TextMark[] {
  const marks: TextMark[] = [];
  for (const m of text.matchAll(/【(待填|请核对)[^】]*】/gu)) {
    marks.push({
      start: m.index,
      end: m.index + m[0].length,
      kind: m[1] === "待填" ? "fill" : "verify",
    });
  }
  return marks;
}

function paragraph(text: string): ReportBlock {
  return { kind: "paragraph", text, marks: findMarks(text) };
}

/** The cell ids an error or warning finding names. */
function doubtfulCells(check: CheckResult | undefined): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const f of check?.findings ?? []) {
    if (f.severity === "info") continue;
    for (const c of f.cells) ids.add(cellId(c));
  }
  return ids;
}

/**
 * A generated paragraph with VERIFY_MARK after each figure whose cells a failed rule names. The
 * figures are found by the claim reader, the same reader N1–N4 use, so a mark sits where a
 * reader of the paragraph sees the figure.
 */
function markDoubtful(text: string, figures: FigureSet, doubtful: ReadonlySet<string>): string {
  if (doubtful.size === 0) return text;
  const ends = new Set<number>();
  for (const claim of readNarrative(text).claims) {
    const cells = quantityCells(claim.quantity, figures);
    if (cells?.some((c) => doubtful.has(cellId(c))) === true) ends.add(claim.span.end);
  }
  let marked = "";
  let from = 0;
  for (const end of [...ends].sort((a, b) => a - b)) {
    marked += text.slice(from, end) + VERIFY_MARK;
    from = end;
  }
  return marked + text.slice(from);
}

/** A data cell's text as the table shows it: the number, or what was typed when it is not one. */
function cellText(figures: FigureSet, key: CellKey): string {
  const figure = figures.get(key);
  if (figure === undefined) return "";
  const value = shownValue(figure.reading);
  if (value !== undefined) return String(value);
  return figure.raw === null ? "" : String(figure.raw).trim();
}

/**
 * Column widths for a printed page where the sheet's widths do not suit it: table 三's labels get
 * the room its narrow figure columns do not need, so its rows stay on one line and the table fits
 * one A4 page.
 */
const DOCUMENT_WIDTHS: Partial<Record<TableId, readonly number[]>> = {
  T3: [8, 10, 40, 8, 8, 8, 8, 8, 8, 8],
};

const ROLE_OF: Readonly<Record<Exclude<LayoutRole, "title">, ReportCell["role"]>> = {
  header: "header",
  note: "note",
  label: "label",
  input: "value",
  total: "value",
};

/** One official table as a cell grid, its title row left out (the section heading says it). */
function planTable(table: TableId, figures: FigureSet, doubtful: ReadonlySet<string>): ReportBlock {
  const layout = officialLayout(table, "2021");
  const body = layout.cells.filter((c) => c.role !== "title");
  const first = Math.min(...body.map((c) => c.row));
  const rows: ReportCell[][] = Array.from({ length: layout.rows - first }, () => []);
  for (const c of [...body].sort((a, b) => a.row - b.row || a.column - b.column)) {
    if (c.role === "title") continue;
    const role = ROLE_OF[c.role];
    const text = c.cell === undefined ? (c.text ?? "") : cellText(figures, c.cell);
    rows[c.row - first]!.push({
      text,
      rowSpan: c.rowSpan,
      colSpan: c.columnSpan,
      role,
      ...(role === "header" || role === "note" ? { header: true as const } : {}),
      ...(c.cell === undefined ? {} : { cell: c.cell }),
      ...(c.cell !== undefined && doubtful.has(cellId(c.cell)) ? { doubtful: true as const } : {}),
    });
  }
  return {
    kind: "table",
    table,
    rows,
    columnWidths: DOCUMENT_WIDTHS[table] ?? layout.columnWidths,
    columns: layout.columns,
  };
}

/** 六（一）: the fee amount is asked for; 三(六)2 is stated from the table when it is known. */
function feeParagraph(subject: string, figures: FigureSet, doubtful: ReadonlySet<string>): string {
  const key: CellKey = { table: "T3", row: "三(六)2", column: "总计" };
  const opening = `依据《政府信息公开信息处理费管理办法》，${subject}本年度${fill(PROMPTS.feeAmount)}。`;
  const cell = figures.get(key);
  const value = cell?.reading.kind === "number" ? cell.reading.value : undefined;
  if (value === undefined) return opening;
  const mark = doubtful.has(cellId(key)) ? VERIFY_MARK : "";
  return value === 0
    ? `${opening}本年度无因申请人逾期未按收费通知要求缴纳费用而不再处理的政府信息公开申请${mark}。`
    : `${opening}因申请人逾期未按收费通知要求缴纳费用、不再处理的政府信息公开申请${value}件${mark}。`;
}

function statisticsParagraphs(input: ReportInput): string[] {
  const notes = (input.statisticsNotes ?? []).map((n) => n.trim()).filter((n) => n !== "");
  if (notes.length > 0) return notes;
  const open = (input.check?.findings ?? []).some((f) => f.severity !== "info");
  return [open ? fill(PROMPTS.statistics) : "无。"];
}

/** Plans the whole report from its tables, the check and what the tables cannot say. */
export function planReport(input: ReportInput): ReportPlan {
  const figures = figureSet(input.tables);
  const doubtful = doubtfulCells(input.check);
  const agency = input.agency?.trim() || undefined;
  const agencyText = agency ?? fill(PROMPTS.agency);
  const yearText = input.year === undefined ? fill(PROMPTS.year) : String(input.year);
  const rest = `${yearText}年政府信息公开工作年度报告`;
  const title = `${agencyText}${rest}`;
  const titleLines = title.length > TITLE_LINE_LENGTH ? [agencyText, rest] : [title];
  const subject = input.self?.trim() || agency || "本机关";

  const narrative = generateNarrative(
    figures,
    {
      ...(input.year === undefined ? {} : { year: input.year }),
      ...(agency === undefined ? {} : { agency }),
      ...(input.self === undefined ? {} : { self: input.self }),
    },
    "zh-CN",
  );
  const written = (id: NarrativeParagraph["id"]): string | undefined => {
    const p = narrative.find((x) => x.id === id);
    return p === undefined ? undefined : markDoubtful(p.text, figures, doubtful);
  };

  const blocks: ReportBlock[] = [];
  // The note stands wherever a mark may: one problem counts once, however many cells it names.
  const openProblems =
    input.check?.problems.filter((p) => p.findings.some((f) => f.severity !== "info")).length ?? 0;
  if (openProblems > 0) blocks.push({ kind: "note", text: DRAFT_NOTE[input.locale](openProblems) });

  blocks.push(
    paragraph(
      `本报告由${agencyText}按照《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${FORMAT_DOCUMENT}）要求编制。`,
    ),
    paragraph(
      "本报告内容包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项等六部分内容。",
    ),
    paragraph(
      `本报告所列数据的统计期限自${yearText}年1月1日起至${yearText}年12月31日止。` +
        `本报告电子版可在${fill(PROMPTS.website)}查阅或下载。` +
        `如对本报告有疑问，请与${fill(PROMPTS.contact)}联系（地址：${fill(PROMPTS.address)}；` +
        `邮编：${fill(PROMPTS.postcode)}；电话：${fill(PROMPTS.phone)}）。`,
    ),
  );

  blocks.push({ kind: "heading", level: 1, text: SECTION_HEADINGS[0] });
  blocks.push(paragraph(fill(PROMPTS.overview)));
  blocks.push({ kind: "heading", level: 2, text: OVERVIEW_TOPICS[0] });
  blocks.push(paragraph(written("active-disclosure") ?? fill(PROMPTS.activeMissing)));
  blocks.push({ kind: "heading", level: 2, text: OVERVIEW_TOPICS[1] });
  blocks.push(paragraph(written("applications") ?? fill(PROMPTS.applicationsMissing)));
  const review = written("review-litigation");
  if (review !== undefined) blocks.push(paragraph(review));
  blocks.push({ kind: "heading", level: 2, text: OVERVIEW_TOPICS[2] });
  blocks.push(paragraph(fill(PROMPTS.management)));
  blocks.push({ kind: "heading", level: 2, text: OVERVIEW_TOPICS[3] });
  blocks.push(paragraph(fill(PROMPTS.platform)));
  blocks.push({ kind: "heading", level: 2, text: OVERVIEW_TOPICS[4] });
  blocks.push(paragraph(fill(PROMPTS.supervision)));

  (["T2", "T3", "T4"] as const).forEach((table, i) => {
    blocks.push({ kind: "heading", level: 1, text: SECTION_HEADINGS[i + 1]! });
    blocks.push(planTable(table, figures, doubtful));
  });

  blocks.push({ kind: "heading", level: 1, text: SECTION_HEADINGS[4] });
  blocks.push(paragraph(fill(PROMPTS.problems)));

  blocks.push({ kind: "heading", level: 1, text: SECTION_HEADINGS[5] });
  const sixth: readonly (readonly string[])[] = [
    [feeParagraph(subject, figures, doubtful)],
    [fill(PROMPTS.keyPoints)],
    [fill(PROMPTS.proposals)],
    [fill(PROMPTS.innovation)],
    statisticsParagraphs(input),
    [fill(PROMPTS.otherMatters)],
    [fill(PROMPTS.otherDocuments)],
  ];
  SECTION_SIX_ITEMS.forEach((heading, i) => {
    blocks.push({ kind: "heading", level: 2, text: heading });
    for (const text of sixth[i]!) blocks.push(paragraph(text));
  });

  return { title, titleLines, blocks };
}
