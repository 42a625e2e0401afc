/**
 * Money over time and uncertainty (issue 14), as the scenario model defines them (the views
 * in src/engine/views.ts evaluate its definitions). Every expected value is worked out by hand
 * beside it; v stands for one month's discount factor 1.1^(−1/12) at a 10% annual rate:
 * ln 1.1 = 0.0953102, ÷ 12 = 0.0079425, e^−0.0079425 = 0.9920889.
 */
import fc from 'fast-check';
import {
  apiCostPerRequest,
  apiMonthlyCost,
  bindingName,
  breakEvenMonths,
  builtInIndex,
  gpusNeeded,
  managedTrainingCost,
  memoryGb,
  modelView,
  NEVER,
  npv,
  paybackMonths,
  resolveManaged,
  roi,
  trainingTokens,
} from '../../src/engine';
import { inputError } from '../support/input-error';

const index = builtInIndex();

describe('npv', () => {
  it('FT_NPV(1000, 50, 36, 0, 10%) is 559.32', () => {
    // Σ_{m=1..36} 50 × v^m = 50 × v × (1 − v^36) ÷ (1 − v); v^36 = 1.1^−3 = 1 ÷ 1.331 = 0.7513148,
    // v ÷ (1 − v) = 0.9920889 ÷ 0.0079111 = 125.4054, so 50 × 125.4054 × 0.2486852 = 1,559.32;
    // minus the up-front 1,000: 559.32.
    expect(npv(1000, 50, 36, 0, 0.1)).toBeCloseTo(559.32, 2);
  });

  it('grows the savings month by month', () => {
    // 100 + 100 × 1.1 + 100 × 1.1² = 100 + 110 + 121 = 331, minus 31 up-front: 300.
    expect(npv(31, 100, 3, 0.1, 0)).toBeCloseTo(300, 9);
  });

  it('growth and discount that cancel leave each month at savings ÷ one month of discount', () => {
    // (1 + rate)^(1/12) = 1.1 when rate = 1.1^12 − 1; month m is 110 × 1.1^(m−1) ÷ 1.1^m = 100.
    expect(npv(0, 110, 5, 0.1, Math.pow(1.1, 12) - 1)).toBeCloseTo(500, 9);
  });

  it('is −upfront after 0 months, and roi with no growth and no discount', () => {
    expect(npv(1000, 50, 0, 0.05, 0.1)).toBe(-1000);
    // 50 × 36 − 1,001.25 = 798.75 (FT_ROI's example).
    expect(npv(1001.25, 50, 36)).toBe(798.75);
  });

  it("the article's support bot at 5% growth and a 10% discount rate: 4,979.85 at 36 months", () => {
    // q = 1.05 × v = 1.0416934; q^36 = 4.3514772; first month 75 × v = 74.40667;
    // Σ = 74.40667 × (4.3514772 − 1) ÷ 0.0416934 = 74.40667 × 80.38390 = 5,981.10;
    // minus 1,001.245 up-front (docs/seed-audit.md): 4,979.85.
    expect(npv(1001.245, 75, 36, 0.05, 0.1)).toBeCloseTo(4979.85, 2);
  });

  it('a growth that makes volume explode past 600 months is too large (FT_NPV names monthly_growth)', () => {
    // 4^600 = 2^1200 ≈ 1e361, beyond the largest double (about 1.8e308): the power is #NUM!.
    expect(npv(1000, 50, 600, 3)).toBe(Infinity);
    // The same growth over 12 months is fine: 50 × (4^12 − 1) ÷ 3 = 50 × 5,592,405 = 279,620,250.
    expect(npv(0, 50, 12, 3)).toBeCloseTo(279620250, 3);
  });
});

