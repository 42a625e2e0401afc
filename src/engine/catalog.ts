/**
 * The built-in catalog: every number here carries its source and the date it was
 * taken. Prices drift; users add or override rows in the catalog sheet.
 */

import type { Availability } from './availability';

/**
 * A row's name and the other names people use for it ("RunPod" for RunPod on-demand).
 * Names and aliases are matched the same way (src/engine/names.ts).
 */
export interface Named {
  readonly name: string;
  /** Other names of the row, matched exactly (after normalizing) like its name. */
  readonly aliases?: readonly string[];
}

/** Where a catalog row's numbers come from. */
export interface Sourced {
  readonly source: string;
  /** ISO date (YYYY-MM-DD) the figures were taken. */
  readonly asOf: string;
}

export interface ModelRow extends Sourced, Named, Availability {
  readonly paramsBillions: number;
  /** The article's scale factor: H100 GPU-hours per 10,000 examples for full fine-tuning. */
  readonly scale: number;
  /** True when the catalog sheet left the scale blank and it was interpolated from the size. */
  readonly scaleFromSize?: boolean;
}

export interface MethodRow extends Sourced, Named {
  /** Training time relative to full fine-tuning (the article's rule). */
  readonly timeFactor: number;
  /** FLOPs per parameter per training token: 6 when weight gradients are computed, 4 when frozen. */
  readonly flopsPerParamToken: number;
  /** Bytes per parameter for the (possibly frozen, possibly quantized) weights. */
  readonly weightBytesPerParam: number;
  /** Share of parameters that are trained. */
  readonly trainableFraction: number;
  /** Bytes per trained parameter for gradients and optimizer state. */
  readonly stateBytesPerTrainableParam: number;
}

export interface GpuRow extends Sourced, Named {
  /** bf16 dense tensor-core peak, TFLOPS (no sparsity). */
  readonly peakTflopsBf16: number;
  readonly memoryGb: number;
  /** Throughput relative to an H100 (H100 = 1); the article's hours are H100 hours. */
  readonly speedVsH100: number;
}

export type PricingKind = 'on-demand' | 'spot' | 'amortized';

export interface ProviderRow extends Sourced, Named, Availability {
  readonly gpu: string;
  readonly pricePerGpuHour: number;
  readonly pricing: PricingKind;
}

export interface ApiRow extends Sourced, Named, Availability {
  readonly inputPricePer1K: number;
  readonly outputPricePer1K: number;
}

/**
 * One price of a managed fine-tuning service, as services sell it: per 1M training tokens
 * (x epochs), for models up to a size and for one method. The rows of one name are the
 * service's price list; the lowest bracket that holds the model's size wins (a row for its
 * method before a row for any method). A row without a bracket or method (a catalog sheet
 * made before brackets) prices every size and method.
 */
export interface ManagedFineTuningRow extends Sourced, Named, Availability {
  readonly pricePer1MTrainingTokens: number;
  /**
   * The API row that prices the fine-tuned model's inference (per bracket: it grows with
   * size); '' when no serving price could be cited (the managed monthly cost is then blank).
   */
  readonly inferenceApi: string;
  /** The method this price is for (a Methods row's name); absent: every method. */
  readonly method?: string;
  /** The largest model, in billions of parameters, this price is for; absent: every size. */
  readonly upToBillions?: number;
  /** The least a job costs, in dollars; absent: none. */
  readonly minimumCharge?: number;
  /** Dollars a month to keep the fine-tuned model deployed; absent: none (pay per token). */
  readonly hostingPerMonth?: number;
}

export interface Catalog {
  readonly models: readonly ModelRow[];
  readonly methods: readonly MethodRow[];
  readonly gpus: readonly GpuRow[];
  readonly providers: readonly ProviderRow[];
  readonly apis: readonly ApiRow[];
  readonly managed: readonly ManagedFineTuningRow[];
}

// The article by its opening words: it has no title line and no date.
const ARTICLE =
  'The fine-tuning economics article this add-in follows ("Fine-tuning an AI model sounds expensive...", undated)';
const ARTICLE_READ = '2026-11-29';

// Market prices, each from the provider's own price page as transcribed (with the page's
// address and the date it was read) by the public data sets named below.
const DATA_RECEIPTS =
  'price page transcribed in "What an H100 actually costs per hour" (Data Receipts, github.com/datareceipts/data-receipts, no. 109)';
const SILYBENCH = 'transcribed in the Silybench GPU price data (github.com/tgarg01/silybench-data)';
const OPENAI_FT =
  'OpenAI API pricing, fine-tuning, as listed in "OpenAI Fine-Tuning Pricing Guide" (TokenMix.ai, 2026-04-07, checked against OpenAI\'s documentation)';

