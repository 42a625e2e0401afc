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
} from '../../engine';
import type { Metric, ScenarioField, ScenarioResult, ScenarioTables } from '../../engine';

export const FROZEN_ROWS = 4;
export const TITLE_ROW = 3;
export const HEADER_ROW = 4;
export const FIRST_ROW = 5;
/** The first input's row (getScenarioInputs reads a scenario sheet's inputs from there). */
export const INPUT_FIRST_ROW = FIRST_ROW;
export const SCENARIO_COLUMNS = columnNumber('AT');
/** Results (E:G): nothing grows here; each group's rows follow from the groups above it. */
export const RESULTS_COLUMN = 5;
/** Rows between two groups of results: a blank row and the next group's title. */
const GROUP_GAP = 2;
/** The up-front breakdown's header: right below the monthly costs. */
export const upfrontHeaderRow = (): number =>
  FIRST_ROW + TRAINING().length + GROUP_GAP + MONTHLY().length;
export const TIMELINE_COLUMN = columnNumber('I');
/** Sensitivity (AO:AT): a row per driver, the largest NPV swing (when made) first. */
export const SENSITIVITY_COLUMN = columnNumber('AO');
export const SENSITIVITY_WHAT = [
  'npvLow',
  'npvHigh',
  'breakEvenLow',
  'breakEvenHigh',
  'swing',
] as const;

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
    providers: live('providers', columnNumber('P'), tables.providers.length),
    methods: live('methods', columnNumber('W'), tables.methods.length),
    matrix: live('matrix', columnNumber('AC'), tables.matrix.length),
    [LADDER]: table(LADDER, 1, tables.ladder.length, ladderFirstRow),
  };
}

/** Every place of a scenario's sheet, and the addresses of its metrics. */
export function placeScenario(result: ScenarioResult, tables: ScenarioTables): Places {
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
  return {
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
