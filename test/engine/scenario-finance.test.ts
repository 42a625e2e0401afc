// Issue 14's scenario metrics, written once in the scenario model (src/engine/scenario-model.ts)
// and checked against hand arithmetic and against the views behind FT_NPV and FT_PAYBACK
// (src/engine/views.ts), which evaluate the same definitions with the functions' arguments.
import fc from 'fast-check';
import {
  builtInIndex,
  computeScenario,
  npv,
  paybackMonths,
  resolveScenario,
} from '../../src/engine';
import type { ScenarioResult } from '../../src/engine';

const index = builtInIndex();
/** The article's managed service (OpenAI GPT-4 at $25 per 1M tokens, every size and method). */
const ARTICLE_SERVICE = 'OpenAI GPT-4 fine-tuning';
const run = (input: Record<string, unknown>): ScenarioResult =>
  computeScenario(resolveScenario(input, index), index);

describe('money over time in the scenario', () => {
  test('growth 0 and rate 0: NPV is the ROI at the horizon, discounted payback the break-even', () => {
    fc.assert(
      fc.property(
        fc.record({
          examples: fc.integer({ min: 1, max: 500000 }),
          requestsPerMonth: fc.integer({ min: 0, max: 2000000 }),
          labelingHours: fc.integer({ min: 0, max: 400 }),
          finetunedMonthlyHosting: fc.integer({ min: 0, max: 3000 }),
          horizonMonths: fc.integer({ min: 1, max: 600 }),
        }),
        (input) => {
          const result = run(input);
          const tolerance = 1e-9 * Math.max(1, Math.abs(result.roi.horizon), result.upfront.total);
          expect(Math.abs(result.finance.npv - result.roi.horizon)).toBeLessThanOrEqual(tolerance);
          const breakEven = result.breakEvenMonths;
          const payback = result.finance.discountedPaybackMonths;
          if (breakEven === 'never') expect(payback).toBe('never');
          else if (breakEven > input.horizonMonths) expect(payback).toBe('beyond the horizon');
          else expect(payback as number).toBeCloseTo(breakEven, 9);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("the article's support bot at 5% monthly growth and 10% a year: as FT_NPV and FT_PAYBACK", () => {
    // Up-front 1,001.245 (0.5 h × $2.49 + 40 h × $25), savings $75 in month 1, 36 months.
    // NPV = −1,001.245 + Σ_{m=1..36} 75 × 1.05^(m−1) / 1.1^(m/12) (FT_NPV's closed form).
    const result = run({ monthlyGrowthRate: 0.05, annualDiscountRate: 0.1 });
    const expected = npv(1001.245, 75, 36, 0.05, 0.1);
    expect(result.finance.npv).toBeCloseTo(expected, 6);
    // Month 1 saves 75 / 1.1^(1/12) = 74.40; after 10 months about 930 are back, month 11
    // adds about 112, so payback falls inside month 11: 10.90 (README's worked example).
    expect(result.finance.discountedPaybackMonths as number).toBeCloseTo(
      paybackMonths(1001.245, 75, 0.05, 0.1) as number,
      9,
    );
    expect(result.finance.discountedPaybackMonths as number).toBeGreaterThan(10);
    expect(result.finance.discountedPaybackMonths as number).toBeLessThan(11);
  });

  test('a cost of money lengthens payback; growth shortens it', () => {
    const flat = run({}).finance.discountedPaybackMonths as number;
    expect(
      run({ annualDiscountRate: 0.2 }).finance.discountedPaybackMonths as number,
    ).toBeGreaterThan(flat);
    expect(run({ monthlyGrowthRate: 0.02 }).finance.discountedPaybackMonths as number).toBeLessThan(
      flat,
    );
  });
});

describe('GPUs, the article’s ±30% and the volume that pays', () => {
  test('a 70B full fine-tune needs 17 H100s: 70 × 16 B × 1.2 = 1,344 GB over 80 GB each', () => {
    const result = run({ model: 'Llama 70B', method: 'full', provider: 'AWS spot' });
    expect(result.training.memoryGb).toBeCloseTo(1344, 9);
    expect(result.finance.gpusNeeded).toBe(17);
    // 0.0001 × 10,000 × 8 = 8 GPU-hours; on 17 GPUs 8 / 17 = 0.47 hours on the clock.
    expect(result.finance.wallClockHours).toBeCloseTo(8 / 17, 12);
    expect(result.verdict.text).toContain(
      'Training needs 17 GPUs (1344 GB of memory): 0.5 hours on the clock.',
    );
    // LoRA on 13B fits one: 13 × (2 + 0.01 × 16) × 1.2 = 33.7 GB.
    expect(run({}).finance.gpusNeeded).toBe(1);
    expect(run({}).verdict.text).not.toContain('GPUs');
  });

  test('training cost low and high at ±30%, and the break-even range they give', () => {
    const result = run({ experimentRuns: 1 });
    // 0.5 h × $2.49 = $1.245 a run; two runs (final + 1 experiment) = $2.49 of GPU time.
    expect(result.finance.trainingCostLow).toBeCloseTo(1.245 * 0.7, 12);
    expect(result.finance.trainingCostHigh).toBeCloseTo(1.245 * 1.3, 12);
    // Up-front 1,002.49; ±30% of the $2.49 GPU part: 1,001.743 and 1,003.237, over $75.
    expect(result.finance.breakEvenMonthsLow as number).toBeCloseTo((1002.49 - 0.747) / 75, 9);
    expect(result.finance.breakEvenMonthsHigh as number).toBeCloseTo((1002.49 + 0.747) / 75, 9);
  });

  test('requests a month to break even within the horizon', () => {
    // (1,001.245 / 36 + $0 hosting) / ($0.0075 API − $0 fine-tuned per request) = 3,708.3.
    expect(run({}).finance.breakEvenRequestsPerMonth as number).toBeCloseTo(
      1001.245 / 36 / 0.0075,
      6,
    );
    // Inference as dear as the API: no volume pays.
    expect(run({ finetunedCostPerRequest: 0.0075 }).finance.breakEvenRequestsPerMonth).toBe(
      'never',
    );
  });

  test('a discount or growth rate at or below -100% is refused with the engine’s words', () => {
    expect(() => run({ annualDiscountRate: -1 })).toThrow(
      'annualDiscountRate must be a rate above -100% (e.g. 5% or 0.05), got -1',
    );
    expect(() => run({ monthlyGrowthRate: -1.5 })).toThrow(/monthlyGrowthRate must be a rate/);
  });
});

describe('the managed path (the article’s OpenAI fine-tuning)', () => {
  test('10K examples × 500 tokens = 5M training tokens × $25 per 1M = $125', () => {
    const { finance } = run({ managedService: ARTICLE_SERVICE });
    expect(finance.managedTrainingCost).toBeCloseTo(125, 12);
    // Its fine-tuned GPT-4 at $0.03 / $0.06 per 1K: 10,000 × (1 × 0.03 + 0.3 × 0.06) = $480.
    expect(finance.managedMonthlyCost).toBeCloseTo(480, 9);
    // Dearer each month than Claude's $75: it never pays back against the API.
    expect(finance.managedBreakEvenMonths).toBe('never');
  });

  test('against a dear API it breaks even on its own up-front cost', () => {
    // The API at $0.1 / $0.2 per 1K: 10,000 × (0.1 + 0.06) = $1,600 a month. Up-front: $125
    // of training + the $1,000 of labeling (no GPU run, no hardware) = $1,125; $1,600 − $480
    // = $1,120 a month saved: 1,125 / 1,120 months.
    const { finance } = run({
      apiInputPricePer1K: 0.1,
      apiOutputPricePer1K: 0.2,
      managedService: ARTICLE_SERVICE,
    });
    expect(finance.managedBreakEvenMonths as number).toBeCloseTo(1125 / 1120, 9);
  });

  test('the default, Fireworks, prices Llama 13B LoRA in its up-to-16B bracket', () => {
    const { finance } = run({});
    // 10,000 × 500 × 1 epoch = 5M tokens × $0.50 per 1M = $2.50.
    expect(finance.managedTrainingCost).toBeCloseTo(2.5, 12);
    // Served at $0.20 per 1M in and out: 10,000 × (1,000 + 300) / 1M × 0.20 = $2.60 a month.
    expect(finance.managedMonthlyCost).toBeCloseTo(2.6, 12);
  });

  test('a service with no price for the model size and method leaves the managed path blank', () => {
    // Fireworks' full fine-tuning is priced up to 16B only: the rest of the scenario stands.
    const result = run({ model: 'Llama 70B', method: 'full' });
    expect(result.finance.managedTrainingCost).toBeNull();
    expect(result.finance.managedMonthlyCost).toBeNull();
    expect(result.finance.managedBreakEvenMonths).toBeNull();
    expect(result.timeline.every((row) => row.cumulativeManaged === null)).toBe(true);
    // 0.0001 × 10,000 × 8 = 8 H100 hours at RunPod's $2.49.
    expect(result.training.gpuCost).toBeCloseTo(8 * 2.49, 9);
  });

  test('an unknown service is refused by name', () => {
    expect(() => run({ managedService: 'Anthropic' })).toThrow(
      /managedService 'Anthropic' is not in the FT Catalog sheet or the built-in catalog/,
    );
  });
});

describe('recurring costs the article leaves out', () => {
  test('monitoring hours and a retrain every few months add to the fine-tuned monthly cost', () => {
    // 4 h of monitoring × $50 = $200 a month; a retrain every 6 months costs one run ($1.245)
    // and a $300 data refresh: 301.245 / 6 = $50.2075 a month. Total $250.2075.
    const result = run({ monitoringHoursPerMonth: 4, retrainEveryMonths: 6, dataRefreshCost: 300 });
    expect(result.monthly.finetuned).toBeCloseTo(200 + 301.245 / 6, 9);
    // Savings 75 − 250.21 < 0: it never pays back.
    expect(result.breakEvenMonths).toBe('never');
    // 0 means never: no retraining cost at all.
    expect(run({ retrainEveryMonths: 0, dataRefreshCost: 300 }).monthly.finetuned).toBe(0);
  });
});

describe('sensitivity: each driver 30% down and up (the article’s ±30%)', () => {
  // Defaults, rates 0, 36 months: NPV = 75 × 36 − 1,001.245 = 1,698.755.
  const rows = (
    input: Record<string, unknown> = {},
  ): Record<string, ScenarioResult['finance']['sensitivity'][number]> =>
    Object.fromEntries(run(input).finance.sensitivity.map((row) => [row.key, row]));

  test('each row moves the way its driver says (hand arithmetic)', () => {
    const byKey = rows();
    // Requests ±30%: savings 75 ± 22.5 (10,000 × 0.3 × $0.0075).
    expect(byKey.requests.npvHigh).toBeCloseTo(97.5 * 36 - 1001.245, 6);
    expect(byKey.requests.npvLow).toBeCloseTo(52.5 * 36 - 1001.245, 6);
    // API price ±30%: the $75 API bill ± $22.5, the same here (no inference cost).
    expect(byKey.apiPrice.npvHigh).toBeCloseTo(97.5 * 36 - 1001.245, 6);
    // Training hours ±30%: up-front ± 0.3 × $1.245 (one run); more hours, less NPV.
    expect(byKey.trainingHours.npvHigh).toBeCloseTo(1698.755 - 0.3735, 6);
    expect(byKey.trainingHours.npvLow).toBeCloseTo(1698.755 + 0.3735, 6);
    // Labeling hours ±30%: up-front ± 0.3 × $1,000; break-even (1,001.245 + 300) / 75.
    expect(byKey.labelingHours.npvHigh).toBeCloseTo(1698.755 - 300, 6);
    expect(byKey.labelingHours.breakEvenHigh as number).toBeCloseTo(1301.245 / 75, 9);
    // Growth and discount rate are 0: 30% of 0 moves nothing.
    expect(byKey.growth.swing).toBeCloseTo(0, 9);
    expect(byKey.discount.swing).toBeCloseTo(0, 9);
    // Sorted by swing: requests and API price (1,620 each) first, then labeling (600).
    const order = run({}).finance.sensitivity.map((row) => row.key);
    expect(order.slice(0, 2).sort()).toEqual(['apiPrice', 'requests']);
    expect(order[2]).toBe('labelingHours');
  });

  test('a discount rate up lowers the NPV; growth up raises it; growth and rate 0 give the flat NPV', () => {
    const byKey = rows({ monthlyGrowthRate: 0.02, annualDiscountRate: 0.1 });
    expect(byKey.discount.npvHigh).toBeLessThan(byKey.discount.npvLow as number);
    expect(byKey.growth.npvHigh).toBeGreaterThan(byKey.growth.npvLow as number);
    // The closed form at the scenario's own rates is the timeline's NPV.
    const base = run({ monthlyGrowthRate: 0.02, annualDiscountRate: 0.1 }).finance.npv;
    expect(byKey.labelingHours.npvLow).toBeGreaterThan(base); // less labeling, more NPV
    const { npvLow, npvHigh } = byKey.requests;
    expect(((npvLow as number) + (npvHigh as number)) / 2).toBeCloseTo(base, 6);
  });

  test('training hours move as the scenario estimates them (compute-bound here, not the rule)', () => {
    const result = run({ hoursFrom: 'compute-bound' });
    const cost = result.training.gpuCost;
    // The rule's run costs $1.245; the compute-bound one differs, and it is what moves.
    expect(Math.abs(cost - 1.245)).toBeGreaterThan(0.01);
    const hours = Object.fromEntries(result.finance.sensitivity.map((row) => [row.key, row]));
    // No experiment runs, no retraining: the up-front moves by 0.3 x that run's cost.
    expect(hours.trainingHours.npvHigh).toBeCloseTo(result.finance.npv - 0.3 * cost, 9);
    expect(hours.trainingHours.npvLow).toBeCloseTo(result.finance.npv + 0.3 * cost, 9);
  });

  test('a driver whose moved value is not a valid input shows blank, its swing too, listed last', () => {
    // Growth -80% a month moved 30% up is -104%: below -100%, so that end has no NPV.
    const result = run({ monthlyGrowthRate: -0.8 });
    const growth = result.finance.sensitivity.find((row) => row.key === 'growth');
    expect(growth?.npvHigh).toBe('');
    expect(growth?.breakEvenHigh).toBe('');
    expect(growth?.swing).toBe('');
    expect(typeof growth?.npvLow).toBe('number'); // -56% is valid
    expect(result.finance.sensitivity[result.finance.sensitivity.length - 1].key).toBe('growth');
  });
});

test('a growth that makes the volume explode over the horizon is named, not a wrong input', () => {
  // 300% a month for 600 months: 4^600 ≈ 1e361, past the largest number (1.8e308).
  expect(() => run({ monthlyGrowthRate: 3, horizonMonths: 600 })).toThrow(
    'monthlyGrowthRate of 300% a month over 600 months grows the volume past what can be computed; lower the growth or the horizon',
  );
});

describe('what it takes (issue 21: goal seek in closed form)', () => {
  test('defaults: 11,125 requests a month pay back in 12 months; $2,700 is the most up-front 36 months repay', () => {
    const finance = run({}).finance;
    // Up-front 1,001.245 over 12 flat months: 83.437083 a month; each request saves $0.0075
    // (no inference cost, no hosting): 83.437083 ÷ 0.0075 = 11,124.94 requests a month.
    expect(finance.requestsFor12MonthPayback as number).toBeCloseTo(11124.94, 2);
    // Savings are 0 where the API costs what the fine-tuned model does: $0 a request here.
    expect(finance.apiCostPerRequestFloor).toBe(0);
    // $75 a month for 36 months, flat: 2,700.
    expect(finance.maxUpfront).toBeCloseTo(2700, 9);
  });

  test('with inference cost, hosting, growth and a cost of money', () => {
    const finance = run({
      finetunedCostPerRequest: 0.001,
      finetunedMonthlyHosting: 100,
      monthlyGrowthRate: 0.05,
      annualDiscountRate: 0.1,
    }).finance;
    // Floor: 0.001 + 100 ÷ 10,000 requests = $0.011 a request.
    expect(finance.apiCostPerRequestFloor as number).toBeCloseTo(0.011, 12);
    // v = 1.1^(−1/12) = 0.9920889, q = 1.05 × v = 1.0416934: 12 months of a first saving of 1
    // are worth v × (q^12 − 1) ÷ (q − 1) = 0.9920889 × 0.6325987 ÷ 0.0416934 = 15.05270.
    // 1,001.245 ÷ 15.05270 = 66.5160 a month, + $100 hosting = 166.5160, ÷ (0.0075 − 0.001)
    // = 25,617.8 requests a month.
    expect(finance.requestsFor12MonthPayback as number).toBeCloseTo(25617.8, 0);
    // Savings 10,000 × 0.0065 − 100 = −35 a month: nothing up-front pays back.
    expect(finance.maxUpfront).toBe(0);
  });

  test('the most up-front is the NPV plus the up-front: NPV 0 at the horizon', () => {
    // README's worked example: 5% growth, 10% a year, 36 months: the savings are worth 5,981.10.
    const result = run({ monthlyGrowthRate: 0.05, annualDiscountRate: 0.1 });
    expect(result.finance.maxUpfront).toBeCloseTo(5981.1, 1);
    expect(result.finance.maxUpfront).toBeCloseTo(result.finance.npv + result.upfront.total, 6);
  });
});
