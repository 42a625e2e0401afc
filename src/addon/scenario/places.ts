// Where everything on the scenario sheet is. Every formula refers to these places, so they
// are all decided before any cell is written; the blocks then fill them in.
import { columnLetter, columnNumber } from '../../shared/a1';
import {
  DECISION,
  FINANCE,
  INPUT_CHECKS,
  LADDER,
  lookupMetrics,
  MATRIX_DATASET_SIZES,
  MONTHLY,
  PROBLEM,
  SCENARIO_FIELDS,
  tableColumns,
  TRAINING,
  UPFRONT_ITEMS,
  UPFRONT_TOTAL,
  VERDICT,
  CASE_DRIVERS,
  CASE_NAMES,
  CASE_RESULTS,
  GRID_STEPS,
} from '../../engine';
import type { Metric, ScenarioField, ScenarioResult, ScenarioTables } from '../../engine';

export const FROZEN_ROWS = 4;
export const TITLE_ROW = 3;
export const HEADER_ROW = 4;
export const FIRST_ROW = 5;
/** The first input's row (getScenarioInputs reads a scenario sheet's inputs from there). */
export const INPUT_FIRST_ROW = FIRST_ROW;
/**
 * The tables that list catalog rows, side by side from P, a blank column between them:
 * providers, methods, the model x dataset-size matrix (each a key column and its columns).
 */
const CATALOG_TABLES_COLUMN = columnNumber('P');
const CATALOG_TABLE_ORDER = ['providers', 'methods', 'matrix'] as const;
function catalogTableColumns(): Readonly<Record<(typeof CATALOG_TABLE_ORDER)[number], number>> {
  const columns = tableColumns();
  let next = CATALOG_TABLES_COLUMN;
  const at = {} as Record<(typeof CATALOG_TABLE_ORDER)[number], number>;
  for (const key of CATALOG_TABLE_ORDER) {
    at[key] = next;
    next += 1 + columns[key].length + 1;
  }
  return at;
}
/** Results (E:G): nothing grows here; each group's rows follow from the groups above it. */
export const RESULTS_COLUMN = 5;
/** Rows between two groups of results: a blank row and the next group's title. */
const GROUP_GAP = 2;
/** The up-front breakdown's header: right below the monthly costs. */
export const upfrontHeaderRow = (): number =>
  FIRST_ROW + TRAINING().length + GROUP_GAP + MONTHLY().length;
export const TIMELINE_COLUMN = columnNumber('I');
/** Sensitivity (right of the matrix): a row per driver, the largest NPV swing (when made) first. */
export const SENSITIVITY_COLUMN =
  catalogTableColumns().matrix + 1 + tableColumns().matrix.length + 1;
export const SENSITIVITY_WHAT = [
  'npvLow',
  'npvHigh',
  'breakEvenLow',
  'breakEvenHigh',
  'swing',
] as const;
/** The model's columns: through the sensitivity's (the what-if blocks follow). */
export const SCENARIO_COLUMNS = SENSITIVITY_COLUMN + SENSITIVITY_WHAT.length;

/**
 * Spare rows below each table that lists catalog rows: they show the rows added to the
 * catalog table after the scenario was made (blank until then).
 */
export const CATALOG_SPARE_ROWS = 10;

/** Where a table sits: its key column, first data row and the columns after the key. */
export interface TablePlace {
  /** 0 for the timeline, whose first column is the month. */
  readonly keyColumn: number;
  readonly firstRow: number;
  /** Its rows, spare rows included. */
  readonly rows: number;
  readonly columns: readonly Metric[];
  /** True for a table that lists a catalog table's rows live (scenario/tables.ts). */
  readonly live?: boolean;
}

/** A group of results: its first row and its metrics, one per row. */
export type ResultGroup = readonly [number, readonly Metric[]];

/** The Results block's groups, in order down the sheet. */
export type ResultGroups = Readonly<
  Record<
    'training' | 'monthly' | 'upfront' | 'upfrontTotal' | 'decision' | 'verdict' | 'finance',
    ResultGroup
  >
>;

export interface Places {
  readonly inputRow: ReadonlyMap<ScenarioField, number>;
  /** Each metric's cell as an absolute reference ($F$5), by the metric's name. */
  readonly at: ReadonlyMap<string, string>;
  /** A1 addresses of the cells tests and users care about (the layout's `cells`). */
  readonly cells: Record<string, string>;
  readonly lookups: readonly Metric[];
  readonly lookupTitleRow: number;
  readonly ladderTitleRow: number;
  /** The first row below the ladder: the charts sit from there. */
  readonly chartsRow: number;
  readonly results: ResultGroups;
  /** The growing tables by name: timeline, providers, methods, matrix and the ladder. */
  readonly tables: Readonly<Record<string, TablePlace>>;
  /** The what-if blocks (issue 21): cases, their summary, the two-way grid, their workings. */
  readonly whatIf: WhatIfPlaces;
  readonly sensitivity: SensitivityPlaces;
  /** The sheet's columns: the model's (A:AT), then the what-if blocks'. */
  readonly columns: number;
}

