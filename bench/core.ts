/**
 * Core check time per report: the seed report's text read, its tables and narrative checked, and
 * the check alone on already-read tables. Median of many runs after a warm-up.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { checkReport } from "../src/core/check";
import { checkNarrative } from "../src/core/narrative/check";
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

export interface NarrativeBench {
  /** checkNarrative on the seed's narrative, median. */
  readonly seedNarrativeMs: number;
  /** checkNarrative on real report text repeated to a size (bytes of UTF-8), median of 3. */
  readonly bySize: readonly { readonly bytes: number; readonly ms: number }[];
  /** readReportText + checkReport over the 94 corpus texts, total of one pass. */
  readonly corpusMs: number;
  readonly corpusTexts: number;
}

/** The narrative reader: the seed, realistic text at 10 KB / 100 KB / 1 MB, and the corpus. */
export function benchNarrative(): NarrativeBench {
  const fixtures = path.join(__dirname, "..", "test", "fixtures");
  const seed = readReportText(
    fs.readFileSync(path.join(fixtures, "seed-report-shizhuang-2024.txt"), "utf8"),
  );
  const seedNarrativeMs = time(() => checkNarrative(seed.narrative, { year: 2024 }), 300);

  const dir = path.join(fixtures, "narratives");
  const entries = fs
    .readFileSync(path.join(dir, "index.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => l.split("\t"));
  const texts = entries.map(([file]) => fs.readFileSync(path.join(dir, "texts", file!), "utf8"));
  const realistic = texts.map((t) => readReportText(t).narrative).join("\n");
  const bySize = [10_000, 100_000, 1_000_000].map((bytes) => {
    let text = realistic;
    while (Buffer.byteLength(text) < bytes) text += `\n${realistic}`;
    text = Buffer.from(text).subarray(0, bytes).toString("utf8");
    return { bytes, ms: time(() => checkNarrative(text, { year: 2024 }), 3) };
  });

  const start = process.hrtime.bigint();
  entries.forEach(([, , agency, year], i) => {
    const report = readReportText(texts[i]!);
    checkReport({
      tables: report.tables,
      narrative: report.narrative,
      year: Number(year),
      agency: agency!,
    });
  });
  const corpusMs = Number(process.hrtime.bigint() - start) / 1e6;
  return { seedNarrativeMs, bySize, corpusMs, corpusTexts: entries.length };
}
