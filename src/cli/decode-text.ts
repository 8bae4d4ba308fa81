/**
 * The text of a .txt report: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030 (which Chinese
 * Windows Notepad and many web exports still write). Cannot tell other legacy encodings apart.
 */

/** Decodes a text file's bytes. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\ufeff/u, "");
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Whether bytes look like text at all (no NUL bytes in the first 8 KB outside UTF-16). */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return true;
  const head = bytes.subarray(0, 8192);
  return !head.includes(0);
}
