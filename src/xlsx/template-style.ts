/**
 * The look of a written template, by the plan's style roles: thin borders on every table cell,
 * light grey headers, light yellow unlocked input cells, grey locked formula totals, wrapped text,
 * 宋体. Also the fills of the highlight rules by severity. Host-specific, so it lives here and not
 * in the plan.
 */
import {
  EXPLAINED_COLOURS as CORE_EXPLAINED,
  HIGHLIGHT_COLOURS as CORE_COLOURS,
} from "../core/template/highlights";
import type { Alignment, Borders, Fill, Font, Style } from "exceljs";
import type { PlannedCell } from "../core/template/plan";
import type { Severity } from "../core/rules/finding";

/** The font of table cells: 宋体 is on every Chinese Windows; LibreOffice substitutes a CJK serif. */
export const TABLE_FONT = "宋体";

const THIN: Partial<Borders> = {
  top: { style: "thin", color: { argb: "FF000000" } },
  left: { style: "thin", color: { argb: "FF000000" } },
  bottom: { style: "thin", color: { argb: "FF000000" } },
  right: { style: "thin", color: { argb: "FF000000" } },
};

function solid(argb: string): Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb }, bgColor: { argb } };
}

function font(size: number, extra: Partial<Font> = {}): Partial<Font> {
  return { name: TABLE_FONT, size, ...extra };
}

const CENTER: Partial<Alignment> = { horizontal: "center", vertical: "middle", wrapText: true };

/** The exceljs style of a planned cell's role. */
export function roleStyle(role: PlannedCell["role"]): Partial<Style> {
  switch (role) {
    case "title":
      return {
        font: font(12, { bold: true }),
        alignment: { horizontal: "left", vertical: "middle" },
      };
    case "header":
      return {
        font: font(10, { bold: true }),
        alignment: CENTER,
        border: THIN,
        fill: solid("FFE7E6E6"),
      };
    case "label":
      return {
        font: font(10),
        alignment: { horizontal: "left", vertical: "middle", wrapText: true },
        border: THIN,
      };
    case "note":
      return { font: font(9), alignment: CENTER, border: THIN };
    case "input":
      return {
        font: font(10),
        alignment: { horizontal: "center", vertical: "middle" },
        border: THIN,
        fill: solid("FFFFF9DB"),
        protection: { locked: false },
      };
    case "total":
      return {
        font: font(10, { bold: true }),
        alignment: { horizontal: "center", vertical: "middle" },
        border: THIN,
        fill: solid("FFF2F2F2"),
        protection: { locked: true },
      };
    case "stamp":
      return {
        font: font(8, { italic: true, color: { argb: "FF808080" } }),
        alignment: { horizontal: "left" },
      };
  }
}

/** The style of the report title line above a table. */
export const REPORT_TITLE_STYLE: Partial<Style> = {
  font: font(14, { bold: true }),
  alignment: { horizontal: "center", vertical: "middle" },
};

/** The core's highlight colours as ARGB, the form .xlsx styles take. */
export const HIGHLIGHT_COLOURS: Readonly<Record<Severity, { fill: string; font: string }>> = {
  error: argb(CORE_COLOURS.error),
  warning: argb(CORE_COLOURS.warning),
  info: argb(CORE_COLOURS.info),
};

/** The explained findings' quieter mark as ARGB. */
export const EXPLAINED_COLOURS: { readonly fill: string; readonly font: string } =
  argb(CORE_EXPLAINED);

function argb(colours: { fill: string; font: string }): { fill: string; font: string } {
  return { fill: `FF${colours.fill.slice(1)}`, font: `FF${colours.font.slice(1)}` };
}
