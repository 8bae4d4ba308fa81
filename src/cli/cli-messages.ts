/**
 * The command line's own texts (usage, unreadable files, summaries, labels) in zh-CN and en-US.
 * Findings' texts come from the core's locale modules; these are only the frame around them.
 */
import type { Locale } from "../core/locales/locale";
import type { ExplanationsFileProblem } from "../core/explain/explanation-list";
import { reportText, type ReportText } from "../formats/report/report-messages";
export { reasonText } from "../formats/report/report-messages";
import { COMMANDS, type Command, type UsageProblem } from "./parse-args";

/** What each command takes as file arguments, for the usage errors. */
function filesNeeded(command: Command, english: boolean): string {
  if (english) {
    switch (command) {
      case "template":
        return "one output file (out.xlsx)";
      case "check":
        return "at least one file or folder";
      case "annotate":
        return "an input file and an output file (out.xlsx)";
      case "narrative":
        return "one report file";
      case "report":
        return "one report file, and -o with the .docx to write";
      case "extract":
        return "at least one file or folder, and -o with the output file";
      case "read":
        return "one report file";
    }
  }
  switch (command) {
    case "template":
      return "一个输出文件（out.xlsx）";
    case "check":
      return "至少一个文件或文件夹";
    case "annotate":
      return "输入文件和输出文件（out.xlsx）两个文件";
    case "narrative":
      return "一个报告文件";
    case "report":
      return "一个报告文件，并用 -o 指定要写出的 .docx 文件";
    case "extract":
      return "至少一个文件或文件夹，并用 -o 指定输出文件";
    case "read":
      return "一个报告文件";
  }
}

function usageProblemZh(p: UsageProblem): string {
  const commands = COMMANDS.join("、");
  switch (p.code) {
    case "missing-command":
      return `缺少命令：可用命令为 ${commands}`;
    case "unknown-command":
      return `未知命令「${p.command}」：可用命令为 ${commands}`;
    case "unknown-option":
      return `未知选项 ${p.option}（运行 xxgk --help 查看各命令的选项）`;
    case "missing-value":
      return `选项 ${p.option} 缺少取值`;
    case "unexpected-value":
      return `选项 ${p.option} 不带取值`;
    case "not-accepted":
      return `${p.command} 命令不接受 --${p.option} 选项（可用：${p.accepted.map((o) => `--${o}`).join("、")}）`;
    case "missing-files":
      return `${p.command} 缺少文件参数：需要${filesNeeded(p.command, false)}`;
    case "too-many-files":
      return `${p.command} 的文件参数过多（收到 ${p.count} 个）：需要${filesNeeded(p.command, false)}`;
    case "bad-format":
      return `--format 只能是 text、json 或 csv（收到「${p.value}」）`;
    case "bad-lang":
      return `--lang 只能是 zh 或 en（收到「${p.value}」）`;
    case "bad-tables":
      return `--tables 只能是 二、三、四（或 2、3、4），用逗号分隔（收到「${p.value}」）`;
  }
}

function usageProblemEn(p: UsageProblem): string {
  const commands = COMMANDS.join(", ");
  switch (p.code) {
    case "missing-command":
      return `no command given: the commands are ${commands}`;
    case "unknown-command":
      return `unknown command "${p.command}": the commands are ${commands}`;
    case "unknown-option":
      return `unknown option ${p.option} (xxgk --help lists each command's options)`;
    case "missing-value":
      return `option ${p.option} needs a value`;
    case "unexpected-value":
      return `option ${p.option} takes no value`;
    case "not-accepted":
      return `${p.command} does not take --${p.option} (it takes ${p.accepted.map((o) => `--${o}`).join(", ")})`;
    case "missing-files":
      return `${p.command}: file argument missing: it needs ${filesNeeded(p.command, true)}`;
    case "too-many-files":
      return `${p.command}: too many file arguments (${p.count}): it needs ${filesNeeded(p.command, true)}`;
    case "bad-format":
      return `--format must be text, json or csv (got "${p.value}")`;
    case "bad-lang":
      return `--lang must be zh or en (got "${p.value}")`;
    case "bad-tables":
      return `--tables must be 二, 三, 四 (or 2, 3, 4), separated by commas (got "${p.value}")`;
  }
}

