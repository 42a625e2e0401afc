/**
 * An in-memory emulation of the SpreadsheetApp / HtmlService subset the add-in uses,
 * for the sheet tests, the `npm start` playground and the benchmark. It is strict where
 * Apps Script is (1-based ranges, dimension checks with Apps Script's messages, new
 * sheets of 1,000 × 26, duplicate sheet names) and counts every call the script makes.
 *
 * Stable API (other tools import these names):
 *   createWorkbook(options?)        → Workbook (a fresh workbook, default one sheet "Sheet1")
 *   deserializeWorkbook(data, opts) → Workbook (from Workbook.serialize())
 *   Workbook.services               the globals to pass to loadBundle():
 *                                   { SpreadsheetApp, HtmlService, Charts }
 *   Workbook inspection (never counted as calls):
 *     sheetNames(), activeSheetName(), sheetSize(name), frozenRows(name), metadata(name),
 *     values(name), formulas(name), numberFormats(name), fontWeights(name),
 *     backgrounds(name), fills(name), charts(name), dataValidations(name), protections(name),
 *     columnWidths(name), cell(name, a1), snapshot(name), fingerprint(name),
 *     menus(), shown(), sidebarHtml(), alerts(), toasts(),
 *     callCount(), callLog(), resetCalls(), endExecution(), failAtCall(n, kind?), setAuthMode(mode),
 *     documentAccesses(), serialize(), lockHolder(), onLockReleased(listener)
 *   Workbook.typeInto(name, a1, text): what a user typing into a cell gets (validation applies).
 *   Workbook.meetsValidation(name, row, column), validationRangeValues("Sheet!A5:A"): a cell
 *     checked against its rule, and the values a range rule offers (the playground's dropdowns).
 *   Workbook setup (never counted): addSheet(name), write(name, a1, rows), setCachedValues(name, rows)
 *   toHyperFormula(workbook) / recalculate(workbook) live in emulator/hyperformula.ts.
 *   formulaEntryCount(cell)         how many times a formula was entered into a raw cell
 *                                   (Sheets recomputes a custom function when it is), counting
 *                                   only what flush() or the script's end applies
 * Spreadsheet.createTextFinder (emulator/text-finder.ts) finds and replaces over every sheet.
 * Every grid returned by the inspection helpers covers the sheet's data range (A1 to the
 * last row and column with content), as getDataRange() would.
 */
import { EmulatedConditionalFormatRuleBuilder } from './conditional-format';
import type { ConditionalFormatRecord } from './conditional-format';
import path from 'node:path';
import { CallCounter } from './calls';
import type { FaultKind } from './calls';
import { applyPendingWrites, emptyCell, parseA1, writeValue } from './cells';
import type { Cell, CellValue, ValidationRecord } from './cells';
import { EmulatedSheet, EmulatedSpreadsheet } from './spreadsheet';
import type {
  ChartRecord,
  MetadataRecord,
  ProtectionRecord,
  SheetData,
  ToastRecord,
  WorkbookState,
} from './spreadsheet';
import { EmulatedDataValidationBuilder, meetsRule } from './validation';
import { createLockService, formatDate } from './services';
import type { LockServiceEmulation, LockState, UtilitiesEmulation } from './services';
import { createHtmlService, EmulatedUi } from './ui';
import type { HtmlServiceEmulation, MenuRecord, ShownHtml, UiLog } from './ui';

/** The message of an injected fault (Apps Script's own for a failed Spreadsheet call). */
export { SERVICE_FAILURE } from './calls';
export {
  DEFAULT_NUMBER_FORMAT,
  NUM_ERROR,
  columnLetter,
  columnNumber,
  formulaEntryCount,
} from './cells';
export type { Cell, CellValue, ValidationRecord } from './cells';
export type { FaultKind } from './calls';
export { NEW_SHEET_COLUMNS, NEW_SHEET_ROWS, EmulatedRange, EmulatedSheet } from './spreadsheet';
export type {
  ChartRecord,
  MetadataRecord,
  ProtectionRecord,
  SheetData,
  ToastRecord,
} from './spreadsheet';
export type { MenuRecord, ShownHtml } from './ui';

