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
  BUILT_IN_CATALOG,
  builtInIndex,
  CASE_DRIVERS,
  CatalogIndex,
  DEFAULT_SCENARIO,
  HISTOGRAM_BINS,
  NEVER,
  percentileOfSorted,
  quantileOf,
  inputCells,
  ScenarioEvaluation,
  scenarioTables,
  simulateScenario,
  SIMULATION_DRIVERS,
  triangularSpread,
} from '../../src/engine';
import type {
  CaseValues,
  MeasuredRun,
  ScenarioField,
  ScenarioInput,
  SimulationOptions,
  Value,
} from '../../src/engine';
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
/** |actual − expected| below the tolerance. */
const near = (actual: number | string, expected: number, tolerance: number): void =>
  expect(Math.abs((actual as number) - expected)).toBeLessThan(tolerance);

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

describe('the drivers follow the cases table: triangular(lowest, first case, highest)', () => {
  it('every row of the cases table is a driver the simulation draws', () => {
    const drawn = SIMULATION_DRIVERS.flatMap((driver): readonly string[] => driver.cases);
    expect(CASE_DRIVERS.map((driver) => driver.field).filter((f) => !drawn.includes(f))).toEqual(
      [],
    );
  });

  it('labeling hours over cases 40 (blank: the input), 28 and 60 move P10/P50/P90 as a triangular does', () => {
    // Triangular(28, 40, 60): width 32, the mode at (40 − 28) ÷ 32 = 0.375 of the way. Its 10%
    // point 28 + sqrt(0.1 × 32 × 12) = 28 + sqrt(38.4) = 34.196773; 50%: 60 − sqrt(0.5 × 32 ×
    // 20) = 60 − sqrt(320) = 42.111456; 90%: 60 − sqrt(0.1 × 32 × 20) = 60 − 8 = 52. NPV =
    // 2,698.755 − $25 × hours, falling as they grow: P10 2,698.755 − 1,300 = 1,398.755; P50
    // 2,698.755 − 1,052.786 = 1,645.969; P90 2,698.755 − 854.919 = 1,843.836. (The ±30% would
    // give 28 to 52 around 40.) At the 90% point the density is 2 × 8 ÷ (32 × 20) = 0.025 an
    // hour: 1/10,000 of probability is 0.004 h, $0.1 of NPV (0.5 allowed).
    const result = simulate({}, { spread: 0, cases: { labelingHours: ['', 28, 60] } });
    near(result.npv.p10, 1398.755, 0.5);
    near(result.npv.p50, 1645.969, 0.5);
    near(result.npv.p90, 1843.836, 0.5);
    expect(result.drivers.find((d) => d.key === 'labelingHours')?.from).toBe('cases');
  });

  it('a growth of 0 with cases −2% and +3% varies (a factor on 0 cannot)', () => {
    // No cases: ±30% of 0 is 0, every run is the scenario (NPV 1,698.755).
    const none = simulate({}, { runs: 500 });
    expect(none.drivers.find((d) => d.key === 'growth')?.from).toBe('spread');
    const fixed = simulate({}, { spread: 0, runs: 500 });
    expect([fixed.npv.p10, fixed.npv.p90]).toEqual([fixed.npv.p50, fixed.npv.p50]);
    // Triangular(−2%, 0, 3%): 10% point −0.02 + sqrt(0.1 × 0.05 × 0.02) = −0.01; 50% point
    // 0.03 − sqrt(0.5 × 0.05 × 0.03) = 0.0026139; 90% point 0.03 − sqrt(0.1 × 0.05 × 0.03) =
    // 0.0177526. NPV = 75 × ((1 + g)^36 − 1) ÷ g − 1,001.245: at g = −1%, 75 × (1 − 0.99^36) ÷
    // 0.01 = 75 × (1 − 0.6964132) ÷ 0.01 = 2,276.901, NPV 1,275.656; at 0.0026139, (1 + g)^36 =
    // 1.0985347, 75 × 0.0985347 ÷ 0.0026139 = 2,827.24, NPV 1,826.0; at 0.0177526, (1 + g)^36 =
    // 1.8850, 75 × 0.8850 ÷ 0.0177526 = 3,735.4, NPV 2,734.1. Within $1: the NPV moves about
    // $38,000 per unit of growth, and 1/10,000 of probability is 5e-6 of growth there.
    const result = simulate({}, { spread: 0, cases: { monthlyGrowthRate: ['', 0.03, -0.02] } });
    near(result.npv.p10, 1275.656, 1);
    near(result.npv.p50, 1826.0, 1);
    near(result.npv.p90, 2734.1, 1);
  });

  it('the two API prices move together: one draw, each over its own cases', () => {
    // Input $0.002 to $0.004 around 0.003, output $0.010 to $0.020 around 0.015, both
    // symmetric: the median run is the scenario (NPV 1,698.755). At the same 10% point both
    // are low: 0.002 + sqrt(0.1 × 0.002 × 0.001) = 0.0024472 and 0.01 + sqrt(0.1 × 0.01 ×
    // 0.005) = 0.0122361, saving 10,000 × (0.0024472 + 0.3 × 0.0122361) = $61.1803 a month,
    // NPV 36 × 61.1803 − 1,001.245 = 1,201.247; at the 90% point 0.0035528 and 0.0177639,
    // $88.8197, NPV 2,196.263. Drawn apart, the P10 and P90 would sit closer to the median.
    const cases: CaseValues = {
      apiInputPricePer1K: ['', 0.004, 0.002],
      apiOutputPricePer1K: ['', 0.02, 0.01],
    };
    const result = simulate({}, { spread: 0, cases });
    near(result.npv.p10, 1201.247, 0.5);
    near(result.npv.p50, 1698.755, 0.5);
    near(result.npv.p90, 2196.263, 0.5);
  });

  it('a driver with no case value keeps the spread; the others theirs', () => {
    const result = simulate({}, { runs: 200, cases: { requestsPerMonth: ['', '', ''] } });
    expect(Object.fromEntries(result.drivers.map((d) => [d.key, d.from]))).toEqual({
      trainingHours: 'spread',
      gpuPrice: 'spread',
      requests: 'spread',
      growth: 'spread',
      apiPrice: 'spread',
      labelingHours: 'spread',
      discountRate: 'spread',
    });
  });
});

