/**
 * The words of the pane's 年度报告 section (issue 12) in zh-CN and en-US, apart from texts.ts so
 * that the section can be read (and merged) on its own.
 */
import type { Locale } from "../core/locales/locale";

export interface ReportTexts {
  readonly heading: string;
  readonly hint: string;
  readonly generate: string;
  readonly writeSheet: string;
  /** The download link's visible text. */
  readonly link: string;
  readonly needCheck: string;
  readonly noTables: string;
  /** The Word file is ready behind the link. */
  readonly ready: string;
  /** Where the download shows in Windows' pane (office-js#1793), and what to do if nothing happens. */
  readonly downloadHintPc: string;
  readonly downloadHint: string;
  readonly sheetWritten: (sheet: string) => string;
  /** Why the report went into a sheet and not into a file. */
  readonly whyMac: string;
  readonly whyNoDownload: string;
  readonly whyFailed: (reason: string) => string;
  /** Written from tables that fail the check. */
  readonly fromFailingTables: (errors: number) => string;
}

const ZH: ReportTexts = {
  heading: "年度报告",
  hint: "用表格中的数字和上方的报告年度、机关名称、自称，生成完整的《政府信息公开工作年度报告》：六个部分和三张表格。标有【待填】的地方需要您自己填写。",
  generate: "生成年度报告",
  writeSheet: "写入新工作表",
  link: "下载年度报告.docx",
  needCheck: "请先检查：年度报告由检查时读取的表格生成。",
  noTables: "没有找到年报表格，无法生成年度报告。",
  ready: "年度报告已生成，请点击“下载年度报告.docx”保存。",
  downloadHintPc:
    "在 Windows 版 Excel 中，下载提示出现在本窗格底部（窗格较窄时看不到文件名），文件保存在“下载”文件夹。点击后没有反应时，请用“写入新工作表”。",
  downloadHint: "点击后没有反应时，请用“写入新工作表”，再复制到 Word。",
  sheetWritten: (sheet) =>
    `已将年度报告写入新工作表「${sheet}」：选中段落或表格，复制后粘贴到 Word。`,
  whyMac: "Mac 版 Excel 的任务窗格不能下载文件，因此写入了工作表。",
  whyNoDownload: "此版本 Excel 的任务窗格不能下载文件，因此写入了工作表。",
  whyFailed: (reason) => `未能生成 Word 文件（${reason}），因此写入了工作表。`,
  fromFailingTables: (errors) =>
    `表格有 ${errors} 个错误：报告中存疑的数字已标“【请核对】”。请先改正表格，再生成年度报告。`,
};

const EN: ReportTexts = {
  heading: "Annual report",
  hint: 'Writes the whole annual report (six sections and the three tables, in Chinese) from the figures of the tables and the report year, agency and self-reference above. Places marked "【待填】" are yours to fill in.',
  generate: "Generate the annual report",
  writeSheet: "Write to a new sheet",
  link: "Download the annual report (.docx)",
  needCheck: "Run the check first: the report is written from the tables the check reads.",
  noTables: "No report tables found: the annual report cannot be written.",
  ready: 'The annual report is ready: click "Download the annual report (.docx)" to save it.',
  downloadHintPc:
    'In Excel on Windows the download shows at the bottom of this pane (a narrow pane hides the file name); the file goes to your Downloads folder. If nothing happens, use "Write to a new sheet".',
  downloadHint:
    'If nothing happens when you click, use "Write to a new sheet" and copy it into Word.',
  sheetWritten: (sheet) =>
    `The annual report is written to the new sheet "${sheet}": select its paragraphs or tables, copy them and paste them into Word.`,
  whyMac: "A task pane in Excel on the Mac cannot download files, so it went into a sheet.",
  whyNoDownload: "A task pane in this Excel cannot download files, so it went into a sheet.",
  whyFailed: (reason) => `The Word file could not be made (${reason}), so it went into a sheet.`,
  fromFailingTables: (errors) =>
    `The tables have ${errors} error${errors === 1 ? "" : "s"}: doubtful figures in the report are marked "【请核对】". Correct the tables first, then generate the report again.`,
};

/** The section's texts in a locale. */
export function reportTexts(locale: Locale): ReportTexts {
  return locale === "en-US" ? EN : ZH;
}
