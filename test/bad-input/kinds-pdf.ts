/**
 * PDF kinds for the bad-input suite: a scan, an encrypted file, a truncated file, 2,000 pages, and
 * garbage behind a "%PDF-" header. Each gets its own line (zh-CN), exit code 2, in bounded time.
 */
import {
  writeEncryptedPdf,
  writeGarbagePdf,
  writeScannedPdf,
  writeThousandsOfPagesPdf,
  writeTruncatedPdf,
} from "../formats/helpers/bad-pdfs";
import type { BadInputKind } from "./kind";

function line(text: string): RegExp {
  return new RegExp(`^✗ .*\\.pdf：无法读取：${text}$`, "u");
}

export const KINDS: readonly BadInputKind[] = [
  {
    name: "pdf-scanned",
    description: "a PDF whose pages are only pictures (no text layer)",
    make: writeScannedPdf,
    expect: line("这个 PDF 是扫描的图片，无法读取其中的文字，请提供 Word 文件再检查"),
    exitCode: 2,
  },
  {
    name: "pdf-encrypted",
    description: "a PDF encrypted with a user password (qpdf, AES-256)",
    make: writeEncryptedPdf,
    expect: line("文件设有密码，请取消密码后另存再检查"),
    exitCode: 2,
  },
  {
    name: "pdf-truncated",
    description: "the first half of a published report PDF",
    make: writeTruncatedPdf,
    expect: line("文件已损坏，无法打开"),
    exitCode: 2,
  },
  {
    name: "pdf-2000-pages",
    description: "a PDF of 2,000 pages (refused from its page count)",
    make: writeThousandsOfPagesPdf,
    expect: line("文件页数过多，不像是一份年度报告"),
    exitCode: 2,
  },
  {
    name: "pdf-garbage",
    description: "a %PDF- header followed by random bytes",
    make: writeGarbagePdf,
    expect: line("文件已损坏，无法打开"),
    exitCode: 2,
  },
];
