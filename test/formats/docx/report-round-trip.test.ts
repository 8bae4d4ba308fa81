/**
 * Round trip: the report written from a report's tables, read back by the command line's own
 * loader (the .docx reader), holds every figure of the three tables unchanged and checks with
 * zero findings — tables, the narrative N1–N4 on what was written, and the structure S1–S3.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { checkLoaded } from "../../../src/formats/report/check-file";
import { loadReport } from "../../../src/cli/load-file";
import { loadReportBytes } from "../../../src/formats/report/load-report";
import { checkReport } from "../../../src/core/check";
import { numericValue, type LocatedTable } from "../../../src/core/model/figures";
import { dataCells, tableDef, type TableId } from "../../../src/core/model/tables";
import { reportDocx } from "../../../src/formats/docx/write-report";
import { caseTables, FIXTURES, type CaseFile } from "../../helpers/build";
import { consistentTables } from "../../helpers/consistent-tables";

const TABLES: readonly TableId[] = ["T2", "T3", "T4"];

/** Every data cell's value of the three tables, by cell id (undefined where not a number). */
function figuresOf(tables: readonly LocatedTable[]): Record<string, number | undefined> {
  const out: Record<string, number | undefined> = {};
  for (const id of TABLES) {
    const table = tables.find((t) => t.table === id);
    for (const d of dataCells(tableDef(id))) {
      const key = `${d.table}/${d.row}/${d.column}`;
      const cell = table?.cells.get(key);
      out[key] = cell === undefined ? undefined : numericValue(cell.reading);
    }
  }
  return out;
}

async function roundTrip(
  tables: readonly LocatedTable[],
  settings: { agency?: string; year?: number; self?: string },
) {
  const check = checkReport({ tables, ...settings });
  const bytes = await reportDocx({ tables, ...settings, check, locale: "zh-CN" });
  const report = await loadReportBytes("报告.docx", bytes);
  return {
    check,
    report,
    result: checkLoaded(report, { locale: "zh-CN", ...settings }).result,
  };
}

test("the seed's report, written and read back, has its figures and zero findings", async () => {
  const seed = await loadReport(path.join(FIXTURES, "seed-report-shizhuang-2024.txt"));
  const settings = { agency: "曲阜市时庄街道办事处", year: 2024, self: "我街道" };
  const { check, report, result } = await roundTrip(seed.tables, settings);
  expect(check.findings).toEqual([]);
  expect(report.kind).toBe("docx");
  expect(report.tables.map((t) => t.table).sort()).toEqual(["T2", "T3", "T4"]);
  expect(figuresOf(report.tables)).toEqual(figuresOf(seed.tables));
  expect(report.narrative).toContain("我街道");
  // The read-back check ran the narrative and structure rules on top of the tables' rules.
  expect(report.documentText).toBeDefined();
  expect(result.rulesChecked).toBeGreaterThan(check.rulesChecked);
  expect(result.findings).toEqual([]);
});

test("淮安市人民政府 2024's figures, written and read back, are equal with zero findings", async () => {
  const file = path.join(FIXTURES, "published", "huaian-szf-2024.json");
  const tables = caseTables(JSON.parse(fs.readFileSync(file, "utf8")) as CaseFile);
  const settings = { agency: "淮安市人民政府", year: 2024 };
  const { report, result } = await roundTrip(tables, settings);
  expect(figuresOf(report.tables)).toEqual(figuresOf(tables));
  expect(result.findings).toEqual([]);
});

test("200 random consistent reports, written and read back, keep their figures with zero findings", async () => {
  await fc.assert(
    fc.asyncProperty(
      consistentTables,
      fc.integer({ min: 2021, max: 2030 }),
      async (tables, year) => {
        const { report, result } = await roundTrip(tables, {
          agency: "某某县某某镇人民政府",
          year,
        });
        expect(figuresOf(report.tables)).toEqual(figuresOf(tables));
        expect(result.findings).toEqual([]);
      },
    ),
    { numRuns: 200 },
  );
}, 240_000);
