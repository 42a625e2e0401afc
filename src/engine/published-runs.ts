// Published, measured fine-tuning runs: the reference set docs/accuracy.md checks the
// estimates against (`npm run accuracy`). Pure data. Every figure was read in the source
// named beside it; where a source leaves a figure out (tokens per example, most often), the
// run says what was assumed. Hours are wall-clock; a source that gives tokens per second
// is converted for a stated number of tokens (the rules are linear in tokens, so the
// ratios do not depend on that number, only the article's rule on tokens per example).
import type { GpuRow } from './catalog';

export type PublishedMethod = 'full' | 'LoRA' | 'QLoRA';

export interface PublishedSource {
  readonly title: string;
  readonly author: string;
  /** Text, never fetched: the add-in makes no network call. */
  readonly url: string;
  /** When the figures were published (ISO date, or the month or year the source gives). */
  readonly date: string;
  /** A source that reports someone else's run, or a forum answer rather than a write-up. */
  readonly secondary: boolean;
}

export interface PublishedRun {
  readonly id: string;
  /** The model as the source names it. */
  readonly model: string;
  readonly paramsBillions: number;
  readonly method: PublishedMethod;
  /** A catalog GPU (H100, A100) or one of PUBLISHED_RUN_GPUS. */
  readonly gpu: string;
  readonly gpuCount: number;
  /** Examples the run trained on (or the stated number assumed, see `assumptions`). */
  readonly examples: number;
  readonly tokensPerExample: number;
  readonly epochs: number;
  /** Measured wall-clock hours of the whole run (all GPUs working at once). */
  readonly measuredHours: number;
  /** The measured figure as the source prints it, and how it became hours. */
  readonly measured: string;
  /** What the source does not give and the set assumes; '' when nothing is assumed. */
  readonly assumptions: string;
  readonly source: PublishedSource;
  readonly note: string;
}

/**
 * Tokens per example where a source gives none: the scenario's default (500), so a run's
 * rule estimate is what the scenario sheet would show for the same dataset.
 */
export const ASSUMED_TOKENS_PER_EXAMPLE = 500;

const SECONDS_PER_HOUR = 3600;

/**
 * GPUs of the published runs that the built-in catalog does not list. Kept here, not in
 * the catalog, so the add-in's GPU choices do not change; speed vs H100 is the bf16 peak
 * ratio, as the catalog's A100 row takes it (312 / 989).
 */
export const PUBLISHED_RUN_GPUS: readonly GpuRow[] = [
  {
    name: 'RTX 4090',
    peakTflopsBf16: 165.15,
    memoryGb: 24,
    speedVsH100: 165.15 / 989,
    source:
      'waredb.com, NVIDIA GeForce RTX 4090: "BF16: 165.15 TFLOPS, with sparsity: 330.30 TFLOPS" (tensor, dense); a secondary spec listing',
    asOf: '2026-12-06',
  },
  {
    name: 'RTX A6000',
    peakTflopsBf16: 154.8,
    memoryGb: 48,
    speedVsH100: 154.8 / 989,
    source:
      'llmperf.net, NVIDIA RTX A6000: "Mixed-Precision (FP16/BF16) 154.8 TFLOPS" dense ("~309.7 TFLOPS, with structured sparsity"), citing Microway; a secondary spec listing',
    asOf: '2026-12-06',
  },
];

const TORCHTUNE: PublishedSource = {
  title: 'torchtune README, "Memory and training speed" table',
  author: 'PyTorch team (Meta)',
  url: 'https://github.com/pytorch/torchtune#memory-and-training-speed',
  date: '2024-09-24',
  secondary: false,
};

const TORCHTUNE_FLAGS: PublishedSource = {
  title: 'torchtune README, "Optimization flags" table (Llama 3.2 3B)',
  author: 'PyTorch team (Meta)',
  url: 'https://github.com/pytorch/torchtune#optimization-flags',
  date: '2024-11-18',
  secondary: false,
};

const LITGPT: PublishedSource = {
  title: 'LitGPT "Resource Tables" (tutorials/resource-tables.md)',
  author: 'Lightning AI',
  url: 'https://github.com/Lightning-AI/litgpt/blob/main/tutorials/resource-tables.md',
  date: '2023-10-20',
  secondary: false,
};

