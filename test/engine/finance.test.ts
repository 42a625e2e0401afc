/**
 * Money over time and uncertainty (issue 14). Every expected value is worked out by hand
 * beside it; v stands for one month's discount factor 1.1^(−1/12) at a 10% annual rate:
 * ln 1.1 = 0.0953102, ÷ 12 = 0.0079425, e^−0.0079425 = 0.9920889.
 */
import fc from 'fast-check';
import {
  breakEvenMonths,
  breakEvenRequestsPerMonth,
  builtInIndex,
  gpusNeeded,
  managedFineTuningCost,
  managedMonthlyCost,
  memoryGb,
  NEVER,
  npv,
  paybackMonths,
  resolveManaged,
  roi,
  ruleHours,
  sensitivity,
  trainingCostRange,
  wallClockHours,
} from '../../src/engine';
import { inputError } from '../support/input-error';
import type { SensitivityInputs } from '../../src/engine';

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

  it.each([
    [
      () => npv(1000, 50, 36, -1.5),
      'monthly_growth',
      'monthly_growth must be a rate above -100% (e.g. 5% or 0.05), got -1.5',
    ],
    [
      () => npv(1000, 50, 36, 0, -1),
      'annual_discount_rate',
      'annual_discount_rate must be a rate above -100% (e.g. 5% or 0.05), got -1',
    ],
    [() => npv(1000, 50, 2.5), 'months', 'months must be a whole number of months, got 2.5'],
    [() => npv(-1, 50, 3), 'upfront', 'upfront must be a number that is zero or more, got -1'],
    [
      () => npv(1, NaN, 3),
      'monthly_savings',
      'monthly_savings must be a number, got an invalid number',
    ],
  ])('bad input %#: %s', (run, argument, message) => {
    const error = inputError(run);
    expect(error.argument).toBe(argument);
    expect(error.message).toBe(message);
  });

  it('a growth that makes volume explode past 600 months says so, naming monthly_growth', () => {
    // 4^600 = 2^1200 ≈ 1e361, beyond the largest double (about 1.8e308).
    const error = inputError(() => npv(1000, 50, 600, 3));
    expect(error.argument).toBe('monthly_growth');
    expect(error.message).toBe(
      'monthly_growth 3 compounded over 600 months makes the savings too large to compute (beyond about 1e308); use a smaller growth or fewer months',
    );
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

  it('names the argument of a bad rate', () => {
    expect(inputError(() => paybackMonths(1000, 50, -2)).argument).toBe('monthly_growth');
    expect(inputError(() => paybackMonths(1000, 50, 0, -3)).argument).toBe('annual_discount_rate');
  });
});

describe('properties', () => {
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
    const service = resolveManaged(index, 'service', '');
    expect(service.name).toBe('OpenAI GPT-4 fine-tuning');
    expect(managedFineTuningCost(10000, 500, 1, service.pricePer1MTrainingTokens)).toBe(125);
    // Three epochs train on three times the tokens: 15M × $25/1M = 375.
    expect(managedFineTuningCost(10000, 500, 3, service.pricePer1MTrainingTokens)).toBe(375);
  });

  it("prices the managed path's inference at its API row", () => {
    const service = resolveManaged(index, 'service', 'openai gpt-4 FINE-TUNING');
    // 1,000 in × $0.03/1K + 300 out × $0.06/1K = 0.03 + 0.018 = $0.048; × 10,000 = $480.
    expect(managedMonthlyCost(10000, 1000, 300, service.inferenceApi)).toBeCloseTo(480, 9);
  });

  it('an unknown service lists the known ones', () => {
    const error = inputError(() => resolveManaged(index, 'service', 'Anthropic'));
    expect(error.message).toBe(
      "service 'Anthropic' is not in the FT Catalog sheet or the built-in catalog. Known: OpenAI GPT-4 fine-tuning, OpenAI GPT-4o fine-tuning, OpenAI GPT-4o mini fine-tuning",
    );
  });
});

