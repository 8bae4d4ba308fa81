/** The structure reader on any text: it never throws, never judges a document partial, and stays linear. */
import fc from "fast-check";
import { readDocumentStructure } from "../../../src/core/structure/document";
import { seedText } from "../../helpers/build";

const seedLines = seedText().split("\n");

describe("readDocumentStructure", () => {
  it("reads any text without throwing; a document file is never partial", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), (text) => {
        const structure = readDocumentStructure({ text, form: "document" });
        expect(structure.partial).toBeUndefined();
        expect(structure.headings.length).toBeLessThanOrEqual(6);
      }),
      { numRuns: 300 },
    );
  });

  it("finds each section at most once and in text order, whatever lines of the seed are shuffled in", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...seedLines), { maxLength: 120 }), (lines) => {
        const { headings } = readDocumentStructure({ text: lines.join("\n"), form: "text" });
        const sections = headings.map((h) => h.section);
        expect(new Set(sections).size).toBe(sections.length);
        const positions = headings.map((h) => h.line);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }),
      { numRuns: 200 },
    );
  });

  it("reads a 6 MB text (the seed repeated) in bounded time", () => {
    const big = seedText().repeat(Math.ceil(6_000_000 / seedText().length));
    const started = Date.now();
    const structure = readDocumentStructure({ text: big, form: "text" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(structure.headings.map((h) => h.section)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
