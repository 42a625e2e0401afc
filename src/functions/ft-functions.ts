import {
  bindingName,
  breakEvenValue,
  catalogCalibration,
  describeValue,
  E,
  InputError,
  isBlank,
  memoryGb,
  managedTrainingOf,
  modelView,
  numberOf,
  onPremBreakEvenHours,
  readNumber,
  requestsToPayBackIn,
  roi,
} from '../engine';
import type { ResolvedApi, ScenarioField } from '../engine';
import * as read from './arguments';
import {
  applyToCells,
  cellFunction,
  optional,
  optionalNumber,
  required,
  requiredNumber,
  rowFunction,
} from './cells';
import type { Cell, CellInput, CellOutput, CellResult } from './cells';
import { catalogIndex } from './catalog';

// Each FT_* function declares its arguments (name, required or optional, and the
// reader that turns a cell into a value) and a pure `combine` over one cell's read
// values; applyToCells does the rest (ranges, broadcasting, blank rows, errors).
// Each passes `arguments.length`, as the stubs in dist/Code.js pass every argument
// a formula gives, so an extra one is an error instead of being dropped.
//
// The arithmetic is the scenario model's (src/engine/scenario-model.ts): each function
// evaluates the definition of its quantity, its arguments bound to the definition's
// inputs, metrics or catalog fields (modelView), so a cell's result and the scenario
// sheet's cannot differ.

const input = (field: ScenarioField): string => bindingName.input(field);

const DEFAULT_ROI_MONTHS = 36;
const DEFAULT_ONPREM_YEARS = 3;

const HOURS_VIEW = /* @__PURE__ */ modelView('h100Hours', [
  'scale',
  input('examples'),
  'timeFactor',
]);
const HOURS = cellFunction(
  'FT_HOURS',
  [
    required('model', read.modelScale),
    requiredNumber('examples', 'positive'),
    optional('method', read.methodTimeFactor),
  ],
  (scale, examples, timeFactor) => numberOf(HOURS_VIEW.value(scale, examples, timeFactor), 'hours'),
);
/**
 * H100 GPU-hours to fine-tune a model, by the article's rule: 0.0001 × examples × model scale × method factor.
 * Example: =FT_HOURS("Llama 13B", 50000) returns 10.
 *
 * @param {string|number} model A model of the FT Catalog sheet or the built-in catalog (Llama 7B, 13B, 70B, 405B), a size in billions such as 8 or "8B", or a name ending in a size ("Mistral 7B"); a range works too.
 * @param {number} examples Number of training examples; a range works too.
 * @param {string|number} method Optional: full (default), LoRA, QLoRA or a method of the FT Catalog sheet, or a time factor relative to full.
 * @return H100 GPU-hours (a range in gives a range out; blank rows stay blank).
 * @customfunction
 */
export function FT_HOURS(model: CellInput, examples: CellInput, method?: CellInput): CellOutput {
  return applyToCells(HOURS, [model, examples, method], arguments.length);
}

const COST_VIEW = /* @__PURE__ */ modelView('trainingCost', [
  'scale',
  input('examples'),
  'timeFactor',
  'speed',
  'price',
]);
const COST = cellFunction(
  'FT_COST',
  [
    required('model', read.modelScale),
    requiredNumber('examples', 'positive'),
    required('provider', read.provider),
    optional('method', read.methodTimeFactor),
  ],
  (scale, examples, provider, timeFactor) =>
    numberOf(
      COST_VIEW.value(
        scale,
        examples,
        timeFactor,
        provider.gpu.speedVsH100,
        provider.pricePerGpuHour,
      ),
      'cost',
    ),
);
/**
 * GPU cost in dollars of one fine-tuning run: hours on the provider's GPU × its $ per GPU-hour.
 * Example: =FT_COST("Llama 13B", 50000, "AWS spot") returns 8.6.
 * The cost ignores an offer's end date: see the catalog's availability columns.
 *
 * @param {string|number} model A model of the FT Catalog sheet or the built-in catalog, or a size in billions (8, "8B", "Mistral 7B"); a range works too.
 * @param {number} examples Number of training examples; a range works too.
 * @param {string|number} provider A provider of the FT Catalog sheet or the built-in catalog (AWS spot, RunPod, Lambda, on-prem, market rows; its name, another name of it, or the start of one name) or a $ per H100-hour rate.
 * @param {string|number} method Optional: full (default), LoRA, QLoRA or a method of the FT Catalog sheet, or a time factor relative to full.
 * @return Training cost in dollars.
 * @customfunction
 */