describe('GPUs, ranges and the break-even volume', () => {
  it('a 70B full fine-tune needs 17 H100s', () => {
    // 70e9 params × 16 bytes × 1.2 = 1,344 GB; ÷ 80 GB = 16.8, so 17 GPUs.
    expect(memoryGb(70, index.method('method', 'full'))).toBeCloseTo(1344, 9);
    expect(gpusNeeded(memoryGb(70, index.method('method', 'full')), 80)).toBe(17);
    // 10,000 examples: 0.0001 × 10,000 × 8 = 8 GPU-hours, ÷ 17 GPUs = 0.4706 h on the clock.
    expect(wallClockHours(ruleHours(10000, 8, 1), 17)).toBeCloseTo(8 / 17, 12);
    // 13B LoRA: 13 × (2 + 0.01 × 16) × 1.2 = 33.7 GB, one GPU.
    expect(gpusNeeded(memoryGb(13, index.method('method', 'LoRA')), 80)).toBe(1);
    expect(inputError(() => gpusNeeded(100, 0)).argument).toBe('gpu_memory_gb');
  });

  it('GPUs round up, a fraction below one half too; a whole number of GPUs stays', () => {
    // 13B full: 13 × 16 × 1.2 = 249.6 GB ÷ 80 = 3.12: 3 GPUs hold only 240 GB, so 4.
    expect(gpusNeeded(memoryGb(13, index.method('method', 'full')), 80)).toBe(4);
    // 25B full: 25 × 16 × 1.2 = 480 GB ÷ 80 = 6 exactly: 6 GPUs.
    expect(gpusNeeded(memoryGb(25, index.method('method', 'full')), 80)).toBe(6);
  });

  it('training cost low and high at ±30%', () => {
    // The article's $24.90 run: 24.90 × 0.7 = 17.43 and 24.90 × 1.3 = 32.37.
    const range = trainingCostRange(24.9);
    expect(range.low).toBeCloseTo(17.43, 9);
    expect(range.high).toBeCloseTo(32.37, 9);
  });

  it('break-even requests per month', () => {
    // (1,001.245 ÷ 36 + 0) ÷ (0.0075 − 0.001) = 27.812361 ÷ 0.0065 = 4,278.82 requests a month.
    expect(breakEvenRequestsPerMonth(1001.245, 36, 0, 0.0075, 0.001)).toBeCloseTo(4278.82, 2);
    // With $100 a month of hosting: 127.812361 ÷ 0.0065 = 19,663.44.
    expect(breakEvenRequestsPerMonth(1001.245, 36, 100, 0.0075, 0.001)).toBeCloseTo(19663.44, 2);
    // A fine-tuned request costing as much as the API's, or more: no volume pays.
    expect(breakEvenRequestsPerMonth(1001.245, 36, 0, 0.0075, 0.0075)).toBe(NEVER);
    expect(breakEvenRequestsPerMonth(1001.245, 36, 0, 0.001, 0.002)).toBe(NEVER);
    expect(inputError(() => breakEvenRequestsPerMonth(1, 0, 0, 1, 0)).argument).toBe(
      'horizon_months',
    );
  });
});

describe('sensitivity', () => {
  // Up-front 0.5 h × $2.49 + 20 h × $50 = 1.245 + 1,000 = 1,001.245; savings 10,000 ×
  // (0.0075 − 0.001) = 65 a month; NPV at 36 months (no growth, no discount) 65 × 36 − 1,001.245 = 1,338.755.
  const inputs: SensitivityInputs = {
    requestsPerMonth: 10000,
    apiCostPerRequest: 0.0075,
    finetunedCostPerRequest: 0.001,
    monthlyFixedCosts: 0,
    trainingHours: 0.5,
    pricePerGpuHour: 2.49,
    experimentRuns: 0,
    labelingHours: 20,
    labelingRate: 50,
    otherUpfront: 0,
    monthlyGrowth: 0,
    annualDiscountRate: 0,
    horizonMonths: 36,
  };

  it('moves each driver ±30% and sorts by effect on NPV', () => {
    const result = sensitivity(inputs);
    expect(result.base.npv).toBeCloseTo(1338.755, 9);
    // API price: margin 0.00525 − 0.001 = 0.00425 → 42.5/month; 0.00975 − 0.001 = 0.00875 → 87.5.
    //   NPV 36 × 42.5 − 1,001.245 = 528.755 and 36 × 87.5 − 1,001.245 = 2,148.755: effect 1,620.
    // Requests: 7,000 × 0.0065 = 45.5 and 13,000 × 0.0065 = 84.5: NPV 636.755 and 2,040.755: 1,404.
    // Labeling hours: 14 or 26 h × $50 moves the up-front by ∓300: effect 600.
    // Training hours: 0.35 or 0.65 h × $2.49 moves it by ∓0.3735: effect 0.747.
    // Growth and discount rate are 0, and ±30% of 0 is 0: no effect, in the drivers' order.
    expect(result.rows.map((row) => row.driver)).toEqual([
      'apiCostPerRequest',
      'requestsPerMonth',
      'labelingHours',
      'trainingHours',
      'monthlyGrowth',
      'annualDiscountRate',
    ]);
    const [api, requests, labeling, training, growth] = result.rows;
    expect(api.low.npv).toBeCloseTo(528.755, 9);
    expect(api.high.npv).toBeCloseTo(2148.755, 9);
    // Break-even at the low API price: 1,001.245 ÷ 42.5 = 23.5587 months.
    expect(api.low.breakEvenMonths).toBeCloseTo(23.5587, 4);
    expect(requests.effect).toBeCloseTo(1404, 9);
    expect(labeling.effect).toBeCloseTo(600, 9);
    expect(training.effect).toBeCloseTo(0.747, 9);
    expect(growth.effect).toBe(0);
  });

  it('each row moves the way its driver says', () => {
    const result = sensitivity({ ...inputs, monthlyGrowth: 0.02, annualDiscountRate: 0.1 });
    const row = (driver: string) => result.rows.find((r) => r.driver === driver)!;
    // More volume, a dearer API and more growth save more; more hours and more discount less.
    for (const up of ['requestsPerMonth', 'apiCostPerRequest', 'monthlyGrowth']) {
      expect(row(up).high.npv).toBeGreaterThan(row(up).low.npv);
      expect(row(up).high.breakEvenMonths).toBeLessThan(row(up).low.breakEvenMonths as number);
    }
    for (const down of ['trainingHours', 'labelingHours', 'annualDiscountRate']) {
      expect(row(down).high.npv).toBeLessThan(row(down).low.npv);
      expect(row(down).high.breakEvenMonths).toBeGreaterThan(
        row(down).low.breakEvenMonths as number,
      );
    }
    for (let i = 1; i < result.rows.length; i++) {
      expect(result.rows[i - 1].effect).toBeGreaterThanOrEqual(result.rows[i].effect);
    }
  });
});
