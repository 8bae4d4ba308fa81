/**
 * The part of the office-js Excel object model that the adapter uses, as plain interfaces. The real
 * `Excel.run` is assignable to `RunBatch` (checked where the pane is wired to office.js), and the
 * workbook double used by tests implements the same interfaces, so the adapter never touches a
 * global. It cannot describe behaviour: which calls need `load` + `sync()` first is office-js's
 * contract, modelled by the double and checked by the office-addins lint rules.
 */

/** A cell value as Excel hands it over: "" for empty cells, error values as text ("#N/A"). */
export type HostCellValue = string | number | boolean;

/** The proxy object base: `load` queues a read, `isNullObject` is valid after a sync. */
export interface HostObject {
  readonly isNullObject: boolean;
}

export interface HostRangeFill {
  color: string;
  clear(): void;
}

export interface HostRangeFont {
  bold: boolean;
  color: string;
}

export interface HostRangeBorder {
  style:
    "None" | "Continuous" | "Dash" | "DashDot" | "DashDotDot" | "Dot" | "Double" | "SlantDashDot";
  color: string;
}

export type HostBorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

export interface HostRangeBorders {
  getItem(index: HostBorderIndex): HostRangeBorder;
}

export interface HostRangeFormat {
  readonly fill: HostRangeFill;
  readonly font: HostRangeFont;
  readonly borders: HostRangeBorders;
  readonly protection: { locked: boolean };
  columnWidth: number;
  rowHeight: number;
  wrapText: boolean;
  horizontalAlignment:
    | "General"
    | "Left"
    | "Center"
    | "Right"
    | "Fill"
    | "Justify"
    | "CenterAcrossSelection"
    | "Distributed";
  verticalAlignment: "Top" | "Center" | "Bottom" | "Justify" | "Distributed";
  autofitRows(): void;
}

export interface HostConditionalRangeFormat {
  readonly fill: { color: string };
  readonly font: { color: string };
}

export interface HostCustomConditionalFormat extends HostObject {
  readonly rule: { formula: string };
  readonly format: HostConditionalRangeFormat;
}

export interface HostConditionalFormat extends HostObject {
  /** "The priority of the conditional format in the current collection" (ExcelApi 1.6). */
  readonly id: string;
  readonly type: string;
  readonly custom: HostCustomConditionalFormat;
  readonly customOrNullObject: HostCustomConditionalFormat;
  stopIfTrue: boolean;
  delete(): void;
  getRangeOrNullObject(): HostRange;
  load(propertyNames?: string | string[]): HostConditionalFormat;
}

export interface HostConditionalFormatCollection {
  readonly items: HostConditionalFormat[];
  add(type: "Custom"): HostConditionalFormat;
  /** The format with this id (its priority position) at the time the request runs. */
  getItem(id: string): HostConditionalFormat;
  load(propertyNames?: string | string[]): HostConditionalFormatCollection;
}

export interface HostDataValidationRule {
  wholeNumber?: { formula1: unknown; operator: string };
  decimal?: { formula1: unknown; operator: string };
  custom?: { formula: string };
}

export interface HostDataValidation {
  rule: HostDataValidationRule;
  prompt: { showPrompt: boolean; title: string; message: string };
  errorAlert: {
    showAlert: boolean;
    style: "Stop" | "Warning" | "Information";
    title: string;
    message: string;
  };
  ignoreBlanks: boolean;
  /** Removes the range's data validation (ExcelApi 1.8). */
  clear(): void;
}

export interface HostRange extends HostObject {
  readonly address: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly cellCount: number;
  values: HostCellValue[][];
  formulas: HostCellValue[][];
  /** The values as their number formats show them ("12.5%", "2024-01-01"): ExcelApi 1.1. */
  readonly text: string[][];
  numberFormat: string[][];
  readonly format: HostRangeFormat;
  readonly conditionalFormats: HostConditionalFormatCollection;
  readonly dataValidation: HostDataValidation;
  readonly worksheet: HostWorksheet;
  load(propertyNames?: string | string[]): HostRange;
  getCell(row: number, column: number): HostRange;
  getIntersectionOrNullObject(anotherRange: HostRange | string): HostRange;
  /** ExcelApi 1.2 (index.d.ts 39203). */
  getResizedRange(deltaRows: number, deltaColumns: number): HostRange;
  /** ExcelApi 1.13: the merged areas that intersect the range. */
  getMergedAreasOrNullObject(): HostRangeAreas;
  merge(across?: boolean): void;
  unmerge(): void;
  clear(applyTo?: "All" | "Formats" | "Contents"): void;
  select(): void;
}

