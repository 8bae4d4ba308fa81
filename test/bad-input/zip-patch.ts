/**
 * Byte-level edits of a written zip package for hostile inputs: a part's declared size or its
 * compression method changed in the central directory (and the local header), the content kept.
 */

const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Central-directory and local-header offsets of a named entry. */
function locate(bytes: Uint8Array, name: string): { central: number; local: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder();
  for (let at = bytes.byteLength - 46; at >= 0; at--) {
    if (view.getUint32(at, true) !== CENTRAL) continue;
    const length = view.getUint16(at + 28, true);
    if (decoder.decode(bytes.subarray(at + 46, at + 46 + length)) !== name) continue;
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== LOCAL) throw new Error(`no local header for ${name}`);
    return { central: at, local };
  }
  throw new Error(`no entry ${name}`);
}

/** A copy of the package with the entry's declared uncompressed size set to `size`. */
export function withDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const { central, local } = locate(copy, name);
  view.setUint32(central + 24, size, true);
  view.setUint32(local + 22, size, true);
  return copy;
}

/** A copy of the package with the entry's compression method set to `method`. */
export function withMethod(bytes: Uint8Array, name: string, method: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const { central, local } = locate(copy, name);
  view.setUint16(central + 10, method, true);
  view.setUint16(local + 8, method, true);
  return copy;
}
