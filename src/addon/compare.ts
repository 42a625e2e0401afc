// The "FT Compare" sheet: one row per scenario sheet of the workbook, each cell a live
// reference to that scenario's headline cell, and a column chart of break-even months.
//
// Layout: row 1 title, row 2 headers (frozen), rows 3.. one per scenario in columns A:K.
// Column A is =HYPERLINK("#gid=<sheet id>", "<sheet name>"): a link to the scenario, and
// the row's identity, which survives renames (Sheets also rewrites the references of B:K
// when a scenario sheet is renamed). Columns right of K belong to the user: a refresh
// never writes there, and a row keeps its notes because rows are only deleted (a deleted
// scenario's row) or inserted (a new scenario's row), never moved by rewriting.
import { builtInIndex, computeScenario, resolveScenario } from '../engine';
import type { CompareResult } from '../shared/contract';
import { COMPARE_METADATA_KEY, GRID_CELLS, SCENARIO_METADATA_KEY } from './markers';
import { scenarioLayout } from './scenario-layout';
import { splitFormulas } from './formula-blocks';
import { ensureSheetSize } from './sheet-size';
import { Changes, failure } from './changes';
import { withDocumentLock } from './document-lock';
import { insertUniqueSheet } from './new-sheets';
import { asText, formulaString, sheetRef } from './text';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;
type Grid = (string | number | boolean | Date)[][];
type Weight = 'bold' | 'normal';

export const COMPARE_SHEET = 'FT Compare';
const TITLE =
  'Scenarios side by side (live references). Refresh: Extensions > Fine-tuning cost > Compare scenarios. Your notes right of column K stay.';
const HEADER_ROWS = 2;
const FIRST_ROW = HEADER_ROWS + 1;
const CHART_TITLE = 'Break-even months by scenario';
/** Where the chart sits: right of the table and of a column of notes. */
const CHART_ANCHOR_COLUMN = 13;
/**
 * Column A's width in pixels: a scenario sheet's name ("Scenario Llama 13B LoRA") whole. At
 * the default 100 px Sheets clips it at column B's text, and every row read "Scenario Llama".
 */
const NAME_COLUMN_WIDTH = 240;

const USD = '$#,##0.00';
// Not '@' (Plain text): a formula written into a Plain text cell stays text. This is the
// scenario sheet's format for text cells, which shows a number typed there as a number.
const TEXT = '#,##0.0###';
const MONTHS = '#,##0.0';

interface Column {
  readonly header: string;
  /** The key of the scenario layout's `cells` map this column refers to. */
  readonly cell: string;
  readonly format: string;
}

/** Columns B:K; column A is the link to the scenario sheet. */
const COLUMNS: readonly Column[] = [
  { header: 'Model', cell: 'input.model', format: TEXT },
  { header: 'Method', cell: 'input.method', format: TEXT },
  { header: 'GPU provider', cell: 'input.provider', format: TEXT },
  { header: 'Up-front cost', cell: 'upfront', format: USD },
  { header: 'Monthly API cost', cell: 'monthlyApi', format: USD },
  { header: 'Monthly fine-tuned cost', cell: 'monthlyFinetuned', format: USD },
  { header: 'Break-even (months)', cell: 'breakEven', format: MONTHS },
  { header: 'NPV at the horizon', cell: 'npv', format: USD },
  { header: 'ROI at 36 months', cell: 'roi36', format: USD },
  { header: 'Verdict', cell: 'verdict', format: TEXT },
];
export const COMPARE_COLUMNS = COLUMNS.length + 1;
/** The break-even column (H), charted against the scenario names (A). */
const BREAK_EVEN_COLUMN = 1 + COLUMNS.findIndex((column) => column.cell === 'breakEven') + 1;

/** The scenario sheet a row refers to. */
interface ScenarioSheet {
  readonly id: number;
  readonly name: string;
  /** The headline cells its marker recorded when it was made; null for an older sheet. */
  readonly cells: Readonly<Record<string, string>> | null;
}

/** A cell address as the scenario layout writes it: column letters, then a row number. */
const CELL_ADDRESS = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

/**
 * The value a new scenario sheet's marker records: the addresses of the cells this sheet
 * reads, as JSON. A layout that moves rows later (a release adds a block above the results)
 * then still reads an older sheet at its own cells, not at where a new sheet has them.
 */
