// Every SpreadsheetApp / HtmlService call of the add-in lives in src/addon. Nothing here
// runs at load time: Apps Script evaluates global code on every call, and in onOpen's
// AuthMode.NONE a global that touched the document would fail.
import { BUILT_IN_CATALOG, CatalogIndex, computeScenario, resolveScenario } from '../engine';
import type { Catalog } from '../engine';
import type { CatalogResponse, CatalogSheetResult, ScenarioSummary } from '../shared/contract';
import {
  CATALOG_COLUMNS,
  CATALOG_HEADER_ROW,
  CATALOG_SHEET,
  catalogSheetGrids,
  missingBuiltInRows,
  readCatalogGrid,
  withAppends,
} from './catalog-sheet';
import type { CatalogAppend } from './catalog-sheet';
import { SCENARIO_METADATA_KEY } from './markers';
import { scenarioLayout } from './scenario-layout';
import type { ScenarioLayout } from './scenario-layout';
import { messageOf } from '../shared/message';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Columns and rows of a new sheet in Google Sheets. */
const NEW_SHEET_COLUMNS = 26;
const NEW_SHEET_ROWS = 1000;
/** Attempts at a free scenario sheet name ("X", "X (2)", ...). */
const MAX_NAME_ATTEMPTS = 50;
const MAX_SHEET_NAME = 90;

/** What the add-in has changed so far in one run, to undo it if a later step fails. */
export class Changes {
  private readonly undos: { what: string; undo: () => void }[] = [];
  made = false;

  add(what: string, undo: () => void): void {
    this.undos.push({ what, undo });
    this.made = true;
  }

  /** Undoes everything, newest first; returns what could not be undone. */
  rollback(): string[] {
    const failed: string[] = [];
    for (const { what, undo } of this.undos.reverse()) {
      try {
        undo();
      } catch (error) {
        failed.push(`${what} (${messageOf(error)})`);
      }
    }
    return failed;
  }
}

/** The failure message: what failed, why, and what state the spreadsheet is left in. */
export function failure(doing: string, error: unknown, changes: Changes): Error {
  const cause = messageOf(error);
  if (!changes.made) return new Error(`Could not ${doing}: ${cause}. Nothing was changed.`);
  const failed = changes.rollback();
  if (failed.length === 0) {
    return new Error(
      `Could not ${doing}: ${cause}. What it had started was undone; no other sheet was changed.`,
    );
  }
  return new Error(
    `Could not ${doing}: ${cause}. Undoing what it had started failed too: ${failed.join('; ')}. ` +
      'Please remove that by hand; no other sheet was changed.',
  );
}

interface CatalogState {
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
}

/** Reads the catalog sheet once (one getValues call); a missing sheet means the built-in catalog. */
function readCatalogState(spreadsheet: Spreadsheet): CatalogState {
  const sheet = spreadsheet.getSheetByName(CATALOG_SHEET);
  if (!sheet) {
    return {
      sheet: null,
      dataRange: null,
      grid: [],
      appends: [],
      catalog: BUILT_IN_CATALOG,
      warnings: [],
    };
  }
  const dataRange = sheet.getDataRange();
  const grid = dataRange.getValues();
  const appends = missingBuiltInRows(grid);
  const { catalog, warnings } = readCatalogGrid(withAppends(grid, appends));
  return { sheet, dataRange, grid, appends, catalog, warnings };
}

/**
 * Where the missing rows go once formulas count too: a formula that evaluates to "" reads
 * as blank among the values, yet writing over it would destroy the user's cell. Only a
 * run that appends asks for the formulas, so reading a complete catalog (a scenario's
 * usual path) and a new workbook's 40 calls stay as they are.
 */
