// Issue 21, the what-if toolkit: named cases and a two-way table, both evaluated by the one
// scenario model. Nothing here computes a result of its own: a case or a grid cell is the
// model's own definitions over other input values. The engine evaluates it as a scenario
// whose inputs are those values (pointInputs, then ScenarioEvaluation); the sheet renders
// the definitions downstream of the changed inputs again in a "workings" row that reads
// those values (dependentMetrics says which definitions, in order).
import { E } from './expr';
import type { Expr, Value } from './expr';
import {
  gated,
  paysBackOf,
  TRAINING_TIME_SPREAD,
  UPFRONT_ITEMS,
  UPFRONT_TABLE,
} from './scenario-model';
import { SCENARIO_FIELDS } from './scenario-input';
import type { FieldSpec, ScenarioField } from './scenario-input';

/** The names of the cases at creation, in column order; the first is the inputs as typed. */
export const CASE_NAMES: readonly string[] = ['Base', 'Best', 'Worst'];

/**
 * The inputs a case may change (the cases table's rows, in order), each with the direction
 * of the article's ±30% that favours fine-tuning: more requests, dearer API, fewer labeling
 * hours, faster growth, cheaper money. The simulation (issue 21, item 4) may read the best
 * and worst columns as driver ranges: CASE_DRIVERS and the places' `whatIf.caseRows` find them.
 */
export const CASE_DRIVERS: readonly { readonly field: ScenarioField; readonly better: 1 | -1 }[] = [
  { field: 'requestsPerMonth', better: 1 },
  { field: 'apiInputPricePer1K', better: 1 },
  { field: 'apiOutputPricePer1K', better: 1 },
  { field: 'labelingHours', better: -1 },
  { field: 'monthlyGrowthRate', better: 1 },
  { field: 'annualDiscountRate', better: -1 },
];

/** The inputs a two-way table may move: every numeric input (its dropdowns list their labels). */
export const GRID_DRIVERS: readonly FieldSpec[] = SCENARIO_FIELDS.filter(
  (field) => field.kind === 'number' || field.kind === 'optionalNumber' || field.kind === 'months',
);

/** Steps either side of the centre: a 5 x 5 grid (each cell is a workings row of the model). */
export const GRID_STEPS = 2;

/** What a grid cell shows, as its selector offers it. */
export const GRID_SHOWS = { breakEven: 'Break-even (months)', npv: 'NPV at the horizon' } as const;

/** The step between grid values when the sheet is made: 10% of the centre. */
export const DEFAULT_GRID_STEP = 0.1;

/** The two drivers a grid has when the sheet is made (the requests x API price). */
export const DEFAULT_GRID_DRIVERS: readonly [ScenarioField, ScenarioField] = [
  'requestsPerMonth',
  'apiInputPricePer1K',
];

/** The headline results a case summary shows, by metric name, in order. */
export const CASE_RESULTS: readonly { readonly metric: string; readonly label: string }[] = [
  { metric: 'upfront', label: 'Total up-front' },
  { metric: 'monthlySavings', label: 'Monthly savings' },
  { metric: 'breakEven', label: 'Break-even (months)' },
  { metric: 'npv', label: 'NPV at the horizon' },
  { metric: 'discountedPayback', label: 'Discounted payback (months)' },
  { metric: 'verdict', label: 'Verdict' },
];

/** A grid cell's status, for its colour: pays back within the horizon, never, or later. */
export const PAYBACK_STATUS = { within: 'within the horizon', never: 'never', later: 'later' };

/** The status as a definition over the model's metrics (blank while an input is not valid). */
export const paybackStatus = (): Expr =>
  gated(
    E.if(
      paysBackOf(E.metric('breakEven'), E.value(E.input('horizonMonths'))),
      PAYBACK_STATUS.within,
      E.if(E.eq(E.metric('breakEven'), 'never'), PAYBACK_STATUS.never, PAYBACK_STATUS.later),
    ),
  );

/**
 * The value an input stands at: the input, or for an API price left blank the catalog
 * price the model uses (the grid's centre, and the base a case's ±30% starts from).
 */