export function FT_COST(
  model: CellInput,
  examples: CellInput,
  provider: CellInput,
  method?: CellInput,
): CellOutput {
  return applyToCells(COST, [model, examples, provider, method], arguments.length);
}

const BREAKEVEN_VIEW = /* @__PURE__ */ modelView('breakEven', [
  'upfront',
  'monthlyApi',
  'monthlyFinetuned',
]);
const BREAKEVEN = cellFunction(
  'FT_BREAKEVEN',
  [
    requiredNumber('upfront', 'nonNegative'),
    requiredNumber('monthly_api_cost', 'nonNegative'),
    optionalNumber('monthly_finetuned_cost', 'nonNegative', 0),
  ],
  (upfront, api, finetuned) =>
    breakEvenValue(BREAKEVEN_VIEW.value(upfront, api, finetuned), 'breakEven'),
);
/**
 * Months until fine-tuning pays back its up-front cost: upfront / (monthly API cost − monthly fine-tuned cost).
 * Example: =FT_BREAKEVEN(1001.25, 50) returns 20.025.
 *
 * @param {number} upfront Up-front cost of fine-tuning in dollars; a range works too.
 * @param {number} monthly_api_cost What the API costs per month in dollars; a range works too.
 * @param {number} monthly_finetuned_cost Optional: what the fine-tuned model costs to run per month (default 0).
 * @return Months to break even, or the text "never" when the monthly savings are not positive.
 * @customfunction
 */
export function FT_BREAKEVEN(
  upfront: CellInput,
  monthly_api_cost: CellInput,
  monthly_finetuned_cost?: CellInput,
): CellOutput {
  return applyToCells(
    BREAKEVEN,
    [upfront, monthly_api_cost, monthly_finetuned_cost],
    arguments.length,
  );
}

const API_COST_VIEW = /* @__PURE__ */ modelView('monthlyApi', [
  input('requestsPerMonth'),
  input('inputTokensPerRequest'),
  input('outputTokensPerRequest'),
  'apiIn',
  'apiOut',
]);
const API_COST = cellFunction(
  'FT_API_COST',
  [
    requiredNumber('requests', 'nonNegative'),
    requiredNumber('input_tokens', 'nonNegative'),
    requiredNumber('output_tokens', 'nonNegative'),
    required('api_or_input_price', read.apiOrPrice),
    optional('output_price', read.cell),
  ],
  (requests, inputTokens, outputTokens, api, outputPrice) => {
    const prices = apiPrices(api, outputPrice);
    return numberOf(
      API_COST_VIEW.value(requests, inputTokens, outputTokens, prices.input, prices.output),
      'apiCost',
    );
  },
);
/**
 * API cost in dollars of a number of requests: requests × (input tokens / 1000 × input price + output tokens / 1000 × output price).
 * Example: =FT_API_COST(10000, 1000, 300, "Claude") returns 75.
 * The cost ignores an offer's end date: see the catalog's availability columns.
 *
 * @param {number} requests Number of requests (e.g. per month); a range works too.
 * @param {number} input_tokens Input tokens per request.
 * @param {number} output_tokens Output tokens per request.
 * @param {string|number} api_or_input_price An API of the FT Catalog sheet or the built-in catalog (Claude, GPT-4 fine-tuned, GPT-4o fine-tuned, Grok, ...), or the input price in $ per 1K tokens.
 * @param {number} output_price Optional: the output price in $ per 1K tokens; required when api_or_input_price is a price, blank when it names an API.
 * @return API cost in dollars.
 * @customfunction
 */
