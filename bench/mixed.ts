/**
 * `xxgk check` on 200 mixed report files against a plain read of the same files (issue 8): 40 each
 * of .xlsx (our template with the seed's figures), .docx (the seed's tables as Word tables), .txt
 * (the seed report), .html (the seed as a government web page) and .pdf (the three published WPS
 * PDFs, in turn). The plain read parses each file with the library its reader uses and nothing
 * else: exceljs for .xlsx, jszip for .docx, TextDecoder for .txt, parse5 for .html, and pdf.js's
 * text content of every page for .pdf. Run: `npx tsx bench/mixed.ts` or through `npm run bench`.
 */
import {
  copyFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parse } from "parse5";
import { officialLayout } from "../src/core/model/layout";
import { cellId } from "../src/core/model/tables";
import { loadPdfJs } from "../src/cli/pdfjs-node";
import { pdfSource } from "../src/formats/pdf/read-pdf";
import { runCli } from "../src/cli/run-cli";
import { templateBytes } from "../src/xlsx/write-template";
import { FIXTURES, seedTables, seedText } from "../test/helpers/build";
import { seedPage } from "../test/helpers/render-html";
import { buildDocx } from "../test/xlsx/helpers/build-docx";
import { fillTemplate } from "../test/xlsx/helpers/fill-template";

/** The figures of the mixed-files benchmark. */
export interface MixedBench {
  readonly files: number;
  readonly readSeconds: number;
  readonly checkSeconds: number;
  /** check ÷ plain read. */
  readonly ratio: number;
  readonly exitCode: number;
}

const PUBLISHED = [
  "huaian-hongze-qzf-2023.pdf",
  "huaian-hongze-qzf-2024.pdf",
  "huaian-szf-2024.pdf",
];

async function writeFiles(dir: string, each: number): Promise<void> {
  const tables = seedTables();
  const xlsx = await fillTemplate(
    await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 }),
    tables,
  );
  const values = new Map<string, unknown>();
  for (const t of tables) for (const [id, c] of t.cells) values.set(id, c.raw);
  const docx = await buildDocx([
    { kind: "paragraph", text: "曲阜市时庄街道办事处2024年政府信息公开工作年度报告" },
    ...(["T2", "T3", "T4"] as const).map((t) => ({
      kind: "table" as const,
      layout: officialLayout(t),
      value: (cell: Parameters<typeof cellId>[0]) =>
        (values.get(cellId(cell)) as string | number | null | undefined) ?? null,
    })),
  ]);
  const txt = seedText();
  const html = seedPage();
  for (let i = 0; i < each; i++) {
    const n = String(i).padStart(3, "0");
    writeFileSync(path.join(dir, `unit-${n}.xlsx`), xlsx);
    writeFileSync(path.join(dir, `unit-${n}.docx`), docx);
    writeFileSync(path.join(dir, `unit-${n}.txt`), txt);
    writeFileSync(path.join(dir, `unit-${n}.html`), html);
    copyFileSync(
      path.join(FIXTURES, "published", PUBLISHED[i % PUBLISHED.length]!),
      path.join(dir, `unit-${n}.pdf`),
    );
  }
}

async function plainRead(dir: string, names: readonly string[]): Promise<void> {
  const pdfjs = await loadPdfJs();
  for (const name of names) {
    const bytes = readFileSync(path.join(dir, name));
    const extension = path.extname(name);
    if (extension === ".xlsx") {
      await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
    } else if (extension === ".docx") {
      await (await JSZip.loadAsync(bytes)).file("word/document.xml")!.async("string");
    } else if (extension === ".txt") {
      new TextDecoder("utf-8").decode(bytes);
    } else if (extension === ".html") {
      parse(new TextDecoder("utf-8").decode(bytes));
    } else {
      const document = await pdfjs.getDocument(pdfSource(bytes)).promise;
      for (let p = 1; p <= document.numPages; p++)
        await (await document.getPage(p)).getTextContent();
      await document.destroy();
    }
  }
}

async function seconds(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** Runs the benchmark on 5 × `each` files. */
export async function benchMixed(each = 40): Promise<MixedBench> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xxgk-mixed-"));
  try {
    await writeFiles(dir, each);
    const names = readdirSync(dir).sort();
    const check = (files: readonly string[] = names) =>
      runCli(["check", "--format", "json", ...files], {
        stdout: () => undefined,
        stderr: () => undefined,
        interactive: false,
        cwd: dir,
      });
    // Warm both paths up (module loading, JIT) before measuring.
    await plainRead(dir, names.slice(0, 10));
    await check(names.slice(0, 10));
    const readSeconds = await seconds(() => plainRead(dir, names));
    let exitCode = -1;
    const checkSeconds = await seconds(async () => {
      exitCode = await check();
    });
    return {
      files: names.length,
      readSeconds,
      checkSeconds,
      ratio: checkSeconds / readSeconds,
      exitCode,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void benchMixed().then((r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
  });
}
