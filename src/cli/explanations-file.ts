/**
 * `--explanations <file.json>`: reads the list (core/explain/explanation-list.ts) from disk,
 * bounded by its size before any byte is read.
 */
import { promises as fs } from "node:fs";
import type { Locale } from "../core/locales/locale";
import { reasonText } from "./cli-messages";
import { fileSystemError } from "./file-errors";
import {
  EXPLANATIONS_FILE_LIMIT,
  ExplanationsFileError,
  parseExplanationsFile,
  type ExplanationsFile,
} from "../core/explain/explanation-list";

/** Reads the explanations file; throws ExplanationsFileError when it is unusable. */
export async function readExplanationsFile(
  file: string,
  locale: Locale,
): Promise<ExplanationsFile> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(file);
    // A pipe or a device is never opened: reading one could wait for ever or never end.
    if (!stat.isFile()) throw new ExplanationsFileError(file, { code: "not-a-file" });
    if (stat.size > EXPLANATIONS_FILE_LIMIT)
      throw new ExplanationsFileError(file, { code: "too-large", bytes: stat.size });
    bytes = await fs.readFile(file);
  } catch (error) {
    if (error instanceof ExplanationsFileError) throw error;
    // The system's reason in the user's words, as for any report file ("找不到文件").
    throw new ExplanationsFileError(file, {
      code: "unreadable",
      detail: reasonText(fileSystemError(file, error).reason, locale),
    });
  }
  return parseExplanationsFile(file, new TextDecoder("utf-8").decode(bytes));
}
