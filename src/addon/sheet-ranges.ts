// Many ranges of one sheet in few calls.
import { columnLetter } from '../shared/a1';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** A1 notation of [row, column, numRows, numColumns]. */
export function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  return `${columnLetter(column)}${row}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
}

/** Many ranges of one sheet in two calls, however many (getRangeList, then getRanges). */
export function rangesOf(sheet: Sheet, a1Notations: readonly string[]): Range[] {
  return a1Notations.length === 0 ? [] : sheet.getRangeList(a1Notations.slice()).getRanges();
}
