/**
 * Issue 21's simulation (src/engine/simulation.ts): N seeded runs of the whole scenario model.
 * Expected values are worked out by hand beside each case. The default scenario (the article's
 * customer-support example) is the base: 0.0001 × 10,000 × 2 (13B) × 0.25 (LoRA) = 0.5 H100
 * hours × $2.49 (RunPod) = $1.245 of training, 40 h × $25 = $1,000 of labeling, so $1,001.245
 * up-front; 10,000 requests × (1,000/1,000 × $0.003 + 300/1,000 × $0.015) = $75 a month of
 * savings (the fine-tuned model costs 0 a request); NPV at 36 months, no growth or discount,
 * = 75 × 36 − 1,001.245 = 1,698.755.
 *
 * The drivers are drawn on a Latin hypercube: each driver's 10,000 draws fill its 10,000
 * equal-probability strata once, so the draws' percentiles are within 1/10,000 in probability
 * of the distribution's. Hence the tight tolerances.
 */
import {
  builtInIndex,
  calibratedHoursDistribution,
  DEFAULT_SCENARIO,
  HISTOGRAM_BINS,
  NEVER,
  percentileOfSorted,
  quantileOf,
  inputCells,
  ScenarioEvaluation,
  scenarioTables,
  simulateScenario,
  triangularSpread,
} from '../../src/engine';
import type { ScenarioField, ScenarioInput, SimulationOptions, Value } from '../../src/engine';
import { inputError } from '../support/input-error';

const index = builtInIndex();
const inputsOf = (changes: Partial<ScenarioInput> = {}): Record<ScenarioField, Value> =>
  inputCells({ ...DEFAULT_SCENARIO, ...changes });
const simulate = (changes: Partial<ScenarioInput> = {}, options: SimulationOptions = {}) =>
  simulateScenario(inputsOf(changes), index, options);
/** Every driver fixed but `labelingHours`, which is ±30% (triangular 0.7, 1, 1.3). */
const labelingOnly: SimulationOptions = {
  spread: 0,
  distributions: { labelingHours: triangularSpread(0.3) },
};
// The triangular (0.7, 1, 1.3) factor's 10% point: 0.7 + sqrt(0.1 × 0.6 × 0.3) = 0.7 +
// sqrt(0.018) = 0.8341641; its 90% point 1.3 − sqrt(0.018) = 1.1658359.
const LOW = 0.8341641;
const HIGH = 1.1658359;

