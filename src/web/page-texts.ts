/**
 * The offline page's own texts in zh-CN and en-US. Findings, fixes and unreadable-file lines are
 * not here: they come from the same locale modules the command line prints from.
 */
import type { Locale } from "../core/locales/locale";

/** Every text the page shows around the findings. */
export interface PageText {
  readonly lang: string;
  readonly title: string;
  readonly tagline: string;
  readonly privacy: string;
  readonly switchLanguage: string;
  readonly switchLanguageLang: string;
  readonly currentHeading: string;
  readonly currentDrop: string;
  readonly chooseFiles: string;
  readonly chooseFolder: string;
  readonly lastYearHeading: string;
  readonly lastYearDrop: string;
  readonly chooseLastYearFiles: string;
  readonly chooseLastYearFolder: string;
  readonly pairsHeading: string;
  readonly pairsCurrent: string;
  readonly pairsLastYear: string;
  readonly pairNone: string;
  readonly pairFor: (file: string) => string;
  readonly compareLastYear: string;
  readonly resultsHeading: string;
  readonly onlyErrors: string;
  readonly downloadSummary: string;
  readonly downloadCsv: string;
  readonly clear: string;
  readonly progressLabel: string;
  readonly progress: (done: number, total: number) => string;
  readonly done: (files: number, errors: number, warnings: number, unreadable: number) => string;
  readonly idle: string;
  readonly empty: string;
  readonly columns: {
    readonly file: string;
    readonly agency: string;
    readonly year: string;
    readonly status: string;
    readonly errors: string;
    readonly warnings: string;
    readonly received: string;
    readonly concluded: string;
    readonly carried: string;
    readonly review: string;
    readonly litigation: string;
  };
  readonly sortBy: (column: string) => string;
  readonly status: {
    readonly checked: string;
    readonly incomplete: string;
    readonly unreadable: string;
    readonly waiting: string;
  };
  readonly open: (file: string) => string;
  readonly detailHeading: (file: string) => string;
  readonly noFindings: string;
  readonly notes: string;
  readonly downloadAnnotated: string;
  readonly downloadReport: string;
  /** After the report was written from tables with errors: a draft with marked figures. */
  readonly reportDraft: (errors: number, marked: number) => string;
  readonly reportMarked: (marked: number) => string;
  readonly narrativeHeading: string;
  readonly copyNarrative: string;
  readonly downloadNarrative: string;
  readonly copied: string;
  readonly copyFailed: string;
  readonly closeDetail: string;
  readonly templateHeading: string;
  readonly templateAgency: string;
  readonly templateYear: string;
  readonly templateDownload: string;
  readonly templateAgencyMissing: string;
  readonly pageError: (message: string) => string;
  readonly tooManyFiles: (limit: number, skipped: number) => string;
}

const ZH: PageText = {
  lang: "zh-CN",
  title: "政务公开年报检查",
  tagline:
    "检查《政府信息公开工作年度报告》的表格和正文（国办公开办函〔2021〕30号格式）：Excel、Word、文本、网页和 PDF 文件均可。",
  privacy: "文件只在本机浏览器中读取和检查，不上传到任何地方；本页面不联网也能使用。",
  switchLanguage: "English",
  switchLanguageLang: "en",
  currentHeading: "本年度报告",
  currentDrop: "把报告文件或文件夹拖到这里，或者：",
  chooseFiles: "选择文件",
  chooseFolder: "选择文件夹",
  lastYearHeading: "上年度报告（可选，用于对照 X1、X2）",
  lastYearDrop: "把上年度的报告拖到这里，或者：",
  chooseLastYearFiles: "选择上年度文件",
  chooseLastYearFolder: "选择上年度文件夹",
  pairsHeading: "与上年度报告的配对",
  pairsCurrent: "本年度文件",
  pairsLastYear: "上年度文件",
  pairNone: "（不对照）",
  pairFor: (file) => `${file} 的上年度文件`,
  compareLastYear: "按配对对照上年度重新检查",
  resultsHeading: "检查结果",
  onlyErrors: "只看有错误的文件",
  downloadSummary: "下载汇总",
  downloadCsv: "下载问题清单（CSV）",
  clear: "清空",
  progressLabel: "检查进度",
  progress: (done, total) => `正在检查：${done} / ${total} 个文件`,
  done: (files, errors, warnings, unreadable) =>
    `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告${unreadable > 0 ? `，${unreadable} 个文件无法读取` : ""}`,
  idle: "尚未添加文件。",
  empty: "没有符合条件的文件。",
  columns: {
    file: "文件",
    agency: "单位",
    year: "年度",
    status: "状态",
    errors: "错误",
    warnings: "警告",
    received: "本年新收",
    concluded: "办结",
    carried: "结转下年度",
    review: "复议",
    litigation: "诉讼",
  },
  sortBy: (column) => `按${column}排序`,
  status: {
    checked: "已检查",
    incomplete: "检查不完整",
    unreadable: "无法读取",
    waiting: "等待中",
  },
  open: (file) => `查看 ${file} 的问题`,
  detailHeading: (file) => `${file} 的检查结果`,
  noFindings: "未发现问题。",
  notes: "未能读取的部分",
  downloadAnnotated: "下载批注副本",
  downloadReport: "下载年度报告（Word）",
  reportDraft: (n, m) =>
    `表格有 ${n} 个错误，下载的是草稿：${m} 处可能有误的数字标有【请核对】，请改正后再发布。`,
  reportMarked: (m) => `报告中有 ${m} 处数字标有【请核对】（检查发现警告），请核对后删除标记。`,
  narrativeHeading: "说明段落",
  copyNarrative: "复制段落",
  downloadNarrative: "下载段落（文本）",
  copied: "已复制到剪贴板。",
  copyFailed: "无法复制：请选中上面的文字后按 Ctrl+C。",
  closeDetail: "关闭",
  templateHeading: "空白模板",
  templateAgency: "单位名称",
  templateYear: "年度",
  templateDownload: "下载空白模板",
  templateAgencyMissing: "请填写单位名称。",
  pageError: (message) => `出错了：${message}`,
  tooManyFiles: (limit, skipped) =>
    `一次最多检查 ${limit} 个文件：其余 ${skipped} 个文件未检查，请分批添加。`,
};