/**
 * The what-if blocks (AV onward, right of the sensitivity): the what-if inputs (one column
 * of yellow cells: the case in use, the grid's drivers, steps and what it shows), the cases
 * table (a row per CASE_DRIVERS entry, a column per case), the cases' summary, the grid and
 * its payback statuses; then, further right, the numeric inputs' list (the grid's dropdowns
 * and centres) and the workings: a row per point (each case, then each grid cell row by
 * row), a column per numeric input as that point has it, then the model's definitions that
 * move with them (scenario/what-if.ts).
 */
export interface WhatIfPlaces {
  readonly labelColumn: number;
  /** The what-if inputs' column and rows (case, row driver, column driver, steps, shows). */
  readonly inputColumn: number;
  readonly inputRows: Readonly<Record<WhatIfInput, number>>;
  /** The cases table: the names' row, the first case column, and a row per case driver. */
  readonly caseHeaderRow: number;
  readonly caseColumn: number;
  readonly caseRows: ReadonlyMap<string, number>;
  /** The case values in use (the Case input's column, or the base input when blank). */
  readonly inUseColumn: number;
  readonly summaryHeaderRow: number;
  /** The grid: its header row (column values), row values' column, cells, statuses. */
  readonly gridHeaderRow: number;
  readonly gridFirstRow: number;
  readonly rowValueColumn: number;
  readonly gridColumn: number;
  readonly statusColumn: number;
  /**
   * The workings: a label column, then GRID_DRIVERS' columns (their header is the grid's
   * dropdown list), then the moved metrics'. The first row is the scenario in use (each
   * numeric input's value in use: the grid's centres); a row per point follows.
   */
  readonly workingsColumn: number;
  readonly inUseRow: number;
  readonly workingsFirstRow: number;
}

export type WhatIfInput =
  'case' | 'rowDriver' | 'columnDriver' | 'rowStep' | 'columnStep' | 'shows';
export const WHAT_IF_INPUTS: readonly WhatIfInput[] = [
  'case',
  'rowDriver',
  'columnDriver',
  'rowStep',
  'columnStep',
  'shows',
];

/** The what-if blocks' places. */
export function placeWhatIf(): WhatIfPlaces {
  const labelColumn = SCENARIO_COLUMNS + 2;
  const inputRows = Object.fromEntries(
    WHAT_IF_INPUTS.map((name, i) => [name, FIRST_ROW + i]),
  ) as Record<WhatIfInput, number>;
  const caseHeaderRow = FIRST_ROW + WHAT_IF_INPUTS.length + 1;
  const caseRows = new Map(CASE_DRIVERS.map((driver, i) => [driver.field, caseHeaderRow + 1 + i]));
  const summaryHeaderRow = caseHeaderRow + CASE_DRIVERS.length + 2;
  const gridHeaderRow = summaryHeaderRow + CASE_RESULTS.length + 3;
  const side = 2 * GRID_STEPS + 1;
  const gridColumn = labelColumn + 2;
  const statusColumn = gridColumn + side;
  return {
    labelColumn,
    inputColumn: labelColumn + 1,
    inputRows,
    caseHeaderRow,
    caseColumn: labelColumn + 1,
    caseRows,
    inUseColumn: labelColumn + 1 + CASE_NAMES.length,
    summaryHeaderRow,
    gridHeaderRow,
    gridFirstRow: gridHeaderRow + 1,
    rowValueColumn: labelColumn + 1,
    gridColumn,
    statusColumn,
    workingsColumn: statusColumn + side + 1,
    inUseRow: FIRST_ROW,
    workingsFirstRow: FIRST_ROW + 1,
  };
}

/** The what-if points: each case, then each grid cell, row by row. */
export const whatIfPoints = (): number => CASE_NAMES.length + (2 * GRID_STEPS + 1) ** 2;

/**
 * The sensitivity's workings, below the what-if workings in their columns (a blank row, a
 * title, a header): a row per point (each driver 30% down, then up), a column per moved
 * input or metric, then the model's definitions that move with them (scenario/sensitivity.ts).
 */
export interface SensitivityPlaces {
  readonly column: number;
  readonly headerRow: number;
  readonly firstRow: number;
}

export function placeSensitivity(w: WhatIfPlaces): SensitivityPlaces {
  const headerRow = w.workingsFirstRow + whatIfPoints() + 2;
  return { column: w.workingsColumn, headerRow, firstRow: headerRow + 1 };
}

export const abs = (column: number, row: number): string => `$${columnLetter(column)}$${row}`;
export const rel = (column: number, row: number): string => `${columnLetter(column)}${row}`;

/** A table's first column after its key (the timeline has no key: it starts at I). */
export const firstColumn = (table: TablePlace): number =>
  table.keyColumn === 0 ? TIMELINE_COLUMN : table.keyColumn + 1;

/** A table's column by its name ('key' for the key column). */
export function columnOf(table: TablePlace, name: string): number {
  if (name === 'key') return table.keyColumn;
  const i = table.columns.findIndex((column) => column.name === name);
  if (i < 0) throw new Error(`scenario layout: no column ${name}`);
  return firstColumn(table) + i;
}