/** Apps Script's authorization modes; in NONE a script may build menus but not open the document. */
export type AuthMode = 'NONE' | 'LIMITED' | 'FULL';

export interface WorkbookOptions {
  /** Sheets the workbook starts with (default ["Sheet1"]); ignored when deserializing. */
  readonly sheets?: readonly string[];
  readonly title?: string;
  /** HTML files by name (without .html), looked up before `distDir`. */
  readonly htmlFiles?: Readonly<Record<string, string>>;
  /** Where createHtmlOutputFromFile finds NAME.html; default the repository's dist/. */
  readonly distDir?: string;
  readonly authMode?: AuthMode;
  /** The spreadsheet's time zone (default "America/New_York", a new sheet's usual zone). */
  readonly timeZone?: string;
  /** The spreadsheet's locale (default en_US); "de_DE" models a locale whose formulas use ";". */
  readonly locale?: string;
  /** The size of the sheets insertSheet makes (default Sheets' 1,000 × 26). */
  readonly newSheetSize?: { readonly rows: number; readonly columns: number };
}

/** The globals the add-in's code sees (pass to loadBundle). */
export interface WorkbookServices extends Record<string, unknown> {
  readonly SpreadsheetApp: SpreadsheetAppEmulation;
  readonly HtmlService: HtmlServiceEmulation;
  readonly Charts: { readonly ChartType: Readonly<Record<string, string>> };
  readonly LockService: LockServiceEmulation;
  readonly Utilities: UtilitiesEmulation;
}

export interface SpreadsheetAppEmulation {
  getActiveSpreadsheet(): EmulatedSpreadsheet;
  getActive(): EmulatedSpreadsheet;
  getUi(): EmulatedUi;
  flush(): void;
  newDataValidation(): EmulatedDataValidationBuilder;
  newConditionalFormatRule(): EmulatedConditionalFormatRuleBuilder;
}

/** A sheet's contents as three grids over its data range. */
export interface SheetSnapshot {
  readonly values: CellValue[][];
  readonly formulas: string[][];
  readonly numberFormats: string[][];
}

export interface SerializedWorkbook {
  readonly version: 1;
  readonly title: string;
  readonly activeSheet: string | null;
  readonly nextSheetId: number;
  readonly sheets: SheetData[];
}

