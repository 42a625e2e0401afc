import {
  apiCostPerRequest,
  breakEvenMonths,
  builtInIndex,
  computeBoundHours,
  gpuCost,
  hoursOnGpu,
  InputError,
  isBlank,
  memoryGb,
  monthlySavings,
  onPremBreakEvenHours,
  parseNumberValue,
  roi,
  ruleHours,
} from '../engine';
import * as read from './arguments';
import { applyToCells } from './cells';
import type { ArgumentSpec, Cell, CellInput, CellOutput } from './cells';

const required = (name: string): ArgumentSpec => ({ name, required: true });
const optional = (name: string): ArgumentSpec => ({ name, required: false });

const DEFAULT_MFU = 0.35;
const DEFAULT_ROI_MONTHS = 36;
const DEFAULT_ONPREM_YEARS = 3;

const HOURS_ARGS = [required('model'), required('examples'), optional('method')];
/**
 * H100 GPU-hours to fine-tune a model, by the article's rule: 0.0001 × examples × model scale × method factor.
 * Example: =FT_HOURS("Llama 13B", 50000) returns 10.
 *
 * @param {string|number} model A catalog model (Llama 7B, 13B, 70B, 405B) or a size in billions such as 8 or "8B"; a range works too.
 * @param {number} examples Number of training examples; a range works too.
 * @param {string|number} method Optional: full (default), LoRA or QLoRA, or a time factor relative to full.
 * @return H100 GPU-hours (a range in gives a range out; blank rows stay blank).
 * @customfunction
 */
export function FT_HOURS(model: CellInput, examples: CellInput, method?: CellInput): CellOutput {
  return applyToCells('FT_HOURS', HOURS_ARGS, [model, examples, method], ([m, e, f]) =>
    ruleHours(
      read.number('examples', e, 'positive'),
      read.model('model', m).scale,
      read.methodTimeFactor('method', f),
    ),
  );
}

const COST_ARGS = [
  required('model'),
  required('examples'),
  required('provider'),
  optional('method'),
];
/**
 * GPU cost in dollars of one fine-tuning run: hours on the provider's GPU × its $ per GPU-hour.
 * Example: =FT_COST("Llama 13B", 50000, "AWS spot") returns 8.6.
 *
 * @param {string|number} model A catalog model or a size in billions such as 8 or "8B"; a range works too.
 * @param {number} examples Number of training examples; a range works too.
 * @param {string|number} provider A catalog provider (AWS on-demand, AWS spot, RunPod on-demand, Lambda Labs, On-premise (amortized)) or a $ per H100-hour rate.
 * @param {string|number} method Optional: full (default), LoRA or QLoRA, or a time factor relative to full.
 * @return Training cost in dollars.
 * @customfunction
 */
export function FT_COST(
  model: CellInput,
  examples: CellInput,
  provider: CellInput,
  method?: CellInput,
): CellOutput {
  return applyToCells('FT_COST', COST_ARGS, [model, examples, provider, method], ([m, e, p, f]) => {
    const hours = ruleHours(
      read.number('examples', e, 'positive'),
      read.model('model', m).scale,
      read.methodTimeFactor('method', f),
    );
    const rented = builtInIndex().provider('provider', p);
    return gpuCost(hoursOnGpu(hours, rented.gpu.speedVsH100), rented.pricePerGpuHour);
  });
}

const BREAKEVEN_ARGS = [
  required('upfront'),
  required('monthly_api_cost'),
  optional('monthly_finetuned_cost'),
];
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
    'FT_BREAKEVEN',
    BREAKEVEN_ARGS,
    [upfront, monthly_api_cost, monthly_finetuned_cost],
    ([u, a, f]) =>
      breakEvenMonths(
        read.number('upfront', u, 'nonNegative'),
        monthlySavings(
          read.number('monthly_api_cost', a, 'nonNegative'),
          read.optionalNumber('monthly_finetuned_cost', f, 'nonNegative', 0),
        ),
      ),
  );
}