/** The texts of the command line frame. */
export interface CliText extends ReportText {
  readonly progress: (done: number, total: number, file: string) => string;
  readonly templateWritten: (file: string, tables: string) => string;
  readonly annotated: (file: string, findings: number) => string;
  readonly usage: string;
  readonly usageError: (detail: string) => string;
  readonly sameFile: string;
  readonly annotatedFromReport: (file: string, findings: number) => string;
  readonly writeFailed: (file: string, detail: string) => string;
  readonly more: (count: number, rule: string) => string;
  readonly extracted: (file: string, reports: number, unreadable: number) => string;
  /** `narrative` from tables that fail the check. */
  readonly narrativeFromFailingTables: (errors: number) => string;
  // Issue 9: files, outputs and usage.
  readonly usageProblem: (problem: UsageProblem) => string;
  readonly skippedLoop: (file: string, covered: string) => string;
  readonly skippedDuplicate: (file: string, covered: string) => string;
  readonly lastYearNotEarlier: (
    lastYearFile: string,
    lastYear: number,
    file: string,
    year: number,
  ) => string;
  readonly outputExists: (file: string) => string;
  readonly outputNotWorkbook: (file: string) => string;
  readonly macroToPlain: (file: string) => string;
  readonly plainToMacro: (file: string) => string;
  // Issue 12: the report as a Word document.
  readonly reportWritten: (file: string) => string;
  /** Written from tables with errors: a draft whose doubtful figures carry 【请核对】. */
  readonly reportDraft: (file: string, errors: number, marked: number) => string;
  /** Written from tables without errors, with figures that warnings make doubtful. */
  readonly reportMarked: (file: string, marked: number) => string;
  readonly explanationsFileProblem: (file: string, problem: ExplanationsFileProblem) => string;
  readonly explanationsFileSkipped: (file: string, count: number) => string;
}

const USAGE_ZH = `用法：xxgk <命令> [选项]

命令：
  template [--tables 二,三,四] [--year 2025] [--agency 名称] <out.xlsx>
        写出年报表格模板（与加载项插入的表格相同）
  check <文件或文件夹>... [--format text|json|csv] [--last-year <文件>] [--year 2025] [--agency 名称] [--explanations <说明.json>]
        检查 .xlsx、.docx、.txt、.html、.pdf 年报；文件夹中的这些文件逐个检查；
        工作簿中保存的说明和 --explanations 清单中的说明另计为“已说明”，不计为错误
  annotate <in.xlsx|in.xlsm|in.docx|in.txt> <out.xlsx|out.xlsm> [--force] [--last-year <文件>] [--year 2025] [--agency 名称] [--explanations <说明.json>]
        写出标注工作簿：问题单元格高亮，并附“检查结果”工作表；原文件不改动；输出文件已存在时需加 --force。
        .xlsx 写出标注副本；.docx、.txt 的表格按官方模板写入新工作簿（总计保留填报值）后标注
  narrative <文件> [--year 2025] [--agency 名称] [--self 我局] [--explanations <说明.json>]
        按表格数字生成总体情况的段落；有说明时另写六（五）数据统计需要说明的事项
  report <文件> -o <报告.docx> [--force] [--last-year <文件>] [--year 2025] [--agency 名称] [--self 我街道] [--explanations <说明.json>]
        按表格写出整份年度报告（Word）：六个部分、三张官方表格、由数字生成的段落，其余为【待填】提示；
        表格有错误时仍写出草稿，可能有误的数字标【请核对】，退出码 1；输出文件已存在时需加 --force
  extract <文件或文件夹>... -o <figures.xlsx|figures.csv>
        把每份报告表二、表三、表四的数字写成一行（可粘贴到汇总表）；无法读取的文件也占一行并注明原因
  read <文件> [--format text|json]
        列出读到的内容：表格每一格的位置、类型和原文；正文中的每个数字对应的数量和单元格；未采用的数字及原因

通用选项：--lang en（英文输出）  --help  --version
退出码：0 无错误（已说明的不算）；1 有文件存在错误；2 有文件无法读取或用法错误。`;