export function FT_API_COST(
  requests: CellInput,
  input_tokens: CellInput,
  output_tokens: CellInput,
  api_or_input_price: CellInput,
  output_price?: CellInput,
): CellOutput {
  return applyToCells(
    API_COST,
    [requests, input_tokens, output_tokens, api_or_input_price, output_price],
    arguments.length,
  );
}

/** Input and output prices: an API's own, or a price given with output_price. */
function apiPrices(api: ResolvedApi | Cell, outputPrice: Cell): { input: number; output: number } {
  if (!isApi(api)) {
    if (isBlank(outputPrice)) {
      throw new InputError(
        'output_price',
        'output_price is required when api_or_input_price is a price',
      );
    }
    return {
      input: readNumber('api_or_input_price', api, 'nonNegative'),
      output: readNumber('output_price', outputPrice, 'nonNegative'),
    };
  }
  if (!isBlank(outputPrice)) {
    throw new InputError(
      'output_price',
      `output_price must be blank when api_or_input_price names an API ('${api.name}' has its own prices)`,
    );
  }
  return { input: api.inputPricePer1K, output: api.outputPricePer1K };
}

function isApi(value: ResolvedApi | Cell): value is ResolvedApi {
  return typeof value === 'object' && value !== null && 'inputPricePer1K' in value;
}

const ROI = cellFunction(
  'FT_ROI',
  [
    requiredNumber('upfront', 'nonNegative'),
    requiredNumber('monthly_savings', 'finite'),
    optionalNumber('months', 'nonNegative', DEFAULT_ROI_MONTHS),
  ],
  roi,
);
/**
 * Net saving after some months: monthly savings × months − up-front cost.
 * Example: =FT_ROI(1001.25, 50, 36) returns 798.75.
 *
 * @param {number} upfront Up-front cost of fine-tuning in dollars; a range works too.
 * @param {number} monthly_savings Monthly API cost minus monthly fine-tuned cost, in dollars (may be negative).
 * @param {number} months Optional: months to look ahead (default 36).
 * @return Net saving in dollars (negative while fine-tuning has not paid back).
 * @customfunction
 */
export function FT_ROI(
  upfront: CellInput,
  monthly_savings: CellInput,
  months?: CellInput,
): CellOutput {
  return applyToCells(ROI, [upfront, monthly_savings, months], arguments.length);
}

const MEMORY = cellFunction(
  'FT_MEMORY',
  [required('model', read.modelParams), optional('method', read.namedMethod)],
  memoryGb,
);
/**
 * GB of GPU memory needed to fine-tune: parameters × bytes per parameter (full 16, LoRA about 2.2, QLoRA about 0.7) plus 20% for activations.
 * Example: =FT_MEMORY("Llama 13B", "LoRA") returns 33.696.
 *
 * @param {string|number} model A model of the FT Catalog sheet or the built-in catalog, or a size in billions (8, "8B", "Mistral 7B"); a range works too.
 * @param {string|number} method Optional: full (default), LoRA or QLoRA.
 * @return GPU memory in GB.
 * @customfunction
 */
export function FT_MEMORY(model: CellInput, method?: CellInput): CellOutput {
  return applyToCells(MEMORY, [model, method], arguments.length);
}

