/**
 * One part of a zip package streamed through a SAX parser: the part's compressed bytes are inflated
 * in slices (fflate's streaming Inflate), decoded as UTF-8 as they come, and fed to saxes, which
 * calls back for each element and text run. Nothing holds a whole part's text or tree: the caller
 * keeps only what it needs, so every limit is applied while the part streams. Element depth is
 * counted here; saxes keeps its own tag stack, so no walk recurses on the input's structure.
 * Uses no Node API (shared with the offline page later).
 */
import { Inflate, inflateSync } from "fflate";
import { SaxesParser } from "saxes";
import { FileTooLargeError, NestingTooDeepError, TextTooLongError } from "./errors";
import { partData, type ZipEntry } from "./zip-inventory";

/** A part that is not well-formed XML, or whose bytes cannot be inflated. */
export class DamagedPartError extends Error {
  constructor(
    readonly part: string,
    readonly detail: string,
  ) {
    super(`damaged part ${part}: ${detail}`);
    this.name = "DamagedPartError";
  }
}

/** The unpacked bytes left for a whole file, shared by its parts (a lying size header is caught here). */
export interface ByteBudget {
  remaining: number;
  readonly limit: number;
}

/** What a SAX walk is told: element opened (local name, attributes by qualified name), text, closed. */
export interface SaxHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text(text: string): void;
  close(name: string): void;
}

/** Bytes of compressed input handed to the inflater at a time: at deflate's 1032:1 at most 8 MB out. */
const SLICE = 8 * 1024;

/**
 * Parts declaring at most this many unpacked bytes are inflated in one call into a buffer of the
 * declared size (charged to the budget first); larger ones stream slice by slice. One call is
 * twice as fast on a template's parts: the streaming inflater regrows its output buffer.
 */
const WHOLE_PART_BYTES = 4 * 1024 * 1024;

/**
 * Characters without a "<" the parser may be given in a row: a text or a tag this long is no cell
 * of a report (a cell holds at most 32,767 characters; as XML escapes, six times that).
 */
export const MAX_RUN_WITHOUT_TAG = 1_000_000;

/** The local part of a qualified name ("w:tbl" → "tbl"). */
export function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever its prefix ("w:val", "r:id"). */
export function attr(attributes: Record<string, string>, local: string): string | undefined {
  const direct = attributes[local];
  if (direct !== undefined) return direct;
  for (const key in attributes) if (localName(key) === local) return attributes[key];
  return undefined;
}

/** Inflates a part slice by slice, handing each decoded piece of text to `sink`. */
export function streamPartText(
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ByteBudget,
  sink: (text: string) => void,
): void {
  let data: Uint8Array;
  try {
    data = partData(bytes, entry);
  } catch (error) {
    throw new DamagedPartError(entry.name, error instanceof Error ? error.message : String(error));
  }
  const decoder = new TextDecoder("utf-8");
  let produced = 0;
  const take = (chunk: Uint8Array, final: boolean): void => {
    produced += chunk.byteLength;
    budget.remaining -= chunk.byteLength;
    if (budget.remaining < 0)
      throw new FileTooLargeError(file, budget.limit - budget.remaining, budget.limit);
    // A part that unpacks to more than its header declares is a zip bomb or a damaged file.
    if (produced > entry.uncompressedSize)
      throw new DamagedPartError(entry.name, "unpacks to more than its declared size");
    const text = decoder.decode(chunk, { stream: !final });
    if (text !== "") sink(text);
  };
  if (entry.method === 0) {
    for (let at = 0; at < data.byteLength; at += SLICE) {
      const end = Math.min(data.byteLength, at + SLICE);
      take(data.subarray(at, end), end === data.byteLength);
    }
    if (data.byteLength === 0) take(data, true);
    return;
  }
  if (entry.method !== 8)
    throw new DamagedPartError(entry.name, `compression method ${entry.method}`);
  if (entry.uncompressedSize <= WHOLE_PART_BYTES) {
    budget.remaining -= entry.uncompressedSize;
    if (budget.remaining < 0)
      throw new FileTooLargeError(file, budget.limit - budget.remaining, budget.limit);
    let out: Uint8Array;
    try {
      // fflate stops at the buffer's end: a part larger than declared is cut, then fails as XML.
      out = inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) });
    } catch (error) {
      throw new DamagedPartError(
        entry.name,
        error instanceof Error ? error.message : String(error),
      );
    }
    if (out.byteLength !== entry.uncompressedSize)
      throw new DamagedPartError(entry.name, "unpacks to another size than declared");
    // Decoded a slice at a time: a handler that has read all it needs stops the walk (StopReading)
    // before the rest of the part is decoded and parsed.
    for (let at = 0; at < out.byteLength; at += SLICE) {
      const end = Math.min(out.byteLength, at + SLICE);
      const text = decoder.decode(out.subarray(at, end), { stream: end < out.byteLength });
      if (text !== "") sink(text);
    }
    return;
  }
  const inflate = new Inflate((chunk, final) => take(chunk, final));
  try {
    for (let at = 0; at < data.byteLength; at += SLICE) {
      const end = Math.min(data.byteLength, at + SLICE);
      inflate.push(data.subarray(at, end), end === data.byteLength);
    }
    if (data.byteLength === 0) inflate.push(data, true);
  } catch (error) {
    // fflate's own errors carry a numeric code; anything else came from the sink and goes on.
    if (error instanceof Error && typeof (error as { code?: unknown }).code === "number")
      throw new DamagedPartError(entry.name, error.message);
    throw error;
  }
}

/**
 * Thrown by a handler that has read all it needs of a part: the walk ends there, and the rest of
 * the part is neither decoded nor parsed (so damage past that point goes unnoticed, losing nothing).
 * One instance is thrown every time: it is a signal, and a stack trace per part costs time.
 */
export class StopReading extends Error {
  private constructor() {
    super("stop reading");
    this.name = "StopReading";
  }
  static readonly signal = new StopReading();
}

/**
 * Streams a part through saxes, calling the handlers until the part ends or a handler throws
 * StopReading.signal; throws DamagedPartError on malformed XML.
 */
export function saxPart(
  file: string,
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ByteBudget,
  maxDepth: number,
  handlers: SaxHandlers,
): void {
  const parser = new SaxesParser({ position: false });
  let depth = 0;
  parser.on("opentag", (tag) => {
    depth++;
    if (depth > maxDepth) throw new NestingTooDeepError(file, entry.name, maxDepth);
    handlers.open(localName(tag.name), tag.attributes as Record<string, string>);
  });
  // saxes reports a self-closing tag's end as a closetag too.
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close(localName(tag.name));
  });
  parser.on("text", (text) => handlers.text(text));
  parser.on("cdata", (text) => handlers.text(text));
  parser.on("error", (error) => {
    throw new DamagedPartError(entry.name, error.message);
  });
  // saxes holds a text node or a tag until it ends: a run without "<" longer than any cell's text
  // is refused before the parser has buffered it (a zip bomb of whitespace, a megabyte attribute).
  let sinceTag = 0;
  try {
    streamPartText(file, bytes, entry, budget, (text) => {
      const last = text.lastIndexOf("<");
      sinceTag = last < 0 ? sinceTag + text.length : text.length - last - 1;
      if (sinceTag > MAX_RUN_WITHOUT_TAG)
        throw new TextTooLongError(file, "cell", MAX_RUN_WITHOUT_TAG);
      parser.write(text);
    });
  } catch (error) {
    if (error === StopReading.signal) return;
    throw error;
  }
  parser.close();
}
