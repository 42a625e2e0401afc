// How far the two hour rules land from published, measured runs (docs/accuracy.md).
// Every estimate is a scenario-model definition evaluated through a view: the article's
// rule is `trainingHours` (h100Hours / speed), the cross-check `computeBoundHours`; no
// rule's arithmetic is written here. Ratios are compared in log space, so an estimate
// twice too high and one half too low are equally far from right.
import { medianOfSorted } from './calibration';
import { DEFAULT_MFU } from './calibration-model';
import { BUILT_IN_CATALOG } from './catalog';
import { bindingName } from './compile';
import { CatalogIndex } from './names';
import { PUBLISHED_RUN_GPUS } from './published-runs';
import type { PublishedRun } from './published-runs';
import { modelView, numberOf, trainingTokens } from './views';

export { DEFAULT_MFU };

const RULE_HOURS = /* @__PURE__ */ modelView('trainingHours', [
  bindingName.input('examples'),
  'scale',
  'timeFactor',
  'speed',
]);
const COMPUTE_HOURS = /* @__PURE__ */ modelView('computeBoundHours', [
  'params',
  'trainingTokens',
  'flops',
  'peak',
  bindingName.input('mfu'),
]);

let index: CatalogIndex | undefined;
/** The built-in catalog plus the GPUs only the published runs use (RTX 4090, RTX A6000). */
function runIndex(): CatalogIndex {
  if (!index) {
    index = new CatalogIndex({
      ...BUILT_IN_CATALOG,
      gpus: [...BUILT_IN_CATALOG.gpus, ...PUBLISHED_RUN_GPUS],
    });
  }
  return index;
}

export interface RunAccuracy {
  readonly run: PublishedRun;
  readonly tokens: number;
  /** The model's scale factor for the run's size (the catalog's, or interpolated). */
  readonly scale: number;
  /** The article's rule in H100 GPU-hours, then on the run's GPU (÷ speed vs H100). */
  readonly ruleGpuHours: number;
  /** The compute-bound definition at the default MFU, GPU-hours on the run's GPU. */
  readonly computeGpuHours: number;
  /** Measured wall-clock hours × GPU count: the GPU-hours both estimates are compared to. */
  readonly measuredGpuHours: number;
  readonly ruleRatio: number;
  readonly computeRatio: number;
  /** The MFU at which the compute-bound definition gives the measured GPU-hours. */
  readonly impliedMfu: number;
}

/** Both rules' estimates for one published run, against its measured GPU-hours. */
export function runAccuracy(run: PublishedRun): RunAccuracy {
  const catalog = runIndex();
  const gpu = catalog.gpu('gpu', run.gpu);
  const method = catalog.method('method', run.method);
  const scale = catalog.scaleForSize(run.paramsBillions);
  const tokens = trainingTokens(run.examples, run.tokensPerExample, run.epochs);
  const ruleGpuHours = numberOf(
    RULE_HOURS.value(run.examples, scale, method.timeFactor, gpu.speedVsH100),
    'trainingHours',
  );
  const computeAt = (mfu: number): number =>
    numberOf(
      COMPUTE_HOURS.value(
        run.paramsBillions,
        tokens,
        method.flopsPerParamToken,
        gpu.peakTflopsBf16,
        mfu,
      ),
      'computeBoundHours',
    );
  const computeGpuHours = computeAt(DEFAULT_MFU);
  const measuredGpuHours = run.measuredHours * run.gpuCount;
  return {
    run,
    tokens,
    scale,
    ruleGpuHours,
    computeGpuHours,
    measuredGpuHours,
    ruleRatio: ruleGpuHours / measuredGpuHours,
    computeRatio: computeGpuHours / measuredGpuHours,
    // Hours are inversely proportional to MFU: the hours at MFU 1 over the measured hours.
    impliedMfu: computeAt(1) / measuredGpuHours,
  };
}

export interface RatioSummary {
  /** The median in log space: the middle ratio, or the geometric mean of the middle two. */
  readonly median: number;
  /** The ratio furthest from 1 in log space (2× over and 2× under are equally far). */
  readonly worst: number;
  /** The geometric mean: exp of the mean log ratio. */
  readonly geometricMean: number;
  readonly count: number;
}

/** The median, worst and geometric mean of estimate ÷ measured ratios (at least one). */
export function summarizeRatios(ratios: readonly number[]): RatioSummary {
  if (ratios.length === 0) throw new RangeError('summarizeRatios: no ratios');
  const logs = ratios.map(Math.log).sort((a, b) => a - b);
  const medianLog = medianOfSorted(logs);
  const worstLog = logs.reduce((far, log) => (Math.abs(log) > Math.abs(far) ? log : far));
  const meanLog = logs.reduce((sum, log) => sum + log, 0) / logs.length;
  return {
    median: Math.exp(medianLog),
    worst: Math.exp(worstLog),
    geometricMean: Math.exp(meanLog),
    count: ratios.length,
  };
}
