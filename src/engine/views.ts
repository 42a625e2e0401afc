// The scenario model's definitions (scenario-model.ts) as plain functions of numbers: the
// FT_* custom functions, the article audit and the tests call these, so a cell's
// =FT_COST(...), the scenario sheet's training cost and the sidebar's preview all come
// from one definition. Each view names the definition and which of its inputs, metrics
// and catalog fields the caller gives (in order); every other metric it uses is its own
// definition, compiled in (compile.ts). Compiled on first use, never while the script loads.
import type { BreakEven } from './breakeven';
import { NEVER } from './breakeven';
import type { MethodRow } from './catalog';
import { bindingName, compileBoth } from './compile';
import type { CompileEnv, Compiled } from './compile';
import type { NumberProgram } from './number-program';
import { E, SheetError } from './expr';
import type { Expr, Value } from './expr';
import type { ScenarioField } from './scenario-input';
import {
  managedTrainingOf,
  OWNERSHIP,
  roiAt,
  scaleBetweenOf,
  scaleFromOneOf,
  scenarioMetrics,
  UPFRONT_ITEMS,
  UPFRONT_TABLE,
} from './scenario-model';

/** A name a view binds: a metric, `input:<field>` or `field:<table>.<field>` (see bindingName). */
export type Binding = string;

/** A definition computed to something other than a number where a number was asked for. */
export class ModelValueError extends Error {
  constructor(
    readonly what: string,
    readonly value: Value,
  ) {
    super(
      `scenario model: ${what} is ${value instanceof SheetError ? value.code : String(value)}, not a number`,
    );
  }
}

const input = (field: ScenarioField): Binding => bindingName.input(field);

let definitions: Map<string, Expr> | undefined;

/** Every metric's definition by name (the interpolation ladder's size does not matter here). */
function definitionOf(name: string): Expr | undefined {
  if (!definitions) {
    definitions = new Map(
      [...scenarioMetrics(2), ...OWNERSHIP()].map((metric) => [metric.name, metric.expr]),
    );
    // A view computes for valid arguments (the function checked them): nothing is gated.
    definitions.set('problem', E.literal(''));
    // A function that takes examples estimates hours by the article's rule (FT_HOURS, FT_COST);
    // FT_COMPUTE_HOURS applies the measured runs itself (catalogCalibration).
    definitions.set('hoursSource', E.literal('rule'));
  }
  return definitions.get(name);
}

export interface ModelView {
  /** The definition's value for the bound values, in the order they were bound. */
  value(a?: Value, b?: Value, c?: Value, d?: Value, e?: Value): Value;
  /** The same, for more than five bound values. */
  valueOf(bound: readonly Value[]): Value;
}

/** A definition (a metric's name, or an expression of the model's builders) as a function of the bindings. */
export function modelView(
  definition: string | (() => Expr),
  bindings: readonly Binding[],
): ModelView {
  let compiled: Compiled | undefined;
  let program: NumberProgram | undefined;
  // One buffer per view, filled for each call: no array is made per row of a range.
  const slots: Value[] = new Array<Value>(bindings.length).fill('');
  const run = (): Compiled => {
    if (compiled) return compiled;
    const position = new Map(bindings.map((name, index) => [name, index]));
    const expr = typeof definition === 'string' ? E.metric(definition) : definition();
    const env: CompileEnv = {
      slot: (name) => position.get(name),
      definition: definitionOf,
      column: (table, column) =>
        table === UPFRONT_TABLE && column === 'amount'
          ? UPFRONT_ITEMS().map((item) => item.expr)
          : undefined,
    };
    const both = compileBoth(expr, env);
    compiled = both.run;
    // The program reads at most five bound values (value's a..e).
    if (bindings.length <= 5) program = both.program;
    return compiled;
  };
  return {
    value(a, b, c, d, e) {
      const compute = run();
      // Plain arithmetic on numbers (FT_HOURS, FT_COST): the program, which allocates nothing.
      if (
        program &&
        typeof a === 'number' &&
        (program.slots < 2 || typeof b === 'number') &&
        (program.slots < 3 || typeof c === 'number') &&
        (program.slots < 4 || typeof d === 'number') &&
        (program.slots < 5 || typeof e === 'number')
      ) {
        const value = program.run(a, b as number, c as number, d as number, e as number);
        if (value === value) return value;
      }
      slots[0] = a as Value;
      slots[1] = b as Value;
      slots[2] = c as Value;
      slots[3] = d as Value;
      slots[4] = e as Value;
      return compute(slots);
    },
    valueOf: (bound) => run()(bound),
  };
}

