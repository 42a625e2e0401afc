// Money over time and uncertainty (issue 14): NPV with volume growth and a cost of
// money, (discounted) payback, the managed fine-tuning path, GPUs a run needs, the
// article's ±30% training-time range, the break-even request volume and a sensitivity
// table. Pure functions over plain numbers; each checks its own arguments and throws an
// InputError naming the argument as the FT_* functions call it.
import { breakEvenMonths, NEVER, roi } from './breakeven';
import type { BreakEven } from './breakeven';
import { apiCostPerRequest, apiMonthlyCost, managedTrainingCost } from './costs';
import { InputError, describeValue } from './errors';
import type { CatalogIndex, ResolvedApi } from './names';
import { checkNumber } from './numbers';
import { trainingTokens } from './training';

const MONTHS_PER_YEAR = 12;

/** The longest a discounted payback is searched for: 100 years, far past any plan. */
export const MAX_PAYBACK_MONTHS = 1200;

/**
 * The article's spread of training times, under its GPU-hours table: "Your actual times may
 * vary ±30%". Training cost low/high and the sensitivity table move their drivers by it.
 */
export const TRAINING_TIME_SPREAD = 0.3;

/** A monthly growth or annual discount rate: above −100% (a fraction: 0.05 is 5%). */
export function checkRate(argument: string, value: number): void {
  checkNumber(argument, value, 'finite');
  if (value <= -1) {
    throw new InputError(
      argument,
      `${argument} must be a rate above -100% (e.g. 5% or 0.05), got ${describeValue(value)}`,
    );
  }
}

function checkWholeMonths(argument: string, value: number): void {
  checkNumber(argument, value, 'nonNegative');
  if (Math.floor(value) !== value) {
    throw new InputError(
      argument,
      `${argument} must be a whole number of months, got ${describeValue(value)}`,
    );
  }
}

/** ln of month-over-month factor: one month's growth over one month's discount. */
function logMonthlyFactor(monthlyGrowth: number, annualDiscountRate: number): number {
  return Math.log1p(monthlyGrowth) - Math.log1p(annualDiscountRate) / MONTHS_PER_YEAR;
}

/**
 * Net present value after `months`: −upfront + Σ_{m=1..months} savings × (1 + growth)^(m−1)
 * ÷ (1 + rate)^(m/12). With growth 0 and rate 0 it is exactly roi(upfront, savings, months).
 * The sum is a geometric series with ratio q = (1 + growth) ÷ (1 + rate)^(1/12), summed in
 * closed form: savings ÷ (1 + rate)^(1/12) × (q^months − 1) ÷ (q − 1), the fraction taken
 * as expm1(months·ln q) ÷ expm1(ln q) so a q near 1 loses no digits.
 */
export function npv(
  upfront: number,
  monthlySavings: number,
  months: number,
  monthlyGrowth = 0,
  annualDiscountRate = 0,
): number {
  checkNumber('upfront', upfront, 'nonNegative');
  checkNumber('monthly_savings', monthlySavings, 'finite');
  checkWholeMonths('months', months);
  checkRate('monthly_growth', monthlyGrowth);
  checkRate('annual_discount_rate', annualDiscountRate);
  if (monthlyGrowth === 0 && annualDiscountRate === 0) return roi(upfront, monthlySavings, months);
  const logQ = logMonthlyFactor(monthlyGrowth, annualDiscountRate);
  const firstMonth = monthlySavings / Math.pow(1 + annualDiscountRate, 1 / MONTHS_PER_YEAR);
  const series = logQ === 0 ? months : Math.expm1(months * logQ) / Math.expm1(logQ);
  const value = firstMonth * series - upfront;
  if (!Number.isFinite(value)) throw tooLarge(monthlyGrowth, months);
  return value;
}

function tooLarge(monthlyGrowth: number, months: number): InputError {
  return new InputError(
    'monthly_growth',
    `monthly_growth ${describeValue(monthlyGrowth)} compounded over ${months} months makes the savings too large to compute (beyond about 1e308); use a smaller growth or fewer months`,
  );
}

/**
 * The month at which cumulative (grown, discounted) savings reach the up-front cost,
 * interpolated linearly inside that month: (k − 1) + (upfront − cumulative after k − 1)
 * ÷ month k's saving. With growth 0 and rate 0 it is exactly breakEvenMonths (upfront ÷
 * savings, however far). Otherwise: "never" when savings are not positive (as
 * breakEvenMonths, even for a zero up-front), 0 for a zero up-front, and "never" when
 * not reached within MAX_PAYBACK_MONTHS.
 */