export function driverValue(field: ScenarioField): Expr {
  const metric =
    field === 'apiInputPricePer1K' ? 'apiIn' : field === 'apiOutputPricePer1K' ? 'apiOut' : '';
  return metric === ''
    ? E.input(field)
    : E.if(E.eq(E.input(field), ''), E.metric(metric), E.input(field));
}

/**
 * A grid value: the centre moved by `step` (a share of it) `k` times. A centre of 0 (growth
 * and discount rate by default) has no share to move by: it steps by the step itself (10%:
 * -20%, -10%, 0, 10%, 20%), as a rate is moved in points.
 */
export const gridValueOf = (centre: Expr, k: number, step: Expr): Expr =>
  E.if(E.eq(centre, 0), E.mul(k, step), E.mul(centre, E.add(1, E.mul(k, step))));

/** A case's value for a driver at creation: the base moved by the article's ±30%. */
export function caseValueAt(base: number, better: 1 | -1, caseIndex: number): number | '' {
  if (caseIndex === 0) return '';
  const sign = caseIndex === 1 ? better : -better;
  const value = base * (1 + sign * TRAINING_TIME_SPREAD);
  // The same as the base (a 0 moved by 30%) is the base: left blank.
  return value === base ? '' : value;
}

/**
 * The inputs of one point: the base inputs with the given ones replaced; a blank override
 * keeps the base input (a case's blank cell).
 */
export function pointInputs<T extends Readonly<Record<ScenarioField, Value>>>(
  base: T,
  overrides: Partial<Record<ScenarioField, Value>>,
): T {
  const inputs: Record<string, Value> = { ...base };
  for (const [field, value] of Object.entries(overrides)) {
    if (value !== undefined && value !== '' && value !== null) inputs[field] = value;
  }
  return inputs as T;
}

/** The input fields and metrics a definition reads directly (its nodes, walked generically). */
function readsOf(expr: Expr, fields: Set<string>, metrics: Set<string>): void {
  if (expr.kind === 'input') fields.add(expr.field);
  else if (expr.kind === 'metric') metrics.add(expr.name);
  // The up-front total sums its items; the other columns a metric reads are catalog rows.
  else if (expr.kind === 'column' && expr.table === UPFRONT_TABLE)
    for (const item of UPFRONT_ITEMS()) metrics.add(item.name);
  for (const child of Object.values(expr) as unknown[]) {
    for (const node of Array.isArray(child) ? child : [child]) {
      if (typeof node === 'object' && node !== null && 'kind' in node)
        readsOf(node as Expr, fields, metrics);
    }
  }
}

/**
 * The metrics that `targets` need and that change when the `changed` inputs do, each after
 * the metrics it reads (so a workings row can compute them left to right). Every other
 * metric a target reads is the same at every point: a workings row reads it from the
 * scenario's own cell. A metric named in `changed` is given by the row (the sensitivity's
 * training hours): it moves, and is not computed again.
 */
export function dependentMetrics(
  targets: readonly Expr[],
  changed: ReadonlySet<string>,
  definition: (name: string) => Expr | undefined,
): string[] {
  const order: string[] = [];
  const affected = new Map<string, boolean>();
  const visit = (name: string): boolean => {
    const known = affected.get(name);
    if (known !== undefined) return known;
    affected.set(name, false); // a cycle reads as unaffected; the model has none
    if (changed.has(name)) {
      affected.set(name, true);
      return true;
    }
    const expr = definition(name);
    if (!expr) return false;
    const fields = new Set<string>();
    const metrics = new Set<string>();
    readsOf(expr, fields, metrics);
    let moves = [...fields].some((field) => changed.has(field));
    for (const metric of metrics) moves = visit(metric) || moves;
    affected.set(name, moves);
    if (moves) order.push(name);
    return moves;
  };
  for (const target of targets) {
    const metrics = new Set<string>();
    readsOf(target, new Set(), metrics);
    metrics.forEach(visit);
  }
  return order;
}