const USAGE_EN = `Usage: xxgk <command> [options]

Commands:
  template [--tables 二,三,四] [--year 2025] [--agency NAME] <out.xlsx>
        write the report table templates (the same tables the add-in inserts)
  check <files or folders>... [--format text|json|csv] [--last-year <file>] [--year 2025] [--agency NAME] [--explanations <file.json>]
        check .xlsx, .docx, .txt, .html and .pdf reports; folders are walked for those files;
        findings explained in the workbook or in the --explanations list count as explained, not as errors
  annotate <in.xlsx|in.xlsm|in.docx|in.txt> <out.xlsx|out.xlsm> [--force] [--last-year <file>] [--year 2025] [--agency NAME] [--explanations <file.json>]
        write a workbook with the problem cells highlighted and a findings sheet; the input is not changed;
        an existing output file is overwritten only with --force.
        An .xlsx is copied; a .docx or .txt report's tables are written into a new workbook in the
        official template layout (totals as reported) and annotated
  narrative <file> [--year 2025] [--agency NAME] [--self 我局] [--explanations <file.json>]
        write the narrative paragraphs from the tables' figures, and 6.(5) from the explanations
  report <file> -o <report.docx> [--force] [--last-year <file>] [--year 2025] [--agency NAME] [--self 我街道] [--explanations <file.json>]
        write the whole annual report as a Word document (in Chinese): the six sections, the three
        official tables, the paragraphs the figures write and 【待填】 prompts for the rest; from tables
        with errors a draft is still written, doubtful figures marked 【请核对】, exit code 1;
        an existing output file is overwritten only with --force
  extract <files or folders>... -o <figures.xlsx|figures.csv>
        write the figures of tables 2, 3 and 4 of every report as one row each (for a summary sheet);
        a file that cannot be read is a row with its reason
  read <file> [--format text|json]
        show what was read: every table cell with its place, kind and text; every figure of the text
        with the quantity and cells it was tied to; the figures not taken, and why

Options for all: --lang en (English output)  --help  --version
Exit codes: 0 no errors (explained ones aside); 1 some file has errors; 2 some file could not be read, or a usage error.`;

const ZH: CliText = {
  ...reportText("zh-CN"),
  progress: (d, t, f) => `检查中 ${d}/${t} ${f}`,
  templateWritten: (f, t) => `已写出模板 ${f}（${t}）`,
  annotated: (f, n) => `已写出标注副本 ${f}（${n} 条检查结果）`,
  usage: USAGE_ZH,
  usageError: (d) => `用法错误：${d}\n运行 xxgk --help 查看用法。`,
  sameFile: "输出文件不能是输入文件本身：原文件不会被改写。",
  annotatedFromReport: (f, n) =>
    `已把报告的表格按官方模板写入新工作簿 ${f}（总计保留填报值）并标注（${n} 条检查结果）`,
  writeFailed: (f, d) => `无法写出 ${f}：${d}`,
  more: (n, rule) => `另有 ${n} 条 ${rule} 同类问题未列出（--format json 或 csv 列出全部）`,
  extracted: (f, n, u) =>
    `已把 ${n} 个文件的数字写入 ${f}${u > 0 ? `（其中 ${u} 个文件无法读取，见“状态”列）` : ""}`,
  narrativeFromFailingTables: (n) =>
    `注意：表格有 ${n} 个错误，以下文字中的数字可能不准确。请先用 xxgk check 查看并改正表格。`,
  usageProblem: usageProblemZh,
  skippedLoop: (f, c) => `! ${f}：已跳过：符号链接指向已检查的文件夹 ${c}`,
  skippedDuplicate: (f, c) => `! ${f}：已跳过：与 ${c} 是同一个文件`,
  lastYearNotEarlier: (lf, ly, f, y) =>
    `--last-year ${lf} 是 ${ly} 年的报告，不早于 ${f}（${y} 年）：未与上年对比；上年报告应是 ${y - 1} 年的。`,
  outputExists: (f) => `${f} 已存在，未覆盖；要覆盖请加 --force。`,
  outputNotWorkbook: (f) => `标注副本是工作簿，输出文件名须以 .xlsx 结尾（收到 ${f}）。`,
  macroToPlain: (f) =>
    `输入是启用宏的工作簿（.xlsm），标注副本也须是 .xlsm：请把输出文件名 ${f} 改为以 .xlsm 结尾。`,
  plainToMacro: (f) =>
    `输入不是启用宏的工作簿，标注副本须是 .xlsx：请把输出文件名 ${f} 改为以 .xlsx 结尾。`,
  reportWritten: (f) => `已写出年度报告 ${f}`,
  reportDraft: (f, n, m) =>
    `注意：表格有 ${n} 个错误，${f} 是草稿：${m} 处可能有误的数字标有【请核对】，请用 xxgk check 查看并改正后再发布。`,
  reportMarked: (f, m) => `${f} 中有 ${m} 处数字标有【请核对】（检查发现警告），请核对后删除标记。`,
  explanationsFileProblem: (f, p) => {
    switch (p.code) {
      case "unreadable":
        return `--explanations ${f}：无法读取：${p.detail}`;
      case "not-a-file":
        return `--explanations ${f}：不是普通文件（文件夹、管道或设备），未打开`;
      case "too-large":
        return `--explanations ${f}：文件过大（${p.bytes} 字节），不像是说明清单`;
      case "not-json":
        return `--explanations ${f}：不是有效的 JSON：${p.detail}`;
      case "not-the-format":
        return `--explanations ${f}：不是说明清单（应为 {"format": "xxgk-explanations", "version": 1, "reports": [...]}，见 docs/cli.md）`;
      case "too-many-reports":
        return `--explanations ${f}：列出了 ${p.count} 份报告，超过上限 10000`;
    }
  },
  explanationsFileSkipped: (f, n) =>
    `! --explanations ${f}：有 ${n} 条说明无法使用（字段缺失或有误、超出限额，或未写明文件或机关和年度），未采用`,
};

