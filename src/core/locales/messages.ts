/**
 * The text of every finding, rule and fix in zh-CN and en-US. One exhaustive switch per locale on
 * the finding code, so a new code without text fails to compile. Messages use official labels and
 * named arguments; findings themselves carry no prose.
 */
import type { AgencyLevel } from "../model/agency";
import type { TableId } from "../model/tables";
import type { Finding, FindingCode, Fix, RuleId } from "../rules/finding";
import { cellLabel, columnLabel, quantityLabel, rowLabel, tableName } from "./labels";
import type { Locale } from "./locale";

/** The named arguments a message may use, resolved to display text. */
interface Args {
  readonly table: string;
  readonly row: string;
  readonly column: string;
  /** The first cell, with its address: 表三「…」行「自然人」列（Sheet1!D8）. */
  readonly cell: string;
  /** The cell that is not a number, for sum findings that could not add it up. */
  readonly unknownCell: string;
  /** How many cells the finding names. */
  readonly cellCount: number;
  readonly reported: string;
  readonly computed: string;
  readonly difference: string;
  readonly p: (name: string) => string;
  readonly has: (name: string) => boolean;
}

function number(value: number | undefined): string {
  if (value === undefined) return "?";
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

function signed(value: number | undefined): string {
  if (value === undefined) return "?";
  return value > 0 ? `+${number(value)}` : number(value);
}

const SUM_RULE_ZH: Record<string, string> = {
  "balance-mismatch": "勾稽关系（第一项加第二项等于第三项加第四项）",
  "row-total-mismatch": "行合计（总计等于六类申请人之和）",
  "column-total-mismatch": "列合计（（七）总计等于各项办理结果之和）",
  "group-total-mismatch": "合计（总计等于四种结果之和）",
};

const SUM_RULE_EN: Record<string, string> = {
  "balance-mismatch": "balance I + II = III.(7) + IV",
  "row-total-mismatch": "row total",
  "column-total-mismatch": "column total",
  "group-total-mismatch": "group total",
};

const LEVEL_ZH: Record<AgencyLevel, string> = {
  township: "乡镇（街道）",
  "county-dept": "县级部门",
  "county-gov": "县级人民政府",
  "county-gov-office": "县级人民政府办公室",
  "city-dept": "市级部门",
  "city-gov": "市级人民政府",
  "city-gov-office": "市级人民政府办公室",
  province: "省级人民政府",
  "state-council-dept": "国务院部门",
};

const SUM_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "balance-mismatch",
  "row-total-mismatch",
  "column-total-mismatch",
  "group-total-mismatch",
]);

