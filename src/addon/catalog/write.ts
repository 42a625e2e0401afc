// Writing the catalog sheet: a new sheet with the built-in catalog, or the built-in rows an
// existing one lacks below each table, each step recorded so a failure undoes it.
import {
  AGE_COLUMN_COUNT,
  AGE_FIRST_COLUMN,
  CATALOG_COLUMNS,
  CATALOG_HEADER_ROW,
  CATALOG_LAST_COLUMN,
  isBlankCell,
  RUNS_FIRST_COLUMN,
  RUNS_LAST_COLUMN,
  RUNS_LAST_ROW,
  CATALOG_SHEET,
  CATALOG_TITLE_ROW,
  KEY_FIRST_COLUMN,
  KEY_LAST_ROW,
  KEYS_TITLE,
  OLD_KEY_FIRST_COLUMN,
  catalogTable,
  columnLetter,
} from '../catalog-sheet';
import { AVAILABILITY_FIELDS, BUILT_IN_CATALOG } from '../../engine';
import type { Availability } from '../../engine';
import { Changes, failure, uncertain } from '../changes';
import { insertNewSheet } from '../new-sheets';
import { ensureSheetSize } from '../sheet-size';
import { asText } from '../text';
import type { CatalogSheetResult } from '../../shared/contract';
import {
  AVAILABILITY_FIRST_COLUMN,
  AVAILABILITY_LAST_COLUMN,
  AVAILABILITY_TABLES,
  availabilityColumn,
  availabilityGrid,
  hasAvailabilityBlock,
  upgradeAvailabilityGrid,
} from './availability';
import { AGES_TITLE, ageColumnGrid, staleRule } from './freshness';
import { catalogSheetGrids } from './grids';
import { keyColumnGrid } from './keys';
import { writeMissingRunRows } from './run-rows';
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

/** True when the sheet has the price ages (catalog/freshness.ts), and so their formatting. */
function hasAgeColumns(state: CatalogState): boolean {
  return state.grid[CATALOG_TITLE_ROW - 1]?.[AGE_FIRST_COLUMN - 1] === AGES_TITLE;
}

/** The last column the catalog sheet needs: right of its tables, keys, ages, runs and dates. */
const LAST_COLUMN = CATALOG_LAST_COLUMN;

/** Grows a sheet made before the last columns to LAST_COLUMN; records how to undo it. */
function growColumns(sheet: Sheet, changes: Changes, what: string): void {
  const columns = sheet.getMaxColumns();
  if (columns >= LAST_COLUMN) return;
  sheet.insertColumnsAfter(columns, LAST_COLUMN - columns);
  changes.add(`removing the ${what} of "${CATALOG_SHEET}"`, () =>
    sheet.deleteColumns(columns + 1, LAST_COLUMN - columns),
  );
}

/** Grows a sheet made before the runs table to RUNS_LAST_ROW rows; records how to undo it. */
function growRows(sheet: Sheet, changes: Changes): void {
  const rows = sheet.getMaxRows();
  if (rows >= RUNS_LAST_ROW) return;
  sheet.insertRowsAfter(rows, RUNS_LAST_ROW - rows);
  changes.add(`removing the rows added for the runs table of "${CATALOG_SHEET}"`, () =>
    sheet.deleteRows(rows + 1, RUNS_LAST_ROW - rows),
  );
}

/** Writes a grid of labels into the availability columns at a cell; records how to undo it. */
function writeDates(
  sheet: Sheet,
  at: { row: number; column: number },
  grid: string[][],
  changes: Changes,
): void {
  const range = sheet.getRange(at.row, at.column, grid.length, grid[0].length);
  changes.add(`clearing the availability dates of "${CATALOG_SHEET}"`, () => {
    range.setValues(grid.map((cells) => cells.map(() => '')));
  });
  range.setValues(grid);
}

/** True when the sheet's cells in columns `first` to `last` (1-based) are all blank. */
function areaBlank(state: CatalogState, first: number, last: number): boolean {
  return state.grid.every((row) => row.slice(first - 1, last).every(isBlankCell));
}

