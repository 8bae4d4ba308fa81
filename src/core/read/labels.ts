/**
 * The label index: every label of every table definition (titles, block headers, column headers,
 * row labels, group labels, the table-三 corner note), in comparison form, mapped to what it names.
 * The reader looks each text cell up here once; nothing else in the reader spells a label.
 */
import { T3_CORNER_NOTE } from "../model/layout";
import { normalizeLabel } from "../model/normalize";
import { TABLES, type FormatVersion, type TableDef, type TableId } from "../model/tables";

/** What a label names in its table. */
export type LabelRole = "title" | "block" | "header" | "column" | "row" | "group";

/** One meaning of a label: which table, format version and role, and the official spelling. */
export interface LabelEntry {
  readonly role: LabelRole;
  readonly table: TableId;
  readonly version: FormatVersion;
  /** The official label this text stands for. */
  readonly official: string;
  /** True when the text is a variant seen in published reports (spec §10), not the official label. */
  readonly variant: boolean;
  /** The block key, for block headers, column headers and row labels. */
  readonly block?: string;
  /** The row key (role "row") or column key (role "column"). */
  readonly key?: string;
}

/** Leading enumerators of row labels (一、 （一） 1.) in comparison form, stripped to make a variant key. */
const ENUMERATOR = /^(?:[一二三四五六七八九十]+,|\([一二三四五六七八九十]+\)|\d{1,2}\.)/u;

/**
 * A label in the form used for look-up: normalizeLabel, then 、 read as a comma, enumerators
 * written one way (一. → 一,  (1) → 1.) and trailing punctuation dropped. Two texts with the same
 * form are the same label; the difference is not reported.
 */
export function canonicalLabel(text: string): string {
  return normalizeLabel(text)
    .replace(/[、，]/gu, ",")
    .replace(/^([一二三四五六七八九十]+)[.,。．]/u, "$1,")
    .replace(
      /^\((\d{1,2})\)|^(\d{1,2})[)、,]/u,
      (_match, a?: string, b?: string) => `${a ?? b ?? ""}.`,
    )
    .replace(/^(\d{1,2})(?=[\u4e00-\u9fff])/u, "$1.")
    .replace(/[:,.;。，；：、]+$/u, "");
}

type Index = Map<string, LabelEntry[]>;

interface Prefilter {
  /** Code points (after full-width folding) that some label starts with. */
  readonly first: Set<number>;
  /** First two code points of labels, as first * 65536 + second. */
  readonly pairs: Set<number>;
  readonly longest: number;
}

let index: Index | undefined;
let prefilter: Prefilter | undefined;
const cache = new Map<string, readonly LabelEntry[] | null>();
const CACHE_LIMIT = 200_000;

/** A unit written after a label in brackets, in comparison form: (件), (单位:万元). */
const UNIT_SUFFIX = /\((?:单位:?)?(?:件|个|项|条|份|篇|次|人次|万元|元)\)$/u;

function add(target: Index, text: string, entry: LabelEntry): void {
  const key = canonicalLabel(text);
  if (key === "") return;
  const list = target.get(key);
  if (list === undefined) {
    target.set(key, [entry]);
    return;
  }
  const same = list.find(
    (e) =>
      e.role === entry.role &&
      e.table === entry.table &&
      e.version === entry.version &&
      e.block === entry.block &&
      e.key === entry.key,
  );
  if (same === undefined) list.push(entry);
}

