// What-if (issue 21, AV onward): the what-if inputs, named cases side by side with their
// summary, and a two-way grid of break-even or NPV with each cell's payback status. Every
// case and grid cell is the scenario model's own definitions rendered again in a workings
// row (one per point) that reads the point's inputs: the numeric inputs as the point has
// them, then the metrics that move with them (dependentMetrics), any other metric from its
// own cell. The engine evaluates a point as a scenario over those inputs (engine/what-if.ts).
import {
  CASE_DRIVERS,
  CASE_NAMES,
  CASE_RESULTS,
  caseValueAt,
  DEFAULT_GRID_DRIVERS,
  DEFAULT_GRID_STEP,
  dependentMetrics,
  driverValue,
  E,
  evaluateAlone,
  GRID_DRIVERS,
  GRID_SHOWS,
  GRID_STEPS,
  gridValueOf,
  modelDefinitions,
  PAYBACK_STATUS,
  paybackStatus,
  SCENARIO_FIELDS,
  scenarioMetrics,
  UPFRONT_ITEMS,
} from '../../engine';
import type { Expr, ScenarioField } from '../../engine';
import { columnLetter } from '../../shared/a1';
import type { Block } from './block';
import { modelInput, typedInput } from './formulas';
import { FORMAT, gridFormatOf, INPUT_BACKGROUND, METRIC_FORMAT } from './grid';
import { abs, HEADER_ROW, TITLE_ROW } from './places';
import type { WhatIfInput, WhatIfPlaces } from './places';

const SIDE = 2 * GRID_STEPS + 1;
const m = E.metric;
const specOf = (field: ScenarioField): (typeof SCENARIO_FIELDS)[number] | undefined =>
  SCENARIO_FIELDS.find((spec) => spec.key === field);
const labelOf = (field: ScenarioField): string => specOf(field)?.label ?? field;

/** What a grid step is (gridValueOf): a share of the centre, or itself from a centre of 0. */
const STEP_UNIT = '(share of the centre; from 0, itself)';

/** The workings' last column: each point's payback status. */
const STATUS = 'whatIf.status';

/**
 * The workings' metric columns: the definitions the summary and the grid show that move
 * with the numeric inputs, each after the ones it reads, then the payback status.
 */
export function workingMetrics(ladderRows: number): string[] {
  const definitions = modelDefinitions(ladderRows);
  const shown = [...CASE_RESULTS.map((result) => m(result.metric)), m('npv'), paybackStatus()];
  const changed = new Set<string>(GRID_DRIVERS.map((field) => field.key));
  return [...dependentMetrics(shown, changed, (name) => definitions.get(name)), STATUS];
}

/** The workings' width: the point's label, its inputs, then the metrics it moves. */
export const workingColumns = (metrics: readonly string[]): number =>
  1 + GRID_DRIVERS.length + metrics.length;

/** A value read as it is, a blank kept blank (a reference to a blank cell would be 0). */
const kept = (value: Expr): Expr => E.if(E.eq(value, ''), '', value);

/** A grid cell: break-even or NPV, as the selector says. */
export const gridCellOf = (shows: Expr, npv: Expr, breakEven: Expr): Expr =>
  E.if(E.eq(shows, GRID_SHOWS.npv), npv, breakEven);

/** Each what-if input's cell, by its name. */
const inputAt = (w: WhatIfPlaces, name: WhatIfInput): string =>
  abs(w.inputColumn, w.inputRows[name]);

/** The workings' input columns' header (the grid's dropdown list) and their values in use. */
export function driverList(w: WhatIfPlaces): { readonly names: string; readonly values: string } {
  const first = w.workingsColumn + 1;
  const last = first + GRID_DRIVERS.length - 1;
  const row = (r: number): string => `${abs(first, r)}:${abs(last, r)}`;
  return { names: row(HEADER_ROW), values: row(w.inUseRow) };
}

/** A point: a case (its column) or a grid cell (its row and column). */
type Point = { readonly case: number } | { readonly row: number; readonly column: number };

/** The points in workings order: each case, then each grid cell row by row. */
const POINTS: readonly Point[] = [
  ...CASE_NAMES.map((_, c) => ({ case: c })),
  ...Array.from({ length: SIDE * SIDE }, (_, k) => ({
    row: Math.floor(k / SIDE),
    column: k % SIDE,
  })),
];

/**
 * An input as a point has it, with the cells its names stand for. A case: a case driver's
 * cell in its column, the input as typed when that is blank; any other input as typed. A
 * grid cell: the row's value for the row input, the column's for the column input, any
 * other as the model reads it (through the case in use).
 */
