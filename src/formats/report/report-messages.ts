/**
 * The words around findings that the command line and the offline page share (file status, counts,
 * table names, notes on unread parts, the findings sheet, why a file was not read), in zh-CN and
 * en-US, so that a file's result reads the same wherever it was checked. Findings' own texts come
 * from the core's locale modules.
 */
import type { Explainable } from "../../core/rules/finding";
import type { Locale } from "../../core/locales/locale";
import type { Severity } from "../../core/rules/finding";
import type { TableId } from "../../core/model/tables";
import type { UnreadableReason } from "../../xlsx/errors";

/** Why a file was not read, as one sentence for the user. */
export function reasonText(reason: UnreadableReason, locale: Locale): string {
  if (locale === "en-US") {
    switch (reason) {
      case "not-found":
        return "file not found";
      case "empty":
        return "the file is empty";
      case "too-large":
        return "the file is too large to be a report";
      case "corrupt":
        return "the file is damaged and cannot be opened";
      case "encrypted":
        return "the file is password-protected: remove the password and save it again";
      case "legacy-xls":
        return "an old Office 97–2003 file (.xls/.doc): save it as .xlsx or .docx first";
      case "unsupported-type":
        return "not a file type the checker reads (.xlsx, .xlsm, .docx, .txt, .html, .pdf)";
      case "not-a-report":
        return "no report tables or report text found";
      case "not-recalculated":
        return "formulas without calculated values: open the file in Excel or WPS, save it, and check again";
      case "page-too-large":
        return "the web page is larger than 6 MB or has more than 300,000 tags, too large to be a report page: save the report's own page, or send the Word file";
      case "table-too-large":
        return "a table of the web page is too large once its merged cells are laid out (over 2,000 columns or 100,000 cells)";
      case "page-too-many-cells":
        return "the web page's tables have too many cells together (over 500,000)";
      case "scanned-pdf":
        return "the PDF is a picture (scanned pages): its text cannot be read; check the Word file instead";
      case "too-many-pages":
        return "the document has too many pages to be one report";
      case "too-much-text":
        return "the document holds too much text to be one report";
      case "too-slow":
        return "reading the file took too long; check the Word file instead";
      case "too-many-cells":
        return "a sheet has too many cells (over 1,000,000) to be a report";
      case "merges-too-large":
        return "too many or too large merged cells (over 10,000 merged areas in a sheet, or one over 100,000 cells)";
      case "spans-too-large":
        return "a table row's merged columns (gridSpan/gridBefore) reach past the table's columns";
      case "too-deep":
        return "the file's structure is nested too deep (over 100 levels)";
      case "text-too-long":
        return "a text is too long (a cell over 32,767 characters, a line over 20,000, or the whole text over 2,000,000)";
      case "permission-denied":
        return "permission denied: this user may not read the file";
      case "folder-unlistable":
        return "the folder cannot be listed (permission denied): its files were not checked";
      case "is-a-folder":
        return "this is a folder, not a file";
      case "fifo":
        return "a named pipe (FIFO), not a file: not read";
      case "device":
        return "a device, not a file: not read";
      case "socket":
        return "a socket, not a file: not read";
      case "symlink-loop":
        return "the symbolic links point at each other in a loop";
      case "dangling-symlink":
        return "a symbolic link to a file that does not exist";
      case "io-error":
        return "the system could not read the file (disk or system error)";
      case "xml-doctype":
        return "a part of the file declares a DOCTYPE, which Office files never do: refused for safety";
    }
  }
  switch (reason) {
    case "not-found":
      return "找不到文件";
    case "empty":
      return "文件是空的";
    case "too-large":
      return "文件过大，不像是年度报告";
    case "corrupt":
      return "文件已损坏，无法打开";
    case "encrypted":
      return "文件设有密码，请取消密码后另存再检查";
    case "legacy-xls":
      return "这是旧版 Office 97–2003 文件（.xls/.doc），请另存为 .xlsx 或 .docx 后再检查";
    case "unsupported-type":
      return "不是可检查的文件类型（.xlsx、.xlsm、.docx、.txt、.html、.pdf）";
    case "not-a-report":
      return "未找到年度报告的表格或正文";
    case "not-recalculated":
      return "公式没有计算结果，请用 Excel 或 WPS 打开并保存后再检查";
    case "page-too-large":
      return "网页文件超过 6 MB 或标签超过 30 万个，不像是年度报告页面；请另存报告本身的网页，或提供 Word 文件";
    case "table-too-large":
      return "网页中有表格按合并单元格展开后过大（超过 2000 列或 10 万格），无法读取";
    case "page-too-many-cells":
      return "网页中表格的单元格合计过多（超过 50 万格），无法读取";
    case "scanned-pdf":
      return "这个 PDF 是扫描的图片，无法读取其中的文字，请提供 Word 文件再检查";
    case "too-many-pages":
      return "文件页数过多，不像是一份年度报告";
    case "too-much-text":
      return "文件文字过多，不像是一份年度报告";
    case "too-slow":
      return "读取文件超时，请提供 Word 文件再检查";
    case "too-many-cells":
      return "工作表单元格过多（超过 100 万个），不像是年度报告";
    case "merges-too-large":
      return "合并单元格过多/过大（一个工作表超过 1 万处合并，或一处合并超过 10 万格）";
    case "spans-too-large":
      return "表格行的合并列（gridSpan/gridBefore）超出了表格的列数";
    case "too-deep":
      return "文件结构嵌套过深（超过 100 层）";
    case "text-too-long":
      return "文字过长（一个单元格超过 32767 字，一行超过 2 万字，或全文超过 200 万字）";
    case "permission-denied":
      return "没有读取权限，无法打开文件";
    case "folder-unlistable":
      return "没有权限列出文件夹内容，其中的文件未检查";
    case "is-a-folder":
      return "这是文件夹，不是文件";
    case "fifo":
      return "这是命名管道（FIFO），不是文件，未读取";
    case "device":
      return "这是设备，不是文件，未读取";
    case "socket":
      return "这是套接字，不是文件，未读取";
    case "symlink-loop":
      return "符号链接互相指向，形成循环";
    case "dangling-symlink":
      return "符号链接指向的文件不存在";
    case "io-error":
      return "系统无法读取文件（磁盘或系统错误）";
    case "xml-doctype":
      return "文件中的 XML 部件含有 DOCTYPE 声明（Office 文件从不含有），为安全起见不予读取";
  }
}

