/**
 * A transcribed case (test/fixtures/cases/*.json) rendered as the text of a report exported from
 * Word, as the seed is: a title, the narrative sentences the case quotes, and each visible table
 * with one cell per line (tab-indented) and a blank line between rows. Rows with cells that were
 * not visible in the stored copy are left out, as the truncated page left them out.
 */
import { T3_CORNER_NOTE } from "../../../src/core/model/layout";
import { tableDef, type FormatVersion } from "../../../src/core/model/tables";
import type { CaseFile, CaseValue } from "../../helpers/build";

/** Agency names for cases whose `agency` field is a transcriber's description rather than a name. */
const TITLE_AGENCY: Readonly<Record<string, string>> = {
  "nileke-town-2023": "尼勒克县某镇",
  "heshan-longkou-2022": "鹤山市龙口镇",
  "fengshou-2022": "某县丰收乡",
  "wanyuan-2025": "万源市人民政府",
};

/** The agency's name as a report title would give it. */
export function caseAgency(c: CaseFile): string {
  return TITLE_AGENCY[c.case_id] ?? c.agency.split(/[（(—]/u)[0]!.trim();
}

const cell = (v: CaseValue): string => `\t${v === null ? "" : String(v)}`;
const visible = (values: readonly CaseValue[]): boolean => values.every((v) => v !== "n/v");

function table2(c: CaseFile, lines: string[]): void {
  const t2 = c.table2!;
  for (const [block, value] of Object.entries(t2)) {
    if (block === "layout") continue;
    const { columns, rows } = value as { columns: string[]; rows: Record<string, CaseValue[]> };
    lines.push(cell(block), "", cell("信息内容"), ...columns.map(cell), "");
    for (const [label, values] of Object.entries(rows)) {
      if (!visible(values)) continue;
      lines.push(cell(label), ...values.map(cell), "");
    }
  }
}

function table3(c: CaseFile, lines: string[]): void {
  const rows = c.table3!.rows;
  const version: FormatVersion = "三(六)" in rows ? "2019" : "2021";
  const def = tableDef("T3", version).blocks[0]!;
  lines.push(
    cell(T3_CORNER_NOTE),
    cell("申请人情况"),
    "",
    "\t",
    cell("自然人"),
    cell("法人或其他组织"),
    cell("总计"),
    "",
  );
  lines.push(
    "\t",
    "\t",
    ...["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"].map(cell),
    "\t",
    "",
  );
  const groupsSeen = new Set<string>();
  for (const r of def.rows) {
    const values = rows[r.key];
    if (values === undefined || !visible(values)) continue;
    const path = r.path ?? [];
    const labels: string[] = [];
    if (path.length > 0 && !groupsSeen.has(path[0]!)) labels.push(path[0]!);
    else if (path.length > 0) labels.push("");
    if (path.length > 1) labels.push(groupsSeen.has(path[1]!) ? "" : path[1]!);
    for (const p of path) groupsSeen.add(p);
    lines.push(...labels.map(cell), cell(r.label), ...values.map(cell), "");
  }
}

function table4(c: CaseFile, lines: string[]): void {
  const rows = c.table4!.rows;
  lines.push(cell("行政复议"), cell("行政诉讼"), "");
  lines.push(
    ...[
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
      "总计",
      "未经复议直接起诉",
      "复议后起诉",
    ].map(cell),
    "",
  );
  lines.push(
    ...Array<string>(5).fill("\t"),
    ...Array.from({ length: 2 }, () =>
      ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"].map(cell),
    ).flat(),
    "",
  );
  lines.push(
    ...["行政复议", "未经复议直接起诉", "复议后起诉"].flatMap((g) => (rows[g] ?? []).map(cell)),
    "",
  );
}

/** The report text of a case. */
export function caseReportText(c: CaseFile): string {
  const lines: string[] = [`${caseAgency(c)}${c.year}年政府信息公开`, "工作年度报告", ""];
  lines.push("一、总体情况", ...c.narrative_numbers);
  if (c.table2 !== null) {
    lines.push("二、主动公开政府信息情况");
    table2(c, lines);
  }
  if (c.table3 !== null) {
    lines.push("三、收到和处理政府信息公开申请情况");
    table3(c, lines);
  }
  if (c.table4 !== null) {
    lines.push("四、政府信息公开行政复议、行政诉讼情况");
    table4(c, lines);
  }
  lines.push("五、存在的主要问题及改进情况", "六、其他需要报告的事项");
  return `${lines.join("\n")}\n`;
}
