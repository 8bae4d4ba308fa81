/**
 * The level of the reporting agency, which decides whether it may make 规章 (R7) and how it refers
 * to itself in the narrative. Inferred from a name only where the name is unambiguous.
 */

/** Agency levels as in the transcribed cases (examples/README.md). */
export type AgencyLevel =
  | "township"
  | "county-dept"
  | "county-gov"
  | "county-gov-office"
  | "city-dept"
  | "city-gov"
  | "city-gov-office"
  | "province"
  | "state-council-dept";

export const AGENCY_LEVELS: readonly AgencyLevel[] = [
  "township",
  "county-dept",
  "county-gov",
  "county-gov-office",
  "city-dept",
  "city-gov",
  "city-gov-office",
  "province",
  "state-council-dept",
];

/**
 * Levels that can never make 规章 (立法法第九十三条: only 国务院部门, 省级 and 设区的市/自治州
 * 人民政府 can). City departments are left out: some reports list 规章 they drafted for the city.
 */
export const NO_RULEMAKING: ReadonlySet<AgencyLevel> = new Set<AgencyLevel>([
  "township",
  "county-dept",
  "county-gov",
  "county-gov-office",
]);

/**
 * The level a name implies, or undefined. 街道/镇/乡 are townships; a 县 or a 区 under a 市 is
 * county level. A bare "X市" is not inferred: 县级市 and 设区的市 look the same.
 */
export function inferAgencyLevel(name: string): AgencyLevel | undefined {
  const n = name.replace(/\s+/gu, "");
  if (/自治区|特别行政区|省/u.test(n) && !/[市州盟].*[县区旗]/u.test(n)) return undefined;
  if (/(街道|镇|乡)(人民政府|办事处|政府)?$|街道办事处|(镇|乡)人民政府/u.test(n)) return "township";
  if (/[县区](人民政府)?办公室$/u.test(n)) return "county-gov-office";
  if (/[县区]人民政府$/u.test(n)) return "county-gov";
  if (/[县区].{1,16}(局|委员会|委|办公室|办|中心|院)$/u.test(n)) return "county-dept";
  return undefined;
}

/** Whether a level may report 规章; undefined when the level is not known. */
export function mayMakeRules(level: AgencyLevel | undefined): boolean | undefined {
  if (level === undefined) return undefined;
  return !NO_RULEMAKING.has(level);
}
