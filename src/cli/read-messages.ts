/**
 * The labels of `xxgk read` in zh-CN and en-US: the kinds of a table cell, the reasons a figure of
 * the text was not taken, and the headings of each part. Exhaustive switches: a new kind or reason
 * without text fails to compile.
 */
import type { Locale } from "../core/locales/locale";
import type { CellReading } from "../core/model/figures";
import type { SkipReason } from "../core/narrative/claims";

/** A cell reading's kind as a word. */
export function cellKindText(kind: CellReading["kind"], locale: Locale): string {
  const en = locale === "en-US";
  switch (kind) {
    case "number":
      return en ? "number" : "数字";
    case "blank":
      return en ? "blank" : "空白";
    case "not-applicable":
      return en ? "not applicable" : "不适用";
    case "text":
      return en ? "text" : "文字";
    case "invalid":
      return en ? "invalid number" : "不成立的数字";
    case "error":
      return en ? "error value" : "错误值";
  }
}

/** Why a figure of the text was not taken, as a few words. */
export function skipReasonText(reason: SkipReason, locale: Locale): string {
  const en = locale === "en-US";
  switch (reason) {
    case "hedged":
      return en
        ? "an approximate figure (about, over, more than…)"
        : "约数（约、近、超过、余、多等）";
    case "other-year":
      return en ? "about another year" : "说的是其他年度";
    case "other-scope":
      return en ? "about a wider or narrower body than the agency" : "说的是本机关以外的范围";
    case "other-topic":
      return en
        ? "about something else (hotline, proposals…)"
        : "说的是其他事项（热线、建议提案等）";
    case "delta":
      return en ? "a change from last year, not a count" : "是与上年相比的增减，不是数量";
    case "unfinished-sentence":
      return en ? "in a sentence the text does not finish" : "所在句子没有写完";
    case "no-quantity":
      return en ? "not tied to any quantity of the tables" : "没有对应到表格中的任何数量";
    case "per-item":
      return en ? "a figure per item (each …), not a total" : "是每项的数量（各N件），不是总数";
    case "inclusive":
      return en ? "a figure that includes something else" : "数字包含其他内容（含……）";
    case "ambiguous":
      return en ? "the words allow two readings" : "说法有两种理解";
    case "sub-scope":
      return en
        ? "a part of a list, read as a part, not as a figure of its own"
        : "是列举中的一项，只作为分项读取";
  }
}

/** The frame texts of `xxgk read`. */
export interface ReadText {
  readonly file: (name: string) => string;
  readonly tables: (count: number) => string;
  readonly noTables: string;
  readonly table: (name: string, version: string, where: string) => string;
  readonly narrative: string;
  readonly noNarrative: string;
  readonly claims: (count: number) => string;
  readonly breakdowns: (count: number) => string;
  readonly percentages: (count: number) => string;
  readonly skipped: (count: number) => string;
  readonly zeroStatement: string;
  readonly noCell: string;
  readonly cells: (labels: string) => string;
  readonly breakdownTotal: (total: string, label: string) => string;
  readonly breakdownComplete: string;
  readonly breakdownOpen: string;
  readonly judgedBy: (rule: string) => string;
  readonly percentageKind: (kind: "share" | "rate" | "change" | "other") => string;
  readonly shareOf: (part: string, whole: string) => string;
  readonly year: (year: number) => string;
  readonly sentence: string;
  readonly blankText: string;
  readonly open: string;
  readonly close: string;
  readonly colon: string;
  readonly list: string;
  readonly separator: string;
}

const ZH: ReadText = {
  file: (name) => `文件：${name}`,
  tables: (count) => `表格中的数字（${count} 格）`,
  noTables: "未找到表格。",
  table: (name, version, where) => `${name}（${version} 年格式）${where === "" ? "" : ` ${where}`}`,
  narrative: "正文中读到的数字",
  noNarrative: "没有正文。",
  claims: (count) => `数字与其对应的数量（${count} 个）`,
  breakdowns: (count) => `总数与分项（${count} 组）`,
  percentages: (count) => `百分比（${count} 个）`,
  skipped: (count) => `读到但未采用的数字（${count} 个）`,
  zeroStatement: "（“未发生”类说法，按 0 计）",
  noCell: "不对应表格中的单元格",
  cells: (labels) => `对应 ${labels}`,
  breakdownTotal: (total, label) => `总数 ${total}${label === "" ? "" : `（${label}）`}`,
  breakdownComplete: "所列分项为全部",
  breakdownOpen: "所列分项未必是全部",
  judgedBy: (rule) => `由 ${rule} 核对`,
  percentageKind: (kind) =>
    ({ share: "占比", rate: "比率", change: "增减幅度", other: "其他" })[kind],
  shareOf: (part, whole) => `${part} 占 ${whole}`,
  year: (year) => `${year} 年`,
  sentence: "句子",
  blankText: "（空）",
  open: "「",
  close: "」",
  colon: "：",
  list: "、",
  separator: "；",
};

const EN: ReadText = {
  file: (name) => `File: ${name}`,
  tables: (count) => `Figures of the tables (${count} cells)`,
  noTables: "No tables found.",
  table: (name, version, where) => `${name} (${version} format)${where === "" ? "" : ` ${where}`}`,
  narrative: "Figures read in the text",
  noNarrative: "No text.",
  claims: (count) => `Figures and the quantities they state (${count})`,
  breakdowns: (count) => `Totals and their parts (${count})`,
  percentages: (count) => `Percentages (${count})`,
  skipped: (count) => `Figures read but not taken (${count})`,
  zeroStatement: "(a “none” statement, read as 0)",
  noCell: "no table cell",
  cells: (labels) => `cells: ${labels}`,
  breakdownTotal: (total, label) => `total ${total}${label === "" ? "" : ` (${label})`}`,
  breakdownComplete: "the parts are all of the total",
  breakdownOpen: "the parts may not be all of the total",
  judgedBy: (rule) => `checked by ${rule}`,
  percentageKind: (kind) =>
    ({ share: "share", rate: "rate", change: "change", other: "other" })[kind],
  shareOf: (part, whole) => `${part} of ${whole}`,
  year: (year) => `year ${year}`,
  sentence: "sentence",
  blankText: "(empty)",
  open: "“",
  close: "”",
  colon: ": ",
  list: ", ",
  separator: "; ",
};

/** The frame texts of `xxgk read` in a locale. */
export function readText(locale: Locale): ReadText {
  return locale === "en-US" ? EN : ZH;
}
