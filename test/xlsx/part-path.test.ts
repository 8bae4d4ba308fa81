import * as path from "node:path";
import {
  joinPart,
  normalizePart,
  partBasename,
  partDirname,
  relativePart,
} from "../../src/xlsx/part-path";

// The annotate pipeline used path.posix; its Node-free replacement must give the same names.
const PARTS = [
  "xl/workbook.xml",
  "workbook.xml",
  "xl/worksheets/sheet1.xml",
  "xl//worksheets/./sheet2.xml",
  "xl/worksheets/../styles.xml",
  "../outside.xml",
  "/xl/workbook.xml",
  "xl/",
  "",
];

test.each(PARTS)("part %j is named as path.posix names it", (part) => {
  if (part !== "") {
    expect(partDirname(part)).toBe(path.posix.dirname(part));
    expect(partBasename(part)).toBe(path.posix.basename(part));
  }
  expect(normalizePart(part === "" ? "." : part).replace(/\/$/u, "")).toBe(
    path.posix.normalize(part === "" ? "." : part).replace(/\/$/u, ""),
  );
  expect(joinPart(partDirname(part || "x"), "_rels", "a.rels")).toBe(
    path.posix.join(path.posix.dirname(part || "x"), "_rels", "a.rels"),
  );
  expect(joinPart("xl", part)).toBe(path.posix.join("xl", part).replace(/(.)\/$/u, "$1"));
});

test.each([
  ["xl", "xl/worksheets/sheet9.xml"],
  [".", "xl/worksheets/sheet9.xml"],
  ["xl/worksheets", "xl/styles.xml"],
  ["xl", "xl"],
  ["a/b", "c/d"],
])("the target from %j to %j is path.posix.relative's", (from, to) => {
  expect(relativePart(from, to)).toBe(path.posix.relative(from, to));
});
