// Sensitivity (AO:AT): each main driver 30% down and 30% up (the article's spread), its NPV
// and break-even each way and the NPV swing, the largest swing first as the sheet is made.
// Each end is a row of workings below the what-if workings: the driver's inputs or metrics at
// their moved values, then the model's definitions that move with them (sensitivityMetrics),
// any other metric from its own cell; the engine evaluates the same points (sensitivityOf).
import {
  E,
  gated,
  inUseOf,
  modelDefinitions,
  movedName,
  movedValueOf,
  SENSITIVITY_DRIVERS,
  SENSITIVITY_MOVES,
  SENSITIVITY_POINTS,
  sensitivityMetrics,
  swingOf,
} from '../../engine';
import type { Block } from './block';
import { METRIC_FORMAT } from './grid';
import { abs, FIRST_ROW, HEADER_ROW, SENSITIVITY_COLUMN, TITLE_ROW } from './places';
import { writeMovedMetrics } from './what-if';

/** The workings' columns: the point's label, what the drivers move, the metrics that move. */
export const sensitivityColumns = (metrics: readonly string[]): number =>
  1 + SENSITIVITY_MOVES.length + metrics.length;

/** The moved metrics of the sensitivity's workings (the sheet's and the engine's one list). */
export function sensitivityWorkings(ladderRows: number): string[] {
  const definitions = modelDefinitions(ladderRows);
  return sensitivityMetrics((name) => definitions.get(name));
}

/** The workings: a row per point, its moved values, then the metrics that move with them. */
function writeWorkings(block: Block, metrics: readonly string[]): Map<string, number> {
  const { grid, formula, places } = block;
  const s = places.sensitivity;
  const definitions = modelDefinitions(block.tables.ladder.length);
  const names = [...SENSITIVITY_MOVES.map(movedName), ...metrics];
  const column = new Map(names.map((name, i) => [name, s.column + 1 + i]));
  grid.label(s.headerRow - 1, s.column, 'Sensitivity workings', true);
  grid.header(s.headerRow, s.column, ['Point', ...names]);
  SENSITIVITY_POINTS.forEach(({ driver, sign }, p) => {
    const r = s.firstRow + p;
    const { label, moves } = SENSITIVITY_DRIVERS[driver];
    grid.label(r, s.column, `${label} ${sign < 0 ? '30% down' : '30% up'}`);
    // The driver's inputs or metrics moved, the others as in use (one formula block: every
    // column filled, so the workings take one setFormulas call).
    for (const what of SENSITIVITY_MOVES) {
      const value = moves.includes(what) ? movedValueOf(inUseOf(what), sign) : gated(inUseOf(what));
      grid.set(r, column.get(movedName(what)) ?? 0, formula(value));
    }
    writeMovedMetrics(block, r, metrics, column, (name) => definitions.get(name));
  });
  return column;
}

export function writeSensitivity(block: Block, metrics: readonly string[]): void {
  const { grid, formula, result, places } = block;
  grid.label(
    TITLE_ROW,
    SENSITIVITY_COLUMN,
    'Sensitivity: each driver 30% down and 30% up, the article\u2019s spread (largest NPV swing first, as made)',
    true,
  );
  grid.header(HEADER_ROW, SENSITIVITY_COLUMN, [
    'Driver',
    'NPV, 30% down',
    'NPV, 30% up',
    'Break-even, 30% down',
    'Break-even, 30% up',
    'NPV swing',
  ]);
  const column = writeWorkings(block, metrics);
  result.finance.sensitivity.forEach((row, i) => {
    const r = FIRST_ROW + i;
    // The driver's two points: down, then up (SENSITIVITY_POINTS' order).
    const first =
      places.sensitivity.firstRow + 2 * SENSITIVITY_DRIVERS.findIndex((d) => d.key === row.key);
    const end = (target: string, up: number): string =>
      `=${abs(column.get(target) ?? 0, first + up)}`;
    const cells = [end('npv', 0), end('npv', 1), end('breakEven', 0), end('breakEven', 1)];
    const low = abs(SENSITIVITY_COLUMN + 1, r);
    const high = abs(SENSITIVITY_COLUMN + 2, r);
    const swing = formula(swingOf(E.metric('low'), E.metric('high')), undefined, {
      metric: (name) => (name === 'low' ? low : high),
    });
    grid.text(r, SENSITIVITY_COLUMN, row.label);
    [...cells, swing].forEach((value, c) =>
      grid.set(
        r,
        SENSITIVITY_COLUMN + 1 + c,
        value,
        METRIC_FORMAT[c === 2 || c === 3 ? 'months' : 'usd'],
      ),
    );
  });
}
