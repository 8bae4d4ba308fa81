/**
 * Truncation: a partial paste or a copy cut at a length ends inside a sentence, and nothing from
 * that sentence may become an error (spec §8, N1 in detail). For the seed report and each of the
 * 94 real openings, the narrative is cut at 200 byte offsets (a seeded generator, so a failure
 * can be replayed; a cut inside a character leaves U+FFFD as a decoder would) and checked against
 * the report's own tables and year. No error may point at the cut sentence, except a part larger
 * than its whole that the uncut text reports too (both figures are finished before the cut).
 * The narrative is cut rather than the whole file, so that a table cut in half (the table
 * reader's concern) does not stand in for the narrative.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { figureSet } from "../../../src/core/model/figure-set";
import { checkNarrative } from "../../../src/core/narrative/check";
import type { Finding } from "../../../src/core/rules/finding";
import { readReportText } from "../../../src/core/text/report-text";

const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const DIR = path.join(FIXTURES, "narratives");
const CUTS = 200;

interface Source {
  readonly name: string;
  readonly text: string;
  readonly year: number;
}

const SOURCES: readonly Source[] = [
  {
    name: "seed-report-shizhuang-2024.txt",
    text: fs.readFileSync(path.join(FIXTURES, "seed-report-shizhuang-2024.txt"), "utf8"),
    year: 2024,
  },
  ...fs
    .readFileSync(path.join(DIR, "index.tsv"), "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [file, , , year] = line.split("\t");
      return {
        name: file!,
        text: fs.readFileSync(path.join(DIR, "texts", file!), "utf8"),
        year: Number(year),
      };
    }),
];

/** mulberry32: a small seeded generator, so every run cuts at the same offsets. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SENTENCE_END = /[。！？；!?;\n]/u;
const decoder = new TextDecoder("utf-8");

/** Where the sentence the cut text stops inside starts (after its last sentence end). */
function cutSentenceStart(text: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (SENTENCE_END.test(text[i]!)) return i + 1;
  return 0;
}

const key = (f: Finding): string => `${f.rule} ${f.code} ${f.reported} ${f.computed}`;

describe("a narrative cut at any byte", () => {
  test.each(SOURCES.map((s) => [s.name, s] as const))(
    "%s gives no error from the cut sentence at 200 random cuts",
    (name, source) => {
      const report = readReportText(source.text);
      const figures = figureSet(report.tables);
      const options = { figures, year: source.year };
      const full = new Set(
        checkNarrative(report.narrative, options)
          .filter((f) => f.code === "part-exceeds-total")
          .map(key),
      );
      const bytes = new TextEncoder().encode(report.narrative);
      const random = generator([...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7));
      const offenders: string[] = [];
      for (let i = 0; i < CUTS; i++) {
        const cut = 1 + Math.floor(random() * (bytes.length - 1));
        const text = decoder.decode(bytes.subarray(0, cut));
        const from = cutSentenceStart(text);
        for (const f of checkNarrative(text, options)) {
          if (f.severity !== "error") continue;
          const inCut = (f.spans ?? []).some((s) => s.end > from);
          if (inCut && !full.has(key(f))) offenders.push(`${cut}: ${key(f)}`);
        }
      }
      expect(bytes.length).toBeGreaterThan(100);
      expect(offenders).toEqual([]);
    },
  );
});