/** The shared texts. */
export interface ReportText {
  readonly annotateNoTables: string;
  readonly annotate2019: string;
  readonly narrativeNoTables: string;
  readonly reportNoTables: string;
  readonly report2019: string;
  readonly severity: Record<Severity, string>;
  readonly tableNames: Record<"T2" | "T3" | "T4", string>;
  readonly clean: string;
  readonly unreadable: string;
  readonly fileCounts: (errors: number, warnings: number, infos: number) => string;
  readonly summary: (s: {
    files: number;
    checked: number;
    unreadable: number;
    incomplete?: number;
    errors: number;
    warnings: number;
    explained?: number;
  }) => string;
  readonly noTables: string;
  readonly format2019: string;
  readonly findingsSheet: string;
  readonly findingsHeaders: readonly string[];
  readonly findingsEmpty: string;
  /** Status of a file some part of which could not be read. */
  readonly incomplete: string;
  readonly unreadPart: (sheet: string, problem: "missing" | "damaged", table?: TableId) => string;
  readonly coveredValues: (sheet: string, range: string, cells: readonly string[]) => string;
  /** Summary addition: files checked incompletely. */
  readonly summaryIncomplete: (count: number) => string;
  // Issue 13: explained findings.
  /** The file's counts when some findings are explained ("2 个错误，0 个警告，1 条已说明"). */
  readonly explainedCount: (count: number) => string;
  /** The label of an explained finding's line. */
  readonly explainedLabel: string;
  /** The line under an explained finding: its reason and date. */
  readonly explainedReason: (reason: string, date: string) => string;
  /** The line under a finding whose explanation lapsed. */
  readonly lapsedReason: (reason: string, date: string) => string;
  readonly explanationsUnread: (file: string, count: number) => string;
  readonly explanationRefused: (file: string, rule: string, explainable: Explainable) => string;
  readonly explanationsUnmatched: (file: string, count: number) => string;
  /** The findings sheet's heading above the explained findings. */
  readonly findingsExplained: (count: number) => string;
  /** The 六（五） heading `narrative` prints above the explanations. */
  readonly statisticsNotesHeading: string;
}