// Issue 20: when offers end. OpenAI's deprecations page (developers.openai.com/api/docs/
// deprecations) is the primary source; its entries were read as the secondary sources named
// below quote them (the page itself could not be read whole here). "Available until" is the
// last day: the day before a shutdown date.
const OPENAI_FT_END =
  'OpenAI deprecations page, "Update to OpenAI\'s self-serve fine-tuning" (notice 2026-05-07): no new fine-tuning jobs from 2027-01-06; ' +
  'secondary: "OpenAI fine-tuning cutoff" (techscurrent.com, 2026-07) and aihola.com/article/openai-ends-fine-tuning-2027, read 2026-12-06';
const GPT4O_SHUTDOWN =
  'OpenAI deprecations page (notice 2026-10-14): gpt-4o, gpt-4o-mini, gpt-4.1 and gpt-4.1-mini and the fine-tunes built on them shut down on 2027-01-14; ' +
  'secondary: "Every OpenAI model shutdown date until January 2027" (ImportStatic on dev.to, 2026-10-15) and codersera.com, read 2026-12-06';
const GPT4_SHUTDOWN =
  'OpenAI deprecations page: gpt-4 and gpt-4-0613 shut down on 2026-10-23; ' +
  'secondary: "Every OpenAI model shutdown date until January 2027" (ImportStatic on dev.to, 2026-10-15), read 2026-12-06';

// Fireworks' price list: the brackets and LoRA prices were transcribed from fireworks.ai/pricing
// on 2026-10-07 by the author of issue 20 (secondary: we did not read that version); the page
// as stored in our search corpus (undated, older: it lists Mixtral and DBRX) shows the same
// $0.50 and $3.00, and the serving prices. Its FAQ (docs.fireworks.ai/faq/pricing): fine-tuned
// models are served at the price of their base model, with no extra cost.
const FIREWORKS_TRAINING =
  'fireworks.ai/pricing, SFT per 1M training tokens (x epochs), transcribed 2026-10-07 in issue 20 (secondary)';
const FIREWORKS_PAGE = 'fireworks.ai/pricing as stored (undated, read 2026-12-06)';
const FIREWORKS_SERVING = `${FIREWORKS_PAGE}, serverless $ per 1M tokens; docs.fireworks.ai/faq/pricing: fine-tunes serve at the base model's price`;
/** Why a price row names no inference API: its serving price could not be cited. */
const NO_SERVING_PRICE = 'no serving price cited';

/** A managed price whose serving price could not be cited: it names no inference API. */
function unserved(
  name: string,
  method: string,
  upToBillions: number | undefined,
  pricePer1MTrainingTokens: number,
  source: string,
  asOf = TOGETHER_AS_OF,
): ManagedFineTuningRow {
  return {
    name,
    method,
    ...(upToBillions ? { upToBillions } : {}),
    pricePer1MTrainingTokens,
    inferenceApi: '',
    source: `${source}; ${NO_SERVING_PRICE}`,
    asOf,
  };
}

// Together AI's price list. Its documentation (docs.together.ai/docs/fine-tuning-pricing, read
// 2026-12-06) gives the method (LoRA, full), the size brackets (up to 16B, 16.1-69B, ...), that
// tokens are counted x epochs, that there is no minimum price and that a fine-tune is served on
// a dedicated endpoint billed by the minute, but sends the rates to together.ai/pricing, which
// we could not read. The rates are a secondary source's: an "Eval Loops" guide in a public
// GitHub repository ("curated and verified live 2 September 2026"), quoting together.ai/pricing:
// LoRA SFT $0.48 per 1M tokens up to 16B, $1.50 for 17-69B, full fine-tuning $1.20 (its bracket
// not stated: taken as up to 16B, the bracket of the sentence). Its "$4.00 minimum per job" is
// left out: Together's own documentation says there is none.
const TOGETHER_TRAINING =
  'together.ai/pricing via an "Eval Loops" guide on GitHub, 2026-09-02 (secondary); brackets: docs.together.ai';
const TOGETHER_AS_OF = '2026-09-02';

/** H100 GPU-hours per training example for a scale-1.0 model (the article's 0.0001). */
export const ARTICLE_HOURS_PER_EXAMPLE = 0.0001;

/**
 * Memory for activations, CUDA context and allocator slack, as a share of the
 * weight and optimizer memory. An assumption (batch 8, sequence about 512, the
 * article's settings); activation memory grows with batch and sequence length
 * (EleutherAI, "Transformer Math 101", 2023).
 */
