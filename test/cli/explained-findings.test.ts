/**
 * Issue 13 on the command line: explanations kept in the workbook's part (written by the same
 * storage code as the pane's) and in a supervising office's --explanations file are read by
 * check, annotate, narrative and extract; explained findings are counted apart with their reason,
 * lapse when a cell changes, and R1–R5 are never explained.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { checkLoaded } from "../../src/formats/report/check-file";
import { loadReport } from "../../src/cli/load-file";
import { runCli } from "../../src/cli/run-cli";
import { explainFinding, type Explanation } from "../../src/core/explain/explanations";
import { figureSet } from "../../src/core/model/figure-set";
import type { Finding } from "../../src/core/rules/finding";
import { templateBytes } from "../../src/xlsx/write-template";
import { seedTables, seedText } from "../helpers/build";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { captureIo } from "./helpers/capture-io";
import { withReportPart } from "./helpers/report-part-zip";

const X1_REASON =
  "上年度报告中“结转下年度继续办理”为1件，经核实应为0件，本年度“上年结转”按0件填报。";
const R6_REASON = "本街道无权制定规章，该项不适用。";
const DATE = "2025-01-10";

let dir: string;
const at = (name: string): string => path.join(dir, name);

/** The findings of a file as the command line checks it, with last year's report. */
async function findingsOf(
  file: string,
): Promise<{ findings: readonly Finding[]; explain: (f: Finding, reason: string) => Explanation }> {
  const lastYear = await loadReport(at("2023.xlsx"));
  const report = await loadReport(at(file));
  const { result } = checkLoaded(report, {
    locale: "zh-CN",
    lastYear: lastYear.tables,
  });
  const figures = figureSet(report.tables);
  return {
    findings: result.findings,
    explain: (f, reason) => explainFinding(f, figures, reason, DATE),
  };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-explained-"));
  // Last year carried one natural person's application over; this year reports none: X1 on the
  // 自然人 and 总计 columns. Table 二's 规章 制发 is a deliberate "/": R6.
  const last = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2023 });
  writeFileSync(
    at("2023.xlsx"),
    await fillTemplate(last, seedTables(), new Map([[keyId("T3", "四", "自然人"), 1]])),
  );
  const template = await templateBytes({
    tables: ["T2", "T3", "T4"],
    year: 2024,
    agency: "曲阜市时庄街道办事处",
  });
  const plain = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T2", "规章", "制发"), "/"]]),
  );
  writeFileSync(at("plain.xlsx"), plain);
  const { findings, explain } = await findingsOf("plain.xlsx");
  const x1Total = findings.find((f) => f.rule === "X1" && f.params["column"] === "总计")!;
  const x1Person = findings.find((f) => f.rule === "X1" && f.params["column"] === "自然人")!;
  const r6 = findings.find((f) => f.rule === "R6")!;
  const two = [explain(x1Total, X1_REASON), explain(r6, R6_REASON)];
  writeFileSync(
    at("2024.xlsx"),
    await withReportPart(plain, { year: 2024, explanations: two, saved: 1 }),
  );
  const all = [...two, explain(x1Person, "自然人一列同上，经核实应为0件。")];
  writeFileSync(
    at("all.xlsx"),
    await withReportPart(plain, { year: 2024, explanations: all, saved: 1 }),
  );
  // The clerk explained 自然人's X1 when it held 0, then typed 2 there: the explanation lapses.
  const changed = await fillTemplate(
    template,
    seedTables(),
    new Map<string, string | number>([
      [keyId("T2", "规章", "制发"), "/"],
      [keyId("T3", "二", "自然人"), 2],
    ]),
  );
  writeFileSync(
    at("changed.xlsx"),
    await withReportPart(changed, { year: 2024, explanations: all, saved: 1 }),
  );
  // A report with a sum error (R1) and the seed report's text.
  writeFileSync(
    at("broken.xlsx"),
    await fillTemplate(template, seedTables(), new Map([[keyId("T3", "四", "自然人"), 2]])),
  );
  writeFileSync(at("seed.txt"), seedText());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface JsonFinding {
  rule: string;
  severity: string;
  cells: string[];
  explained?: { reason: string; date: string };
  lapsed?: { reason: string; date: string };
  explainAs?: Omit<Explanation, "reason" | "date">;
}
interface JsonRun {
  files: { file: string; findings: JsonFinding[] }[];
  summary: { errors: number; warnings: number; explained: number };
}