const API_COST_ARGS = [
  required('requests'),
  required('input_tokens'),
  required('output_tokens'),
  required('api_or_input_price'),
  optional('output_price'),
];
/**
 * API cost in dollars of a number of requests: requests × (input tokens / 1000 × input price + output tokens / 1000 × output price).
 * Example: =FT_API_COST(10000, 1000, 300, "Claude") returns 75.
 *
 * @param {number} requests Number of requests (e.g. per month); a range works too.
 * @param {number} input_tokens Input tokens per request.
 * @param {number} output_tokens Output tokens per request.
 * @param {string|number} api_or_input_price A catalog API (Claude, GPT-4 fine-tuned, Grok), or the input price in $ per 1K tokens.
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
    'FT_API_COST',
    API_COST_ARGS,
    [requests, input_tokens, output_tokens, api_or_input_price, output_price],
    ([r, i, o, api, out]) => {
      const prices = apiPrices(api, out);
      return (
        read.number('requests', r, 'nonNegative') *
        apiCostPerRequest(
          read.number('input_tokens', i, 'nonNegative'),
          read.number('output_tokens', o, 'nonNegative'),
          prices.input,
          prices.output,
        )
      );
    },
  );
}

function apiPrices(api: Cell, outputPrice: Cell): { input: number; output: number } {
  if (typeof api === 'number' || parseNumberValue(api) !== undefined) {
    if (isBlank(outputPrice)) {
      throw new InputError(
        'output_price',
        'output_price is required when api_or_input_price is a price',
      );
    }
    return {
      input: read.number('api_or_input_price', api, 'nonNegative'),
      output: read.number('output_price', outputPrice, 'nonNegative'),
    };
  }
  const row = builtInIndex().api('api_or_input_price', api);
  if (!isBlank(outputPrice)) {
    throw new InputError(
      'output_price',
      `output_price must be blank when api_or_input_price names an API ('${row.name}' has its own prices)`,
    );
  }
  return { input: row.inputPricePer1K, output: row.outputPricePer1K };
}

const ROI_ARGS = [required('upfront'), required('monthly_savings'), optional('months')];
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
  return applyToCells('FT_ROI', ROI_ARGS, [upfront, monthly_savings, months], ([u, s, m]) =>
    roi(
      read.number('upfront', u, 'nonNegative'),
      read.number('monthly_savings', s, 'finite'),
      read.optionalNumber('months', m, 'nonNegative', DEFAULT_ROI_MONTHS),
    ),
  );
}

const MEMORY_ARGS = [required('model'), optional('method')];
/**
 * GB of GPU memory needed to fine-tune: parameters × bytes per parameter (full 16, LoRA about 2.2, QLoRA about 0.7) plus 20% for activations.
 * Example: =FT_MEMORY("Llama 13B", "LoRA") returns 33.696.
 *
 * @param {string|number} model A catalog model or a size in billions such as 8 or "8B"; a range works too.
 * @param {string|number} method Optional: full (default), LoRA or QLoRA.
 * @return GPU memory in GB.
 * @customfunction
 */
export function FT_MEMORY(model: CellInput, method?: CellInput): CellOutput {
  return applyToCells('FT_MEMORY', MEMORY_ARGS, [model, method], ([m, f]) =>
    memoryGb(read.model('model', m).paramsBillions, read.namedMethod('method', f)),
  );
}

const COMPUTE_ARGS = [
  required('model'),
  required('tokens'),
  optional('method'),
  optional('gpu'),
  optional('mfu'),
];
/**
 * GPU-hours if training is compute-bound: k × parameters × tokens / (GPU bf16 dense peak × MFU × 3600), k = 6 for full, 4 for LoRA/QLoRA.
 * Example: =FT_COMPUTE_HOURS("Llama 13B", 5000000, "LoRA") returns 0.2086 (rounded).
 *
 * @param {string|number} model A catalog model or a size in billions such as 8 or "8B"; a range works too.
 * @param {number} tokens Training tokens (examples × tokens per example × epochs).
 * @param {string|number} method Optional: full (default), LoRA or QLoRA.
 * @param {string|number} gpu Optional: H100 (default) or A100, or a bf16 dense peak in TFLOPS.
 * @param {number} mfu Optional: model FLOPs utilization, above 0 and at most 1 (default 0.35).
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
  return applyToCells(
    'FT_COMPUTE_HOURS',
    COMPUTE_ARGS,
    [model, tokens, method, gpu, mfu],
    ([m, t, f, g, u]) =>
      computeBoundHours(
        read.model('model', m).paramsBillions,
        read.number('tokens', t, 'positive'),
        read.namedMethod('method', f).flopsPerParamToken,
        peakTflops(g),
        read.optionalNumber('mfu', u, 'fraction', DEFAULT_MFU),
      ),
  );
}

function peakTflops(gpu: Cell): number {
  if (isBlank(gpu)) return builtInIndex().gpu('gpu', 'H100').peakTflopsBf16;
  if (typeof gpu === 'number' || parseNumberValue(gpu) !== undefined)
    return read.number('gpu', gpu, 'positive');
  return builtInIndex().gpu('gpu', gpu).peakTflopsBf16;
}

const ONPREM_ARGS = [
  required('purchase_price'),
  required('hourly_rent'),
  optional('yearly_running_cost'),
  optional('years'),
];
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
    'FT_ONPREM_BREAKEVEN',
    ONPREM_ARGS,
    [purchase_price, hourly_rent, yearly_running_cost, years],
    ([p, h, y, n]) =>
      onPremBreakEvenHours(
        read.number('purchase_price', p, 'nonNegative'),
        read.number('hourly_rent', h, 'positive'),
        read.optionalNumber('yearly_running_cost', y, 'nonNegative', 0),
        read.optionalNumber('years', n, 'positive', DEFAULT_ONPREM_YEARS),
      ),
  );
}