function pointInput(
  block: Block,
  field: ScenarioField,
  point: Point,
): { readonly expr: Expr; readonly cells: Readonly<Record<string, string>> } {
  const w = block.places.whatIf;
  if ('case' in point) {
    const caseRow = w.caseRows.get(field);
    const input = typedInput(block.places, field);
    if (caseRow === undefined) return { expr: kept(m('input')), cells: { input } };
    return {
      expr: E.if(E.eq(m('case'), ''), kept(m('input')), m('case')),
      cells: { input, case: abs(w.caseColumn + point.case, caseRow) },
    };
  }
  const label = labelOf(field);
  return {
    expr: E.if(
      E.eq(m('rowDriver'), label),
      m('rowValue'),
      E.if(E.eq(m('columnDriver'), label), m('columnValue'), kept(m('input'))),
    ),
    cells: {
      rowDriver: inputAt(w, 'rowDriver'),
      columnDriver: inputAt(w, 'columnDriver'),
      rowValue: abs(w.rowValueColumn, w.gridFirstRow + point.row),
      columnValue: abs(w.gridColumn + point.column, w.gridHeaderRow),
      input: modelInput(block.places, field),
    },
  };
}

/** A point's cell of a moved metric (the in-use row: point -1), or the scenario's own cell. */
function cellOf(block: Block, metrics: readonly string[], name: string, point: number): string {
  const w = block.places.whatIf;
  const i = metrics.indexOf(name);
  if (i < 0) return block.places.at.get(name) ?? '';
  return abs(w.workingsColumn + 1 + GRID_DRIVERS.length + i, w.workingsFirstRow + point);
}

function writeInputs({ grid }: Block, w: WhatIfPlaces): void {
  grid.label(TITLE_ROW, w.labelColumn, 'What-if: named cases and a two-way table', true);
  grid.header(HEADER_ROW, w.labelColumn, ['What-if input', 'Value']);
  const inputs: Record<WhatIfInput, readonly [string, string | number, string]> = {
    case: ['Case the model uses', CASE_NAMES[0], FORMAT.text],
    rowDriver: ['Grid rows: input', labelOf(DEFAULT_GRID_DRIVERS[0]), FORMAT.text],
    columnDriver: ['Grid columns: input', labelOf(DEFAULT_GRID_DRIVERS[1]), FORMAT.text],
    rowStep: [`Grid rows: step ${STEP_UNIT}`, DEFAULT_GRID_STEP, FORMAT.ratio],
    columnStep: [`Grid columns: step ${STEP_UNIT}`, DEFAULT_GRID_STEP, FORMAT.ratio],
    shows: ['Grid shows', GRID_SHOWS.breakEven, FORMAT.text],
  };
  for (const [name, [label, value, format]] of Object.entries(inputs)) {
    const row = w.inputRows[name as WhatIfInput];
    grid.label(row, w.labelColumn, label);
    grid.text(row, w.inputColumn, value, format);
    grid.background(row, w.inputColumn, INPUT_BACKGROUND);
  }
}

/** The cases table: a column per case (its name editable), a row per case driver. */
function writeCases(block: Block, w: WhatIfPlaces, fill: boolean): void {
  const { grid, formula, result } = block;
  grid.header(w.caseHeaderRow, w.labelColumn, ['Case (blank: the input)', ...CASE_NAMES, 'In use']);
  CASE_DRIVERS.forEach(({ field, better }) => {
    const row = w.caseRows.get(field) ?? 0;
    const unit = specOf(field)?.unit ?? 'text';
    const format = METRIC_FORMAT[unit === 'months' ? 'count' : unit];
    // The base the ±30% moves, as the model reads it (an API price left blank: the catalog's).
    const base = evaluateAlone(driverValue(field), {
      metrics: {
        apiIn: result.resolved.api.inputPricePer1K,
        apiOut: result.resolved.api.outputPricePer1K,
      },
      inputs: { [field]: result.resolved.input[field] },
    });
    grid.label(row, w.labelColumn, labelOf(field));
    CASE_NAMES.forEach((_, c) => {
      const value = fill && typeof base === 'number' ? caseValueAt(base, better, c) : '';
      grid.text(row, w.caseColumn + c, value, format);
      grid.background(row, w.caseColumn + c, INPUT_BACKGROUND);
      grid.background(w.caseHeaderRow, w.caseColumn + c, INPUT_BACKGROUND);
    });
    // The case in use's value for this driver (the case named so: = as Sheets compares, no
    // wildcards), or the input as typed when that is blank.
    const chosen = CASE_NAMES.reduceRight<Expr>(
      (rest, _, c) => E.if(E.eq(m('case'), m(`name${c}`)), m(`value${c}`), rest),
      E.na(),
    );
    const cells: Record<string, string> = {
      case: inputAt(w, 'case'),
      input: typedInput(block.places, field),
    };
    CASE_NAMES.forEach((_, c) => {
      cells[`name${c}`] = abs(w.caseColumn + c, w.caseHeaderRow);
      cells[`value${c}`] = abs(w.caseColumn + c, row);
    });
    const inUse = E.if(E.eq(chosen, ''), kept(m('input')), chosen);
    grid.set(row, w.inUseColumn, formula(inUse, undefined, { metric: (n) => cells[n] }), format);
  });
}

