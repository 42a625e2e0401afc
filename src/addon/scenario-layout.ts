// The scenario sheet as data: every cell's value or formula, number format, font weight
// and background, plus the charts, computed in memory so the writer can put each kind with
// one call however long the timeline or the catalog. Each block has its own file under
// scenario/; this file puts them together.
//
// Layout (row 1 title, row 2 verdict, row 3 block titles, row 4 headers; rows 1-4 frozen):
//   A:D  Inputs (scenario/inputs.ts), then "Looked up from the catalog" and the catalog's
//        models sorted by size (scenario/lookups.ts), then the charts (scenario/charts.ts).
//   E:G  Results (scenario/results.ts) with the up-front breakdown (scenario/upfront.ts):
//        fixed rows, nothing grows here; below them the simulation (scenario/simulation.ts).
//   I:N  Monthly timeline 0..horizon (scenario/timeline.ts)
//   P:   Provider comparison, LoRA vs full vs QLoRA, Model × dataset-size matrix
//        (scenario/tables.ts), then Sensitivity (scenario/sensitivity.ts): their columns
//        follow from the tables' widths (scenario/places.ts)
// Where each of them is, and so what every formula refers to: scenario/places.ts.
import { columnNumber } from '../shared/a1';
import { scenarioTables } from '../engine';
import type { CatalogIndex, ScenarioResult, TableKey } from '../engine';
import { catalogSheetGrids, lastTakenRows } from './catalog/grids';
import type { Block } from './scenario/block';
import { scenarioCharts } from './scenario/charts';
import type { ChartSpec } from './scenario/charts';
import { scenarioFormulas } from './scenario/formulas';
import { Grid } from './scenario/grid';
import type { CellOut } from './scenario/grid';
import { writeInputs } from './scenario/inputs';
import type { InputCell } from './scenario/inputs';
import { writeLookups } from './scenario/lookups';
import { servicesListA1, writeServicesList } from './scenario/services-list';
import { FROZEN_ROWS, lastRow, placeScenario } from './scenario/places';
import type { Places, WhatIfPlaces } from './scenario/places';
import { a1Of } from './sheet-ranges';
import { writeResults } from './scenario/results';
import { sensitivityColumns, sensitivityWorkings, writeSensitivity } from './scenario/sensitivity';
import { writeSimulation } from './scenario/simulation';
import { writeCatalogTables } from './scenario/tables';
import { writeTimeline } from './scenario/timeline';
import { writeTitle } from './scenario/title';
import { writeUpfront } from './scenario/upfront';
import {
  driverList,
  gridColours,
  workingColumns,
  workingMetrics,
  writeWhatIf,
} from './scenario/what-if';
import { WHAT_IF_INPUTS } from './scenario/places';
import type { WhatIfInput } from './scenario/places';
import { CASE_DRIVERS, CASE_NAMES, GRID_SHOWS } from '../engine';

export type { CellOut } from './scenario/grid';
export type { ChartOptionValue, ChartSpec } from './scenario/charts';
export { CHART_SPARE_ROWS } from './scenario/charts';
export type { InputCell } from './scenario/inputs';
export { FROZEN_ROWS, INPUT_FIRST_ROW, SCENARIO_COLUMNS } from './scenario/places';

/** Columns first..first+count-1 get `width` pixels (one setColumnWidths call). */
export interface ColumnWidths {
  readonly first: number;
  readonly count: number;
  readonly width: number;
}

/**
 * Widths by block, in as few runs as labels allow (each run is one call): A:H hold the
 * inputs', lookups' and results' labels, values and notes (the longest label, "Deployment
 * and monitoring setup ($)", needs about 230 px; notes run on into the empty next column);
 * I onward hold the tables, whose longest names and headers ("On-premise (amortized)",
 * "Cumulative fine-tuned") need about 150 px.
 */
export const SCENARIO_COLUMN_WIDTHS: readonly ColumnWidths[] = [
  { first: 1, count: 8, width: 230 },
  { first: 9, count: 38, width: 150 },
];

/** A what-if input's rule: a dropdown of a range or a list, or a number from a minimum. */
export type WhatIfRule =
  | { readonly kind: 'range'; readonly a1: string; readonly helpText: string }
  | { readonly kind: 'list'; readonly values: readonly string[]; readonly helpText: string }
  | { readonly kind: 'atLeast'; readonly min: number; readonly helpText: string };

/** What the writer does for the what-if blocks besides their cells. */
export interface WhatIfOut {
  /** The what-if inputs: one column from `row`, a rule each. */
  readonly column: number;
  readonly row: number;
  readonly rules: readonly WhatIfRule[];
  /** Cells a user edits (the cases table with its names), left out of the warning. */
  readonly editable: readonly string[];
  /** The grid's colour rules (custom formulas over the status grid). */
  readonly colours: ReturnType<typeof gridColours>;
  /** Where the what-if blocks are, and the workings' moved metrics (for tests and the simulation). */
  readonly places: WhatIfPlaces;
  readonly metrics: readonly string[];
}

