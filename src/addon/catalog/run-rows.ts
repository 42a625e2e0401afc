// The runs table's computed columns in every row that holds a run, whenever it was typed
// (issue 19): the table is written with them in rows to KEY_LAST_ROW; a run typed or pasted
// below gets them from the onEdit simple trigger (the edit's range: a paste is one edit), or
// else from the next catalog or scenario update. A row whose computed cells hold anything
// (the add-in's formulas, or the user's own cells) is never written; the rows that lack them
// are written with one setFormulas per stretch of adjacent rows, so a pasted block is one.
import {
  CATALOG_FIRST_ROW,
  CATALOG_TITLE_ROW,
  isBlankCell,
  RUN_COLUMNS_FIRST,
  RUNS_FIRST_COLUMN,
  RUNS_HEADER_CELLS,
  RUNS_LAST_COLUMN,
  RUNS_LAST_ROW,
  RUNS_TITLE,
} from '../catalog-sheet';
import type { CellIn } from '../catalog-sheet';
import type { Changes } from '../changes';
import { splitFormulas } from '../formula-blocks';
import { runRowFormulas } from './runs';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Stands for a row that is not written: a non-formula cell splits the stretches. */
const KEEP = 0;

/**
 * The sheet rows among `first`.. of `cells` (each row from RUNS_FIRST_COLUMN to
 * RUNS_LAST_COLUMN) that hold a run and lack its computed cells: a model typed (every computed
 * cell is blank while the model is), and nothing in the computed cells, by value nor, when
 * known, by formula (a run's formulas always show something: the GPUs column is 1 or more).
 */
function rowsLacking(
  first: number,
  cells: readonly (readonly CellIn[])[],
  formulas?: readonly (readonly string[])[],
): number[] {
  const computedFrom = RUN_COLUMNS_FIRST - RUNS_FIRST_COLUMN;
  const rows: number[] = [];
  cells.forEach((row, i) => {
    const sheetRow = first + i;
    if (sheetRow < CATALOG_FIRST_ROW || sheetRow > RUNS_LAST_ROW || isBlankCell(row[0])) return;
    const computed = [...row.slice(computedFrom), ...(formulas?.[i].slice(computedFrom) ?? [])];
    if (computed.every(isBlankCell)) rows.push(sheetRow);
  });
  return rows;
}

/** Writes the computed columns in `rows` (ascending): one setFormulas per adjacent stretch. */
function writeRows(sheet: Sheet, rows: readonly number[], changes?: Changes): void {
  if (rows.length === 0) return;
  const first = rows[0];
  const lacking = new Set(rows);
  const kept = new Array<typeof KEEP>(RUNS_LAST_COLUMN - RUN_COLUMNS_FIRST + 1).fill(KEEP);
  const grid: (string | typeof KEEP)[][] = [];
  for (let row = first; row <= rows[rows.length - 1]; row++) {
    grid.push(lacking.has(row) ? runRowFormulas(row) : kept);
  }
  for (const block of splitFormulas(grid).blocks) {
    const range = sheet.getRange(
      first + block.row - 1,
      RUN_COLUMNS_FIRST,
      block.formulas.length,
      block.formulas[0].length,
    );
    // The cells were blank: a failed run blanks them again.
    changes?.add('clearing the computed columns written for runs', () =>
      range.setValues(block.formulas.map((cells) => cells.map(() => ''))),
    );
    range.setFormulas(block.formulas);
  }
}

/**
 * A catalog or scenario update: the rows of the sheet's runs table (its values, `grid`,
 * from A1) that hold a run and lack the computed columns get them. No call when none does.
 */
export function writeMissingRunRows(
  sheet: Sheet,
  grid: readonly (readonly CellIn[])[],
  changes: Changes,
): void {
  const cells = grid
    .slice(CATALOG_FIRST_ROW - 1)
    .map((row) => row.slice(RUNS_FIRST_COLUMN - 1, RUNS_LAST_COLUMN));
  writeRows(sheet, rowsLacking(CATALOG_FIRST_ROW, cells), changes);
}

/**
 * After an edit of the catalog sheet: the edited rows of the runs table that now hold a run
 * and lack the computed columns get them (in one setFormulas for a pasted block). An edit
 * outside the runs' typed cells returns after reading the event's range.
 */
export function fillRunRowsAfterEdit(range: GoogleAppsScript.Spreadsheet.Range): void {
  // Columns first: an edit of a table left of the runs (most catalog edits) costs one call.
  if (range.getLastColumn() < RUNS_FIRST_COLUMN) return;
  if (range.getColumn() >= RUNS_FIRST_COLUMN + RUNS_HEADER_CELLS.length) return;
  const first = Math.max(range.getRow(), CATALOG_FIRST_ROW);
  const last = Math.min(range.getLastRow(), RUNS_LAST_ROW);
  if (first > last) return;
  const sheet = range.getSheet();
  // A sheet whose user wrote in these columns before the table existed has no runs table.
  if (sheet.getRange(CATALOG_TITLE_ROW, RUNS_FIRST_COLUMN).getValue() !== RUNS_TITLE) return;
  const width = RUNS_LAST_COLUMN - RUNS_FIRST_COLUMN + 1;
  const block = sheet.getRange(first, RUNS_FIRST_COLUMN, last - first + 1, width);
  writeRows(sheet, rowsLacking(first, block.getValues(), block.getFormulas()));
}
