/**
 * Why a file could not be read as a report. Each condition is its own error class, built from the
 * offending values; the command line reports one line per unreadable file and goes on. Thrown only
 * at the file boundary: bad figures inside a readable file are findings, not errors.
 */

/** The conditions under which a file is not read, as stable codes for messages and JSON. */
export type UnreadableReason =
  | "not-found"
  | "empty"
  | "too-large"
  | "corrupt"
  | "encrypted"
  | "legacy-xls"
  | "unsupported-type"
  | "not-a-report"
  | "not-recalculated"
  | "page-too-large"
  | "table-too-large"
  | "page-too-many-cells"
  | "scanned-pdf"
  | "too-many-pages"
  | "too-much-text"
  | "too-slow"
  | "too-many-cells"
  | "merges-too-large"
  | "spans-too-large"
  | "too-deep"
  | "text-too-long"
  // The file system (src/cli/file-errors.ts) and unsafe XML (issue 9).
  | "permission-denied"
  | "folder-unlistable"
  | "is-a-folder"
  | "fifo"
  | "device"
  | "socket"
  | "symlink-loop"
  | "dangling-symlink"
  | "io-error"
  | "xml-doctype";

/** The common base: a file that cannot be read, with the reason code and details for messages. */
export abstract class UnreadableFileError extends Error {
  abstract readonly reason: UnreadableReason;
  /** The library error behind this one, if any. */
  readonly cause?: unknown;
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message);
    if (options !== undefined && "cause" in options) this.cause = options.cause;
  }
}

/** The path does not exist or is not a regular file. */
export class FileNotFoundError extends UnreadableFileError {
  readonly reason = "not-found";
  constructor(file: string, options?: { cause?: unknown }) {
    super(file, `file not found: ${file}`, options);
    this.name = "FileNotFoundError";
  }
}

/** The file has no bytes. */
export class EmptyFileError extends UnreadableFileError {
  readonly reason = "empty";
  constructor(file: string) {
    super(file, `file is empty: ${file}`);
    this.name = "EmptyFileError";
  }
}

/** The file, or what it unpacks to, is larger than the reader accepts. */
export class FileTooLargeError extends UnreadableFileError {
  readonly reason = "too-large";
  constructor(
    file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(file, `file too large: ${file} (${size} bytes, limit ${limit})`);
    this.name = "FileTooLargeError";
  }
}

/** The file is damaged: not a valid zip package, or its parts cannot be parsed. */
export class CorruptFileError extends UnreadableFileError {
  readonly reason = "corrupt";
  constructor(
    file: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(file, `file is damaged: ${file} (${detail})`, options);
    this.name = "CorruptFileError";
  }
}

/** The workbook or document is protected by a password (an encrypted OLE package). */
export class EncryptedFileError extends UnreadableFileError {
  readonly reason = "encrypted";
  constructor(file: string) {
    super(file, `file is password-protected: ${file}`);
    this.name = "EncryptedFileError";
  }
}

/** A legacy binary .xls or .doc (Office 97–2003), which must be saved as .xlsx or .docx first. */
export class LegacyFormatError extends UnreadableFileError {
  readonly reason = "legacy-xls";
  constructor(
    file: string,
    readonly format: "xls" | "doc",
  ) {
    super(file, `legacy ${format} file: ${file}`);
    this.name = "LegacyFormatError";
  }
}

/** An extension or content the reader does not handle. */
export class UnsupportedFileTypeError extends UnreadableFileError {
  readonly reason = "unsupported-type";
  constructor(
    file: string,
    readonly kind: string,
  ) {
    super(file, `unsupported file type: ${file} (${kind})`);
    this.name = "UnsupportedFileTypeError";
  }
}

/** The file was read but holds neither a report table nor a report text. */
export class NotAReportError extends UnreadableFileError {
  readonly reason = "not-a-report";
  constructor(file: string) {
    super(file, `no report table or report text found: ${file}`);
    this.name = "NotAReportError";
  }
}

/** Formula cells have no cached results (the file was written by a program that does not calculate). */
export class NotRecalculatedError extends UnreadableFileError {
  readonly reason = "not-recalculated";
  constructor(
    file: string,
    readonly addresses: readonly string[],
  ) {
    super(
      file,
      `formulas without calculated values in ${file}: ${addresses.slice(0, 3).join(", ")}`,
    );
    this.name = "NotRecalculatedError";
  }
}

/** A web page larger than the HTML reader accepts (MAX_HTML_BYTES bytes or MAX_HTML_TAGS tags). */
export class HtmlTooLargeError extends UnreadableFileError {
  readonly reason = "page-too-large";
  constructor(
    file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(file, `web page too large: ${file} (${size}, limit ${limit})`);
    this.name = "HtmlTooLargeError";
  }
}

