import { isoOfSerial, serialOfIso } from './dates';
import type { ManagedFineTuningRow, MethodRow } from './catalog';
import { NEVER } from './breakeven';
import type { BreakEven } from './breakeven';
import { CALIBRATION } from './calibration-model';
import { InputError, describeValue } from './errors';
import { E, SheetError } from './expr';
import type { Value } from './expr';
import type { CatalogIndex, ResolvedApi, ResolvedModel, ResolvedProvider } from './names';
import { isBlank, readNumber } from './numbers';
import { evaluateAlone, ScenarioEvaluation, scenarioTables } from './scenario-evaluation';
import {
  DEFAULT_SCENARIO,
  HOURS_FROM,
  MAX_HORIZON_MONTHS,
  SCENARIO_FIELDS,
} from './scenario-input';
import type { ScenarioField, ScenarioInput } from './scenario-input';
import {
  MATRIX_DATASET_SIZES,
  UPFRONT_ITEMS,
  VERDICT,
  matrixColumns,
  paysBackOf,
} from './scenario-model';
import { ModelValueError } from './views';
import { noAvailabilityNotes } from './scenario-availability';
import { sensitivityOf } from './sensitivity';
import type { SensitivityRow } from './sensitivity';

export interface UpfrontItem {
  readonly label: string;
  readonly amount: number;
}

/** A scenario with every name looked up and every number checked. */
export interface ResolvedScenario {
  readonly input: ScenarioInput;
  readonly model: ResolvedModel;
  readonly method: MethodRow;
  readonly provider: ResolvedProvider;
  readonly api: ResolvedApi;
  readonly managed: ManagedFineTuningRow;
}

export interface TrainingEstimate {
  /** H100 GPU-hours by the article's rule. */
  readonly h100Hours: number;
  /** Hours on the provider's GPU, by the Hours from input (issue 19: see HoursSource). */
  readonly providerHours: number;
  readonly trainingTokens: number;
  /** Compute-bound hours on the provider's GPU. */
  readonly computeBoundHours: number;
  readonly memoryGb: number;
  readonly gpuCost: number;
}

/** Where the training hours come from (issue 19). */
export interface HoursSource {
  /** rule, compute-bound or calibrated. */
  readonly from: string;
  /** The calibration on the measured runs: "calibrated from 3 runs on H100, LoRA". */
  readonly calibration: string;
}

export interface ProviderComparisonRow {
  readonly provider: string;
  readonly gpu: string;
  readonly pricePerGpuHour: number;
  readonly hours: number;
  readonly cost: number;
}

export interface MethodComparisonRow {
  readonly method: string;
  readonly hours: number;
  readonly cost: number;
  readonly memoryGb: number;
  readonly computeBoundHours: number;
}

export interface ModelSizeMatrix {
  readonly models: readonly string[];
  readonly datasetSizes: readonly number[];
  /** hours[model][size], on the scenario's provider GPU with its method. */
  readonly hours: readonly (readonly number[])[];
  readonly cost: readonly (readonly number[])[];
}

export interface TimelineRow {
  readonly month: number;
  readonly cumulativeApi: number;
  readonly cumulativeFinetuned: number;
  /** The managed fine-tuning path: its up-front, then its monthly cost (null: no price for the model). */
  readonly cumulativeManaged: number | null;
  /** Cumulative API minus cumulative fine-tuned: the ROI at that month. */
  readonly savings: number;
}

export interface Verdict {
  readonly fineTune: boolean;
  readonly text: string;
}

/** Everything a scenario sheet shows, as plain data. */
export interface ScenarioResult {
  readonly resolved: ResolvedScenario;
  readonly training: TrainingEstimate;
  readonly hoursSource: HoursSource;
  readonly providers: readonly ProviderComparisonRow[];
  readonly matrix: ModelSizeMatrix;
  readonly methods: readonly MethodComparisonRow[];
  readonly upfront: { readonly items: readonly UpfrontItem[]; readonly total: number };
  readonly monthly: {
    readonly apiCostPerRequest: number;
    readonly api: number;
    readonly finetuned: number;
    readonly savings: number;
  };
  readonly timeline: readonly TimelineRow[];
  readonly breakEvenMonths: BreakEven;
  readonly roi: {
    readonly months12: number;
    readonly months24: number;
    readonly months36: number;
    readonly horizon: number;
  };
  readonly verdict: Verdict;
  /** Issue 14: money over time, GPUs needed, the article's ±30%, the volume that pays. */
  readonly finance: {
    readonly npv: number;
    readonly discountedPaybackMonths: number | typeof NEVER | 'beyond the horizon';
    readonly gpusNeeded: number;
    readonly wallClockHours: number;
    readonly trainingCostLow: number;
    readonly trainingCostHigh: number;
    readonly breakEvenMonthsLow: BreakEven;
    readonly breakEvenMonthsHigh: BreakEven;
    readonly breakEvenRequestsPerMonth: number | typeof NEVER;
    /** Issue 21's goal seek: the volume for a 12-month payback, the API price floor, the largest up-front. */
    readonly requestsFor12MonthPayback: number | typeof NEVER;
    readonly apiCostPerRequestFloor: number | typeof NEVER;
    readonly maxUpfront: number;
    /** Null when the managed service has no price for the model's size and method (issue 20). */
    readonly managedTrainingCost: number | null;
    readonly managedMonthlyCost: number | null;
    readonly managedBreakEvenMonths: BreakEven | null;
    /** Each main driver at -30% and +30%, the largest NPV swing first. */
    readonly sensitivity: readonly SensitivityRow[];
  };
}

