/**
 * Core check time per report: the seed report's text read, its tables and narrative checked, and
 * the check alone on already-read tables. Median of many runs after a warm-up.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkReport } from "../src/core/check";
import { readReportText } from "../src/core/text/report-text";

export interface CoreBench {
  readonly readTextMs: number;
  readonly checkMs: number;
  readonly checkWithNarrativeMs: number;
  readonly rulesChecked: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(run: () => void, times: number): number {
  for (let i = 0; i < 20; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return median(samples);
}

/** Times the core on the seed report. */
export function benchCore(): CoreBench {
  const text = fs.readFileSync(
    path.join(__dirname, "..", "test", "fixtures", "seed-report-shizhuang-2024.txt"),
    "utf8",
  );
  const report = readReportText(text);
  const readTextMs = time(() => readReportText(text), 200);
  const checkMs = time(() => checkReport({ tables: report.tables, year: 2024 }), 500);
  const checkWithNarrativeMs = time(
    () => checkReport({ tables: report.tables, narrative: report.narrative, year: 2024 }),
    200,
  );
  const { rulesChecked } = checkReport({
    tables: report.tables,
    narrative: report.narrative,
    year: 2024,
  });
  return { readTextMs, checkMs, checkWithNarrativeMs, rulesChecked };
}
