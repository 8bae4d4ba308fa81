/**
 * The add-in's figures: round trips in sequence per operation (a side request sent together with
 * the main one shares its round trip) and requests (context.sync calls), counted by the workbook
 * double, on the seed report's figures and on a sheet with 100,000 used cells; and the pane's
 * bundle size (dist/taskpane.js, without office.js), raw and gzipped. Run `npm run build` first
 * for the size.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { checkReport } from "../src/core/check";
import { figureSet } from "../src/core/model/figure-set";
import { planReport } from "../src/core/report/plan";
import type { TableId } from "../src/core/model/tables";
import type { Explanation } from "../src/core/explain/explanations";
import { createExcelAdapter } from "../src/excel/adapter";
import { layoutReport } from "../src/excel/report-layout";
import { newWorkbook } from "../test/excel/double/state";
import { WorkbookDouble } from "../test/excel/double/workbook-double";
import { typeFigures } from "../test/excel/fill";
import { seedTables } from "../test/helpers/build";

export interface AddinBench {
  /** Syncs per operation on the seed report's figures. */
  readonly seed: Readonly<Record<string, string>>;
  /** Syncs per operation with 100,000 used cells beside the tables on their sheet. */
  readonly large: Readonly<Record<string, string>>;
  /** The same sheet without the add-in's names (tables found by labels: the whole sheet is read). */
  readonly largeUnnamed: Readonly<Record<string, string>>;
  readonly largeCheckMs: number;
  readonly bundle?: { readonly file: string; readonly bytes: number; readonly gzipBytes: number };
  /** The chunks 生成年度报告 loads on demand (the report's plan; the Word writer with docx). */
  readonly chunks?: readonly {
    readonly file: string;
    readonly bytes: number;
    readonly gzipBytes: number;
  }[];
}

const TABLES: readonly TableId[] = ["T2", "T3", "T4"];
const CAPABILITIES = { rangeAreas: true, mergedAreas: true };

/** The seed report's figures (曲阜市时庄街道 2024) by row and column key. */
function seedValue(): (row: string, column: string) => number {
  const figures = figureSet(seedTables());
  return (row, column) =>
    figures.value({ table: "T3", row, column }) ?? figures.value({ table: "T4", row, column }) ?? 0;
}

/** One operation's cost: round trips in sequence, and requests (syncs) as "trips/requests". */
async function measure(double: WorkbookDouble, work: () => Promise<unknown>): Promise<string> {
  const trips = double.roundTrips;
  const syncs = double.syncCount;
  await work();
  return `${double.roundTrips - trips}/${double.syncCount - syncs}`;
}

async function operations(
  double: WorkbookDouble,
  sheets: readonly string[],
): Promise<Record<string, string>> {
  const adapter = createExcelAdapter(double.run, CAPABILITIES);
  const out: Record<string, string> = {};
  double.state.activeSheetId = double.sheet("年报表格").id;
  out["check (active sheet)"] = await measure(double, () =>
    adapter.read({ scope: { kind: "active" }, highlight: false }),
  );
  out["check + highlight (active sheet)"] = await measure(double, () =>
    adapter.read({ scope: { kind: "active" }, highlight: true }),
  );
  out["check + highlight (all sheets)"] = await measure(double, () =>
    adapter.read({ scope: { kind: "all" }, highlight: true }),
  );
  // A user copied marked cells: reading the conditional formats back fails (office-js#6835).
  const sheet = double.sheet("年报表格");
  const copied = sheet.conditionalFormats.find((cf) => cf.formula.includes("xxgk:R6"));
  if (copied !== undefined) sheet.conditionalFormats.push({ ...copied, rect: { ...copied.rect } });
  out["check + highlight, format read fails"] = await measure(double, () =>
    adapter.read({ scope: { kind: "active" }, highlight: true }),
  );
  if (copied !== undefined) sheet.conditionalFormats.pop();
  out["clear highlights"] = await measure(double, () =>
    adapter.clear({ kind: "sheets", names: sheets }),
  );
  out["select a finding's cells"] = await measure(double, () =>
    adapter.select(["年报表格!D23", "年报表格!J23"]),
  );
  out["write narrative"] = await measure(double, () =>
    adapter.writeNarrative(["第一段。", "第二段。"]),
  );
  out["save settings"] = await measure(double, () => adapter.saveSettings({ year: 2024 }));
  // 生成年度报告 where the host cannot save a file: after the check's read, the report's sheet.
  const tables = seedTables();
  const report = layoutReport(
    planReport({ tables, check: checkReport({ tables }), year: 2024, locale: "zh-CN" }),
  );
  out["write annual report (new sheet)"] = await measure(double, () => adapter.writeReport(report));
  // Explanations live in the custom XML part (ExcelApi 1.5): the pane reads them on opening and
  // rewrites the part on each explain or withdraw (the newest part read first, its settings kept).
  const xml = createExcelAdapter(double.run, { ...CAPABILITIES, customXml: true });
  const explanation: Explanation = {
    rule: "R6",
    code: "not-applicable",
    key: "R6|not-applicable|T3|T3/二/商业企业|",
    cells: [{ id: "T3/二/商业企业", address: "年报表格!E24", value: "/" }],
    reason: "本单位无商业企业申请人，该项不适用。",
    date: "2025-01-20",
  };
  // A part already holds the settings (the usual case): it is read so they are kept.
  await xml.saveSettings({ year: 2024 });
  out["explain a finding (save)"] = await measure(double, () =>
    xml.saveExplanations([explanation]),
  );
  out["load explanations (pane opens)"] = await measure(double, () => xml.loadExplanations());
  out["withdraw an explanation (save)"] = await measure(double, () => xml.saveExplanations([]));
  return out;
}

