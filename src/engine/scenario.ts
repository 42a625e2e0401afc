import type { MethodRow } from './catalog';
import {
  apiCostPerRequest,
  apiMonthlyCost,
  finetunedMonthlyCost,
  gpuCost,
  upfrontItems,
  upfrontTotal,
} from './costs';
import type { UpfrontItem } from './costs';
import { breakEvenMonths, monthlySavings, NEVER, roi } from './breakeven';
import type { BreakEven } from './breakeven';
import { InputError, describeValue } from './errors';
import type { CatalogIndex, ResolvedApi, ResolvedModel, ResolvedProvider } from './names';
import { isBlank, readNumber } from './numbers';
import { DEFAULT_SCENARIO, MAX_HORIZON_MONTHS, SCENARIO_FIELDS } from './scenario-input';
import type { ScenarioInput } from './scenario-input';
import { computeBoundHours, hoursOnGpu, memoryGb, ruleHours, trainingTokens } from './training';

/** A scenario with every name looked up and every number checked. */
export interface ResolvedScenario {
  readonly input: ScenarioInput;
  readonly model: ResolvedModel;
  readonly method: MethodRow;
  readonly provider: ResolvedProvider;
  readonly api: ResolvedApi;
}

export interface TrainingEstimate {
  /** H100 GPU-hours by the article's rule. */
  readonly h100Hours: number;
  /** Hours on the provider's GPU. */
  readonly providerHours: number;
  readonly trainingTokens: number;
  /** Compute-bound hours on the provider's GPU. */
  readonly computeBoundHours: number;
  readonly memoryGb: number;
  readonly gpuCost: number;
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
}

/** The dataset sizes of the model × dataset-size matrix (the article's calculator spans 5K-500K). */
export const MATRIX_DATASET_SIZES: readonly number[] = [5000, 10000, 50000, 100000, 500000];

/** The article's monthly-volume thresholds (its conclusion). */
export const ARTICLE_VOLUME = { apiBelow: 50000, fineTuneAbove: 100000 } as const;

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
        input[field.key] = typeof value === 'string' ? value.trim() : value;
        break;
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

/** Training hours and cost of one model/method/size on one provider. */
function trainingRun(
  model: ResolvedModel,
  method: MethodRow,
  examples: number,
  provider: ResolvedProvider,
): { hours: number; cost: number } {
  const hours = hoursOnGpu(
    ruleHours(examples, model.scale, method.timeFactor),
    provider.gpu.speedVsH100,
  );
  return { hours, cost: gpuCost(hours, provider.pricePerGpuHour) };
}

function computeBound(scenario: ResolvedScenario, method: MethodRow): number {
  const { input, model, provider } = scenario;
  const tokens = trainingTokens(input.examples, input.tokensPerExample, input.epochs);
  return computeBoundHours(
    model.paramsBillions,
    tokens,
    method.flopsPerParamToken,
    provider.gpu.peakTflopsBf16,
    input.mfu,
  );
}

