// Issue 21, item 4: the scenario as ranges instead of points. N runs of the whole scenario
// model, each with its uncertain drivers (training hours, GPU price, volume and its growth,
// API price, labeling hours, the discount rate) drawn from a stated distribution; out come
// the P10/P50/P90 of the NPV and of the payback, the share of runs that pay back within the
// horizon and a histogram of the NPV.
//
// Each driver's distribution, stated in FT_SIMULATE's reference and in its table: a driver
// the scenario's cases table gives values for is triangular from the lowest case value to
// the highest, most likely the first case's (the base), in the driver's own units; training
// hours calibrated on 3 or more measured runs are log-normal with the runs' spread (the
// model's own band, trainingBandLow/High) as P10 and P90; any other driver is a triangular
// factor from 1 - spread to 1 + spread on the scenario's value.
//
// Nothing of the model's arithmetic is here: each run binds the drawn values to the model's
// own definitions (modelView, compiled once by compile.ts) of the up-front cost, the monthly
// savings, then the NPV and the payback, the definitions the scenario sheet's cells show.
// The other inputs keep the scenario's values, and the catalog's (the GPU's speed, the
// API's prices) come from the scenario's own evaluation.
import { NEVER } from './breakeven';
import type { BreakEven } from './breakeven';
import { CALIBRATION } from './calibration-model';
import { bindingName } from './compile';
import { InputError } from './errors';
import type { Value } from './expr';
import type { CatalogIndex } from './names';
import { parseNumberValue } from './numbers';
import { ScenarioEvaluation, scenarioTables } from './scenario-evaluation';
import { SCENARIO_FIELDS } from './scenario-input';
import type { ScenarioField } from './scenario-input';
import { TRAINING_TIME_SPREAD } from './scenario-model';
import { breakEvenValue, modelView, ModelValueError, numberOf } from './views';
import type { Binding, ModelView } from './views';

/**
 * The uncertain drivers: what each binds (a metric or an input of the model) and, for a
 * driver the cases table has, the case row of each binding (the cases table's rows,
 * what-if.ts CASE_DRIVERS). One list: a driver is one line here and nowhere else.
 */
export const SIMULATION_DRIVERS = [
  // The hours on the provider's GPU, however they were estimated (rule, compute-bound, runs).
  { key: 'trainingHours', label: 'Training hours', binds: ['trainingHours'], cases: [] },
  { key: 'gpuPrice', label: 'GPU price', binds: ['price'], cases: [] },
  {
    key: 'requests',
    label: 'Requests per month',
    binds: [bindingName.input('requestsPerMonth')],
    cases: ['requestsPerMonth'],
  },
  {
    key: 'growth',
    label: 'Monthly volume growth',
    binds: [bindingName.input('monthlyGrowthRate')],
    cases: ['monthlyGrowthRate'],
  },
  // Both token prices move together (one draw): a provider changes its price list, not one column.
  {
    key: 'apiPrice',
    label: 'API price',
    binds: ['apiIn', 'apiOut'],
    cases: ['apiInputPricePer1K', 'apiOutputPricePer1K'],
  },
  {
    key: 'labelingHours',
    label: 'Labeling hours',
    binds: [bindingName.input('labelingHours')],
    cases: ['labelingHours'],
  },
  {
    key: 'discountRate',
    label: 'Annual discount rate',
    binds: [bindingName.input('annualDiscountRate')],
    cases: ['annualDiscountRate'],
  },
] as const satisfies readonly {
  readonly key: string;
  readonly label: string;
  readonly binds: readonly Binding[];
  /** Empty, or the case row of each binding, in the same order. */
  readonly cases: readonly ScenarioField[];
}[];

export type SimulationDriverKey = (typeof SIMULATION_DRIVERS)[number]['key'];

/**
 * A driver's distribution. Triangular(low, mode, high): a factor on the scenario's value
 * (the spread: 0.7, 1, 1.3 by default) or, from the cases, values in the driver's units.
 * Log-normal: ln(factor) normal, its P10 and P90 given (training hours calibrated on runs).
 */