function addDefinition(target: Index, def: TableDef): void {
  const base = { table: def.id, version: def.version };
  add(target, def.title, { ...base, role: "title", official: def.title, variant: false });
  for (const v of def.titleVariants ?? []) {
    add(target, v, { ...base, role: "title", official: def.title, variant: true });
  }
  for (const block of def.blocks) {
    if (block.header !== undefined) {
      const header = block.header;
      add(target, header, {
        ...base,
        role: "block",
        official: header,
        variant: false,
        block: block.key,
      });
      for (const v of block.headerVariants ?? []) {
        add(target, v, {
          ...base,
          role: "block",
          official: header,
          variant: true,
          block: block.key,
        });
      }
    }
    if (block.columnHeaderLabel !== undefined) {
      const label = block.columnHeaderLabel;
      add(target, label, { ...base, role: "header", official: label, variant: false });
    }
    for (const column of block.columns) {
      const entry = { ...base, role: "column" as const, block: block.key, key: column.key };
      add(target, column.label, { ...entry, official: column.label, variant: false });
      for (const v of column.variants ?? []) {
        add(target, v, { ...entry, official: column.label, variant: true });
      }
    }
    for (const row of block.rows) {
      const entry = { ...base, role: "row" as const, block: block.key, key: row.key };
      add(target, row.label, { ...entry, official: row.label, variant: false });
      for (const v of row.variants ?? [])
        add(target, v, { ...entry, official: row.label, variant: true });
      const path = row.path ?? [];
      path.forEach((group) => {
        add(target, group, { ...base, role: "group", official: group, variant: false });
      });
      // A whole path written in one cell ("（三）不予公开1.属于国家秘密") names the row too.
      for (let start = 0; start < path.length; start += 1) {
        const joined = path.slice(start).join("") + row.label;
        add(target, joined, { ...entry, official: row.label, variant: false });
      }
    }
  }
}

/**
 * Row and group labels written without their enumerator ("予以公开", "不予公开"), when that names
 * one row or group only.
 */
function addStrippedRows(target: Index): void {
  const stripped = new Map<string, LabelEntry[]>();
  for (const entries of target.values()) {
    for (const e of entries) {
      if ((e.role !== "row" && e.role !== "group") || e.variant) continue;
      const key = canonicalLabel(e.official).replace(ENUMERATOR, "");
      if (key === canonicalLabel(e.official) || key.length < 2) continue;
      const list = stripped.get(key) ?? [];
      if (!list.some((x) => x.table === e.table && x.version === e.version)) list.push(e);
      stripped.set(key, list);
    }
  }
  for (const [key, entries] of stripped) {
    if (target.has(key)) continue; // "其他", "总计": already a column label
    const rows = new Set(entries.map((e) => `${e.table}/${e.role}/${e.key ?? e.official}`));
    if (rows.size !== 1) continue;
    target.set(
      key,
      entries.map((e) => ({ ...e, variant: e.role === "row" })),
    );
  }
}

function buildIndex(): Index {
  const target: Index = new Map();
  for (const def of TABLES) addDefinition(target, def);
  for (const version of ["2021", "2019"] as const) {
    const base = { table: "T3" as const, version, variant: false };
    add(target, T3_CORNER_NOTE, { ...base, role: "header", official: T3_CORNER_NOTE });
    add(target, "法人或其他组织", { ...base, role: "header", official: "法人或其他组织" });
  }
  addStrippedRows(target);
  return target;
}

/** Folds full-width ASCII and the ideographic space to their plain forms. */
function fold(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e) return code - 0xfee0;
  return code;
}

function isSpace(code: number): boolean {
  return (
    code <= 32 ||
    code === 0x3000 ||
    code === 0xa0 ||
    code === 0xfeff ||
    (code >= 0x200b && code <= 0x200d) ||
    code === 0x2060
  );
}

/** Characters whose folded form is itself in every normal form: safe to reject on. */
function isPlain(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a)
  );
}

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function buildPrefilter(target: Index): Prefilter {
  const first = new Set<number>();
  const pairs = new Set<number>();
  let longest = 0;
  for (const key of target.keys()) {
    longest = Math.max(longest, key.length);
    const a = key.codePointAt(0);
    if (a === undefined) continue;
    first.add(a);
    const b = key.codePointAt(a > 0xffff ? 2 : 1);
    if (b !== undefined) pairs.add(a * 65536 + b);
  }
  return { first, pairs, longest };
}

/**
 * True when a text cannot be any label, decided from its first two visible characters without
 * normalising it; false means "look it up".
 */
