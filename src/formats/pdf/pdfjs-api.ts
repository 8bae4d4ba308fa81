/**
 * The part of Mozilla's pdf.js (`pdfjs-dist`) the PDF reader uses, as structural types, so that the
 * reader imports no host module: the command line hands it the legacy build (with its worker set up
 * for Node), a browser page the build it loads (with its own worker). Only what is called is typed.
 */

/** The parameters the reader passes to `getDocument`. */
export interface PdfSource {
  readonly data: Uint8Array;
  readonly isEvalSupported: boolean;
  readonly useSystemFonts: boolean;
  readonly disableFontFace: boolean;
  readonly stopAtErrors: boolean;
  readonly verbosity: number;
}

/** A text item of `getTextContent` (marked-content items have no `str` and are skipped). */
export interface PdfTextItem {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
  readonly height?: number;
}

/** One page of a loaded document. */
export interface PdfPage {
  /** The page box [x0, y0, x1, y1] in PDF units. */
  readonly view: readonly number[];
  getTextContent(): Promise<{ readonly items: readonly unknown[] }>;
  getOperatorList(): Promise<{
    readonly fnArray: ArrayLike<number>;
    readonly argsArray: readonly unknown[];
  }>;
  cleanup(): unknown;
}

/** A loaded document. */
export interface PdfDocument {
  readonly numPages: number;
  getPage(pageNumber: number): Promise<PdfPage>;
  destroy(): Promise<unknown>;
}

/** What `getDocument` returns. */
export interface PdfLoadingTask {
  readonly promise: Promise<PdfDocument>;
  destroy(): Promise<unknown>;
}

/** The pdf.js module (its `getDocument` and the operator codes `OPS`). */
export interface PdfJs {
  getDocument(source: PdfSource): PdfLoadingTask;
  readonly OPS: Readonly<Record<string, number>>;
}
