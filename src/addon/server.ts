// Every SpreadsheetApp / HtmlService call of the add-in lives in src/addon. Nothing here
// runs at load time: Apps Script evaluates global code on every call, and in onOpen's
// AuthMode.NONE a global that touched the document would fail.
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  computeScenario,
  resolveScenario,
  SCENARIO_FIELDS,
} from '../engine';
import type { Catalog } from '../engine';
import type {
  CatalogResponse,
  CatalogSheetResult,
  ScenarioInputsResponse,
  ScenarioSummary,
} from '../shared/contract';
import {
  CATALOG_COLUMNS,
  CATALOG_FIRST_ROW,
  CATALOG_HEADER_ROW,
  CATALOG_SHEET,
  catalogColumn,
} from './catalog-sheet';
import { catalogSheetGrids, missingBuiltInRows, withAppends } from './catalog/grids';
import type { CatalogAppend } from './catalog/grids';
import { readCatalogGrid } from './catalog/read';
import { SCENARIO_METADATA_KEY } from './markers';
import { splitFormulas } from './formula-blocks';
import { columnLetter } from '../shared/a1';
import { INPUT_FIRST_ROW, scenarioLayout } from './scenario-layout';
import type { InputCell, ScenarioLayout } from './scenario-layout';
import { inputRule } from './input-rules';
import type { InputRule } from './input-rules';
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
        failed.push(`${what} (${clause(messageOf(error))})`);
      }
    }
    return failed;
  }
}

/** A message without its final period, to be followed by more sentences. */
function clause(text: string): string {
  return text.replace(/[.\s]+$/, '');
}

/**
 * A call failed and even asking what it did failed: the message says what may be left
 * (a sheet, rows), so the final sentence speaks of everything else.
 */
function uncertain(error: unknown, mayBeLeft: string): Error {
  const found = new Error(`${clause(messageOf(error))}. ${mayBeLeft}`);
  found.name = 'UncertainWrite';
  return found;
}

/** The failure message: what failed, why, and what state the spreadsheet is left in. */
export function failure(doing: string, error: unknown, changes: Changes): Error {
  const cause = clause(messageOf(error));
  const uncertainty = error instanceof Error && error.name === 'UncertainWrite';
  if (!changes.made) {
    return new Error(
      `Could not ${doing}: ${cause}. ${uncertainty ? 'Nothing else was changed.' : 'Nothing was changed.'}`,
    );
  }
  const failed = changes.rollback();
  if (failed.length === 0) {
    return new Error(
      `Could not ${doing}: ${cause}. What it had started was undone; no other sheet was changed.`,
    );
  }
  return new Error(
    `Could not ${doing}: ${cause}. Undoing what it had started failed too: ${failed.map(clause).join('; ')}. ` +
      'Please remove that by hand; no other sheet was changed.',
  );
}

/** How long a run waits for another run of the add-in on this spreadsheet to finish. */
const LOCK_WAIT_MS = 30000;

/**
 * Runs `work` holding the document lock, so two runs (two users, or two clicks) never
 * write at once: the second waits, then sees what the first made (the catalog sheet).
 */
function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch (error) {
    // A new message that names the cause (ES2019 has no Error `cause` option).
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `Another run of the add-in kept this spreadsheet busy for ${LOCK_WAIT_MS / 1000} seconds (${clause(messageOf(error))}). Nothing was changed; please try again.`,
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}

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
  const grid = datesAsShown(spreadsheet, dataRange.getValues());
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

/** Creates the catalog sheet, or appends the built-in rows it lacks; records how to undo it. */
function writeCatalog(
  spreadsheet: Spreadsheet,
  state: CatalogState,
  changes: Changes,
): { sheet: Sheet; added: number } {
  if (!state.sheet) {
    const sheet = insertNewSheet(spreadsheet, CATALOG_SHEET, changes);
    const { values, weights } = catalogSheetGrids();
    sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, CATALOG_COLUMNS - NEW_SHEET_COLUMNS);
    const range = sheet.getRange(1, 1, values.length, CATALOG_COLUMNS);
    range.setValues(values);
    range.setFontWeights(weights);
    // The note, the tables' titles and their headers stay in view over long tables. One
    // width for all columns (one call): sources are long citations, read in the cell.
    sheet.setFrozenRows(CATALOG_HEADER_ROW);
    sheet.setColumnWidths(1, CATALOG_COLUMNS, CATALOG_COLUMN_WIDTH);
    return { sheet, added: values.length - CATALOG_HEADER_ROW };
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
  return withDocumentLock(() => {
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
  });
}