describe('simulateScenario', () => {
  it('gives the same answer for the same seed, another for another seed', () => {
    const first = simulate({}, { runs: 2000, seed: 7 });
    expect(simulate({}, { runs: 2000, seed: 7 })).toEqual(first);
    expect(simulate({}, { runs: 2000, seed: 8 }).npv.p50).not.toBe(first.npv.p50);
  });

  it('with no spread every run is the scenario itself: P10 = P50 = P90 = its NPV and payback', () => {
    // Growth and a discount rate, so the NPV and the payback go through the whole model.
    const changes = { monthlyGrowthRate: 0.02, annualDiscountRate: 0.1, horizonMonths: 24 };
    const evaluation = new ScenarioEvaluation(inputsOf(changes), index, scenarioTables(index, 0));
    const result = simulate(changes, { spread: 0, runs: 500 });
    for (const p of ['p10', 'p50', 'p90'] as const) {
      expect(result.npv[p]).toBeCloseTo(evaluation.get('npv') as number, 9);
      expect(result.payback[p]).toBeCloseTo(evaluation.get('payback') as number, 9);
    }
    expect(result.histogram.map((bin) => bin.runs)).toEqual([500, ...new Array(19).fill(0)]);
  });

  it('a driver that enters linearly moves the NPV by its own percentiles (labeling hours)', () => {
    // NPV = 2,700 − 1.245 − 1,000 × f for the labeling factor f, falling as f grows: the P10
    // NPV is at f's 90% point. P10 = 2,698.755 − 1,165.836 = 1,532.919; P50 = 2,698.755 −
    // 1,000 = 1,698.755; P90 = 2,698.755 − 834.164 = 1,864.591. Payback = (1.245 + 1,000 f) ÷
    // 75: P10 (1.245 + 834.164) ÷ 75 = 11.1388, P90 (1.245 + 1,165.836) ÷ 75 = 15.5611.
    const result = simulate({}, labelingOnly);
    // Within 1/10,000 in probability: the factor's slope near its 10% and 90% points is
    // 0.18 ÷ (2 × sqrt(0.018)) = 0.67, so 0.67 ÷ 10,000 × $1,000 = $0.07 of NPV (0.1 allowed),
    // 0.07 ÷ 75 of a month of payback.
    const near = (actual: number | string, expected: number, tolerance: number): void =>
      expect(Math.abs((actual as number) - expected)).toBeLessThan(tolerance);
    near(result.npv.p10, 2698.755 - 1000 * HIGH, 0.1);
    near(result.npv.p50, 1698.755, 0.1);
    near(result.npv.p90, 2698.755 - 1000 * LOW, 0.1);
    near(result.payback.p10, (1.245 + 1000 * LOW) / 75, 0.1 / 75);
    near(result.payback.p90, (1.245 + 1000 * HIGH) / 75, 0.1 / 75);
  });

  it('training hours reach every use of the run: the final run, experiments and retrains', () => {
    // 3 experiment runs and a retrain every 6 months (no data refresh): with the hours × f,
    // a run costs 1.245 f, the up-front is 4 × 1.245 f + 1,000 and the savings 75 − 1.245 f ÷ 6.
    // NPV = 36 × (75 − 0.2075 f) − 1,000 − 4.98 f = 1,700 − 12.45 f: P10 at f's 90% point,
    // 1,700 − 12.45 × 1.1658359 = 1,685.4853; P90 1,700 − 12.45 × 0.8341641 = 1,689.6147. The
    // GPU price multiplies the same run cost, so it moves the NPV the same way.
    const changes = { experimentRuns: 3, retrainEveryMonths: 6 };
    for (const driver of ['trainingHours', 'gpuPrice'] as const) {
      const result = simulate(changes, {
        spread: 0,
        distributions: { [driver]: triangularSpread(0.3) },
      });
      expect(result.npv.p10).toBeCloseTo(1685.4853, 2);
      expect(result.npv.p90).toBeCloseTo(1689.6147, 2);
    }
  });

  it('two drivers multiplying: the API price and the volume (savings = 75 × a × r)', () => {
    // Only the request volume (r) and the API price (a) vary, ±30% each: the NPV is
    // 2,700 × a × r − 1,001.245. Its median is that of a × r; with both symmetric about 1 and
    // independent, P(a × r ≤ 1) is just under a half, so the median sits just under 1,698.755,
    // within the ±30% × ±30% product's reach: 2,700 × 0.49 − 1,001.245 = 321.755 to 2,700 ×
    // 1.69 − 1,001.245 = 3,561.755.
    const result = simulate(
      {},
      {
        spread: 0,
        distributions: { apiPrice: triangularSpread(0.3), requests: triangularSpread(0.3) },
      },
    );
    expect(result.npv.p50).toBeLessThan(1698.755);
    expect(result.npv.p50).toBeGreaterThan(1698.755 - 2700 * 0.02);
    expect(result.histogram[0].from).toBeGreaterThanOrEqual(321.755);
    expect(result.histogram[HISTOGRAM_BINS - 1].to).toBeLessThanOrEqual(3561.755);
  });

  it('the chance of payback: every run, no run, and the share a driver decides', () => {
    // 50,000 requests: the worst run saves 50,000 × 0.7 × 0.0075 × 0.7 = 183.75 a month
    // against at most 1.245 × 1.3 × 1.3 + 1,000 × 1.3 = 1,302.1 up-front: 7.1 months < 36.
    expect(simulate({ requestsPerMonth: 50000 }).paysBackWithinHorizon).toBe(1);
    // API at 0 and $0.001 a fine-tuned request: every run loses money each month.
    const never = simulate({
      apiInputPricePer1K: 0,
      apiOutputPricePer1K: 0,
      finetunedCostPerRequest: 0.001,
    });
    expect(never.paysBackWithinHorizon).toBe(0);
    expect(never.payback).toEqual({ p10: NEVER, p50: NEVER, p90: NEVER });
    // Labeling alone, 14-month horizon: pays back when (1.245 + 1,000 f) ÷ 75 ≤ 14, i.e. f ≤
    // 1.048755. P(f ≤ x) = 1 − (1.3 − x)² ÷ (0.6 × 0.3) above the mode: 1 − 0.251245² ÷ 0.18 =
    // 1 − 0.0631241 ÷ 0.18 = 0.649312.
    expect(simulate({ horizonMonths: 14 }, labelingOnly).paysBackWithinHorizon).toBeCloseTo(
      0.649312,
      3,
    );
  });

  it('the histogram has 20 bars from the lowest NPV to the highest, holding every run', () => {
    const result = simulate({}, { runs: 3000 });
    const bins = result.histogram;
    expect(bins).toHaveLength(HISTOGRAM_BINS);
    expect(bins.reduce((sum, bin) => sum + bin.runs, 0)).toBe(3000);
    for (let i = 1; i < bins.length; i++) expect(bins[i].from).toBeCloseTo(bins[i - 1].to, 9);
    expect(bins[0].from).toBeLessThanOrEqual(result.npv.p10);
    expect(bins[HISTOGRAM_BINS - 1].to).toBeGreaterThanOrEqual(result.npv.p90);
  });

  it('says which input or option is wrong', () => {
    expect(inputError(() => simulate({ examples: -5 })).message).toBe(
      'Training examples must be a positive number, got -5',
    );
    expect(inputError(() => simulate({}, { runs: 0 })).message).toBe(
      'runs must be a whole number from 1 to 100000, got 0',
    );
    expect(inputError(() => simulate({}, { runs: 2.5 })).argument).toBe('runs');
    expect(inputError(() => simulate({}, { seed: -1 })).message).toBe(
      'seed must be a whole number from 0 to 4294967295, got -1',
    );
    expect(inputError(() => simulate({}, { spread: 1 })).message).toBe(
      'spread must be from 0 to below 100%, got 1',
    );
  });
});

