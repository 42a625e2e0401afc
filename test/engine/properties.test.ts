/** Properties of the engine over many generated inputs (fast-check). */
import fc from 'fast-check';
import {
  BUILT_IN_CATALOG,
  breakEvenMonths,
  builtInIndex,
  computeScenario,
  gpuCost,
  resolveScenario,
  roi,
  ruleHours,
} from '../../src/engine';

const index = builtInIndex();
const RUNS = { numRuns: 300 };

const examplesArb = fc.integer({ min: 1, max: 2000000 });
const sizeArb = fc.double({ min: 0.1, max: 2000, noNaN: true, noDefaultInfinity: true });
const methodArb = fc.constantFrom(...BUILT_IN_CATALOG.methods.map((row) => row.name));
const providerArb = fc.constantFrom(...BUILT_IN_CATALOG.providers.map((row) => row.name));
const moneyArb = fc.double({ min: 0, max: 100000, noNaN: true, noDefaultInfinity: true });

describe('training hours and cost', () => {
  it('grow with the number of examples', () => {
    fc.assert(
      fc.property(examplesArb, examplesArb, sizeArb, methodArb, (a, b, size, method) => {
        fc.pre(a !== b);
        const [fewer, more] = a < b ? [a, b] : [b, a];
        const scale = index.model('model', size).scale;
        const factor = index.method('method', method).timeFactor;
        expect(ruleHours(more, scale, factor)).toBeGreaterThan(ruleHours(fewer, scale, factor));
        expect(gpuCost(ruleHours(more, scale, factor), 2.49)).toBeGreaterThan(
          gpuCost(ruleHours(fewer, scale, factor), 2.49),
        );
      }),
      RUNS,
    );
  });

  it('grow with the model size', () => {
    fc.assert(
      fc.property(sizeArb, sizeArb, (a, b) => {
        fc.pre(Math.abs(a - b) > 1e-6 * Math.max(a, b));
        const [smaller, larger] = a < b ? [a, b] : [b, a];
        expect(index.scaleForSize(larger)).toBeGreaterThan(index.scaleForSize(smaller));
      }),
      RUNS,
    );
  });

  it('an interpolated size lies strictly between its neighbours', () => {
    const models = [...BUILT_IN_CATALOG.models].sort((a, b) => a.paramsBillions - b.paramsBillions);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: models.length - 2 }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        (segment, share) => {
          const low = models[segment];
          const high = models[segment + 1];
          const size = low.paramsBillions + share * (high.paramsBillions - low.paramsBillions);
          const scale = index.model('model', size).scale;
          expect(scale).toBeGreaterThan(low.scale);
          expect(scale).toBeLessThan(high.scale);
        },
      ),
      RUNS,
    );
  });

  it('interpolates 8B as exp(ln 1 + ln(8/7) × ln 2 / ln(13/7)) ≈ 1.1613', () => {
    // ln(8/7) = 0.1335314, ln 2 / ln(13/7) = 0.6931472 / 0.6190392 = 1.1197145;
    // exp(0.1335314 × 1.1197145) = exp(0.1495170) = 1.161273
    expect(index.model('model', 8).scale).toBeCloseTo(1.161273, 5);
    expect(index.model('model', '8B').scale).toBeCloseTo(1.161273, 5);
  });

  it('catalog sizes give exactly the article scale factors', () => {
    expect([7, 13, 70, 405].map((size) => index.scaleForSize(size))).toEqual([1, 2, 8, 50]);
  });

  it('extends the end segments beyond the catalog', () => {
    // Below 7B: the 7B-13B segment, slope 1.1197145: (3.5/7)^1.1197145 = exp(-0.6931472 × 1.1197145)
    // = exp(-0.7761273) = e^-0.75 × e^-0.0261273 = 0.4723666 × 0.9742111 = 0.460185
    expect(index.scaleForSize(3.5)).toBeCloseTo(0.460185, 5);
    // Above 405B: the 70B-405B segment, slope ln(50/8) / ln(405/70) = 1.8325815 / 1.7553918 = 1.0439729;
    // 50 × (810/405)^1.0439729 = 50 × 2 × exp(0.0439729 × 0.6931472) = 100 × 1.0309490 = 103.0949
    expect(index.scaleForSize(810)).toBeCloseTo(103.0949, 3);
  });
});

