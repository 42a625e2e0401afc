// Writing the catalog sheet: a new sheet with the built-in catalog, or the built-in rows an
// existing one lacks below each table, each step recorded so a failure undoes it.
import {
  CATALOG_COLUMNS,
  CATALOG_HEADER_ROW,
  CATALOG_LAST_COLUMN,
  isBlankCell,
  CATALOG_SHEET,
  CATALOG_TITLE_ROW,
  KEY_COLUMN_COUNT,
  KEY_FIRST_COLUMN,
  KEYS_TITLE,
} from '../catalog-sheet';
import { Changes, failure, uncertain } from '../changes';
import { insertNewSheet } from '../new-sheets';
import { ensureSheetSize } from '../sheet-size';
import type { CatalogSheetResult } from '../../shared/contract';
import { catalogSheetGrids } from './grids';
import { keyColumnGrid } from './keys';
import { hasRunsTable, runsGrid } from './runs';
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

/** True when the cells the runs table takes are blank (a sheet made before it). */
function runsAreaBlank(state: CatalogState): boolean {
  return state.grid.every((row) =>
    row.slice(KEY_FIRST_COLUMN + KEY_COLUMN_COUNT - 1, CATALOG_LAST_COLUMN).every(isBlankCell),
  );
}

/**
 * Writes the lookup keys right of the tables (catalog/keys.ts) and, right of them, the
 * Measured runs table with its computed columns (catalog/runs.ts): once per sheet, first
 * growing a sheet made before them; records how to undo it. Four calls on a new sheet.
 * The runs table goes only where its cells are blank: a sheet made before it whose user
 * wrote there keeps its cells (and has no runs table).
 */
function writeKeyColumns(sheet: Sheet, changes: Changes, sized = false, withRuns = true): void {
  const lastColumn = withRuns ? CATALOG_LAST_COLUMN : KEY_FIRST_COLUMN + KEY_COLUMN_COUNT - 1;
  // A sheet this run made is already wide enough (ensureSheetSize): no need to ask.
  const columns = sized ? lastColumn : sheet.getMaxColumns();
  if (columns < lastColumn) {
    sheet.insertColumnsAfter(columns, lastColumn - columns);
    changes.add(`removing the lookup keys of "${CATALOG_SHEET}"`, () =>
      sheet.deleteColumns(columns + 1, lastColumn - columns),
    );
  }
  const keys = keyColumnGrid();
  const runs = withRuns ? runsGrid() : [];
  const grid = keys.map((row, i) => (withRuns ? [...row, '', ...runs[i]] : row));
  const range = sheet.getRange(
    CATALOG_TITLE_ROW,
    KEY_FIRST_COLUMN,
    grid.length,
    lastColumn - KEY_FIRST_COLUMN + 1,
  );
  changes.add(`clearing the lookup keys of "${CATALOG_SHEET}"`, () => {
    range.setValues(grid.map((row) => row.map(() => '')));
  });
  range.setFormulas(grid);
  sheet.setColumnWidths(KEY_FIRST_COLUMN, KEY_COLUMN_COUNT, KEY_COLUMN_WIDTH);
}

/** Creates the catalog sheet, or appends the built-in rows it lacks; records how to undo it. */
export function writeCatalog(
  spreadsheet: Spreadsheet,
  state: CatalogState,
  changes: Changes,
): { sheet: Sheet; added: number } {
  if (!state.sheet) {
    const sheet = insertNewSheet(spreadsheet, CATALOG_SHEET, changes);
    const { values, weights } = catalogSheetGrids();
    ensureSheetSize(sheet, values.length, CATALOG_LAST_COLUMN);
    const range = sheet.getRange(1, 1, values.length, CATALOG_COLUMNS);
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
  const withRuns = !hasRunsTable(state.grid) && runsAreaBlank(state);
  if (!hasKeyColumns(state) || withRuns) writeKeyColumns(sheet, changes, false, withRuns);
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
