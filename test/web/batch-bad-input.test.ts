/**
 * The bad-input suite's files through the page's batch: every kind that is one regular file given
 * to `xxgk check` and unreadable (or incomplete) there is a row here, with the line the command line prints for
 * it (the kind's expected line, from the entry through the command line's text output). Kinds
 * that are not one file's bytes (folders, FIFOs, links, permissions) cannot be dropped on a page.
 */
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { textOutput } from "../../src/cli/check-output";
import { loadPdfJs } from "../../src/cli/pdfjs-node";
import { checkBatchFile } from "../../src/web/batch";
import type { BadInputKind } from "../bad-input/kind";

jest.setTimeout(120_000);

const KINDS_DIR = path.join(__dirname, "..", "bad-input");

function loadKinds(): BadInputKind[] {
  return readdirSync(KINDS_DIR)
    .filter((f) => /^kinds-.+\.ts$/u.test(f) && !f.endsWith(".test.ts"))
    .sort()
    .flatMap(
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the kinds files are found at run time, as the suite finds them
      (file) => (require(path.join(KINDS_DIR, file)) as { KINDS: readonly BadInputKind[] }).KINDS,
    )
    .filter(
      (k) =>
        k.args === undefined &&
        k.after === undefined &&
        k.unprivileged !== true &&
        k.stdoutLines === undefined &&
        k.exitCode === 2,
    );
}

// eslint-disable-next-line no-control-regex -- comparing without control characters is the suite's contract
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/gu;

let root: string;
beforeAll(() => (root = mkdtempSync(path.join(os.tmpdir(), "xxgk-web-bad-"))));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const kinds = loadKinds();

test("the sample holds kinds of every reader", () => {
  expect(kinds.length).toBeGreaterThan(20);
});

test.each(kinds.map((k) => [k.name, k] as const))("%s", async (_name, kind) => {
  const dir = mkdtempSync(path.join(root, `${kind.name}-`));
  const given = await kind.make(dir);
  const file = path.resolve(dir, given);
  const stat = lstatSync(file);
  if (!stat.isFile()) return; // not one file's bytes: a page is never given it
  const name = path.relative(dir, file);
  const row = await checkBatchFile(
    { name, bytes: new Uint8Array(readFileSync(file)) },
    { locale: "zh-CN" },
    loadPdfJs,
  );
  // Exit code 2 is an unreadable file, or one some part of which could not be read.
  expect(["unreadable", "incomplete"]).toContain(row.status);
  const lines: string[] = [];
  textOutput((t) => lines.push(...t.split("\n")), "zh-CN").file(row.entry);
  const cleaned = lines.map((l) => l.replace(CONTROL, ""));
  const found =
    typeof kind.expect === "string"
      ? cleaned.includes(kind.expect)
      : cleaned.some((l) => (kind.expect as RegExp).test(l));
  expect({ lines: cleaned, found }).toEqual({ lines: cleaned, found: true });
});
