/**
 * `xxgk read <file>`: what the checker read, before any rule judges it. Every table figure with
 * where it is and what it was read as; every figure of the text the reader took (claims,
 * breakdowns, percentages) with the quantity and the table cells it was tied to; every figure it
 * saw and did not take, with why. Users run it to understand a finding, we run it to debug the
 * reader. It shows the reading; it does not say whether the reading is right.
 */
import * as path from "node:path";
import { cellLabel, quantityLabel, tableName } from "../core/locales/labels";
import type { Locale } from "../core/locales/locale";
import { figureSet, type FigureSet } from "../core/model/figure-set";
import { shownValue, type FigureCell, type LocatedTable } from "../core/model/figures";
import {
  readNarrative,
  type BreakdownItem,
  type Claim,
  type NarrativeReading,
} from "../core/narrative/claims";
import { quantityCells, type QuantityId } from "../core/narrative/quantities";
import { quoteSpans } from "../core/narrative/quote";
import type { TextSpan } from "../core/rules/finding";
import { UnreadableFileError } from "../xlsx/errors";
import { reasonText } from "./cli-messages";
import type { CliIo } from "./cli-io";
import { loadReport } from "./load-file";
import type { CliArguments } from "./parse-args";
import { cellKindText, readText, skipReasonText } from "./read-messages";
import { packageVersion } from "./version";

/** What `read` shows of one report: its tables and the text the narrative checks read. */
export interface ReadInput {
  readonly file: string;
  readonly tables: readonly LocatedTable[];
  readonly narrative?: string;
  /** The reading of `narrative` (readNarrative's); absent when there is no text. */
  readonly reading?: NarrativeReading;
}

/** Control characters (C0 but tab and line break, DEL, C1) are not printed as they are. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/gu;

function clean(text: string): string {
  return text.replace(CONTROL, "\ufffd");
}

/** A breakdown label longer than this is shown by its end (the words right before the figure). */
const LABEL_LENGTH = 16;

function shortLabel(label: string): string {
  const folded = clean(label).replace(/\s+/gu, " ").trim();
  return folded.length > LABEL_LENGTH ? `…${folded.slice(-LABEL_LENGTH)}` : folded;
}

/** Where a person finds a cell: its A1 address, its place on a page, or its row and column keys. */
export function cellWhere(cell: FigureCell): string {
  return cell.address ?? cell.location ?? `${cell.row}/${cell.column}`;
}

/** The cell as written: its raw value as text, "" for blank. */
function writtenText(cell: FigureCell): string {
  if (cell.raw === null) return "";
  return clean(String(cell.raw));
}

/** The table cells a quantity maps to, with their addresses when the tables have them. */
function cellsOf(quantity: QuantityId, figures: FigureSet) {
  return (quantityCells(quantity, figures) ?? []).map((key) => {
    const address = figures.get(key)?.address ?? figures.get(key)?.location;
    return address === undefined ? { ...key } : { ...key, address };
  });
}

function spanJson(span: TextSpan) {
  return { start: span.start, end: span.end, text: clean(span.text) };
}

/** The reading as one JSON document (keys are codes; labels are in the chosen language). */
export function readingJson(input: ReadInput, locale: Locale): Record<string, unknown> {
  const figures = figureSet([...input.tables]);
  const text = input.narrative ?? "";
  const quote = (span: TextSpan): string | undefined => quoteSpans(text, [span]);
  const item = (i: BreakdownItem) => ({
    value: i.value,
    unit: i.unit,
    label: clean(i.label),
    span: spanJson(i.span),
    ...(i.quantity === undefined ? {} : { quantity: i.quantity }),
  });
  const reading = input.reading;
  return {
    tool: "xxgk",
    version: packageVersion(),
    file: input.file,
    tables: input.tables.map((t) => ({
      table: t.table,
      format: t.version,
      ...(t.sheet === undefined || t.sheet === "" ? {} : { sheet: t.sheet }),
      ...(t.range === undefined ? {} : { range: t.range }),
      cells: [...t.cells.values()].map((c) => ({
        row: c.row,
        column: c.column,
        ...(c.address === undefined ? {} : { address: c.address }),
        ...(c.location === undefined ? {} : { location: c.location }),
        kind: c.reading.kind,
        text: writtenText(c),
        ...(shownValue(c.reading) === undefined ? {} : { value: shownValue(c.reading) }),
      })),
    })),
    narrative:
      reading === undefined
        ? null
        : {
            claims: reading.claims.map((c) => ({
              quantity: c.quantity,
              label: quantityLabel(c.quantity, locale),
              value: c.value,
              ...(c.unit === undefined ? {} : { unit: c.unit }),
              form: c.form,
              ...(c.year === undefined ? {} : { year: c.year }),
              span: spanJson(c.span),
              quote: quote(c.span),
              cells: cellsOf(c.quantity, figures),
            })),
            breakdowns: reading.breakdowns.map((b) => ({
              total: item(b.total),
              parts: b.parts.map(item),
              exhaustive: b.exhaustive,
              judgedBy: b.judgedBy,
              quote: quote(b.total.span),
            })),
            percentages: reading.percentages.map((p) => ({
              value: p.value,
              decimals: p.decimals,
              kind: p.kind,
              span: spanJson(p.span),
              quote: quote(p.span),
              ...(p.part === undefined ? {} : { part: item(p.part) }),
              ...(p.whole === undefined ? {} : { whole: item(p.whole) }),
              ...(p.wholeQuantity === undefined ? {} : { wholeQuantity: p.wholeQuantity }),
            })),
            skipped: reading.skipped.map((s) => ({
              span: spanJson(s.span),
              reason: s.reason,
              reasonText: skipReasonText(s.reason, locale),
              quote: quote(s.span),
            })),
          },
  };
}