export type DriverDistribution =
  | {
      readonly kind: 'triangular';
      readonly low: number;
      readonly mode: number;
      readonly high: number;
    }
  | { readonly kind: 'logNormal'; readonly p10: number; readonly p90: number };

/** A driver's factor within ±spread of 1, most likely 1. */
export const triangularSpread = (spread: number): DriverDistribution => ({
  kind: 'triangular',
  low: 1 - spread,
  mode: 1,
  high: 1 + spread,
});

/**
 * A case row's values, one per case column (the first is the base case), blank where the
 * case keeps the input: what FT_SIMULATE reads from the scenario sheet's cases table.
 */
export type CaseValues = Partial<Readonly<Record<ScenarioField, readonly (number | '')[]>>>;

/** Where a driver's distribution came from, as FT_SIMULATE states it. */
export type DriverSource = 'cases' | 'runs' | 'spread' | 'given';

export interface SimulatedDriver {
  readonly key: SimulationDriverKey;
  readonly label: string;
  readonly from: DriverSource;
  /** Each binding's distribution (a factor, or values in its units from the cases). */
  readonly distributions: readonly DriverDistribution[];
}

export interface SimulationOptions {
  /** Runs to draw (default 10,000). */
  readonly runs?: number;
  /** The same seed, inputs and spreads give the same result (default 1). */
  readonly seed?: number;
  /** A driver without cases or runs: a triangular factor from 1 - spread to 1 + spread (default 30%). */
  readonly spread?: number;
  /** The cases table's rows: a driver with a value there is triangular over its cases. */
  readonly cases?: CaseValues;
  /** A driver's own factor distribution, in place of all of the above. */
  readonly distributions?: Partial<Readonly<Record<SimulationDriverKey, DriverDistribution>>>;
}

export const DEFAULT_SIMULATION_RUNS = 10000;
export const MAX_SIMULATION_RUNS = 100000;
/** Bars of the NPV histogram: a fixed count, so the output's size never changes. */
export const HISTOGRAM_BINS = 20;

/**
 * The rows of FT_SIMULATE's table (0-based, src/functions/simulate.ts simulationTable): a
 * header, P10/P50/P90 (rows 1-3), the chance of payback, the drivers' distributions, the
 * histogram's header, its bars. The scenario sheet's formats and chart read the same rows.
 */
export const SIMULATION_TABLE = {
  chanceRow: 4,
  driversRow: 5,
  histogramHeaderRow: 6,
  rows: 7 + HISTOGRAM_BINS,
} as const;

export interface HistogramBin {
  readonly from: number;
  readonly to: number;
  readonly runs: number;
}

export interface Percentiles<T> {
  readonly p10: T;
  readonly p50: T;
  readonly p90: T;
}

export interface SimulationResult {
  readonly runs: number;
  readonly seed: number;
  readonly horizonMonths: number;
  readonly npv: Percentiles<number>;
  /** Discounted payback (the break-even with growth and discount), never when it is not reached. */
  readonly payback: Percentiles<BreakEven>;
  /** The share of runs that pay back within the horizon, 0 to 1. */
  readonly paysBackWithinHorizon: number;
  readonly histogram: readonly HistogramBin[];
  /** The spread of the drivers that use it. */
  readonly spread: number;
  /** Each driver's distribution and where it came from, in SIMULATION_DRIVERS' order. */
  readonly drivers: readonly SimulatedDriver[];
  /** The measured runs the training hours' calibration used (0 without runs). */
  readonly calibrationRuns: number;
}

// ---- Random numbers ----------------------------------------------------------------------

/**
 * Marsaglia's xorshift32 (G. Marsaglia, "Xorshift RNGs", Journal of Statistical Software
 * 8(14), 2003; shifts 13, 17, 5): period 2^32 - 1 over non-zero states. Plenty for sampling
 * strata, and the same in every JavaScript engine, so a seed gives the same runs everywhere.
 */
export function xorshift32(seed: number): () => number {
  // Spread the seed's bits (Knuth's multiplicative hash) so seeds 1, 2, 3 start far apart;
  // a zero state would stay zero.
  let state = Math.imul((seed >>> 0) ^ 0x9e3779b9, 2654435761) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    // A uniform number in (0, 1): never 0, so a log or an inverse CDF is always finite.
    return (state + 0.5) / 4294967296;
  };
}