function appendsBelowFormulas(state: CatalogState): readonly CatalogAppend[] {
  if (state.appends.length === 0 || !state.dataRange) return state.appends;
  return missingBuiltInRows(state.grid, state.dataRange.getFormulas());
}

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
  sheet.insertRowsAfter(maxRows, howMany);
  // Blank as they are, the rows change the sheet's size: a failed run must leave it as it
  // was. The undo runs after the appended cells are cleared (newest first), so it removes
  // rows that hold nothing.
  changes.add(`removing the ${howMany} row(s) added at the bottom of "${CATALOG_SHEET}"`, () =>
    sheet.deleteRows(maxRows + 1, howMany),
  );
}

/** Creates the catalog sheet, or appends the built-in rows it lacks; records how to undo it. */
function writeCatalog(spreadsheet: Spreadsheet, state: CatalogState, changes: Changes): number {
  if (!state.sheet) {
    const sheet = spreadsheet.insertSheet(CATALOG_SHEET);
    changes.add(`removing the new sheet "${CATALOG_SHEET}"`, () => spreadsheet.deleteSheet(sheet));
    const { values, weights } = catalogSheetGrids();
    sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, CATALOG_COLUMNS - NEW_SHEET_COLUMNS);
    const range = sheet.getRange(1, 1, values.length, CATALOG_COLUMNS);
    range.setValues(values);
    range.setFontWeights(weights);
    // No frozen header here: its one call goes to the scenario's readable label columns,
    // keeping a scenario within 40 SpreadsheetApp calls (issue 6).
    return values.length - CATALOG_HEADER_ROW;
  }
  const sheet = state.sheet;
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
    range.setValues(append.cells);
    changes.add(`clearing the rows added to "${CATALOG_SHEET}"`, () => {
      range.setValues(blanks);
    });
    added += append.cells.length;
  }
  return added;
}

/**
 * The catalog for the sidebar: the built-in rows merged with the user's rows of the
 * catalog sheet, and a warning for each user row that could not be read.
 */
export function getCatalog(): CatalogResponse {
  const state = readCatalogState(SpreadsheetApp.getActiveSpreadsheet());
  return { catalog: state.catalog, warnings: state.warnings.slice() };
}

/**
 * The catalog for a custom function: the catalog sheet's rows merged with the built-in
 * ones, or undefined without a catalog sheet or outside Apps Script (node, tests). Four
 * SpreadsheetApp calls (spreadsheet, sheet, data range, values) whatever the sheet holds;
 * it only reads, as a custom function must.
 */
export function readActiveCatalog(): { catalog: Catalog; warnings: readonly string[] } | undefined {
  if (typeof SpreadsheetApp === 'undefined') return undefined;
  const state = readCatalogState(SpreadsheetApp.getActiveSpreadsheet());
  return state.sheet ? { catalog: state.catalog, warnings: state.warnings } : undefined;
}

/**
 * Inserts the catalog sheet, or adds the built-in rows an existing one lacks below each
 * table; never overwrites or reorders a row that is there.
 */
export function insertCatalogSheet(): CatalogSheetResult {
  const changes = new Changes();
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const state = readCatalogState(spreadsheet);
    const added = writeCatalog(spreadsheet, state, changes);
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

/** Inserts a sheet named `base`, or "base (2)", "base (3)", ... when taken. */
export function insertUniqueSheet(
  spreadsheet: Spreadsheet,
  base: string,
): { sheet: Sheet; name: string } {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = attempt === 1 ? base : `${base} (${attempt})`;
    try {
      // Trying the insert (rather than listing names first) is one call when the name is
      // free, and two runs at once can never both get the same sheet.
      return { sheet: spreadsheet.insertSheet(name), name };
    } catch (error) {
      // Ask the spreadsheet rather than read the message: Apps Script words its errors in
      // the user's language. A taken name means try the next suffix; anything else is real.
      if (spreadsheet.getSheetByName(name) === null) throw error;
    }
  }
  throw new Error(
    `There are already ${MAX_NAME_ATTEMPTS} sheets named "${base}" or "${base} (n)"; rename or delete some`,
  );
}

