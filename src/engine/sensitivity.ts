// Sensitivity: each main driver 30% down and 30% up (the article's spread), the NPV and the
// break-even at each end and the NPV's swing. Each end is a point of the one scenario model,
// as a what-if case is: the driver's inputs or metrics at their moved values, and the
// definitions that read them (dependentMetrics) evaluated again over them. Nothing of the
// model's arithmetic is here. Training hours move as the model estimates them (the article's
// rule, compute-bound or calibrated: the metric, whatever Hours from says).
import type { BreakEven } from './breakeven';
import { NEVER } from './breakeven';
import { E } from './expr';
import type { Expr, Value } from './expr';
import { evaluateAlone } from './scenario-evaluation';
import type { ScenarioEvaluation } from './scenario-evaluation';
import type { ScenarioField } from './scenario-input';
import { gated, trainingTimeSpread } from './scenario-model';
import { ModelValueError } from './views';
import { dependentMetrics } from './what-if';

/** What a driver moves: an input (read as a number, as the model reads it) or a metric. */
export type Moved = { readonly input: ScenarioField } | { readonly metric: string };

export interface SensitivityDriver {
  readonly key: string;
  readonly label: string;
  readonly moves: readonly Moved[];
}

/** The drivers, in the order the sensitivity lists them before sorting. */
export const SENSITIVITY_DRIVERS: readonly SensitivityDriver[] = [
  { key: 'requests', label: 'Requests per month', moves: [{ input: 'requestsPerMonth' }] },
  // Both token prices move together (a blank price is the catalog's: the metric's value).
  { key: 'apiPrice', label: 'API price', moves: [{ metric: 'apiIn' }, { metric: 'apiOut' }] },
  { key: 'trainingHours', label: 'Training hours', moves: [{ metric: 'trainingHours' }] },
  { key: 'labelingHours', label: 'Labeling hours', moves: [{ input: 'labelingHours' }] },
  { key: 'growth', label: 'Monthly volume growth', moves: [{ input: 'monthlyGrowthRate' }] },
  { key: 'discount', label: 'Annual discount rate', moves: [{ input: 'annualDiscountRate' }] },
];

/** The name of what is moved: the input's field or the metric's name (they never clash). */
export const movedName = (moved: Moved): string => ('input' in moved ? moved.input : moved.metric);

/** Everything some driver moves, in driver order: the workings' first columns. */
export const SENSITIVITY_MOVES: readonly Moved[] = SENSITIVITY_DRIVERS.flatMap(
  (driver) => driver.moves,
);

/** A sensitivity point: a driver (its index) 30% down (-1) or up (+1). */
export interface SensitivityPoint {
  readonly driver: number;
  readonly sign: -1 | 1;
}

/** The points in workings order: each driver down, then up. */
export const SENSITIVITY_POINTS: readonly SensitivityPoint[] = SENSITIVITY_DRIVERS.flatMap(
  (_, driver) => [-1, 1].map((sign) => ({ driver, sign: sign as -1 | 1 })),
);

/** The value in use of what is moved, as the model reads it. */
export const inUseOf = (moved: Moved): Expr =>
  'input' in moved ? E.value(E.input(moved.input)) : E.metric(moved.metric);

/** A moved value: the value in use x (1 -/+ the spread); blank while an input is not valid. */
export const movedValueOf = (value: Expr, sign: -1 | 1): Expr =>
  gated(E.mul(value, E.add(1, sign < 0 ? E.negate(trainingTimeSpread()) : trainingTimeSpread())));

/** The NPV's swing between the two ends: blank unless both are numbers. */
export const swingOf = (low: Expr, high: Expr): Expr =>
  E.if(E.and(E.isNumber(low), E.isNumber(high)), E.max(E.sub(high, low), E.sub(low, high)), '');

/**
 * The metrics a point computes again, each after those it reads: the targets' definitions
 * that read a moved input or metric (a moved metric itself is the point's given value).
 */
export function sensitivityMetrics(definition: (name: string) => Expr | undefined): string[] {
  const changed = new Set(SENSITIVITY_MOVES.map(movedName));
  // What the table shows of each point: its NPV and break-even.
  return dependentMetrics([E.metric('npv'), E.metric('breakEven')], changed, definition);
}

export interface SensitivityRow {
  readonly key: string;
  readonly label: string;
  /** '' where the moved input is not valid (a growth of -80% moved 30% down is below -100%). */
  readonly npvLow: number | '';
  readonly npvHigh: number | '';
  readonly breakEvenLow: BreakEven | '';
  readonly breakEvenHigh: BreakEven | '';
  readonly swing: number | '';
}

/** A point of a scenario: its driver's inputs and metrics at their moved values. */
export function sensitivityPoint(
  scenario: ScenarioEvaluation,
  point: SensitivityPoint,
  moved: ReadonlySet<string>,
): ScenarioEvaluation {
  const inputs: Partial<Record<ScenarioField, Value>> = {};
  const metrics: Record<string, Value> = {};
  for (const what of SENSITIVITY_DRIVERS[point.driver].moves) {
    const value = scenario.valueOf(movedValueOf(inUseOf(what), point.sign));
    if ('input' in what) inputs[what.input] = value;
    else metrics[what.metric] = value;
  }
  return scenario.at(inputs, metrics, moved);
}

/** A target's value at a point: a number, never, or '' (the point's inputs not valid). */
function valueAt(value: Value): number | '' | typeof NEVER {
  if (typeof value === 'number' || value === '' || value === NEVER) return value;
  // An overflow (#NUM!): computeScenario names the input too large.
  throw new ModelValueError('sensitivity', value);
}

/** The metrics a point computes again, by the ladder's rows (a walk of every definition). */
const movedByLadder: Record<number, ReadonlySet<string>> = {};

/** Each driver's row, in driver order, evaluated by the one model at both ends. */
export function sensitivityOf(scenario: ScenarioEvaluation): SensitivityRow[] {
  const rows = scenario.tables.ladder.length;
  const moved =
    movedByLadder[rows] ||
    (movedByLadder[rows] = new Set(sensitivityMetrics((name) => scenario.definition(name))));
  const ends = SENSITIVITY_POINTS.map((point) => sensitivityPoint(scenario, point, moved));
  return SENSITIVITY_DRIVERS.map(({ key, label }, i) => {
    const [low, high] = [ends[2 * i], ends[2 * i + 1]];
    const npvLow = valueAt(low.get('npv')) as number | '';
    const npvHigh = valueAt(high.get('npv')) as number | '';
    const swing = evaluateAlone(swingOf(E.metric('low'), E.metric('high')), {
      metrics: { low: npvLow, high: npvHigh },
      inputs: {},
    });
    return {
      key,
      label,
      npvLow,
      npvHigh,
      breakEvenLow: valueAt(low.get('breakEven')),
      breakEvenHigh: valueAt(high.get('breakEven')),
      swing: valueAt(swing) as number | '',
    };
  });
}