function zh(code: FindingCode, a: Args): string {
  if (SUM_CODES.has(code) && a.unknownCell !== "") {
    return `${a.unknownCell}不是数字；按${a.table}的${SUM_RULE_ZH[code]}，这一格应为 ${a.computed}。`;
  }
  const unknownNote = a.has("blankCells") ? `（其中 ${a.p("blankCells")} 格空白，按 0 计）` : "";
  switch (code) {
    case "balance-mismatch":
      return `表三「${a.column}」列勾稽关系不成立：第一项加第二项之和为 ${a.reported}，第三项（七）总计加第四项之和为 ${a.computed}，相差 ${a.difference}${unknownNote}。`;
    case "row-total-mismatch":
      return `表三「${a.row}」行：总计为 ${a.reported}，六类申请人之和为 ${a.computed}，相差 ${a.difference}${unknownNote}。`;
    case "column-total-mismatch":
      return `表三「${a.column}」列：（七）总计为 ${a.reported}，各项办理结果之和为 ${a.computed}，相差 ${a.difference}${unknownNote}。`;
    case "group-total-mismatch":
      return `表四「${a.row}」：总计为 ${a.reported}，结果维持、结果纠正、其他结果、尚未审结之和为 ${a.computed}，相差 ${a.difference}${unknownNote}。`;
    case "carry-forward-exceeds":
      return `表三「${a.column}」列：结转下年度继续办理 ${a.reported} 件，超过本年新收与上年结转之和 ${a.computed} 件。`;
    case "outcome-group-exceeds-total":
      return `表三「${a.column}」列：「${a.row}」各项之和 ${a.reported} 件，超过（七）总计 ${a.computed} 件。`;
    case "negative":
      return `${a.cell}为负数 ${a.p("value")}，应为不小于 0 的数。`;
    case "fraction":
      return `${a.cell}为 ${a.p("value")}，件数应为整数。`;
    case "too-precise":
      return `${a.cell}为 ${a.p("value")} 万元，超过 4 位小数（不足 1 元），请检查是否把“元”误填为“万元”。`;
    case "number-as-text":
      return `${a.cell}的「${a.p("text")}」是文字形式的数字，Excel 的求和公式（SUM）不计入它，合计可能因此少算；请把它改为数字 ${a.p("value")}。`;
    case "too-large":
      return `${a.cell}为 ${a.has("text") ? a.p("text") : a.p("value")}，超过 10 亿，不是可信的件数或金额，请检查是否多填了数字。`;
    case "excel-error":
      return `${a.cell}是错误值 ${a.p("text")}，请检查公式。`;
    case "text":
      return a.has("suggestion")
        ? `${a.cell}填的是文字「${a.p("text")}」，不是数字；如指 ${a.p("suggestion")}，请只填数字 ${a.p("suggestion")}。`
        : `${a.cell}填的是文字「${a.p("text")}」，不是数字，请填数字。`;
    case "not-applicable":
      return `${a.cell}填的是「${a.p("text")}」；本表每一格都适用，没有数据请填 0。`;
    case "blank":
      return `${a.cell}为空白；没有数据请填 0，不要留空。`;
    case "rules-not-in-remit":
      return `表二「规章」填了 ${a.reported} 件，但${LEVEL_ZH[a.p("level") as AgencyLevel] ?? a.p("level")}无权制定规章，应填 0（规范性文件请填在「行政规范性文件」行）。`;
    case "format-2019":
      return `${a.table}使用的是 2019 年试行格式（国办公开办函〔2019〕60号）；2021 年度起应使用国办公开办函〔2021〕30号格式。`;
    case "label-variant":
      return `${a.table}中的「${a.p("found")}」与官方格式「${a.p("official")}」不一致，请改为官方表述。`;
    case "row-missing":
      return `${a.table}缺少「${a.row}」行。`;
    case "row-duplicated":
      return `${a.table}「${a.row}」行出现了不止一次，只读取了第一次出现的数字。`;
    case "row-out-of-order":
      return `${a.table}「${a.row}」行的位置与官方格式不一致。`;
    case "row-unknown":
      return `${a.table}中的「${a.p("found")}」不是官方格式中的行。`;
    case "column-missing":
      return `${a.table}缺少「${a.column}」列。`;
    case "table-duplicated":
      return `${a.table}出现了不止一次，只检查了第一个。`;
    case "carry-over-mismatch":
      return `表三「${a.column}」列：上年结转 ${a.reported} 件，与上一年度报告的“结转下年度继续办理” ${a.p("lastYear")} 件不一致。`;
    case "in-force-mismatch":
      return `表二「${a.row}」：现行有效 ${a.reported} 件；按上年现行有效 ${a.p("lastYear")} 件加本年制发、减本年废止，应为 ${a.computed} 件（文件失效不计入废止的，可在第六部分说明）。`;
    case "breakdown-sum-mismatch":
      return `正文写共 ${a.reported}${a.p("unit")}，但“其中”所列各项之和为 ${a.computed}${a.p("unit")}，相差 ${a.difference}。`;
    case "part-exceeds-total":
      return `正文写共 ${a.reported}${a.p("unit")}，但“其中”的一项${a.has("label") ? `「${a.p("label")}」` : ""}为 ${a.computed}，大于总数。`;
    case "narrative-balance-mismatch":
      return `正文所述依申请公开数字不平衡：本年新收加上年结转为 ${a.reported} 件，办结加结转下年度为 ${a.computed} 件，相差 ${a.difference}。`;
    case "narrative-outcomes-mismatch":
      return `正文所列各项办理结果之和为 ${a.computed} 件，与所述办结 ${a.reported} 件不一致。`;
    case "narrative-table-mismatch":
      return `正文写「${a.p("quantity")}」${a.reported}${a.p("unit")}，与表格中的 ${a.computed} 不一致（${a.cell}${a.cellCount > 1 ? ` 等 ${a.cellCount} 格之和` : ""}）。`;
    case "same-quantity-differs":
      return `正文两处写「${a.p("quantity")}」，一处为 ${a.reported}，另一处为 ${a.computed}。`;
    case "percentage-mismatch":
      return `正文中的百分比 ${a.reported}% 与所述数字算出的 ${a.computed}% 不符。`;
    case "period-wrong":
      return `统计期限写为 ${a.p("start")} 至 ${a.p("end")}；${a.p("year")} 年度报告应为 ${a.p("year")}年1月1日至${a.p("year")}年12月31日。`;
  }
}