/**
 * Issue 20: a sheet made before the availability columns gets them, with the built-in
 * dates in the rows of built-in names (catalog/availability.ts); one write. Nothing of the
 * user's is written over: when the columns they take (and the blank one before them) hold
 * cells, as many columns are inserted there first, so those cells move right past the block
 * (Sheets moves references to them along), and the block's title row says where they went.
 */
function writeAvailabilityBlock(sheet: Sheet, state: CatalogState, changes: Changes): void {
  const first = AVAILABILITY_FIRST_COLUMN - 1;
  const width = AVAILABILITY_LAST_COLUMN - first + 1;
  let moved = '';
  if (!areaBlank(state, first, AVAILABILITY_LAST_COLUMN)) {
    sheet.insertColumnsAfter(first - 1, width);
    changes.add(`removing the columns inserted in "${CATALOG_SHEET}"`, () =>
      sheet.deleteColumns(first, width),
    );
    const span = (from: number): string =>
      `${columnLetter(from)}-${columnLetter(from + width - 1)}`;
    moved = `Your cells in ${span(first)} moved right to ${span(first + width)} to make room.`;
  }
  growColumns(sheet, changes, 'availability columns');
  const grid = upgradeAvailabilityGrid(state.grid);
  if (moved) grid[0][1] = asText(moved);
  writeDates(sheet, { row: CATALOG_TITLE_ROW, column: AVAILABILITY_FIRST_COLUMN }, grid, changes);
}

/** The dates of the built-in rows appended below a table, in the rows they went to. */
function writeAppendedDates(sheet: Sheet, append: CatalogAppend, changes: Changes): void {
  if (!AVAILABILITY_TABLES.includes(append.key)) return;
  const builtIns = BUILT_IN_CATALOG[append.key] as readonly (Availability & { name: string })[];
  const rows = append.cells.flatMap((cells, i) => {
    const row = builtIns.find((b) => asText(b.name) === cells[0]);
    return row && (row.availableFrom || row.availableUntil)
      ? [{ sheetRow: append.row + i, row }]
      : [];
  });
  if (rows.length === 0) return;
  // Only this table's four columns: the other tables' dates in these rows are not its own.
  const column = availabilityColumn(append.key, 'availableFrom');
  const offset = column - AVAILABILITY_FIRST_COLUMN;
  const grid = availabilityGrid(append.row + append.cells.length - 1, () => rows)
    .slice(append.row - CATALOG_TITLE_ROW)
    .map((cells) => cells.slice(offset, offset + AVAILABILITY_FIELDS.length).map(asText));
  writeDates(sheet, { row: append.row, column }, grid, changes);
}

/** True when the cells the runs table takes (and the blank column before it) are blank. */
function runsAreaBlank(state: CatalogState): boolean {
  return areaBlank(state, RUNS_FIRST_COLUMN - 1, RUNS_LAST_COLUMN);
}

/** Which of the add-in's formula columns right of the tables a write puts in. */
interface HelperColumns {
  /** The lookup keys (catalog/keys.ts). */
  readonly keys: boolean;
  /** The price ages (catalog/freshness.ts). */
  readonly ages: boolean;
  /** The Measured runs table and its computed columns (catalog/runs.ts). */
  readonly runs: boolean;
}

/**
 * Writes the add-in's columns right of the tables in one setFormulas: the lookup keys, the
 * price ages, then (after a blank column) the Measured runs table with its computed columns;
 * from the first one asked to the last one asked (what lies between is the add-in's own
 * formulas, written again). First grows a sheet made before them; records how to undo it.
 * The runs table goes only where its cells are blank: a sheet made before it whose user
 * wrote there keeps its cells (and has no runs table).
 */