const COMPUTE_HOURS_VIEW = /* @__PURE__ */ modelView('computeBoundHours', [
  'params',
  'trainingTokens',
  'flops',
  'peak',
  input('mfu'),
]);
const COMPUTE_HOURS = cellFunction(
  'FT_COMPUTE_HOURS',
  [
    required('model', read.modelParams),
    requiredNumber('tokens', 'positive'),
    optional('method', read.namedMethod),
    optional('gpu', read.gpuPeak),
    optional('mfu', read.optionalFraction),
  ],
  (params, tokens, method, gpu, mfu) =>
    numberOf(
      COMPUTE_HOURS_VIEW.value(
        params,
        tokens,
        method.flopsPerParamToken,
        gpu.peakTflops,
        // Not given: the MFU the catalog's measured runs imply (DEFAULT_MFU without runs).
        mfu ?? catalogCalibration(catalogIndex(), gpu.gpu, method.name).mfu,
      ),
      'computeBoundHours',
    ),
);
/**
 * GPU-hours if training is compute-bound: k × parameters × tokens / (GPU bf16 dense peak × MFU × 3600), k = 6 for full, 4 for LoRA/QLoRA. Without an MFU, the MFU your measured runs imply (FT_CALIBRATION: the Measured runs table of the FT Catalog sheet), or 0.35 without runs (as in the example).
 * Example: =FT_COMPUTE_HOURS("Llama 13B", 5000000, "LoRA") returns 0.2086 (rounded).
 *
 * @param {string|number} model A model of the FT Catalog sheet or the built-in catalog, or a size in billions (8, "8B", "Mistral 7B"); a range works too.
 * @param {number} tokens Training tokens (examples × tokens per example × epochs).
 * @param {string|number} method Optional: full (default), LoRA or QLoRA.
 * @param {string|number} gpu Optional: H100 (default), A100 or a GPU of the FT Catalog sheet, or a bf16 dense peak in TFLOPS.
 * @param {number} mfu Optional: model FLOPs utilization, above 0 and at most 1 (default: calibrated on the FT Catalog sheet's measured runs, else 0.35).
 * @return GPU-hours on that GPU.
 * @customfunction
 */
export function FT_COMPUTE_HOURS(
  model: CellInput,
  tokens: CellInput,
  method?: CellInput,
  gpu?: CellInput,
  mfu?: CellInput,
): CellOutput {
  return applyToCells(COMPUTE_HOURS, [model, tokens, method, gpu, mfu], arguments.length);
}

const CALIBRATION_ROW = rowFunction(
  'FT_CALIBRATION',
  [required('gpu', read.gpuOrProviderName), optional('method', read.namedMethod)],
  (gpu, method) => {
    const fit = catalogCalibration(catalogIndex(), gpu, method.name);
    const ratio = (value: number): CellResult => (Number.isFinite(value) ? value : '');
    return [fit.factor, fit.mfu, fit.runs, fit.level, ratio(fit.minRatio), ratio(fit.maxRatio)];
  },
);
/**
 * The calibration on your measured runs (the Measured runs table of the FT Catalog sheet) for a GPU and a method, as one row of six cells: factor (measured ÷ compute-bound estimate at MFU 0.35; multiply FT_COMPUTE_HOURS at 0.35 by it), calibrated MFU (0.35 ÷ factor), runs used, level ("gpu and method", else "method", else "all runs", else "default" without runs), lowest and highest measured ÷ estimated ratio (blank without runs). The fit: the mean of ln(measured ÷ estimated); from 4 runs the highest and lowest are left out. The example is without runs.
 * Example: =FT_CALIBRATION("A100", "LoRA") returns {1, 0.35, 0, "default", "", ""}.
 *
 * @param {string} gpu H100, A100, a GPU of the FT Catalog sheet, or a GPU provider (its GPU).
 * @param {string} method Optional: full (default), LoRA, QLoRA or a method of the FT Catalog sheet.
 * @return A row: factor, MFU, runs, level, lowest ratio, highest ratio.
 * @customfunction
 */
export function FT_CALIBRATION(gpu: CellInput, method?: CellInput): CellOutput {
  return applyToCells(CALIBRATION_ROW, [gpu, method], arguments.length);
}