describe('the distributions and the percentiles', () => {
  it("a triangular factor's quantiles: the ends, the mode, and the 10% point", () => {
    const spread = triangularSpread(0.3);
    expect(quantileOf(spread, 0)).toBe(0.7);
    expect(quantileOf(spread, 0.5)).toBeCloseTo(1, 12);
    expect(quantileOf(spread, 1)).toBeCloseTo(1.3, 12);
    expect(quantileOf(spread, 0.1)).toBeCloseTo(LOW, 6);
  });

  it('a log-normal factor puts its P10 and P90 at the ratios given, its median between', () => {
    // A calibration's measured ÷ estimated ratios from 0.8 to 1.25: median sqrt(0.8 × 1.25) = 1.
    const hours = { kind: 'logNormal', p10: 0.8, p90: 1.25 } as const;
    expect(quantileOf(hours, 0.5)).toBeCloseTo(1, 9);
    // Winitzki's inverse of erf is within 0.2% of z: the ratios within 0.1%.
    expect(quantileOf(hours, 0.1) / 0.8).toBeCloseTo(1, 3);
    expect(quantileOf(hours, 0.9) / 1.25).toBeCloseTo(1, 3);
  });

  it('a calibration with 3 or more runs gives the hours its spread around the fitted factor', () => {
    // Ratios 0.9 to 1.6 around a factor of 1.2: the calibrated hours (× 1.2) vary by 0.9 ÷ 1.2
    // = 0.75 to 1.6 ÷ 1.2 = 1.3333 between their P10 and P90.
    const calibration = { runs: 3, factor: 1.2, minRatio: 0.9, maxRatio: 1.6 };
    expect(calibratedHoursDistribution(calibration)).toEqual({
      kind: 'logNormal',
      p10: 0.75,
      p90: 1.6 / 1.2,
    });
    // Fewer runs, or no runs (NaN ratios): the article's ±30% stays.
    expect(calibratedHoursDistribution({ ...calibration, runs: 2 })).toBeUndefined();
    expect(
      calibratedHoursDistribution({ runs: 0, factor: 1, minRatio: NaN, maxRatio: NaN }),
    ).toBeUndefined();
  });

  it("percentiles as Sheets' PERCENTILE: rank p × (n − 1), between neighbours linearly", () => {
    // [1, 2, 3, 4] at 10%: rank 0.3, 1 + 0.3 × (2 − 1) = 1.3; at 50%: rank 1.5, 2.5.
    const values = Float64Array.from([1, 2, 3, 4]);
    expect(percentileOfSorted(values, 0.1)).toBeCloseTo(1.3, 12);
    expect(percentileOfSorted(values, 0.5)).toBeCloseTo(2.5, 12);
    // A payback never reached is Infinity: a percentile that needs it is never too.
    expect(percentileOfSorted(Float64Array.from([1, Infinity]), 0.5)).toBe(Infinity);
    expect(percentileOfSorted(Float64Array.from([1, 2, Infinity]), 0.5)).toBe(2);
  });
});
