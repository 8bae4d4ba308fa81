/**
 * The report year and the agency, when the command line is not told them: from the report's title
 * ("曲阜市时庄街道办事处2024年政府信息公开工作年度报告", also split over two lines), else the year
 * from the stated period ("统计期限自2024年1月1日起…"). The title wins over the period, so that a
 * wrong period can still be reported (P1). Cannot guess from file names: they carry publication
 * years as often as report years.
 */

/** What a report says about itself. */
export interface ReportIdentity {
  readonly year?: number;
  readonly agency?: string;
}

const TITLE =
  /(20\d{2})\s*年度?\s*(?:政府信息公开|政务公开|信息公开)\s*(?:工作)?\s*(?:年度)?\s*(?:报告|年报)/u;
const PERIOD = /统计(?:期限|时限|区间|期间)[^。\n]{0,12}?(20\d{2})\s*年\s*0?1\s*月\s*0?1\s*日/u;
/** Characters that end the text before the agency's name in a title line. */
const BEFORE_AGENCY = /^.*[。；;：:，,！!？?》」』”\s]/su;

/** A line that is only an agency's name: Chinese characters (and brackets), 2–40 of them. */
const AGENCY_LINE = /^[\u4e00-\u9fff（）()]{2,40}$/u;

/** Year and agency from the lines of a report (its first lines hold the title). */
export function identifyReport(lines: readonly string[]): ReportIdentity {
  const head = lines
    .map((l) => l.replace(/\[(?:bookmark|image)\s*:[^\]]*\]/gu, "").trim())
    .filter((l) => l !== "")
    .slice(0, 12);
  let year: number | undefined;
  let agency: string | undefined;
  // The title may be split over two lines: try each line joined with the next.
  for (let i = 0; i < head.length && year === undefined; i++) {
    const joined = `${head[i]!}${head[i + 1] ?? ""}`;
    const m = TITLE.exec(joined);
    if (m === null) continue;
    if (m.index >= head[i]!.length) {
      // The title starts the next line: this line is the agency when it is a name and nothing
      // else ("淮安市洪泽区人民政府" above "2024年政府信息公开工作年度报告", as PDFs set it).
      if (m.index !== head[i]!.length || !AGENCY_LINE.test(head[i]!)) continue;
      year = Number(m[1]);
      agency = head[i]!;
      break;
    }
    year = Number(m[1]);
    const before = joined.slice(0, m.index).replace(BEFORE_AGENCY, "").trim();
    if (before.length >= 2 && before.length <= 40) agency = before;
  }
  if (year === undefined) {
    const all = lines.join("\n");
    const title = TITLE.exec(all);
    const period = PERIOD.exec(all);
    year = title !== null ? Number(title[1]) : period !== null ? Number(period[1]) : undefined;
  }
  return { ...(year === undefined ? {} : { year }), ...(agency === undefined ? {} : { agency }) };
}