/**
 * Inserts a sheet the caller knows to be free and records its removal. A call that made the
 * sheet and then failed (a time-out after the write) leaves it there: the name, free a moment
 * ago and with the document lock held, tells that it is this run's sheet, so it is removed
 * too; when even that cannot be asked, the message says which sheet may be left.
 */
function insertNewSheet(spreadsheet: Spreadsheet, name: string, changes: Changes): Sheet {
  let sheet: Sheet;
  try {
    sheet = spreadsheet.insertSheet(name);
  } catch (error) {
    let made: Sheet | null;
    try {
      made = spreadsheet.getSheetByName(name);
    } catch {
      throw uncertain(
        error,
        `A new, empty sheet "${name}" may have been made; delete it if it is there`,
      );
    }
    if (made) {
      const leftover = made;
      changes.add(`removing the new sheet "${name}"`, () => spreadsheet.deleteSheet(leftover));
    }
    throw error;
  }
  changes.add(`removing the new sheet "${name}"`, () => spreadsheet.deleteSheet(sheet));
  return sheet;
}

/** Inserts a sheet named `base`, or "base (2)", "base (3)", ... when taken. */
export function insertUniqueSheet(
  spreadsheet: Spreadsheet,
  base: string,
  changes: Changes,
): { sheet: Sheet; name: string } {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = attempt === 1 ? base : `${base} (${attempt})`;
    // Asked first (names compare ignoring case, as Sheets compares them): only a free name
    // is inserted, so a sheet found after a failed insert is this run's own.
    if (spreadsheet.getSheetByName(name) !== null) continue;
    return { sheet: insertNewSheet(spreadsheet, name, changes), name };
  }
  throw new Error(
    `There are already ${MAX_NAME_ATTEMPTS} sheets named "${base}" or "${base} (n)"; rename or delete some`,
  );
}

/** A1 notation of [row, column, numRows, numColumns]. */
function a1Of(row: number, column: number, numRows: number, numColumns: number): string {
  return `${columnLetter(column)}${row}:${columnLetter(column + numColumns - 1)}${row + numRows - 1}`;
}

/** Many ranges of one sheet in two calls, however many (getRangeList, then getRanges). */
function rangesOf(sheet: Sheet, a1Notations: readonly string[]): Range[] {
  return a1Notations.length === 0 ? [] : sheet.getRangeList(a1Notations.slice()).getRanges();
}

/** The rule of each input cell, built with one builder (builders are local objects). */
function validationRules(
  inputs: readonly InputCell[],
  catalogSheet: Sheet,
): GoogleAppsScript.Spreadsheet.DataValidation[][] {
  const rules = inputs.map((input): InputRule => inputRule(input.field));
  // The whole name column below each list table's header: rows a user adds are listed.
  const tables = [...new Set(rules.flatMap((rule) => (rule.kind === 'list' ? [rule.table] : [])))];
  const columns = rangesOf(
    catalogSheet,
    tables.map((table) => {
      const letter = catalogColumn(table, 0);
      return `${letter}${CATALOG_FIRST_ROW}:${letter}`;
    }),
  );
  const builder = SpreadsheetApp.newDataValidation();
  return rules.map((rule) => {
    if (rule.kind === 'list')
      builder.requireValueInRange(columns[tables.indexOf(rule.table)], true);
    else if (rule.kind === 'between') builder.requireNumberBetween(rule.min, rule.max);
    else if (rule.kind === 'above') builder.requireNumberGreaterThan(rule.min);
    else builder.requireNumberGreaterThanOrEqualTo(rule.min);
    return [builder.setAllowInvalid(rule.allowInvalid).setHelpText(rule.helpText).build()];
  });
}

/** The input cells as one range (they are one column, one row per field). */
function inputRange(sheet: Sheet, inputs: readonly InputCell[]): Range {
  const [first] = inputs;
  inputs.forEach((input, i) => {
    if (input.column !== first.column || input.row !== first.row + i)
      throw new Error('scenario layout: the input cells are not one column');
  });
  return sheet.getRange(first.row, first.column, inputs.length, 1);
}

const PROTECTION_NOTE =
  'Fine-tuning cost scenario: its results are formulas. Edit the yellow inputs; Sheets asks before you type over anything else.';