const ZH_TABLE: Record<TableId, string> = { T2: "表二", T3: "表三", T4: "表四" };
const EN_TABLE: Record<TableId, string> = { T2: "Table 2", T3: "Table 3", T4: "Table 4" };

const ZH: ReportText = {
  annotateNoTables: "未找到表格，没有可写入工作簿的内容；正文请用 check 检查。",
  annotate2019:
    "表格是 2019 试行格式，annotate 只能按 2021 年格式的模板写出工作簿；请用 check 检查。",
  narrativeNoTables: "未找到表格，无法生成正文。",
  reportNoTables: "未找到表格，无法写出年度报告。",
  report2019:
    "表格是 2019 试行格式，report 只能按 2021 年格式（国办公开办函〔2021〕30号）写出报告；请用 check 检查。",
  severity: { error: "错误", warning: "警告", info: "说明" },
  tableNames: { T2: "表二", T3: "表三", T4: "表四" },
  clean: "未发现问题",
  unreadable: "无法读取",
  fileCounts: (e, w, i) =>
    [`${e} 个错误`, `${w} 个警告`, ...(i > 0 ? [`${i} 条说明`] : [])].join("，"),
  summary: (s) =>
    `共 ${s.files} 个文件：已检查 ${s.checked} 个${(s.incomplete ?? 0) > 0 ? `（其中检查不完整 ${s.incomplete} 个）` : ""}，无法读取 ${s.unreadable} 个；错误 ${s.errors} 个，警告 ${s.warnings} 个${(s.explained ?? 0) > 0 ? `，已说明 ${s.explained} 条` : ""}。`,
  noTables: "未找到表格",
  format2019: "2019 试行格式",
  findingsSheet: "检查结果",
  findingsHeaders: [
    "序号",
    "规则",
    "级别",
    "表格",
    "问题说明",
    "单元格",
    "填报值",
    "计算值",
    "差额",
    "建议修改",
  ],
  findingsEmpty: "未发现问题。",
  incomplete: "检查不完整",
  unreadPart: (sheet, problem, table) =>
    `${table === undefined ? "" : `${ZH_TABLE[table]}所在的`}工作表「${sheet}」无法读取（${problem === "missing" ? "文件中缺少该工作表" : "该工作表已损坏"}），其中的表格未检查`,
  coveredValues: (sheet, range, cells) =>
    `工作表「${sheet}」的合并单元格 ${range} 盖住了 ${cells.join("、")} 中的数值（Excel 只显示左上角的值）；涉及这些格子的问题不给修改建议`,
  summaryIncomplete: (n) => `检查不完整 ${n} 个`,
  explainedCount: (n) => `${n} 条已说明`,
  explainedLabel: "已说明",
  explainedReason: (r, d) => `说明：${r}（${d}）`,
  lapsedReason: (r, d) => `此前的说明已失效（所涉单元格的值已改变，请重新核实）：${r}（${d}）`,
  explanationsUnread: (f, n) =>
    `! ${f}：工作簿中有 ${n} 条说明无法读取（已损坏、超出限额或为旧版格式），未采用`,
  explanationRefused: (f, rule, e) =>
    e === "never"
      ? `! ${f}：${rule} 的说明未采用：表内求和与数值有效性（R1–R5）只能改正，不能说明`
      : `! ${f}：${rule} 的说明未采用：此类${e === "warnings" ? "错误" : "结果"}只能改正，不能说明`,
  explanationsUnmatched: (f, n) =>
    `! ${f}：--explanations 中有 ${n} 条说明没有对应的检查结果（问题已改正、正文已改动，或需要 --last-year），未采用`,
  findingsExplained: (n) => `已说明（${n} 条，不计为错误）`,
  statisticsNotesHeading: "（五）本年度信息公开工作年度报告数据统计需要说明的事项：",
};

