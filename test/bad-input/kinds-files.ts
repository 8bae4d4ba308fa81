/**
 * Bad-input kinds about files and outputs (issue 9 items 4, 5 and 7): hostile file names in CSV and
 * on the terminal, FIFOs, devices, permissions, symbolic links, odd encodings, annotate's output
 * rules, --last-year of the wrong year, a reader that closes the pipe, and usage mistakes.
 * Permission kinds run xxgk as `nobody` (root reads through any permission bits).
 */
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import * as path from "node:path";
import JSZip from "jszip";
import { runCli } from "../../src/cli/run-cli";
import { templateBytes } from "../../src/xlsx/write-template";
import { captureIo } from "../cli/helpers/capture-io";
import { FIXTURES, seedTables } from "../helpers/build";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import type { BadInputKind } from "./kind";

const SEED = path.join(FIXTURES, "seed-report-shizhuang-2024.txt");
/** The line `check` prints for the seed text (a correct report) under a given name. */
const clean = (name: string): string => `✓ ${name} — 未发现问题（表二；表三；表四）`;

function seed(dir: string, name: string): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  copyFileSync(SEED, file);
  return file;
}

/** A template workbook filled with the seed's figures (no findings). */
async function filledWorkbook(): Promise<Uint8Array> {
  return fillTemplate(
    await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 }),
    seedTables(),
  );
}

async function write(file: string, bytes: Uint8Array | string): Promise<string> {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return Promise.resolve(file);
}