/** A web page's table whose spans lay out to more columns or cells than one table may have. */
export class HtmlTableTooLargeError extends UnreadableFileError {
  readonly reason = "table-too-large";
  constructor(
    file: string,
    readonly table: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(file, `table too large in ${file}: ${table} (${size}, limit ${limit})`);
    this.name = "HtmlTableTooLargeError";
  }
}

/** A web page whose tables together have more cells than the reader accepts. */
export class HtmlTooManyCellsError extends UnreadableFileError {
  readonly reason = "page-too-many-cells";
  constructor(
    file: string,
    readonly cells: number,
    readonly limit: number,
  ) {
    super(file, `too many table cells in ${file} (${cells}, limit ${limit})`);
    this.name = "HtmlTooManyCellsError";
  }
}

/** A PDF without a text layer: its pages are pictures (a scan), so its text cannot be read. */
export class ScannedPdfError extends UnreadableFileError {
  readonly reason = "scanned-pdf";
  constructor(
    file: string,
    readonly pages: number,
  ) {
    super(file, `PDF without text (scanned pages): ${file} (${pages} pages)`);
    this.name = "ScannedPdfError";
  }
}

/** A document with more pages than one report has (checked before any page is read). */
export class TooManyPagesError extends UnreadableFileError {
  readonly reason = "too-many-pages";
  constructor(
    file: string,
    readonly pages: number,
    readonly limit: number,
  ) {
    super(file, `too many pages: ${file} (${pages} pages, limit ${limit})`);
    this.name = "TooManyPagesError";
  }
}

/** A document holding more text (or drawing) than one report does. */
export class TextTooLargeError extends UnreadableFileError {
  readonly reason = "too-much-text";
  constructor(
    file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(file, `too much text: ${file} (${size} characters, limit ${limit})`);
    this.name = "TextTooLargeError";
  }
}

/** Reading the file took longer than the reader allows. */
export class ReadTimeoutError extends UnreadableFileError {
  readonly reason = "too-slow";
  constructor(
    file: string,
    readonly limitMs: number,
  ) {
    super(file, `reading took too long: ${file} (limit ${limitMs} ms)`);
    this.name = "ReadTimeoutError";
  }
}

/** A sheet holds more cells than the reader accepts (counted while the sheet streams). */
export class TooManyCellsError extends UnreadableFileError {
  readonly reason = "too-many-cells";
  constructor(
    file: string,
    readonly sheet: string,
    readonly limit: number,
  ) {
    super(file, `too many cells in sheet ${sheet} of ${file} (limit ${limit})`);
    this.name = "TooManyCellsError";
  }
}

/** A sheet has more merged areas than the reader accepts, or one merged area is too large. */
export class MergesTooLargeError extends UnreadableFileError {
  readonly reason = "merges-too-large";
  constructor(
    file: string,
    readonly sheet: string,
    readonly detail: string,
  ) {
    super(file, `merged cells too many or too large in sheet ${sheet} of ${file}: ${detail}`);
    this.name = "MergesTooLargeError";
  }
}

/** A Word table's row spans (w:gridSpan, w:gridBefore, w:gridAfter) reach past the table's grid. */
export class SpansTooLargeError extends UnreadableFileError {
  readonly reason = "spans-too-large";
  constructor(
    file: string,
    readonly columns: number,
    readonly limit: number,
  ) {
    super(file, `table row spans ${columns} columns, limit ${limit}: ${file}`);
    this.name = "SpansTooLargeError";
  }
}

/** An XML part nests elements deeper than the reader accepts. */
export class NestingTooDeepError extends UnreadableFileError {
  readonly reason = "too-deep";
  constructor(
    file: string,
    readonly part: string,
    readonly limit: number,
  ) {
    super(file, `${part} nests deeper than ${limit} elements: ${file}`);
    this.name = "NestingTooDeepError";
  }
}

/** A cell's text, a line or the whole text is longer than the reader accepts. */
export class TextTooLongError extends UnreadableFileError {
  readonly reason = "text-too-long";
  constructor(
    file: string,
    readonly what: "cell" | "line" | "text",
    readonly limit: number,
  ) {
    super(file, `${what} text longer than ${limit} characters: ${file}`);
    this.name = "TextTooLongError";
  }
}

/**
 * An XML part of the package declares a DOCTYPE. Office never writes one; a document type can
 * define entities (a parameter entity can pull in other files or expand without bound), so the
 * file is refused rather than parsed, and nothing of it is copied into a file we write.
 */
export class XmlDoctypeError extends UnreadableFileError {
  readonly reason = "xml-doctype";
  constructor(
    file: string,
    readonly part: string,
  ) {
    super(file, `XML part declares a DOCTYPE: ${file} (${part})`);
    this.name = "XmlDoctypeError";
  }
}
