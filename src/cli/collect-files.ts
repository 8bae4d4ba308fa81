/**
 * The files a `check` run covers: files named on the command line as they are (whatever their
 * extension, so a wrong file is reported, not skipped), folders walked recursively for report
 * extensions in name order. Office lock files (~$…) and hidden entries are skipped in folders.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { REPORT_EXTENSIONS } from "./load-report";

/** One file to check: its path and the name shown in the output. */
export interface InputFile {
  readonly path: string;
  readonly display: string;
}

async function walk(folder: string, display: string, found: InputFile[]): Promise<void> {
  let entries;
  try {
    entries = await fs.readdir(folder, { withFileTypes: true });
  } catch {
    // A folder that cannot be listed (permissions) is reported in its own line, like a bad file.
    found.push({ path: folder, display });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const full = path.join(folder, entry.name);
    const shown = path.join(display, entry.name);
    if (entry.isDirectory()) await walk(full, shown, found);
    else if (entry.isFile() && REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      found.push({ path: full, display: shown });
    }
  }
}

/** Every input file, in argument order, folders expanded. A missing path stays in the list (reported later). */
export async function collectFiles(args: readonly string[], cwd: string): Promise<InputFile[]> {
  const found: InputFile[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let isFolder = false;
    try {
      isFolder = (await fs.stat(full)).isDirectory();
    } catch {
      isFolder = false;
    }
    if (isFolder) await walk(full, arg, found);
    else found.push({ path: full, display: arg });
  }
  return found;
}
