/**
 * The text of every finding, rule and fix in zh-CN and en-US. One exhaustive switch per locale on
 * the finding code, so a new code without text fails to compile. Messages use official labels and
 * named arguments; findings themselves carry no prose.
 */
import type { AgencyLevel } from "../model/agency";
import type { TableId } from "../model/tables";
import type { Finding, FindingCode, Fix, RuleId } from "../rules/finding";
import { sectionHeading, type SectionNumber } from "../structure/sections";
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
  /** The difference without its sign ("差 1"): plain words say which side is larger. */
  readonly gap: string;
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
  "balance-mismatch": "“第一项加第二项等于第三项（七）加第四项”",
  "row-total-mismatch": "“总计等于六类申请人相加”",
  "column-total-mismatch": "“（七）总计等于各项办理结果相加”",
  "group-total-mismatch": "“总计等于四种结果相加”",
};

const SUM_RULE_EN: Record<string, string> = {
  "balance-mismatch": "rule I + II = III.(7) + IV",
  "row-total-mismatch": "rule that the total equals the six applicant columns",
  "column-total-mismatch": "rule that III.(7) equals the outcomes added up",
  "group-total-mismatch": "rule that the total equals the four results added up",
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

const LEVEL_EN: Record<AgencyLevel, string> = {
  township: "a township or sub-district office",
  "county-dept": "a county-level department",
  "county-gov": "a county-level government",
  "county-gov-office": "a county-level government office",
  "city-dept": "a city-level department",
  "city-gov": "a city-level government",
  "city-gov-office": "a city-level government office",
  province: "a provincial government",
  "state-council-dept": "a State Council department",
};

const SUM_CODES: ReadonlySet<FindingCode> = new Set<FindingCode>([
  "balance-mismatch",
  "row-total-mismatch",
  "column-total-mismatch",
  "group-total-mismatch",
]);

/** The official heading of the section a structure finding names ("三、收到和处理…"). */
function sectionOf(a: Args): string {
  const n = Number(a.p("section"));
  return n >= 1 && n <= 6 ? sectionHeading(n as SectionNumber) : a.p("section");
}

const TITLE_PART_ZH: Record<string, string> = {
  agency: "机关名称",
  year: "年度",
  name: "“政府信息公开工作年度报告”",
};

const TITLE_PART_EN: Record<string, string> = {
  agency: "the agency",
  year: "the year",
  name: "“政府信息公开工作年度报告”",
};

const PARTIAL_ZH: Record<string, string> = {
  "no-title": "文本没有年报标题，像是报告的一部分",
  "cut-off": "文本的最后一行不是完整的句子（在句子、标题或表格中间结束），像是截断的复制",
  "ends-before-last-section": "文本在第六部分之前结束，末尾也没有落款和日期，可能只复制了一部分",
};

const PARTIAL_EN: Record<string, string> = {
  "no-title": "the text has no report title and looks like part of a report",
  "cut-off":
    "the text's last line is not a finished sentence (it stops inside a sentence, a heading or a table), like a truncated copy",
  "ends-before-last-section":
    "the text ends before section 六 without a signature and date, so it may be only part of the report",
};

function zh(code: FindingCode, a: Args): string {
  if (SUM_CODES.has(code) && a.unknownCell !== "") {
    return `${a.unknownCell}不是数字；按${a.table}${SUM_RULE_ZH[code]}，这一格应为 ${a.computed}。`;
  }
  const unknownNote = a.has("blankCells") ? `（其中 ${a.p("blankCells")} 格空白，按 0 计）` : "";
  switch (code) {
    case "balance-mismatch":
      return `表三「${a.column}」列：第一项加第二项：${a.reported}；第三项（七）加第四项：${a.computed}。两者应相等，差 ${a.gap}${unknownNote}。`;
    case "row-total-mismatch":
      return `表三「${a.row}」行：总计：${a.reported}；六类申请人相加：${a.computed}。两者应相等，差 ${a.gap}${unknownNote}。`;
    case "column-total-mismatch":
      return `表三「${a.column}」列：（七）总计：${a.reported}；各项办理结果相加：${a.computed}。两者应相等，差 ${a.gap}${unknownNote}。`;
    case "group-total-mismatch":
      return `表四「${a.row}」：总计：${a.reported}；结果维持、结果纠正、其他结果、尚未审结相加：${a.computed}。两者应相等，差 ${a.gap}${unknownNote}。`;
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
    case "table-cut":
      return `${a.table}在「${a.row}」行之后中断（文字到此结束），后面的行未能读到，未作检查。`;
    case "row-short":
      return `${a.table}「${a.row}」行只有 ${a.p("found")} 个数，应有 ${a.p("expected")} 个（空白格可能在复制时丢失）：无法确定各数所在的列，该行未读取。`;
    case "table-duplicated":
      return `${a.table}出现了不止一次，只检查了第一个。`;
    case "carry-over-mismatch":
      return `表三「${a.column}」列：上年结转 ${a.reported} 件，与上一年度报告的“结转下年度继续办理” ${a.p("lastYear")} 件不一致。`;
    case "in-force-mismatch":
      return `表二「${a.row}」：现行有效 ${a.reported} 件；按上年现行有效 ${a.p("lastYear")} 件加本年制发、减本年废止，应为 ${a.computed} 件（文件失效不计入废止的，可在第六部分说明）。`;
    case "breakdown-sum-mismatch":
      return `正文写共 ${a.reported}${a.p("unit")}，但“其中”所列各项加起来是 ${a.computed}${a.p("unit")}，差 ${a.gap}。`;
    case "part-exceeds-total":
      return `正文写共 ${a.reported}${a.p("unit")}，但“其中”的一项${a.has("label") ? `「${a.p("label")}」` : ""}为 ${a.computed}，大于总数。`;
    case "narrative-balance-mismatch":
      return `正文中的依申请公开数字对不上：本年新收加上年结转：${a.reported} 件；办结加结转下年度：${a.computed} 件。两者应相等，差 ${a.gap}。`;
    case "narrative-outcomes-mismatch":
      return `正文所列各项办理结果加起来是 ${a.computed} 件，与所写的办结 ${a.reported} 件不一致。`;
    case "narrative-table-mismatch":
      return `正文写「${a.p("quantity")}」${a.reported}${a.p("unit")}，与表格中的 ${a.computed} 不一致（${a.cell}${a.cellCount > 1 ? ` 等 ${a.cellCount} 格之和` : ""}）。`;
    case "same-quantity-differs":
      return `正文两处写「${a.p("quantity")}」，一处为 ${a.reported}，另一处为 ${a.computed}。`;
    case "percentage-mismatch":
      return `正文中的百分比 ${a.reported}% 与所述数字算出的 ${a.computed}% 不符。`;
    case "open-list-exceeds-total":
      return `正文写共 ${a.reported}${a.p("unit")}，“其中/包括”所列各项之和却为 ${a.computed}${a.p("unit")}，超过总数；若各项有重叠（如同一信息在多个渠道发布）可不改。`;
    case "received-includes-carried-over":
      return `正文写「${a.p("quantity")}」${a.reported} 件，等于表三本年新收 ${a.p("new")} 件加上年结转 ${a.p("carriedOver")} 件；若指本年新收申请，应为 ${a.p("new")} 件。`;
    case "period-wrong":
      return `统计期限写为 ${a.p("start")} 至 ${a.p("end")}；${a.p("year")} 年度报告应为 ${a.p("year")}年1月1日至${a.p("year")}年12月31日。`;
    case "section-missing":
      return `缺少第${sectionOf(a).slice(0, 1)}部分「${sectionOf(a)}」：年报应包含六部分内容（《条例》第五十条、国办公开办函〔2021〕30号）。`;
    case "sections-not-found":
      return `未找到年报的六个部分标题（一、总体情况……六、其他需要报告的事项），请按官方格式列出六部分。`;
    case "section-renamed":
      return `第${sectionOf(a).slice(0, 1)}部分标题写为「${a.p("found")}」，官方格式为「${sectionOf(a)}」。`;
    case "section-out-of-order":
      return `「${sectionOf(a)}」的位置与官方顺序（一至六）不一致。`;
    case "subtopic-missing":
      return `「一、总体情况」未写到「${a.p("topic")}」；按官方格式，总体情况应包括主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五方面。`;
    case "table-not-found":
      return `未找到${a.table.slice(0, 2)}：年报必须包含${a.table.slice(0, 2)}；如果表格是图片，请改为可编辑的文字表格（图片中的数字无法核对）。`;
    case "title-missing":
      return `未找到年报标题；标题应写明机关名称、年度和“政府信息公开工作年度报告”。`;
    case "title-incomplete":
      return `年报标题「${a.p("found")}」没有写明${TITLE_PART_ZH[a.p("part")] ?? a.p("part")}；标题应为“机关名称＋年度＋政府信息公开工作年度报告”。`;
    case "period-missing":
      return `正文没有写明统计期限（如“本报告所列数据的统计期限自${a.has("year") ? a.p("year") : "某"}年1月1日起至12月31日止”）。`;
    case "structure-pre-2019":
      return a.p("where") === "introduction"
        ? `引言列出的是 2019 年以前的七部分结构（${a.p("found")}）；2021 年度起的年报为国办公开办函〔2021〕30号的六部分，请改写引言。`
        : `正文使用的是 2019 年以前的七部分结构（${a.p("found")}）；2021 年度起应使用国办公开办函〔2021〕30号的六部分格式。`;
    case "structure-not-judged":
      return `未检查章节、表格、标题和统计期限：${PARTIAL_ZH[a.p("reason")] ?? a.p("reason")}。只检查了文本中已有的内容。`;
  }
}

function en(code: FindingCode, a: Args): string {
  if (SUM_CODES.has(code) && a.unknownCell !== "") {
    return `${a.unknownCell} is not a number; by the ${SUM_RULE_EN[code]} of ${a.table} it should be ${a.computed}.`;
  }
  const unknownNote = a.has("blankCells") ? ` (${a.p("blankCells")} blank cells counted as 0)` : "";
  switch (code) {
    case "balance-mismatch":
      return `Table 3, column "${a.column}": item I plus item II: ${a.reported}; item III.(7) plus item IV: ${a.computed}. The two should be equal; they differ by ${a.gap}${unknownNote}.`;
    case "row-total-mismatch":
      return `Table 3, row "${a.row}": total: ${a.reported}; the six applicant columns added up: ${a.computed}. The two should be equal; they differ by ${a.gap}${unknownNote}.`;
    case "column-total-mismatch":
      return `Table 3, column "${a.column}": III.(7) total: ${a.reported}; the outcomes added up: ${a.computed}. The two should be equal; they differ by ${a.gap}${unknownNote}.`;
    case "group-total-mismatch":
      return `Table 4, "${a.row}": total: ${a.reported}; upheld, corrected, other and pending added up: ${a.computed}. The two should be equal; they differ by ${a.gap}${unknownNote}.`;
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
      return `Table 2 reports ${a.reported} government rules, but ${LEVEL_EN[a.p("level") as AgencyLevel] ?? `a ${a.p("level")} agency`} cannot make government rules; enter 0.`;
    case "format-2019":
      return `${a.table} uses the 2019 trial format; reports from 2021 on must use the 2021 format (General Office of the State Council, 2021, No. 30).`;
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
    case "table-cut":
      return `${a.table} breaks off after row "${a.row}" (the text ends there); the rows after it were not read or checked.`;
    case "row-short":
      return `${a.table}: row "${a.row}" has ${a.p("found")} figures where ${a.p("expected")} are due (blank cells may have been lost in copying); which column each belongs to cannot be told, so the row was not read.`;
    case "table-duplicated":
      return `${a.table} appears more than once; only the first was checked.`;
    case "carry-over-mismatch":
      return `Table 3, column "${a.column}": ${a.reported} carried over from last year, but last year's report carried ${a.p("lastYear")} to this year.`;
    case "in-force-mismatch":
      return `Table 2, "${a.row}": ${a.reported} in force; last year's ${a.p("lastYear")} plus issued minus repealed gives ${a.computed}.`;
    case "breakdown-sum-mismatch":
      return `The text states a total of ${a.reported}, but its parts add up to ${a.computed}; they differ by ${a.gap}.`;
    case "part-exceeds-total":
      return `A part stated in the text${a.has("label") ? ` ("${a.p("label")}")` : ""} is ${a.computed}, more than its total ${a.reported}.`;
    case "narrative-balance-mismatch":
      return `The text's request figures do not agree: new plus carried over: ${a.reported}; concluded plus carried forward: ${a.computed}. The two should be equal; they differ by ${a.gap}.`;
    case "narrative-outcomes-mismatch":
      return `The outcomes listed in the text add up to ${a.computed}, not the ${a.reported} concluded it states.`;
    case "narrative-table-mismatch":
      return `The text states "${a.p("quantity")}" as ${a.reported}, but the table holds ${a.computed} (${a.cell}${a.cellCount > 1 ? ` and ${a.cellCount - 1} more cells` : ""}).`;
    case "same-quantity-differs":
      return `The text states "${a.p("quantity")}" twice, as ${a.reported} and as ${a.computed}.`;
    case "percentage-mismatch":
      return `The text's ${a.reported}% does not match ${a.computed}% computed from its figures.`;
    case "open-list-exceeds-total":
      return `The text states a total of ${a.reported}, but the parts it lists add up to ${a.computed}, more than the total; fine if the parts overlap (one item on several channels).`;
    case "received-includes-carried-over":
      return `The text states "${a.p("quantity")}" as ${a.reported}: table 3's ${a.p("new")} new plus ${a.p("carriedOver")} carried over; if it means new requests only, it should be ${a.p("new")}.`;
    case "period-wrong":
      return `The reporting period is stated as ${a.p("start")} to ${a.p("end")}; a ${a.p("year")} report covers ${a.p("year")}-01-01 to ${a.p("year")}-12-31.`;
    case "section-missing":
      return `Section "${sectionOf(a)}" is missing: the report must have the six sections of the 2021 format.`;
    case "sections-not-found":
      return `None of the six section headings (一、总体情况 … 六、其他需要报告的事项) was found.`;
    case "section-renamed":
      return `The heading "${a.p("found")}" differs from the official "${sectionOf(a)}".`;
    case "section-out-of-order":
      return `Section "${sectionOf(a)}" is out of the official order.`;
    case "subtopic-missing":
      return `"一、总体情况" does not cover "${a.p("topic")}", one of its five official sub-topics.`;
    case "table-not-found":
      return `${a.table} was not found: the report must contain it; if it is a picture, make it a table of text (figures in a picture cannot be checked).`;
    case "title-missing":
      return `No report title was found; it should name the agency, the year and 政府信息公开工作年度报告.`;
    case "title-incomplete":
      return `The title "${a.p("found")}" does not name ${TITLE_PART_EN[a.p("part")] ?? a.p("part")}.`;
    case "period-missing":
      return `The report does not state its reporting period (统计期限).`;
    case "structure-pre-2019":
      return a.p("where") === "introduction"
        ? `The introduction lists the pre-2019 seven parts (${a.p("found")}); reports from 2021 on have the six sections of the 2021 format.`
        : `The text follows the pre-2019 seven-part structure (${a.p("found")}); reports from 2021 on use the six sections of the 2021 format.`;
    case "structure-not-judged":
      return `Sections, tables, title and reporting period were not checked: ${PARTIAL_EN[a.p("reason")] ?? a.p("reason")}. Only what the text holds was checked.`;
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
    gap: f.difference === undefined ? "?" : number(Math.abs(f.difference)),
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
    S1: "六个部分齐全、顺序和标题符合官方格式，总体情况包括五方面内容",
    S2: "2021 年度起的年报包含表二、表三、表四（文字表格，不只是图片）",
    S3: "写明统计期限，标题写明机关名称、年度和“政府信息公开工作年度报告”",
  };
  const enText: Record<RuleId, string> = {
    R1: "Table 3, each column: I + II = III.(7) + IV",
    R2: "Table 3, each row: total = sum of the six applicant columns",
    R3: "Table 3, each column: III.(7) = sum of the outcome rows",
    R3a: "Table 3: carried forward ≤ new + carried over; outcome groups ≤ III.(7)",
    R4: "Table 4: each total = upheld + corrected + other + pending",
    R5: "Counts are whole numbers ≥ 0; fees are ≥ 0 with at most 4 decimals",
    R6: "No blank cells: enter 0",
    R7: "Townships and county-level bodies report 0 government rules",
    R8: "Reports from 2021 on use the 2021 format",
    R9: "Rows, columns and labels follow the official format",
    X1: "Carried over this year = carried forward last year",
    X2: "In force = last year's in force + issued − repealed",
    N1: "A stated total equals its parts; no part exceeds it",
    N2: "The text's request figures balance",
    N3: "The text's figures match the tables",
    N4: "The text states each figure consistently; percentages match",
    P1: "The reporting period is 1 January to 31 December of the report year",
    S1: "The six sections are present, in order, with the official headings; 总体情况 covers its five sub-topics",
    S2: "A 2021+ report contains tables 2, 3 and 4 as tables (not only pictures)",
    S3: "The report states its reporting period; its title names the agency, the year and the report",
  };
  return (locale === "zh-CN" ? zhText : enText)[id];
}
