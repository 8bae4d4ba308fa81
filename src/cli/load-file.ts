/**
 * A report file from the disk: its bytes read within the size limit (special files refused by
 * their type, before anything opens them), then read as a report by the formats layer with the
 * Node build of pdf.js. Everything after the bytes is src/formats/report/load-report.ts.
 */
import {
  closeSync,
  constants as fsConstants,
  fstatSync,
  openSync,
  readlinkSync,
  readSync,
  statSync,
  type Stats,
} from "node:fs";
import {
  EmptyFileError,
  FileNotFoundError,
  FileTooLargeError,
  UnreadableFileError,
} from "../xlsx/errors";
import { DEFAULT_LIMITS, type ReadLimits } from "../xlsx/limits";
import { loadReportBytes, type LoadedReport } from "../formats/report/load-report";
import {
  DeviceFileError,
  FifoFileError,
  fileSystemError,
  IsAFolderError,
  SocketFileError,
} from "./file-errors";
import { loadPdfJs } from "./pdfjs-node";

/** Refuses what is not a regular file, by its type, before anything opens it. */
function refuseSpecial(file: string, stat: Stats): void {
  if (stat.isDirectory()) throw new IsAFolderError(file);
  if (stat.isFIFO()) throw new FifoFileError(file);
  if (stat.isCharacterDevice() || stat.isBlockDevice()) throw new DeviceFileError(file);
  if (stat.isSocket()) throw new SocketFileError(file);
  if (!stat.isFile()) throw new FileNotFoundError(file);
}

/** Where a symbolic link points, or undefined when `file` is not one. */
function linkTarget(file: string): string | undefined {
  try {
    return readlinkSync(file);
  } catch {
    return undefined;
  }
}

/**
 * A file's bytes, at most the size limit. A FIFO, device or socket is refused from its type and
 * never opened (a FIFO would wait for ever); the file is opened non-blocking and checked again on
 * the open handle, so one swapped in between is refused too. Errors name their condition. The
 * calls are synchronous: files are checked one after another anyway, and five awaited round trips
 * through the thread pool per file cost more than the reading itself (bench/cli.ts).
 */
export function readBytes(file: string, limits: ReadLimits): Uint8Array {
  let stat;
  try {
    stat = statSync(file);
  } catch (error) {
    throw fileSystemError(file, error, linkTarget(file));
  }
  refuseSpecial(file, stat);
  if (stat.size === 0) throw new EmptyFileError(file);
  if (stat.size > limits.maxFileBytes)
    throw new FileTooLargeError(file, stat.size, limits.maxFileBytes);
  let fd;
  try {
    fd = openSync(
      file,
      fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | (fsConstants.O_NOCTTY ?? 0),
    );
  } catch (error) {
    throw fileSystemError(file, error);
  }
  try {
    const opened = fstatSync(fd);
    refuseSpecial(file, opened);
    if (opened.size > limits.maxFileBytes)
      throw new FileTooLargeError(file, opened.size, limits.maxFileBytes);
    const bytes = new Uint8Array(opened.size);
    let filled = 0;
    while (filled < bytes.length) {
      const bytesRead = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled === 0) throw new EmptyFileError(file);
    return filled === bytes.length ? bytes : bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw fileSystemError(file, error);
  } finally {
    closeSync(fd);
  }
}

/** Reads one report file. */
export async function loadReport(
  file: string,
  limits: ReadLimits = DEFAULT_LIMITS,
): Promise<LoadedReport> {
  return loadReportBytes(file, readBytes(file, limits), limits, loadPdfJs);
}
