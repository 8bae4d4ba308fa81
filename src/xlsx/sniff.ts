/**
 * What a file's first bytes say it is, whatever its extension: a zip package (.xlsx/.docx), an OLE
 * compound file (legacy .xls/.doc, or an encrypted Office package), or something else. Cannot tell a
 * zip package's kind: `zip-inventory` reads its part names for that.
 */

/** The container a file's bytes show. */
export type Container = "empty" | "zip" | "ole-encrypted" | "ole-legacy" | "other";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP_MAGIC = [0x50, 0x4b, 0x05, 0x06];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An OLE file holding an "EncryptedPackage" stream is a password-protected .xlsx/.docx. */
function holdsEncryptedPackage(bytes: Uint8Array): boolean {
  // The stream name in UTF-16LE, searched without Node's Buffer so that the page can sniff too.
  const name = Array.from("EncryptedPackage").flatMap((c) => [c.charCodeAt(0), 0]);
  const first = name[0]!;
  for (let i = bytes.indexOf(first); i >= 0 && i + name.length <= bytes.length;) {
    if (name.every((b, k) => bytes[i + k] === b)) return true;
    i = bytes.indexOf(first, i + 1);
  }
  return false;
}

/** The container of a file from its bytes. */
export function sniffContainer(bytes: Uint8Array): Container {
  if (bytes.byteLength === 0) return "empty";
  if (startsWith(bytes, ZIP_MAGIC) || startsWith(bytes, EMPTY_ZIP_MAGIC)) return "zip";
  if (startsWith(bytes, OLE_MAGIC))
    return holdsEncryptedPackage(bytes) ? "ole-encrypted" : "ole-legacy";
  return "other";
}
