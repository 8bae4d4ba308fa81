/**
 * Golden cases: figures and sentences transcribed from published reports, errors kept as
 * published. Each case is read by the real reader (tables as published, labels as published) and
 * checked with its narrative sentences; the findings must be exactly those the case calls for.
 */
import { checkReport } from "../../src/core/check";
import { T3_COLUMNS } from "../../src/core/model/tables";
import { loadCases, type CaseFile } from "../helpers/build";
import { caseAgencyLevel, readCase } from "../helpers/render-case";

/** rule:code of every finding each case calls for (see each case's `findings`). */
const EXPECTED: Record<string, readonly string[]> = {
  // Period 2021-01-01 … 2022-12-31 for the 2021 report.
  "anyue-daping-2021": ["P1:period-wrong"],
  "baotou-jiuyuan-zwfwj-2022": [],
  // A 2022 report in the 2019 trial table; its labels are the 2019 ones, so no R9.
  "fengshou-2022": ["R8:format-2019"],
  "guangzhou-haizhu-guanzhou-2023": [],
  // Row label 规范性文件 for 行政规范性文件.
  "heshan-longkou-2022": ["R9:label-variant"],
  // A township reporting 6 规章 in force.
  "nileke-town-2023": ["R7:rules-not-in-remit"],
  // "162条。其中…293篇": a part larger than its total.
  "rongan-dapo-2024": ["N1:part-exceeds-total"],
  "seed-shizhuang-2024": [],
  // Column label 现行有效件 for 现行有效件数.
  "tianmen-szfbgs-2025": ["R9:label-variant"],
  // 54 new + 2 carried ≠ 54 concluded + 1 carried forward; the outcomes add up to 55, not 54.
  "wanyuan-2025": ["N2:narrative-balance-mismatch", "N2:narrative-outcomes-mismatch"],
  "yiwu-niansanli-2022": [],
  "yiwu-niansanli-2023": [],
};

function check(c: CaseFile) {
  const level = caseAgencyLevel(c);
  return checkReport({
    tables: readCase(c),
    narrative: c.narrative_numbers.join("\n"),
    year: c.year,
    ...(level === undefined ? {} : { agencyLevel: level }),
  });
}

describe("golden cases from published reports", () => {
  const cases = loadCases();

  it("has an expectation for every case file", () => {
    expect(cases.map((c) => c.case_id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(cases.map((c) => [c.case_id, c] as const))(
    "%s gets exactly the findings it calls for",
    (id, c) => {
      const result = check(c);
      expect(result.findings.map((f) => `${f.rule}:${f.code}`).sort()).toEqual(
        [...EXPECTED[id]!].sort(),
      );
    },
  );

  it("reads every visible figure of every case at its place, and no hidden one", () => {
    const cells = cases.flatMap((c) =>
      Object.entries(c.table3?.rows ?? {}).flatMap(([row, values]) =>
        T3_COLUMNS.map((column, i) => ({ c, row, column: column.key, value: values[i] })),
      ),
    );
    expect(cells.length).toBeGreaterThan(100);
    const read = new Map(cases.map((c) => [c.case_id, readCase(c)] as const));
    const got = cells.map(({ c, row, column }) => [
      c.case_id,
      row,
      column,
      read
        .get(c.case_id)!
        .find((t) => t.table === "T3")
        ?.cells.get(`T3/${row}/${column}`)?.raw,
    ]);
    // A cell the transcriber could not see ("n/v") is not read; every other one is, as written.
    expect(got).toEqual(
      cells.map(({ c, row, column, value }) => [
        c.case_id,
        row,
        column,
        value === "n/v" ? undefined : value,
      ]),
    );
  });

  it("reports the nileke township's 规章 with the cell and its value", () => {
    const f = check(loadCases().find((c) => c.case_id === "nileke-town-2023")!).findings[0]!;
    expect(f).toMatchObject({
      reported: 6,
      cells: [{ table: "T2", row: "规章", column: "现行有效" }],
    });
    expect(f.cells[0]!.address).toMatch(/^'?nileke-town-2023'?!D\d+$/u);
  });
});