/**
 * Fills defaults and checks every field. A field left out (or blank) takes its
 * default; an unknown field is an error, so a typo never goes unnoticed.
 */
export function resolveScenario(raw: unknown, index: CatalogIndex): ResolvedScenario {
  if (raw !== undefined && raw !== null && (typeof raw !== 'object' || Array.isArray(raw))) {
    throw new InputError(
      'input',
      `the scenario input must be an object of fields, got ${describeValue(raw)}`,
    );
  }
  const given = (raw ?? {}) as Record<string, unknown>;
  const known = new Set<string>(SCENARIO_FIELDS.map((field) => field.key));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      throw new InputError(
        key,
        `'${key}' is not a scenario field`,
        `Known: ${[...known].join(', ')}`,
      );
    }
  }
  const input = { ...DEFAULT_SCENARIO } as Record<string, unknown>;
  for (const field of SCENARIO_FIELDS) {
    const value = given[field.key];
    if (isBlank(value)) continue;
    switch (field.kind) {
      case 'model':
      case 'provider':
      case 'method':
      case 'api':
      case 'managed':
        input[field.key] = typeof value === 'string' ? value.trim() : value;
        break;
      case 'hoursFrom': {
        const choice = HOURS_FROM.find(
          (option) => typeof value === 'string' && value.trim().toLowerCase() === option,
        );
        if (!choice) {
          throw new InputError(
            field.key,
            `${field.key} must be ${HOURS_FROM.join(', ')} or blank, got ${describeValue(value)}`,
          );
        }
        input[field.key] = choice;
        break;
      }
      case 'months': {
        const months = readNumber(field.key, value, field.rule);
        if (!Number.isInteger(months) || months > MAX_HORIZON_MONTHS) {
          throw new InputError(
            field.key,
            `${field.key} must be a whole number of months from 1 to ${MAX_HORIZON_MONTHS}, got ${describeValue(value)}`,
          );
        }
        input[field.key] = months;
        break;
      }
      case 'date':
        input[field.key] = readDate(field.key, value);
        break;
      default:
        input[field.key] = readNumber(field.key, value, field.rule);
    }
  }
  const scenario = input as unknown as ScenarioInput;
  const api = index.api('api', scenario.api);
  return {
    input: scenario,
    model: index.model('model', scenario.model),
    method: index.method('method', scenario.method),
    managed: index.managed('managedService', scenario.managedService),
    provider: index.provider('provider', scenario.provider),
    api: {
      name: api.name,
      inputPricePer1K:
        scenario.apiInputPricePer1K === '' ? api.inputPricePer1K : scenario.apiInputPricePer1K,
      outputPricePer1K:
        scenario.apiOutputPricePer1K === '' ? api.outputPricePer1K : scenario.apiOutputPricePer1K,
    },
  };
}

/** Every table of a scenario sheet, computed from a resolved scenario by its definitions. */
export function computeScenario(scenario: ResolvedScenario, index: CatalogIndex): ScenarioResult {
  try {
    return checkFinite(resultOf(scenario, index));
  } catch (error) {
    // A valid scenario whose products overflow computes #NUM! or Infinity somewhere (a
    // power of a huge number, a difference of two infinities): say which input is too large.
    if (error instanceof ModelValueError) throw tooLarge(scenario);
    throw error;
  }
}

/** A scenario's inputs as its sheet's input cells hold them, which the model computes with. */
export function inputCells(input: ScenarioInput): Record<ScenarioField, Value> {
  const raw = {} as Record<ScenarioField, Value>;
  for (const field of SCENARIO_FIELDS) raw[field.key] = input[field.key];
  // The sheet's start-date cell holds a serial day number.
  raw.startDate = serialOfIso(input.startDate) ?? '';
  return raw;
}

