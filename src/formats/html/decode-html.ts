/**
 * The text of a web page's bytes: the encoding from the byte-order mark, else from a `<meta charset>`
 * or `<meta http-equiv="Content-Type" content="…charset=…">` in the page's first bytes (the HTML
 * standard's prescan, simplified: attribute values are found with a pattern, not a tokenizer), else
 * sniffed: valid UTF-8, otherwise GB18030 (what Chinese pages without a charset are written in).
 * Decoded with TextDecoder, so the command line and the browser decode alike. Cannot tell Big5 or
 * other legacy encodings apart when the page does not name them.
 */

/** How many bytes at the start of the page are searched for a `<meta>` charset. */
export const CHARSET_PRESCAN_BYTES = 4096;

/** Where the encoding came from. */
export type EncodingSource = "bom" | "meta" | "sniffed";

/** A page's text and the encoding it was decoded with. */
export interface DecodedPage {
  readonly text: string;
  /** The TextDecoder encoding name ("utf-8", "gbk", "gb18030", "big5", …). */
  readonly encoding: string;
  readonly source: EncodingSource;
}

const META = /<meta\b[^>]*>/giu;
const CHARSET = /charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/iu;

/** The encoding a `<meta>` in the first bytes names, when TextDecoder knows it. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  // Latin-1 keeps every byte as one character, so ASCII markup is found whatever the encoding.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  for (const meta of head.match(META) ?? []) {
    const label = CHARSET.exec(meta)?.[1];
    if (label === undefined) continue;
    const encoding = decoderName(label);
    if (encoding !== undefined) return encoding;
  }
  return undefined;
}

function decoderName(label: string): string | undefined {
  try {
    const encoding = new TextDecoder(label).encoding;
    // The HTML standard: a page that declares UTF-16 in ASCII markup cannot be UTF-16.
    return encoding.startsWith("utf-16") ? "utf-8" : encoding;
  } catch {
    return undefined;
  }
}

function validUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Decodes a web page's bytes (never throws: undecodable bytes become U+FFFD). */
export function decodeHtml(bytes: Uint8Array): DecodedPage {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return {
      text: new TextDecoder("utf-8").decode(bytes.subarray(3)),
      encoding: "utf-8",
      source: "bom",
    };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return {
      text: new TextDecoder("utf-16le").decode(bytes.subarray(2)),
      encoding: "utf-16le",
      source: "bom",
    };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return {
      text: new TextDecoder("utf-16be").decode(bytes.subarray(2)),
      encoding: "utf-16be",
      source: "bom",
    };
  const declared = declaredEncoding(bytes);
  if (declared === "utf-8") {
    // A page saved again in GBK keeps its old "utf-8" meta: trust the bytes when they are not UTF-8.
    const text = validUtf8(bytes);
    if (text !== undefined) return { text, encoding: "utf-8", source: "meta" };
    return {
      text: new TextDecoder("gb18030").decode(bytes),
      encoding: "gb18030",
      source: "sniffed",
    };
  }
  if (declared !== undefined)
    return { text: new TextDecoder(declared).decode(bytes), encoding: declared, source: "meta" };
  const text = validUtf8(bytes);
  if (text !== undefined) return { text, encoding: "utf-8", source: "sniffed" };
  return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030", source: "sniffed" };
}

/** The start of an HTML document: a doctype or an <html> tag, after a BOM, white space, comments. */
const HTML_START = /^(?:\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])/iu;

/** Whether bytes are unambiguously an HTML document (so a page saved as .txt is still read as one). */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  return HTML_START.test(head.replace(/^\u00ef\u00bb\u00bf/u, ""));
}
