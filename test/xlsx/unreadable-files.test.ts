/**
 * Files that are not reports in a readable form are recognised from their bytes, each with its own
 * error: empty, damaged zip, legacy .xls, password-protected package, oversize, not a report.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { loadReport } from "../../src/cli/load-file";
import { DEFAULT_LIMITS } from "../../src/xlsx/limits";
import type { UnreadableFileError } from "../../src/xlsx/errors";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-unreadable-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function reasonFor(
  name: string,
  bytes: Uint8Array | string,
  limits = DEFAULT_LIMITS,
): Promise<string> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  try {
    await loadReport(file, limits);
    return "read";
  } catch (error) {
    return (error as UnreadableFileError).reason;
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

test("each kind of unreadable file gets its own reason", async () => {
  expect(await reasonFor("empty.xlsx", "")).toBe("empty");
  expect(await reasonFor("truncated.xlsx", "PK\u0003\u0004garbage")).toBe("corrupt");
  expect(await reasonFor("renamed.xlsx", "just some text")).toBe("corrupt");
  expect(
    await reasonFor("old.xls", new Uint8Array([...OLE, ...new Array<number>(600).fill(0)])),
  ).toBe("legacy-xls");
  const encrypted = new Uint8Array([
    ...OLE,
    ...Buffer.from("EncryptedPackage", "utf16le"),
    ...new Array<number>(100).fill(0),
  ]);
  expect(await reasonFor("locked.xlsx", encrypted)).toBe("encrypted");
  expect(await reasonFor("notes.txt", "会议纪要：下周一开会。")).toBe("not-a-report");
  await expect(loadReport(path.join(dir, "none.xlsx"))).rejects.toMatchObject({
    reason: "not-found",
  });
});

test("a file over the size limit is refused before it is unpacked", async () => {
  expect(
    await reasonFor("big.txt", "政府信息公开".repeat(100), {
      ...DEFAULT_LIMITS,
      maxFileBytes: 100,
    }),
  ).toBe("too-large");
});

test("a zip that unpacks to more than the limit is refused as too large", async () => {
  const zip = new JSZip();
  zip.file("xl/workbook.xml", "x".repeat(50_000));
  const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  expect(await reasonFor("bomb.xlsx", bytes, { ...DEFAULT_LIMITS, maxUnpackedBytes: 10_000 })).toBe(
    "too-large",
  );
});

test("a zip that is neither a workbook nor a document is an unsupported type", async () => {
  const zip = new JSZip();
  zip.file("readme.txt", "hello");
  expect(await reasonFor("other.xlsx", await zip.generateAsync({ type: "uint8array" }))).toBe(
    "unsupported-type",
  );
});