/** Pixels for the scenario's label and value columns A:G (Sheets' default is 100). */
const LABEL_COLUMN_WIDTH = 190;

function writeScenario(sheet: Sheet, layout: ScenarioLayout): void {
  if (layout.columns > NEW_SHEET_COLUMNS) {
    sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, layout.columns - NEW_SHEET_COLUMNS);
  }
  const rowsNeeded = Math.max(layout.rows, ...layout.charts.map((chart) => chart.anchorRow));
  if (rowsNeeded > NEW_SHEET_ROWS)
    sheet.insertRowsAfter(NEW_SHEET_ROWS, rowsNeeded - NEW_SHEET_ROWS);
  // One range, one call per kind: the count does not grow with the timeline or the catalog.
  const range = sheet.getRange(1, 1, layout.rows, layout.columns);
  range.setValues(layout.values);
  range.setNumberFormats(layout.formats);
  range.setFontWeights(layout.weights);
  range.setBackgrounds(layout.backgrounds);
  sheet.setFrozenRows(layout.frozenRows);
  // One call for A:G (inputs, spacer, results), so their labels are not clipped.
  sheet.setColumnWidths(1, layout.labelColumns, LABEL_COLUMN_WIDTH);
  for (const chart of layout.charts) {
    const [row, column, numRows, numColumns] = chart.range;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(Charts.ChartType[chart.type])
        .addRange(sheet.getRange(row, column, numRows, numColumns))
        .setOption('title', chart.title)
        .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0)
        .build(),
    );
  }
}

function sheetNameFor(model: string, method: string): string {
  // Sheet names cannot hold every character a model name may: keep it short and plain.
  const base = `Scenario ${model} ${method}`
    .split('')
    .map((ch) => (ch < ' ' ? ' ' : ch))
    .join('')
    .trim();
  return base.length > MAX_SHEET_NAME ? base.slice(0, MAX_SHEET_NAME).trim() : base;
}

/**
 * Writes a new scenario sheet for `input` (fields left out take their defaults) as live
 * formulas over its inputs and the catalog sheet (created first when missing), and
 * returns the engine's numbers. Invalid input throws the engine's message before
 * anything is written; a failure half-way removes what this run created.
 */
export function generateScenario(input?: unknown): ScenarioSummary {
  const changes = new Changes();
  let name = '';
  let warnings: readonly string[] = [];
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const state = readCatalogState(spreadsheet);
    warnings = state.warnings;
    const index = new CatalogIndex(state.catalog);
    const result = computeScenario(resolveScenario(input ?? {}, index), index);
    const layout = scenarioLayout(result, index);
    writeCatalog(spreadsheet, state, changes);
    const base = sheetNameFor(result.resolved.model.name, result.resolved.method.name);
    const inserted = insertUniqueSheet(spreadsheet, base);
    name = inserted.name;
    changes.add(`removing the new sheet "${name}"`, () => spreadsheet.deleteSheet(inserted.sheet));
    // What compareScenarios finds it by, whatever the sheet is renamed to.
    inserted.sheet.addDeveloperMetadata(SCENARIO_METADATA_KEY);
    writeScenario(inserted.sheet, layout);
    return {
      sheetName: name,
      trainingHours: result.training.providerHours,
      trainingCost: result.training.gpuCost,
      upfrontCost: result.upfront.total,
      monthlyApiCost: result.monthly.api,
      monthlyFinetunedCost: result.monthly.finetuned,
      breakEvenMonths: result.breakEvenMonths,
      roi36: result.roi.months36,
      verdict: result.verdict.text,
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'InputError') {
      // A name the user's catalog sheet got wrong reads as "not in the catalog": say why.
      if (warnings.length > 0) error.message += ` (${warnings.join(' ')})`;
      throw error;
    }
    throw failure(
      name ? `write the scenario sheet "${name}"` : 'create the scenario sheet',
      error,
      changes,
    );
  }
}