export interface Workbook {
  readonly services: WorkbookServices;
  sheetNames(): string[];
  activeSheetName(): string | null;
  sheetSize(name: string): { rows: number; columns: number };
  frozenRows(name: string): number;
  values(name: string): CellValue[][];
  formulas(name: string): string[][];
  numberFormats(name: string): string[][];
  fontWeights(name: string): string[][];
  backgrounds(name: string): string[][];
  /** True where a script set a fill (even white); false where the cell has none. */
  fills(name: string): boolean[][];
  charts(name: string): ChartRecord[];
  /** The developer metadata on a sheet, copies. */
  metadata(name: string): MetadataRecord[];
  dataValidations(name: string): (ValidationRecord | null)[][];
  protections(name: string): ProtectionRecord[];
  /** The sheet's conditional format rules, as setConditionalFormatRules last set them. */
  conditionalFormats(name: string): ConditionalFormatRecord[];
  /** Widths set by the script, by column number (1-based); unset columns are absent. */
  columnWidths(name: string): Record<number, number>;
  /**
   * A user typing `text` into a cell: read as Sheets reads typing, then checked against the
   * cell's validation. A rule that rejects invalid data throws its help text (as Sheets
   * shows it); otherwise the value is written and whether it met the rule is returned.
   */
  typeInto(name: string, a1: string, text: string): { valid: boolean; helpText: string };
  /**
   * Whether a cell's current value meets its validation rule (true without a rule; a
   * formula's result is not checked), and the values a range rule's range offers.
   */
  meetsValidation(name: string, row: number, column: number): boolean;
  /** The values of a VALUE_IN_RANGE rule's range ("Sheet!A5:A"), row by row. */
  validationRangeValues(notation: string): unknown[];
  /** One cell by A1 notation ("B5"), a copy. */
  cell(name: string, a1: string): Cell;
  snapshot(name: string): SheetSnapshot;
  /** A string that changes when anything in the sheet changes (cells, formats, size, charts). */
  fingerprint(name: string): string;
  menus(): MenuRecord[];
  shown(): ShownHtml[];
  /** The HTML of the last sidebar shown, if any. */
  sidebarHtml(): string | undefined;
  alerts(): string[];
  toasts(): ToastRecord[];
  callCount(): number;
  callLog(): string[];
  resetCalls(): void;
  /**
   * The script's execution ended: Apps Script applies the writes it had bundled (see
   * formulaEntryCount). Not a call; the test harness calls it after each global it runs.
   */
  endExecution(): void;
  /**
   * The nth call from now (1-based) throws SERVICE_FAILURE: once before it takes effect
   * (default), from then on ('outage'), or after it took effect ('afterEffect'); 0 turns it off.
   */
  failAtCall(n: number, kind?: FaultKind): void;
  /** Which execution's lock holds the document lock (an id), or null. */
  lockHolder(): number | null;
  /** Runs `listener` once, right after the document lock is next released. */
  onLockReleased(listener: () => void): void;
  setAuthMode(mode: AuthMode): void;
  /** How many times the script opened the document (getActiveSpreadsheet / getActive). */
  documentAccesses(): number;
  serialize(): SerializedWorkbook;
  /** Setup: adds an empty sheet (not counted). */
  addSheet(name: string): void;
  /** Setup: writes rows from `a1` with setValues' rules (not counted); adds the sheet if missing. */
  write(name: string, a1: string, rows: readonly (readonly unknown[])[]): void;
  /** Stores computed values for formula cells from A1 (what recalculate() uses). */
  setCachedValues(name: string, rows: readonly (readonly CellValue[])[]): void;
  /** The raw sheet object (its methods count as calls). */
  rawSheet(name: string): EmulatedSheet;
}

const CHART_TYPES = [
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'RADAR',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
];

const DEFAULT_DIST = path.join(__dirname, '..', 'dist');

export function createWorkbook(options: WorkbookOptions = {}): Workbook {
  return build(options, undefined);
}

export function deserializeWorkbook(
  data: SerializedWorkbook,
  options: WorkbookOptions = {},
): Workbook {
  if (!data || data.version !== 1 || !Array.isArray(data.sheets)) {
    throw new Error('Not a serialized workbook (expected version 1 with sheets).');
  }
  return build(options, data);
}