function resultOf(scenario: ResolvedScenario, index: CatalogIndex): ScenarioResult {
  const { input } = scenario;
  const raw = inputCells(input);
  const model = new ScenarioEvaluation(raw, index, scenarioTables(index, input.horizonMonths));
  const value = (name: string): number => asNumber(model.get(name), name);
  const rows = (table: string, column: string): number[] =>
    model.tableColumn(table, column).map((cell) => asNumber(cell, `${table}.${column}`));
  const tables = model.tables;

  const training: TrainingEstimate = {
    h100Hours: value('h100Hours'),
    providerHours: value('trainingHours'),
    trainingTokens: value('trainingTokens'),
    computeBoundHours: value('computeBoundHours'),
    memoryGb: value('memoryGb'),
    gpuCost: value('trainingCost'),
  };
  const providerHours = rows('providers', 'hours');
  const providerCost = rows('providers', 'cost');
  const providerPrice = rows('providers', 'price');
  const providerGpu = model.tableColumn('providers', 'gpu');
  const providers = tables.providers.map((name, i) => ({
    provider: name,
    gpu: String(providerGpu[i]),
    pricePerGpuHour: providerPrice[i],
    hours: providerHours[i],
    cost: providerCost[i],
  }));
  const { hours: hourColumns, cost: costColumns } = matrixColumns();
  const matrixHours = hourColumns.map((column) => rows('matrix', column.name));
  const matrixCost = costColumns.map((column) => rows('matrix', column.name));
  const matrix: ModelSizeMatrix = {
    models: tables.matrix,
    datasetSizes: MATRIX_DATASET_SIZES,
    hours: tables.matrix.map((_, i) => matrixHours.map((column) => column[i])),
    cost: tables.matrix.map((_, i) => matrixCost.map((column) => column[i])),
  };
  const [methodHours, methodCost, methodMemory, methodComputeBound] = [
    'hours',
    'cost',
    'memoryGb',
    'computeBoundHours',
  ].map((column) => rows('methods', column));
  const methods = tables.methods.map((name, i) => ({
    method: name,
    hours: methodHours[i],
    cost: methodCost[i],
    memoryGb: methodMemory[i],
    computeBoundHours: methodComputeBound[i],
  }));
  const items = UPFRONT_ITEMS().map((item) => ({ label: item.label, amount: value(item.name) }));
  const months = rows('timeline', 'month');
  const cumulativeApi = rows('timeline', 'cumulativeApi');
  const cumulativeFinetuned = rows('timeline', 'cumulativeFinetuned');
  // A service with no price for this model leaves the managed path blank, not the scenario.
  const managedPriced = !(model.get('managedPriceRow') instanceof SheetError);
  // A price row that names no serving price leaves the monthly side blank (issue 20).
  const managedServed = managedPriced && model.get('managedMonthly') !== '';
  const cumulativeManaged = managedServed
    ? rows('timeline', 'cumulativeManaged')
    : months.map(() => null);
  const savings = rows('timeline', 'savings');
  const timeline = months.map((month, i) => ({
    month,
    cumulativeApi: cumulativeApi[i],
    cumulativeFinetuned: cumulativeFinetuned[i],
    cumulativeManaged: cumulativeManaged[i],
    savings: savings[i],
  }));
  const managedBreakEven = (): BreakEven => numberOr(model.get('managedBreakEven'), [NEVER]);
  const breakEven = model.get('breakEven');
  const breakEvenMonths: BreakEven = breakEven === NEVER ? NEVER : asNumber(breakEven, 'breakEven');

  return {
    resolved: scenario,
    training,
    hoursSource: {
      from: String(model.get('hoursSource')),
      calibration: String(model.get(CALIBRATION.note)),
    },
    providers,
    matrix,
    methods,
    upfront: { items, total: value('upfront') },
    monthly: {
      apiCostPerRequest: value('apiCostPerRequest'),
      api: value('monthlyApi'),
      finetuned: value('monthlyFinetuned'),
      savings: value('monthlySavings'),
    },
    timeline,
    breakEvenMonths,
    roi: {
      months12: value('roi12'),
      months24: value('roi24'),
      months36: value('roi36'),
      horizon: value('roiHorizon'),
    },
    verdict: {
      fineTune: paysBack(breakEvenMonths, input.horizonMonths),
      text: String(model.get('verdict')),
    },
    finance: {
      npv: value('npv'),
      discountedPaybackMonths: numberOr(model.get('discountedPayback'), [
        NEVER,
        'beyond the horizon',
      ]),
      gpusNeeded: value('gpusNeeded'),
      wallClockHours: value('wallClockHours'),
      trainingCostLow: value('trainingCostLow'),
      trainingCostHigh: value('trainingCostHigh'),
      breakEvenMonthsLow: numberOr(model.get('breakEvenLow'), [NEVER]),
      breakEvenMonthsHigh: numberOr(model.get('breakEvenHigh'), [NEVER]),
      breakEvenRequestsPerMonth: numberOr(model.get('breakEvenRequests'), [NEVER]),
      requestsFor12MonthPayback: numberOr(model.get('requestsFor12Months'), [NEVER]),
      apiCostPerRequestFloor: numberOr(model.get('apiCostFloor'), [NEVER]),
      maxUpfront: value('maxUpfront'),
      managedTrainingCost: managedPriced ? value('managedTrainingCost') : null,
      managedMonthlyCost: managedServed ? value('managedMonthly') : null,
      managedBreakEvenMonths: managedServed ? managedBreakEven() : null,
      sensitivity: sensitivityOf(model)
        // The largest swing first; a blank swing (a point not valid) last.
        .sort(
          (a, b) => (b.swing === '' ? -Infinity : b.swing) - (a.swing === '' ? -Infinity : a.swing),
        ),
    },
  };
}