function cannotBeLabel(text: string, filter: Prefilter): boolean {
  if (text.length > filter.longest * 3 + 40) return true;
  let first = -1;
  let numeric = true;
  for (let i = 0; i < text.length; i += 1) {
    const code = fold(text.charCodeAt(i));
    if (isSpace(code)) continue;
    if (first === -1) {
      first = code;
      if (!isPlain(code) && !isDigit(code)) return false;
      if (isPlain(code) && !filter.first.has(code)) return true;
      numeric = isDigit(code);
      continue;
    }
    if (numeric && (isDigit(code) || code === 0x2e || code === 0x2c)) continue;
    if (isDigit(first)) return !filter.first.has(first);
    if (isPlain(code)) return !filter.pairs.has(first * 65536 + code);
    return false;
  }
  // A single visible character, or digits only: no label is like that.
  return true;
}

/** The label index, built once. */
export function labelIndex(): ReadonlyMap<string, readonly LabelEntry[]> {
  if (index === undefined) {
    index = buildIndex();
    prefilter = buildPrefilter(index);
  }
  return index;
}

/** What a text cell names, or undefined when it is no label of any table. */
export function lookupLabel(text: string): readonly LabelEntry[] | undefined {
  const target = labelIndex();
  const filter = prefilter;
  if (filter === undefined || cannotBeLabel(text, filter)) return undefined;
  const cached = cache.get(text);
  if (cached !== undefined) return cached ?? undefined;
  const key = canonicalLabel(text);
  let found: readonly LabelEntry[] | undefined = target.get(key);
  const bare = key.replace(UNIT_SUFFIX, "");
  if (found === undefined && bare !== key) {
    // "规章（件）": the label with its unit added, a variant of the label.
    found = target.get(bare)?.map((e) => ({ ...e, variant: true }));
  }
  if (found !== undefined && text.includes("钩稽")) {
    // normalizeLabel reads 钩稽 as 勾稽 (spec §10); the spelling is still a variant to report.
    found = found.map((e) => ({ ...e, variant: true }));
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(text, found ?? null);
  return found;
}

/** The bigrams of a text, with counts. */
function bigrams(text: string): Map<string, number> {
  const result = new Map<string, number>();
  const chars = [...text];
  for (let i = 0; i + 1 < chars.length; i += 1) {
    const pair = `${chars[i] ?? ""}${chars[i + 1] ?? ""}`;
    result.set(pair, (result.get(pair) ?? 0) + 1);
  }
  return result;
}

/** Dice similarity of two texts' bigrams, 0 … 1. */
function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let size = 0;
  let common = 0;
  for (const [pair, count] of x) {
    size += count;
    common += Math.min(count, y.get(pair) ?? 0);
  }
  for (const count of y.values()) size += count;
  return size === 0 ? 0 : (2 * common) / size;
}

/** How close a reworded label must be to an official one to stand for it. */
export const REWORDED_SIMILARITY = 0.6;

/**
 * The official label among `labels` that a reworded row label stands for: same enumerator (when
 * the text has one) and the words at least REWORDED_SIMILARITY alike, the best one only when it
 * is clearly the best. Undefined when there is no such label.
 */
export function closestLabel(text: string, labels: readonly string[]): string | undefined {
  const found = canonicalLabel(text);
  const enumerator = ENUMERATOR.exec(found)?.[0];
  const words = found.replace(ENUMERATOR, "");
  if (words.length < 2) return undefined;
  let best: string | undefined;
  let bestScore = 0;
  let second = 0;
  for (const label of labels) {
    const official = canonicalLabel(label);
    const officialEnumerator = ENUMERATOR.exec(official)?.[0];
    if (enumerator !== undefined && enumerator !== officialEnumerator) continue;
    const score = similarity(words, official.replace(ENUMERATOR, ""));
    if (score > bestScore) {
      second = bestScore;
      bestScore = score;
      best = label;
    } else if (score > second) {
      second = score;
    }
  }
  return bestScore >= REWORDED_SIMILARITY && bestScore - second >= 0.1 ? best : undefined;
}
