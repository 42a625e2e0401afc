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
//   P:U  Provider comparison, W:AA LoRA vs full vs QLoRA, AC:AM Model × dataset-size
//        matrix (scenario/tables.ts)          AO:AT Sensitivity (scenario/sensitivity.ts)
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
import { FROZEN_ROWS, lastRow, placeScenario, SCENARIO_COLUMNS } from './scenario/places';
import { writeResults } from './scenario/results';
import { writeSensitivity } from './scenario/sensitivity';
import { writeSimulation } from './scenario/simulation';
import { writeCatalogTables } from './scenario/tables';
import { writeTimeline } from './scenario/timeline';
import { writeTitle } from './scenario/title';
import { writeUpfront } from './scenario/upfront';

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
 * I:AK hold the tables, whose longest names and headers ("On-premise (amortized)",
 * "Cumulative fine-tuned") need about 150 px.
 */
export const SCENARIO_COLUMN_WIDTHS: readonly ColumnWidths[] = [
  { first: 1, count: 8, width: 230 },
  { first: 9, count: 38, width: 150 },
];

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
): ScenarioLayout {
  const tables = scenarioTables(index, result.resolved.input.horizonMonths);
  const places = placeScenario(result, tables);
  const grid = new Grid(SCENARIO_COLUMNS);
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
  writeResults(block);
  writeUpfront(block);
  writeTimeline(block);
  writeCatalogTables(block);
  writeSensitivity(block);
  writeSimulation(block);
  const rows = Math.max(grid.values.length, ...Object.values(places.tables).map(lastRow));
  grid.ensure(rows);
  return {
    rows,
    columns: SCENARIO_COLUMNS,
    frozenRows: FROZEN_ROWS,
    labelColumns: columnNumber('G'),
    values: grid.values,
    formats: grid.formats,
    weights: grid.weights,
    backgrounds: grid.backgrounds,
    charts: scenarioCharts(places, result.finance.sensitivity.length),
    inputs,
    columnWidths: SCENARIO_COLUMN_WIDTHS,
    cells: places.cells,
  };
}