const scenarioArb = fc.record({
  model: fc.oneof(fc.constantFrom('Llama 7B', 'Llama 13B', 'Llama 70B', 'Llama 405B'), sizeArb),
  method: methodArb,
  examples: examplesArb,
  provider: providerArb,
  requestsPerMonth: fc.integer({ min: 0, max: 10000000 }),
  inputTokensPerRequest: fc.integer({ min: 0, max: 20000 }),
  outputTokensPerRequest: fc.integer({ min: 0, max: 5000 }),
  finetunedCostPerRequest: fc.double({ min: 0, max: 0.05, noNaN: true }),
  finetunedMonthlyHosting: moneyArb,
  dataCollectionCost: moneyArb,
  labelingHours: fc.double({ min: 0, max: 1000, noNaN: true }),
  experimentRuns: fc.integer({ min: 0, max: 20 }),
  hardwareCost: moneyArb,
  horizonMonths: fc.integer({ min: 1, max: 120 }),
});

describe('scenarios', () => {
  it('nothing that is a cost, an hour or a size is negative', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = computeScenario(resolveScenario(input, index), index);
        const costs = [
          ...Object.values(result.training),
          ...result.providers.flatMap((row) => [row.pricePerGpuHour, row.hours, row.cost]),
          ...result.matrix.hours.flat(),
          ...result.matrix.cost.flat(),
          ...result.methods.flatMap((row) => [
            row.hours,
            row.cost,
            row.memoryGb,
            row.computeBoundHours,
          ]),
          ...result.upfront.items.map((item) => item.amount),
          result.upfront.total,
          result.monthly.api,
          result.monthly.apiCostPerRequest,
          result.monthly.finetuned,
          ...result.timeline.flatMap((row) => [row.cumulativeApi, row.cumulativeFinetuned]),
        ];
        // One expect over all amounts (a few hundred per scenario): every one finite and >= 0.
        expect(costs.filter((amount) => !(Number.isFinite(amount) && amount >= 0))).toEqual([]);
        expect(result.timeline).toHaveLength(input.horizonMonths + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('break-even × monthly savings = up-front, and the ROI there is 0', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = computeScenario(resolveScenario(input, index), index);
        const { savings } = result.monthly;
        const upfront = result.upfront.total;
        if (savings > 0) {
          const breakEven = result.breakEvenMonths;
          expect(typeof breakEven).toBe('number');
          const months = breakEven as number;
          // Relative: amounts range over many orders of magnitude.
          expect(months * savings).toBeCloseTo(
            upfront,
            Math.max(0, 8 - Math.ceil(Math.log10(upfront + 1))),
          );
          expect(roi(upfront, savings, months) / Math.max(1, upfront)).toBeCloseTo(0, 8);
        } else {
          expect(result.breakEvenMonths).toBe('never');
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the timeline savings are the ROI of each month', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = computeScenario(resolveScenario(input, index), index);
        for (const row of result.timeline) {
          const expected = roi(result.upfront.total, result.monthly.savings, row.month);
          expect(row.savings).toBeCloseTo(expected, 4);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('breakEvenMonths: savings × months = up-front for any positive savings', () => {
    fc.assert(
      fc.property(
        moneyArb,
        fc.double({ min: 0.01, max: 100000, noNaN: true }),
        (upfront, savings) => {
          const months = breakEvenMonths(upfront, savings) as number;
          expect(months * savings).toBeCloseTo(upfront, 6);
          expect(roi(upfront, savings, months)).toBeCloseTo(0, 6);
        },
      ),
      RUNS,
    );
  });

  it('breakEvenMonths is "never" when savings are zero or negative', () => {
    fc.assert(
      fc.property(
        moneyArb,
        fc.double({ min: -100000, max: 0, noNaN: true }),
        (upfront, savings) => {
          expect(breakEvenMonths(upfront, savings)).toBe('never');
        },
      ),
      RUNS,
    );
  });
});