function writeScenario(sheet: Sheet, layout: ScenarioLayout, catalogSheet: Sheet): void {
  if (layout.columns > NEW_SHEET_COLUMNS) {
    sheet.insertColumnsAfter(NEW_SHEET_COLUMNS, layout.columns - NEW_SHEET_COLUMNS);
  }
  const rowsNeeded = Math.max(
    layout.rows,
    ...layout.charts.map((chart) => Math.max(chart.anchorRow, chart.range[0] + chart.range[2] - 1)),
  );
  if (rowsNeeded > NEW_SHEET_ROWS)
    sheet.insertRowsAfter(NEW_SHEET_ROWS, rowsNeeded - NEW_SHEET_ROWS);
  // One range, one call per kind: the count does not grow with the timeline or the catalog.
  const { values, blocks } = splitFormulas(layout.values);
  const range = sheet.getRange(1, 1, layout.rows, layout.columns);
  range.setValues(values);
  range.setNumberFormats(layout.formats);
  range.setFontWeights(layout.weights);
  range.setBackgrounds(layout.backgrounds);
  // Formulas in en_US syntax whatever the spreadsheet's locale (src/addon/formula-blocks.ts).
  const blockRanges = rangesOf(
    sheet,
    blocks.map((block) =>
      a1Of(block.row, block.column, block.formulas.length, block.formulas[0].length),
    ),
  );
  blocks.forEach((block, i) => blockRanges[i].setFormulas(block.formulas));
  sheet.setFrozenRows(layout.frozenRows);
  for (const { first, count, width } of layout.columnWidths) {
    sheet.setColumnWidths(first, count, width);
  }
  const inputs = inputRange(sheet, layout.inputs);
  inputs.setDataValidations(validationRules(layout.inputs, catalogSheet));
  // A warning (not a lock) on everything but the yellow inputs: typing over a formula asks
  // first, and the add-in's own later writes, which warnings do not stop, still work.
  sheet
    .protect()
    .setWarningOnly(true)
    .setUnprotectedRanges([inputs])
    .setDescription(PROTECTION_NOTE);
  const chartRanges = rangesOf(
    sheet,
    layout.charts.map((chart) => a1Of(...chart.range)),
  );
  layout.charts.forEach((chart, i) => {
    const builder = sheet
      .newChart()
      .setChartType(Charts.ChartType[chart.type])
      .addRange(chartRanges[i])
      .setNumHeaders(chart.numHeaders)
      .setOption('title', chart.title)
      .setPosition(chart.anchorRow, chart.anchorColumn, 0, 0);
    for (const [option, value] of Object.entries(chart.options)) builder.setOption(option, value);
    sheet.insertChart(builder.build());
  });
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
  return withDocumentLock(() => writeScenarioSheet(input));
}

function writeScenarioSheet(input: unknown): ScenarioSummary {
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
    const catalog = writeCatalog(spreadsheet, state, changes);
    const base = sheetNameFor(result.resolved.model.name, result.resolved.method.name);
    const inserted = insertUniqueSheet(spreadsheet, base, changes);
    name = inserted.name;
    // What compareScenarios finds it by, whatever the sheet is renamed to.
    inserted.sheet.addDeveloperMetadata(SCENARIO_METADATA_KEY);
    writeScenario(inserted.sheet, layout, catalog.sheet);
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
      ...result.finance,
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

/**
 * The inputs of the active sheet when it is a scenario sheet (its Inputs block lists the
 * engine's fields, in order), so the sidebar can load them and make a variant; null for any
 * other sheet. Values come back as the cells hold them: numbers, text, '' for a blank.
 */
export function getScenarioInputs(): ScenarioInputsResponse | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const first = INPUT_FIRST_ROW;
  if (sheet.getLastRow() < first + SCENARIO_FIELDS.length - 1) return null;
  const rows = sheet.getRange(first, 1, SCENARIO_FIELDS.length, 2).getValues();
  const input: Record<string, string | number> = {};
  for (const [i, field] of SCENARIO_FIELDS.entries()) {
    const [label, value] = rows[i];
    if (label !== field.label) return null;
    if (typeof value === 'number' || typeof value === 'string') input[field.key] = value;
    else if (typeof value === 'boolean') input[field.key] = String(value).toUpperCase();
    else input[field.key] = '';
  }
  return { sheetName: sheet.getName(), input };
}