/** The workbook with its workbook part declared macro-enabled, as Excel saves an .xlsm. */
async function macroEnabled(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    ),
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** A workbook whose styles part starts with a parameter-entity DOCTYPE. */
async function withDoctype(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const styles = await zip.file("xl/styles.xml")!.async("string");
  const doctype = '<!DOCTYPE styleSheet [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>';
  zip.file("xl/styles.xml", styles.replace(/(<\?xml[^>]*\?>)/u, `$1${doctype}`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** Pseudo-random bytes with NULs, the same on every run. */
function junk(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = 2024;
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = i % 7 === 0 ? 0 : x >> 16;
  }
  return bytes;
}

const CSV = ["check", "--format", "csv"] as const;

export const KINDS: readonly BadInputKind[] = [
  // CSV injection: file names come from subordinate units (OWASP: prefix ' to = + - @ tab CR).
  {
    name: "csv-name-equals",
    description: "a report named =1+2.txt, CSV output",
    make: (dir) => seed(dir, "=1+2.txt"),
    args: CSV,
    expect: "'=1+2.txt,checked",
    exitCode: 0,
  },
  {
    name: "csv-name-plus",
    description: "a report named +1+2.txt, CSV output",
    make: (dir) => seed(dir, "+1+2.txt"),
    args: CSV,
    expect: "'+1+2.txt,checked",
    exitCode: 0,
  },
  {
    name: "csv-name-minus",
    description: "a report named -1+2.txt after --, CSV output",
    make: (dir) => seed(dir, "-1+2.txt"),
    args: [...CSV, "--"],
    expect: "'-1+2.txt,checked",
    exitCode: 0,
  },
  {
    name: "csv-name-at",
    description: "a report named @SUM(A1).txt, CSV output",
    make: (dir) => seed(dir, "@SUM(A1).txt"),
    args: CSV,
    expect: "'@SUM(A1).txt,checked",
    exitCode: 0,
  },
  {
    name: "csv-name-tab",
    description: "a report whose name starts with a tab, CSV output",
    make: (dir) => seed(dir, "\t=1.txt"),
    args: CSV,
    expect: "'\t=1.txt,checked",
    exitCode: 0,
  },
  {
    name: "csv-name-cr",
    description: "a report whose name starts with a carriage return, CSV output",
    make: (dir) => seed(dir, "\r=1.txt"),
    args: CSV,
    expect: '"\'=1.txt",checked',
    exitCode: 0,
  },
  {
    name: "csv-name-hyperlink-unreadable",
    description: "a damaged .docx named =HYPERLINK(…), CSV output",
    make: (dir) => write(path.join(dir, '=HYPERLINK("#A1","点我").docx'), "not a zip"),
    args: CSV,
    expect: '"\'=HYPERLINK(""#A1"",""点我"").docx",unreadable,,,,,,,,,,,文件已损坏，无法打开,',
    exitCode: 2,
  },
  {
    name: "csv-folder-name-equals",
    description: "a folder named =cmd| with a report in it, CSV output",
    make: (dir) => {
      seed(dir, "=cmd|/a.txt");
      return path.join(dir, "=cmd|");
    },
    args: CSV,
    expect: "'=cmd|/a.txt,checked",
    exitCode: 0,
  },
  // Escape sequences and bidirectional controls in names never reach the terminal.
  {
    name: "escape-name-checked",
    description: "a report named with OSC title and colour escape sequences",
    make: (dir) => seed(dir, "\u001b]0;pwned\u0007\u001b[31mred\u001b[0m.txt"),
    expect: clean("red.txt"),
    exitCode: 0,
  },
  {
    name: "escape-name-unreadable",
    description: "a damaged .docx named with a clear-screen escape",
    make: (dir) => write(path.join(dir, "\u001b[2J\u001b[Hgone.docx"), "not a zip"),
    expect: "✗ gone.docx：无法读取：文件已损坏，无法打开",
    exitCode: 2,
  },
  {
    name: "bidi-override-name",
    description: "a report named with a right-to-left override",
    make: (dir) => seed(dir, "report\u202etxt.exe.txt"),
    expect: clean("reporttxt.exe.txt"),
    exitCode: 0,
  },
  {
    name: "escape-name-annotate",
    description: "annotate of a damaged .docx named with an escape sequence",
    make: (dir) => write(path.join(dir, "\u001b[31mx.docx"), "not a zip"),
    args: ["annotate"],
    after: ["out.xlsx"],
    expect: "✗ x.docx：文件已损坏，无法打开",
    exitCode: 2,
  },
  // Special files: refused from their type, never opened (a FIFO would wait for ever).
  {
    name: "fifo-named-report",
    description: "a FIFO named p.txt",
    make: (dir) => {
      execFileSync("mkfifo", [path.join(dir, "p.txt")]);
      return path.join(dir, "p.txt");
    },
    expect: "✗ p.txt：无法读取：这是命名管道（FIFO），不是文件，未读取",
    exitCode: 2,
    timeoutMs: 15_000,
  },
  {
    name: "fifo-in-folder",
    description: "a folder with a report and a FIFO named like one",
    make: (dir) => {
      seed(dir, "d/a.txt");
      execFileSync("mkfifo", [path.join(dir, "d", "b.xlsx")]);
      return path.join(dir, "d");
    },
    expect: "✗ d/b.xlsx：无法读取：这是命名管道（FIFO），不是文件，未读取",
    exitCode: 2,
    timeoutMs: 15_000,
  },
  {
    name: "fifo-last-year",
    description: "--last-year given a FIFO",
    make: (dir) => {
      execFileSync("mkfifo", [path.join(dir, "last.txt")]);
      return seed(dir, "this.txt");
    },
    args: ["check", "--last-year", "last.txt"],
    expect: "--last-year last.txt：这是命名管道（FIFO），不是文件，未读取",
    exitCode: 2,
    timeoutMs: 15_000,
  },
  {
    name: "device-symlink",
    description: "z.txt, a symbolic link to /dev/zero",
    make: (dir) => {
      symlinkSync("/dev/zero", path.join(dir, "z.txt"));
      return path.join(dir, "z.txt");
    },
    expect: "✗ z.txt：无法读取：这是设备，不是文件，未读取",
    exitCode: 2,
  },
  {
    name: "device-path",
    description: "the character device /dev/null named directly",
    make: () => "/dev/null",
    expect: "✗ /dev/null：无法读取：这是设备，不是文件，未读取",
    exitCode: 2,
  },
  {
    name: "folder-as-annotate-input",
    description: "annotate given a folder as its input",
    make: (dir) => {
      seed(dir, "d/a.txt");
      return path.join(dir, "d");
    },
    args: ["annotate"],
    after: ["out.xlsx"],
    expect: "✗ d：这是文件夹，不是文件",
    exitCode: 2,
  },
  // Permissions (run as nobody).
  {
    name: "eacces-file",
    description: "a report without read permission",
    make: (dir) => {
      const file = seed(dir, "locked.txt");
      chmodSync(file, 0o000);
      return file;
    },
    unprivileged: true,
    expect: "✗ locked.txt：无法读取：没有读取权限，无法打开文件",
    exitCode: 2,
  },
  {
    name: "eacces-folder",
    description: "a folder without read permission",
    make: (dir) => {
      seed(dir, "locked/a.txt");
      chmodSync(path.join(dir, "locked"), 0o000);
      return path.join(dir, "locked");
    },
    unprivileged: true,
    expect: "✗ locked：无法读取：没有权限列出文件夹内容，其中的文件未检查",
    exitCode: 2,
  },
  {
    name: "eacces-subfolder",
    description: "a folder with a report and an unlistable subfolder",
    make: (dir) => {
      seed(dir, "d/a.txt");
      seed(dir, "d/locked/b.txt");
      chmodSync(path.join(dir, "d", "locked"), 0o000);
      return path.join(dir, "d");
    },
    unprivileged: true,
    expect: "✗ d/locked：无法读取：没有权限列出文件夹内容，其中的文件未检查",
    exitCode: 2,
  },
  {
    name: "eacces-folder-not-searchable",
    description: "a folder that can be listed but not entered (r without x)",
    make: (dir) => {
      seed(dir, "d/a.txt");
      chmodSync(path.join(dir, "d"), 0o644);
      return path.join(dir, "d");
    },
    unprivileged: true,
    expect: "✗ d/a.txt：无法读取：没有读取权限，无法打开文件",
    exitCode: 2,
  },
  {
    name: "eacces-last-year",
    description: "--last-year given a file without read permission",
    make: (dir) => {
      chmodSync(seed(dir, "last.txt"), 0o000);
      return seed(dir, "this.txt");
    },
    args: ["check", "--last-year", "last.txt"],
    unprivileged: true,
    expect: "--last-year last.txt：没有读取权限，无法打开文件",
    exitCode: 2,
  },
  {
    name: "eacces-annotate-output-folder",
    description: "annotate into a folder without write permission",
    make: (dir) => {
      mkdirSync(path.join(dir, "ro"));
      chmodSync(path.join(dir, "ro"), 0o555);
      return seed(dir, "a.txt");
    },
    args: ["annotate"],
    after: ["ro/out.xlsx"],
    unprivileged: true,
    expect: /^无法写出 ro\/out\.xlsx：EACCES/u,
    exitCode: 2,
  },
  // Symbolic links: followed once, loops detected, skips told.
  {
    name: "symlink-loop-file",
    description: "a.txt → b.txt → a.txt",
    make: (dir) => {
      symlinkSync("b.txt", path.join(dir, "a.txt"));
      symlinkSync("a.txt", path.join(dir, "b.txt"));
      return path.join(dir, "a.txt");
    },
    expect: "✗ a.txt：无法读取：符号链接互相指向，形成循环",
    exitCode: 2,
  },
  {
    name: "symlink-loop-folder",
    description: "a folder with a report and a link to itself",
    make: (dir) => {
      seed(dir, "d/a.txt");
      symlinkSync(".", path.join(dir, "d", "self"));
      return path.join(dir, "d");
    },
    expect: "! d/self：已跳过：符号链接指向已检查的文件夹 d",
    exitCode: 0,
  },
  {
    name: "symlink-dangling",
    description: "gone.txt, a link to a file that does not exist",
    make: (dir) => {
      symlinkSync("nowhere.txt", path.join(dir, "gone.txt"));
      return path.join(dir, "gone.txt");
    },
    expect: "✗ gone.txt：无法读取：符号链接指向的文件不存在",
    exitCode: 2,
  },
  {
    name: "symlink-dangling-in-folder",
    description: "a folder with a report and a dangling link named like one",
    make: (dir) => {
      seed(dir, "d/a.txt");
      symlinkSync("../nowhere.docx", path.join(dir, "d", "gone.docx"));
      return path.join(dir, "d");
    },
    expect: "✗ d/gone.docx：无法读取：符号链接指向的文件不存在",
    exitCode: 2,
  },
  {
    name: "symlinked-report-in-folder",
    description: "a folder holding only a link to a report outside it",
    make: (dir) => {
      seed(dir, "elsewhere/seed.txt");
      mkdirSync(path.join(dir, "d"));
      symlinkSync("../elsewhere/seed.txt", path.join(dir, "d", "r.txt"));
      return path.join(dir, "d");
    },
    expect: clean("d/r.txt"),
    exitCode: 0,
  },
  {
    name: "symlinked-folder",
    description: "a folder holding a link to another folder of reports",
    make: (dir) => {
      seed(dir, "real/a.txt");
      mkdirSync(path.join(dir, "d"));
      symlinkSync("../real", path.join(dir, "d", "link"));
      return path.join(dir, "d");
    },
    expect: clean("d/link/a.txt"),
    exitCode: 0,
  },
  {
    name: "symlink-duplicate",
    description: "a folder with a report and a second link to it",
    make: (dir) => {
      seed(dir, "d/a.txt");
      symlinkSync("a.txt", path.join(dir, "d", "b.txt"));
      return path.join(dir, "d");
    },
    expect: "! d/b.txt：已跳过：与 d/a.txt 是同一个文件",
    exitCode: 0,
  },
  // Contents that are not what the name says.
  {
    name: "empty-txt",
    description: "an empty .txt",
    make: (dir) => write(path.join(dir, "empty.txt"), ""),
    expect: "✗ empty.txt：无法读取：文件是空的",
    exitCode: 2,
  },
  {
    name: "utf16le-without-bom",
    description: "the seed report in UTF-16LE without a byte-order mark",
    make: (dir) => write(path.join(dir, "utf16le.txt"), Buffer.from(readSeed(), "utf16le")),
    expect: clean("utf16le.txt"),
    exitCode: 0,
  },
  {
    name: "utf16be-without-bom",
    description: "the seed report in UTF-16BE without a byte-order mark",
    make: (dir) =>
      write(path.join(dir, "utf16be.txt"), Buffer.from(readSeed(), "utf16le").swap16()),
    expect: clean("utf16be.txt"),
    exitCode: 0,
  },
  {
    name: "txt-line-140kb",
    description:
      "the seed report followed by one 140 KB line of 共收到9件，其中自然人9件。 repeated",
    make: (dir) =>
      write(
        path.join(dir, "long-line.txt"),
        `${readSeed()}\n${"共收到9件，其中自然人9件。".repeat(10_000)}\n`,
      ),
    // Read whole (a .txt has no line limit) in linear time; its 10,000 sentences agree with table 三.
    expect: clean("long-line.txt"),
    exitCode: 0,
  },
  {
    name: "binary-junk-txt",
    description: "64 KB of random bytes with NULs named .txt",
    make: (dir) => write(path.join(dir, "junk.txt"), junk(65_536)),
    expect: "✗ junk.txt：无法读取：不是可检查的文件类型（.xlsx、.xlsm、.docx、.txt、.html、.pdf）",
    exitCode: 2,
  },
  {
    name: "nul-bytes-txt",
    description: "4 KB of NUL bytes named .txt",
    make: (dir) => write(path.join(dir, "nul.txt"), new Uint8Array(4096)),
    expect: "✗ nul.txt：无法读取：不是可检查的文件类型（.xlsx、.xlsm、.docx、.txt、.html、.pdf）",
    exitCode: 2,
  },
  {
    name: "docx-empty-zip",
    description: "a .docx that is a zip of nothing",
    make: async (dir) =>
      write(path.join(dir, "empty.docx"), await new JSZip().generateAsync({ type: "uint8array" })),
    expect: "✗ empty.docx：无法读取：文件已损坏，无法打开",
    exitCode: 2,
  },
  // annotate's output: never over an existing file, macro status kept, no DOCTYPE, no pile-up.
  {
    name: "annotate-onto-existing-file",
    description: "annotate whose output file exists",
    make: async (dir) => {
      await write(path.join(dir, "out.xlsx"), "the user's own file");
      return seed(dir, "a.txt");
    },
    args: ["annotate"],
    after: ["out.xlsx"],
    expect: "out.xlsx 已存在，未覆盖；要覆盖请加 --force。",
    exitCode: 2,
  },
  {
    name: "annotate-onto-dangling-link",
    description: "annotate whose output is a dangling symbolic link",
    make: (dir) => {
      symlinkSync("/nonexistent/elsewhere.xlsx", path.join(dir, "out.xlsx"));
      return seed(dir, "a.txt");
    },
    args: ["annotate"],
    after: ["out.xlsx"],
    expect: "out.xlsx 已存在，未覆盖；要覆盖请加 --force。",
    exitCode: 2,
  },
  {
    name: "annotate-xlsm-to-xlsx",
    description: "annotate of a macro-enabled workbook into an .xlsx",
    make: async (dir) =>
      write(path.join(dir, "in.xlsm"), await macroEnabled(await filledWorkbook())),
    args: ["annotate"],
    after: ["out.xlsx"],
    expect:
      "输入是启用宏的工作簿（.xlsm），标注副本也须是 .xlsm：请把输出文件名 out.xlsx 改为以 .xlsm 结尾。",
    exitCode: 2,
  },
  {
    name: "annotate-xlsm-to-xlsm",
    description: "annotate of a macro-enabled workbook into an .xlsm",
    make: async (dir) =>
      write(path.join(dir, "in.xlsm"), await macroEnabled(await filledWorkbook())),
    args: ["annotate"],
    after: ["out.xlsm"],
    expect: "已写出标注副本 out.xlsm（0 条检查结果）",
    exitCode: 0,
  },
  {
    name: "annotate-xlsx-to-xlsm",
    description: "annotate of a plain workbook into an .xlsm",
    make: async (dir) => write(path.join(dir, "in.xlsx"), await filledWorkbook()),
    args: ["annotate"],
    after: ["out.xlsm"],
    expect:
      "输入不是启用宏的工作簿，标注副本须是 .xlsx：请把输出文件名 out.xlsm 改为以 .xlsx 结尾。",
    exitCode: 2,
  },
  {
    name: "annotate-to-txt",
    description: "annotate into a file named .txt",
    make: (dir) => seed(dir, "a.txt"),
    args: ["annotate"],
    after: ["out.txt"],
    expect: "标注副本是工作簿，输出文件名须以 .xlsx 结尾（收到 out.txt）。",
    exitCode: 2,
  },
  {
    name: "annotate-doctype",
    description: "annotate of a workbook whose styles part has a parameter-entity DOCTYPE",
    make: async (dir) =>
      write(path.join(dir, "in.xlsx"), await withDoctype(await filledWorkbook())),
    args: ["annotate"],
    after: ["out.xlsx"],
    expect:
      "✗ in.xlsx：文件中的 XML 部件含有 DOCTYPE 声明（Office 文件从不含有），为安全起见不予读取",
    exitCode: 2,
  },
  {
    name: "re-annotate",
    description: "annotate of an annotated copy",
    make: async (dir) => {
      await write(path.join(dir, "a.xlsx"), await filledWorkbook());
      const code = await runCli(["annotate", "a.xlsx", "a1.xlsx"], captureIo(dir).io);
      if (code !== 0) throw new Error(`the first annotation exited ${code}`);
      return path.join(dir, "a1.xlsx");
    },
    args: ["annotate"],
    after: ["a2.xlsx"],
    expect: "已写出标注副本 a2.xlsx（0 条检查结果）",
    exitCode: 0,
  },
  // --last-year of the same or a later year.
  {
    name: "last-year-same-year",
    description: "--last-year given a report of the same year",
    make: (dir) => {
      seed(dir, "last.txt");
      return seed(dir, "this.txt");
    },
    args: ["check", "--last-year", "last.txt"],
    expect:
      "--last-year last.txt 是 2024 年的报告，不早于 this.txt（2024 年）：未与上年对比；上年报告应是 2023 年的。",
    exitCode: 2,
  },
  {
    name: "last-year-later-year",
    description: "--last-year given a 2024 report for a report said to be 2023's",
    make: (dir) => {
      seed(dir, "last.txt");
      return seed(dir, "this.txt");
    },
    args: ["check", "--year", "2023", "--last-year", "last.txt"],
    expect:
      "--last-year last.txt 是 2024 年的报告，不早于 this.txt（2023 年）：未与上年对比；上年报告应是 2022 年的。",
    exitCode: 2,
  },
  // A reader that stops reading (xxgk check … | head -n 1): EPIPE ends quietly with the run's code.
  {
    name: "epipe-text",
    description: "check of 40 reports, output closed after the first line",
    make: (dir) => {
      for (let i = 1; i <= 40; i++) seed(dir, `d/r${String(i).padStart(2, "0")}.txt`);
      return path.join(dir, "d");
    },
    stdoutLines: 1,
    expect: clean("d/r01.txt"),
    exitCode: 0,
  },
  {
    name: "epipe-with-errors",
    description: "check of 40 workbooks with an R1 error, output closed after the first line",
    make: async (dir) => {
      const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
      const wrong = await fillTemplate(
        template,
        seedTables(),
        new Map([[keyId("T3", "二", "自然人"), 5]]),
      );
      for (let i = 1; i <= 40; i++)
        await write(path.join(dir, "d", `t${String(i).padStart(2, "0")}.xlsx`), wrong);
      return path.join(dir, "d");
    },
    stdoutLines: 1,
    expect:
      "✗ d/t01.xlsx — 2 个错误，0 个警告（表二 表二!A3:D17；表三 表三!A3:J31；表四 表四!A3:O7）",
    exitCode: 1,
    timeoutMs: 40_000,
  },
  {
    name: "epipe-json",
    description: "check --format json of 40 reports, output closed after the first line",
    make: (dir) => {
      for (let i = 1; i <= 40; i++) seed(dir, `d/r${String(i).padStart(2, "0")}.txt`);
      return path.join(dir, "d");
    },
    args: ["check", "--format", "json"],
    stdoutLines: 1,
    expect: "{",
    exitCode: 0,
  },
  // Usage mistakes: in the user's language, with what is valid.
  {
    name: "usage-unknown-command",
    description: "xxgk chek",
    make: (dir) => seed(dir, "a.txt"),
    args: ["chek"],
    expect:
      "用法错误：未知命令「chek」：可用命令为 template、check、annotate、narrative、report、extract、read",
    exitCode: 2,
  },
  {
    name: "usage-unknown-option",
    description: "check --formt json",
    make: (dir) => seed(dir, "a.txt"),
    args: ["check", "--formt", "json"],
    expect: "用法错误：未知选项 --formt（运行 xxgk --help 查看各命令的选项）",
    exitCode: 2,
  },
  {
    name: "usage-bad-format",
    description: "check --format xml",
    make: (dir) => seed(dir, "a.txt"),
    args: ["check", "--format", "xml"],
    expect: "用法错误：--format 只能是 text、json 或 csv（收到「xml」）",
    exitCode: 2,
  },
  {
    name: "usage-bad-lang",
    description: "check --lang fr",
    make: (dir) => seed(dir, "a.txt"),
    args: ["check", "--lang", "fr"],
    expect: "用法错误：--lang 只能是 zh 或 en（收到「fr」）",
    exitCode: 2,
  },
  {
    name: "usage-bad-tables",
    description: "template --tables 五",
    make: (dir) => path.join(dir, "out.xlsx"),
    args: ["template", "--tables", "五"],
    expect: "用法错误：--tables 只能是 二、三、四（或 2、3、4），用逗号分隔（收到「五」）",
    exitCode: 2,
  },
  {
    name: "usage-option-of-another-command",
    description: "template --format json",
    make: (dir) => path.join(dir, "out.xlsx"),
    args: ["template", "--format", "json"],
    expect: "用法错误：template 命令不接受 --format 选项（可用：--tables、--year、--agency）",
    exitCode: 2,
  },
  {
    name: "usage-force-on-check",
    description: "check --force",
    make: (dir) => seed(dir, "a.txt"),
    args: ["check", "--force"],
    expect:
      "用法错误：check 命令不接受 --force 选项（可用：--format、--last-year、--year、--agency、--explanations）",
    exitCode: 2,
  },
  {
    name: "usage-annotate-missing-output",
    description: "annotate with one file",
    make: (dir) => seed(dir, "a.txt"),
    args: ["annotate"],
    expect: "用法错误：annotate 缺少文件参数：需要输入文件和输出文件（out.xlsx）两个文件",
    exitCode: 2,
  },
  {
    name: "usage-narrative-too-many",
    description: "narrative with two files",
    make: (dir) => seed(dir, "a.txt"),
    args: ["narrative"],
    after: ["b.txt"],
    expect: "用法错误：narrative 的文件参数过多（收到 2 个）：需要一个报告文件",
    exitCode: 2,
  },
  {
    name: "usage-missing-value",
    description: "check a.txt --last-year (no value)",
    make: (dir) => seed(dir, "a.txt"),
    after: ["--last-year"],
    expect: "用法错误：选项 --last-year 缺少取值",
    exitCode: 2,
  },
  {
    name: "usage-english",
    description: "--lang en check --format xml",
    make: (dir) => seed(dir, "a.txt"),
    args: ["--lang", "en", "check", "--format", "xml"],
    expect: 'usage error: --format must be text, json or csv (got "xml")',
    exitCode: 2,
  },
  {
    name: "usage-escape-in-argument",
    description: "an unknown command holding an escape sequence",
    make: (dir) => seed(dir, "a.txt"),
    args: ["\u001b[31mchek"],
    expect:
      "用法错误：未知命令「chek」：可用命令为 template、check、annotate、narrative、report、extract、read",
    exitCode: 2,
  },
];

function readSeed(): string {
  return readFileSync(SEED, "utf8");
}