/** Runs the add-in measurements. */
export async function benchAddin(root: string = path.join(__dirname, "..")): Promise<AddinBench> {
  const double = new WorkbookDouble(newWorkbook(["Sheet1"]));
  const adapter = createExcelAdapter(double.run, CAPABILITIES);
  const seed: Record<string, string> = {};
  seed["insert tables 二 三 四"] = await measure(double, () =>
    adapter.insert({
      tables: TABLES,
      target: "new-sheet",
      totalsAsFormulas: true,
      locale: "zh-CN",
    }),
  );
  typeFigures(double, "年报表格", TABLES, seedValue());
  Object.assign(seed, await operations(double, ["年报表格"]));

  // 1,000 rows × 100 columns of numbers beside the tables, on the same sheet.
  const big = new WorkbookDouble(newWorkbook(["Sheet1"]));
  await createExcelAdapter(big.run, CAPABILITIES).insert({
    tables: TABLES,
    target: "new-sheet",
    totalsAsFormulas: true,
    locale: "zh-CN",
  });
  typeFigures(big, "年报表格", TABLES, seedValue());
  const cells = big.sheet("年报表格").cells;
  for (let r = 0; r < 1000; r++)
    for (let c = 20; c < 120; c++) cells.set(`${r},${c}`, { value: r + c });
  const started = process.hrtime.bigint();
  const large = await operations(big, ["年报表格"]);
  const largeCheckMs = Number(process.hrtime.bigint() - started) / 1e6;
  big.sheet("年报表格").names = [];
  const largeUnnamed = await operations(big, ["年报表格"]);

  const size = (name: string) => {
    const file = path.join(root, "dist", name);
    return fs.existsSync(file)
      ? {
          file: `dist/${name}`,
          bytes: fs.statSync(file).size,
          gzipBytes: zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length,
        }
      : undefined;
  };
  const bundle = size("taskpane.js");
  const chunks = ["report-plan.chunk.js", "report-docx.chunk.js"].flatMap((n) => size(n) ?? []);
  return {
    seed,
    large,
    largeUnnamed,
    largeCheckMs,
    ...(bundle === undefined ? {} : { bundle }),
    ...(chunks.length === 0 ? {} : { chunks }),
  };
}

/** The figures as lines of text, for `npm run bench`. */
export function addinLines(result: AddinBench): string[] {
  const lines = [
    "round trips in sequence / requests (context.sync) per operation",
    "                                           seed   +100,000 cells   same, no names",
  ];
  const cell = (n: string | undefined, width: number): string => (n ?? "").padStart(width);
  for (const [name, n] of Object.entries(result.seed)) {
    lines.push(
      `  ${name.padEnd(40)} ${cell(n, 4)}   ${cell(result.large[name], 14)}   ${cell(result.largeUnnamed[name], 14)}`,
    );
  }
  lines.push(
    `operations on the 100,000-cell sheet took ${result.largeCheckMs.toFixed(0)} ms in the double`,
  );
  lines.push(
    result.bundle === undefined
      ? "pane bundle: run `npm run build` first"
      : `pane bundle ${result.bundle.file}: ${(result.bundle.bytes / 1024).toFixed(1)} KiB, ${(result.bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped (without office.js; limit 88 KB)`,
  );
  for (const c of result.chunks ?? [])
    lines.push(
      `  loaded by 生成年度报告: ${c.file}: ${(c.bytes / 1024).toFixed(1)} KiB, ${(c.gzipBytes / 1024).toFixed(1)} KiB gzipped`,
    );
  return lines;
}

if (require.main === module) {
  benchAddin()
    .then((r) => process.stdout.write(`${addinLines(r).join("\n")}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exitCode = 1;
    });
}
