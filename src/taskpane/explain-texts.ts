/** The pane's words for explanations (issue 13) in zh-CN and en-US, apart from texts.ts. */
import type { Locale } from "../core/locales/locale";

export interface ExplainTexts {
  /** The button on an explainable finding. */
  readonly explain: string;
  readonly reasonLabel: string;
  readonly reasonHint: string;
  readonly reasonRequired: string;
  readonly suggestions: string;
  /** A suggestion's button: fills the field with it. */
  readonly useSuggestion: (text: string) => string;
  readonly save: string;
  readonly cancel: string;
  readonly explainedHeading: string;
  readonly reason: (reason: string, date: string) => string;
  readonly withdraw: string;
  readonly lapsed: (reason: string, date: string) => string;
  /** Appended to the summary line when anything is explained. */
  readonly explainedCount: (count: number) => string;
  readonly saved: string;
  readonly withdrawn: string;
  readonly skipped: (count: number) => string;
  readonly legend: string;
}

const zh: ExplainTexts = {
  explain: "已核实，说明原因",
  reasonLabel: "说明原因（必填）",
  reasonHint:
    "写明为何数据无误，如上年数据更正、文件自然失效。保存后写入本工作簿，命令行与其他电脑也能读到。",
  reasonRequired: "请填写说明原因后再保存。",
  suggestions: "常见原因（点击填入，可再修改）：",
  useSuggestion: (text) => `填入：${text}`,
  save: "保存",
  cancel: "取消",
  explainedHeading: "已说明",
  reason: (reason, date) => `说明（${date}）：${reason}`,
  withdraw: "撤销说明",
  lapsed: (reason, date) => `此前的说明已失效（相关单元格的数值已改变）：${date}「${reason}」`,
  explainedCount: (count) => `，${count} 条已说明`,
  saved: "已保存说明，已写入本工作簿。",
  withdrawn: "已撤销说明。",
  skipped: (count) => `工作簿中有 ${count} 条说明无法读取（已损坏或格式过旧），未采用。`,
  legend: "灰色标记为已说明的单元格；数值一改即恢复红色或黄色。",
};

const en: ExplainTexts = {
  explain: "Verified — explain",
  reasonLabel: "Reason (required)",
  reasonHint:
    "Say why the figures are right, e.g. last year's figure was corrected, documents expired. Saved in this workbook, where the command line and other computers read it.",
  reasonRequired: "Enter a reason before saving.",
  suggestions: "Common reasons (choose one to fill in, then edit):",
  useSuggestion: (text) => `Use: ${text}`,
  save: "Save",
  cancel: "Cancel",
  explainedHeading: "Explained",
  reason: (reason, date) => `Reason (${date}): ${reason}`,
  withdraw: "Withdraw explanation",
  lapsed: (reason, date) =>
    `The earlier explanation lapsed (a value in its cells changed): ${date} "${reason}"`,
  explainedCount: (count) => `, ${count} explained`,
  saved: "Explanation saved in this workbook.",
  withdrawn: "Explanation withdrawn.",
  skipped: (count) =>
    `${count} explanation(s) in the workbook could not be read (damaged or an older format) and are not applied.`,
  legend: "Grey marks explained cells; they turn red or yellow again as soon as a value changes.",
};

export function explainTexts(locale: Locale): ExplainTexts {
  return locale === "zh-CN" ? zh : en;
}