function en(code: FindingCode, a: Args): string {
  if (SUM_CODES.has(code) && a.unknownCell !== "") {
    return `${a.unknownCell} is not a number; by the ${SUM_RULE_EN[code]} of ${a.table} it should be ${a.computed}.`;
  }
  const unknownNote = a.has("blankCells") ? ` (${a.p("blankCells")} blank cells counted as 0)` : "";
  switch (code) {
    case "balance-mismatch":
      return `Table 3, column "${a.column}": items I + II = ${a.reported} but III.(7) + IV = ${a.computed}, off by ${a.difference}${unknownNote}.`;
    case "row-total-mismatch":
      return `Table 3, row "${a.row}": the total is ${a.reported} but the six applicant columns add up to ${a.computed}, off by ${a.difference}${unknownNote}.`;
    case "column-total-mismatch":
      return `Table 3, column "${a.column}": III.(7) total is ${a.reported} but the outcomes add up to ${a.computed}, off by ${a.difference}${unknownNote}.`;
    case "group-total-mismatch":
      return `Table 4, "${a.row}": the total is ${a.reported} but upheld + corrected + other + pending = ${a.computed}, off by ${a.difference}${unknownNote}.`;
    case "carry-forward-exceeds":
      return `Table 3, column "${a.column}": ${a.reported} carried to next year exceeds new plus carried-over requests (${a.computed}).`;
    case "outcome-group-exceeds-total":
      return `Table 3, column "${a.column}": "${a.row}" adds up to ${a.reported}, more than the III.(7) total ${a.computed}.`;
    case "negative":
      return `${a.cell} is negative (${a.p("value")}); it must be 0 or more.`;
    case "fraction":
      return `${a.cell} is ${a.p("value")}; counts must be whole numbers.`;
    case "too-precise":
      return `${a.cell} is ${a.p("value")} (10,000 yuan) with more than 4 decimals, less than one yuan: was it entered in yuan?`;
    case "number-as-text":
      return `${a.cell} holds "${a.p("text")}", a number stored as text: Excel's SUM leaves it out, so totals may come out short; enter it as the number ${a.p("value")}.`;
    case "too-large":
      return `${a.cell} is ${a.has("text") ? a.p("text") : a.p("value")}, over one billion: not a plausible count or amount; check for extra digits.`;
    case "excel-error":
      return `${a.cell} holds the error value ${a.p("text")}; check its formula.`;
    case "text":
      return a.has("suggestion")
        ? `${a.cell} holds the text "${a.p("text")}", not a number; if you mean ${a.p("suggestion")}, enter just ${a.p("suggestion")}.`
        : `${a.cell} holds the text "${a.p("text")}", not a number.`;
    case "not-applicable":
      return `${a.cell} holds "${a.p("text")}"; every cell of this table applies: enter 0 when there is nothing to report.`;
    case "blank":
      return `${a.cell} is blank; enter 0 when there is nothing to report.`;
    case "rules-not-in-remit":
      return `Table 2 reports ${a.reported} rules (规章), but a ${a.p("level")} agency cannot make rules; enter 0.`;
    case "format-2019":
      return `${a.table} uses the 2019 trial format; reports from 2021 on must use the 2021 format (国办公开办函〔2021〕30号).`;
    case "label-variant":
      return `${a.table}: "${a.p("found")}" differs from the official label "${a.p("official")}".`;
    case "row-missing":
      return `${a.table} has no row "${a.row}".`;
    case "row-duplicated":
      return `${a.table}: row "${a.row}" appears more than once; the first one was read.`;
    case "row-out-of-order":
      return `${a.table}: row "${a.row}" is not where the official format puts it.`;
    case "row-unknown":
      return `${a.table}: "${a.p("found")}" is not a row of the official format.`;
    case "column-missing":
      return `${a.table} has no column "${a.column}".`;
    case "table-duplicated":
      return `${a.table} appears more than once; only the first was checked.`;
    case "carry-over-mismatch":
      return `Table 3, column "${a.column}": ${a.reported} carried over from last year, but last year's report carried ${a.p("lastYear")} to this year.`;
    case "in-force-mismatch":
      return `Table 2, "${a.row}": ${a.reported} in force; last year's ${a.p("lastYear")} plus issued minus repealed gives ${a.computed}.`;
    case "breakdown-sum-mismatch":
      return `The text states a total of ${a.reported}, but its parts add up to ${a.computed}, off by ${a.difference}.`;
    case "part-exceeds-total":
      return `A part stated in the text${a.has("label") ? ` ("${a.p("label")}")` : ""} is ${a.computed}, more than its total ${a.reported}.`;
    case "narrative-balance-mismatch":
      return `The text's request figures do not balance: new + carried over = ${a.reported}, concluded + carried forward = ${a.computed}.`;
    case "narrative-outcomes-mismatch":
      return `The outcomes listed in the text add up to ${a.computed}, not the ${a.reported} concluded it states.`;
    case "narrative-table-mismatch":
      return `The text states "${a.p("quantity")}" as ${a.reported}, but the table holds ${a.computed} (${a.cell}${a.cellCount > 1 ? ` and ${a.cellCount - 1} more cells` : ""}).`;
    case "same-quantity-differs":
      return `The text states "${a.p("quantity")}" twice, as ${a.reported} and as ${a.computed}.`;
    case "percentage-mismatch":
      return `The text's ${a.reported}% does not match ${a.computed}% computed from its figures.`;
    case "period-wrong":
      return `The reporting period is stated as ${a.p("start")} to ${a.p("end")}; a ${a.p("year")} report covers ${a.p("year")}-01-01 to ${a.p("year")}-12-31.`;
  }
}

