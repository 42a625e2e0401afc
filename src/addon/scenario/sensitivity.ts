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
  UPFRONT_ITEMS,
} from '../../engine';
import type { Block } from './block';
import { METRIC_FORMAT } from './grid';
import {
  abs,
  FIRST_ROW,
  HEADER_ROW,
  SENSITIVITY_COLUMN,
  SENSITIVITY_WHAT,
  TITLE_ROW,
} from './places';

/** The workings' columns: the point's label, what the drivers move, the metrics that move. */
export const sensitivityColumns = (metrics: readonly string[]): number =>
  1 + SENSITIVITY_MOVES.length + metrics.length;

/** The moved metrics of the sensitivity's workings (the sheet's and the engine's one list). */
export function sensitivityWorkings(ladderRows: number): string[] {
  const definitions = modelDefinitions(ladderRows);
  return sensitivityMetrics((name) => definitions.get(name));
}

/** The workings: a row per point, its moved values, then the metrics that move with them. */
function writeWorkings(block: Block, metrics: readonly string[]): Map<string, string> {
  const { grid, formula, places } = block;
  const s = places.sensitivity;
  const definitions = modelDefinitions(block.tables.ladder.length);
  const names = [...SENSITIVITY_MOVES.map(movedName), ...metrics];
  const column = new Map(names.map((name, i) => [name, s.column + 1 + i]));
  grid.label(
    s.headerRow - 1,
    s.column,
    'Sensitivity workings: the model with each driver 30% down and up',
    true,
  );
  grid.header(s.headerRow, s.column, ['Point', ...names]);
  const ends = new Map<string, string>();
  SENSITIVITY_POINTS.forEach(({ driver, sign }, p) => {
    const r = s.firstRow + p;
    const { key, label, moves } = SENSITIVITY_DRIVERS[driver];
    grid.label(r, s.column, `${label} ${sign < 0 ? '30% down' : '30% up'}`);
    const here = (name: string): string | undefined => {
      const at = column.get(name);
      return at === undefined ? undefined : abs(at, r);
    };
    // The driver's inputs or metrics moved, the others as in use (one formula block: every
    // column filled, so the workings take one setFormulas call).
    for (const what of SENSITIVITY_MOVES) {
      const value = moves.includes(what) ? movedValueOf(inUseOf(what), sign) : gated(inUseOf(what));
      grid.set(r, column.get(movedName(what)) ?? 0, formula(value));
    }
    const items = UPFRONT_ITEMS().map((item) => here(item.name) ?? places.at.get(item.name));
    const bind = { input: here, metric: here, upfront: items.join(',') };
    for (const name of metrics) {
      const expr = definitions.get(name);
      if (!expr) throw new Error(`scenario layout: no definition of ${name}`);
      const format = name === 'npv' ? METRIC_FORMAT.usd : undefined;
      grid.set(r, column.get(name) ?? 0, formula(expr, undefined, bind), format);
    }
    for (const target of ['npv', 'breakEven']) {
      ends.set(`${key}.${target}.${sign}`, here(target) ?? places.at.get(target) ?? '');
    }
  });
  return ends;
}

export function writeSensitivity(block: Block, metrics: readonly string[]): void {
  const { grid, formula, result } = block;
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
  const ends = writeWorkings(block, metrics);
  result.finance.sensitivity.forEach((row, i) => {
    const r = FIRST_ROW + i;
    const cell = (what: (typeof SENSITIVITY_WHAT)[number]): number =>
      SENSITIVITY_COLUMN + 1 + SENSITIVITY_WHAT.indexOf(what);
    grid.text(r, SENSITIVITY_COLUMN, row.label);
    const at = (target: string, sign: number): string =>
      `=${ends.get(`${row.key}.${target}.${sign}`)}`;
    grid.set(r, cell('npvLow'), at('npv', -1), METRIC_FORMAT.usd);
    grid.set(r, cell('npvHigh'), at('npv', 1), METRIC_FORMAT.usd);
    grid.set(r, cell('breakEvenLow'), at('breakEven', -1), METRIC_FORMAT.months);
    grid.set(r, cell('breakEvenHigh'), at('breakEven', 1), METRIC_FORMAT.months);
    const ref = { low: abs(cell('npvLow'), r), high: abs(cell('npvHigh'), r) };
    const swing = formula(swingOf(E.metric('low'), E.metric('high')), undefined, {
      metric: (name) => ref[name as keyof typeof ref],
    });
    grid.set(r, cell('swing'), swing, METRIC_FORMAT.usd);
  });
}