export function paybackMonths(
  upfront: number,
  monthlySavings: number,
  monthlyGrowth = 0,
  annualDiscountRate = 0,
): BreakEven {
  checkNumber('upfront', upfront, 'nonNegative');
  checkNumber('monthly_savings', monthlySavings, 'finite');
  checkRate('monthly_growth', monthlyGrowth);
  checkRate('annual_discount_rate', annualDiscountRate);
  if (monthlyGrowth === 0 && annualDiscountRate === 0) {
    return breakEvenMonths(upfront, monthlySavings);
  }
  // Growth above −100% and a discount factor keep every month's saving the sign of the first.
  if (!(monthlySavings > 0)) return NEVER;
  if (upfront === 0) return 0;
  const ratio = Math.exp(logMonthlyFactor(monthlyGrowth, annualDiscountRate));
  let saving = monthlySavings / Math.pow(1 + annualDiscountRate, 1 / MONTHS_PER_YEAR);
  let cumulative = 0;
  for (let month = 1; month <= MAX_PAYBACK_MONTHS; month++) {
    if (cumulative + saving >= upfront) return month - 1 + (upfront - cumulative) / saving;
    cumulative += saving;
    saving *= ratio;
  }
  return NEVER;
}

/** A managed fine-tuning service as the calculations need it: its price and inference API. */
export interface ResolvedManaged {
  readonly name: string;
  readonly pricePer1MTrainingTokens: number;
  readonly inferenceApi: ResolvedApi;
}

/** A managed service by name, blank for the catalog's first, with its inference API row. */
export function resolveManaged(
  index: CatalogIndex,
  argument: string,
  value: unknown,
): ResolvedManaged {
  const row = index.managed(argument, value);
  return {
    name: row.name,
    pricePer1MTrainingTokens: row.pricePer1MTrainingTokens,
    inferenceApi: index.api(`${argument} inference API`, row.inferenceApi),
  };
}

/** Training cost of a managed fine-tune: examples × tokens × epochs ÷ 1e6 × $ per 1M tokens. */
export function managedFineTuningCost(
  examples: number,
  tokensPerExample: number,
  epochs: number,
  pricePer1MTrainingTokens: number,
): number {
  return managedTrainingCost(
    trainingTokens(examples, tokensPerExample, epochs),
    pricePer1MTrainingTokens,
  );
}

/** The managed path's monthly cost: requests × the fine-tuned model's API price per request. */
export function managedMonthlyCost(
  requestsPerMonth: number,
  inputTokensPerRequest: number,
  outputTokensPerRequest: number,
  inferenceApi: ResolvedApi,
): number {
  return apiMonthlyCost(
    requestsPerMonth,
    apiCostPerRequest(
      inputTokensPerRequest,
      outputTokensPerRequest,
      inferenceApi.inputPricePer1K,
      inferenceApi.outputPricePer1K,
    ),
  );
}

/** GPUs a run needs to hold its memory: ceil(memory ÷ one GPU's memory), at least 1. */
export function gpusNeeded(memoryGb: number, gpuMemoryGb: number): number {
  checkNumber('memory_gb', memoryGb, 'nonNegative');
  checkNumber('gpu_memory_gb', gpuMemoryGb, 'positive');
  return Math.max(1, Math.ceil(memoryGb / gpuMemoryGb));
}

/** Wall-clock hours of a run spread over `gpus`: GPU-hours ÷ GPUs (the cost stays GPU-hours × price). */
export function wallClockHours(gpuHours: number, gpus: number): number {
  return gpuHours / gpus;
}

export interface CostRange {
  readonly low: number;
  readonly high: number;
}

/** A cost at the article's ±30% training-time spread: cost × 0.7 and cost × 1.3. */
export function trainingCostRange(cost: number, spread = TRAINING_TIME_SPREAD): CostRange {
  return { low: cost * (1 - spread), high: cost * (1 + spread) };
}

/**
 * Requests per month at which fine-tuning breaks even within the horizon:
 * (upfront ÷ horizon + monthly fixed costs) ÷ (API cost per request − fine-tuned cost per
 * request). "never" when the fine-tuned model costs at least as much per request as the
 * API: then no volume pays the up-front cost back.
 */
export function breakEvenRequestsPerMonth(
  upfront: number,
  horizonMonths: number,
  monthlyFixedCosts: number,
  apiCostPerRequestValue: number,
  finetunedCostPerRequest: number,
): BreakEven {
  checkNumber('upfront', upfront, 'nonNegative');
  checkNumber('horizon_months', horizonMonths, 'positive');
  checkNumber('monthly_fixed_costs', monthlyFixedCosts, 'nonNegative');
  checkNumber('api_cost_per_request', apiCostPerRequestValue, 'nonNegative');
  checkNumber('finetuned_cost_per_request', finetunedCostPerRequest, 'nonNegative');
  const marginPerRequest = apiCostPerRequestValue - finetunedCostPerRequest;
  if (marginPerRequest <= 0) return NEVER;
  return (upfront / horizonMonths + monthlyFixedCosts) / marginPerRequest;
}

