// Whether a scenario sheet's what-if blocks (issue 21), as HyperFormula computes them, equal
// the engine's evaluation of the scenario model at each point: each case is the scenario over
// the inputs with the case's cells in place of the base ones; each grid cell the scenario
// over the inputs in use with the row and column inputs at the grid's values. Every moved
// metric of every workings row, the summary, the grid cells and their statuses are compared,
// and the main results with the case in use (the model reads through the Case input).
import {
  CASE_DRIVERS,
  CASE_RESULTS,
  driverValue,
  E,
  evaluateAlone,
  GRID_DRIVERS,
  GRID_SHOWS,
  GRID_STEPS,
  gridValueOf,
  paybackStatus,
  inUseOf,
  movedName,
  pointInputs,
  SENSITIVITY_DRIVERS,
  SENSITIVITY_MOVES,
  SENSITIVITY_POINTS,
  scenarioTables,
  sensitivityPoint,
} from '../../src/engine';
import { placeSensitivity } from '../../src/addon/scenario/places';
import { sensitivityWorkings } from '../../src/addon/scenario/sensitivity';
import type { CatalogIndex, ScenarioEvaluation, ScenarioField, Value } from '../../src/engine';
import type { ScenarioLayout } from '../../src/addon/scenario-layout';
import type { HfCell } from '../../emulator/hyperformula';
import { evaluationOf, mismatches, same, sheetInputs } from './engine-agreement';

const SIDE = 2 * GRID_STEPS + 1;

/** What a what-if check found: the mismatches, named, and how many cells it compared. */
export interface WhatIfCheck {
  readonly wrong: string[];
  readonly compared: number;
}

