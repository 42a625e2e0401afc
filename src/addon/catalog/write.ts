// Writing the catalog sheet: a new sheet with the built-in catalog, or the built-in rows an
// existing one lacks below each table, each step recorded so a failure undoes it.
import {
  CATALOG_COLUMNS,
  CATALOG_FIRST_ROW,
  CATALOG_HEADER_ROW,
  CATALOG_SHEET,
  CATALOG_TITLE_ROW,
  KEY_COLUMN_COUNT,
  KEY_FIRST_COLUMN,
  KEY_LAST_ROW,
  KEYS_TITLE,
} from '../catalog-sheet';
import { Changes, failure, uncertain } from '../changes';
import { insertNewSheet, NEW_SHEET_COLUMNS } from '../new-sheets';
import type { CatalogSheetResult } from '../../shared/contract';
import { catalogSheetGrids } from './grids';
import { keyColumnGrids } from './keys';
import type { CatalogAppend } from './grids';
import { appendsBelowFormulas, readCatalogState } from './state';
import type { CatalogState } from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Adds rows at the bottom of the catalog sheet when the appends reach past its last row. */
function growToFit(
  sheet: Sheet,
  dataRows: number,
  appends: readonly CatalogAppend[],
  changes: Changes,
): void {
  const lastRow = Math.max(...appends.map((a) => a.row + a.cells.length - 1));
  // Within the data range the rows exist; only past it is the sheet's size worth a call.
  if (lastRow <= dataRows) return;
  const maxRows = sheet.getMaxRows();
  if (lastRow <= maxRows) return;
  const howMany = lastRow - maxRows;
  // Blank as they are, the rows change the sheet's size: a failed run must leave it as it
  // was. The undo runs after the appended cells are cleared (newest first), so it removes
  // rows that hold nothing.
  const undo = (): void => {
    changes.add(`removing the ${howMany} row(s) added at the bottom of "${CATALOG_SHEET}"`, () =>
      sheet.deleteRows(maxRows + 1, howMany),
    );
  };
  try {
    sheet.insertRowsAfter(maxRows, howMany);
  } catch (error) {
    // A call can fail after taking effect: the sheet's size tells whether the rows are there.
    let grown: boolean;
    try {
      grown = sheet.getMaxRows() > maxRows;
    } catch {
      // Unknown: removing rows that may not exist could remove the user's; say so instead.
      throw uncertain(
        error,
        `${howMany} blank row(s) may have been added at the bottom of "${CATALOG_SHEET}"`,
      );
    }
    if (grown) undo();
    throw error;
  }
  undo();
}

/** Pixels for every catalog column: names and headers such as "Peak TFLOPS (bf16 dense)". */
const CATALOG_COLUMN_WIDTH = 160;
/** The key columns are the add-in's: narrow, out of the way, still there to read. */
const KEY_COLUMN_WIDTH = 40;

/** True when the sheet has the lookup keys (its first key column's title). */
function hasKeyColumns(state: CatalogState): boolean {
  return state.grid[CATALOG_TITLE_ROW - 1]?.[KEY_FIRST_COLUMN - 1] === KEYS_TITLE;
}

/** The last column the catalog sheet needs: its tables', then the lookup keys'. */
const LAST_COLUMN = KEY_FIRST_COLUMN + KEY_COLUMN_COUNT - 1;

/** Grows a sheet made before the lookup keys to hold them; records how to undo it. */
function growForKeys(sheet: Sheet, changes: Changes): void {
  const columns = sheet.getMaxColumns();
  if (columns < LAST_COLUMN) {
    sheet.insertColumnsAfter(columns, LAST_COLUMN - columns);
    changes.add(`removing the lookup key columns of "${CATALOG_SHEET}"`, () =>
      sheet.deleteColumns(columns + 1, LAST_COLUMN - columns),
    );
  }
  const rows = sheet.getMaxRows();
  if (rows < KEY_LAST_ROW) sheet.insertRowsAfter(rows, KEY_LAST_ROW - rows);
}

/**
 * Writes the lookup keys right of the tables (catalog/keys.ts), once per sheet: their
 * formulas, narrow widths and, unless the sheet's first write held them, their headers.
 */
