/**
 * The files a `check` run covers: files named on the command line as they are (whatever their
 * extension, so a wrong file is reported, not skipped), folders walked recursively for report
 * extensions in name order. Office lock files (~$…) and hidden entries are skipped in folders.
 * Symbolic links are followed once: a linked report is checked, a link to a file or folder already
 * covered (a loop back to a parent folder, a second name of the same file) is skipped and told.
 * A folder that cannot be listed, a link loop or a dangling link named like a report is an entry
 * of its own with its reason. Nothing here opens a file: a FIFO is only ever looked at with stat.
 */
import { readdirSync, readlinkSync, statSync, type Dirent, type Stats } from "node:fs";
import * as path from "node:path";
import type { UnreadableFileError } from "../xlsx/errors";
import { FolderUnlistableError, fileSystemError } from "./file-errors";
import { REPORT_EXTENSIONS } from "../formats/report/load-report";

/** One file to check: its path, the name shown in the output, and why it cannot be read if known already. */
export interface InputFile {
  readonly path: string;
  readonly display: string;
  readonly unreadable?: UnreadableFileError;
}

/** A folder entry not checked because what it leads to is already covered. */
export interface SkippedEntry {
  readonly display: string;
  /** "loop": a link to a folder being walked or walked already; "duplicate": a second name of a file. */
  readonly reason: "loop" | "duplicate";
  /** The name under which the folder or file is covered. */
  readonly covered: string;
}

/** What the walk has covered, by device and inode (the same file under two names is one file). */
class Covered {
  private readonly seen = new Map<string, string>();

  /** The display name it was first covered under, or undefined (and now recorded) when new. */
  claim(stat: Stats, display: string): string | undefined {
    const key = `${stat.dev}:${stat.ino}`;
    const first = this.seen.get(key);
    if (first !== undefined) return first;
    this.seen.set(key, display);
    return undefined;
  }
}

function isReportName(name: string): boolean {
  return REPORT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

async function walk(
  folder: string,
  display: string,
  found: InputFile[],
  skipped: SkippedEntry[],
  covered: Covered,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    // A folder that cannot be listed is reported in its own line, like a bad file.
    found.push({
      path: folder,
      display,
      unreadable: new FolderUnlistableError(display, { cause: error }),
    });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const full = path.join(folder, entry.name);
    const shown = path.join(display, entry.name);
    if (entry.isSymbolicLink()) {
      let target: Stats;
      try {
        target = statSync(full);
      } catch (error) {
        if (isReportName(entry.name)) {
          let link = "";
          try {
            link = readlinkSync(full);
          } catch {
            // A link that cannot be read is named without its target.
          }
          found.push({
            path: full,
            display: shown,
            unreadable: fileSystemError(shown, error, link),
          });
        }
        continue;
      }
      if (target.isDirectory()) {
        const first = covered.claim(target, shown);
        if (first !== undefined) skipped.push({ display: shown, reason: "loop", covered: first });
        else await walk(full, shown, found, skipped, covered);
      } else if (isReportName(entry.name)) {
        addFile(full, shown, target, true, found, skipped, covered);
      }
      continue;
    }
    if (entry.isDirectory()) {
      let stat: Stats;
      try {
        stat = statSync(full);
      } catch (error) {
        found.push({ path: full, display: shown, unreadable: fileSystemError(shown, error) });
        continue;
      }
      const first = covered.claim(stat, shown);
      if (first !== undefined) skipped.push({ display: shown, reason: "loop", covered: first });
      else await walk(full, shown, found, skipped, covered);
    } else if (isReportName(entry.name)) {
      // Regular files, and FIFOs or devices named like reports (refused by type when read).
      let stat: Stats;
      try {
        stat = statSync(full);
      } catch (error) {
        found.push({ path: full, display: shown, unreadable: fileSystemError(shown, error) });
        continue;
      }
      addFile(full, shown, stat, false, found, skipped, covered);
    }
  }
}

function addFile(
  full: string,
  shown: string,
  stat: Stats,
  viaLink: boolean,
  found: InputFile[],
  skipped: SkippedEntry[],
  covered: Covered,
): void {
  // Only a link is skipped as a second name: a file under its own name is always checked.
  const first = stat.isFile() ? covered.claim(stat, shown) : undefined;
  if (first !== undefined && viaLink)
    skipped.push({ display: shown, reason: "duplicate", covered: first });
  else found.push({ path: full, display: shown });
}

/**
 * Every input file, in argument order, folders expanded. A missing path stays in the list
 * (reported later). Entries skipped because they were covered already are added to `skipped`.
 */
export async function collectFiles(
  args: readonly string[],
  cwd: string,
  skipped: SkippedEntry[] = [],
): Promise<InputFile[]> {
  const found: InputFile[] = [];
  const covered = new Covered();
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat: Stats | undefined;
    try {
      stat = statSync(full);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory() === true) {
      const first = covered.claim(stat, arg);
      if (first !== undefined) skipped.push({ display: arg, reason: "loop", covered: first });
      else await walk(full, arg, found, skipped, covered);
    } else {
      // A file named on the command line is checked even if it was named before (the user asked).
      if (stat?.isFile() === true) covered.claim(stat, arg);
      found.push({ path: full, display: arg });
    }
  }
  return found;
}
