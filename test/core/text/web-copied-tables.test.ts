/**
 * Tables copied from web pages, as the 94 real report openings of test/fixtures/narratives have
 * them: ` | `-delimited rows (one row a line, or one cell a line), cells one per paragraph, blank
 * cells dropped, and copies cut at about 2,000 bytes. About table reading only: every R5/R9
 * finding that verdicts.json judges FALSE for a table-parse or truncation reason is gone, the TRUE
 * one stays, and the ` | ` table of 27-changchun-tyj-2023 is read so that N3 finds 2 ≠ 3.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkReport } from "../../../src/core/check";
import { numericValue, type LocatedTable } from "../../../src/core/model/figures";
import { readReportText } from "../../../src/core/text/report-text";
import { findingEntries } from "../../../src/formats/report/file-entry";
import { FIXTURES } from "../../helpers/build";

interface Verdict {
  file: string;
  rule: string;
  message: string;
  verdict: string;
  category: string;
}

const DIR = path.join(FIXTURES, "narratives");
const verdicts = (
  JSON.parse(fs.readFileSync(path.join(DIR, "verdicts.json"), "utf8")) as { findings: Verdict[] }
).findings;

function text(file: string): string {
  return fs.readFileSync(path.join(DIR, "texts", file), "utf8");
}

/** The messages xxgk check prints for a text (zh-CN), as the verdicts recorded them. */
function messages(file: string): string[] {
  const report = readReportText(text(file));
  const result = checkReport({ tables: report.tables, narrative: report.narrative });
  return findingEntries(result.problems, "zh-CN").map((f) => f.message);
}

function values(table: LocatedTable | undefined): Record<string, number | string | undefined> {
  const out: Record<string, number | string | undefined> = {};
  for (const [id, cell] of table?.cells ?? [])
    out[id] = numericValue(cell.reading) ?? String(cell.raw);
  return out;
}

const falseTableFindings = verdicts.filter(
  (v) =>
    (v.rule === "R5" || v.rule === "R9") &&
    v.verdict === "FALSE" &&
    (v.category === "table-parse" || v.category === "truncation"),
);

test("the verdicts list the table findings this test is about", () => {
  expect(falseTableFindings.length).toBe(18);
  expect(new Set(falseTableFindings.map((v) => v.file))).toEqual(
    new Set([
      "05-shizhu-ytz-town-2022.txt",
      "61-changzhou-wujin-wjj-2024.txt",
      "84-yanan-xiang-2021.txt",
    ]),
  );
});

test.each(falseTableFindings.map((v) => [v.file, v.message] as const))(
  "%s no longer says: %s",
  (file, message) => {
    expect(messages(file)).not.toContain(message);
  },
);

test("the true finding stays: 84-yanan-xiang-2021 has 现行有效件 for 现行有效件数", () => {
  const truth = verdicts.filter(
    (v) => v.file === "84-yanan-xiang-2021.txt" && v.rule === "R9" && v.verdict === "TRUE",
  );
  expect(truth.map((v) => v.message)).toEqual([
    "表二（主动公开）中的「现行有效件」与官方格式「现行有效件数」不一致，请改为官方表述。",
  ]);
  expect(messages("84-yanan-xiang-2021.txt")).toEqual(truth.map((v) => v.message));
});

test("no text of the corpus gets an R5 error from a delimiter read as a cell", () => {
  const files = fs.readdirSync(path.join(DIR, "texts")).filter((f) => f.endsWith(".txt"));
  expect(files.length).toBe(94);
  for (const file of files) {
    for (const table of readReportText(text(file)).tables) {
      for (const cell of table.cells.values())
        expect([file, cell.row, cell.column, String(cell.raw).includes("|")]).toEqual([
          file,
          cell.row,
          cell.column,
          false,
        ]);
    }
  }
});

test("27-changchun-tyj-2023: its ` | ` table 三 is read and N3 finds 2 where the table has 3", () => {
  const report = readReportText(text("27-changchun-tyj-2023.txt"));
  const t3 = report.tables.find((t) => t.table === "T3");
  expect(values(t3)).toMatchObject({
    "T3/一/自然人": 3,
    "T3/一/商业企业": 0,
    "T3/一/其他": 0,
    "T3/一/总计": 3,
    "T3/二/总计": 0,
  });
  const result = checkReport({ tables: report.tables, narrative: report.narrative });
  const n3 = result.findings.filter((f) => f.rule === "N3");
  expect(n3.map((f) => [f.severity, f.reported, f.computed])).toEqual([["error", 2, 3]]);
});

test("05-shizhu-ytz-town-2022: cells on lines of their own between | marks make one table 二, cut once", () => {
  const report = readReportText(text("05-shizhu-ytz-town-2022.txt"));
  expect(report.tables.map((t) => t.table)).toEqual(["T2"]);
  expect(values(report.tables[0])).toEqual({
    "T2/规章/制发": 0,
    "T2/规章/废止": 0,
    "T2/规章/现行有效": 0,
    "T2/行政规范性文件/制发": 0,
    "T2/行政规范性文件/废止": 0,
    "T2/行政规范性文件/现行有效": 0,
    "T2/行政许可/决定": 0,
  });
  expect(report.tables[0]!.structure).toEqual([{ code: "table-cut", row: "行政许可" }]);
});

test("84-yanan-xiang-2021: a double-spaced copy (a blank line after every cell) is one table 二", () => {
  const report = readReportText(text("84-yanan-xiang-2021.txt"));
  expect(report.tables.map((t) => [t.table, t.cells.size])).toEqual([["T2", 10]]);
  expect(Object.values(values(report.tables[0]))).toEqual(Array(10).fill(0));
});

test("61-changzhou-wujin-wjj-2024: dropped blank cells are said, not filled in by shifting", () => {
  const report = readReportText(text("61-changzhou-wujin-wjj-2024.txt"));
  expect(report.tables.map((t) => t.table)).toEqual(["T2"]);
  expect(values(report.tables[0])).toEqual({
    "T2/行政许可/决定": 1894,
    "T2/行政处罚/决定": 131,
    "T2/行政事业性收费/金额": 199.43,
  });
  expect(report.tables[0]!.structure).toEqual([
    { code: "row-short", row: "规章", found: "1", expected: "3" },
  ]);
});

test("88-zhanjiang-dfzb-2023: a label cut by the end of the copy is not a label variant", () => {
  const report = readReportText(text("88-zhanjiang-dfzb-2023.txt"));
  const t3 = report.tables.find((t) => t.table === "T3")!;
  expect(t3.structure).toEqual([{ code: "table-cut", row: "三(二)" }]);
});

test("29-ql-2023: rows closed by a lone | are rows, not one long row", () => {
  const report = readReportText(text("29-ql-2023.txt"));
  expect(report.tables.map((t) => [t.table, t.cells.size, t.structure])).toEqual([["T2", 10, []]]);
});