export function scenarioMarkerValue(cells: Readonly<Record<string, string>>): string {
  const recorded: Record<string, string> = {};
  for (const cell of [...COLUMNS.map((column) => column.cell), ...GRID_CELLS])
    if (cells[cell]) recorded[cell] = cells[cell];
  return JSON.stringify(recorded);
}

/**
 * The cells a marker's value records, or null when it records none a row can use (a sheet
 * made before markers had values, or a value edited by another script). Only plain cell
 * addresses are taken: the value goes into formulas.
 */
export function recordedCells(value: string | null): Readonly<Record<string, string>> | null {
  if (!value) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const cells: Record<string, string> = {};
  for (const [key, address] of Object.entries(parsed as Record<string, unknown>)) {
    if (typeof address !== 'string' || !CELL_ADDRESS.test(address)) return null;
    cells[key] = address;
  }
  return cells;
}

const LINK = /^=HYPERLINK\("#gid=(\d+)"/i;

/**
 * A1 addresses of a scenario's headline cells. Every scenario sheet puts its inputs and
 * results in fixed rows whatever its inputs, so the default scenario's layout gives them.
 */
function headlineCells(): Readonly<Record<string, string>> {
  const index = builtInIndex();
  return scenarioLayout(computeScenario(resolveScenario({}, index), index), index).cells;
}

/**
 * The row of one scenario: its link and a reference to each headline cell (blank if none),
 * at the cells its marker recorded, else at the current layout's (`layoutCells`).
 */
function scenarioRow(
  scenario: ScenarioSheet,
  layoutCells: Readonly<Record<string, string>>,
): string[] {
  const sheet = sheetRef(scenario.name);
  const cells = scenario.cells ?? layoutCells;
  return [
    `=HYPERLINK(${formulaString(`#gid=${scenario.id}`)}, ${formulaString(scenario.name)})`,
    ...COLUMNS.map((column) => (cells[column.cell] ? `=${sheet}!${cells[column.cell]}` : '')),
  ];
}

function headerRows(): string[][] {
  return [
    [TITLE, ...COLUMNS.map(() => '')],
    ['Scenario sheet', ...COLUMNS.map((column) => column.header)],
  ];
}

const ROW_FORMATS = [TEXT, ...COLUMNS.map((column) => column.format)];
const HEADER_FORMATS = ROW_FORMATS.map(() => TEXT);
const ROW_WEIGHTS = ROW_FORMATS.map((): Weight => 'normal');
const HEADER_WEIGHTS = ROW_FORMATS.map((): Weight => 'bold');

/**
 * The scenario sheets of the workbook, by their metadata (one finder call, then five calls
 * per scenario: Apps Script has no call that names several sheets at once).
 */
function findScenarios(spreadsheet: Spreadsheet): ScenarioSheet[] {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(SCENARIO_METADATA_KEY).find();
  const scenarios: ScenarioSheet[] = [];
  const seen = new Set<number>();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (!sheet) continue;
    const id = sheet.getSheetId();
    if (seen.has(id)) continue;
    seen.add(id);
    scenarios.push({ id, name: sheet.getName(), cells: recordedCells(metadata.getValue()) });
  }
  return scenarios;
}

function findCompareSheet(spreadsheet: Spreadsheet): Sheet | null {
  const found = spreadsheet.createDeveloperMetadataFinder().withKey(COMPARE_METADATA_KEY).find();
  for (const metadata of found) {
    const sheet = metadata.getLocation().getSheet();
    if (sheet) return sheet;
  }
  return null;
}

/** A column chart of the break-even column by scenario, over every row the sheet has. */
function insertChart(sheet: Sheet, maxRows: number): void {
  // Whole columns from the header down: rows inserted or deleted inside the range grow or
  // shrink it, so the chart follows the table without being rebuilt; blank rows are skipped.
  const rows = maxRows - 1;
  sheet.insertChart(
    sheet
      .newChart()
      .setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange(HEADER_ROWS, 1, rows, 1))
      .addRange(sheet.getRange(HEADER_ROWS, BREAK_EVEN_COLUMN, rows, 1))
      .setOption('title', CHART_TITLE)
      .setPosition(HEADER_ROWS, CHART_ANCHOR_COLUMN, 0, 0)
      .build(),
  );
}

/**
 * Writes a grid's cells from A1 and returns its range: values with setValues (text stays
 * text), formulas with setFormulas, which takes them in en_US syntax in every locale: the
 * links and references work in a spreadsheet whose formulas use ";" (formula-blocks.ts).
 */
