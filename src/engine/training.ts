import type { MethodRow } from './catalog';
import { ARTICLE_HOURS_PER_EXAMPLE, MEMORY_OVERHEAD_SHARE } from './catalog';

const SECONDS_PER_HOUR = 3600;
const FLOPS_PER_TFLOP = 1e12;
const PARAMS_PER_BILLION = 1e9;
const BYTES_PER_GB = 1e9;

/** H100 GPU-hours by the article's rule: 0.0001 × examples × scale × method factor. */
export function ruleHours(examples: number, modelScale: number, methodTimeFactor: number): number {
  return ARTICLE_HOURS_PER_EXAMPLE * examples * modelScale * methodTimeFactor;
}

/** Hours on a GPU that runs at `speedVsH100` of an H100. */
export function hoursOnGpu(h100Hours: number, speedVsH100: number): number {
  return h100Hours / speedVsH100;
}

/** Tokens a run trains on: examples × tokens per example × epochs. */
export function trainingTokens(examples: number, tokensPerExample: number, epochs: number): number {
  return examples * tokensPerExample * epochs;
}

/**
 * Compute-bound GPU-hours: k × params × tokens / (peak FLOPS × MFU × 3600), with
 * k = 6 (full) or 4 (frozen weights) FLOPs per parameter per token.
 */
export function computeBoundHours(
  paramsBillions: number,
  tokens: number,
  flopsPerParamToken: number,
  peakTflops: number,
  mfu: number,
): number {
  const flops = flopsPerParamToken * paramsBillions * PARAMS_PER_BILLION * tokens;
  return flops / (peakTflops * FLOPS_PER_TFLOP * mfu * SECONDS_PER_HOUR);
}

/** Bytes per parameter a method needs: weights plus gradients and optimizer state of trained ones. */
export function bytesPerParam(method: MethodRow): number {
  return method.weightBytesPerParam + method.trainableFraction * method.stateBytesPerTrainableParam;
}

/** GB of GPU memory to fine-tune: params × bytes per param, plus the activation overhead. */
export function memoryGb(paramsBillions: number, method: MethodRow): number {
  const bytes = paramsBillions * PARAMS_PER_BILLION * bytesPerParam(method);
  return (bytes * (1 + MEMORY_OVERHEAD_SHARE)) / BYTES_PER_GB;
}