const EN: PageText = {
  lang: "en-US",
  title: "Disclosure report check",
  tagline:
    "Checks the tables and text of annual government information disclosure reports (the 2021 format): Excel, Word, text, web page and PDF files.",
  privacy:
    "Files are read and checked in this browser only and uploaded nowhere; the page works without a network.",
  switchLanguage: "中文",
  switchLanguageLang: "zh-CN",
  currentHeading: "This year's reports",
  currentDrop: "Drop report files or folders here, or:",
  chooseFiles: "Choose files",
  chooseFolder: "Choose a folder",
  lastYearHeading: "Last year's reports (optional, for X1 and X2)",
  lastYearDrop: "Drop last year's reports here, or:",
  chooseLastYearFiles: "Choose last year's files",
  chooseLastYearFolder: "Choose last year's folder",
  pairsHeading: "Pairs with last year's reports",
  pairsCurrent: "This year's file",
  pairsLastYear: "Last year's file",
  pairNone: "(none)",
  pairFor: (file) => `Last year's file for ${file}`,
  compareLastYear: "Check again against the paired reports",
  resultsHeading: "Results",
  onlyErrors: "Only files with errors",
  downloadSummary: "Download summary",
  downloadCsv: "Download findings (CSV)",
  clear: "Clear",
  progressLabel: "Progress",
  progress: (done, total) => `Checking: ${done} of ${total} files`,
  done: (files, errors, warnings, unreadable) =>
    `${files} files checked: ${errors} errors, ${warnings} warnings${unreadable > 0 ? `, ${unreadable} files could not be read` : ""}`,
  idle: "No files added yet.",
  empty: "No file matches.",
  columns: {
    file: "File",
    agency: "Agency",
    year: "Year",
    status: "Status",
    errors: "Errors",
    warnings: "Warnings",
    received: "New requests",
    concluded: "Concluded",
    carried: "Carried over",
    review: "Reviews",
    litigation: "Lawsuits",
  },
  sortBy: (column) => `Sort by ${column}`,
  status: {
    checked: "Checked",
    incomplete: "Incomplete",
    unreadable: "Unreadable",
    waiting: "Waiting",
  },
  open: (file) => `Show the findings of ${file}`,
  detailHeading: (file) => `Findings of ${file}`,
  noFindings: "No problems found.",
  notes: "Parts that could not be read",
  downloadAnnotated: "Download annotated copy",
  downloadReport: "Download annual report (Word)",
  reportDraft: (n, m) =>
    `The tables have ${n} error${n === 1 ? "" : "s"}, so the report is a draft: ${m} doubtful figure${m === 1 ? " is" : "s are"} marked 【请核对】. Correct them before publishing.`,
  reportMarked: (m) =>
    `${m} figure${m === 1 ? " is" : "s are"} marked 【请核对】 (warnings of the check): verify them and remove the marks.`,
  narrativeHeading: "Narrative paragraphs",
  copyNarrative: "Copy paragraphs",
  downloadNarrative: "Download paragraphs (text)",
  copied: "Copied to the clipboard.",
  copyFailed: "Could not copy: select the text above and press Ctrl+C.",
  closeDetail: "Close",
  templateHeading: "Blank template",
  templateAgency: "Agency name",
  templateYear: "Year",
  templateDownload: "Download blank template",
  templateAgencyMissing: "Enter the agency's name.",
  pageError: (message) => `Something went wrong: ${message}`,
  tooManyFiles: (limit, skipped) =>
    `At most ${limit} files are checked at once: the other ${skipped} were not checked; add them in another batch.`,
};

/** The page's texts in a language. */
export function pageText(locale: Locale): PageText {
  return locale === "en-US" ? EN : ZH;
}
