/** `--last-year`: this year's 上年结转 must equal last year's 结转下年度继续办理, column by column (X1). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { seedTables } from "../helpers/build";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { captureIo } from "./helpers/capture-io";

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-last-year-"));
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  writeFileSync(path.join(dir, "2024.xlsx"), await fillTemplate(template, seedTables()));
  // Last year carried one application of a natural person into this year; this year reports none.
  writeFileSync(
    path.join(dir, "2023.xlsx"),
    await fillTemplate(template, seedTables(), new Map([[keyId("T3", "四", "自然人"), 1]])),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a carry-over that differs from last year's carry-forward is an X1 error on this year's cell", async () => {
  const captured = captureIo(dir);
  expect(
    await runCli(
      ["check", "--format", "json", "--last-year", "2023.xlsx", "2024.xlsx"],
      captured.io,
    ),
  ).toBe(1);
  const findings = (
    JSON.parse(captured.stdout()) as { files: { findings: { rule: string; cells: string[] }[] }[] }
  ).files[0]!.findings;
  expect(findings.filter((f) => f.rule === "X1").map((f) => f.cells[0])).toEqual([
    "表三!D8",
    "表三!J8",
  ]);
});

test("an unreadable last-year file is reported and the run exits 2", async () => {
  const captured = captureIo(dir);
  expect(await runCli(["check", "--last-year", "none.xlsx", "2024.xlsx"], captured.io)).toBe(2);
  expect(captured.stderr()).toContain("找不到文件");
});
