/**
 * Names of tables, rows and columns for messages: the official Chinese label (zh-CN) or an English
 * rendering (en-US). The Chinese labels come from the table model, never retyped here.
 */
import { TABLES, type CellKey, type TableId } from "../model/tables";
import type { Locale } from "./locale";

const TABLE_NAMES: Record<Locale, Record<TableId, string>> = {
  "zh-CN": { T2: "表二（主动公开）", T3: "表三（依申请公开）", T4: "表四（行政复议、行政诉讼）" },
  "en-US": {
    T2: "Table 2 (proactive disclosure)",
    T3: "Table 3 (requests)",
    T4: "Table 4 (reviews and lawsuits)",
  },
};

const EN_ROWS: Record<string, string> = {
  规章: "Government rules",
  行政规范性文件: "Normative documents",
  规范性文件: "Normative documents (2019)",
  行政许可: "Administrative licensing",
  其他对外管理服务事项: "Other external services (2019)",
  行政处罚: "Administrative penalties",
  行政强制: "Administrative coercion",
  行政事业性收费: "Administrative fees",
  政府集中采购: "Central government procurement (2019)",
  一: "I. New requests received this year",
  二: "II. Requests carried over from last year",
  "三(一)": "III.(1) Disclosed",
  "三(二)": "III.(2) Partly disclosed",
  "三(三)1": "III.(3)1 Refused: state secret",
  "三(三)2": "III.(3)2 Refused: other laws prohibit",
  "三(三)3": "III.(3)3 Refused: endangers security or stability",
  "三(三)4": "III.(3)4 Refused: third-party rights",
  "三(三)5": "III.(3)5 Refused: internal affairs",
  "三(三)6": "III.(3)6 Refused: process information",
  "三(三)7": "III.(3)7 Refused: enforcement files",
  "三(三)8": "III.(3)8 Refused: administrative enquiry",
  "三(四)1": "III.(4)1 Unable: agency does not hold it",
  "三(四)2": "III.(4)2 Unable: would have to be created",
  "三(四)3": "III.(4)3 Unable: still unclear after correction",
  "三(五)1": "III.(5)1 Not handled: petition or complaint",
  "三(五)2": "III.(5)2 Not handled: repeated request",
  "三(五)3": "III.(5)3 Not handled: publications",
  "三(五)4": "III.(5)4 Not handled: mass repeated requests",
  "三(五)5": "III.(5)5 Not handled: confirm information already obtained",
  "三(六)": "III.(6) Other handling (2019)",
  "三(六)1": "III.(6)1 Other: no correction in time",
  "三(六)2": "III.(6)2 Other: fee not paid",
  "三(六)3": "III.(6)3 Other: other",
  "三(七)": "III.(7) Total",
  四: "IV. Carried over to next year",
  复议: "Administrative review",
  直诉: "Lawsuits without prior review",
  复诉: "Lawsuits after review",
};

const EN_COLUMNS: Record<string, string> = {
  制发: "issued this year",
  废止: "repealed this year",
  现行有效: "in force",
  决定: "decisions this year",
  金额: "fees this year (10,000 yuan)",
  新制作: "newly made (2019)",
  新公开: "newly disclosed (2019)",
  公开总数: "disclosed in total (2019)",
  上年项目: "items last year (2019)",
  增减: "change this year (2019)",
  采购项目: "procurement items (2019)",
  采购金额: "procurement amount (2019)",
  自然人: "natural persons",
  商业企业: "businesses",
  科研机构: "research institutions",
  社会公益组织: "public-interest organisations",
  法律服务机构: "legal service providers",
  其他: "others",
  总计: "total",
  维持: "upheld",
  纠正: "corrected",
  未结: "pending",
};

/** The name of a table. */
export function tableName(table: TableId, locale: Locale): string {
  return TABLE_NAMES[locale][table];
}

function officialRowLabel(table: TableId, row: string): string {
  for (const def of TABLES) {
    if (def.id !== table) continue;
    for (const block of def.blocks) {
      const found = block.rows.find((r) => r.key === row);
      if (found !== undefined) {
        // 三(三)1 reads "（三）不予公开 1.属于国家秘密": the group label makes a leaf unambiguous.
        const group = found.path !== undefined && found.path.length > 1 ? found.path[1] : undefined;
        return group === undefined ? found.label : `${group} ${found.label}`;
      }
    }
  }
  return row;
}

