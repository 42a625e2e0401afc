// Cell storage and the rules Sheets applies to what is written into a cell.
import { columnLetter, columnNumber } from '../src/shared/a1';

/** What a cell holds: a value (or a formula and its last known value) and its formats. */
export interface Cell {
  value: CellValue;
  /** '' when the cell holds no formula. */
  formula: string;
  numberFormat: string;
  fontWeight: 'normal' | 'bold';
  /** '#ffffff' is Sheets' default background. */
  background: string;
  /** True when a script set a fill (even white, which hides the gridlines); null resets it. */
  filled: boolean;
  /** The cell's data validation rule, as Sheets received it; null when none. */
  validation: ValidationRecord | null;
}

/** A data validation rule as built by DataValidationBuilder (see emulator/validation.ts). */
export interface ValidationRecord {
  /** Apps Script's DataValidationCriteria name, e.g. VALUE_IN_RANGE, NUMBER_BETWEEN. */
  readonly criteria: string;
  /** The criteria's arguments; a range is its "Sheet!A1" notation. */
  readonly args: readonly (string | number | boolean)[];
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

export type CellValue = string | number | boolean | Date;

/** Apps Script's getNumberFormat() for a cell whose format was never set ("Automatic"). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const DEFAULT_BACKGROUND = '#ffffff';
/** What Sheets writes when a script writes NaN or ±Infinity. */
export const NUM_ERROR = '#NUM!';

export function emptyCell(): Cell {
  return {
    value: '',
    formula: '',
    numberFormat: DEFAULT_NUMBER_FORMAT,
    fontWeight: 'normal',
    background: DEFAULT_BACKGROUND,
    filled: false,
    validation: null,
  };
}

// How many times a formula was entered into each cell, as Sheets sees it: Sheets recomputes a
// custom function when its formula is entered, so a test can model which FT_* results are
// fresh (test/sheet/catalog-support.ts). Apps Script bundles a script's writes and applies
// them at SpreadsheetApp.flush() or when the script ends ("Spreadsheet operations are
// sometimes bundled together to improve performance", SpreadsheetApp.flush in the Apps
// Script reference), so, strictly, only what a cell holds at those points counts: writes
// between two of them that leave its formula as it was (a formula written again with the
// same text, or changed and changed back) are no entry at all. Kept beside the cell, not in
// it, so snapshots and serialization do not see it.
const formulaEntries = new WeakMap<Cell, number>();
/** The formula a cell held when pending writes were last applied, for cells written since. */
const formulaAtFlush = new WeakMap<Cell, string>();

/** Remembers what a cell held before the first write since the last flush. */
function noteWrite(cell: Cell): void {
  if (!formulaAtFlush.has(cell)) formulaAtFlush.set(cell, cell.formula);
}

/** 1 when the cell's pending writes enter a formula that differs from what it held, else 0. */
function pendingEntry(cell: Cell): number {
  const held = formulaAtFlush.get(cell);
  return held !== undefined && cell.formula !== '' && cell.formula !== held ? 1 : 0;
}

function enterFormula(cell: Cell, formula: string): void {
  noteWrite(cell);
  cell.formula = formula;
  cell.value = '';
}

/** How many times a formula was entered into the cell (0 for one never written so). */
export function formulaEntryCount(cell: Cell | undefined): number {
  return cell ? (formulaEntries.get(cell) ?? 0) + pendingEntry(cell) : 0;
}

/** Applies the pending writes of these cells (SpreadsheetApp.flush, or the script's end). */
export function applyPendingWrites(cells: Iterable<Cell>): void {
  for (const cell of cells) {
    if (!formulaAtFlush.has(cell)) continue;
    formulaEntries.set(cell, formulaEntryCount(cell));
    formulaAtFlush.delete(cell);
  }
}

export function isEmptyContent(cell: Cell | undefined): boolean {
  return !cell || (cell.formula === '' && cell.value === '');
}

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;
/** "1,000", "-1,234.5": digits grouped by thousands. */
const GROUPED_TEXT = /^\s*([+-]?)(\d{1,3}(?:,\d{3})+(?:\.\d*)?)\s*$/;
/** "$2.49", "-$1,000", "$ 5": a dollar amount (the en_US locale's currency). */
const CURRENCY_TEXT = /^\s*([+-]?)\s*\$\s*(\d{1,3}(?:,\d{3})+(?:\.\d*)?|\d+\.?\d*|\.\d+)\s*$/;
/** "35%", "3.5 %", "-2%". */
const PERCENT_TEXT = /^\s*([+-]?(?:\d+\.?\d*|\.\d+))\s*%\s*$/;
/** "2026-01-01", "2026/1/2". */
const ISO_DATE_TEXT = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})\s*$/;
/** "1/2" (this year), "1/2/2026", "1/2/26": month first, as en_US reads it. */
const US_DATE_TEXT = /^\s*(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?\s*$/;
/** "Jan 2", "2 March 2026", "Sept. 5, 2026": a month's name and a day. */
const MONTH_TEXT =
  /^\s*(?:(\d{1,2})\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2}))?(?:,?\s+(\d{4}))?\s*$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "10:30", "10:30:15", "9:05 PM". */