/** The cases' headline results side by side, and the case in use's (the scenario's own). */
function writeSummary(block: Block, w: WhatIfPlaces, metrics: readonly string[]): void {
  const { grid } = block;
  const row = w.summaryHeaderRow;
  grid.header(row, w.labelColumn, [
    'Result by case',
    ...CASE_NAMES.map((_, c) => `=${abs(w.caseColumn + c, w.caseHeaderRow)}`),
    `=${inputAt(w, 'case')}`,
  ]);
  const formats = new Map(scenarioMetrics(1).map((metric) => [metric.name, metric.format]));
  CASE_RESULTS.forEach(({ metric, label }, i) => {
    const format = METRIC_FORMAT[formats.get(metric) ?? 'text'];
    grid.label(row + 1 + i, w.labelColumn, label);
    CASE_NAMES.forEach((_, c) =>
      grid.set(row + 1 + i, w.caseColumn + c, `=${cellOf(block, metrics, metric, c)}`, format),
    );
    grid.set(row + 1 + i, w.inUseColumn, `=${block.places.at.get(metric) ?? ''}`, format);
  });
}

/** A picked input's value in use: its column by its label (=, no wildcards: MATCH(TRUE(),...)). */
const centreOf = (list: ReturnType<typeof driverList>, pick: string): string =>
  `INDEX(${list.values},1,MATCH(TRUE(),ARRAYFORMULA(${list.names}=${pick}),0))`;

/** The grid: column values across, row values down, break-even or NPV, then the statuses. */
function writeGrid(block: Block, w: WhatIfPlaces, metrics: readonly string[]): void {
  const { grid, formula } = block;
  const list = driverList(w);
  const cells: Record<string, string> = {
    shows: inputAt(w, 'shows'),
    rowStep: inputAt(w, 'rowStep'),
    columnStep: inputAt(w, 'columnStep'),
    rowCentre: abs(w.rowValueColumn, w.gridHeaderRow - 1),
    columnCentre: abs(w.rowValueColumn + 1, w.gridHeaderRow - 1),
  };
  const bind = { metric: (name: string): string | undefined => cells[name] };
  // The centres (each picked input's value in use) once, above the grid; the title above them.
  grid.label(w.gridHeaderRow - 1, w.labelColumn, 'Centres (rows, columns)');
  grid.set(
    w.gridHeaderRow - 1,
    w.rowValueColumn,
    `=${centreOf(list, inputAt(w, 'rowDriver'))}`,
    FORMAT.factor,
  );
  grid.set(
    w.gridHeaderRow - 1,
    w.rowValueColumn + 1,
    `=${centreOf(list, inputAt(w, 'columnDriver'))}`,
    FORMAT.factor,
  );
  grid.label(
    w.gridHeaderRow - 2,
    w.labelColumn,
    'Two-way table: the row input down, the column input across; green: pays back within the horizon, red: never',
    true,
  );
  grid.header(w.gridHeaderRow, w.rowValueColumn, [`=${cells.shows}`]);
  for (let k = 0; k < SIDE; k++) {
    const step = k - GRID_STEPS;
    const across = gridValueOf(m('columnCentre'), step, m('columnStep'));
    grid.header(
      w.gridHeaderRow,
      w.gridColumn + k,
      [formula(across, undefined, bind)],
      [FORMAT.factor],
    );
    const top = `=${abs(w.gridColumn + k, w.gridHeaderRow)}`;
    grid.header(w.gridHeaderRow, w.statusColumn + k, [top], [FORMAT.factor]);
    const down = gridValueOf(m('rowCentre'), step, m('rowStep'));
    grid.set(w.gridFirstRow + k, w.rowValueColumn, formula(down, undefined, bind), FORMAT.factor);
    grid.bold(w.gridFirstRow + k, w.rowValueColumn);
  }
  POINTS.forEach((point, p) => {
    if ('case' in point) return;
    const row = w.gridFirstRow + point.row;
    const at = (name: string): string => cells[name] ?? cellOf(block, metrics, name, p);
    const value = formula(gridCellOf(m('shows'), m('npv'), m('breakEven')), undefined, {
      metric: at,
    });
    // The selector's format as made; onEdit sets the other's (src/addon/grid-format.ts).
    grid.set(row, w.gridColumn + point.column, value, gridFormatOf(GRID_SHOWS.breakEven));
    grid.set(row, w.statusColumn + point.column, `=${at(STATUS)}`);
  });
}