function build(options: WorkbookOptions, data: SerializedWorkbook | undefined): Workbook {
  const calls = new CallCounter();
  const state: WorkbookState = {
    calls,
    sheets: [],
    active: undefined,
    nextSheetId: 1,
    timeZone: options.timeZone ?? 'America/New_York',
    locale: options.locale ?? 'en_US',
    newSheetSize: options.newSheetSize,
    toasts: [],
  };
  const lock: LockState = { holder: null, nextId: 1, released: [] };
  const title = data?.title ?? options.title ?? 'Emulated spreadsheet';
  if (data) {
    state.nextSheetId = data.nextSheetId;
    for (const sheet of data.sheets) state.sheets.push(EmulatedSheet.fromData(state, sheet));
    state.active = state.sheets.find((sheet) => sheet.name === data.activeSheet) ?? state.sheets[0];
  } else {
    for (const name of options.sheets ?? ['Sheet1']) {
      state.sheets.push(new EmulatedSheet(state, name, state.nextSheetId++));
    }
    state.active = state.sheets[0];
  }
  const log: UiLog = { menus: [], shown: [], alerts: [] };
  const spreadsheet = new EmulatedSpreadsheet(state, title);
  const ui = new EmulatedUi(calls, log);
  let authMode: AuthMode = options.authMode ?? 'FULL';
  let accesses = 0;

  const openDocument = (method: string): EmulatedSpreadsheet => {
    calls.tick(`SpreadsheetApp.${method}`);
    if (authMode === 'NONE') {
      throw new Error(
        `You do not have permission to call SpreadsheetApp.${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets.currentonly`,
      );
    }
    accesses++;
    return spreadsheet;
  };

  /** Applies every cell's pending writes, as flush() and the end of a script do. */
  const applyAll = (): void => {
    for (const sheet of state.sheets) applyPendingWrites(sheet.cells.values());
  };

  const SpreadsheetApp: SpreadsheetAppEmulation = {
    getActiveSpreadsheet: () => openDocument('getActiveSpreadsheet'),
    getActive: () => openDocument('getActive'),
    getUi: () => {
      calls.tick('SpreadsheetApp.getUi');
      return ui;
    },
    flush: () => {
      calls.tick('SpreadsheetApp.flush');
      applyAll();
    },
    newDataValidation: () => {
      calls.tick('SpreadsheetApp.newDataValidation');
      return new EmulatedDataValidationBuilder();
    },
    newConditionalFormatRule: () => {
      calls.tick('SpreadsheetApp.newConditionalFormatRule');
      return new EmulatedConditionalFormatRuleBuilder();
    },
  };
  const chartTypes: Record<string, string> = {};
  for (const type of CHART_TYPES) chartTypes[type] = type;
  const services: WorkbookServices = {
    SpreadsheetApp,
    HtmlService: createHtmlService(calls, options.htmlFiles ?? {}, options.distDir ?? DEFAULT_DIST),
    Charts: { ChartType: Object.freeze(chartTypes) },
    LockService: createLockService(lock),
    Utilities: { formatDate },
  };

  const sheet = (name: string): EmulatedSheet => {
    const found = state.sheets.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`The workbook has no sheet named "${name}".`);
    return found;
  };
  /** A "Sheet!A1:B9" range's values, for a VALUE_IN_RANGE rule (open-ended "A4:A" too). */
  const rangeSource = (
    notation: string,
  ): { describe(): { sheet: string; a1: string }; peekValues(): unknown[][] } | undefined => {
    const bang = notation.lastIndexOf('!');
    const target = state.sheets.find((candidate) => candidate.name === notation.slice(0, bang));
    if (!target) return undefined;
    const a1 = notation.slice(bang + 1);
    const open = /^([A-Z]+)(\d+):([A-Z]+)$/i.exec(a1);
    const area = open
      ? parseA1(`${open[1]}${open[2]}:${open[3]}${Math.max(Number(open[2]), target.maxRows)}`)
      : parseA1(a1);
    return {
      describe: () => ({ sheet: target.name, a1 }),
      peekValues: () => {
        const rows: unknown[][] = [];
        for (let r = 0; r < area.numRows; r++) {
          const row: unknown[] = [];
          for (let c = 0; c < area.numColumns; c++)
            row.push(target.peek(area.row + r, area.column + c)?.value ?? '');
          rows.push(row);
        }
        return rows;
      },
    };
  };
  const grid = <T>(name: string, read: (cell: Cell) => T): T[][] => {
    const target = sheet(name);
    const { lastRow, lastColumn } = target.extent();
    const rows: T[][] = [];
    for (let r = 1; r <= Math.max(1, lastRow); r++) {
      const row: T[] = [];
      for (let c = 1; c <= Math.max(1, lastColumn); c++) {
        row.push(read(target.peek(r, c) ?? emptyCell()));
      }
      rows.push(row);
    }
    return rows;
  };

  const workbook: Workbook = {
    services,
    sheetNames: () => state.sheets.map((s) => s.name),
    activeSheetName: () => state.active?.name ?? null,
    sheetSize: (name) => ({ rows: sheet(name).maxRows, columns: sheet(name).maxColumns }),
    frozenRows: (name) => sheet(name).frozenRows,
    values: (name) => grid(name, (cell) => cell.value),
    formulas: (name) => grid(name, (cell) => cell.formula),
    numberFormats: (name) => grid(name, (cell) => cell.numberFormat),
    fontWeights: (name) => grid(name, (cell) => cell.fontWeight),
    backgrounds: (name) => grid(name, (cell) => cell.background),
    fills: (name) => grid(name, (cell) => cell.filled),
    charts: (name) => sheet(name).charts.map((chart) => JSON.parse(JSON.stringify(chart))),
    metadata: (name) => sheet(name).metadata.map((record) => ({ ...record })),
    dataValidations: (name) => grid(name, (cell) => cell.validation),
    protections: (name) =>
      sheet(name).protections.map((record) => ({
        ...record,
        unprotected: record.unprotected.slice(),
      })),
    conditionalFormats: (name) =>
      sheet(name).conditionalFormats.map((rule) => ({ ...rule, ranges: rule.ranges.slice() })),
    columnWidths: (name) => Object.fromEntries(sheet(name).columnWidths),
    meetsValidation: (name, row, column) => {
      const cell = sheet(name).peek(row, column);
      const rule = cell?.validation;
      if (!cell || !rule || cell.formula !== '') return true;
      const source =
        rule.criteria === 'VALUE_IN_RANGE' ? rangeSource(String(rule.args[0])) : undefined;
      return meetsRule(rule, cell.value, source);
    },
    validationRangeValues: (notation) => rangeSource(notation)?.peekValues().flat() ?? [],
    typeInto: (name, a1, text) => {
      const target = sheet(name);
      const { row, column } = parseA1(a1);
      const cell = target.cellAt(row, column);
      const trial = { ...cell };
      writeValue(trial, text, state.timeZone);
      const rule = cell.validation;
      if (!rule) {
        Object.assign(cell, trial);
        return { valid: true, helpText: '' };
      }
      const source =
        rule.criteria === 'VALUE_IN_RANGE' ? rangeSource(String(rule.args[0])) : undefined;
      const valid = trial.formula !== '' || meetsRule(rule, trial.value, source);
      if (!valid && !rule.allowInvalid) throw new Error(rule.helpText || 'Invalid entry.');
      Object.assign(cell, trial);
      return { valid, helpText: rule.helpText };
    },
    cell: (name, a1) => {
      const { row, column } = parseA1(a1);
      return { ...(sheet(name).peek(row, column) ?? emptyCell()) };
    },
    snapshot: (name) => ({
      values: workbook.values(name),
      formulas: workbook.formulas(name),
      numberFormats: workbook.numberFormats(name),
    }),
    fingerprint: (name) => JSON.stringify(sheet(name).toData()),
    menus: () => log.menus.slice(),
    shown: () => log.shown.slice(),
    sidebarHtml: () => log.shown.filter((page) => page.kind === 'sidebar').pop()?.content,
    alerts: () => log.alerts.slice(),
    toasts: () => state.toasts.map((toast) => ({ ...toast })),
    callCount: () => calls.count,
    callLog: () => calls.log.slice(),
    resetCalls: () => calls.reset(),
    endExecution: applyAll,
    failAtCall: (n, kind) => calls.failAtCall(n, kind),
    lockHolder: () => lock.holder,
    onLockReleased: (listener) => {
      lock.released.push(listener);
    },
    setAuthMode: (mode) => {
      authMode = mode;
    },
    documentAccesses: () => accesses,
    serialize: () => ({
      version: 1,
      title,
      activeSheet: state.active?.name ?? null,
      nextSheetId: state.nextSheetId,
      sheets: state.sheets.map((s) => s.toData()),
    }),
    addSheet: (name) => {
      if (state.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
        throw new Error(
          `A sheet with the name "${name}" already exists. Please enter another name.`,
        );
      }
      state.sheets.push(new EmulatedSheet(state, name, state.nextSheetId++));
    },
    write: (name, a1, rows) => {
      if (!state.sheets.some((s) => s.name === name)) workbook.addSheet(name);
      const target = sheet(name);
      const { row, column } = parseA1(a1);
      rows.forEach((cells, r) =>
        cells.forEach((value, c) =>
          writeValue(target.cellAt(row + r, column + c), value, state.timeZone),
        ),
      );
      applyPendingWrites(target.cells.values()); // a user's typing is applied at once
    },
    setCachedValues: (name, rows) => {
      const target = sheet(name);
      rows.forEach((cells, r) =>
        cells.forEach((value, c) => {
          const cell = target.peek(r + 1, c + 1);
          if (cell && cell.formula !== '') cell.value = value;
        }),
      );
    },
    rawSheet: sheet,
  };
  return workbook;
}