const TIME_TEXT = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*$/i;

/** Midnight (plus a time of day) of a calendar date in a time zone, as a Date. */
export function zonedDate(
  year: number,
  month: number,
  day: number,
  timeZone: string,
  seconds = 0,
): Date {
  const utc = Date.UTC(year, month - 1, day) + seconds * 1000;
  // The zone's offset at that instant, read back through Intl (no table of zones here).
  const asUtc = wallClockMs(new Date(utc), timeZone);
  return new Date(utc - (asUtc - utc));
}

/** The time a clock in `timeZone` shows at `date`, as milliseconds of a UTC date with that reading. */
export function wallClockMs(date: Date, timeZone: string): number {
  const parts = partsInZone(date, timeZone);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
}

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * What Sheets (locale en_US) makes of text typed or written with setValues: numbers,
 * grouped numbers, dollar amounts, percentages, dates and times become numbers and dates;
 * anything else stays text (undefined here). Sheets also sets a matching number format,
 * which the emulator does not model.
 */
export function typedValue(raw: string, timeZone = 'UTC'): number | Date | undefined {
  if (NUMBER_TEXT.test(raw)) return Number(raw);
  let match = GROUPED_TEXT.exec(raw);
  if (match) return Number(`${match[1]}${match[2].replace(/,/g, '')}`);
  match = CURRENCY_TEXT.exec(raw);
  if (match) return Number(`${match[1]}${match[2].replace(/,/g, '')}`);
  match = PERCENT_TEXT.exec(raw);
  if (match) return Number(match[1]) / 100;
  const zone = timeZone;
  match = ISO_DATE_TEXT.exec(raw);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (validDate(year, month, day)) return zonedDate(year, month, day, zone);
  }
  match = US_DATE_TEXT.exec(raw);
  if (match) {
    const month = Number(match[1]);
    const day = Number(match[2]);
    let year = match[3] ? Number(match[3]) : new Date().getUTCFullYear();
    if (match[3] && match[3].length === 2) year += year < 30 ? 2000 : 1900;
    if (validDate(year, month, day)) return zonedDate(year, month, day, zone);
  }
  match = MONTH_TEXT.exec(raw);
  if (match && (match[1] === undefined) !== (match[3] === undefined)) {
    const month = MONTHS.indexOf(match[2].toLowerCase()) + 1;
    const day = Number(match[1] ?? match[3]);
    const year = match[4] ? Number(match[4]) : new Date().getUTCFullYear();
    if (validDate(year, month, day)) return zonedDate(year, month, day, zone);
  }
  match = TIME_TEXT.exec(raw);
  if (match) {
    let hours = Number(match[1]);
    const minutes = Number(match[2]);
    const secs = Number(match[3] ?? 0);
    const half = match[4]?.toLowerCase();
    if (half && (hours < 1 || hours > 12)) return undefined;
    if (half === 'pm' && hours < 12) hours += 12;
    if (half === 'am' && hours === 12) hours = 0;
    if (hours < 24 && minutes < 60 && secs < 60) {
      // Sheets' time is a fraction of a day; Apps Script reads it as a Date on 1899-12-30.
      return zonedDate(1899, 12, 30, zone, hours * 3600 + minutes * 60 + secs);
    }
  }
  return undefined;
}

