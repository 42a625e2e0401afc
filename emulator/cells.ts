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
  };
}

// How many times a formula was entered into each cell (a script's write, a replacement):
// Sheets recomputes a custom function when its formula is entered, so a test can model
// which FT_* results are fresh (test/sheet/recalc.ts). Kept beside the cell, not in it, so
// snapshots and serialization do not see it.
const formulaEntries = new WeakMap<Cell, number>();

function enterFormula(cell: Cell, formula: string): void {
  cell.formula = formula;
  cell.value = '';
  formulaEntries.set(cell, (formulaEntries.get(cell) ?? 0) + 1);
}

/** How many times a formula was entered into the cell (0 for one never written so). */
export function formulaEntryCount(cell: Cell | undefined): number {
  return cell ? (formulaEntries.get(cell) ?? 0) : 0;
}

export function isEmptyContent(cell: Cell | undefined): boolean {
  return !cell || (cell.formula === '' && cell.value === '');
}

const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i;

/**
 * Applies what setValue(s) does with a value, as Sheets does for text typed by a user:
 * '=...' becomes a formula, a leading apostrophe forces text (and is not kept), number
 * and TRUE/FALSE text become numbers and booleans, '+x'/'-x' that is not a number is
 * taken as a formula. A cell formatted as plain text ('@') keeps any text as it is.
 */
export function writeValue(cell: Cell, raw: unknown): void {
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
    enterFormula(cell, raw);
    return;
  }
  if (NUMBER_TEXT.test(raw)) {
    cell.value = Number(raw);
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
export function writeFormula(cell: Cell, raw: unknown): void {
  if (typeof raw !== 'string') {
    throw new Error(
      `Exception: The parameters (${typeof raw}) don't match the method signature for SpreadsheetApp.Range.setFormulas.`,
    );
  }
  if (raw.startsWith('=')) {
    enterFormula(cell, raw);
  } else {
    writeValue(cell, raw);
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