const ONPREM_BREAKEVEN = cellFunction(
  'FT_ONPREM_BREAKEVEN',
  [
    requiredNumber('purchase_price', 'nonNegative'),
    requiredNumber('hourly_rent', 'positive'),
    optionalNumber('yearly_running_cost', 'nonNegative', 0),
    optionalNumber('years', 'positive', DEFAULT_ONPREM_YEARS),
  ],
  onPremBreakEvenHours,
);
/**
 * Rented GPU-hours that cost as much as buying: (purchase price + yearly running cost × years) / hourly rent.
 * Example: =FT_ONPREM_BREAKEVEN(20000, 2.49) returns 8032.13 (rounded).
 *
 * @param {number} purchase_price What buying the GPU costs, in dollars; a range works too.
 * @param {number} hourly_rent What renting the same GPU costs per hour, in dollars.
 * @param {number} yearly_running_cost Optional: electricity and upkeep per year, in dollars (default 0).
 * @param {number} years Optional: years the purchase is used (default 3).
 * @return GPU-hours of renting that equal the cost of owning.
 * @customfunction
 */
export function FT_ONPREM_BREAKEVEN(
  purchase_price: CellInput,
  hourly_rent: CellInput,
  yearly_running_cost?: CellInput,
  years?: CellInput,
): CellOutput {
  return applyToCells(
    ONPREM_BREAKEVEN,
    [purchase_price, hourly_rent, yearly_running_cost, years],
    arguments.length,
  );
}

// ---- Issue 14: the managed path and money over time ---------------------------------

const DEFAULT_EPOCHS = 1;

const MANAGED_COST_VIEW = /* @__PURE__ */ modelView(managedTrainingOf, [
  input('examples'),
  input('tokensPerExample'),
  input('epochs'),
  bindingName.field('managed', 'pricePer1MTrainingTokens'),
  bindingName.field('managed', 'minimumCharge'),
]);
const MANAGED_COST = cellFunction(
  'FT_MANAGED_COST',
  [
    requiredNumber('examples', 'positive'),
    requiredNumber('tokens_per_example', 'positive'),
    optionalNumber('epochs', 'positive', DEFAULT_EPOCHS),
    optional('service', read.managedService),
    optional('model', read.optionalModelSize),
    optional('method', read.optionalMethodName),
  ],
  (examples, tokens, epochs, service, size, method) => {
    const price = read.managedPrice(service, size, method);
    return numberOf(
      MANAGED_COST_VIEW.value(
        examples,
        tokens,
        epochs,
        price.pricePer1MTrainingTokens,
        price.minimumCharge,
      ),
      'managedTrainingCost',
    );
  },
);
/**
 * Training cost in dollars of a managed fine-tune: examples × tokens per example × epochs ÷ 1,000,000 × the service's $ per 1M training tokens for the model's size bracket and the method, at least the service's minimum charge.
 * Example: =FT_MANAGED_COST(10000, 500, 1, "Fireworks", "Llama 13B", "LoRA") returns 2.5.
 * The cost ignores an offer's end date: see the catalog's availability columns.
 *
 * @param {number} examples Number of training examples; a range works too.
 * @param {number} tokens_per_example Tokens in one example (prompt and answer); a range works too.
 * @param {number} epochs Optional: passes over the data (default 1).
 * @param {string} service Optional: a catalog managed fine-tuning service (default the first: Fireworks).
 * @param {string} model Optional: the model (a catalog name or a size such as 13) whose size bracket prices it; blank: a price for every size.
 * @param {string} method Optional: the method (LoRA, full, ...) whose price applies; blank: a price for every method.
 * @return Training cost in dollars.
 * @customfunction
 */
export function FT_MANAGED_COST(
  examples: CellInput,
  tokens_per_example: CellInput,
  epochs?: CellInput,
  service?: CellInput,
  model?: CellInput,
  method?: CellInput,
): CellOutput {
  return applyToCells(
    MANAGED_COST,
    [examples, tokens_per_example, epochs, service, model, method],
    arguments.length,
  );
}

/** A growth compounded past any number (4^600 is about 1e361): the savings cannot be computed. */
const growthTooLarge = (growth: number, months: number): InputError =>
  new InputError(
    'monthly_growth',
    `monthly_growth ${describeValue(growth)} compounded over ${months} months makes the savings too large to compute (beyond about 1e308); use a smaller growth or fewer months`,
  );