function writeHelperColumns(
  sheet: Sheet,
  changes: Changes,
  which: HelperColumns,
  sized = false,
): void {
  // A sheet this run made is already wide enough (ensureSheetSize): no need to ask.
  if (!sized) growColumns(sheet, changes, 'lookup keys, price ages and runs table');
  const keys = keyColumnGrid();
  const ages = ageColumnGrid();
  const runs = which.runs ? runsGrid() : [];
  const rows = keys.map((row, i) => [...row, ...ages[i], ...(which.runs ? ['', ...runs[i]] : [])]);
  const first = which.keys
    ? KEY_FIRST_COLUMN
    : which.ages
      ? AGE_FIRST_COLUMN
      : RUNS_FIRST_COLUMN - 1;
  const last = which.runs ? RUNS_LAST_COLUMN : AGE_FIRST_COLUMN + AGE_COLUMN_COUNT - 1;
  const grid = rows.map((row) => row.slice(first - KEY_FIRST_COLUMN, last - KEY_FIRST_COLUMN + 1));
  const range = sheet.getRange(CATALOG_TITLE_ROW, first, grid.length, last - first + 1);
  changes.add(`clearing the lookup keys, price ages and runs table of "${CATALOG_SHEET}"`, () => {
    range.setValues(grid.map((row) => row.map(() => '')));
  });
  range.setFormulas(grid);
  // The keys and ages are narrow (read by formulas); the runs table keeps the default width.
  const narrowEnd = AGE_FIRST_COLUMN + AGE_COLUMN_COUNT - 1;
  if (first <= narrowEnd) sheet.setColumnWidths(first, narrowEnd - first + 1, KEY_COLUMN_WIDTH);
}

/** Adds the rule that colours stale As of cells to a sheet made before it; records the undo. */
function addStaleRule(sheet: Sheet, changes: Changes): void {
  const rules = sheet.getConditionalFormatRules();
  sheet.setConditionalFormatRules([...rules, staleRule(sheet)]);
  changes.add(`removing the stale-price colouring of "${CATALOG_SHEET}"`, () =>
    sheet.setConditionalFormatRules(rules),
  );
}

/**
 * A sheet made before the managed table's price columns has its lookup keys where those
 * columns go: their cells become the columns' headers and blanks (writeHelperColumns then
 * writes the keys further right). One write; the keys are formulas the add-in rewrites.
 */
function moveOldKeys(sheet: Sheet): void {
  const spec = catalogTable('managed');
  const first = OLD_KEY_FIRST_COLUMN - spec.firstColumn;
  const headers = spec.columns.slice(first);
  const grid = [];
  for (let row = CATALOG_TITLE_ROW; row <= KEY_LAST_ROW; row++) {
    grid.push(row === CATALOG_HEADER_ROW ? headers : headers.map(() => ''));
  }
  sheet
    .getRange(CATALOG_TITLE_ROW, OLD_KEY_FIRST_COLUMN, grid.length, headers.length)
    .setValues(grid);
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
    // Rows for the runs table's 2,000 runs (the sheet's formulas read them all).
    ensureSheetSize(sheet, Math.max(values.length, RUNS_LAST_ROW), LAST_COLUMN);
    const range = sheet.getRange(1, 1, values.length, values[0].length);
    range.setValues(values);
    range.setFontWeights(weights);
    // The note, the tables' titles and their headers stay in view over long tables. One
    // width for all columns (one call): sources are long citations, read in the cell.
    sheet.setFrozenRows(CATALOG_HEADER_ROW);
    sheet.setColumnWidths(1, CATALOG_COLUMNS, CATALOG_COLUMN_WIDTH);
    writeHelperColumns(sheet, changes, { keys: true, ages: true, runs: true }, true);
    sheet.setConditionalFormatRules([staleRule(sheet)]);
    return { sheet, added: values.length - CATALOG_HEADER_ROW };
  }
  const sheet = state.sheet;
  if (state.keysInOldPlace) moveOldKeys(sheet);
  const helpers = {
    keys: !hasKeyColumns(state),
    ages: !hasAgeColumns(state),
    runs: !hasRunsTable(state.grid) && runsAreaBlank(state),
  };
  if (helpers.keys || helpers.ages || helpers.runs) writeHelperColumns(sheet, changes, helpers);
  if (helpers.runs) growRows(sheet, changes);
  else if (hasRunsTable(state.grid)) writeMissingRunRows(sheet, state.grid, changes);
  if (helpers.ages) addStaleRule(sheet, changes);
  if (!hasAvailabilityBlock(state.grid)) writeAvailabilityBlock(sheet, state, changes);
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
    writeAppendedDates(sheet, append, changes);
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