export interface ScenarioLayoutOptions {
  /** Best and worst filled from the article's ±30% (default); false leaves them blank. */
  readonly fillCases?: boolean;
}

export interface ScenarioLayout {
  readonly rows: number;
  readonly columns: number;
  readonly frozenRows: number;
  /** Columns from A that hold the inputs' and results' labels and values (A:G). */
  readonly labelColumns: number;
  readonly values: CellOut[][];
  readonly formats: string[][];
  readonly weights: ('bold' | 'normal')[][];
  /** A color, or null for no fill (a white fill would hide Sheets' gridlines). */
  readonly backgrounds: (string | null)[][];
  readonly charts: readonly ChartSpec[];
  /** The input cells, one per SCENARIO_FIELDS entry, in order, in one column. */
  readonly inputs: readonly InputCell[];
  readonly columnWidths: readonly ColumnWidths[];
  /** A1 addresses of the cells tests and users care about. */
  readonly cells: Readonly<Record<string, string>>;
  readonly whatIf: WhatIfOut;
  /** The Managed fine-tuning input's dropdown source: each service once (issue 20). */
  readonly servicesList: string;
}

/**
 * The layout of a scenario's sheet. `catalogEnds`: each table's last taken row of the
 * catalog sheet the scenario reads (its spare rows read the rows below); by default, those
 * of the catalog sheet the add-in writes for the index's catalog.
 */
export function scenarioLayout(
  result: ScenarioResult,
  index: CatalogIndex,
  catalogEnds: Readonly<Record<TableKey, number>> = lastTakenRows(
    catalogSheetGrids(index.catalog).values,
  ),
  options: ScenarioLayoutOptions = {},
): ScenarioLayout {
  const tables = scenarioTables(index, result.resolved.input.horizonMonths);
  const moved = workingMetrics(tables.ladder.length);
  const sensitivity = sensitivityWorkings(tables.ladder.length);
  const places = placeScenario(
    result,
    tables,
    Math.max(workingColumns(moved), sensitivityColumns(sensitivity)),
  );
  const grid = new Grid(places.columns);
  const block: Block = {
    grid,
    places,
    formula: scenarioFormulas(places),
    result,
    index,
    tables,
    catalogEnds,
  };
  writeTitle(block);
  const inputs = writeInputs(block);
  writeLookups(block);
  writeServicesList(block);
  writeResults(block);
  writeUpfront(block);
  writeTimeline(block);
  writeCatalogTables(block);
  writeSensitivity(block, sensitivity);
  writeSimulation(block);
  writeWhatIf(block, moved, options.fillCases ?? true);
  const rows = Math.max(grid.values.length, ...Object.values(places.tables).map(lastRow));
  grid.ensure(rows);
  return {
    rows,
    columns: places.columns,
    frozenRows: FROZEN_ROWS,
    labelColumns: columnNumber('G'),
    values: grid.values,
    formats: grid.formats,
    weights: grid.weights,
    backgrounds: grid.backgrounds,
    charts: scenarioCharts(places, result.finance.sensitivity.length),
    inputs,
    // The tables' run of widths reaches on over the what-if blocks (no call more).
    columnWidths: SCENARIO_COLUMN_WIDTHS.map((run, i) =>
      i === SCENARIO_COLUMN_WIDTHS.length - 1
        ? { ...run, count: places.columns - run.first + 1 }
        : run,
    ),
    cells: places.cells,
    whatIf: whatIfOut(places, moved),
    servicesList: servicesListA1(places),
  };
}

/** The what-if inputs' rules, the cells users edit, the grid's colours. */
function whatIfOut(places: Places, metrics: readonly string[]): WhatIfOut {
  const w = places.whatIf;
  const caseNames = a1Of(w.caseHeaderRow, w.caseColumn, 1, CASE_NAMES.length);
  const inputs = driverList(w).names.replace(/\$/g, '');
  const step = {
    kind: 'atLeast',
    min: 0,
    helpText:
      'A share of the centre between grid values, such as 10% (from a centre of 0: the step).',
  } as const;
  const driver = {
    kind: 'range',
    a1: inputs,
    helpText: 'Pick a numeric input of the scenario.',
  } as const;
  const rules: Record<WhatIfInput, WhatIfRule> = {
    case: { kind: 'range', a1: caseNames, helpText: 'Pick a case of the cases table below.' },
    rowDriver: driver,
    columnDriver: driver,
    rowStep: step,
    columnStep: step,
    shows: {
      kind: 'list',
      values: [GRID_SHOWS.breakEven, GRID_SHOWS.npv],
      helpText: 'What each grid cell shows.',
    },
  };
  return {
    column: w.inputColumn,
    row: w.inputRows.case,
    rules: WHAT_IF_INPUTS.map((name) => rules[name]),
    editable: [a1Of(w.caseHeaderRow, w.caseColumn, CASE_DRIVERS.length + 1, CASE_NAMES.length)],
    colours: gridColours(w),
    places: w,
    metrics,
  };
}
