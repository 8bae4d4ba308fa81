/**
 * Label and text normalisation: the one place that decides when two spellings are "the same".
 * Labels are compared after NFKC (full-width ↔ half-width), with every kind of white space and
 * line break removed, curly quotes made straight and 钩稽 read as 勾稽 (spec §10).
 */

const WHITESPACE = /[\s\u00a0\u200b-\u200d\u2060\u3000\ufeff]+/gu;

/** A label in the form used for comparison; it cannot tell a typo from a variant. */
export function normalizeLabel(text: string): string {
  return text
    .normalize("NFKC")
    .replace(WHITESPACE, "")
    .replace(/[“”„‟″]/gu, '"')
    .replace(/[‘’‚‛′]/gu, "'")
    .replace(/钩稽/gu, "勾稽")
    .replace(/^(\d+)[、。]/u, "$1.")
    .replace(/[–—―－−]/gu, "-")
    .replace(/[:：]/gu, ":");
}

/** Text with white space trimmed and runs of white space (line breaks too) folded to nothing. */
export function squeeze(text: string): string {
  return text.replace(WHITESPACE, "");
}