/** A metric that is a number or one of the texts it may be ("never"). */
function numberOr<T extends string>(value: Value, texts: readonly T[]): number | T {
  if (typeof value === 'string' && (texts as readonly string[]).includes(value)) return value as T;
  return asNumber(value, texts.join('/'));
}

/** A metric of a valid scenario that is not the number it should be (see computeScenario). */
function asNumber(value: Value, what: string): number {
  if (typeof value !== 'number') throw new ModelValueError(what, value);
  return value;
}

/** A date field: YYYY-MM-DD text of a real day, or a serial day number (a Sheets date). */
function readDate(key: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) return isoOfSerial(value);
  if (typeof value === 'string' && serialOfIso(value.trim()) !== undefined) return value.trim();
  throw new InputError(
    key,
    `${key} must be a date written YYYY-MM-DD, got ${describeValue(value)}`,
  );
}

/** Whether fine-tuning pays back within the horizon: the verdict's own rule (paysBackOf). */
function paysBack(breakEven: BreakEven, horizonMonths: number): boolean {
  return (
    evaluateAlone(paysBackOf(E.metric('breakEven'), E.input('horizonMonths')), {
      metrics: { breakEven },
      inputs: { horizonMonths },
    }) === true
  );
}

/**
 * The result, when all its numbers are finite. Each input is, but products of very
 * large ones overflow: the error names the largest input, the likely cause.
 */
function checkFinite(result: ScenarioResult): ScenarioResult {
  const overflows = (value: unknown): boolean =>
    typeof value === 'object' && value !== null
      ? Object.values(value).some(overflows)
      : typeof value === 'number' && !Number.isFinite(value);
  if (!overflows(result)) return result;
  throw tooLarge(result.resolved);
}

/** The error for numbers too large to compute: it names the largest input, the likely cause. */
function tooLarge(resolved: ResolvedScenario): InputError {
  const { input, model } = resolved;
  // Volume growth compounds: 300% a month over 600 months is 4^600, past any number.
  const growthFactor = Math.pow(1 + input.monthlyGrowthRate, input.horizonMonths);
  if (input.monthlyGrowthRate > 0 && !(growthFactor < 1e250)) {
    return new InputError(
      'monthlyGrowthRate',
      `monthlyGrowthRate of ${input.monthlyGrowthRate * 100}% a month over ${input.horizonMonths} months grows the volume past what can be computed; lower the growth or the horizon`,
    );
  }
  const sizes = SCENARIO_FIELDS.map(({ key }) => {
    const value = key === 'model' ? model.paramsBillions : input[key];
    return { key, size: typeof value === 'number' ? Math.abs(value) : -1 };
  }).sort((a, b) => b.size - a.size);
  const { key, size } = sizes[0];
  return new InputError(
    key,
    `the scenario's numbers are too large to compute (beyond about 1.8e308); check ${key}, which is ${size}`,
  );
}

/**
 * The one-line decision for a break-even, horizon and volume: the verdict's definition
 * (src/engine/scenario-model.ts) evaluated with just those values.
 */
export function verdict(
  breakEven: BreakEven,
  horizonMonths: number,
  requestsPerMonth: number,
): Verdict {
  const text = evaluateAlone(VERDICT().expr, {
    metrics: { breakEven, problem: '', gpusNeeded: 1, ...noAvailabilityNotes() },
    inputs: { horizonMonths, requestsPerMonth },
  });
  return { fineTune: paysBack(breakEven, horizonMonths), text: String(text) };
}