/**
 * Latin hypercube draws in (0, 1): run i lies in stratum perm(i) of n equal strata, a
 * random point within it. Every stratum is drawn once, so the draws' percentiles are
 * within 1/n of the distribution's (plain random draws wander by about 1/sqrt(n)).
 */
function stratified(runs: number, next: () => number): Float64Array {
  const order = new Int32Array(runs);
  for (let i = 0; i < runs; i++) order[i] = i;
  for (let i = runs - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const swap = order[i];
    order[i] = order[j];
    order[j] = swap;
  }
  const draws = new Float64Array(runs);
  for (let i = 0; i < runs; i++) draws[i] = (order[i] + next()) / runs;
  return draws;
}

/** The standard normal's z at 0.9 (so P10 and P90 are 1.2816 standard deviations out). */
const Z90 = 1.2815515655446004;

/**
 * The standard normal quantile, sqrt(2) x erfinv(2p - 1) by Winitzki's approximation of erf
 * ("A handy approximation for the error function and its inverse", 2008; a = 0.147): within
 * 0.2% of z, far finer than a spread measured on a few runs.
 */
function normalQuantile(p: number): number {
  const x = 2 * p - 1;
  const log = Math.log(1 - x * x);
  const first = 2 / (Math.PI * 0.147) + log / 2;
  return Math.sign(x) * Math.SQRT2 * Math.sqrt(Math.sqrt(first * first - log / 0.147) - first);
}

/** The factor at probability u of a distribution (its inverse CDF). */
export function quantileOf(distribution: DriverDistribution, u: number): number {
  if (distribution.kind === 'logNormal') {
    const { p10, p90 } = distribution;
    const middle = (Math.log(p10) + Math.log(p90)) / 2;
    const sigma = (Math.log(p90) - Math.log(p10)) / (2 * Z90);
    return Math.exp(middle + sigma * normalQuantile(u));
  }
  const { low, mode, high } = distribution;
  const width = high - low;
  if (width === 0) return mode;
  const split = (mode - low) / width;
  return u < split
    ? low + Math.sqrt(u * width * (mode - low))
    : high - Math.sqrt((1 - u) * width * (high - mode));
}

// ---- Percentiles and the histogram -------------------------------------------------------

/**
 * The p-th percentile of ascending values as Sheets' PERCENTILE computes it: at rank
 * p × (n - 1), between the two values around it linearly. Infinity (a payback never
 * reached) stays Infinity.
 */
export function percentileOfSorted(sorted: Float64Array, p: number): number {
  const rank = p * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.min(below + 1, sorted.length - 1);
  const low = sorted[below];
  const high = sorted[above];
  if (high === Infinity) return rank === below ? low : Infinity;
  return low + (rank - below) * (high - low);
}

function percentiles(sorted: Float64Array): Percentiles<number> {
  return {
    p10: percentileOfSorted(sorted, 0.1),
    p50: percentileOfSorted(sorted, 0.5),
    p90: percentileOfSorted(sorted, 0.9),
  };
}

/** HISTOGRAM_BINS equal bins from the smallest to the largest value (all in one when equal). */
function histogramOf(sorted: Float64Array): HistogramBin[] {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  const width = (max - min) / HISTOGRAM_BINS;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const value of sorted) {
    const bin = width > 0 ? Math.floor((value - min) / width) : 0;
    counts[Math.min(bin, HISTOGRAM_BINS - 1)]++;
  }
  return counts.map((runs, i) => ({
    from: min + i * width,
    to: i === HISTOGRAM_BINS - 1 ? max : min + (i + 1) * width,
    runs,
  }));
}

// ---- The runs ----------------------------------------------------------------------------

let views:
  | {
      /** Every number input the model reads, and the catalog figures the names looked up. */
      readonly bindings: readonly Binding[];
      readonly upfront: ModelView;
      readonly savings: ModelView;
      readonly npv: ModelView;
      readonly payback: ModelView;
    }
  | undefined;

