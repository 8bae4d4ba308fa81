/** How much the readers accept before a file counts as enormous (bounded memory per file). */
export interface ReadLimits {
  /** Bytes on disk. */
  readonly maxFileBytes: number;
  /** Bytes a zip package unpacks to, summed over its parts (guards against zip bombs). */
  readonly maxUnpackedBytes: number;
  /** Cells in one sheet's used rectangle. */
  readonly maxSheetCells: number;
}

/** The defaults: far above any real annual report (a few hundred KB), far below the machine's memory. */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 30 * 1024 * 1024,
  maxUnpackedBytes: 200 * 1024 * 1024,
  maxSheetCells: 1_000_000,
};