// ---- Sensitivity --------------------------------------------------------------------

/** The plain inputs of the sensitivity table: a scenario reduced to what its drivers move. */
export interface SensitivityInputs {
  readonly requestsPerMonth: number;
  readonly apiCostPerRequest: number;
  readonly finetunedCostPerRequest: number;
  /** Hosting, monitoring and other fixed monthly costs of the fine-tuned path. */
  readonly monthlyFixedCosts: number;
  /** GPU-hours of one training run, on the provider's GPU. */
  readonly trainingHours: number;
  readonly pricePerGpuHour: number;
  /** Extra full-size runs spent on experiments. */
  readonly experimentRuns: number;
  readonly labelingHours: number;
  readonly labelingRate: number;
  /** Up-front items no driver moves: data collection, cleaning, engineering, deployment, hardware. */
  readonly otherUpfront: number;
  readonly monthlyGrowth: number;
  readonly annualDiscountRate: number;
  readonly horizonMonths: number;
}

export type SensitivityDriver =
  | 'requestsPerMonth'
  | 'apiCostPerRequest'
  | 'trainingHours'
  | 'labelingHours'
  | 'monthlyGrowth'
  | 'annualDiscountRate';

const DRIVERS: readonly { readonly key: SensitivityDriver; readonly label: string }[] = [
  { key: 'requestsPerMonth', label: 'Requests per month' },
  { key: 'apiCostPerRequest', label: 'API price' },
  { key: 'trainingHours', label: 'Training hours' },
  { key: 'labelingHours', label: 'Labeling hours' },
  { key: 'monthlyGrowth', label: 'Monthly growth' },
  { key: 'annualDiscountRate', label: 'Annual discount rate' },
];

/** NPV at the horizon and (discounted) payback of one set of inputs. */
export interface SensitivityPoint {
  readonly npv: number;
  readonly breakEvenMonths: BreakEven;
}

export interface SensitivityRow {
  readonly driver: SensitivityDriver;
  readonly label: string;
  readonly base: number;
  /** The driver at −30% and +30%. */
  readonly lowValue: number;
  readonly highValue: number;
  readonly low: SensitivityPoint;
  readonly high: SensitivityPoint;
  /** |NPV at +30% − NPV at −30%|: what the rows are sorted by. */
  readonly effect: number;
}

export interface Sensitivity {
  readonly base: SensitivityPoint;
  /** Largest effect first; equal effects keep the drivers' order. */
  readonly rows: readonly SensitivityRow[];
}

/** Up-front cost: the training run and its experiment runs, labeling, and the rest. */
function sensitivityUpfront(inputs: SensitivityInputs): number {
  return (
    inputs.trainingHours * inputs.pricePerGpuHour * (1 + inputs.experimentRuns) +
    inputs.labelingHours * inputs.labelingRate +
    inputs.otherUpfront
  );
}

/** NPV at the horizon and payback of one set of inputs. */
export function sensitivityPoint(inputs: SensitivityInputs): SensitivityPoint {
  const upfront = sensitivityUpfront(inputs);
  const savings =
    inputs.requestsPerMonth * (inputs.apiCostPerRequest - inputs.finetunedCostPerRequest) -
    inputs.monthlyFixedCosts;
  return {
    npv: npv(
      upfront,
      savings,
      inputs.horizonMonths,
      inputs.monthlyGrowth,
      inputs.annualDiscountRate,
    ),
    breakEvenMonths: paybackMonths(
      upfront,
      savings,
      inputs.monthlyGrowth,
      inputs.annualDiscountRate,
    ),
  };
}

/**
 * Moves each driver (requests per month, API price, training hours, labeling hours,
 * growth, discount rate) by −spread and +spread of its value, the others held, and gives
 * the NPV and payback at each, sorted by effect on NPV. A driver at 0 (no growth) moves
 * nowhere and shows no effect.
 */
export function sensitivity(inputs: SensitivityInputs, spread = TRAINING_TIME_SPREAD): Sensitivity {
  const rows = DRIVERS.map(({ key, label }): SensitivityRow => {
    const base = inputs[key];
    const lowValue = base * (1 - spread);
    const highValue = base * (1 + spread);
    const low = sensitivityPoint({ ...inputs, [key]: lowValue });
    const high = sensitivityPoint({ ...inputs, [key]: highValue });
    return {
      driver: key,
      label,
      base,
      lowValue,
      highValue,
      low,
      high,
      effect: Math.abs(high.npv - low.npv),
    };
  });
  // Array.prototype.sort is stable (ES2019), so equal effects keep the drivers' order.
  return { base: sensitivityPoint(inputs), rows: rows.sort((a, b) => b.effect - a.effect) };
}
