/**
 * The hostile PDFs of the bad-input tests, generated (never committed): a scan (pages that are
 * only pictures), an encrypted copy (qpdf, AES-256), a truncated published report, 2,000 pages,
 * and garbage behind a "%PDF-" header.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { FIXTURES } from "../../helpers/build";
import { makePdf, manyPagesPdf, scannedPage, textPage } from "./make-pdf";

/** A published report (淮安市人民政府 2024, 6 pages). */
export const PUBLISHED_PDF = path.join(FIXTURES, "published", "huaian-szf-2024.pdf");

/** Writes a two-page scan into `dir`. */
export function writeScannedPdf(dir: string): string {
  const file = path.join(dir, "scanned.pdf");
  writeFileSync(file, makePdf([scannedPage(), scannedPage()]));
  return file;
}

/** Writes a one-page text PDF, encrypted by qpdf with user password "u", into `dir`. */
export function writeEncryptedPdf(dir: string): string {
  const plain = path.join(dir, "plain.pdf.tmp");
  const file = path.join(dir, "encrypted.pdf");
  writeFileSync(plain, makePdf([textPage(["2024 report"])]));
  execFileSync("qpdf", ["--encrypt", "u", "o", "256", "--", plain, file]);
  return file;
}

/** Writes the first half of a published report into `dir`. */
export function writeTruncatedPdf(dir: string): string {
  const bytes = readFileSync(PUBLISHED_PDF);
  const file = path.join(dir, "truncated.pdf");
  writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
  return file;
}

/** Writes a 2,000-page PDF into `dir`. */
export function writeThousandsOfPagesPdf(dir: string): string {
  const file = path.join(dir, "pages-2000.pdf");
  writeFileSync(file, manyPagesPdf(2000, ["2024 annual report"]));
  return file;
}

/** Writes a "%PDF-1.7" header followed by bytes that are no PDF into `dir`. */
export function writeGarbagePdf(dir: string): string {
  const file = path.join(dir, "garbage.pdf");
  // A fixed pseudo-random sequence: the same garbage on every run.
  const bytes = new Uint8Array(8192);
  let x = 12345;
  for (let i = 0; i < bytes.length; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    bytes[i] = x & 0xff;
  }
  writeFileSync(file, Buffer.concat([Buffer.from("%PDF-1.7\n"), bytes]));
  return file;
}
