/**
 * The three tables of the annual report as data: row and column keys, official labels, the label
 * variants seen in published reports, units and value domains. Everything else (the reader, the
 * rules, the narrative, the template writers, the pane) reads the tables from here; nothing else
 * spells a label.
 *
 * Source: ../shared/format/spec.md §3–§5 (2021 format) and §9 (2019 trial format), §10 (variants).
 */

/** Which of the three report tables. */
export type TableId = "T2" | "T3" | "T4";

/** The format a table follows: 国办公开办函〔2021〕30号, or the 2019 trial format (〔2019〕60号). */
export type FormatVersion = "2021" | "2019";

/**
 * What a data cell may hold.
 * - count: a whole number of 件, ≥ 0.
 * - amount: 万元, ≥ 0, decimals allowed (more than 4 suggests a 元 → 万元 slip).
 * - change: a whole number that may be negative (2019 本年增/减 only).
 */
export type ValueDomain = "count" | "amount" | "change";

/** A data column of a block. */
export interface ColumnDef {
  readonly key: string;
  readonly label: string;
  /** Labels seen in published reports for this column; accepted when reading, flagged by R9. */
  readonly variants?: readonly string[];
  readonly domain?: ValueDomain;
}

/** A data row of a block. `path` holds the group labels above the row (table 三 only). */
export interface RowDef {
  readonly key: string;
  readonly label: string;
  readonly variants?: readonly string[];
  readonly path?: readonly string[];
  /** Set on rows whose values are sums of other rows (（七）总计); templates write formulas there. */
  readonly total?: boolean;
}

/**
 * A block: a header row, the column labels, and the data rows. Table 二 has four blocks; tables 三
 * and 四 have one each. `columnHeaderLabel` is the label of the column that holds the row labels.
 */
export interface BlockDef {
  readonly key: string;
  readonly header?: string;
  readonly headerVariants?: readonly string[];
  readonly columnHeaderLabel?: string;
  readonly columns: readonly ColumnDef[];
  readonly rows: readonly RowDef[];
  readonly domain: ValueDomain;
}

/** One table in one format version. */
export interface TableDef {
  readonly id: TableId;
  readonly version: FormatVersion;
  /** The section heading that introduces the table in a report. */
  readonly title: string;
  readonly titleVariants?: readonly string[];
  readonly blocks: readonly BlockDef[];
  /** The total column of each row (table 三: 总计), if the table has one. */
  readonly totalColumn?: string;
}

// ---------------------------------------------------------------------------------------------
// Table 二, 2021