/**
 * A view's value as a number. An overflow (#NUM!, from a power past 1.8e308) reads as
 * Infinity, which the functions report as a result too large to show; any other error is
 * a ModelValueError.
 */
export function numberOf(value: Value, what: string): number {
  if (typeof value === 'number') return value;
  if (value instanceof SheetError && value.code === '#NUM!') return Infinity;
  throw new ModelValueError(what, value);
}

/** A view's value as a break-even: a number of months, or never. */
export function breakEvenValue(value: Value, what: string): BreakEven {
  return value === NEVER ? NEVER : numberOf(value, what);
}

// ---- The model's quantities as functions (the audit and the tests use these) -------------

const H100_HOURS = /* @__PURE__ */ modelView('h100Hours', [
  input('examples'),
  'scale',
  'timeFactor',
]);
/** H100 GPU-hours by the article's rule: 0.0001 × examples × scale × method factor. */
export function ruleHours(examples: number, modelScale: number, methodTimeFactor: number): number {
  return numberOf(H100_HOURS.value(examples, modelScale, methodTimeFactor), 'h100Hours');
}

const TRAINING_TOKENS = /* @__PURE__ */ modelView('trainingTokens', [
  input('examples'),
  input('tokensPerExample'),
  input('epochs'),
]);
/** Tokens a run trains on: examples × tokens per example × epochs. */
export function trainingTokens(examples: number, tokensPerExample: number, epochs: number): number {
  return numberOf(TRAINING_TOKENS.value(examples, tokensPerExample, epochs), 'trainingTokens');
}

const MEMORY = /* @__PURE__ */ modelView('memoryGb', [
  'params',
  'weightBytes',
  'trainable',
  'stateBytes',
]);
/** GB of GPU memory to fine-tune: params × bytes per param, plus the activation overhead. */
export function memoryGb(paramsBillions: number, method: MethodRow): number {
  return numberOf(
    MEMORY.value(
      paramsBillions,
      method.weightBytesPerParam,
      method.trainableFraction,
      method.stateBytesPerTrainableParam,
    ),
    'memoryGb',
  );
}

const GPU_COST = /* @__PURE__ */ modelView('trainingCost', ['trainingHours', 'price']);
/** GPU cost of a run: hours × $ per GPU-hour. */
export function gpuCost(hours: number, pricePerGpuHour: number): number {
  return numberOf(GPU_COST.value(hours, pricePerGpuHour), 'trainingCost');
}

const API_COST_PER_REQUEST = /* @__PURE__ */ modelView('apiCostPerRequest', [
  input('inputTokensPerRequest'),
  input('outputTokensPerRequest'),
  'apiIn',
  'apiOut',
]);
/** API cost of one request, prices in $ per 1K tokens. */
export function apiCostPerRequest(
  inputTokens: number,
  outputTokens: number,
  inputPricePer1K: number,
  outputPricePer1K: number,
): number {
  return numberOf(
    API_COST_PER_REQUEST.value(inputTokens, outputTokens, inputPricePer1K, outputPricePer1K),
    'apiCostPerRequest',
  );
}

const API_MONTHLY = /* @__PURE__ */ modelView('monthlyApi', [
  input('requestsPerMonth'),
  'apiCostPerRequest',
]);
/** API cost of a month's requests: requests × cost per request. */
export function apiMonthlyCost(requestsPerMonth: number, costPerRequest: number): number {
  return numberOf(API_MONTHLY.value(requestsPerMonth, costPerRequest), 'monthlyApi');
}