function officialColumnLabel(table: TableId, column: string): string {
  for (const def of TABLES) {
    if (def.id !== table) continue;
    for (const block of def.blocks) {
      const found = block.columns.find((c) => c.key === column);
      if (found !== undefined) return found.label;
    }
  }
  return column;
}

/** The label of a row of a table, official in zh-CN. */
export function rowLabel(table: TableId, row: string, locale: Locale): string {
  return locale === "zh-CN" ? officialRowLabel(table, row) : (EN_ROWS[row] ?? row);
}

/** The label of a column of a table, official in zh-CN. */
export function columnLabel(table: TableId, column: string, locale: Locale): string {
  return locale === "zh-CN" ? officialColumnLabel(table, column) : (EN_COLUMNS[column] ?? column);
}

/** A cell named by its row and column labels, e.g. 表三「（一）予以公开」行「自然人」列. */
export function cellLabel(key: CellKey, locale: Locale): string {
  const row = rowLabel(key.table, key.row, locale);
  const column = columnLabel(key.table, key.column, locale);
  const table = tableName(key.table, locale);
  return locale === "zh-CN" ? `${table}「${row}」行「${column}」列` : `${table}, ${row}, ${column}`;
}

const QUANTITY_ZH: Record<string, string> = {
  "applications-new": "本年新收政府信息公开申请",
  "applications-carried-over": "上年结转申请",
  "applications-concluded": "办结申请",
  "applications-carried-forward": "结转下年度办理",
  "review-total": "行政复议",
  "litigation-total": "行政诉讼",
  "review-and-litigation": "行政复议、行政诉讼",
  "fee-amount": "行政事业性收费",
  "processing-fee": "信息处理费",
  "active-disclosure-total": "主动公开信息",
  "outcomes:三(一)+三(二)": "予以公开及部分公开",
  "outcomes:三(三)+三(四)": "不予公开和无法提供",
};

const QUANTITY_EN: Record<string, string> = {
  "applications-new": "new requests",
  "applications-carried-over": "requests carried over",
  "applications-concluded": "requests concluded",
  "applications-carried-forward": "requests carried forward",
  "review-total": "administrative reviews",
  "litigation-total": "lawsuits",
  "review-and-litigation": "reviews and lawsuits",
  "fee-amount": "administrative fees",
  "processing-fee": "information processing fees",
  "active-disclosure-total": "proactively disclosed items",
  "outcomes:三(一)+三(二)": "requests granted in full or in part",
  "outcomes:三(三)+三(四)": "requests refused or not available",
};

const GROUP_ZH: Record<string, string> = {
  "三(一)": "予以公开",
  "三(二)": "部分公开",
  "三(三)": "不予公开",
  "三(四)": "无法提供",
  "三(五)": "不予处理",
  "三(六)": "其他处理",
};

const GROUP_EN: Record<string, string> = {
  "三(一)": "III.(1) disclosed",
  "三(二)": "III.(2) partly disclosed",
  "三(三)": "III.(3) refused",
  "三(四)": "III.(4) unavailable",
  "三(五)": "III.(5) not processed",
  "三(六)": "III.(6) otherwise closed",
};

/**
 * The name of a quantity a narrative claims (the narrative checker's quantity ids, such as
 * `applications-new`, `outcome:三(三)`, `rules:行政规范性文件:制发`), for messages.
 */
export function quantityLabel(quantity: string, locale: Locale): string {
  const fixed = (locale === "zh-CN" ? QUANTITY_ZH : QUANTITY_EN)[quantity];
  if (fixed !== undefined) return fixed;
  const [kind, a, b] = quantity.split(":");
  if (kind === "outcome" && a !== undefined) {
    if (locale === "zh-CN") return GROUP_ZH[a] ?? rowLabel("T3", a, locale);
    return GROUP_EN[a] ?? rowLabel("T3", a, locale);
  }
  if (kind === "applicant" && a !== undefined) {
    if (locale === "zh-CN") return `${a}申请`;
    return a === "法人或其他组织"
      ? "requests from legal persons or other organisations"
      : `requests from ${columnLabel("T3", a, locale)}`;
  }
  if (kind === "rules" && a !== undefined && b !== undefined) {
    return locale === "zh-CN"
      ? `${a}${columnLabel("T2", b, locale)}`
      : `${rowLabel("T2", a, locale)}, ${columnLabel("T2", b, locale)}`;
  }
  if (kind === "decisions" && a !== undefined) {
    return locale === "zh-CN" ? `${a}决定` : `${rowLabel("T2", a, locale)} decisions`;
  }
  return quantity;
}