function writeKeyColumns(sheet: Sheet, changes: Changes, headersWritten: boolean): void {
  const { headers, formulas } = keyColumnGrids();
  const body = sheet.getRange(
    CATALOG_FIRST_ROW,
    KEY_FIRST_COLUMN,
    formulas.length,
    KEY_COLUMN_COUNT,
  );
  if (!headersWritten) {
    const top = sheet.getRange(CATALOG_TITLE_ROW, KEY_FIRST_COLUMN, 2, KEY_COLUMN_COUNT);
    changes.add(`clearing the lookup key headers of "${CATALOG_SHEET}"`, () => {
      top.setValues(headers.map((row) => row.map(() => '')));
    });
    top.setValues(headers);
  }
  changes.add(`clearing the lookup keys of "${CATALOG_SHEET}"`, () => {
    body.setValues(formulas.map((row) => row.map(() => '')));
  });
  body.setFormulas(formulas);
  sheet.setColumnWidths(KEY_FIRST_COLUMN, KEY_COLUMN_COUNT, KEY_COLUMN_WIDTH);
}

/** A new sheet's first write: the catalog's grids, the lookup keys' headers right of them. */
function newSheetGrids(): { values: (string | number)[][]; weights: ('bold' | 'normal')[][] } {
  const { values, weights } = catalogSheetGrids();
  const { headers } = keyColumnGrids();
  return {
    values: values.map((row, r) => [
      ...row,
      ...(headers[r - (CATALOG_TITLE_ROW - 1)] ?? new Array<string>(KEY_COLUMN_COUNT).fill('')),
    ]),
    weights: weights.map((row) => [
      ...row,
      ...new Array<'bold' | 'normal'>(KEY_COLUMN_COUNT).fill(row[0]),
    ]),
  };
}

/** Creates the catalog sheet, or appends the built-in rows it lacks; records how to undo it. */
export function writeCatalog(
  spreadsheet: Spreadsheet,
  state: CatalogState,
  changes: Changes,
): { sheet: Sheet; added: number } {
  if (!state.sheet) {
    const sheet = insertNewSheet(spreadsheet, CATALOG_SHEET, changes);
    const { values, weights } = newSheetGrids();
    sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, LAST_COLUMN - NEW_SHEET_COLUMNS);
    const range = sheet.getRange(1, 1, values.length, LAST_COLUMN);
    range.setValues(values);
    range.setFontWeights(weights);
    // The note, the tables' titles and their headers stay in view over long tables. One
    // width for all columns (one call): sources are long citations, read in the cell.
    sheet.setFrozenRows(CATALOG_HEADER_ROW);
    sheet.setColumnWidths(1, CATALOG_COLUMNS, CATALOG_COLUMN_WIDTH);
    writeKeyColumns(sheet, changes, true);
    return { sheet, added: values.length - CATALOG_HEADER_ROW };
  }
  const sheet = state.sheet;
  if (!hasKeyColumns(state)) {
    growForKeys(sheet, changes);
    writeKeyColumns(sheet, changes, false);
  }
  const appends = appendsBelowFormulas(state);
  let added = 0;
  if (appends.length > 0) growToFit(sheet, state.grid.length, appends, changes);
  for (const append of appends) {
    const range = sheet.getRange(
      append.row,
      append.column,
      append.cells.length,
      append.cells[0].length,
    );
    // The cells below a table's last row were blank (missingBuiltInRows): blank them again.
    const blanks = append.cells.map((row) => row.map(() => ''));
    const undo = (): void =>
      changes.add(`clearing the rows added to "${CATALOG_SHEET}"`, () => {
        range.setValues(blanks);
      });
    try {
      range.setValues(append.cells);
    } catch (error) {
      // A write can fail after taking effect: the cells, blank before, tell whether it did.
      let written: boolean;
      try {
        written = range.getValues().some((row) => row.some((cell) => cell !== ''));
      } catch {
        throw uncertain(
          error,
          `Built-in rows may have been added to "${CATALOG_SHEET}" from row ${append.row}; delete them if they are there`,
        );
      }
      if (written) undo();
      throw error;
    }
    undo();
    added += append.cells.length;
  }
  return { sheet, added };
}

/**
 * Inserts the catalog sheet, or adds the built-in rows an existing one lacks below each
 * table; never overwrites or reorders a row that is there. The caller holds the lock.
 */
export function updateCatalogSheet(): CatalogSheetResult {
  const changes = new Changes();
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const state = readCatalogState(spreadsheet);
    const { added } = writeCatalog(spreadsheet, state, changes);
    return {
      sheetName: CATALOG_SHEET,
      created: state.sheet === null,
      rowsAdded: added,
      warnings: state.warnings.slice(),
    };
  } catch (error) {
    throw failure(`update the catalog sheet "${CATALOG_SHEET}"`, error, changes);
  }
}