describe('paybackMonths', () => {
  it('FT_PAYBACK(1000, 50, 2%) is 16.99', () => {
    // Cumulative after k months: 50 × (1.02^k − 1) ÷ 0.02 = 2,500 × (1.02^k − 1).
    // k = 16: 2,500 × 0.3727857 = 931.96; k = 17: 2,500 × 0.4002414 = 1,000.60 ≥ 1,000.
    // Month 17 saves 50 × 1.02^16 = 68.639: 16 + (1,000 − 931.96) ÷ 68.639 = 16 + 0.9913 = 16.99.
    expect(paybackMonths(1000, 50, 0.02)).toBeCloseTo(16.99, 2);
  });

  it('discounting alone makes it later than upfront ÷ savings', () => {
    // Month m saves 50 × v^m. After 21: 50 × v × (1 − v^21) ÷ (1 − v) = 963.27 (v^21 = 0.846394);
    // month 22 saves 50 × v^22 = 41.984: 21 + (1,000 − 963.27) ÷ 41.984 = 21.875 (not 20).
    expect(paybackMonths(1000, 50, 0, 0.1)).toBeCloseTo(21.875, 3);
  });

  it("the article's support bot at 5% growth and 10% discount pays back in 10.90 months", () => {
    // q^10 = 1.5045239; after 10 months 74.40667 × 0.5045239 ÷ 0.0416934 = 900.38;
    // month 11 saves 74.40667 × q^10 = 111.947: 10 + (1,001.245 − 900.38) ÷ 111.947 = 10.90.
    expect(paybackMonths(1001.245, 75, 0.05, 0.1)).toBeCloseTo(10.901, 3);
  });

  it('is upfront ÷ savings with no growth and no discount, however far', () => {
    expect(paybackMonths(1000, 50)).toBe(20);
    expect(paybackMonths(1e6, 1)).toBe(1e6);
  });

  it('is 0 for a zero up-front with positive savings, never without savings', () => {
    expect(paybackMonths(0, 50, 0.02)).toBe(0);
    expect(paybackMonths(1000, -5, 0.02)).toBe(NEVER);
    expect(paybackMonths(1000, 0)).toBe(NEVER);
    // As FT_BREAKEVEN: nothing saved, so nothing is ever paid back, even a zero up-front.
    expect(paybackMonths(0, 0, 0.02, 0.1)).toBe(NEVER);
  });

  it('is never when the discounted savings converge below the up-front', () => {
    // Σ_{m≥1} 1 × v^m = v ÷ (1 − v) = 125.4 < 1,000; halving savings sum to 50 ÷ 0.5 = 100 < 1,000.
    expect(paybackMonths(1000, 1, 0, 0.1)).toBe(NEVER);
    expect(paybackMonths(1000, 50, -0.5)).toBe(NEVER);
  });

  it('is never past 1,200 months (100 years), however it would end', () => {
    // 1 × 1.001^(m−1) a month: the sum reaches 2,000 when 1.001^n = 3, n = ln 3 ÷ ln 1.001 = 1,099.2
    // months; 3,000 needs 1.001^n = 4, n = 1,386.9 > 1,200.
    expect(paybackMonths(2000, 1, 0.001)).toBeCloseTo(1099.17, 1);
    expect(paybackMonths(3000, 1, 0.001)).toBe(NEVER);
  });
});

/** The definitions' meaning, month by month: −up-front, then each month's grown, discounted saving. */
function cumulativeByMonth(
  upfront: number,
  saved: number,
  growth: number,
  rate: number,
  months: number,
): number[] {
  const values = [-upfront];
  for (let month = 1; month <= months; month++) {
    const saving = (saved * Math.pow(1 + growth, month - 1)) / Math.pow(1 + rate, month / 12);
    values.push(values[month - 1] + saving);
  }
  return values;
}