const FINETUNED_MONTHLY = /* @__PURE__ */ modelView('monthlyFinetuned', [
  input('requestsPerMonth'),
  input('finetunedCostPerRequest'),
  'monthlyFixed',
]);
/** Monthly running cost of the fine-tuned model: requests × inference cost + fixed costs (hosting). */
export function finetunedMonthlyCost(
  requestsPerMonth: number,
  costPerRequest: number,
  monthlyHosting: number,
): number {
  return numberOf(
    FINETUNED_MONTHLY.value(requestsPerMonth, costPerRequest, monthlyHosting),
    'monthlyFinetuned',
  );
}

const MANAGED_TRAINING = /* @__PURE__ */ modelView(managedTrainingOf, [
  'trainingTokens',
  bindingName.field('managed', 'pricePer1MTrainingTokens'),
  bindingName.field('managed', 'minimumCharge'),
]);
/** Managed fine-tuning: training tokens × the bracket's $ per 1M tokens, at least its minimum. */
export function managedTrainingCost(
  tokens: number,
  pricePer1MTokens: number,
  minimumCharge = 0,
): number {
  return numberOf(
    MANAGED_TRAINING.value(tokens, pricePer1MTokens, minimumCharge),
    'managedTrainingCost',
  );
}

/** What goes into the up-front cost of fine-tuning (total cost of ownership). */
export interface UpfrontInputs {
  /** GPU cost of the final training run. */
  readonly trainingRunCost: number;
  /** Extra full-size runs spent on experiments (each costs one training run). */
  readonly experimentRuns: number;
  readonly dataCollectionCost: number;
  readonly labelingHours: number;
  readonly labelingRate: number;
  readonly cleaningCost: number;
  readonly engineeringHours: number;
  readonly engineeringRate: number;
  readonly deploymentCost: number;
  readonly hardwareCost: number;
}

const UPFRONT_FIELDS = [
  'experimentRuns',
  'dataCollectionCost',
  'labelingHours',
  'labelingRate',
  'cleaningCost',
  'engineeringHours',
  'engineeringRate',
  'deploymentCost',
  'hardwareCost',
] as const;
const UPFRONT = /* @__PURE__ */ modelView('upfront', [
  'trainingCost',
  ...UPFRONT_FIELDS.map(input),
]);
/** The total up-front cost: the scenario's up-front items, summed. */
export function upfrontCost(inputs: UpfrontInputs): number {
  return numberOf(
    UPFRONT.valueOf([inputs.trainingRunCost, ...UPFRONT_FIELDS.map((field) => inputs[field])]),
    'upfront',
  );
}

const SAVINGS = /* @__PURE__ */ modelView('monthlySavings', ['monthlyApi', 'monthlyFinetuned']);
/** Monthly savings of the fine-tuned path over the API. */
export function monthlySavings(monthlyApiCost: number, monthlyFinetunedCost: number): number {
  return numberOf(SAVINGS.value(monthlyApiCost, monthlyFinetunedCost), 'monthlySavings');
}

const BREAK_EVEN = /* @__PURE__ */ modelView('breakEven', ['upfront', 'monthlySavings']);
/** Months until the up-front cost is paid back; "never" when savings are not positive. */
export function breakEvenMonths(upfront: number, savingsPerMonth: number): BreakEven {
  return breakEvenValue(BREAK_EVEN.value(upfront, savingsPerMonth), 'breakEven');
}

const ROI = /* @__PURE__ */ modelView(
  () => roiAt(E.metric('months')),
  ['upfront', 'monthlySavings', 'months'],
);
/** Net saving after `months`: savings × months − up-front. */
export function roi(upfront: number, savingsPerMonth: number, months: number): number {
  return numberOf(ROI.value(upfront, savingsPerMonth, months), 'roi');
}