const GUANACO_FORUM: PublishedSource = {
  title:
    'Hugging Face discussion "Just couple of confusion to clear" (Mikael110/llama-2-7b-guanaco-fp16, #3)',
  author: 'Mikael110 (answering a user)',
  url: 'https://huggingface.co/Mikael110/llama-2-7b-guanaco-fp16/discussions/3',
  date: '2023 (Llama 2 era; the page shows no date)',
  secondary: true,
};

/** A torchtune throughput row: a notional 10,000 packed examples, timed at its tokens/s. */
const TORCHTUNE_EXAMPLES = 10000;
const hoursAt = (tokensPerSecond: number): number =>
  (TORCHTUNE_EXAMPLES * ASSUMED_TOKENS_PER_EXAMPLE) / tokensPerSecond / SECONDS_PER_HOUR;
const TORCHTUNE_ASSUMED =
  'Throughput only: timed for 10,000 examples x 500 tokens (5M tokens) at the measured tokens/s. The table packs to 2,048-token sequences; 500 tokens per example is the scenario default.';

/** A LitGPT row: "Time 1k iterations" at micro-batch 1, read as 1,000 Alpaca examples. */
const LITGPT_EXAMPLES = 1000;
const MINUTES_PER_HOUR = 60;
const LITGPT_ASSUMED =
  'One iteration read as one micro-batch of 1 example (1,000 examples); Alpaca tokens per example not given (the longest is 1,304 Llama 2 tokens): 500 assumed.';

/** The Guanaco script (qlora repo): 1,875 steps x batch 1 x accumulation 16 = 30,000 examples. */
const GUANACO_EXAMPLES = 30000;
const GUANACO_ASSUMED =
  'Examples from the qlora repo script (max_steps 1875 x batch 1 x accumulation 16 = 30,000); tokens per example not given (capped at 16 + 512): 500 assumed. "Around" hours, one user\'s memory.';

/** What a run's source states; the dataset fields each source's constructor fills in. */
type RunFigures = Pick<
  PublishedRun,
  'id' | 'model' | 'paramsBillions' | 'method' | 'gpu' | 'gpuCount' | 'measured' | 'note'
> & { readonly assumptions?: string };

/** A torchtune row: its tokens/s timed over the notional 10,000 examples of 500 tokens. */
const torchtuneRun = (
  figures: RunFigures,
  tokensPerSecond: number,
  source: PublishedSource = TORCHTUNE,
): PublishedRun => ({
  examples: TORCHTUNE_EXAMPLES,
  tokensPerExample: ASSUMED_TOKENS_PER_EXAMPLE,
  epochs: 1,
  measuredHours: hoursAt(tokensPerSecond),
  assumptions: TORCHTUNE_ASSUMED,
  source,
  ...figures,
});

/** A LitGPT row: minutes per 1,000 iterations, read as 1,000 examples. */
const litgptRun = (figures: RunFigures, minutesPer1kIterations: number): PublishedRun => ({
  examples: LITGPT_EXAMPLES,
  tokensPerExample: ASSUMED_TOKENS_PER_EXAMPLE,
  epochs: 1,
  measuredHours: minutesPer1kIterations / MINUTES_PER_HOUR,
  assumptions: LITGPT_ASSUMED,
  source: LITGPT,
  ...figures,
});

/** A forum-reported Guanaco run: the qlora script's 30,000 examples, in "around" hours. */
const guanacoRun = (figures: RunFigures, hours: number): PublishedRun => ({
  examples: GUANACO_EXAMPLES,
  tokensPerExample: ASSUMED_TOKENS_PER_EXAMPLE,
  epochs: 1,
  measuredHours: hours,
  assumptions: GUANACO_ASSUMED,
  source: GUANACO_FORUM,
  ...figures,
});