const EN: CliText = {
  ...reportText("en-US"),
  progress: (d, t, f) => `checking ${d}/${t} ${f}`,
  templateWritten: (f, t) => `template written to ${f} (${t})`,
  annotated: (f, n) => `annotated copy written to ${f} (${n} findings)`,
  usage: USAGE_EN,
  usageError: (d) => `usage error: ${d}\nRun xxgk --help for usage.`,
  sameFile: "The output must not be the input file: the input is never written.",
  annotatedFromReport: (f, n) =>
    `the report's tables written into a new workbook ${f} in the official template layout (totals as reported) and annotated (${n} findings)`,
  writeFailed: (f, d) => `cannot write ${f}: ${d}`,
  more: (n, rule) => `${n} more ${rule} findings not shown (--format json or csv lists them all)`,
  extracted: (f, n, u) =>
    `figures of ${n} report${n === 1 ? "" : "s"} written to ${f}${u > 0 ? ` (${u} could not be read: see the status column)` : ""}`,
  narrativeFromFailingTables: (n) =>
    `Note: the tables have ${n} error${n === 1 ? "" : "s"}: figures in the text below may be wrong. Run xxgk check to see and correct them first.`,
  usageProblem: usageProblemEn,
  skippedLoop: (f, c) =>
    `! ${f}: skipped: a symbolic link to the folder ${c}, which is checked already`,
  skippedDuplicate: (f, c) => `! ${f}: skipped: the same file as ${c}`,
  lastYearNotEarlier: (lf, ly, f, y) =>
    `--last-year ${lf} is the report for ${ly}, not earlier than ${f} (${y}): not compared; last year's report would be for ${y - 1}.`,
  outputExists: (f) => `${f} already exists and was not overwritten; add --force to overwrite it.`,
  outputNotWorkbook: (f) =>
    `the annotated copy is a workbook: the output name must end in .xlsx (got ${f}).`,
  macroToPlain: (f) =>
    `the input is a macro-enabled workbook (.xlsm), so the annotated copy must be one too: name the output ${f} with .xlsm at the end.`,
  plainToMacro: (f) =>
    `the input is not a macro-enabled workbook, so the annotated copy must be an .xlsx: name the output ${f} with .xlsx at the end.`,
  reportWritten: (f) => `annual report written to ${f}`,
  reportDraft: (f, n, m) =>
    `Note: the tables have ${n} error${n === 1 ? "" : "s"}, so ${f} is a draft: ${m} doubtful figure${m === 1 ? " is" : "s are"} marked 【请核对】. Run xxgk check to see and correct them before publishing.`,
  reportMarked: (f, m) =>
    `${m} figure${m === 1 ? " is" : "s are"} marked 【请核对】 in ${f} (warnings of the check): verify them and remove the marks.`,
  explanationsFileProblem: (f, p) => {
    switch (p.code) {
      case "unreadable":
        return `--explanations ${f}: cannot be read: ${p.detail}`;
      case "not-a-file":
        return `--explanations ${f}: not a regular file (a folder, pipe or device); not opened`;
      case "too-large":
        return `--explanations ${f}: too large (${p.bytes} bytes) to be a list of explanations`;
      case "not-json":
        return `--explanations ${f}: not valid JSON: ${p.detail}`;
      case "not-the-format":
        return `--explanations ${f}: not a list of explanations (expected {"format": "xxgk-explanations", "version": 1, "reports": [...]}, see docs/cli.md)`;
      case "too-many-reports":
        return `--explanations ${f}: names ${p.count} reports, more than the limit of 10000`;
    }
  },
  explanationsFileSkipped: (f, n) =>
    `! --explanations ${f}: ${n} explanation${n === 1 ? "" : "s"} cannot be used (a field missing or wrong, over a limit, or no file nor agency and year) and ${n === 1 ? "was" : "were"} not applied`,
};

/** The frame texts of a locale. */
export function cliText(locale: Locale): CliText {
  return locale === "en-US" ? EN : ZH;
}
