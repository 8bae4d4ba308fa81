/**
 * LibreOffice headless as a test counterpart: recalculates and exports what our writers produce.
 * Each call uses a fresh profile under /tmp and runs alone (the calls are awaited one at a time),
 * because two soffice processes sharing a profile block each other.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Thrown when soffice fails or writes nothing. */
export class SofficeFailedError extends Error {
  constructor(readonly detail: string) {
    super(`soffice failed: ${detail}`);
    this.name = "SofficeFailedError";
  }
}

/** The soffice filter that writes UTF-8 CSV of every sheet (44 = comma, 34 = quote, 76 = UTF-8, -1 = all sheets). */
export const CSV_ALL_SHEETS =
  "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/** Converts a file with soffice; returns the paths written to `outDir`. */
export async function sofficeConvert(
  file: string,
  target: string,
  outDir: string,
): Promise<string[]> {
  const profile = mkdtempSync(path.join(os.tmpdir(), "xxgk-soffice-"));
  try {
    await new Promise<void>((resolve, reject) => {
      execFile(
        "soffice",
        [
          `-env:UserInstallation=file://${profile}`,
          "--headless",
          "--norestore",
          "--convert-to",
          target,
          "--outdir",
          outDir,
          file,
        ],
        { timeout: 120_000 },
        (error, _stdout, stderr) =>
          error === null ? resolve() : reject(new SofficeFailedError(`${error.message} ${stderr}`)),
      );
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const stem = path.basename(file, path.extname(file));
  const written = readdirSync(outDir).filter(
    (f) => f.startsWith(stem) && f !== path.basename(file),
  );
  if (written.length === 0) throw new SofficeFailedError(`no output for ${file}`);
  return written.map((f) => path.join(outDir, f));
}

/** Parses soffice's CSV (comma, double quotes) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Reads a CSV file soffice wrote. */
export function readCsv(file: string): string[][] {
  return parseCsv(readFileSync(file, "utf8"));
}