/** A table's last data row. */
export const lastRow = (table: TablePlace): number => table.firstRow + table.rows - 1;

/** The Results block's groups (built when a sheet is laid out, as the model is). */
function resultGroups(): ResultGroups {
  const monthly = FIRST_ROW + TRAINING().length + GROUP_GAP;
  const upfrontFirst = upfrontHeaderRow() + 1;
  const upfrontTotal = upfrontFirst + UPFRONT_ITEMS().length;
  // The up-front total's row, then two blank rows and the title of "Break-even and ROI".
  const decision = upfrontTotal + 1 + GROUP_GAP;
  const verdict = decision + DECISION().length;
  const verdictRows = [VERDICT(), PROBLEM()];
  return {
    training: [FIRST_ROW, TRAINING()],
    monthly: [monthly, MONTHLY()],
    upfront: [upfrontFirst, UPFRONT_ITEMS()],
    upfrontTotal: [upfrontTotal, [UPFRONT_TOTAL()]],
    decision: [decision, DECISION()],
    verdict: [verdict, verdictRows],
    finance: [verdict + verdictRows.length + GROUP_GAP, FINANCE()],
  };
}

/**
 * The growing tables: each has its own columns, so a row added under it collides with
 * nothing. The tables that list catalog rows have spare rows for rows added to the catalog.
 */
function tablePlaces(tables: ScenarioTables, ladderFirstRow: number): Record<string, TablePlace> {
  const columns = tableColumns();
  const at = catalogTableColumns();
  const table = (
    key: string,
    keyColumn: number,
    rows: number,
    firstRow = FIRST_ROW,
  ): TablePlace => ({
    keyColumn,
    firstRow,
    rows,
    columns: columns[key],
  });
  const live = (key: string, keyColumn: number, listed: number): TablePlace => ({
    ...table(key, keyColumn, listed + CATALOG_SPARE_ROWS),
    live: true,
  });
  return {
    timeline: table('timeline', 0, tables.months + 1),
    providers: live('providers', at.providers, tables.providers.length),
    methods: live('methods', at.methods, tables.methods.length),
    matrix: live('matrix', at.matrix, tables.matrix.length),
    [LADDER]: table(LADDER, 1, tables.ladder.length, ladderFirstRow),
  };
}

/** Every place of a scenario's sheet, and the addresses of its metrics. */
export function placeScenario(
  result: ScenarioResult,
  tables: ScenarioTables,
  workingColumns = 0,
): Places {
  const at = new Map<string, string>();
  const cells: Record<string, string> = {};
  const place = (name: string, column: number, row: number): void => {
    at.set(name, abs(column, row));
    cells[name] = rel(column, row);
  };
  const inputRow = new Map<ScenarioField, number>();
  SCENARIO_FIELDS.forEach((field, i) => inputRow.set(field.key, FIRST_ROW + i));
  for (const check of INPUT_CHECKS())
    place(`check.${check.field}`, 4, inputRow.get(check.field) ?? 0);

  const lookups = lookupMetrics(tables.ladder.length);
  const lookupTitleRow = FIRST_ROW + SCENARIO_FIELDS.length + 1;
  lookups.forEach((metric, i) => place(metric.name, 2, lookupTitleRow + 1 + i));
  const ladderTitleRow = lookupTitleRow + lookups.length + 2;
  const results = resultGroups();
  for (const [row, metrics] of Object.values(results)) {
    metrics.forEach((metric, i) => place(metric.name, RESULTS_COLUMN + 1, row + i));
  }
  const places = tablePlaces(tables, ladderTitleRow + 2);
  result.finance.sensitivity.forEach((row, i) => {
    SENSITIVITY_WHAT.forEach((what, c) =>
      place(`sens.${row.key}.${what}`, SENSITIVITY_COLUMN + 1 + c, FIRST_ROW + i),
    );
  });
  MATRIX_DATASET_SIZES.forEach((_, i) => {
    // Each matrix column reads its dataset size from its own header cell.
    at.set(`size${i}`, `${columnLetter(columnOf(places.matrix, `hours${i}`))}$${HEADER_ROW}`);
  });
  const ladder = places[LADDER];
  const whatIf = placeWhatIf();
  // The grid's selector and corners: the marker records them (src/addon/grid-format.ts).
  const side = 2 * GRID_STEPS;
  cells['whatIf.shows'] = rel(whatIf.inputColumn, whatIf.inputRows.shows);
  cells['whatIf.gridFirst'] = rel(whatIf.gridColumn, whatIf.gridFirstRow);
  cells['whatIf.gridLast'] = rel(whatIf.gridColumn + side, whatIf.gridFirstRow + side);
  return {
    whatIf,
    sensitivity: placeSensitivity(whatIf),
    columns: whatIf.workingsColumn + workingColumns,
    inputRow,
    at,
    cells,
    lookups,
    lookupTitleRow,
    ladderTitleRow,
    chartsRow: ladder.firstRow + ladder.rows + 1,
    results,
    tables: places,
  };
}
