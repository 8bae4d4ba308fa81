/**
 * Report files for the offline page's browser tests and bench, written into a folder: good and
 * broken workbooks, Word, text, web-page and published PDF reports, and unreadable files (empty,
 * not a workbook, a scan, an encrypted PDF, a truncated PDF). Generated, never committed.
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { officialLayout } from "../../src/core/model/layout";
import { cellId } from "../../src/core/model/tables";
import { templateBytes } from "../../src/xlsx/write-template";
import { FIXTURES, seedTables, seedText } from "../helpers/build";
import { seedPage } from "../helpers/render-html";
import { buildDocx } from "../xlsx/helpers/build-docx";
import { fillTemplate, keyId } from "../xlsx/helpers/fill-template";
import { writeEncryptedPdf, writeScannedPdf, writeTruncatedPdf } from "../formats/helpers/bad-pdfs";

const PUBLISHED = [
  "huaian-hongze-qzf-2023.pdf",
  "huaian-hongze-qzf-2024.pdf",
  "huaian-szf-2024.pdf",
];

/** The first bytes of an old binary Excel file (OLE), which no reader here reads. */
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

/** The seed workbook with its figures, and with 表三's 总计 of row 一 wrong. */
export async function seedWorkbooks(): Promise<{ good: Uint8Array; broken: Uint8Array }> {
  const template = await templateBytes({ tables: ["T2", "T3", "T4"], year: 2024 });
  const good = await fillTemplate(template, seedTables());
  const broken = await fillTemplate(
    template,
    seedTables(),
    new Map([[keyId("T3", "一", "总计"), 10]]),
  );
  return { good, broken };
}

async function seedDocx(): Promise<Uint8Array> {
  const tables = seedTables();
  const values = new Map<string, unknown>();
  for (const t of tables) for (const [id, c] of t.cells) values.set(id, c.raw);
  return buildDocx([
    { kind: "paragraph", text: "曲阜市时庄街道办事处2024年政府信息公开工作年度报告" },
    ...(["T2", "T3", "T4"] as const).map((t) => ({
      kind: "table" as const,
      layout: officialLayout(t),
      value: (cell: Parameters<typeof cellId>[0]) =>
        (values.get(cellId(cell)) as string | number | null | undefined) ?? null,
    })),
  ]);
}

/**
 * Writes `count` files into `dir` cycling through every kind (clean, broken, unreadable, scanned
 * PDF) and returns their names, in order. A scan and an encrypted PDF take a few seconds to make,
 * so each is made once and copied.
 */
export async function writeCorpus(dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const { good, broken } = await seedWorkbooks();
  const docx = await seedDocx();
  const txt = seedText();
  const brokenTxt = txt.replace(/共收到(\d+)条/u, (_m, n: string) => `共收到${Number(n) + 7}条`);
  const html = seedPage();
  const made = path.join(dir, ".made");
  mkdirSync(made, { recursive: true });
  const scanned = writeScannedPdf(made);
  const encrypted = writeEncryptedPdf(made);
  const truncated = writeTruncatedPdf(made);
  const writers: readonly ((name: string) => string)[] = [
    (n) => (writeFileSync(path.join(dir, `${n}.xlsx`), good), `${n}.xlsx`),
    (n) => (writeFileSync(path.join(dir, `${n}.xlsx`), broken), `${n}.xlsx`),
    (n) => (writeFileSync(path.join(dir, `${n}.docx`), docx), `${n}.docx`),
    (n) => (writeFileSync(path.join(dir, `${n}.txt`), txt), `${n}.txt`),
    (n) => (writeFileSync(path.join(dir, `${n}.txt`), brokenTxt), `${n}.txt`),
    (n) => (writeFileSync(path.join(dir, `${n}.html`), html), `${n}.html`),
    (n) => {
      const source = PUBLISHED[Number(n.slice(-3)) % PUBLISHED.length]!;
      copyFileSync(path.join(FIXTURES, "published", source), path.join(dir, `${n}.pdf`));
      return `${n}.pdf`;
    },
    (n) => (writeFileSync(path.join(dir, `${n}.txt`), ""), `${n}.txt`),
    (n) => (writeFileSync(path.join(dir, `${n}.xlsx`), OLE), `${n}.xlsx`),
    (n) => (copyFileSync(scanned, path.join(dir, `${n}.pdf`)), `${n}.pdf`),
    (n) => (copyFileSync(encrypted, path.join(dir, `${n}.pdf`)), `${n}.pdf`),
    (n) => (copyFileSync(truncated, path.join(dir, `${n}.pdf`)), `${n}.pdf`),
  ];
  const names: string[] = [];
  for (let i = 0; i < count; i++)
    names.push(writers[i % writers.length]!(`unit-${String(i).padStart(3, "0")}`));
  return names;
}

/** `count` copies of the seed workbook (the bench's 200 template workbooks). */
export async function writeWorkbooks(dir: string, count: number): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const { good } = await seedWorkbooks();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = `workbook-${String(i).padStart(3, "0")}.xlsx`;
    writeFileSync(path.join(dir, name), good);
    names.push(name);
  }
  return names;
}