function writeGrid(sheet: Sheet, grid: Grid, columns: number): Range {
  const range = sheet.getRange(1, 1, grid.length, columns);
  const { values, blocks } = splitFormulas(grid);
  range.setValues(values);
  for (const block of blocks) {
    sheet
      .getRange(block.row, block.column, block.formulas.length, block.formulas[0].length)
      .setFormulas(block.formulas);
  }
  return range;
}

/** Writes the header and the rows of a new compare sheet. */
function writeNewSheet(
  sheet: Sheet,
  scenarios: readonly ScenarioSheet[],
  cells: Readonly<Record<string, string>>,
): void {
  const values = [...headerRows(), ...scenarios.map((scenario) => scenarioRow(scenario, cells))];
  const size = ensureSheetSize(sheet, values.length, CHART_ANCHOR_COLUMN);
  const range = writeGrid(sheet, values, COMPARE_COLUMNS);
  range.setNumberFormats([HEADER_FORMATS, HEADER_FORMATS, ...scenarios.map(() => ROW_FORMATS)]);
  range.setFontWeights(values.map((_, r) => (r < HEADER_ROWS ? HEADER_WEIGHTS : ROW_WEIGHTS)));
  sheet.setFrozenRows(HEADER_ROWS);
  sheet.setColumnWidth(1, NAME_COLUMN_WIDTH);
  insertChart(sheet, size.rows);
}

/** The compare sheet as it was, to put back if a refresh fails half-way. */
interface Snapshot {
  readonly maxRows: number;
  readonly rows: number;
  readonly columns: number;
  /** Each cell's formula, or its value where it has none. */
  readonly contents: Grid;
  readonly formats: string[][];
  readonly weights: Weight[][];
}

function takeSnapshot(sheet: Sheet): Snapshot {
  const maxRows = sheet.getMaxRows();
  const range = sheet.getDataRange();
  const values = range.getValues() as Grid;
  const formulas = range.getFormulas();
  const formats = range.getNumberFormats();
  const weights = range
    .getFontWeights()
    .map((row) => row.map((weight): Weight => (weight === 'bold' ? 'bold' : 'normal')));
  const contents = values.map((row, r) =>
    row.map((value, c) => formulas[r][c] || (typeof value === 'string' ? asText(value) : value)),
  );
  const columns = values[0]?.length ?? 0;
  return { maxRows, rows: values.length, columns, contents, formats, weights };
}

/**
 * Puts the sheet back as the snapshot has it: its number of rows, and its cells'
 * contents, number formats and font weights (rows deleted and inserted since shifted the cells below).
 */
function restore(sheet: Sheet, snapshot: Snapshot, rowsAdded: number): void {
  if (rowsAdded < 0) sheet.insertRowsAfter(snapshot.maxRows + rowsAdded, -rowsAdded);
  const columns = Math.max(snapshot.columns, COMPARE_COLUMNS);
  const pad = (row: readonly (string | number | boolean | Date)[]): Grid[number] => [
    ...row,
    ...new Array<string>(columns - row.length).fill(''),
  ];
  // Blank rows under the old content clear what an insertion had pushed down there.
  const blankRows = Math.max(0, rowsAdded);
  const contents = [
    ...snapshot.contents.map(pad),
    ...Array.from({ length: blankRows }, () => pad([])),
  ];
  if (contents.length > 0) writeGrid(sheet, contents, columns);
  if (snapshot.rows > 0) {
    const old = sheet.getRange(1, 1, snapshot.rows, snapshot.columns);
    old.setNumberFormats(snapshot.formats);
    old.setFontWeights(snapshot.weights);
  }
  if (rowsAdded > 0) sheet.deleteRows(snapshot.maxRows + 1, rowsAdded);
}

/**
 * Brings an existing compare sheet up to date: deletes the rows of scenarios that are gone,
 * inserts rows for new ones under the table, and rewrites A:K of the header and table.
 */
