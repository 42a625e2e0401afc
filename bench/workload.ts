// The table a user points FT_HOURS and FT_COST at: model names in several
// spellings and sizes, example counts as numbers and as text, providers by name
// and by rate, methods mostly blank, and some blank rows. Seeded, so every run
// measures the same cells.
import { ARTICLE_HOURS_PER_EXAMPLE, builtInIndex, isBlank, parseNumberValue } from '../src/engine';

export type Cell = string | number;
export type Column = Cell[][];

/** One column per argument, each an n×1 range as Sheets passes it. */
export interface Workload {
  readonly rows: number;
  readonly model: Column;
  readonly examples: Column;
  readonly provider: Column;
  readonly method: Column;
}

/**
 * The same rows with every argument already parsed to a number: what the floor loop
 * reads. Still n×1 ranges, as Sheets hands a numeric column to a custom function,
 * so the floor pays the same memory layout and only the reading is taken away.
 * Blank rows keep a blank example count.
 */
export interface ParsedWorkload {
  readonly rows: number;
  readonly examples: (number | '')[][];
  readonly scale: number[][];
  readonly timeFactor: number[][];
  readonly speedVsH100: number[][];
  readonly pricePerGpuHour: number[][];
}

const MODELS: readonly Cell[] = [
  'Llama 7B',
  'llama 13b',
  'LLAMA-70B',
  'llama_405b',
  ' Llama 13B ',
  'Llama-7B',
  'Llama 70B',
  8,
  '8B',
  '8 b',
  3,
  '0.5B',
  13,
  '70b',
  '34B',
];
const PROVIDERS: readonly Cell[] = [
  'AWS spot',
  'aws on-demand',
  'RunPod on-demand',
  'Lambda Labs',
  'lambda-labs',
  'On-premise (amortized)',
  2.49,
  '$1.99',
  '3.5',
];
const METHODS: readonly Cell[] = ['LoRA', 'lora', 'QLoRA', 'full', 'Full', 0.5, '0.25'];
/** Share of rows left entirely blank, and of rows whose method is blank (full). */
const BLANK_ROW_SHARE = 0.04;
const BLANK_METHOD_SHARE = 0.45;

/** mulberry32: a small, fast, seeded PRNG with good enough spread for test data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function exampleCell(count: number, pick: number): Cell {
  if (pick < 0.6) return count;
  if (pick < 0.75) return count.toLocaleString('en-US');
  if (pick < 0.85) return String(count);
  if (pick < 0.95) return ` ${count} `;
  return count.toExponential();
}

export function makeWorkload(rows: number, seed = 20261129): Workload {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  const model: Column = [];
  const examples: Column = [];
  const provider: Column = [];
  const method: Column = [];
  for (let row = 0; row < rows; row++) {
    if (next() < BLANK_ROW_SHARE) {
      model.push(['']);
      examples.push(['']);
      provider.push(['']);
      method.push(['']);
      continue;
    }
    model.push([pick(MODELS)]);
    examples.push([exampleCell(1000 * (1 + Math.floor(next() * 200)), next())]);
    provider.push([pick(PROVIDERS)]);
    method.push([next() < BLANK_METHOD_SHARE ? '' : pick(METHODS)]);
  }
  return { rows, model, examples, provider, method };
}

/** Parses a workload once, outside any timing, with the engine's own readers. */
export function parseWorkload(workload: Workload): ParsedWorkload {
  const index = builtInIndex();
  const parsed: ParsedWorkload = {
    rows: workload.rows,
    examples: [],
    scale: [],
    timeFactor: [],
    speedVsH100: [],
    pricePerGpuHour: [],
  };
  for (let row = 0; row < workload.rows; row++) {
    const examples = workload.examples[row][0];
    if (isBlank(examples)) {
      parsed.examples.push(['']);
      parsed.scale.push([0]);
      parsed.timeFactor.push([0]);
      parsed.speedVsH100.push([0]);
      parsed.pricePerGpuHour.push([0]);
      continue;
    }
    parsed.examples.push([parseNumberValue(examples) ?? NaN]);
    parsed.scale.push([index.model('model', workload.model[row][0]).scale]);
    const method = workload.method[row][0];
    const factor = parseNumberValue(method);
    parsed.timeFactor.push([
      factor ?? index.method('method', isBlank(method) ? 'full' : method).timeFactor,
    ]);
    const provider = index.provider('provider', workload.provider[row][0]);
    parsed.speedVsH100.push([provider.gpu.speedVsH100]);
    parsed.pricePerGpuHour.push([provider.pricePerGpuHour]);
  }
  return parsed;
}

/**
 * The floor for FT_HOURS: the same arithmetic over already-parsed numbers, writing
 * the n×1 result range a custom function must return (blank rows stay blank).
 */
export function floorHours(parsed: ParsedWorkload): (number | string)[][] {
  const output: (number | string)[][] = new Array(parsed.rows);
  for (let row = 0; row < parsed.rows; row++) {
    const examples = parsed.examples[row][0];
    output[row] = [
      examples === ''
        ? ''
        : ARTICLE_HOURS_PER_EXAMPLE * examples * parsed.scale[row][0] * parsed.timeFactor[row][0],
    ];
  }
  return output;
}

/** The floor for FT_COST: hours on the provider's GPU × its price. */
export function floorCost(parsed: ParsedWorkload): (number | string)[][] {
  const output: (number | string)[][] = new Array(parsed.rows);
  for (let row = 0; row < parsed.rows; row++) {
    const examples = parsed.examples[row][0];
    output[row] = [
      examples === ''
        ? ''
        : ((ARTICLE_HOURS_PER_EXAMPLE *
            examples *
            parsed.scale[row][0] *
            parsed.timeFactor[row][0]) /
            parsed.speedVsH100[row][0]) *
          parsed.pricePerGpuHour[row][0],
    ];
  }
  return output;
}