/** The reading as text for a person, one line per figure, sentences quoted under them. */
export function readingText(input: ReadInput, locale: Locale): string {
  const t = readText(locale);
  const figures = figureSet([...input.tables]);
  const text = input.narrative ?? "";
  const lines: string[] = [t.file(input.file), ""];
  const q = (s: string): string => `${t.open}${clean(s)}${t.close}`;
  const sentence = (span: TextSpan): void => {
    const quoted = quoteSpans(text, [span]);
    if (quoted !== undefined) lines.push(`      ${t.sentence}${t.colon}${q(quoted)}`);
  };
  const cellsText = (quantity: QuantityId): string => {
    const cells = cellsOf(quantity, figures);
    if (cells.length === 0) return t.noCell;
    return t.cells(
      cells
        .map((c) => `${cellLabel(c, locale)}${"address" in c ? ` ${c.address}` : ""}`)
        .join(t.list),
    );
  };

  const count = input.tables.reduce((n, tb) => n + tb.cells.size, 0);
  lines.push(t.tables(count));
  if (input.tables.length === 0) lines.push(`  ${t.noTables}`);
  for (const table of input.tables) {
    const where =
      table.sheet === undefined
        ? ""
        : `${table.sheet}${table.range === undefined ? "" : `!${table.range}`}`;
    lines.push(`  ${t.table(tableName(table.table, locale), table.version, clean(where))}`);
    for (const cell of table.cells.values()) {
      const written = writtenText(cell);
      lines.push(
        `    ${clean(cellWhere(cell))}  ${cellLabel(cell, locale)}  ${cellKindText(cell.reading.kind, locale)}  ${written === "" ? t.blankText : q(written)}`,
      );
    }
  }
  lines.push("", t.narrative);
  const reading = input.reading;
  if (reading === undefined) {
    lines.push(`  ${t.noNarrative}`);
    return `${lines.join("\n")}\n`;
  }
  const [open, close] = locale === "en-US" ? [" (", ")"] : ["（", "）"];
  const claimLine = (c: Claim): string => {
    const zero = c.form === "zero-statement" ? ` ${t.zeroStatement}` : "";
    const year = c.year === undefined ? "" : `${open}${t.year(c.year)}${close}`;
    return `    ${q(c.span.text)}${zero} → ${quantityLabel(c.quantity, locale)}${year}${t.separator}${cellsText(c.quantity)}`;
  };
  lines.push(`  ${t.claims(reading.claims.length)}`);
  for (const c of reading.claims) {
    lines.push(claimLine(c));
    sentence(c.span);
  }
  lines.push(`  ${t.breakdowns(reading.breakdowns.length)}`);
  for (const b of reading.breakdowns) {
    lines.push(
      `    ${t.breakdownTotal(q(b.total.span.text), shortLabel(b.total.label))}${t.colon}${b.exhaustive ? t.breakdownComplete : t.breakdownOpen}${t.separator}${t.judgedBy(b.judgedBy)}`,
    );
    lines.push(
      `      ${b.parts.map((p) => `${q(p.span.text)}${p.label === "" ? "" : ` ${shortLabel(p.label)}`}`).join(t.list)}`,
    );
    sentence(b.total.span);
  }
  lines.push(`  ${t.percentages(reading.percentages.length)}`);
  for (const p of reading.percentages) {
    const whole =
      p.whole !== undefined
        ? q(p.whole.span.text)
        : p.wholeQuantity !== undefined
          ? quantityLabel(p.wholeQuantity, locale)
          : undefined;
    lines.push(
      `    ${q(p.span.text)} ${t.percentageKind(p.kind)}${p.part === undefined || whole === undefined ? "" : `${t.colon}${t.shareOf(q(p.part.span.text), whole)}`}`,
    );
    sentence(p.span);
  }
  lines.push(`  ${t.skipped(reading.skipped.length)}`);
  for (const s of reading.skipped) {
    lines.push(`    ${q(s.span.text)} ${skipReasonText(s.reason, locale)}`);
    sentence(s.span);
  }
  return `${lines.join("\n")}\n`;
}

/** Runs `read`; returns the exit code (0 read, 2 unreadable). */
export async function runRead(args: CliArguments, io: CliIo): Promise<number> {
  const file = args.positionals[0]!;
  let report;
  try {
    report = await loadReport(path.resolve(io.cwd, file));
  } catch (error) {
    if (!(error instanceof UnreadableFileError)) throw error;
    const colon = args.locale === "en-US" ? ": " : "：";
    io.stderr(`✗ ${clean(file)}${colon}${reasonText(error.reason, args.locale)}\n`);
    return 2;
  }
  const input: ReadInput = {
    file,
    tables: report.tables,
    ...(report.narrative === undefined
      ? {}
      : { narrative: report.narrative, reading: readNarrative(report.narrative) }),
  };
  io.stdout(
    args.format === "json"
      ? `${JSON.stringify(readingJson(input, args.locale), null, 2)}\n`
      : readingText(input, args.locale),
  );
  return 0;
}
