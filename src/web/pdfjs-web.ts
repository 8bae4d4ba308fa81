/**
 * pdf.js for the offline page: the legacy build (it runs in Chromium 86), with its worker's message
 * handler run in the thread that reads (pdf.js's "fake worker"). Both modules are bundled into the
 * page's one script, but their code runs only when the first PDF arrives: webpack keeps each
 * dynamically imported module as a function it calls on demand. A real pdf.js worker would need a
 * second script URL, and file:// pages may start workers only from blob: URLs of their own code.
 */
import type { PdfJs } from "../formats/pdf/pdfjs-api";

let loaded: Promise<PdfJs> | undefined;

/** The pdf.js module, ready to open documents; loaded once, on the first call. */
export function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const [pdfjs, worker] = await Promise.all([
      import(/* webpackMode: "eager" */ "pdfjs-dist/legacy/build/pdf.mjs"),
      import(/* webpackMode: "eager" */ "pdfjs-dist/legacy/build/pdf.worker.mjs"),
    ]);
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return pdfjs;
  })();
  return loaded;
}

/** Whether pdf.js has been asked for (for the page's tests and bench). */
export function pdfJsLoaded(): boolean {
  return loaded !== undefined;
}