/**
 * The workings: the scenario in use (each numeric input's value in use, each moved metric's
 * own cell), then a row per point: its inputs, then the metrics that move with them.
 */
function writeWorkings(block: Block, w: WhatIfPlaces, metrics: readonly string[]): void {
  const { grid, formula } = block;
  const definitions = modelDefinitions(block.tables.ladder.length);
  const first = w.workingsColumn + 1;
  const column = new Map<string, number>([
    ...GRID_DRIVERS.map((field, i): [string, number] => [field.key, first + i]),
    ...metrics.map((name, i): [string, number] => [name, first + GRID_DRIVERS.length + i]),
  ]);
  grid.label(TITLE_ROW, w.workingsColumn, 'What-if workings: the model at each point', true);
  grid.header(HEADER_ROW, w.workingsColumn, [
    'Point',
    ...GRID_DRIVERS.map((field) => field.label),
    ...metrics.map((name) => (name === STATUS ? 'Payback status' : name)),
  ]);
  grid.label(w.inUseRow, w.workingsColumn, 'in use');
  GRID_DRIVERS.forEach((field, i) =>
    grid.set(w.inUseRow, first + i, formula(driverValue(field.key))),
  );
  metrics.forEach((name) => {
    const own = name === STATUS ? formula(paybackStatus()) : `=${block.places.at.get(name) ?? ''}`;
    grid.set(w.inUseRow, column.get(name) ?? 0, own);
  });
  POINTS.forEach((point, p) => {
    const r = w.workingsFirstRow + p;
    const c = 'case' in point ? point.case : -1;
    grid.label(
      r,
      w.workingsColumn,
      'case' in point
        ? `case ${c + 1} (${CASE_NAMES[c]})`
        : `grid ${point.row + 1}, ${point.column + 1}`,
    );
    for (const field of GRID_DRIVERS) {
      const { expr, cells } = pointInput(block, field.key, point);
      grid.set(
        r,
        column.get(field.key) ?? 0,
        formula(expr, undefined, { metric: (n) => cells[n] }),
      );
    }
    writeMovedMetrics(block, r, metrics, column, (name) =>
      name === STATUS ? paybackStatus() : definitions.get(name),
    );
  });
}

/**
 * A workings row's moved metrics (the what-if's, the sensitivity's): each its definition
 * rendered over row `r`, reading the inputs and metrics the row holds (`column`) there.
 */
export function writeMovedMetrics(
  block: Block,
  r: number,
  metrics: readonly string[],
  column: ReadonlyMap<string, number>,
  definition: (name: string) => Expr | undefined,
): void {
  const here = (name: string): string | undefined => {
    const at = column.get(name);
    return at === undefined ? undefined : abs(at, r);
  };
  // The up-front total sums this row's items (a list: SUM takes one as it takes a range).
  const items = UPFRONT_ITEMS().map((item) => here(item.name) ?? block.places.at.get(item.name));
  const bind = { input: here, metric: here, upfront: items.join(',') };
  for (const name of metrics) {
    const expr = definition(name);
    if (!expr) throw new Error(`scenario layout: no definition of ${name}`);
    block.grid.set(r, column.get(name) ?? 0, block.formula(expr, undefined, bind));
  }
}

/** The grid's colours: each cell by its payback status, in the status grid beside it. */
export function gridColours(w: WhatIfPlaces): {
  readonly range: readonly [number, number, number, number];
  readonly rules: readonly { readonly formula: string; readonly background: string }[];
} {
  const status = `${columnLetter(w.statusColumn)}${w.gridFirstRow}`;
  return {
    range: [w.gridFirstRow, w.gridColumn, SIDE, SIDE],
    rules: [
      { formula: `=${status}="${PAYBACK_STATUS.within}"`, background: '#b7e1cd' },
      { formula: `=${status}="${PAYBACK_STATUS.never}"`, background: '#f4c7c3' },
    ],
  };
}

/** Writes the what-if blocks; `fillCases`: best and worst from the ±30% (else blank). */
export function writeWhatIf(block: Block, metrics: readonly string[], fillCases: boolean): void {
  const w = block.places.whatIf;
  writeInputs(block, w);
  writeCases(block, w, fillCases);
  writeSummary(block, w, metrics);
  writeGrid(block, w, metrics);
  writeWorkings(block, w, metrics);
}
