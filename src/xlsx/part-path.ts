/**
 * Part names inside an Office package ("xl/worksheets/sheet1.xml") joined and resolved as POSIX
 * paths, the way Node's path.posix does for relative names, without Node: the annotate pipeline
 * runs in the offline page too. Only what relationship targets need.
 */

/** The part's folder: "xl/workbook.xml" → "xl", "workbook.xml" → ".". */
export function partDirname(part: string): string {
  const trimmed = part.replace(/\/+$/u, "");
  const slash = trimmed.lastIndexOf("/");
  if (slash === -1) return ".";
  return slash === 0 ? "/" : trimmed.slice(0, slash);
}

/** The part's file name: "xl/workbook.xml" → "workbook.xml". */
export function partBasename(part: string): string {
  const trimmed = part.replace(/\/+$/u, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1);
}

function segments(part: string): string[] {
  const absolute = part.startsWith("/");
  const out: string[] = [];
  for (const segment of part.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
      continue;
    }
    out.push(segment);
  }
  return out;
}

/** "." and ".." resolved, repeated slashes dropped: "xl/worksheets/../styles.xml" → "xl/styles.xml". */
export function normalizePart(part: string): string {
  const body = segments(part).join("/");
  if (part.startsWith("/")) return `/${body}`;
  return body === "" ? "." : body;
}

/** The parts joined and normalised. */
export function joinPart(...parts: readonly string[]): string {
  const joined = parts.filter((p) => p !== "").join("/");
  return joined === "" ? "." : normalizePart(joined);
}

/** The path from folder `from` to part `to`, both relative to the package root. */
export function relativePart(from: string, to: string): string {
  const a = segments(from);
  const b = segments(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...a.slice(common).map(() => ".."), ...b.slice(common)].join("/");
}