/** Every table of a scenario sheet, computed from a resolved scenario. */
export function computeScenario(scenario: ResolvedScenario, index: CatalogIndex): ScenarioResult {
  const { input, model, method, provider, api } = scenario;
  const run = trainingRun(model, method, input.examples, provider);
  const training: TrainingEstimate = {
    h100Hours: ruleHours(input.examples, model.scale, method.timeFactor),
    providerHours: run.hours,
    trainingTokens: trainingTokens(input.examples, input.tokensPerExample, input.epochs),
    computeBoundHours: computeBound(scenario, method),
    memoryGb: memoryGb(model.paramsBillions, method),
    gpuCost: run.cost,
  };

  const providers = index.catalog.providers.map((row) => {
    const resolved = index.provider('provider', row.name);
    const { hours, cost } = trainingRun(model, method, input.examples, resolved);
    return {
      provider: row.name,
      gpu: resolved.gpu.name,
      pricePerGpuHour: row.pricePerGpuHour,
      hours,
      cost,
    };
  });

  // Catalog rows are already models: no need to look each one up again by its name.
  const matrixModels = index.catalog.models;
  const matrixRuns = matrixModels.map((row) =>
    MATRIX_DATASET_SIZES.map((size) => trainingRun(row, method, size, provider)),
  );
  const matrix: ModelSizeMatrix = {
    models: matrixModels.map((row) => row.name),
    datasetSizes: MATRIX_DATASET_SIZES,
    hours: matrixRuns.map((runs) => runs.map((cell) => cell.hours)),
    cost: matrixRuns.map((runs) => runs.map((cell) => cell.cost)),
  };

  const methods = index.catalog.methods.map((row) => {
    const { hours, cost } = trainingRun(model, row, input.examples, provider);
    return {
      method: row.name,
      hours,
      cost,
      memoryGb: memoryGb(model.paramsBillions, row),
      computeBoundHours: computeBound(scenario, row),
    };
  });

  const items = upfrontItems({ ...input, trainingRunCost: run.cost });
  const upfront = upfrontTotal(items);
  const perRequest = apiCostPerRequest(
    input.inputTokensPerRequest,
    input.outputTokensPerRequest,
    api.inputPricePer1K,
    api.outputPricePer1K,
  );
  const apiMonthly = apiMonthlyCost(input.requestsPerMonth, perRequest);
  const finetunedMonthly = finetunedMonthlyCost(
    input.requestsPerMonth,
    input.finetunedCostPerRequest,
    input.finetunedMonthlyHosting,
  );
  const savings = monthlySavings(apiMonthly, finetunedMonthly);

  const timeline: TimelineRow[] = [];
  for (let month = 0; month <= input.horizonMonths; month++) {
    const cumulativeApi = apiMonthly * month;
    const cumulativeFinetuned = upfront + finetunedMonthly * month;
    timeline.push({
      month,
      cumulativeApi,
      cumulativeFinetuned,
      savings: cumulativeApi - cumulativeFinetuned,
    });
  }
  const breakEven = breakEvenMonths(upfront, savings);

  return checkFinite({
    resolved: scenario,
    training,
    providers,
    matrix,
    methods,
    upfront: { items, total: upfront },
    monthly: {
      apiCostPerRequest: perRequest,
      api: apiMonthly,
      finetuned: finetunedMonthly,
      savings,
    },
    timeline,
    breakEvenMonths: breakEven,
    roi: {
      months12: roi(upfront, savings, 12),
      months24: roi(upfront, savings, 24),
      months36: roi(upfront, savings, 36),
      horizon: roi(upfront, savings, input.horizonMonths),
    },
    verdict: verdict(breakEven, input.horizonMonths, input.requestsPerMonth),
  });
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
  const { input, model } = result.resolved;
  const sizes = SCENARIO_FIELDS.map(({ key }) => {
    const value = key === 'model' ? model.paramsBillions : input[key];
    return { key, size: typeof value === 'number' ? Math.abs(value) : -1 };
  }).sort((a, b) => b.size - a.size);
  const { key, size } = sizes[0];
  throw new InputError(
    key,
    `the scenario's numbers are too large to compute (beyond about 1.8e308); check ${key}, which is ${size}`,
  );
}

/** The one-line decision: break-even against the horizon, volume against the article's thresholds. */
export function verdict(
  breakEven: BreakEven,
  horizonMonths: number,
  requestsPerMonth: number,
): Verdict {
  // The volume is named, not quoted: the sheet writes this same sentence with a formula,
  // and a number formatted two ways could disagree.
  const volume =
    requestsPerMonth < ARTICLE_VOLUME.apiBelow
      ? " The volume is under the article's 50K requests/month API threshold."
      : requestsPerMonth > ARTICLE_VOLUME.fineTuneAbove
        ? " The volume is over the article's 100K requests/month fine-tuning threshold."
        : '';
  if (breakEven === NEVER) {
    return {
      fineTune: false,
      text: `Keep the API: the fine-tuned model costs as much as the API each month, so it never pays back.${volume}`,
    };
  }
  const months = Math.round(breakEven * 10) / 10;
  if (breakEven <= horizonMonths) {
    return {
      fineTune: true,
      text: `Fine-tune: it pays back in ${months} months, within the ${horizonMonths}-month horizon.${volume}`,
    };
  }
  return {
    fineTune: false,
    text: `Keep the API: break-even takes ${months} months, beyond the ${horizonMonths}-month horizon.${volume}`,
  };
}