/**
 * Applies what setValue(s) does with a value, as Sheets does for text typed by a user:
 * '=...' becomes a formula, a leading apostrophe forces text (and is not kept), number
 * and TRUE/FALSE text become numbers and booleans, '+x'/'-x' that is not a number is
 * taken as a formula. A cell formatted as plain text ('@') keeps any text as it is.
 */
/**
 * True when a formula separates arguments with commas outside its string literals: text a
 * spreadsheet whose locale writes "SUM(A1;B1)" (de_DE and others) cannot parse as typed.
 */
function usesCommas(formula: string): boolean {
  return formula.replace(/"[^"]*"/g, '').includes(',');
}

export function writeValue(cell: Cell, raw: unknown, timeZone = 'UTC', locale = 'en_US'): void {
  noteWrite(cell);
  cell.formula = '';
  if (raw === null || raw === undefined) {
    cell.value = '';
    return;
  }
  if (typeof raw === 'number') {
    cell.value = Number.isFinite(raw) ? raw : NUM_ERROR;
    return;
  }
  if (typeof raw === 'boolean') {
    cell.value = raw;
    return;
  }
  if (Object.prototype.toString.call(raw) === '[object Date]') {
    cell.value = new Date((raw as Date).getTime());
    return;
  }
  if (typeof raw !== 'string') {
    // Apps Script writes an object's string form; arrays and objects never belong in a cell.
    throw new Error(
      `Exception: The parameters (${typeof raw}) don't match the method signature for SpreadsheetApp.Range.setValues.`,
    );
  }
  if (cell.numberFormat === '@') {
    cell.value = raw;
    return;
  }
  if (raw.startsWith("'")) {
    cell.value = raw.slice(1);
    return;
  }
  if (raw.startsWith('=') && raw.length > 1) {
    // Text written with setValue(s) is read as the spreadsheet's user types it, in its locale;
    // only setFormula(s) takes en_US syntax everywhere. (A modelled assumption: no Apps Script
    // page says setValues parses formulas in en_US, and users of de_DE sheets report failures.)
    if (locale !== 'en_US' && usesCommas(raw)) {
      cell.value = '#ERROR!';
      return;
    }
    enterFormula(cell, raw);
    return;
  }
  const typed = typedValue(raw, timeZone);
  if (typed !== undefined) {
    cell.value = typed;
    return;
  }
  if (/^(true|false)$/i.test(raw.trim())) {
    cell.value = raw.trim().toLowerCase() === 'true';
    return;
  }
  if (/^[+-]./.test(raw)) {
    enterFormula(cell, `=${raw}`);
    return;
  }
  cell.value = raw;
}

/** setFormula(s): text starting with '=' is a formula; '' clears; anything else is a value. */
export function writeFormula(cell: Cell, raw: unknown, timeZone = 'UTC'): void {
  if (typeof raw !== 'string') {
    throw new Error(
      `Exception: The parameters (${typeof raw}) don't match the method signature for SpreadsheetApp.Range.setFormulas.`,
    );
  }
  if (raw.startsWith('=')) {
    enterFormula(cell, raw);
  } else {
    writeValue(cell, raw, timeZone);
  }
}

export { columnLetter, columnNumber };

export interface Area {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** Parses "B3", "A1:C10" (no sheet name, no open-ended ranges: the add-in does not use them). */
export function parseA1(a1: string): Area {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(a1.trim());
  if (!match) throw new Error(`Exception: Range not found`);
  const column = columnNumber(match[1]);
  const row = Number(match[2]);
  const lastColumn = match[3] ? columnNumber(match[3]) : column;
  const lastRow = match[4] ? Number(match[4]) : row;
  return {
    row: Math.min(row, lastRow),
    column: Math.min(column, lastColumn),
    numRows: Math.abs(lastRow - row) + 1,
    numColumns: Math.abs(lastColumn - column) + 1,
  };
}

export function a1Notation(area: Area): string {
  const first = `${columnLetter(area.column)}${area.row}`;
  if (area.numRows === 1 && area.numColumns === 1) return first;
  return `${first}:${columnLetter(area.column + area.numColumns - 1)}${area.row + area.numRows - 1}`;
}

/** One formatter a zone: making one costs far more than formatting a date with it. */
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

/** A date's year, month, day, hour, minute and second as a clock in `timeZone` shows them. */
export function partsInZone(date: Date, timeZone: string): Intl.DateTimeFormatPart[] {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter.formatToParts(date);
}