const NPV = /* @__PURE__ */ modelView('npv', [
  'upfront',
  'monthlySavings',
  input('horizonMonths'),
  input('monthlyGrowthRate'),
  input('annualDiscountRate'),
]);
/** NPV after `months` of savings grown by `monthlyGrowth` and discounted at `annualDiscountRate`. */
export function npv(
  upfront: number,
  savingsPerMonth: number,
  months: number,
  monthlyGrowth = 0,
  annualDiscountRate = 0,
): number {
  return numberOf(
    NPV.value(upfront, savingsPerMonth, months, monthlyGrowth, annualDiscountRate),
    'npv',
  );
}

const PAYBACK = /* @__PURE__ */ modelView('payback', [
  'upfront',
  'monthlySavings',
  input('monthlyGrowthRate'),
  input('annualDiscountRate'),
]);
/** Months until the grown, discounted savings reach the up-front, or never (see paybackOf). */
export function paybackMonths(
  upfront: number,
  savingsPerMonth: number,
  monthlyGrowth = 0,
  annualDiscountRate = 0,
): BreakEven {
  return breakEvenValue(
    PAYBACK.value(upfront, savingsPerMonth, monthlyGrowth, annualDiscountRate),
    'payback',
  );
}

const GPUS_NEEDED = /* @__PURE__ */ modelView('gpusNeeded', ['memoryGb', 'gpuMemory']);
/** GPUs a run needs to hold its memory: its memory ÷ one GPU's, rounded up, at least 1. */
export function gpusNeeded(memory: number, gpuMemoryGb: number): number {
  return numberOf(GPUS_NEEDED.value(memory, gpuMemoryGb), 'gpusNeeded');
}

const ON_PREM = /* @__PURE__ */ modelView('onPremBreakEvenHours', [
  'purchase',
  'hourlyRent',
  'yearlyRunning',
  'years',
]);
/** Rented GPU-hours that cost as much as buying: (purchase + yearly × years) / rent. */
export function onPremBreakEvenHours(
  purchasePrice: number,
  hourlyRent: number,
  yearlyRunningCost: number,
  years: number,
): number {
  return numberOf(
    ON_PREM.value(purchasePrice, hourlyRent, yearlyRunningCost, years),
    'onPremBreakEvenHours',
  );
}

const OWNERSHIP_PER_YEAR = /* @__PURE__ */ modelView('ownershipCostPerYear', [
  'purchase',
  'yearlyRunning',
  'years',
]);
/** Cost of owning per year: purchase spread over `years` plus the yearly running cost. */
export function ownershipCostPerYear(
  purchasePrice: number,
  yearlyRunningCost: number,
  years: number,
): number {
  return numberOf(
    OWNERSHIP_PER_YEAR.value(purchasePrice, yearlyRunningCost, years),
    'ownershipCostPerYear',
  );
}

const SCALE_FROM_ONE = /* @__PURE__ */ modelView(
  () => scaleFromOneOf(E.metric('size'), E.metric('params'), E.metric('scale')),
  ['size', 'params', 'scale'],
);
const SCALE_BETWEEN = /* @__PURE__ */ modelView(
  () =>
    scaleBetweenOf(E.metric('size'), {
      lowParams: E.metric('lowParams'),
      lowScale: E.metric('lowScale'),
      highParams: E.metric('highParams'),
      highScale: E.metric('highScale'),
    }),
  ['size', 'lowParams', 'lowScale', 'highParams', 'highScale'],
);

/** A size's scale from catalog models of known size: one (in proportion), or a segment (log-log). */
export function interpolatedScale(
  paramsBillions: number,
  low: { readonly paramsBillions: number; readonly scale: number },
  high?: { readonly paramsBillions: number; readonly scale: number },
): number {
  const value = high
    ? SCALE_BETWEEN.value(
        paramsBillions,
        low.paramsBillions,
        low.scale,
        high.paramsBillions,
        high.scale,
      )
    : SCALE_FROM_ONE.value(paramsBillions, low.paramsBillions, low.scale);
  return numberOf(value, 'scale');
}
