/**
 * The three real WPS-exported PDFs of test/fixtures/published, read by the PDF reader through the
 * command line's loader: every cell of tables 二/三/四 equal to the transcription beside the file
 * (values taken from the .json, never from the reader), each table found once, every figure with a
 * page-and-line location, and the report's `expected` block: its error rules found, no error
 * outside `allowed_error_rules`.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { checkLoaded } from "../../src/formats/report/check-file";
import { loadReport } from "../../src/cli/load-file";
import { numericValue } from "../../src/core/model/figures";
import { caseTables, FIXTURES, type CaseFile } from "../helpers/build";

jest.setTimeout(60_000);

interface PublishedFile extends CaseFile {
  expected: { error_rules: string[]; allowed_error_rules: string[] };
}

const NAMES = ["huaian-hongze-qzf-2023", "huaian-hongze-qzf-2024", "huaian-szf-2024"] as const;

function published(name: string): PublishedFile {
  return JSON.parse(
    readFileSync(path.join(FIXTURES, "published", `${name}.json`), "utf8"),
  ) as PublishedFile;
}

/** Cells transcribed per report: table 二 (3+3+1+1+1+1=10? see below), table 三 rows × 7, table 四 15. */
const TRANSCRIBED_CELLS: Record<(typeof NAMES)[number], number> = {
  "huaian-hongze-qzf-2023": 10 + 23 * 7 + 15,
  "huaian-hongze-qzf-2024": 10 + 23 * 7 + 15,
  "huaian-szf-2024": 10 + 25 * 7 + 15,
};

/** The agency as each PDF's title prints it, on the line above "YYYY年政府信息公开工作年度报告". */
const TITLE_AGENCY: Record<(typeof NAMES)[number], string> = {
  "huaian-hongze-qzf-2023": "洪泽区人民政府",
  "huaian-hongze-qzf-2024": "淮安市洪泽区人民政府",
  "huaian-szf-2024": "淮安市人民政府",
};

describe.each(NAMES)("%s.pdf", (name) => {
  const truth = published(name);
  const loaded = loadReport(path.join(FIXTURES, "published", `${name}.pdf`));

  test("every figure of every table equals the transcription", async () => {
    const report = await loaded;
    expect(report.kind).toBe("pdf");
    const expected = caseTables(truth);
    let compared = 0;
    for (const table of expected) {
      const found = report.tables.filter((t) => t.table === table.table);
      expect({ table: table.table, count: found.length }).toEqual({ table: table.table, count: 1 });
      for (const [id, cell] of table.cells) {
        const actual = found[0]!.cells.get(id);
        const value =
          actual === undefined
            ? "absent"
            : (numericValue(actual.reading) ??
              (actual.reading.kind === "blank" ? null : actual.raw));
        expect({ id, value }).toEqual({ id, value: cell.raw });
        expect({ id, location: /^第\d+页第\d+行$/u.test(actual?.location ?? "") }).toEqual({
          id,
          location: true,
        });
        compared++;
      }
    }
    expect(compared).toBe(TRANSCRIBED_CELLS[name]);
  });

  test("the year and the agency come from the title set over two lines", async () => {
    const report = await loaded;
    expect(report.identity).toEqual({ year: truth.year, agency: TITLE_AGENCY[name] });
  });

  test("the narrative is the report's paragraphs, page numbers and table cells left out", async () => {
    const report = await loaded;
    const narrative = report.narrative ?? "";
    expect(narrative).toMatch(/^一、总体情况$/mu);
    expect(narrative).toMatch(/^六、其他需要报告的事项$/mu);
    expect(narrative).not.toMatch(/^-\s*\d+\s*-$/mu);
    expect(narrative).not.toContain("本年新收政府信息公开申请数量");
    expect(narrative).not.toMatch(/[\u4e00-\u9fff] +\d|\d +[\u4e00-\u9fff]/u);
    // The whole text holds the tables' cells as lines, in reading order after their heading.
    const lines = (report.documentText ?? "").split("\n");
    const heading = lines.indexOf("三、收到和处理政府信息公开申请情况");
    expect(heading).toBeGreaterThan(0);
    expect(lines.indexOf("一、本年新收政府信息公开申请数量")).toBeGreaterThan(heading);
  });

  test("the expected error rules are found, and no other error", async () => {
    const report = await loaded;
    const { result } = checkLoaded(report, { locale: "zh-CN" });
    const errors = new Set<string>(
      result.findings.filter((f) => f.severity === "error").map((f) => f.rule),
    );
    for (const rule of truth.expected.error_rules)
      expect({ rule, found: errors.has(rule) }).toEqual({ rule, found: true });
    const allowed = new Set([...truth.expected.error_rules, ...truth.expected.allowed_error_rules]);
    expect([...errors].filter((r) => !allowed.has(r))).toEqual([]);
  });
});