/** Several rectangles at once (ExcelApi 1.9): used only where the host has it. */
export interface HostRangeAreas extends HostObject {
  readonly address: string;
  /** The number of rectangles (ExcelApi 1.9). */
  readonly areaCount: number;
  load(propertyNames?: string | string[]): HostRangeAreas;
  select(): void;
}

export interface HostNamedItem extends HostObject {
  readonly name: string;
  readonly type: string;
  readonly value: unknown;
  readonly visible: boolean;
  getRangeOrNullObject(): HostRange;
  delete(): void;
  load(propertyNames?: string | string[]): HostNamedItem;
}

export interface HostNamedItemCollection {
  readonly items: HostNamedItem[];
  add(name: string, reference: HostRange | string, comment?: string): HostNamedItem;
  getItemOrNullObject(name: string): HostNamedItem;
  load(propertyNames?: string | string[]): HostNamedItemCollection;
}

export interface HostWorksheetProtection {
  readonly protected: boolean;
  load(propertyNames?: string | string[]): HostWorksheetProtection;
}

export interface HostWorksheet extends HostObject {
  name: string;
  /** Stable for the sheet's life, across renames (office-js `Worksheet.id`). */
  readonly id: string;
  readonly position: number;
  readonly visibility: string;
  readonly names: HostNamedItemCollection;
  readonly protection: HostWorksheetProtection;
  activate(): void;
  delete(): void;
  getRange(address?: string): HostRange;
  getRanges(address?: string): HostRangeAreas;
  getUsedRange(valuesOnly?: boolean): HostRange;
  load(propertyNames?: string | string[]): HostWorksheet;
}

export interface HostWorksheetCollection {
  readonly items: HostWorksheet[];
  add(name?: string): HostWorksheet;
  getActiveWorksheet(): HostWorksheet;
  getItemOrNullObject(key: string): HostWorksheet;
  load(propertyNames?: string | string[]): HostWorksheetCollection;
}

export interface HostSetting extends HostObject {
  readonly key: string;
  readonly value: unknown;
  load(propertyNames?: string | string[]): HostSetting;
}

export interface HostSettingCollection {
  add(key: string, value: string | number | boolean): HostSetting;
  getItemOrNullObject(key: string): HostSetting;
}

export interface HostApplication {
  suspendApiCalculationUntilNextSync(): void;
}

/** A custom XML part (ExcelApi 1.5): kept in the file, shared by every add-in instance. */
export interface HostCustomXmlPart extends HostObject {
  readonly id: string;
  getXml(): { readonly value: string };
  setXml(xml: string): void;
  delete(): void;
  load(propertyNames?: string | string[]): HostCustomXmlPart;
}

export interface HostCustomXmlPartScopedCollection {
  readonly items: HostCustomXmlPart[];
  load(propertyNames?: string | string[]): HostCustomXmlPartScopedCollection;
}

export interface HostCustomXmlPartCollection {
  add(xml: string): HostCustomXmlPart;
  getByNamespace(namespaceUri: string): HostCustomXmlPartScopedCollection;
  getItemOrNullObject(id: string): HostCustomXmlPart;
}

export interface HostWorkbook {
  readonly worksheets: HostWorksheetCollection;
  readonly settings: HostSettingCollection;
  readonly application: HostApplication;
  /** ExcelApi 1.5. */
  readonly customXmlParts: HostCustomXmlPartCollection;
  /** Throws when several areas are selected (index.d.ts 37045). */
  getSelectedRange(): HostRange;
  /** ExcelApi 1.9: every selected area. */
  getSelectedRanges(): HostRangeAreas;
}

/** What `Excel.run` hands its callback: the workbook and the one asynchronous call. */
export interface HostContext {
  readonly workbook: HostWorkbook;
  sync(): Promise<unknown>;
}

/** `Excel.run`, or the double's equivalent. */
export type RunBatch = <T>(batch: (context: HostContext) => Promise<T>) => Promise<T>;

/** Which optional API sets the host offers (from `Office.context.requirements`). */
export interface HostCapabilities {
  /** ExcelApi 1.9: `getRanges` for multi-area selection. */
  readonly rangeAreas: boolean;
  /** ExcelApi 1.13: `getMergedAreasOrNullObject`, to refuse inserting over merged cells. */
  readonly mergedAreas: boolean;
  /** ExcelApi 1.5: custom XML parts, where the report's settings are kept for every copy. */
  readonly customXml?: boolean;
}
