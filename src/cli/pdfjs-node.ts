/**
 * pdf.js for Node: the legacy build, with its worker's message handler loaded on the main thread
 * (pdf.js's "fake worker", which it otherwise fetches by a dynamic import of `workerSrc`, a path a
 * test runner or bundler cannot follow). Loaded once, on the first PDF.
 */
import type { PdfJs } from "../formats/pdf/pdfjs-api";

let loaded: Promise<PdfJs> | undefined;

/** The pdf.js module, ready to open documents. */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import("pdfjs-dist/legacy/build/pdf.mjs"),
      import("pdfjs-dist/legacy/build/pdf.worker.mjs"),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  })();
  return loaded;
}
