/**
 * Why the file system would not give a file's bytes: each condition its own class, so that a
 * permission problem, a FIFO or a symlink loop is named as such instead of "file not found" or an
 * internal error. Built from the error the system call gave (its code) or from the file's type.
 */
import { FileNotFoundError, UnreadableFileError } from "../xlsx/errors";

/** The file or folder exists but this user may not read it (EACCES, EPERM). */
export class PermissionDeniedError extends UnreadableFileError {
  readonly reason = "permission-denied";
  constructor(file: string, options?: { cause?: unknown }) {
    super(file, `permission denied: ${file}`, options);
    this.name = "PermissionDeniedError";
  }
}

/** A folder whose entries cannot be listed (no read or search permission, or a listing error). */
export class FolderUnlistableError extends UnreadableFileError {
  readonly reason = "folder-unlistable";
  constructor(file: string, options?: { cause?: unknown }) {
    super(file, `folder cannot be listed: ${file}`, options);
    this.name = "FolderUnlistableError";
  }
}

/** A folder where a file was expected (annotate, narrative, --last-year). */
export class IsAFolderError extends UnreadableFileError {
  readonly reason = "is-a-folder";
  constructor(file: string) {
    super(file, `is a folder, not a file: ${file}`);
    this.name = "IsAFolderError";
  }
}

/** A named pipe: never opened for reading, which would wait for a writer for ever. */
export class FifoFileError extends UnreadableFileError {
  readonly reason = "fifo";
  constructor(file: string) {
    super(file, `named pipe (FIFO), not a file: ${file}`);
    this.name = "FifoFileError";
  }
}

/** A character or block device (/dev/zero, a disk): endless or not a document. */
export class DeviceFileError extends UnreadableFileError {
  readonly reason = "device";
  constructor(file: string) {
    super(file, `device, not a file: ${file}`);
    this.name = "DeviceFileError";
  }
}

/** A Unix socket. */
export class SocketFileError extends UnreadableFileError {
  readonly reason = "socket";
  constructor(file: string) {
    super(file, `socket, not a file: ${file}`);
    this.name = "SocketFileError";
  }
}

/** Symbolic links that point at each other (ELOOP). */
export class SymlinkLoopError extends UnreadableFileError {
  readonly reason = "symlink-loop";
  constructor(file: string, options?: { cause?: unknown }) {
    super(file, `symbolic link loop: ${file}`, options);
    this.name = "SymlinkLoopError";
  }
}

/** A symbolic link whose target does not exist. */
export class DanglingSymlinkError extends UnreadableFileError {
  readonly reason = "dangling-symlink";
  constructor(
    file: string,
    readonly target: string,
    options?: { cause?: unknown },
  ) {
    super(file, `symbolic link to a missing file: ${file} → ${target}`, options);
    this.name = "DanglingSymlinkError";
  }
}

/** Any other system error while reading (EIO, EMFILE…), with its code. */
export class FileSystemError extends UnreadableFileError {
  readonly reason = "io-error";
  constructor(
    file: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(file, `cannot read ${file}: ${code}`, options);
    this.name = "FileSystemError";
  }
}

/** The error code of a failed system call ("ENOENT"), if it has one. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  const code = error.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * The unreadable-file error for a failed system call on `file`; `target` is where a symbolic link
 * at `file` points, when it is one (so that a missing target is a dangling link, not a missing file).
 */
export function fileSystemError(
  file: string,
  error: unknown,
  target?: string,
): UnreadableFileError {
  const options = { cause: error };
  switch (errorCode(error)) {
    case "ENOENT":
    case "ENOTDIR":
      return target === undefined
        ? new FileNotFoundError(file, options)
        : new DanglingSymlinkError(file, target, options);
    case "EACCES":
    case "EPERM":
      return new PermissionDeniedError(file, options);
    case "ELOOP":
      return new SymlinkLoopError(file, options);
    case "EISDIR":
      return new IsAFolderError(file);
    default:
      return new FileSystemError(file, errorCode(error) ?? "unknown", options);
  }
}