describe('training hours calibrated on measured runs: log-normal from their spread', () => {
  // The default scenario with 1,000,000 examples of 500 tokens (5e8 tokens) on RunPod's H100,
  // LoRA. A run of T tokens on one H100, LoRA, 13B is estimated at 4 × 13e9 × T ÷ (989e12 ×
  // 0.35 × 3600) = 4.1728859e-8 × T GPU-hours at the default MFU; runs measured at 0.8, 1 and
  // 1.25 times that fit a factor of exp((ln 0.8 + 0 + ln 1.25) ÷ 3) = 1, their spread x0.8 to
  // x1.25 around it.
  const perToken = (4 * 13e9) / (989e12 * 0.35 * 3600);
  const runOf = (ratio: number): MeasuredRun => {
    const tokens = 1e8;
    return {
      cells: {
        ...{ model: 'Llama 13B', method: 'LoRA', gpu: 'H100', tokens, examples: '' },
        ...{ tokensPerExample: '', epochs: '', gpus: 1, hours: ratio * perToken * tokens },
      },
      date: '2026-11-01',
      note: '',
    };
  };
  const big = { examples: 1000000 };
  const withRuns = (ratios: readonly number[]): CatalogIndex =>
    new CatalogIndex(BUILT_IN_CATALOG, [], undefined, ratios.map(runOf));

  it('3 runs: the hours P10 and P90 are the lowest and highest ratio, so the NPV moves by them', () => {
    const runs = withRuns([0.8, 1, 1.25]);
    const evaluation = new ScenarioEvaluation(inputsOf(big), runs, scenarioTables(runs, 0));
    expect(evaluation.get('hoursSource')).toBe('calibrated');
    // The run cost C = hours × price (no experiments or retrains), linear in the hours: the
    // P10 NPV is at the hours' P90 (x1.25): NPV − 0.25 C; the P90 NPV at x0.8: NPV + 0.2 C.
    // Winitzki's quantile is within 0.2% of z, so the ratios within about 0.1%: 0.002 C allowed.
    const cost = evaluation.get('trainingCost') as number;
    const npv = evaluation.get('npv') as number;
    expect(cost).toBeGreaterThan(40);
    const result = simulateScenario(inputsOf(big), runs, { spread: 0 });
    expect(result.drivers[0]).toMatchObject({ key: 'trainingHours', from: 'runs' });
    expect(result.calibrationRuns).toBe(3);
    near(result.npv.p10, npv - 0.25 * cost, 0.002 * cost);
    near(result.npv.p90, npv + 0.2 * cost, 0.002 * cost);
    // Its median: exp((ln 0.8 + ln 1.25) ÷ 2) = 1, the calibrated hours themselves.
    near(result.npv.p50, npv, 0.002 * cost);
  });

  it('2 runs: the hours keep the spread (the band needs 3)', () => {
    const result = simulateScenario(inputsOf(big), withRuns([0.8, 1.25]), { runs: 200 });
    expect(result.drivers[0].from).toBe('spread');
    expect(result.calibrationRuns).toBe(0);
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