/** The model's definitions as functions of the bindings (built on the first simulation). */
function modelViews(): NonNullable<typeof views> {
  if (views) return views;
  const numbers = SCENARIO_FIELDS.filter(
    (field) =>
      field.kind === 'number' || field.kind === 'optionalNumber' || field.kind === 'months',
  );
  const bindings = [
    ...['trainingHours', 'price', 'apiIn', 'apiOut'],
    ...numbers.map((field) => bindingName.input(field.key)),
  ];
  const finance = [
    'upfront',
    'monthlySavings',
    bindingName.input('horizonMonths'),
    bindingName.input('monthlyGrowthRate'),
    bindingName.input('annualDiscountRate'),
  ];
  views = {
    bindings,
    upfront: modelView('upfront', bindings),
    savings: modelView('monthlySavings', bindings),
    npv: modelView('npv', finance),
    payback: modelView('payback', finance),
  };
  return views;
}

/** A whole number from `least` to `most`, else an InputError naming it. */
function checkWhole(argument: string, value: number, least: number, most: number): number {
  if (!(Number.isInteger(value) && value >= least && value <= most)) {
    throw new InputError(
      argument,
      `${argument} must be a whole number from ${least} to ${most}, got ${value}`,
    );
  }
  return value;
}

/**
 * The training hours' distribution when the scenario's hours are calibrated on 3 or more
 * runs (the model's bandFromRuns, as the sheet's band says): log-normal, its P10 and P90 the
 * band's ends (the runs' lowest and highest measured ÷ estimated ratio over the fit's factor).
 */
function hoursFromRuns(
  evaluation: ScenarioEvaluation,
): { readonly runs: number; readonly distribution: DriverDistribution } | undefined {
  // 'yes' only with 3 or more usable runs, whose ratios are positive numbers.
  if (evaluation.get('bandFromRuns') !== 'yes') return undefined;
  const [p10, p90] = ['trainingBandLow', 'trainingBandHigh'].map((name) =>
    Number(evaluation.get(name)),
  );
  return {
    runs: Number(evaluation.get(CALIBRATION.runs)),
    distribution: { kind: 'logNormal', p10, p90 },
  };
}

/**
 * A driver's distribution and its source: given, else from the cases table when it has a
 * value for the driver (blank cells keep the scenario's value), else the runs' spread for
 * the training hours, else the spread.
 */
function driverOf(
  driver: (typeof SIMULATION_DRIVERS)[number],
  at: {
    readonly base: readonly number[];
    readonly slotOf: ReadonlyMap<string, number>;
    readonly spread: number;
    readonly hours: ReturnType<typeof hoursFromRuns>;
    readonly options: SimulationOptions;
  },
): SimulatedDriver {
  const { key, label, binds } = driver;
  const fields: readonly ScenarioField[] = driver.cases;
  const { distributions = {}, cases = {} } = at.options;
  const given = distributions[key];
  if (given) return { key, label, from: 'given', distributions: binds.map(() => given) };
  // A row not given is blank: every case keeps the input.
  const rows = fields.map((field) => cases[field] || ['' as const]);
  if (rows.some((row) => row.some((value) => value !== ''))) {
    const ranges = rows.map((row, b): DriverDistribution => {
      const input = at.base[at.slotOf.get(binds[b]) as number];
      const values = row.map((v) => (v === '' ? input : v));
      const [low, high] = [Math.min(...values), Math.max(...values)];
      return { kind: 'triangular', low, mode: values[0], high };
    });
    return { key, label, from: 'cases', distributions: ranges };
  }
  if (key === 'trainingHours' && at.hours) {
    return { key, label, from: 'runs', distributions: [at.hours.distribution] };
  }
  const spread = triangularSpread(at.spread);
  return { key, label, from: 'spread', distributions: binds.map(() => spread) };
}

/**
 * N runs of the scenario whose inputs are given (as its input cells hold them): the inputs
 * are checked as the sheet checks them (the first problem is an InputError on `inputs`).
 */
