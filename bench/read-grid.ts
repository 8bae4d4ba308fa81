/**
 * Bench: how long locateTables takes on a large sheet — 10,000 rows × 50 columns of noise
 * (numbers, Chinese and ASCII text, blanks) with tables 二, 三 and 四 of the seed report embedded.
 * The grid is the same on every run (seeded pseudo-random noise); the figure is the median of
 * several runs after one warm-up run.
 */
import type { Grid, RawCell } from "../src/core/model/figures";
import { officialLayout, renderLayout } from "../src/core/model/layout";
import { cellId, type CellKey, type TableId } from "../src/core/model/tables";
import { locateTables } from "../src/core/read/locate";
import { seedTables } from "../test/helpers/build";

/** What the bench measured. */
export interface ReadGridBench {
  rows: number;
  columns: number;
  milliseconds: number;
  tablesFound: number;
}

const ROWS = 10_000;
const COLUMNS = 50;
const RUNS = 5;

/** The seed report's figures by cellId (from its transcription, as the tests read it). */
export function seedFigures(): Map<string, RawCell> {
  const figures = new Map<string, RawCell>();
  for (const table of seedTables()) for (const [id, cell] of table.cells) figures.set(id, cell.raw);
  return figures;
}

/** A small deterministic pseudo-random generator (mulberry32). */
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

const CHINESE =
  "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严";

function noiseText(random: () => number): string {
  if (random() < 0.3) {
    const letters = "abcdefghijklmnopqrstuvwxyz ";
    let word = "";
    const length = 3 + Math.floor(random() * 12);
    for (let i = 0; i < length; i += 1)
      word += letters[Math.floor(random() * letters.length)] ?? "a";
    return word;
  }
  let text = "";
  const length = 2 + Math.floor(random() * 14);
  for (let i = 0; i < length; i += 1)
    text += CHINESE[Math.floor(random() * CHINESE.length)] ?? "的";
  return text;
}

/** The bench grid and where its tables were put. */
export function buildBenchGrid(): Grid {
  const random = generator(20240101);
  // Sheets repeat their texts; 50,000 different ones still defeat any cache of the reader's.
  const texts = Array.from({ length: 50_000 }, () => noiseText(random));
  const values: RawCell[][] = [];
  for (let r = 0; r < ROWS; r += 1) {
    const row: RawCell[] = [];
    for (let c = 0; c < COLUMNS; c += 1) {
      const x = random();
      if (x < 0.35) row.push(Math.floor(random() * 100_000) / (random() < 0.2 ? 100 : 1));
      else if (x < 0.7) row.push(texts[Math.floor(random() * texts.length)] ?? null);
      else row.push(null);
    }
    values.push(row);
  }
  const figures = seedFigures();
  const value = (key: CellKey): RawCell => figures.get(cellId(key)) ?? null;
  const embed = (table: TableId, top: number, left: number): void => {
    const grid = renderLayout(officialLayout(table), value);
    const height = grid.values.length;
    const width = grid.values[0]?.length ?? 0;
    // One blank cell all round, as a sheet usually leaves.
    for (let r = top - 1; r <= top + height; r += 1) {
      for (let c = left - 1; c <= left + width; c += 1) {
        const row = values[r];
        if (row !== undefined && c >= 0 && c < COLUMNS) row[c] = null;
      }
    }
    grid.values.forEach((line, r) => {
      line.forEach((cell, c) => {
        const row = values[top + r];
        if (row !== undefined) row[left + c] = cell;
      });
    });
  };
  embed("T2", 1_200, 3);
  embed("T3", 5_000, 20);
  embed("T4", 8_700, 30);
  return { sheet: "Sheet1", origin: "A1", values };
}

/** Times locateTables on the bench grid: the median of several runs after a warm-up. */
export function benchReadGrid(): ReadGridBench {
  const grid = buildBenchGrid();
  let tablesFound = locateTables(grid).length;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    tablesFound = locateTables(grid).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const milliseconds = Math.round((times[Math.floor(times.length / 2)] ?? 0) * 10) / 10;
  return { rows: ROWS, columns: COLUMNS, milliseconds, tablesFound };
}