function refreshSheet(
  sheet: Sheet,
  name: string,
  scenarios: readonly ScenarioSheet[],
  cells: Readonly<Record<string, string>>,
  changes: Changes,
): void {
  const snapshot = takeSnapshot(sheet);
  const live = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  // Each row from FIRST_ROW: the scenario it shows, or null for a row that is not the
  // add-in's (no link in A: the user's) or whose scenario is gone (or shown twice).
  const shown = new Set<number>();
  const dead: number[] = [];
  const rowsBelowHeader: { readonly scenario: ScenarioSheet | null; readonly row: number }[] = [];
  let lastOurs = HEADER_ROWS;
  for (let r = FIRST_ROW; r <= snapshot.rows; r++) {
    const link = LINK.exec(String(snapshot.contents[r - 1][0]));
    if (!link) {
      rowsBelowHeader.push({ scenario: null, row: r });
      continue;
    }
    const scenario = live.get(Number(link[1]));
    if (!scenario || shown.has(scenario.id)) {
      dead.push(r);
      continue;
    }
    shown.add(scenario.id);
    rowsBelowHeader.push({ scenario, row: r });
    lastOurs = r;
  }
  const added = scenarios.filter((scenario) => !shown.has(scenario.id));

  let rowsAdded = 0;
  changes.add(`restoring "${name}" as it was`, () => restore(sheet, snapshot, rowsAdded));
  // Bottom up, a run of adjacent rows at a time, so the row numbers above stay valid.
  for (const [start, count] of runsBottomUp(dead)) {
    sheet.deleteRows(start, count);
    rowsAdded -= count;
  }
  const shift = (row: number): number => row - dead.filter((d) => d < row).length;
  const tableEnd = shift(lastOurs);
  if (added.length > 0) {
    sheet.insertRowsAfter(tableEnd, added.length);
    rowsAdded += added.length;
  }

  // Rows 1..tableEnd + added: header, the kept rows (the user's rows among them as they
  // were), then the new scenarios' rows.
  const values: Grid = headerRows();
  const formats: string[][] = [HEADER_FORMATS, HEADER_FORMATS];
  // Set, not left: an inserted row takes the formatting of the row above it (the header's bold).
  const weights: Weight[][] = [HEADER_WEIGHTS, HEADER_WEIGHTS];
  for (const { scenario, row } of rowsBelowHeader) {
    if (shift(row) > tableEnd) break;
    if (scenario) {
      values.push(scenarioRow(scenario, cells));
      formats.push(ROW_FORMATS);
      weights.push(ROW_WEIGHTS);
    } else {
      values.push(keptCells(snapshot.contents[row - 1]));
      formats.push(keptCells(snapshot.formats[row - 1]).map(String));
      weights.push(
        keptCells(snapshot.weights[row - 1]).map((weight): Weight =>
          weight === 'bold' ? 'bold' : 'normal',
        ),
      );
    }
  }
  for (const scenario of added) {
    values.push(scenarioRow(scenario, cells));
    formats.push(ROW_FORMATS);
    weights.push(ROW_WEIGHTS);
  }
  const range = writeGrid(sheet, values, COMPARE_COLUMNS);
  range.setNumberFormats(formats);
  range.setFontWeights(weights);
  if (sheet.getCharts().length === 0) insertChart(sheet, snapshot.maxRows + rowsAdded);
}

/** Runs of adjacent rows as [first row, count], the lowest run first; `rows` ascending. */
function runsBottomUp(rows: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === row) last[1]++;
    else runs.push([row, 1]);
  }
  return runs.reverse();
}

/** A row's first COMPARE_COLUMNS cells as they were (blank past the old data range). */
function keptCells<T>(row: readonly T[] | undefined): (T | string)[] {
  return Array.from({ length: COMPARE_COLUMNS }, (_, c) => row?.[c] ?? '');
}

/**
 * Writes or refreshes the "FT Compare" sheet: a row per scenario sheet with live
 * references to its headline cells, and a chart of break-even months. No other sheet is
 * changed; a failure half-way undoes what this run did. Holds the document lock.
 */
export function compareScenarios(): CompareResult {
  // One run at a time: two at once would each find no compare sheet and make two.
  return withDocumentLock(() => {
    const changes = new Changes();
    try {
      const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
      const scenarios = findScenarios(spreadsheet);
      const cells = headlineCells();
      const existing = findCompareSheet(spreadsheet);
      if (existing) {
        const name = existing.getName();
        refreshSheet(existing, name, scenarios, cells, changes);
        return { sheetName: name };
      }
      // The insert records its own undo (a sheet made by an insert that then threw included).
      const { sheet, name } = insertUniqueSheet(spreadsheet, COMPARE_SHEET, changes);
      sheet.addDeveloperMetadata(COMPARE_METADATA_KEY);
      writeNewSheet(sheet, scenarios, cells);
      return { sheetName: name };
    } catch (error) {
      throw failure(`write the "${COMPARE_SHEET}" sheet`, error, changes);
    }
  });
}