const NPV_VIEW = /* @__PURE__ */ modelView('npv', [
  'upfront',
  'monthlySavings',
  input('horizonMonths'),
  input('monthlyGrowthRate'),
  input('annualDiscountRate'),
]);
const NPV = cellFunction(
  'FT_NPV',
  [
    requiredNumber('upfront', 'nonNegative'),
    requiredNumber('monthly_savings', 'finite'),
    requiredNumber('months', 'nonNegative'),
    optionalNumber('monthly_growth', 'rate', 0),
    optionalNumber('annual_discount_rate', 'rate', 0),
  ],
  (upfront, savings, months, growth, rate) => {
    if (Math.floor(months) !== months) {
      throw new InputError(
        'months',
        `months must be a whole number of months, got ${describeValue(months)}`,
      );
    }
    const value = numberOf(NPV_VIEW.value(upfront, savings, months, growth, rate), 'npv');
    if (!Number.isFinite(value)) throw growthTooLarge(growth, months);
    return value;
  },
);
/**
 * Net present value of fine-tuning after some months: −upfront + the sum over months m = 1..months of monthly savings × (1 + monthly growth)^(m−1) ÷ (1 + annual discount rate)^(m/12). With growth and rate 0 it equals FT_ROI.
 * Example: =FT_NPV(1000, 50, 36, 0, 10%) returns 559.32 (rounded).
 *
 * @param {number} upfront Up-front cost of fine-tuning in dollars; a range works too.
 * @param {number} monthly_savings Savings in the first month (API cost minus fine-tuned cost), in dollars; may be negative.
 * @param {number} months Months to look ahead, a whole number.
 * @param {number} monthly_growth Optional: growth of the savings per month, e.g. 5% (default 0); above -100%.
 * @param {number} annual_discount_rate Optional: the cost of money per year, e.g. 10% (default 0); above -100%.
 * @return Net present value in dollars (negative while fine-tuning has not paid back).
 * @customfunction
 */
export function FT_NPV(
  upfront: CellInput,
  monthly_savings: CellInput,
  months: CellInput,
  monthly_growth?: CellInput,
  annual_discount_rate?: CellInput,
): CellOutput {
  return applyToCells(
    NPV,
    [upfront, monthly_savings, months, monthly_growth, annual_discount_rate],
    arguments.length,
  );
}

const PAYBACK_VIEW = /* @__PURE__ */ modelView('payback', [
  'upfront',
  'monthlySavings',
  input('monthlyGrowthRate'),
  input('annualDiscountRate'),
]);
const PAYBACK = cellFunction(
  'FT_PAYBACK',
  [
    requiredNumber('upfront', 'nonNegative'),
    requiredNumber('monthly_savings', 'finite'),
    optionalNumber('monthly_growth', 'rate', 0),
    optionalNumber('annual_discount_rate', 'rate', 0),
  ],
  (upfront, savings, growth, rate) =>
    breakEvenValue(PAYBACK_VIEW.value(upfront, savings, growth, rate), 'payback'),
);
/**
 * Months until the cumulative (grown, discounted) savings reach the up-front cost, interpolated inside the month they do. With growth and rate 0 it equals FT_BREAKEVEN.
 * Example: =FT_PAYBACK(1000, 50, 2%) returns 16.99 (rounded).
 *
 * @param {number} upfront Up-front cost of fine-tuning in dollars; a range works too.
 * @param {number} monthly_savings Savings in the first month (API cost minus fine-tuned cost), in dollars.
 * @param {number} monthly_growth Optional: growth of the savings per month, e.g. 5% (default 0); above -100%.
 * @param {number} annual_discount_rate Optional: the cost of money per year, e.g. 10% (default 0); above -100%.
 * @return Months to pay back (0 for no up-front cost), or the text "never" when savings are not positive or, with growth or a discount rate, not enough within 1,200 months.
 * @customfunction
 */