async function json(args: string[]): Promise<{ code: number; run: JsonRun; stderr: string }> {
  const captured = captureIo(dir);
  const code = await runCli(
    ["check", "--format", "json", "--last-year", "2023.xlsx", ...args],
    captured.io,
  );
  return { code, run: JSON.parse(captured.stdout()) as JsonRun, stderr: captured.stderr() };
}

describe("check reads the explanations the pane kept in the workbook", () => {
  it("counts explained findings apart, shows their reason and lists them after the open ones", async () => {
    const captured = captureIo(dir);
    const code = await runCli(["check", "--last-year", "2023.xlsx", "2024.xlsx"], captured.io);
    expect(code).toBe(1);
    const out = captured.stdout();
    expect(out).toContain("✗ 2024.xlsx — 1 个错误，0 个警告，2 条已说明");
    expect(out).toContain(`说明：${X1_REASON}（${DATE}）`);
    expect(out).toContain(`说明：${R6_REASON}（${DATE}）`);
    const lines = out.split("\n");
    const open = lines.findIndex((l) => l.startsWith("  [错误] X1"));
    const explained = lines.findIndex((l) => l.startsWith("  [已说明] X1"));
    expect(open).toBeGreaterThan(0);
    expect(explained).toBeGreaterThan(open);
    expect(out).toContain("错误 1 个，警告 0 个，已说明 2 条。");
  });

  it("says it in English too", async () => {
    const captured = captureIo(dir);
    await runCli(["check", "--lang", "en", "--last-year", "2023.xlsx", "2024.xlsx"], captured.io);
    expect(captured.stdout()).toContain("2024.xlsx — 1 error, 0 warnings, 2 explained");
    expect(captured.stdout()).toContain(`reason: ${X1_REASON} (${DATE})`);
  });

  it("carries the reason and date in JSON, and counts them in the summary", async () => {
    const { code, run } = await json(["2024.xlsx"]);
    expect(code).toBe(1);
    const findings = run.files[0]!.findings;
    expect(
      findings.filter((f) => f.explained !== undefined).map((f) => [f.rule, f.explained]),
    ).toEqual([
      ["X1", { reason: X1_REASON, date: DATE }],
      ["R6", { reason: R6_REASON, date: DATE }],
    ]);
    expect(run.summary).toMatchObject({ errors: 1, warnings: 0, explained: 2 });
    // The open X1 finding says what an explanation of it would keep.
    const open = findings.find((f) => f.rule === "X1" && f.explained === undefined)!;
    expect(open.explainAs).toEqual({
      rule: "X1",
      code: "carry-over-mismatch",
      key: "X1|carry-over-mismatch|T3|T3/二/自然人|",
      cells: [{ id: "T3/二/自然人", address: "表三!D8", value: "0" }],
    });
  });

  it("exits 0 when every error is explained: an explained error is not open", async () => {
    const { code, run } = await json(["all.xlsx"]);
    expect(run.summary).toMatchObject({ errors: 0, explained: 3 });
    expect(code).toBe(0);
  });

  it("lapses an explanation when a cell it named changed: the finding is open and says so", async () => {
    const { code, run } = await json(["changed.xlsx"]);
    expect(code).toBe(1);
    const x1 = run.files[0]!.findings.find((f) => f.rule === "X1" && f.cells[0] === "表三!D8")!;
    expect(x1).toMatchObject({
      severity: "error",
      lapsed: { reason: "自然人一列同上，经核实应为0件。" },
    });
    expect(x1.explained).toBeUndefined();
    const captured = captureIo(dir);
    await runCli(["check", "--last-year", "2023.xlsx", "changed.xlsx"], captured.io);
    expect(captured.stdout()).toContain(
      "此前的说明已失效（所涉单元格的值已改变，请重新核实）：自然人一列同上",
    );
  });

  it("writes the reason in the CSV's explanation columns", async () => {
    const captured = captureIo(dir);
    await runCli(
      ["check", "--format", "csv", "--last-year", "2023.xlsx", "2024.xlsx"],
      captured.io,
    );
    const rows = captured.stdout().split("\r\n");
    expect(rows[0]).toMatch(/,explained_reason,explained_date,lapsed_reason$/u);
    expect(rows.find((r) => r.includes(",R6,"))).toMatch(
      new RegExp(`,${R6_REASON},${DATE},$`, "u"),
    );
  });
});

