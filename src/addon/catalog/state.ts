// The catalog sheet of a spreadsheet as one run sees it: read once (one getValues call),
// with the built-in rows it lacks and the catalog every view uses.
import { BUILT_IN_CATALOG, DEFAULT_STALE_AFTER_DAYS } from '../../engine';
import type { Catalog, MeasuredRun } from '../../engine';
import { CATALOG_SHEET, inCurrentLayout } from '../catalog-sheet';
import type { TableKey } from '../catalog-sheet';
import { catalogSheetGrids, lastTakenRows, missingBuiltInRows, withAppends } from './grids';
import type { CatalogAppend } from './grids';
import { readCatalogGrid } from './read';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

const isDate = (value: unknown): value is Date =>
  Object.prototype.toString.call(value) === '[object Date]';

/**
 * The catalog's cells with dates as the yyyy-MM-dd the user sees: a date typed in an As of
 * cell is midnight in the spreadsheet's time zone, which the script's own zone may put on
 * the day before. The zone is asked for only when there is a date.
 */
function datesAsShown(spreadsheet: Spreadsheet, grid: unknown[][]): unknown[][] {
  if (!grid.some((row) => row.some(isDate))) return grid;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return grid.map((row) =>
    row.map((cell) => (isDate(cell) ? Utilities.formatDate(cell, zone, 'yyyy-MM-dd') : cell)),
  );
}

export interface CatalogState {
  readonly sheet: Sheet | null;
  /** The sheet's data range and its values, for placing the appends (writeCatalog). */
  readonly dataRange: Range | null;
  readonly grid: readonly (readonly unknown[])[];
  /**
   * The built-in rows the sheet lacks, placed by its values alone: enough to know what
   * the catalog will hold, while writeCatalog places them again below formula cells too.
   */
  readonly appends: readonly CatalogAppend[];
  readonly catalog: Catalog;
  readonly warnings: readonly string[];
  /** True when the sheet's lookup keys are where they were before the managed price columns. */
  readonly keysInOldPlace?: boolean;
  /** The staleness threshold in days (the sheet's setting, or the default). */
  readonly staleAfterDays: number;
  readonly runs: readonly MeasuredRun[];
}

/** Reads the catalog sheet once (one getValues call); a missing sheet means the built-in catalog. */
export function readCatalogState(spreadsheet: Spreadsheet): CatalogState {
  const sheet = spreadsheet.getSheetByName(CATALOG_SHEET);
  if (!sheet) {
    return {
      sheet: null,
      dataRange: null,
      grid: [],
      appends: [],
      catalog: BUILT_IN_CATALOG,
      warnings: [],
      staleAfterDays: DEFAULT_STALE_AFTER_DAYS,
      runs: [],
    };
  }
  const dataRange = sheet.getDataRange();
  const values = datesAsShown(spreadsheet, dataRange.getValues());
  const grid = inCurrentLayout(values);
  const appends = missingBuiltInRows(grid);
  const { catalog, warnings, staleAfterDays, runs } = readCatalogGrid(withAppends(grid, appends));
  return {
    sheet,
    dataRange,
    grid,
    appends,
    catalog,
    warnings,
    staleAfterDays,
    runs,
    keysInOldPlace: grid !== values,
  };
}

/**
 * Where the missing rows go once formulas count too: a formula that evaluates to "" reads
 * as blank among the values, yet writing over it would destroy the user's cell. Only a
 * run that appends asks for the formulas, so reading a complete catalog (a scenario's
 * usual path) and a new workbook's 40 calls stay as they are.
 */
export function appendsBelowFormulas(state: CatalogState): readonly CatalogAppend[] {
  if (state.appends.length === 0 || !state.dataRange) return state.appends;
  return missingBuiltInRows(state.grid, state.dataRange.getFormulas());
}

/**
 * Each catalog table's last taken row once this run has added the built-in rows the sheet
 * lacks (a new sheet's as the add-in writes it): rows added later go below.
 */
export function catalogTableEnds(state: CatalogState): Record<TableKey, number> {
  return lastTakenRows(
    state.sheet ? withAppends(state.grid, state.appends) : catalogSheetGrids().values,
  );
}
