/**
 * The text of a .txt report: UTF-8 (with or without BOM), UTF-16 with BOM, UTF-16 without BOM
 * (recognised by what its code units are: report text is Chinese, ASCII and punctuation), or
 * GB18030 (which Chinese Windows Notepad and many web exports still write). Cannot tell other
 * legacy encodings apart.
 */

/** Code units looked at to recognise UTF-16 without a BOM. */
const SAMPLE_UNITS = 4096;
/** Share of sampled code units that must be plausible report characters to take the bytes for UTF-16. */
const UTF16_PLAUSIBLE = 0.95;

/** Whether a UTF-16 code unit is a character a report's text is made of. */
function plausible(unit: number): boolean {
  return (
    unit === 0x09 ||
    unit === 0x0a ||
    unit === 0x0d ||
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0x4e00 && unit <= 0x9fff) || // CJK unified ideographs
    (unit >= 0x3000 && unit <= 0x303f) || // CJK punctuation 、。「」〔〕
    (unit >= 0xff00 && unit <= 0xffef) || // full-width forms （），：１
    (unit >= 0x2000 && unit <= 0x206f) || // general punctuation “”…—
    (unit >= 0x2460 && unit <= 0x24ff) || // circled numbers ①
    (unit >= 0x2160 && unit <= 0x217f) || // Roman numerals Ⅰ
    unit === 0x00a0 ||
    unit === 0x00b7 ||
    unit === 0x00d7
  );
}

/**
 * "utf-16le" or "utf-16be" when bytes without a BOM read as report text in that byte order (at
 * least 95% of the first 4096 code units plausible, and more so than in the other order), else
 * undefined. Short or odd-length byte runs are not taken for UTF-16.
 */
export function detectUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const units = Math.min(SAMPLE_UNITS, bytes.length / 2);
  let little = 0;
  let big = 0;
  for (let i = 0; i < units; i++) {
    const a = bytes[2 * i]!;
    const b = bytes[2 * i + 1]!;
    if (plausible(a | (b << 8))) little++;
    if (plausible((a << 8) | b)) big++;
  }
  if (little >= big && little >= units * UTF16_PLAUSIBLE) return "utf-16le";
  if (big > little && big >= units * UTF16_PLAUSIBLE) return "utf-16be";
  return undefined;
}

/** Decodes a text file's bytes. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // UTF-16 text has NUL bytes (the high byte of every ASCII character, line feeds included).
  const utf16 = bytes.includes(0) ? detectUtf16(bytes) : undefined;
  if (utf16 !== undefined) return new TextDecoder(utf16).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/u, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Whether bytes look like text at all: a UTF-16 BOM or UTF-16 without one, else no NUL bytes in the first 8 KB. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return true;
  const head = bytes.subarray(0, 8192);
  if (!head.includes(0)) return true;
  return detectUtf16(bytes) !== undefined;
}