describe("--explanations: a supervising office's own accepted list", () => {
  it("explains the findings of a .txt report it names by file", async () => {
    const report = await loadReport(at("seed.txt"));
    const lastYear = await loadReport(at("2023.xlsx"));
    const { result } = checkLoaded(report, { locale: "zh-CN", lastYear: lastYear.tables });
    const x1 = result.findings.filter((f) => f.rule === "X1");
    expect(x1).toHaveLength(2);
    const figures = figureSet(report.tables);
    writeFileSync(
      at("accepted.json"),
      JSON.stringify({
        format: "xxgk-explanations",
        version: 1,
        reports: [
          { file: "seed.txt", explanations: [explainFinding(x1[0]!, figures, "已核实。", DATE)] },
          {
            agency: "曲阜市时庄街道办事处",
            year: 2024,
            explanations: [explainFinding(x1[1]!, figures, "同上。", DATE)],
          },
          { explanations: [{ rule: "X1" }] },
        ],
      }),
    );
    const { code, run, stderr } = await json(["--explanations", "accepted.json", "seed.txt"]);
    expect(run.files[0]!.findings.map((f) => f.explained?.reason)).toEqual(["已核实。", "同上。"]);
    expect(code).toBe(0);
    // The entry that names no report is said, not silently dropped.
    expect(stderr).toContain("有 1 条说明无法使用");
  });

  it("ignores an explanation of R1 with a warning line: sums are fixed, not explained", async () => {
    const report = await loadReport(at("broken.xlsx"));
    const { result } = checkLoaded(report, { locale: "zh-CN" });
    const r1 = result.findings.find((f) => f.rule === "R1")!;
    writeFileSync(
      at("r1.json"),
      JSON.stringify({
        format: "xxgk-explanations",
        version: 1,
        reports: [
          {
            file: "broken.xlsx",
            explanations: [explainFinding(r1, figureSet(report.tables), "不改。", DATE)],
          },
        ],
      }),
    );
    const captured = captureIo(dir);
    const code = await runCli(["check", "--explanations", "r1.json", "broken.xlsx"], captured.io);
    expect(code).toBe(1);
    expect(captured.stderr()).toBe(
      "! broken.xlsx：R1 的说明未采用：表内求和与数值有效性（R1–R5）只能改正，不能说明\n",
    );
    expect(captured.stdout()).not.toContain("已说明");
  });

  it("stops with exit code 2 on a file that is not a list of explanations", async () => {
    writeFileSync(at("bad.json"), "{ not json");
    const captured = captureIo(dir);
    expect(await runCli(["check", "--explanations", "bad.json", "seed.txt"], captured.io)).toBe(2);
    expect(captured.stderr()).toMatch(/^--explanations bad\.json：不是有效的 JSON/u);
    expect(captured.stdout()).toBe("");
  });
});

