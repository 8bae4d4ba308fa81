/**
 * Outputs that a hostile file name or report cannot turn against the user (issue 9 item 4): CSV
 * fields neutralised against formula injection, terminal text without escape sequences, and the
 * UTF-16 text that arrives without a byte-order mark.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { csvLine, neutraliseCsvField } from "../../src/formats/report/csv";
import { decodeText, detectUtf16, looksLikeText } from "../../src/formats/report/decode-text";
import { terminalText } from "../../src/cli/terminal-text";
import { FIXTURES } from "../helpers/build";

const SEED = path.join(FIXTURES, "seed-report-shizhuang-2024.txt");

test("a field beginning with = + - @ tab or CR gets a leading apostrophe (OWASP)", () => {
  expect(["=1+2", "+1", "-1+2", "@SUM(A1)", "\tx", "\rx"].map(neutraliseCsvField)).toEqual([
    "'=1+2",
    "'+1",
    "'-1+2",
    "'@SUM(A1)",
    "'\tx",
    "'\rx",
  ]);
});

test("other fields, and = further in, are left as they are", () => {
  expect(["a=1", "甲镇.xlsx", " =1", "", "1-2"].map(neutraliseCsvField)).toEqual([
    "a=1",
    "甲镇.xlsx",
    " =1",
    "",
    "1-2",
  ]);
});

test("a CSV line neutralises, then quotes; numbers stay numbers, negative ones too", () => {
  expect(csvLine(['=HYPERLINK("#A1","x")', -3, undefined, "a,b", 7])).toBe(
    `"'=HYPERLINK(""#A1"",""x"")",-3,,"a,b",7\r\n`,
  );
});

test("terminal text loses escape sequences, control characters and bidi overrides, keeps line feeds", () => {
  expect(terminalText("\u001b]0;title\u0007\u001b[31mred\u001b[0m.txt\n")).toBe("red.txt\n");
  expect(terminalText("a\u0008b\u007fc\u009bd")).toBe("abcd");
  expect(terminalText("report\u202etxt.exe")).toBe("reporttxt.exe");
  expect(terminalText("表三!J7 由 10 改为 9。")).toBe("表三!J7 由 10 改为 9。");
});

test("UTF-16 without a BOM is recognised in both byte orders and decoded exactly", () => {
  const text = readFileSync(SEED, "utf8");
  const little = Buffer.from(text, "utf16le");
  const big = Buffer.from(text, "utf16le").swap16();
  expect([detectUtf16(little), detectUtf16(big)]).toEqual(["utf-16le", "utf-16be"]);
  expect(looksLikeText(little)).toBe(true);
  expect(decodeText(little)).toBe(text);
  expect(decodeText(big)).toBe(text);
});

test("GB18030, UTF-8 and random bytes are not taken for UTF-16", () => {
  const gb = execFileSync("iconv", ["-f", "utf-8", "-t", "gb18030", SEED]);
  expect(detectUtf16(gb)).toBeUndefined();
  expect(decodeText(gb)).toBe(readFileSync(SEED, "utf8"));
  expect(detectUtf16(readFileSync(SEED))).toBeUndefined();
  const random = new Uint8Array(8192);
  let x = 7;
  for (let i = 0; i < random.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    random[i] = i % 5 === 0 ? 0 : x >> 16;
  }
  expect(detectUtf16(random)).toBeUndefined();
  expect(looksLikeText(random)).toBe(false);
});