const EN: ReportText = {
  annotateNoTables:
    "no tables found: there is nothing to write into a workbook; use check for the text.",
  annotate2019:
    "the tables are in the 2019 trial format; annotate writes workbooks in the 2021 template layout only: use check instead.",
  narrativeNoTables: "No tables found: no narrative can be written.",
  reportNoTables: "No tables found: no report can be written.",
  report2019:
    "the tables are in the 2019 trial format; report writes the 2021 format (国办公开办函〔2021〕30号) only: use check instead.",
  severity: { error: "error", warning: "warning", info: "info" },
  tableNames: { T2: "Table 2", T3: "Table 3", T4: "Table 4" },
  clean: "no problems found",
  unreadable: "unreadable",
  fileCounts: (e, w, i) =>
    [
      `${e} error${e === 1 ? "" : "s"}`,
      `${w} warning${w === 1 ? "" : "s"}`,
      ...(i > 0 ? [`${i} info`] : []),
    ].join(", "),
  summary: (s) =>
    `${s.files} file${s.files === 1 ? "" : "s"}: ${s.checked} checked${(s.incomplete ?? 0) > 0 ? ` (${s.incomplete} incomplete)` : ""}, ${s.unreadable} unreadable; ${s.errors} error${s.errors === 1 ? "" : "s"}, ${s.warnings} warning${s.warnings === 1 ? "" : "s"}${(s.explained ?? 0) > 0 ? `, ${s.explained} explained` : ""}.`,
  noTables: "no tables found",
  format2019: "2019 trial format",
  findingsSheet: "Findings",
  findingsHeaders: [
    "No.",
    "Rule",
    "Severity",
    "Table",
    "Message",
    "Cells",
    "Reported",
    "Computed",
    "Difference",
    "Suggested fix",
  ],
  findingsEmpty: "No problems found.",
  incomplete: "check incomplete",
  unreadPart: (sheet, problem, table) =>
    `${table === undefined ? "" : `the sheet holding ${EN_TABLE[table]}, `}sheet "${sheet}" cannot be read (${problem === "missing" ? "the sheet is missing from the file" : "the sheet is damaged"}); its tables were not checked`,
  coveredValues: (sheet, range, cells) =>
    `in sheet "${sheet}" the merged area ${range} covers values in ${cells.join(", ")} (Excel shows only the top-left value); no fix is suggested for problems involving these cells`,
  summaryIncomplete: (n) => `${n} incomplete`,
  explainedCount: (n) => `${n} explained`,
  explainedLabel: "explained",
  explainedReason: (r, d) => `reason: ${r} (${d})`,
  lapsedReason: (r, d) =>
    `its earlier explanation lapsed (a cell it named has changed; check it again): ${r} (${d})`,
  explanationsUnread: (f, n) =>
    `! ${f}: ${n} explanation${n === 1 ? "" : "s"} in the workbook could not be read (damaged, over a limit, or of an older version) and ${n === 1 ? "was" : "were"} not applied`,
  explanationRefused: (f, rule, e) =>
    e === "never"
      ? `! ${f}: the explanation of ${rule} was not applied: sums and valid numbers (R1–R5) are fixed, not explained`
      : `! ${f}: the explanation of ${rule} was not applied: ${e === "warnings" ? "its errors" : "such findings"} are fixed, not explained`,
  explanationsUnmatched: (f, n) =>
    `! ${f}: ${n} explanation${n === 1 ? "" : "s"} of --explanations match${n === 1 ? "es" : ""} no finding (fixed, the text rewritten, or --last-year needed) and ${n === 1 ? "was" : "were"} not applied`,
  findingsExplained: (n) => `Explained (${n}, not counted as errors)`,
  statisticsNotesHeading:
    "(5) Matters in the statistics of this year's annual report that need explaining:",
};

/** The shared texts of a locale. */
export function reportText(locale: Locale): ReportText {
  return locale === "en-US" ? EN : ZH;
}