const T2_2021: TableDef = {
  id: "T2",
  version: "2021",
  title: "二、主动公开政府信息情况",
  titleVariants: ["二、主动公开政府政府情况", "主动公开政府信息情况"],
  blocks: [
    {
      key: "第二十条第（一）项",
      header: "第二十条第（一）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [
        { key: "制发", label: "本年制发件数", variants: ["本年发件", "本年制发件"] },
        { key: "废止", label: "本年废止件数", variants: ["本年废止件"] },
        {
          key: "现行有效",
          label: "现行有效件数",
          variants: ["现行有效件", "现行有效件数（历史累计）", "现行有效数量"],
        },
      ],
      rows: [
        { key: "规章", label: "规章" },
        { key: "行政规范性文件", label: "行政规范性文件", variants: ["规范性文件"] },
      ],
    },
    {
      key: "第二十条第（五）项",
      header: "第二十条第（五）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [{ key: "决定", label: "本年处理决定数量", variants: ["本年处理决定数"] }],
      rows: [{ key: "行政许可", label: "行政许可" }],
    },
    {
      key: "第二十条第（六）项",
      header: "第二十条第（六）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [{ key: "决定", label: "本年处理决定数量", variants: ["本年处理决定数"] }],
      rows: [
        { key: "行政处罚", label: "行政处罚" },
        { key: "行政强制", label: "行政强制" },
      ],
    },
    {
      key: "第二十条第（八）项",
      header: "第二十条第（八）项",
      columnHeaderLabel: "信息内容",
      domain: "amount",
      columns: [
        {
          key: "金额",
          label: "本年收费金额（单位：万元）",
          variants: ["本年收费金额（万元）", "本年收费金额(单位:万元)", "本年收费金额"],
        },
      ],
      rows: [{ key: "行政事业性收费", label: "行政事业性收费" }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Table 二, 2019 trial

const T2_2019: TableDef = {
  id: "T2",
  version: "2019",
  title: "二、主动公开政府信息情况",
  titleVariants: T2_2021.titleVariants,
  blocks: [
    {
      key: "第二十条第（一）项",
      header: "第二十条第（一）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [
        { key: "新制作", label: "本年新制作数量" },
        { key: "新公开", label: "本年新公开数量" },
        { key: "公开总数", label: "对外公开总数量" },
      ],
      rows: [
        { key: "规章", label: "规章" },
        { key: "规范性文件", label: "规范性文件" },
      ],
    },
    {
      key: "第二十条第（五）项",
      header: "第二十条第（五）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [
        { key: "上年项目", label: "上一年项目数量" },
        { key: "增减", label: "本年增/减", domain: "change", variants: ["本年增减"] },
        { key: "决定", label: "处理决定数量" },
      ],
      rows: [
        { key: "行政许可", label: "行政许可" },
        { key: "其他对外管理服务事项", label: "其他对外管理服务事项" },
      ],
    },
    {
      key: "第二十条第（六）项",
      header: "第二十条第（六）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [
        { key: "上年项目", label: "上一年项目数量" },
        { key: "增减", label: "本年增/减", domain: "change", variants: ["本年增减"] },
        { key: "决定", label: "处理决定数量" },
      ],
      rows: [
        { key: "行政处罚", label: "行政处罚" },
        { key: "行政强制", label: "行政强制" },
      ],
    },
    {
      key: "第二十条第（八）项",
      header: "第二十条第（八）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [
        { key: "上年项目", label: "上一年项目数量" },
        { key: "增减", label: "本年增/减", domain: "change", variants: ["本年增减"] },
      ],
      rows: [{ key: "行政事业性收费", label: "行政事业性收费" }],
    },
    {
      key: "第二十条第（九）项",
      header: "第二十条第（九）项",
      columnHeaderLabel: "信息内容",
      domain: "count",
      columns: [
        { key: "采购项目", label: "采购项目数量" },
        { key: "采购金额", label: "采购总金额", domain: "amount" },
      ],
      rows: [{ key: "政府集中采购", label: "政府集中采购" }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Table 三

/** The seven applicant columns of table 三, in the official order. */
export const T3_COLUMNS: readonly ColumnDef[] = [
  { key: "自然人", label: "自然人" },
  { key: "商业企业", label: "商业企业" },
  { key: "科研机构", label: "科研机构" },
  { key: "社会公益组织", label: "社会公益组织" },
  { key: "法律服务机构", label: "法律服务机构" },
  { key: "其他", label: "其他", variants: ["其它"] },
  { key: "总计", label: "总计" },
];

const RESULTS = "三、本年度办理结果";
const G3 = "（三）不予公开";
const G4 = "（四）无法提供";
const G5 = "（五）不予处理";
const G6 = "（六）其他处理";

const T3_HEAD_ROWS: readonly RowDef[] = [
  {
    key: "一",
    label: "一、本年新收政府信息公开申请数量",
    variants: ["一、本年新收政府信息公开申请"],
  },
  {
    key: "二",
    label: "二、上年结转政府信息公开申请数量",
    variants: ["二、上年结转政府信息公开申请"],
  },
  { key: "三(一)", label: "（一）予以公开", path: [RESULTS] },
  {
    key: "三(二)",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    variants: ["（二）部分公开"],
    path: [RESULTS],
  },
  { key: "三(三)1", label: "1.属于国家秘密", path: [RESULTS, G3] },
  { key: "三(三)2", label: "2.其他法律行政法规禁止公开", path: [RESULTS, G3] },
  {
    key: "三(三)3",
    label: "3.危及“三安全一稳定”",
    variants: ['3.危及"三安全一稳定"', "3.危及三安全一稳定"],
    path: [RESULTS, G3],
  },
  { key: "三(三)4", label: "4.保护第三方合法权益", path: [RESULTS, G3] },
  { key: "三(三)5", label: "5.属于三类内部事务信息", path: [RESULTS, G3] },
  { key: "三(三)6", label: "6.属于四类过程性信息", path: [RESULTS, G3] },
  { key: "三(三)7", label: "7.属于行政执法案卷", path: [RESULTS, G3] },
  { key: "三(三)8", label: "8.属于行政查询事项", path: [RESULTS, G3] },
  { key: "三(四)1", label: "1.本机关不掌握相关政府信息", path: [RESULTS, G4] },
  { key: "三(四)2", label: "2.没有现成信息需要另行制作", path: [RESULTS, G4] },
  { key: "三(四)3", label: "3.补正后申请内容仍不明确", path: [RESULTS, G4] },
  { key: "三(五)1", label: "1.信访举报投诉类申请", path: [RESULTS, G5] },
  { key: "三(五)2", label: "2.重复申请", path: [RESULTS, G5] },
  { key: "三(五)3", label: "3.要求提供公开出版物", path: [RESULTS, G5] },
  { key: "三(五)4", label: "4.无正当理由大量反复申请", path: [RESULTS, G5] },
  { key: "三(五)5", label: "5.要求行政机关确认或重新出具已获取信息", path: [RESULTS, G5] },
];

const T3_2021: TableDef = {
  id: "T3",
  version: "2021",
  title: "三、收到和处理政府信息公开申请情况",
  titleVariants: ["三、收到和处理政府信息公开的申请情况", "收到和处理政府信息公开申请情况"],
  totalColumn: "总计",
  blocks: [
    {
      key: "申请人情况",
      header: "申请人情况",
      domain: "count",
      columns: T3_COLUMNS,
      rows: [
        ...T3_HEAD_ROWS,
        {
          key: "三(六)1",
          label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
          path: [RESULTS, G6],
        },
        {
          key: "三(六)2",
          label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
          path: [RESULTS, G6],
        },
        { key: "三(六)3", label: "3.其他", variants: ["3.其它"], path: [RESULTS, G6] },
        { key: "三(七)", label: "（七）总计", path: [RESULTS], total: true },
        {
          key: "四",
          label: "四、结转下年度继续办理",
          variants: ["四、结转下年度继续办理数量"],
        },
      ],
    },
  ],
};

const T3_2019: TableDef = {
  ...T3_2021,
  version: "2019",
  blocks: [
    {
      ...T3_2021.blocks[0]!,
      rows: [
        ...T3_HEAD_ROWS,
        { key: "三(六)", label: "（六）其他处理", path: [RESULTS] },
        { key: "三(七)", label: "（七）总计", path: [RESULTS], total: true },
        { key: "四", label: "四、结转下年度继续办理" },
      ],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Table 四: logically 3 groups × 5 results; physically one row of 15 cells (see layout.ts).

/** The five result columns of each group of table 四. */
export const T4_COLUMNS: readonly ColumnDef[] = [
  { key: "维持", label: "结果维持" },
  { key: "纠正", label: "结果纠正" },
  { key: "其他", label: "其他结果", variants: ["其它结果"] },
  { key: "未结", label: "尚未审结" },
  { key: "总计", label: "总计" },
];

const T4_2021: TableDef = {
  id: "T4",
  version: "2021",
  title: "四、政府信息公开行政复议、行政诉讼情况",
  titleVariants: [
    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "四、政府信息公开行政复议行政诉讼情况",
    "四、政府信息公开被申请行政复议提起行政诉讼情况",
    "四、政府信息公开行政复议和行政诉讼情况",
  ],
  totalColumn: "总计",
  blocks: [
    {
      key: "复议诉讼",
      domain: "count",
      columns: T4_COLUMNS,
      rows: [
        { key: "复议", label: "行政复议" },
        { key: "直诉", label: "未经复议直接起诉", path: ["行政诉讼"] },
        { key: "复诉", label: "复议后起诉", path: ["行政诉讼"] },
      ],
    },
  ],
};

/** Every table definition the product knows, newest format first. */
export const TABLES: readonly TableDef[] = [T2_2021, T3_2021, T4_2021, T2_2019, T3_2019];

/** The definition of one table in one format; table 四 is the same in both formats. */
export function tableDef(id: TableId, version: FormatVersion = "2021"): TableDef {
  const found =
    TABLES.find((t) => t.id === id && t.version === version) ??
    TABLES.find((t) => t.id === id && t.version === "2021");
  if (found === undefined) throw new UnknownTableError(id, version);
  return found;
}

/** Thrown when code asks for a table that the model does not define (a programming error). */
export class UnknownTableError extends Error {
  constructor(
    readonly table: string,
    readonly version: string,
  ) {
    super(`no definition of table ${table} in format ${version}`);
    this.name = "UnknownTableError";
  }
}

/** A data cell of a table, by keys. T2's `row` is the row key (its block is implied). */
export interface CellKey {
  readonly table: TableId;
  readonly row: string;
  readonly column: string;
}

/**
 * The ids made so far, by table, row and column: a check asks for the same few hundred ids some
 * thousand times per report, and a look-up by the keys' own strings allocates nothing. Bounded,
 * since keys may come from anywhere.
 */
const CELL_IDS = new Map<string, Map<string, Map<string, string>>>();
const MAX_CACHED_IDS = 10_000;
let cachedIds = 0;

/** A stable string for a cell key, e.g. `T3/三(一)/自然人`; used as a map key. */
export function cellId(key: CellKey): string {
  const id = CELL_IDS.get(key.table)?.get(key.row)?.get(key.column);
  if (id !== undefined) return id;
  const made = `${key.table}/${key.row}/${key.column}`;
  if (cachedIds < MAX_CACHED_IDS) {
    cachedIds += 1;
    let rows = CELL_IDS.get(key.table);
    if (rows === undefined)
      CELL_IDS.set(key.table, (rows = new Map<string, Map<string, string>>()));
    let columns = rows.get(key.row);
    if (columns === undefined) rows.set(key.row, (columns = new Map<string, string>()));
    columns.set(key.column, made);
  }
  return made;
}

/** A data cell's definition with its block, for reading and validation. */
export interface DataCellDef extends CellKey {
  readonly block: BlockDef;
  readonly rowDef: RowDef;
  readonly columnDef: ColumnDef;
  readonly domain: ValueDomain;
}

/** Every data cell of a table in reading order (block by block, row by row, column by column). */
export function dataCells(def: TableDef): DataCellDef[] {
  const cells: DataCellDef[] = [];
  for (const block of def.blocks) {
    for (const rowDef of block.rows) {
      for (const columnDef of block.columns) {
        cells.push({
          table: def.id,
          row: rowDef.key,
          column: columnDef.key,
          block,
          rowDef,
          columnDef,
          domain: columnDef.domain ?? block.domain,
        });
      }
    }
  }
  return cells;
}

/** The leaf outcome rows of table 三 in a format (21 in 2021; 2019 has a single （六）). */
export function t3Leaves(version: FormatVersion = "2021"): string[] {
  return tableDef("T3", version)
    .blocks[0]!.rows.filter((r) => r.key.startsWith("三(") && r.total !== true)
    .map((r) => r.key);
}

/**
 * The outcome groups of table 三 and their leaf rows in a format: a narrative "不予公开N件" is the
 * sum of the group's leaves. （一） and （二） are groups of one row.
 */
export function t3Groups(
  version: FormatVersion = "2021",
): Readonly<Record<string, readonly string[]>> {
  const leaves = t3Leaves(version);
  const groups: Record<string, string[]> = {};
  for (const g of ["三(一)", "三(二)", "三(三)", "三(四)", "三(五)", "三(六)"]) {
    groups[g] = leaves.filter((k) => k === g || k.startsWith(g));
  }
  return groups;
}

/** The 21 leaf outcome rows of table 三 (2021), whose sum is （七）总计. */
export const T3_LEAVES: readonly string[] = t3Leaves("2021");

/** The outcome groups of table 三 (2021) and their leaf rows. */
export const T3_GROUPS: Readonly<Record<string, readonly string[]>> = t3Groups("2021");

/** The applicant columns of table 三 without 总计. */
export const T3_APPLICANTS: readonly string[] = T3_COLUMNS.filter((c) => c.key !== "总计").map(
  (c) => c.key,
);
