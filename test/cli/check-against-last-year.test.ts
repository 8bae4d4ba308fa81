/** `--last-year`: this year's 上年结转 must equal last year's 结转下年度继续办理, column by column (X1). */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
  // (Last year's report is titled 2023: a report of the same year is not last year's; see below.)
  const lastTemplate = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2023 });
  writeFileSync(
    path.join(dir, "2023.xlsx"),
    await fillTemplate(lastTemplate, seedTables(), new Map([[keyId("T3", "四", "自然人"), 1]])),
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

test("a last-year report of the same year is not compared: a message names both years and the run exits 2", async () => {
  const captured = captureIo(dir);
  expect(
    await runCli(
      ["check", "--format", "json", "--last-year", "2024.xlsx", "2024.xlsx"],
      captured.io,
    ),
  ).toBe(2);
  expect(captured.stderr()).toBe(
    "--last-year 2024.xlsx 是 2024 年的报告，不早于 2024.xlsx（2024 年）：未与上年对比；上年报告应是 2023 年的。\n",
  );
  const findings = (JSON.parse(captured.stdout()) as { files: { findings: { rule: string }[] }[] })
    .files[0]!.findings;
  expect(findings.filter((f) => f.rule === "X1" || f.rule === "X2")).toEqual([]);
});

test("a last-year report of a later year is refused for annotate before anything is written", async () => {
  const captured = captureIo(dir);
  expect(
    await runCli(
      ["annotate", "--lang", "en", "--last-year", "2024.xlsx", "2023.xlsx", "out-later.xlsx"],
      captured.io,
    ),
  ).toBe(2);
  expect(captured.stderr()).toBe(
    "--last-year 2024.xlsx is the report for 2024, not earlier than 2023.xlsx (2023): not compared; last year's report would be for 2022.\n",
  );
  expect(existsSync(path.join(dir, "out-later.xlsx"))).toBe(false);
});