export const PUBLISHED_RUNS: readonly PublishedRun[] = [
  torchtuneRun(
    {
      id: 'torchtune-8b-full-4090',
      model: 'Llama 3.1 8B',
      paramsBillions: 8,
      method: 'full',
      gpu: 'RTX 4090',
      gpuCount: 1,
      measured: '"Llama 3.1 8B | Full finetune | 1x 4090 | 18.9 GiB | 1650" tokens/s',
      note: 'Batch 2, packed to 2,048, torch.compile; tokens/s "measured over one full training epoch".',
    },
    1650,
  ),
  torchtuneRun(
    {
      id: 'torchtune-8b-full-a6000',
      model: 'Llama 3.1 8B',
      paramsBillions: 8,
      method: 'full',
      gpu: 'RTX A6000',
      gpuCount: 1,
      measured: '"Llama 3.1 8B | Full finetune | 1x A6000 | 37.4 GiB | 2579" tokens/s',
      note: 'Batch 2, packed to 2,048, torch.compile.',
    },
    2579,
  ),
  torchtuneRun(
    {
      id: 'torchtune-8b-lora-4090',
      model: 'Llama 3.1 8B',
      paramsBillions: 8,
      method: 'LoRA',
      gpu: 'RTX 4090',
      gpuCount: 1,
      measured: '"Llama 3.1 8B | LoRA | 1x 4090 | 16.2 GiB | 3083" tokens/s',
      note: 'Batch 2, packed to 2,048, torch.compile.',
    },
    3083,
  ),
  torchtuneRun(
    {
      id: 'torchtune-8b-lora-a6000',
      model: 'Llama 3.1 8B',
      paramsBillions: 8,
      method: 'LoRA',
      gpu: 'RTX A6000',
      gpuCount: 1,
      measured: '"Llama 3.1 8B | LoRA | 1x A6000 | 30.3 GiB | 4699" tokens/s',
      note: 'Batch 2, packed to 2,048, torch.compile.',
    },
    4699,
  ),
  torchtuneRun(
    {
      id: 'torchtune-8b-qlora-4090',
      model: 'Llama 3.1 8B',
      paramsBillions: 8,
      method: 'QLoRA',
      gpu: 'RTX 4090',
      gpuCount: 1,
      measured: '"Llama 3.1 8B | QLoRA | 1x 4090 | 7.4 GiB | 2413" tokens/s',
      note: 'Batch 2, packed to 2,048, torch.compile.',
    },
    2413,
  ),
  torchtuneRun(
    {
      id: 'torchtune-70b-full-8xa100',
      model: 'Llama 3.1 70B',
      paramsBillions: 70,
      method: 'full',
      gpu: 'A100',
      gpuCount: 8,
      measured:
        '"Llama 3.1 70B | Full finetune | 8x A100 | 13.9 GiB ** | 1568" tokens/s, read as the total of the 8 GPUs (read per GPU, the implied MFU would exceed 1)',
      note: '"** = Uses CPU offload with fused optimizer": the optimizer runs on the CPU, so the GPUs wait.',
    },
    1568,
  ),
  torchtuneRun(
    {
      id: 'torchtune-70b-lora-8xa100',
      model: 'Llama 3.1 70B',
      paramsBillions: 70,
      method: 'LoRA',
      gpu: 'A100',
      gpuCount: 8,
      measured:
        '"Llama 3.1 70B | LoRA | 8x A100 | 27.6 GiB | 3497" tokens/s, read as the total of the 8 GPUs',
      note: 'A100 memory size not stated; the catalog A100 (312 TFLOPS bf16) has the same peak in 40 and 80 GB.',
    },
    3497,
  ),
  torchtuneRun(
    {
      id: 'torchtune-405b-qlora-8xa100',
      model: 'Llama 3.1 405B',
      paramsBillions: 405,
      method: 'QLoRA',
      gpu: 'A100',
      gpuCount: 8,
      measured:
        '"Llama 3.1 405B | QLoRA | 8x A100 | 44.8 GB | 653" tokens/s, read as the total of the 8 GPUs',
      note: "The largest model of the set; one of the article catalog's own sizes (Llama 405B).",
    },
    653,
  ),
  torchtuneRun(
    {
      id: 'torchtune-3b-lora-a100',
      model: 'Llama 3.2 3B',
      paramsBillions: 3,
      method: 'LoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"LoRA | 8.5 | -51.61% | 8210" tokens per second',
      note: 'Batch 2, max sequence 4,096, bf16, packed, compiled, chunked cross-entropy, activation checkpointing and offloading.',
    },
    8210,
    TORCHTUNE_FLAGS,
  ),
  torchtuneRun(
    {
      id: 'torchtune-3b-qlora-a100',
      model: 'Llama 3.2 3B',
      paramsBillions: 3,
      method: 'QLoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"QLoRA | 4.6 | -45.71% | 8035" tokens per second',
      note: 'As the LoRA row, with the base model in 4 bits.',
    },
    8035,
    TORCHTUNE_FLAGS,
  ),
  torchtuneRun(
    {
      id: 'torchtune-3b-full-a100',
      model: 'Llama 3.2 3B',
      paramsBillions: 3,
      method: 'full',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"+ Chunked Cross Entropy | 42.9 | -15.83% | 9174" tokens per second',
      note: 'Full fine-tuning, packed, compiled, chunked cross-entropy: the fastest full row of the table, before activation checkpointing.',
    },
    9174,
    TORCHTUNE_FLAGS,
  ),
  litgptRun(
    {
      id: 'litgpt-7b-lora-a100',
      model: 'Llama 2 7B',
      paramsBillions: 7,
      method: 'LoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"7 B | Llama 2 | None | 1 | 4,194,304 | 21.30 GB | 2.36 min" per 1k iterations',
      note: 'A100-SXM4-40GB, bf16-true, Alpaca, `litgpt finetune_lora`, micro-batch 1.',
    },
    2.36,
  ),
  litgptRun(
    {
      id: 'litgpt-7b-qlora-a100',
      model: 'Llama 2 7B',
      paramsBillions: 7,
      method: 'QLoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"7 B | Llama 2 | bnb.nf4 | 1 | 4,194,304 | 14.14 GB | 3.68 min" per 1k iterations',
      note: 'As the LoRA row, base weights in NF4 (bitsandbytes).',
    },
    3.68,
  ),
  litgptRun(
    {
      id: 'litgpt-13b-lora-a100',
      model: 'Llama 2 13B',
      paramsBillions: 13,
      method: 'LoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"13 B | Llama 2 | None | 1 | 6,553,600 | 38.12 GB | 3.19 min" per 1k iterations',
      note: 'A100-SXM4-40GB, bf16-true, Alpaca, micro-batch 1.',
    },
    3.19,
  ),
  litgptRun(
    {
      id: 'litgpt-13b-qlora-a100',
      model: 'Llama 2 13B',
      paramsBillions: 13,
      method: 'QLoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured:
        '"13 B | Llama 2 | bnb.nf4 | 1 | 6,553,600 | 23.14 GB | 6.38 min" per 1k iterations',
      note: 'As the LoRA row, base weights in NF4.',
    },
    6.38,
  ),
  litgptRun(
    {
      id: 'litgpt-13b-lora-4xa100',
      model: 'Llama 2 13B',
      paramsBillions: 13,
      method: 'LoRA',
      gpu: 'A100',
      gpuCount: 4,
      measured:
        '"13 B | Llama 2 | None | 1 | 6,553,600 | 4 x A100 | 35.57 GB | 10.25 min" per 1k iterations',
      assumptions: `${LITGPT_ASSUMED} On 4 GPUs, 1k iterations read as 1,000 examples in all (the source does not say per GPU).`,
      note: 'Slower on 4 GPUs than on 1 (3.19 min): sharding a model this small costs more in communication than it gains.',
    },
    10.25,
  ),
  guanacoRun(
    {
      id: 'guanaco-7b-qlora-4090',
      model: 'Llama 2 7B (Guanaco, OASST1)',
      paramsBillions: 7,
      method: 'QLoRA',
      gpu: 'RTX 4090',
      gpuCount: 1,
      measured: '"I ran it on a rented 4090 and it took around 2 hours"',
      note: "The QLoRA paper's Guanaco recipe (qlora.py, LoRA r64 on all layers, NF4, double quantization, gradient checkpointing).",
    },
    2,
  ),
  guanacoRun(
    {
      id: 'guanaco-13b-qlora-4090',
      model: 'Llama 2 13B (Guanaco, OASST1)',
      paramsBillions: 13,
      method: 'QLoRA',
      gpu: 'RTX 4090',
      gpuCount: 1,
      measured: '"I also trained the 13b model on the 4090 ... that took around 6 hours to run"',
      note: 'Same recipe as the 7B run.',
    },
    6,
  ),
  guanacoRun(
    {
      id: 'guanaco-70b-qlora-a100',
      model: 'Llama 2 70B (Guanaco, OASST1)',
      paramsBillions: 70,
      method: 'QLoRA',
      gpu: 'A100',
      gpuCount: 1,
      measured: '"For the 70b model I used an A100 ... it took around 38 hours to run"',
      assumptions: `${GUANACO_ASSUMED} The A100's memory size is not stated (same bf16 peak either way).`,
      note: 'Same recipe as the 7B run.',
    },
    38,
  ),
];
