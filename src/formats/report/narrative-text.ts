/**
 * The 总体情况 paragraphs that state a report's table figures, as `xxgk narrative` prints them and
 * the offline page copies them, with the count of problems that have an error (one wrong cell
 * counts once, as check and the pane count them), so that text from failing tables says so.
 */
import { checkReport } from "../../core/check";
import type { Locale } from "../../core/locales/locale";
import { figureSet } from "../../core/model/figure-set";
import type { LocatedTable } from "../../core/model/figures";
import { generateNarrative } from "../../core/narrative/generate";

/** Who and when the paragraphs are about. */
export interface NarrativeSubject {
  readonly year?: number;
  readonly agency?: string;
  /** How the agency calls itself ("我局"). */
  readonly self?: string;
}

/** The paragraphs (one per block) and the number of problems with an error in the tables. */
export function narrativeOf(
  tables: readonly LocatedTable[],
  subject: NarrativeSubject,
  locale: Locale,
): { readonly paragraphs: readonly string[]; readonly errors: number } {
  const { year, agency } = subject;
  const problems = checkReport({
    tables,
    ...(year === undefined ? {} : { year }),
    ...(agency === undefined ? {} : { agency }),
  }).problems;
  const errors = problems.filter((p) => p.findings.some((f) => f.severity === "error")).length;
  const paragraphs = generateNarrative(
    figureSet(tables),
    {
      ...(year === undefined ? {} : { year }),
      ...(agency === undefined ? {} : { agency }),
      ...(subject.self === undefined ? {} : { self: subject.self }),
    },
    locale,
  );
  return { paragraphs: paragraphs.map((p) => p.text), errors };
}