describe("annotate, narrative and extract read the workbook's explanations", () => {
  it("marks explained cells with the quieter fill and lists them apart in 检查结果", async () => {
    const captured = captureIo(dir);
    const code = await runCli(
      ["annotate", "--last-year", "2023.xlsx", "2024.xlsx", "annotated.xlsx"],
      captured.io,
    );
    expect(code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(at("annotated.xlsx")));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const dxfs = [...styles.matchAll(/<dxf>([\s\S]*?)<\/dxf>/gu)].map((m) => m[1]!);
    const quiet = dxfs.findIndex((d) => d.includes("FFEDEBE9"));
    expect(quiet).toBeGreaterThanOrEqual(0);
    const names = await zip.file("xl/workbook.xml")!.async("string");
    expect(names).toContain("检查结果");
    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n))
        .map(async (n) => zip.file(n)!.async("string")),
    );
    const marks = sheets.flatMap((s) => [
      ...s.matchAll(/<conditionalFormatting sqref="([^"]*)"><cfRule [^>]*dxfId="(\d+)"[^>]*>/gu),
    ]);
    const quietRanges = marks.filter(
      (m) => Number(m[2]) === quiet && m[0].includes('stopIfTrue="1"'),
    );
    // 表三!J8 (X1 总计) and 表二's 规章 制发; not 表三!D8, whose X1 is open.
    expect(quietRanges.map((m) => m[1]).sort()).toEqual(["B6", "J8"]);
    const findingsSheet = sheets.find((s) => s.includes("问题说明"))!;
    expect(findingsSheet).toContain("已说明（2 条，不计为错误）");
    expect(findingsSheet).toContain(`说明：${X1_REASON}（${DATE}）`);
  });

  it("narrative prints the 六（五） paragraph from the explanations", async () => {
    const captured = captureIo(dir);
    await runCli(["narrative", "2024.xlsx"], captured.io);
    expect(captured.stdout()).toContain(
      `（五）本年度信息公开工作年度报告数据统计需要说明的事项：\n${X1_REASON}\n${R6_REASON}\n`,
    );
    const none = captureIo(dir);
    await runCli(["narrative", "plain.xlsx"], none.io);
    expect(none.stdout()).not.toContain("需要说明的事项");
  });

  it("report writes the explanations as 六（五）, and the Word file reads back with nothing for N1–N4", async () => {
    const captured = captureIo(dir);
    await runCli(
      ["report", "2024.xlsx", "--last-year", "2023.xlsx", "-o", "2024-report.docx"],
      captured.io,
    );
    const written = await loadReport(at("2024-report.docx"));
    const text = written.documentText ?? "";
    const five = text.slice(text.indexOf("（五）本年度信息公开工作年度报告数据统计需要说明的事项"));
    expect(five).toContain(X1_REASON);
    expect(five).toContain(R6_REASON);
    const { result } = checkLoaded(written, { locale: "zh-CN" });
    expect(result.findings.filter((f) => /^N[1-4]$/u.test(f.rule))).toEqual([]);
    // The explained X1 total is verified: its cells carry no 【请核对】; without the explanations
    // the same command marks them.
    const plain = captureIo(dir);
    await runCli(
      ["report", "plain.xlsx", "--last-year", "2023.xlsx", "-o", "plain-report.docx"],
      plain.io,
    );
    const marked = (await loadReport(at("plain-report.docx"))).documentText ?? "";
    const count = (t: string): number => t.split("【请核对】").length - 1;
    expect(count(text)).toBeLessThan(count(marked));
  });

  it("extract has a column with the count of explanations that still hold", async () => {
    const captured = captureIo(dir);
    expect(
      await runCli(
        ["extract", "2024.xlsx", "changed.xlsx", "plain.xlsx", "-o", "out.csv"],
        captured.io,
      ),
    ).toBe(0);
    const rows = readFileSync(at("out.csv"), "utf8")
      .split("\r\n")
      .map((r) => r.split(","));
    const column = rows[1]!.indexOf("explained");
    expect(rows.slice(2, 5).map((r) => [r[0], r[column]])).toEqual([
      ["2024.xlsx", "2"],
      // 自然人 and with it 总计 changed: both X1 explanations lapsed, the "/" one holds.
      ["changed.xlsx", "1"],
      ["plain.xlsx", "0"],
    ]);
  });
});

test("--explanations never opens a folder or a special file", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["check", "--explanations", ".", "seed.txt"], captured.io)).toBe(2);
  expect(captured.stderr()).toBe("--explanations .：不是普通文件（文件夹、管道或设备），未打开\n");
});

test("--explanations names a missing file in the user's words", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["check", "--explanations", "none.json", "seed.txt"], captured.io)).toBe(2);
  expect(captured.stderr()).toMatch(/^--explanations none\.json：无法读取：找不到文件/u);
});