export const MEMORY_OVERHEAD_SHARE = 0.2;

export const BUILT_IN_CATALOG: Catalog = {
  models: [
    {
      name: 'Llama 7B',
      paramsBillions: 7,
      scale: 1.0,
      source: `${ARTICLE}, GPU-hours table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'Llama 13B',
      paramsBillions: 13,
      scale: 2.0,
      source: `${ARTICLE}, GPU-hours table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'Llama 70B',
      paramsBillions: 70,
      scale: 8.0,
      source: `${ARTICLE}, GPU-hours table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'Llama 405B',
      paramsBillions: 405,
      scale: 50.0,
      source: `${ARTICLE}, GPU-hours table`,
      asOf: ARTICLE_READ,
    },
  ],
  methods: [
    {
      name: 'full',
      timeFactor: 1.0,
      flopsPerParamToken: 6,
      weightBytesPerParam: 2,
      trainableFraction: 1,
      stateBytesPerTrainableParam: 14,
      source:
        'Time: the article (baseline). FLOPs: Kaplan et al. 2020, "Scaling Laws for Neural Language Models" (6N per token). ' +
        'Memory: Rajbhandari et al. 2019, "ZeRO", sec. 3.1: mixed-precision Adam needs 16 bytes/param (2 weights + 2 gradients + 12 optimizer)',
      asOf: '2026-11-29',
    },
    {
      name: 'LoRA',
      timeFactor: 0.25,
      flopsPerParamToken: 4,
      weightBytesPerParam: 2,
      trainableFraction: 0.01,
      stateBytesPerTrainableParam: 16,
      source:
        'Time: the article (13B LoRA 0.5 h vs full 2 h, "75% cheaper"). FLOPs: frozen weights need no weight gradients, so backward is 2N not 4N. ' +
        'Memory: Hu et al. 2021, "LoRA": frozen bf16 base (2 bytes/param); adapters assumed at most 1% of params with 16 bytes each',
      asOf: '2026-11-29',
    },
    {
      name: 'QLoRA',
      timeFactor: 0.35,
      flopsPerParamToken: 4,
      weightBytesPerParam: 0.52,
      trainableFraction: 0.01,
      stateBytesPerTrainableParam: 16,
      source:
        'Time: LoRA 0.25 x 1.39 ~ 0.35; S. Raschka, "Practical Tips for Finetuning LLMs Using LoRA" (2023): QLoRA saved 33% memory at 39% more runtime. ' +
        'Memory: Dettmers et al. 2023, "QLoRA", sec. 3: 4-bit NF4 weights plus 0.127 bits/param of double-quantized constants ~ 0.52 bytes/param',
      asOf: '2026-11-29',
    },
  ],
  gpus: [
    {
      name: 'H100',
      peakTflopsBf16: 989,
      memoryGb: 80,
      speedVsH100: 1,
      source:
        'NVIDIA H100 Tensor Core GPU datasheet, SXM5: 989 TFLOPS bf16 dense (1,979 with sparsity), 80 GB',
      asOf: '2026-11-29',
    },
    {
      name: 'A100',
      peakTflopsBf16: 312,
      memoryGb: 80,
      speedVsH100: 312 / 989,
      source:
        'NVIDIA A100 Tensor Core GPU datasheet, SXM 80GB: 312 TFLOPS bf16 dense. Speed vs H100 = 312 / 989 (peak ratio; measured speed-ups vary with the workload)',
      asOf: '2026-11-29',
    },
  ],
  providers: [
    {
      name: 'AWS on-demand',
      gpu: 'H100',
      pricePerGpuHour: 2.88,
      pricing: 'on-demand',
      source: `${ARTICLE}, provider table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'AWS spot',
      gpu: 'H100',
      pricePerGpuHour: 0.86,
      pricing: 'spot',
      source: `${ARTICLE}, provider table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'RunPod on-demand',
      aliases: ['RunPod'],
      gpu: 'H100',
      pricePerGpuHour: 2.49,
      pricing: 'on-demand',
      source: `${ARTICLE}, provider table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'Lambda Labs',
      aliases: ['Lambda'],
      gpu: 'H100',
      pricePerGpuHour: 3.98,
      pricing: 'on-demand',
      source: `${ARTICLE}, provider table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'On-premise (amortized)',
      aliases: ['on-prem'],
      gpu: 'H100',
      pricePerGpuHour: 2.73,
      pricing: 'amortized',
      source: `${ARTICLE}, provider table`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'AWS p5 H100 on-demand',
      gpu: 'H100',
      pricePerGpuHour: 6.88,
      pricing: 'on-demand',
      source: `AWS EC2 on-demand price of p5.48xlarge (8 x H100 SXM, us-east-1): $55.04 an hour = $6.88 per GPU-hour; ${DATA_RECEIPTS}`,
      asOf: '2026-11-09',
    },
    {
      name: 'Google Cloud A3 H100 on-demand',
      gpu: 'H100',
      pricePerGpuHour: 10.98,
      pricing: 'on-demand',
      source: `Google Cloud billing catalog, a3-highgpu-1g in us-central1 (H100 with its vCPUs and memory, boot disk excluded): $10.98 an hour; ${SILYBENCH}`,
      asOf: '2026-09-26',
    },
    {
      name: 'Google Cloud A3 H100 spot',
      gpu: 'H100',
      pricePerGpuHour: 6.57,
      pricing: 'spot',
      source: `Google Cloud billing catalog, a3-highgpu-1g Spot in us-central1 (H100 with its vCPUs and memory, boot disk excluded): $6.57 an hour; ${SILYBENCH}`,
      asOf: '2026-09-26',
    },
    {
      name: 'Azure ND H100 v5 on-demand',
      gpu: 'H100',
      pricePerGpuHour: 12.29,
      pricing: 'on-demand',
      source: `Azure virtual machines pricing, ND96isr H100 v5 (8 x H100 SXM, East US): $12.29 per GPU-hour; ${DATA_RECEIPTS}`,
      asOf: '2026-11-09',
    },
    {
      name: 'RunPod H100 SXM Secure Cloud',
      gpu: 'H100',
      pricePerGpuHour: 3.99,
      pricing: 'on-demand',
      source: `RunPod pricing page (runpod.io/pricing), H100 SXM 80GB, Secure Cloud; ${DATA_RECEIPTS}`,
      asOf: '2026-11-09',
    },
    {
      name: 'RunPod H100 SXM Community Cloud',
      gpu: 'H100',
      pricePerGpuHour: 2.69,
      pricing: 'on-demand',
      source: `RunPod pricing page (runpod.io/pricing), H100 SXM 80GB, Community Cloud (third-party hosts, no datacentre SLA); ${DATA_RECEIPTS}`,
      asOf: '2026-11-09',
    },
    {
      name: 'Lambda H100 SXM (8x instance)',
      gpu: 'H100',
      pricePerGpuHour: 3.99,
      pricing: 'on-demand',
      source: `Lambda instances pricing page (lambda.ai/pricing), 8x NVIDIA H100 SXM, per GPU-hour; ${SILYBENCH}`,
      asOf: '2026-09-25',
    },
    {
      name: 'Lambda H100 SXM (1x instance)',
      gpu: 'H100',
      pricePerGpuHour: 4.29,
      pricing: 'on-demand',
      source: `Lambda instances pricing page (lambda.ai/pricing), 1x NVIDIA H100 SXM; ${SILYBENCH}`,
      asOf: '2026-09-25',
    },
  ],
  apis: [
    {
      name: 'Claude',
      inputPricePer1K: 0.003,
      outputPricePer1K: 0.015,
      source: `${ARTICLE}, example 1 ($0.003 / $0.015 per 1K tokens)`,
      asOf: ARTICLE_READ,
    },
    {
      name: 'GPT-4 fine-tuned',
      inputPricePer1K: 0.03,
      outputPricePer1K: 0.06,
      source: `${ARTICLE}, OpenAI fine-tuning (inference $0.03 / $0.06 per 1K)`,
      asOf: ARTICLE_READ,
      availableUntil: '2026-10-22',
      availableUntilSource: GPT4_SHUTDOWN,
    },
    {
      name: 'Grok',
      inputPricePer1K: 0.0002,
      outputPricePer1K: 0.0015,
      source:
        'xAI API pricing, grok-code-fast-1: $0.20 / $1.50 per 1M tokens (the article names Grok for example 3 but gives no token prices)',
      asOf: '2025-08-28',
    },
    {
      name: 'GPT-4o fine-tuned',
      inputPricePer1K: 0.00375,
      outputPricePer1K: 0.015,
      source: `${OPENAI_FT}: a fine-tuned gpt-4o costs $3.75 / $15.00 per 1M input / output tokens`,
      asOf: '2026-04-07',
      availableUntil: '2027-01-13',
      availableUntilSource: GPT4O_SHUTDOWN,
    },
    {
      name: 'GPT-4o mini fine-tuned',
      inputPricePer1K: 0.0003,
      outputPricePer1K: 0.0012,
      source: `${OPENAI_FT}: a fine-tuned gpt-4o-mini costs $0.30 / $1.20 per 1M input / output tokens`,
      asOf: '2026-04-07',
      availableUntil: '2027-01-13',
      availableUntilSource: GPT4O_SHUTDOWN,
    },
    {
      name: 'Fireworks fine-tuned up to 16B',
      inputPricePer1K: 0.0002,
      outputPricePer1K: 0.0002,
      source: `${FIREWORKS_SERVING}: up to 16B $0.20`,
      asOf: '2026-12-06',
    },
    {
      name: 'Fireworks fine-tuned 16.1-80B',
      inputPricePer1K: 0.0009,
      outputPricePer1K: 0.0009,
      source: `${FIREWORKS_SERVING}: 16.1-80B $0.90`,
      asOf: '2026-12-06',
    },
  ],
  // The first row's service is the default of FT_MANAGED_COST and of a new scenario: a
  // service that takes jobs (OpenAI takes no new fine-tuning jobs after 2027-01-06, issue 20).
  // A row with no cited serving price (Fireworks above 80B, Together) names no inference API.
  managed: [
    {
      name: 'Fireworks',
      method: 'LoRA',
      upToBillions: 16,
      pricePer1MTrainingTokens: 0.5,
      inferenceApi: 'Fireworks fine-tuned up to 16B',
      source: `${FIREWORKS_TRAINING}: LoRA up to 16B $0.50; also on ${FIREWORKS_PAGE}`,
      asOf: '2026-10-07',
    },
    {
      name: 'Fireworks',
      method: 'LoRA',
      upToBillions: 80,
      pricePer1MTrainingTokens: 3,
      inferenceApi: 'Fireworks fine-tuned 16.1-80B',
      source: `${FIREWORKS_TRAINING}: LoRA 16.1-80B $3.00; also on ${FIREWORKS_PAGE}`,
      asOf: '2026-10-07',
    },
    {
      name: 'Fireworks',
      method: 'full',
      upToBillions: 16,
      pricePer1MTrainingTokens: 1,
      inferenceApi: 'Fireworks fine-tuned up to 16B',
      source: `${FIREWORKS_TRAINING}: full up to 16B $1.00`,
      asOf: '2026-10-07',
    },
    unserved(
      'Fireworks',
      'LoRA',
      300,
      6,
      `${FIREWORKS_TRAINING}: LoRA 80-300B $6.00`,
      '2026-10-07',
    ),
    unserved(
      'Fireworks',
      'LoRA',
      undefined,
      10,
      `${FIREWORKS_TRAINING}: LoRA above 300B $10.00`,
      '2026-10-07',
    ),
    unserved('Together AI', 'LoRA', 16, 0.48, `${TOGETHER_TRAINING}: LoRA up to 16B $0.48`),
    unserved('Together AI', 'LoRA', 69, 1.5, `${TOGETHER_TRAINING}: LoRA 16.1-69B $1.50`),
    unserved(
      'Together AI',
      'full',
      16,
      1.2,
      `${TOGETHER_TRAINING}: full $1.20 (taken as up to 16B)`,
    ),
    {
      name: 'OpenAI GPT-4 fine-tuning',
      pricePer1MTrainingTokens: 25,
      inferenceApi: 'GPT-4 fine-tuned',
      source: `${ARTICLE}, OpenAI fine-tuning ($25 per 1M training tokens)`,
      asOf: ARTICLE_READ,
      // Its base model is gone: no job can be run on it.
      availableUntil: '2026-10-22',
      availableUntilSource: GPT4_SHUTDOWN,
    },
    {
      name: 'OpenAI GPT-4o fine-tuning',
      pricePer1MTrainingTokens: 25,
      inferenceApi: 'GPT-4o fine-tuned',
      source: `${OPENAI_FT}: training gpt-4o costs $25.00 per 1M training tokens`,
      asOf: '2026-04-07',
      availableUntil: '2027-01-05',
      availableUntilSource: OPENAI_FT_END,
    },
    {
      name: 'OpenAI GPT-4o mini fine-tuning',
      pricePer1MTrainingTokens: 3,
      inferenceApi: 'GPT-4o mini fine-tuned',
      source: `${OPENAI_FT}: training gpt-4o-mini costs $3.00 per 1M training tokens`,
      asOf: '2026-04-07',
      availableUntil: '2027-01-05',
      availableUntilSource: OPENAI_FT_END,
    },
  ],
};