export function simulateScenario(
  inputs: Readonly<Record<ScenarioField, Value>>,
  index: CatalogIndex,
  options: SimulationOptions = {},
): SimulationResult {
  const runs = checkWhole('runs', options.runs ?? DEFAULT_SIMULATION_RUNS, 1, MAX_SIMULATION_RUNS);
  const seed = checkWhole('seed', options.seed ?? 1, 0, 0xffffffff);
  const spread = options.spread ?? TRAINING_TIME_SPREAD;
  if (!(spread >= 0 && spread < 1)) {
    throw new InputError('spread', `spread must be from 0 to below 100%, got ${spread}`);
  }
  const horizon = parseNumberValue(inputs.horizonMonths) ?? NaN;
  const evaluation = new ScenarioEvaluation(inputs, index, scenarioTables(index, 0));
  const problem = evaluation.get('problem');
  if (problem !== '') throw new InputError('inputs', String(problem));

  const { bindings, upfront, savings, npv, payback } = modelViews();
  // The scenario's own values of everything bound: the drivers' centres, the rest fixed.
  const base = bindings.map((name): number => {
    const value = name.startsWith('input:')
      ? parseNumberValue(inputs[name.slice('input:'.length) as ScenarioField])
      : parseNumberValue(evaluation.get(name));
    // An optional input left blank (a price from the catalog) is read through its metric.
    return value ?? 0;
  });
  const slotOf = new Map(bindings.map((name, i) => [name, i]));
  const random = xorshift32(seed);
  const hours = hoursFromRuns(evaluation);
  const stated = SIMULATION_DRIVERS.map((driver) =>
    driverOf(driver, { base, slotOf, spread, hours, options }),
  );
  const drivers = stated.map((driver, d) => ({
    slots: SIMULATION_DRIVERS[d].binds.map((name) => slotOf.get(name) as number),
    // A case range is in the driver's units (scale 1); any other distribution is a factor.
    scales: SIMULATION_DRIVERS[d].binds.map((name) =>
      driver.from === 'cases' ? 1 : base[slotOf.get(name) as number],
    ),
    distributions: driver.distributions,
    draws: stratified(runs, random),
  }));

  const bound: Value[] = base.slice();
  const npvs = new Float64Array(runs);
  const paybacks = new Float64Array(runs);
  let paid = 0;
  const growthSlot = slotOf.get(bindingName.input('monthlyGrowthRate')) as number;
  const rateSlot = slotOf.get(bindingName.input('annualDiscountRate')) as number;
  try {
    for (let run = 0; run < runs; run++) {
      for (const driver of drivers) {
        // One draw per driver: its bindings (the two API prices) move together.
        const u = driver.draws[run];
        driver.slots.forEach((slot, b) => {
          bound[slot] = driver.scales[b] * quantileOf(driver.distributions[b], u);
        });
      }
      const up = numberOf(upfront.valueOf(bound), 'upfront');
      const saved = numberOf(savings.valueOf(bound), 'monthlySavings');
      const [growth, rate] = [bound[growthSlot], bound[rateSlot]];
      npvs[run] = numberOf(npv.value(up, saved, horizon, growth, rate), 'npv');
      if (!Number.isFinite(npvs[run])) throw new ModelValueError('npv', npvs[run]);
      const months = breakEvenValue(payback.value(up, saved, horizon, growth, rate), 'payback');
      paybacks[run] = months === NEVER ? Infinity : months;
      if (months !== NEVER && months <= horizon) paid++;
    }
  } catch (error) {
    // As computeScenario says of a scenario whose products overflow: no figure to give.
    if (!(error instanceof ModelValueError)) throw error;
    throw new InputError(
      'inputs',
      'inputs: some runs are too large to compute (beyond about 1.8e308); check the inputs for very large numbers',
    );
  }
  npvs.sort();
  paybacks.sort();
  const months = percentiles(paybacks);
  const asBreakEven = (value: number): BreakEven => (value === Infinity ? NEVER : value);
  return {
    runs,
    seed,
    horizonMonths: horizon,
    npv: percentiles(npvs),
    payback: {
      p10: asBreakEven(months.p10),
      p50: asBreakEven(months.p50),
      p90: asBreakEven(months.p90),
    },
    paysBackWithinHorizon: paid / runs,
    histogram: histogramOf(npvs),
    spread,
    drivers: stated,
    calibrationRuns: hours ? hours.runs : 0,
  };
}