function argsOf(f: Finding, locale: Locale): Args {
  const table: TableId | undefined = f.table ?? f.cells[0]?.table;
  const params = f.params;
  const first = f.cells[0];
  const rowKey = typeof params["row"] === "string" ? params["row"] : first?.row;
  const columnKey = typeof params["column"] === "string" ? params["column"] : first?.column;
  const address =
    first?.address === undefined
      ? ""
      : locale === "zh-CN"
        ? `（${first.address}）`
        : ` (${first.address})`;
  return {
    table: table === undefined ? "" : tableName(table, locale),
    row:
      table === undefined || rowKey === undefined
        ? (rowKey ?? "")
        : rowLabel(table, rowKey, locale),
    column:
      table === undefined || columnKey === undefined
        ? (columnKey ?? "")
        : columnLabel(table, columnKey, locale),
    cell: first === undefined ? "" : `${cellLabel(first, locale)}${address}`,
    cellCount: f.cells.length,
    unknownCell: unknownCellLabel(f, table, locale),
    reported: number(f.reported),
    computed: number(f.computed),
    difference: signed(f.difference),
    p: (name) => {
      const v = params[name];
      if (name === "quantity" && typeof v === "string") return quantityLabel(v, locale);
      return v === undefined ? "" : typeof v === "number" ? number(v) : v;
    },
    has: (name) => params[name] !== undefined,
  };
}

