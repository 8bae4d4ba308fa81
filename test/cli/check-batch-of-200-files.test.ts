/**
 * A supervising office's batch: 200 files mixing good, broken and unreadable reports in nested
 * folders. Every file is accounted for with the right status, the exit code says some file could
 * not be read, nothing crashes, memory stays bounded (one workbook at a time), and no input file is
 * written (content hash and mtime unchanged).
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { FIXTURES, seedTables, seedText } from "../helpers/build";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { captureIo } from "./helpers/capture-io";

jest.setTimeout(180_000);

interface JsonFile {
  file: string;
  status: "checked" | "unreadable";
  error?: string;
  findings: { severity: string }[];
}
interface JsonRun {
  files: JsonFile[];
  summary: { files: number; checked: number; unreadable: number; errors: number; warnings: number };
}

let dir: string;
/** What each file is expected to be: clean, broken (has an error) or unreadable. */
const expected = new Map<string, "clean" | "broken" | "unreadable">();

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-batch-"));
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  const good = await fillTemplate(template, seedTables());
  const broken = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T3", "一", "总计"), 10]]),
  );
  const put = (
    name: string,
    bytes: Uint8Array | string,
    kind: "clean" | "broken" | "unreadable",
  ): void => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    expected.set(name, kind);
  };
  const OLE = new Uint8Array([
    0xd0,
    0xcf,
    0x11,
    0xe0,
    0xa1,
    0xb1,
    0x1a,
    0xe1,
    ...new Array<number>(504).fill(0),
  ]);
  for (let i = 0; i < 200; i++) {
    const unit = `单位${String(i).padStart(3, "0")}`;
    const folder = `街道${i % 7}`;
    switch (i % 10) {
      case 0:
      case 1:
      case 2:
        put(`${folder}/${unit}.xlsx`, good, "clean");
        break;
      case 3:
      case 4:
        put(`${folder}/${unit}.xlsx`, broken, "broken");
        break;
      case 5:
      case 6:
        put(`${folder}/${unit}.txt`, seedText(), "clean");
        break;
      case 7:
        put(`${folder}/${unit}.xlsx`, good.subarray(0, 700), "unreadable");
        break;
      case 8:
        put(
          `${folder}/${unit}.${i % 20 === 8 ? "xls" : "xlsx"}`,
          i % 20 === 8 ? OLE : "",
          "unreadable",
        );
        break;
      case 9:
        put(
          `${folder}/${unit}.txt`,
          i % 20 === 9 ? "今天的会议纪要，与年报无关。" : "\u0000\u0001binary",
          "unreadable",
        );
        break;
    }
  }
  // One enormous file (sparse: 64 MB on paper), refused before it is read.
  const huge = "街道0/巨大文件.xlsx";
  copyFileSync(path.join(dir, "街道0/单位000.xlsx"), path.join(dir, huge));
  truncateSync(path.join(dir, huge), 64 * 1024 * 1024);
  expected.set(huge, "unreadable");
  // The seed text under a file name a folder walk must skip (an Office lock file).
  writeFileSync(path.join(dir, "街道0", "~$单位000.xlsx"), "lock");
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fingerprint(): Map<string, string> {
  const prints = new Map<string, string>();
  for (const name of expected.keys()) {
    const file = path.join(dir, name);
    prints.set(
      name,
      `${createHash("sha256").update(readFileSync(file)).digest("hex")} ${statSync(file).mtimeMs}`,
    );
  }
  return prints;
}

test("every file of a mixed batch of 200 is accounted for, with bounded memory and inputs untouched", async () => {
  expect(expected.size).toBe(201);
  const before = fingerprint();
  const captured = captureIo(dir);
  let peak = process.memoryUsage().rss;
  const baseline = peak;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const code = await runCli(["check", "--format", "json", "."], captured.io);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);

  const run = JSON.parse(captured.stdout()) as JsonRun;
  expect(code).toBe(2);
  expect(run.files.map((f) => f.file).sort()).toEqual([...expected.keys()].sort());
  for (const f of run.files) {
    const kind = expected.get(f.file)!;
    const errors = f.findings.filter((x) => x.severity === "error").length;
    const actual = f.status === "unreadable" ? "unreadable" : errors > 0 ? "broken" : "clean";
    expect({ file: f.file, actual }).toEqual({ file: f.file, actual: kind });
    if (f.status === "unreadable") expect(f.error).toMatch(/\S/u);
  }
  const count = (kind: string): number => [...expected.values()].filter((k) => k === kind).length;
  expect(run.summary).toMatchObject({
    files: 201,
    checked: count("clean") + count("broken"),
    unreadable: count("unreadable"),
  });
  expect(fingerprint()).toEqual(before);

  const growth = peak - baseline;
  mkdirSync(path.join(FIXTURES, "..", "..", "test-output", "cli"), { recursive: true });
  writeFileSync(
    path.join(FIXTURES, "..", "..", "test-output", "cli", "batch-memory.json"),
    JSON.stringify(
      {
        files: 201,
        baselineRssMB: baseline / 2 ** 20,
        peakRssMB: peak / 2 ** 20,
        growthMB: growth / 2 ** 20,
      },
      null,
      2,
    ),
  );
  expect(growth).toBeLessThan(400 * 2 ** 20);
});

test("a batch without unreadable files exits 1 when some file has an error and 0 when none has", async () => {
  const { io } = captureIo(dir);
  expect(await runCli(["check", "街道3/单位003.xlsx", "街道0/单位000.xlsx"], io)).toBe(1);
  expect(await runCli(["check", "街道0/单位000.xlsx", "街道5/单位005.txt"], io)).toBe(0);
});

test("the progress line goes to stderr only when stdout is a terminal", async () => {
  const quiet = captureIo(dir, false);
  await runCli(["check", "街道1"], quiet.io);
  expect(quiet.stderr()).toBe("");
  const terminal = captureIo(dir, true);
  await runCli(["check", "街道1"], terminal.io);
  expect(terminal.stderr()).toContain("检查中");
  expect(terminal.stdout()).not.toContain("检查中");
});
