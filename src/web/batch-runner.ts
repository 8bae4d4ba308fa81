/**
 * Runs the batch functions of batch.ts off the page's main thread. The page's one script is also
 * the worker's: the page starts a Worker from a blob: URL of its own inlined code (Chromium refuses
 * a Worker whose script is a file:// URL, and the page has no other URL), and the script, finding
 * no `document`, serves requests instead of drawing the page. Where no Worker can be started, the
 * same functions run on the main thread, one file at a time with a yield between files, so the
 * page still answers clicks between two files.
 */
import type { Locale } from "../core/locales/locale";
import {
  annotatedCopy,
  annualReport,
  blankTemplate,
  checkBatchFile,
  findingsCsv,
  narrativeText,
  pairLastYear,
  summaryWorkbook,
  tooLargeRow,
  type BatchFile,
  type BatchOptions,
  type BatchRow,
} from "./batch";
import { loadPdfJs } from "./pdfjs-web";

/** A file as the page holds it: the browser's File (read only when it is checked), and its path. */
export interface PageFile {
  readonly name: string;
  readonly path: string;
  readonly blob: Blob;
}

/** Batch options with page files, sent to the worker as they are (File objects are cloneable). */
export interface PageOptions {
  readonly locale: Locale;
  readonly lastYear?: readonly PageFile[];
  readonly pairs?: ReadonlyMap<string, string | null>;
}

/** What the page asks for, by name. */
export interface BatchRunner {
  readonly check: (file: PageFile, options: PageOptions) => Promise<BatchRow>;
  readonly pair: (
    current: readonly BatchRow[],
    last: readonly BatchRow[],
  ) => Promise<Map<string, string | null>>;
  readonly summary: (rows: readonly BatchRow[], locale: Locale) => Promise<Uint8Array>;
  readonly csv: (rows: readonly BatchRow[], locale: Locale) => Promise<string>;
  readonly annotate: (file: PageFile, options: PageOptions) => Promise<Uint8Array>;
  /** The annual report as a Word document (issue 12), as `xxgk report` writes it. */
  readonly report: (
    file: PageFile,
    options: PageOptions,
  ) => Promise<{ readonly bytes: Uint8Array; readonly errors: number; readonly doubtful: number }>;
  readonly template: (agency: string, year: number, locale: Locale) => Promise<Uint8Array>;
  readonly narrative: (row: BatchRow, locale: Locale) => Promise<string>;
  /** Where the functions run, for the tests and the bench. */
  readonly where: "worker" | "main";
}

type Method = Exclude<keyof BatchRunner, "where">;

interface Request {
  readonly id: number;
  readonly method: Method;
  readonly args: readonly unknown[];
}

type Response =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly message: string };

async function batchFile(file: PageFile): Promise<BatchFile> {
  return {
    name: file.name,
    path: file.path,
    bytes: new Uint8Array(await file.blob.arrayBuffer()),
  };
}

async function batchOptions(options: PageOptions): Promise<BatchOptions> {
  const lastYear =
    options.lastYear === undefined ? undefined : await Promise.all(options.lastYear.map(batchFile));
  return {
    locale: options.locale,
    ...(lastYear === undefined ? {} : { lastYear }),
    ...(options.pairs === undefined ? {} : { pairs: options.pairs }),
  };
}

/** The functions themselves, in the thread that calls them. */
function direct(where: "worker" | "main"): BatchRunner {
  return {
    where,
    check: async (file, options) =>
      // Over the size limit: refused from the File's size, before a byte is read.
      tooLargeRow(file.path, file.blob.size, options.locale) ??
      checkBatchFile(await batchFile(file), await batchOptions(options), loadPdfJs),
    pair: (current, last) => Promise.resolve(pairLastYear(current, last)),
    summary: (rows, locale) => summaryWorkbook(rows, locale),
    csv: (rows, locale) => Promise.resolve(findingsCsv(rows, locale)),
    annotate: async (file, options) =>
      annotatedCopy(await batchFile(file), await batchOptions(options), loadPdfJs),
    report: async (file, options) =>
      annualReport(await batchFile(file), await batchOptions(options), loadPdfJs),
    template: (agency, year, locale) => blankTemplate(agency, year, locale),
    narrative: (row, locale) => Promise.resolve(narrativeText(row, locale)),
  };
}

const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** The functions on the main thread, each call after a yield so that input is handled between. */
function mainThread(): BatchRunner {
  const inner = direct("main");
  const later =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await yieldToPage();
      return f(...args);
    };
  return {
    where: "main",
    check: later(inner.check),
    pair: later(inner.pair),
    summary: later(inner.summary),
    csv: later(inner.csv),
    annotate: later(inner.annotate),
    report: later(inner.report),
    template: later(inner.template),
    narrative: later(inner.narrative),
  };
}

/** The worker side: answers each request with the value or the error's message. */
export function serveBatch(scope: {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: Response): void;
}): void {
  const runner = direct("worker");
  scope.onmessage = (event) => {
    const { id, method, args } = event.data;
    const call = runner[method] as (...a: readonly unknown[]) => Promise<unknown>;
    const fail = (error: unknown): void =>
      scope.postMessage({
        id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
      });
    call(...args).then((value) => {
      // A value that cannot be cloned must not leave the page waiting for ever: it is an error.
      try {
        scope.postMessage({ id, ok: true, value });
      } catch (error) {
        fail(error);
      }
    }, fail);
  };
}

/** A call the worker answered with an error: the batch function threw (a programming error). */
export class BatchWorkerError extends Error {
  constructor(method: string, message: string) {
    super(`${method}: ${message}`);
    this.name = "BatchWorkerError";
  }
}

function workerRunner(worker: Worker): BatchRunner {
  let next = 0;
  const waiting = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  worker.onmessage = (event: MessageEvent<Response>) => {
    const answer = event.data;
    const pending = waiting.get(answer.id);
    if (pending === undefined) return;
    waiting.delete(answer.id);
    if (answer.ok) pending.resolve(answer.value);
    else pending.reject(new BatchWorkerError(String(answer.id), answer.message));
  };
  worker.onerror = (event) => {
    // A worker that dies takes every pending call with it; each is told, none is left hanging.
    for (const pending of waiting.values()) pending.reject(new Error(event.message));
    waiting.clear();
  };
  const call =
    <R>(method: Method) =>
    (...args: readonly unknown[]): Promise<R> =>
      new Promise<R>((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve: resolve, reject });
        worker.postMessage({ id, method, args } satisfies Request);
      });
  return {
    where: "worker",
    check: call("check"),
    pair: call("pair"),
    summary: call("summary"),
    csv: call("csv"),
    annotate: call("annotate"),
    report: call("report"),
    template: call("template"),
    narrative: call("narrative"),
  };
}

/**
 * A runner for the page: a Worker made from a Blob of the page's own script when the browser
 * allows it (checked by a round trip), else the main thread in slices.
 */
export async function startRunner(code: string | null, allowWorker = true): Promise<BatchRunner> {
  if (code === null || !allowWorker || typeof Worker === "undefined") return mainThread();
  let worker: Worker | undefined;
  try {
    worker = new Worker(URL.createObjectURL(new Blob([code], { type: "text/javascript" })));
    const runner = workerRunner(worker);
    // A Worker refused later (by a policy, or a failed script) shows up as an error, not a throw.
    const alive = await Promise.race([
      runner.csv([], "zh-CN").then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000)),
    ]);
    if (alive) return runner;
  } catch {
    // Fall through to the main thread: the page still works, only less smoothly.
  }
  worker?.terminate();
  return mainThread();
}