function unknownCellLabel(f: Finding, table: TableId | undefined, locale: Locale): string {
  const row = f.params["unknownRow"];
  const column = f.params["unknownColumn"];
  if (table === undefined || typeof row !== "string" || typeof column !== "string") return "";
  const cell = f.cells.find((c) => c.row === row && c.column === column);
  const address =
    cell?.address === undefined
      ? ""
      : locale === "zh-CN"
        ? `（${cell.address}）`
        : ` (${cell.address})`;
  return `${cellLabel({ table, row, column }, locale)}${address}`;
}

/** The message of a finding in a locale. */
export function formatFinding(f: Finding, locale: Locale = "zh-CN"): string {
  const a = argsOf(f, locale);
  return locale === "zh-CN" ? zh(f.code, a) : en(f.code, a);
}

/** The proposed fix as a sentence: 建议将 …（D8）由 10 改为 9. */
export function formatFix(fix: Fix, locale: Locale = "zh-CN"): string {
  const where = `${cellLabel(fix.cell, locale)}${fix.cell.address === undefined ? "" : locale === "zh-CN" ? `（${fix.cell.address}）` : ` (${fix.cell.address})`}`;
  if (locale === "zh-CN") {
    return fix.original === undefined
      ? `建议在${where}填 ${number(fix.value)}。`
      : `建议将${where}由 ${number(fix.original)} 改为 ${number(fix.value)}。`;
  }
  return fix.original === undefined
    ? `Suggested: enter ${number(fix.value)} in ${where}.`
    : `Suggested: change ${where} from ${number(fix.original)} to ${number(fix.value)}.`;
}

/** What each rule checks, for the pane's rule list and the docs. */
export function ruleDescription(id: RuleId, locale: Locale = "zh-CN"): string {
  const zhText: Record<RuleId, string> = {
    R1: "表三每一列：第一项加第二项之和，等于第三项（七）总计加第四项之和",
    R2: "表三每一行：总计等于六类申请人之和",
    R3: "表三每一列：（七）总计等于各项办理结果之和",
    R3a: "表三：结转下年度不超过新收加上年结转；各类办理结果之和不超过（七）总计",
    R4: "表四：复议、直接起诉、复议后起诉的总计各等于四种结果之和",
    R5: "件数为不小于 0 的整数；收费金额不为负，且不超过 4 位小数",
    R6: "不留空白，没有数据填 0",
    R7: "乡镇、街道和县级机关无权制定规章，规章数应为 0",
    R8: "2021 年度起使用国办公开办函〔2021〕30号格式",
    R9: "表格的行、列和标签与官方格式一致",
    X1: "本年上年结转等于上一年度结转下年度继续办理",
    X2: "现行有效件数等于上年现行有效加本年制发减本年废止",
    N1: "正文“共N…其中…”各项之和等于N，且任一项不大于N",
    N2: "正文所述新收加上年结转等于办结加结转下年度",
    N3: "正文所述数字与表格一致",
    N4: "正文中同一数字前后一致，百分比与数字相符",
    P1: "统计期限为报告年度1月1日至12月31日",
  };
  const enText: Record<RuleId, string> = {
    R1: "Table 3, each column: I + II = III.(7) + IV",
    R2: "Table 3, each row: total = sum of the six applicant columns",
    R3: "Table 3, each column: III.(7) = sum of the outcome rows",
    R3a: "Table 3: carried forward ≤ new + carried over; outcome groups ≤ III.(7)",
    R4: "Table 4: each total = upheld + corrected + other + pending",
    R5: "Counts are whole numbers ≥ 0; fees are ≥ 0 with at most 4 decimals",
    R6: "No blank cells: enter 0",
    R7: "Townships and county-level bodies report 0 rules (规章)",
    R8: "Reports from 2021 on use the 2021 format",
    R9: "Rows, columns and labels follow the official format",
    X1: "Carried over this year = carried forward last year",
    X2: "In force = last year's in force + issued − repealed",
    N1: "A stated total equals its parts; no part exceeds it",
    N2: "The text's request figures balance",
    N3: "The text's figures match the tables",
    N4: "The text states each figure consistently; percentages match",
    P1: "The reporting period is 1 January to 31 December of the report year",
  };
  return (locale === "zh-CN" ? zhText : enText)[id];
}
