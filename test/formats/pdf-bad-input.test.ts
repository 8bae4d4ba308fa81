/**
 * Hostile PDFs read by the command line's loader: each is refused with its own error class (one
 * line each in the output), never a crash, within a time bound; and the same through `xxgk check`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadReport } from "../../src/cli/load-file";
import { runCli } from "../../src/cli/run-cli";
import {
  CorruptFileError,
  EncryptedFileError,
  ScannedPdfError,
  TooManyPagesError,
  UnreadableFileError,
} from "../../src/xlsx/errors";
import { MAX_PDF_PAGES } from "../../src/formats/pdf/read-pdf";
import { captureIo } from "../cli/helpers/capture-io";
import { KINDS } from "../bad-input/kinds-pdf";
import {
  writeEncryptedPdf,
  writeGarbagePdf,
  writeScannedPdf,
  writeThousandsOfPagesPdf,
  writeTruncatedPdf,
} from "./helpers/bad-pdfs";

jest.setTimeout(60_000);

/** Every hostile PDF is refused within this many milliseconds (the machine is shared). */
const BOUND_MS = 10_000;

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-bad-pdf-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function refusal(file: string): Promise<{ error: unknown; ms: number }> {
  const start = Date.now();
  try {
    await loadReport(file);
  } catch (error) {
    return { error, ms: Date.now() - start };
  }
  throw new Error(`${file} was read`);
}

test.each([
  ["a scan", writeScannedPdf, ScannedPdfError, "scanned-pdf"],
  ["an encrypted PDF", writeEncryptedPdf, EncryptedFileError, "encrypted"],
  ["a truncated PDF", writeTruncatedPdf, CorruptFileError, "corrupt"],
  ["2,000 pages", writeThousandsOfPagesPdf, TooManyPagesError, "too-many-pages"],
  ["garbage behind a %PDF- header", writeGarbagePdf, CorruptFileError, "corrupt"],
] as const)("%s is refused with its own reason, in bounded time", async (_, make, type, reason) => {
  const sub = mkdtempSync(path.join(dir, "case-"));
  const { error, ms } = await refusal(make(sub));
  expect(error).toBeInstanceOf(type);
  expect((error as UnreadableFileError).reason).toBe(reason);
  expect(ms).toBeLessThan(BOUND_MS);
});

test("the page limit is read from the page count: 2,000 pages are refused, naming the limit", async () => {
  const { error } = await refusal(writeThousandsOfPagesPdf(mkdtempSync(path.join(dir, "p-"))));
  expect(error).toMatchObject({ pages: 2000, limit: MAX_PDF_PAGES });
});

test.each(KINDS.map((k) => [k.name, k] as const))(
  "xxgk check prints the kind's line for %s",
  async (_, kind) => {
    const sub = mkdtempSync(path.join(dir, "kind-"));
    const file = await kind.make(sub);
    const captured = captureIo(sub);
    const code = await runCli(["check", file], captured.io);
    expect(code).toBe(kind.exitCode);
    const lines = captured.stderr().split("\n").concat(captured.stdout().split("\n"));
    expect(
      lines.some((l) =>
        typeof kind.expect === "string" ? l === kind.expect : kind.expect.test(l),
      ),
    ).toBe(true);
  },
);