export function whatIfMismatches(
  rows: HfCell[][],
  layout: ScenarioLayout,
  madeWithHorizon: number,
  index: CatalogIndex,
): WhatIfCheck {
  const { places: w, metrics } = layout.whatIf;
  const cell = (column: number, row: number): Value => rows[row - 1]?.[column - 1] ?? '';
  const wrong: string[] = [];
  let compared = 0;
  const compare = (what: string, got: HfCell, expected: Value, magnitude: number): void => {
    compared += 1;
    if (!same(got, expected, magnitude))
      wrong.push(`${what}: sheet ${String(got)}, engine ${String(expected)}`);
  };
  const evaluate = (inputs: Record<ScenarioField, Value>): ScenarioEvaluation =>
    evaluationOf(inputs, layout.cells, madeWithHorizon, index);
  const sizeOf = (ev: ScenarioEvaluation): number =>
    Math.max(
      ...['monthlyApi', 'upfront', 'npv'].map((name) => Math.abs(Number(ev.get(name)) || 0)),
    );
  /** Every moved metric of a workings row against the engine's evaluation of its point. */
  const workingsRow = (point: number, ev: ScenarioEvaluation, what: string): void => {
    const size = sizeOf(ev);
    metrics.forEach((name, i) => {
      const expected = name === 'whatIf.status' ? ev.valueOf(paybackStatus()) : ev.get(name);
      const column = w.workingsColumn + 1 + GRID_DRIVERS.length + i;
      compare(
        `${what} ${name}`,
        cell(column, w.workingsFirstRow + point) as HfCell,
        expected,
        size,
      );
    });
  };

  /** The sensitivity's workings: each row the engine's point of the scenario in use. */
  const sensitivityRows = (scenario: ScenarioEvaluation): void => {
    // Where the layout puts them (places.ts), and the metrics they move (sensitivity.ts).
    const s = placeSensitivity(w);
    const metrics = sensitivityWorkings(scenarioTables(index, madeWithHorizon).ladder.length);
    const moved = new Set(metrics);
    SENSITIVITY_POINTS.forEach((point, p) => {
      const ev = sensitivityPoint(scenario, point, moved);
      const what = `sensitivity ${SENSITIVITY_DRIVERS[point.driver].key} ${point.sign}`;
      // What the drivers move (as the point has it), then the metrics that move with them.
      const expected = [
        ...SENSITIVITY_MOVES.map((moves) => ev.valueOf(inUseOf(moves))),
        ...metrics.map((name) => ev.get(name)),
      ];
      const names = [...SENSITIVITY_MOVES.map(movedName), ...metrics];
      names.forEach((name, i) => {
        const got = cell(s.column + 1 + i, s.firstRow + p) as HfCell;
        compare(`${what} ${name}`, got, expected[i], sizeOf(ev));
      });
    });
  };

  const base = sheetInputs(rows, layout.cells);
  const names = [0, 1, 2].map((c) => String(cell(w.caseColumn + c, w.caseHeaderRow)));
  const caseInputs = (c: number): Record<ScenarioField, Value> =>
    pointInputs(
      base,
      Object.fromEntries(
        CASE_DRIVERS.map(({ field }) => [
          field,
          cell(w.caseColumn + c, w.caseRows.get(field) ?? 0),
        ]),
      ),
    );
  names.forEach((name, c) => {
    const ev = evaluate(caseInputs(c));
    workingsRow(c, ev, `case ${name}`);
    CASE_RESULTS.forEach(({ metric }, i) => {
      const got = cell(w.caseColumn + c, w.summaryHeaderRow + 1 + i) as HfCell;
      compare(`summary ${name} ${metric}`, got, ev.get(metric), sizeOf(ev));
    });
  });

  // The model reads the case in use (MATCH: case-insensitive).
  const chosen = String(cell(w.inputColumn, w.inputRows.case)).toLowerCase();
  const inUse = caseInputs(names.findIndex((name) => name.toLowerCase() === chosen));
  wrong.push(...mismatches(rows, layout.cells, madeWithHorizon, index, inUse));
  const main = evaluate(inUse);
  sensitivityRows(main);

  const fieldOf = (name: 'rowDriver' | 'columnDriver'): ScenarioField => {
    const label = String(cell(w.inputColumn, w.inputRows[name])).toLowerCase();
    const found = GRID_DRIVERS.find((field) => field.label.toLowerCase() === label);
    if (!found) throw new Error(`no numeric input "${label}"`);
    return found.key;
  };
  const valuesOf = (name: 'rowDriver' | 'columnDriver', step: Value): Value[] => {
    const centre = main.valueOf(driverValue(fieldOf(name)));
    return Array.from({ length: SIDE }, (_, k) =>
      evaluateAlone(gridValueOf(E.metric('centre'), k - GRID_STEPS, E.metric('step')), {
        metrics: { centre, step },
        inputs: {},
      }),
    );
  };
  const rowValues = valuesOf('rowDriver', cell(w.inputColumn, w.inputRows.rowStep));
  const columnValues = valuesOf('columnDriver', cell(w.inputColumn, w.inputRows.columnStep));
  const showsNpv = cell(w.inputColumn, w.inputRows.shows) === GRID_SHOWS.npv;
  for (let i = 0; i < SIDE; i++) {
    compare(
      `row value ${i}`,
      cell(w.rowValueColumn, w.gridFirstRow + i) as HfCell,
      rowValues[i],
      0,
    );
    compare(
      `column value ${i}`,
      cell(w.gridColumn + i, w.gridHeaderRow) as HfCell,
      columnValues[i],
      0,
    );
  }
  for (let i = 0; i < SIDE; i++) {
    for (let j = 0; j < SIDE; j++) {
      // The row input wins when both pickers name the same input (the workings ask it first).
      const inputs = pointInputs(
        pointInputs(inUse, { [fieldOf('columnDriver')]: columnValues[j] }),
        {
          [fieldOf('rowDriver')]: rowValues[i],
        },
      );
      const ev = evaluate(inputs);
      const what = `grid ${i + 1},${j + 1}`;
      workingsRow(3 + i * SIDE + j, ev, what);
      const row = w.gridFirstRow + i;
      const shown = ev.get(showsNpv ? 'npv' : 'breakEven');
      compare(`${what} value`, cell(w.gridColumn + j, row) as HfCell, shown, sizeOf(ev));
      compare(
        `${what} status`,
        cell(w.statusColumn + j, row) as HfCell,
        ev.valueOf(paybackStatus()),
        0,
      );
    }
  }
  return { wrong, compared };
}
