/**
 * The part names and sizes of a zip package, read from its central directory (binary records, no
 * decompression), to tell .xlsx from .docx and to refuse zip bombs before a library unpacks them.
 * Cannot read ZIP64 archives: an Office file that needs ZIP64 is far beyond the size limits anyway.
 */

/** One part of the package. */
export interface ZipEntry {
  readonly name: string;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  readonly method: number;
  /** Where the part's local header starts. */
  readonly localOffset: number;
}

/** Thrown when the bytes are not a readable zip central directory. */
export class InvalidZipError extends Error {
  constructor(readonly detail: string) {
    super(`not a readable zip archive: ${detail}`);
    this.name = "InvalidZipError";
  }
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const ZIP64_MARK = 0xffffffff;

/** Every entry of the central directory. */
export function zipInventory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const minimum = 22;
  if (bytes.byteLength < minimum) throw new InvalidZipError("too short");
  // The end-of-central-directory record sits in the last 22 + 65535 bytes (after the comment).
  let eocd = -1;
  const lowest = Math.max(0, bytes.byteLength - minimum - 0xffff);
  for (let i = bytes.byteLength - minimum; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new InvalidZipError("no end of central directory");
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === ZIP64_MARK || size === ZIP64_MARK) throw new InvalidZipError("zip64 archive");
  if (offset + size > bytes.byteLength) throw new InvalidZipError("central directory out of range");
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new InvalidZipError("damaged central directory");
    }
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > bytes.byteLength) throw new InvalidZipError("damaged entry name");
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressedSize, uncompressedSize, method, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** What kind of Office package the part names show. */
export function packageKind(entries: readonly ZipEntry[]): "xlsx" | "docx" | "other" {
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  if (names.has("xl/workbook.xml") || [...names].some((n) => /^xl\/workbook\d*\.xml$/u.test(n)))
    return "xlsx";
  if (names.has("word/document.xml")) return "docx";
  return "other";
}

const LOCAL_SIGNATURE = 0x04034b50;

/** The compressed bytes of one part (after its local header), or an InvalidZipError. */
export function partData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw new InvalidZipError(`damaged local header of ${entry.name}`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.byteLength) throw new InvalidZipError(`${entry.name} out of range`);
  return bytes.subarray(start, end);
}
