// The achieved-MFU fit (issue 19, item 2): from measured runs, one factor that turns the
// compute-bound estimate into what runs like them took. Pure arithmetic over ratios; the
// estimates themselves come from the scenario model's definitions (the caller evaluates
// `computeBoundHours` at the default MFU, as published-accuracy.ts does).
//
// The fit is in log space, so a run twice as slow and one twice as fast cancel; with four
// or more runs the one furthest from the median is left out, so one odd run (a mistyped
// hour, a run that waited on a queue) cannot move the factor far.
import { InputError } from './errors';
import { normalizeName } from './names';

/** One measured run, as the fit needs it. */
export interface CalibrationRun {
  readonly gpu: string;
  readonly method: string;
  /** Measured wall-clock hours × GPU count. */
  readonly measuredGpuHours: number;
  /** The compute-bound estimate for the same run at the default MFU, GPU-hours. */
  readonly estimatedGpuHours: number;
}

/** Which runs the factor came from: the GPU and method asked, the method, all runs, or none. */
export type CalibrationLevel = 'gpu and method' | 'method' | 'all runs' | 'default';

export interface Calibration {
  /** Measured ÷ estimated (at the default MFU): multiply an estimate by it. 1 without runs. */
  readonly factor: number;
  /** The MFU the factor stands for: default MFU ÷ factor. */
  readonly mfu: number;
  readonly level: CalibrationLevel;
  /** Runs at that level (the one left out as an outlier included). */
  readonly runs: number;
  /** The smallest and largest measured ÷ estimated ratio at that level; NaN without runs. */
  readonly minRatio: number;
  readonly maxRatio: number;
  /** The run (index into the runs given) left out as the outlier, or -1. */
  readonly outlier: number;
}

/** From this many runs on, the run furthest from the median is left out of the fit. */
export const OUTLIER_MIN_RUNS = 4;

function checkRun(run: CalibrationRun, index: number): void {
  for (const [field, value] of [
    ['measuredGpuHours', run.measuredGpuHours],
    ['estimatedGpuHours', run.estimatedGpuHours],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new InputError(
        `runs[${index}].${field}`,
        `runs[${index}].${field} must be a positive number of hours, got ${String(value)}`,
      );
    }
  }
}

/** The middle of numbers sorted ascending, or the mean of the middle two (at least one). */
export function medianOfSorted(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The factor fitted to a set of runs (at least one), and which run was left out. */
function fit(
  runs: readonly CalibrationRun[],
  indices: readonly number[],
): { factor: number; outlier: number } {
  const logs = indices.map((index) =>
    Math.log(runs[index].measuredGpuHours / runs[index].estimatedGpuHours),
  );
  let kept = indices.map((_, position) => position);
  let outlier = -1;
  if (logs.length >= OUTLIER_MIN_RUNS) {
    const centre = medianOfSorted([...logs].sort((a, b) => a - b));
    const furthest = kept.reduce((far, position) =>
      Math.abs(logs[position] - centre) > Math.abs(logs[far] - centre) ? position : far,
    );
    kept = kept.filter((position) => position !== furthest);
    outlier = indices[furthest];
  }
  const meanLog = kept.reduce((sum, position) => sum + logs[position], 0) / kept.length;
  return { factor: Math.exp(meanLog), outlier };
}

/**
 * The calibration for a GPU and a method: fitted on the runs of that GPU and method,
 * else of that method on any GPU, else on all runs, else the default (factor 1).
 */
export function calibrate(
  runs: readonly CalibrationRun[],
  gpu: string,
  method: string,
  defaultMfu: number,
): Calibration {
  runs.forEach(checkRun);
  const all = runs.map((_, index) => index);
  const sameMethod = all.filter(
    (index) => normalizeName(runs[index].method) === normalizeName(method),
  );
  const sameGpu = sameMethod.filter(
    (index) => normalizeName(runs[index].gpu) === normalizeName(gpu),
  );
  const levels: readonly (readonly [CalibrationLevel, readonly number[]])[] = [
    ['gpu and method', sameGpu],
    ['method', sameMethod],
    ['all runs', all],
  ];
  for (const [level, indices] of levels) {
    if (indices.length === 0) continue;
    const ratios = indices.map(
      (index) => runs[index].measuredGpuHours / runs[index].estimatedGpuHours,
    );
    const { factor, outlier } = fit(runs, indices);
    return {
      factor,
      mfu: defaultMfu / factor,
      level,
      runs: indices.length,
      minRatio: Math.min(...ratios),
      maxRatio: Math.max(...ratios),
      outlier,
    };
  }
  return {
    factor: 1,
    mfu: defaultMfu,
    level: 'default',
    runs: 0,
    minRatio: NaN,
    maxRatio: NaN,
    outlier: -1,
  };
}