export function FT_PAYBACK(
  upfront: CellInput,
  monthly_savings: CellInput,
  monthly_growth?: CellInput,
  annual_discount_rate?: CellInput,
): CellOutput {
  return applyToCells(
    PAYBACK,
    [upfront, monthly_savings, monthly_growth, annual_discount_rate],
    arguments.length,
  );
}

// ---- Issue 21: goal seek in closed form ------------------------------------------------

const REQUIRED_VOLUME_VIEW = /* @__PURE__ */ modelView(
  // The scenario's "What it takes" definition with the target as a binding: its growth and
  // rate make the discount factor and the savings' ratio through the model's own metrics.
  () => requestsToPayBackIn(E.metric('targetMonths')),
  [
    'upfront',
    'apiCostPerRequest',
    input('finetunedCostPerRequest'),
    'targetMonths',
    'monthlyFixed',
    input('monthlyGrowthRate'),
    input('annualDiscountRate'),
  ],
);
const REQUIRED_VOLUME = cellFunction(
  'FT_REQUIRED_VOLUME',
  [
    requiredNumber('upfront', 'nonNegative'),
    requiredNumber('api_cost_per_request', 'nonNegative'),
    requiredNumber('finetuned_cost_per_request', 'nonNegative'),
    requiredNumber('target_months', 'positive'),
    optionalNumber('monthly_fixed_cost', 'nonNegative', 0),
    optionalNumber('monthly_growth', 'rate', 0),
    optionalNumber('annual_discount_rate', 'rate', 0),
  ],
  (upfront, api, finetuned, months, fixed, growth, rate) => {
    const value = breakEvenValue(
      REQUIRED_VOLUME_VIEW.valueOf([upfront, api, finetuned, months, fixed, growth, rate]),
      'requiredVolume',
    );
    // The target's grown, discounted value of a saving of 1 overflowed (growth^months).
    if (typeof value === 'number' && !Number.isFinite(value)) throw growthTooLarge(growth, months);
    return value;
  },
);
/**
 * Requests a month that pay the up-front back within target_months, savings grown and discounted as in FT_NPV: (upfront ÷ the worth of a first-month saving of 1 over the target + fixed cost) ÷ (API − fine-tuned cost per request).
 * Example: =FT_REQUIRED_VOLUME(1001.25, 0.0075, 0.001, 12) returns 12836.54 (rounded).
 *
 * @param {number} upfront Up-front cost of fine-tuning in dollars; a range works too.
 * @param {number} api_cost_per_request What one request costs through the API, in dollars (FT_API_COST of one request).
 * @param {number} finetuned_cost_per_request What one request costs on the fine-tuned model, in dollars.
 * @param {number} target_months The payback wanted, in months (e.g. 12).
 * @param {number} monthly_fixed_cost Optional: fixed monthly cost of the fine-tuned model (hosting, monitoring), in dollars (default 0).
 * @param {number} monthly_growth Optional: growth of the savings per month, e.g. 5% (default 0); above -100%.
 * @param {number} annual_discount_rate Optional: the cost of money per year, e.g. 10% (default 0); above -100%.
 * @return Requests per month, or the text "never" when a fine-tuned request costs as much as an API request or more.
 * @customfunction
 */
export function FT_REQUIRED_VOLUME(
  upfront: CellInput,
  api_cost_per_request: CellInput,
  finetuned_cost_per_request: CellInput,
  target_months: CellInput,
  monthly_fixed_cost?: CellInput,
  monthly_growth?: CellInput,
  annual_discount_rate?: CellInput,
): CellOutput {
  return applyToCells(
    REQUIRED_VOLUME,
    [
      upfront,
      api_cost_per_request,
      finetuned_cost_per_request,
      target_months,
      monthly_fixed_cost,
      monthly_growth,
      annual_discount_rate,
    ],
    arguments.length,
  );
}

// Issue 21: the simulation, a function of its own file (one block in, a table out).
export { FT_SIMULATE } from './simulate';
