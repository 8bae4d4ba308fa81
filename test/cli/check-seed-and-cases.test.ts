/**
 * `check` on report texts: the seed report's own text has nothing to report; each transcribed case,
 * rendered as the text of a Word export and read by the command line's loader, gets the findings
 * its transcriber recorded (case codes mapped to rule ids and finding codes), and no error beyond
 * them except the rows its truncated copy cut off.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { caseTables, FIXTURES, loadCases, type CaseFile } from "../helpers/build";
import { checkLoaded } from "../../src/formats/report/check-file";
import { loadReport } from "../../src/cli/load-file";
import type { Finding } from "../../src/core/rules/finding";
import { tableDef } from "../../src/core/model/tables";
import { caseReportText } from "./helpers/case-text";
import { captureIo } from "./helpers/capture-io";

interface JsonFile {
  file: string;
  status: string;
  findings: unknown[];
}

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-cases-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function checkJson(args: string[]): Promise<{ code: number; files: JsonFile[] }> {
  const captured = captureIo(dir);
  const code = await runCli(["check", "--format", "json", ...args], captured.io);
  return { code, files: (JSON.parse(captured.stdout()) as { files: JsonFile[] }).files };
}

test("the seed report's text checks with zero findings", async () => {
  const { code, files } = await checkJson([path.join(FIXTURES, "seed-report-shizhuang-2024.txt")]);
  expect(files[0]!.status).toBe("checked");
  expect(files[0]!.findings).toEqual([]);
  expect(code).toBe(0);
});

/** What a case's finding code stands for (examples/README.md legend → spec §8 rule and finding code). */
const FINDING_OF_CODE: Readonly<Record<string, readonly (readonly [string, string?])[]>> = {
  F1: [["R8", "format-2019"]],
  F3: [
    ["R9", "label-variant"],
    ["R6", "blank"],
  ],
  F5: [["P1", "period-wrong"]],
  N: [["N1"], ["N2"], ["N3"], ["N4"]],
  T: [["R1"], ["R2"], ["R3"], ["R3a"], ["R4"]],
  U: [["R5", "too-precise"]],
  D1: [["R7", "rules-not-in-remit"]],
};

/** Cases whose recorded finding the core does not detect yet: kept as failing tests to flip when it does. */
const KNOWN_GAPS: Readonly<Record<string, string>> = {};

/** A row the case's truncated copy did not show: its row-missing finding is the truncation, not the report. */
function hiddenRow(c: CaseFile, f: Finding): boolean {
  if (f.rule !== "R9" || f.code !== "row-missing") return false;
  // A row is visible when every one of its cells was visible (the text leaves partial rows out).
  const visible = new Set<string>();
  for (const t of caseTables(c)) {
    for (const block of tableDef(t.table, t.version).blocks) {
      for (const r of block.rows) {
        if (block.columns.every((col) => t.cells.has(`${t.table}/${r.key}/${col.key}`)))
          visible.add(`${t.table}/${r.key}`);
      }
    }
  }
  const row = f.params["row"];
  return typeof row === "string" && f.table !== undefined && !visible.has(`${f.table}/${row}`);
}

async function caseFindings(c: CaseFile): Promise<readonly Finding[]> {
  const file = path.join(dir, `${c.case_id}.txt`);
  writeFileSync(file, caseReportText(c));
  const { result } = checkLoaded(await loadReport(file), { locale: "zh-CN" });
  return result.findings;
}

function expected(c: CaseFile): (readonly [string, string?])[][] {
  return c.findings.flatMap((f) =>
    FINDING_OF_CODE[f.code] === undefined ? [] : [[...FINDING_OF_CODE[f.code]!]],
  );
}

const notJudged = (f: Finding): boolean => f.code === "structure-not-judged";

const matches = (f: Finding, [rule, code]: readonly [string, string?]): boolean =>
  f.rule === rule && (code === undefined || f.code === code);

describe.each(loadCases().map((c) => [c.case_id, c] as const))("case %s", (id, c) => {
  const run = KNOWN_GAPS[id] === undefined ? test : test.failing;
  run("gets the findings its transcriber recorded", async () => {
    const findings = await caseFindings(c);
    for (const alternatives of expected(c)) {
      expect({
        id,
        alternatives,
        found: findings.some((f) => alternatives.some((a) => matches(f, a))),
      }).toEqual({ id, alternatives, found: true });
    }
  });
  test("gets no finding beyond the recorded ones and the rows its copy cut off", async () => {
    const findings = await caseFindings(c);
    const allowed = expected(c).flat();
    const unexpected = findings.filter(
      (f) => !allowed.some((a) => matches(f, a)) && !hiddenRow(c, f) && !notJudged(f),
    );
    expect(unexpected.map((f) => `${f.rule} ${f.code} ${JSON.stringify(f.params)}`)).toEqual([]);
  });
  test("says once that its sections and tables were not judged: the text ends with a table", async () => {
    // The rendered case is a title, the quoted sentences and the visible tables: a part of a report.
    const said = (await caseFindings(c)).filter(notJudged);
    expect(said.map((f) => [f.rule, f.severity, f.params["reason"]])).toEqual([
      ["S1", "info", "cut-off"],
    ]);
  });
});