describe('properties', () => {
  it('the closed forms are the month-by-month sums: NPV at each month, payback in its month', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        fc.double({ min: -0.05, max: 0.1, noNaN: true }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        (upfront, saved, g, r) => {
          const months = 120;
          const byMonth = cumulativeByMonth(upfront, saved, g, r, months);
          // The closed form (q^n − 1) ÷ (q − 1), as a sheet can write it (no EXPM1), loses digits
          // when q is within about 1e-10 of 1: about 1e-9 of the amount then, a cent in $10M.
          const scale = 1e-8 * Math.max(upfront, Math.abs(byMonth[months]), saved * months);
          for (const month of [0, 1, 7, 36, months]) {
            expect(Math.abs(npv(upfront, saved, month, g, r) - byMonth[month])).toBeLessThanOrEqual(
              scale,
            );
          }
          // Payback by the loop: the first month k whose total reaches 0, inside it linearly.
          const k = byMonth.findIndex((value) => value >= 0);
          const payback = paybackMonths(upfront, saved, g, r);
          if (k < 0) {
            if (payback !== NEVER) expect(payback).toBeGreaterThan(months - 1e-6);
            return;
          }
          const expected = k - 1 + -byMonth[k - 1] / (byMonth[k] - byMonth[k - 1]);
          expect(payback as number).toBeCloseTo(expected, 6);
        },
      ),
      { numRuns: 300 },
    );
  });

  const money = fc.double({ min: 0, max: 1e6, noNaN: true, noDefaultInfinity: true });
  const savings = fc.double({ min: -1e4, max: 1e4, noNaN: true, noDefaultInfinity: true });
  const months = fc.integer({ min: 0, max: 600 });

  it('growth 0 and rate 0 reproduce break-even and ROI exactly', () => {
    fc.assert(
      fc.property(money, savings, months, (upfront, saved, horizon) => {
        expect(npv(upfront, saved, horizon, 0, 0)).toBe(roi(upfront, saved, horizon));
        expect(paybackMonths(upfront, saved, 0, 0)).toBe(breakEvenMonths(upfront, saved));
      }),
      { numRuns: 500 },
    );
  });

  it('NPV crosses zero inside the payback month', () => {
    const rate = fc.double({ min: 0, max: 0.5, noNaN: true });
    const growth = fc.double({ min: -0.05, max: 0.1, noNaN: true });
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e5, noNaN: true }),
        fc.double({ min: 1, max: 1e4, noNaN: true }),
        growth,
        rate,
        (upfront, saved, g, r) => {
          const payback = paybackMonths(upfront, saved, g, r);
          fc.pre(payback !== NEVER && payback > 0);
          const month = payback as number;
          const tolerance = 1e-9 * upfront;
          expect(npv(upfront, saved, Math.floor(month), g, r)).toBeLessThanOrEqual(tolerance);
          expect(npv(upfront, saved, Math.ceil(month), g, r)).toBeGreaterThanOrEqual(-tolerance);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('managed fine-tuning', () => {
  it("reproduces the article's $125: 10,000 examples × 500 tokens × 1 epoch = 5M tokens × $25/1M", () => {
    const service = resolveManaged(index, 'service', 'OpenAI GPT-4 fine-tuning');
    expect(
      managedTrainingCost(trainingTokens(10000, 500, 1), service.pricePer1MTrainingTokens),
    ).toBe(125);
    // Three epochs train on three times the tokens: 15M × $25/1M = 375.
    expect(
      managedTrainingCost(trainingTokens(10000, 500, 3), service.pricePer1MTrainingTokens),
    ).toBe(375);
  });

  it("prices the managed path's inference at its API row", () => {
    const service = resolveManaged(index, 'service', 'openai gpt-4 FINE-TUNING');
    if (!service.inferenceApi) throw new Error('GPT-4 fine-tuning names its inference API');
    const { inputPricePer1K, outputPricePer1K } = service.inferenceApi;
    // 1,000 in × $0.03/1K + 300 out × $0.06/1K = 0.03 + 0.018 = $0.048; × 10,000 = $480.
    const perRequest = apiCostPerRequest(1000, 300, inputPricePer1K, outputPricePer1K);
    expect(apiMonthlyCost(10000, perRequest)).toBeCloseTo(480, 9);
  });

  it('an unknown service lists the known ones', () => {
    const error = inputError(() => resolveManaged(index, 'service', 'Anthropic'));
    expect(error.message).toBe(
      "service 'Anthropic' is not in the FT Catalog sheet or the built-in catalog. Known: Fireworks, Together AI, OpenAI GPT-4 fine-tuning, OpenAI GPT-4o fine-tuning, OpenAI GPT-4o mini fine-tuning",
    );
  });
});

describe('GPUs and the break-even volume', () => {
  it('a 70B full fine-tune needs 17 H100s; a run needing 16.3 GPUs of memory gets 17', () => {
    // 70e9 params × 16 bytes × 1.2 = 1,344 GB; ÷ 80 GB = 16.8, so 17 GPUs.
    expect(memoryGb(70, index.method('method', 'full'))).toBeCloseTo(1344, 9);
    expect(gpusNeeded(memoryGb(70, index.method('method', 'full')), 80)).toBe(17);
    // 1,304 GB ÷ 80 = 16.3: rounded up, not to the nearest.
    expect(gpusNeeded(1304, 80)).toBe(17);
    // 13B LoRA: 13 × (2 + 0.01 × 16) × 1.2 = 33.7 GB, one GPU.
    expect(gpusNeeded(memoryGb(13, index.method('method', 'LoRA')), 80)).toBe(1);
  });

  it('GPUs round up, a fraction below one half too; a whole number of GPUs stays', () => {
    // 13B full: 13 × 16 × 1.2 = 249.6 GB ÷ 80 = 3.12: 3 GPUs hold only 240 GB, so 4.
    expect(gpusNeeded(memoryGb(13, index.method('method', 'full')), 80)).toBe(4);
    // 25B full: 25 × 16 × 1.2 = 480 GB ÷ 80 = 6 exactly: 6 GPUs.
    expect(gpusNeeded(memoryGb(25, index.method('method', 'full')), 80)).toBe(6);
  });

  // The model's definition of the volume that pays back within the horizon.
  const requestsToBreakEven = modelView('breakEvenRequests', [
    'upfront',
    bindingName.input('horizonMonths'),
    'monthlyFixed',
    'apiCostPerRequest',
    bindingName.input('finetunedCostPerRequest'),
  ]);

  it('break-even requests per month', () => {
    // (1,001.245 ÷ 36 + 0) ÷ (0.0075 − 0.001) = 27.812361 ÷ 0.0065 = 4,278.82 requests a month.
    expect(requestsToBreakEven.value(1001.245, 36, 0, 0.0075, 0.001)).toBeCloseTo(4278.82, 2);
    // With $100 a month of fixed costs: 127.812361 ÷ 0.0065 = 19,663.44.
    expect(requestsToBreakEven.value(1001.245, 36, 100, 0.0075, 0.001)).toBeCloseTo(19663.44, 2);
    // A fine-tuned request costing as much as the API's, or more: no volume pays.
    expect(requestsToBreakEven.value(1001.245, 36, 0, 0.0075, 0.0075)).toBe(NEVER);
    expect(requestsToBreakEven.value(1001.245, 36, 0, 0.001, 0.002)).toBe(NEVER);
  });
});
