/**
 * The errors the Excel adapter throws: one class per condition, each built from the offending
 * values. Office errors are caught at the adapter's boundary (`atBoundary`) and rethrown as one of
 * these with the original as `cause`, so the pane can show a short message. They carry no prose
 * for the user: the pane's locale texts turn them into messages.
 */

/** What every adapter error has: a stable kind the pane keys its message on. */
export abstract class AdapterError extends Error {
  abstract readonly kind: string;
  /** The Office error this one replaces (ES2022's `cause`, set by hand for an ES2020 target). */
  readonly cause?: unknown;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** The target cells of an insertion are not empty; nothing was written. */
export class TargetNotEmptyError extends AdapterError {
  readonly kind = "target-not-empty";
  constructor(
    readonly sheet: string,
    /** A1 addresses of the non-empty cells (at most the first few). */
    readonly cells: readonly string[],
    readonly total: number,
  ) {
    super(`${total} target cell(s) on ${sheet} are not empty: ${cells.join(", ")}`);
    this.name = "TargetNotEmptyError";
  }
}

/** The target area overlaps merged cells the add-in did not make; nothing was written. */
export class TargetMergedError extends AdapterError {
  readonly kind = "target-merged";
  constructor(
    readonly sheet: string,
    readonly ranges: readonly string[],
  ) {
    super(`the target area on ${sheet} overlaps merged cells: ${ranges.join(", ")}`);
    this.name = "TargetMergedError";
  }
}

/** The sheet is protected, so the operation would be refused half-way; nothing was written. */
export class SheetProtectedError extends AdapterError {
  readonly kind = "sheet-protected";
  constructor(
    readonly sheet: string,
    options?: { cause?: unknown },
  ) {
    super(`the sheet ${sheet} is protected`, options);
    this.name = "SheetProtectedError";
  }
}

/**
 * The workbook's structure is protected (Review → Protect Workbook): Excel refuses to add a sheet
 * (AccessDenied). Unprotecting a sheet does not help; unprotecting the workbook does.
 */
export class WorkbookProtectedError extends AdapterError {
  readonly kind = "workbook-protected";
  constructor(options?: { cause?: unknown }) {
    super("the workbook's structure is protected", options);
    this.name = "WorkbookProtectedError";
  }
}

/** A sheet the operation needs no longer exists (deleted while the pane was open). */
export class SheetMissingError extends AdapterError {
  readonly kind = "sheet-missing";
  constructor(
    readonly sheet: string,
    options?: { cause?: unknown },
  ) {
    super(`the sheet ${sheet} does not exist`, options);
    this.name = "SheetMissingError";
  }
}

/** The table's name already exists on the target sheet (a table is inserted once per sheet). */
export class TableExistsError extends AdapterError {
  readonly kind = "table-exists";
  constructor(
    readonly sheet: string,
    readonly names: readonly string[],
  ) {
    super(`the sheet ${sheet} already has ${names.join(", ")}`);
    this.name = "TableExistsError";
  }
}

/** The selection cannot be used (several areas, or too large to read as text). */
export class SelectionUnusableError extends AdapterError {
  readonly kind = "selection-unusable";
  constructor(
    readonly reason: "multiple-areas" | "too-large" | "empty",
    options?: { cause?: unknown },
  ) {
    super(`the selection cannot be used: ${reason}`, options);
    this.name = "SelectionUnusableError";
  }
}

/** The host lacks an API set an operation needs. */
export class ApiUnsupportedError extends AdapterError {
  readonly kind = "api-unsupported";
  constructor(
    readonly set: string,
    readonly version: string,
  ) {
    super(`the host does not support ${set} ${version}`);
    this.name = "ApiUnsupportedError";
  }
}

/** Any other Office error, with its code ("InvalidArgument", "AccessDenied"…) and the original. */
export class ExcelHostError extends AdapterError {
  readonly kind = "host";
  constructor(
    readonly operation: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`Excel refused ${operation}: ${code}`, options);
    this.name = "ExcelHostError";
  }
}

/** The error office-js throws, recognised by shape (OfficeExtension.Error has a string `code`). */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || error instanceof AdapterError)
    return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Runs an adapter operation and turns any Office error into a named adapter error with the
 * original as `cause`. Adapter errors and programming errors pass through unchanged.
 */
export async function atBoundary<T>(
  operation: string,
  work: () => Promise<T>,
  sheet?: () => string | undefined,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = officeErrorCode(error);
    if (code === undefined) throw error;
    const where = sheet?.();
    if (code === "AccessDenied" && where !== undefined)
      throw new SheetProtectedError(where, { cause: error });
    if (code === "ItemNotFound" && where !== undefined)
      throw new SheetMissingError(where, { cause: error });
    throw new ExcelHostError(operation, code, { cause: error });
  }
}
