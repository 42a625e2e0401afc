// Every FT_* function of the built bundle gives the article's figures. Each expected
// value is the article's figure or hand arithmetic written beside it.
import { errorOf, FT_FUNCTIONS, valueOf } from './helpers';
import { FT_REQUIRED } from '../support/bundle-calls';

/** Equal to within rounding noise (relative 1e-12), as a cell would show it. */
function expectFigure(actual: unknown, expected: number): void {
  expect(typeof actual).toBe('number');
  const difference = Math.abs((actual as number) - expected);
  expect({
    actual,
    withinRoundingNoise: difference <= 1e-12 * Math.max(1, Math.abs(expected)),
  }).toEqual({
    actual,
    withinRoundingNoise: true,
  });
}

describe('the FT_* functions of dist/Code.js', () => {
  it.each(Object.keys(FT_FUNCTIONS))('%s exists and gives a blank for blank arguments', (name) => {
    expect(valueOf(name, ...new Array<string>(FT_REQUIRED[name]).fill(''))).toBe('');
  });

  describe('FT_HOURS', () => {
    it('13B with 50,000 examples, full: 0.0001 × 50,000 × 2.0 × 1.0 = 10 H100-hours', () => {
      expectFigure(valueOf('FT_HOURS', 'Llama 13B', 50000), 10);
      expectFigure(valueOf('FT_HOURS', 'Llama 13B', 50000, 'full'), 10);
    });
    it('LoRA takes a quarter of the time: 10 × 0.25 = 2.5', () => {
      expectFigure(valueOf('FT_HOURS', 'Llama 13B', 50000, 'LoRA'), 2.5);
    });
    it('the article table: 7B 10,000 examples = 1 hour, 70B = 8, 405B = 50', () => {
      expectFigure(valueOf('FT_HOURS', 'Llama 7B', 10000), 1);
      expectFigure(valueOf('FT_HOURS', 'Llama 70B', 10000), 8);
      expectFigure(valueOf('FT_HOURS', 'Llama 405B', 10000), 50);
    });
    it('names match case- and space-insensitively', () => {
      expectFigure(valueOf('FT_HOURS', 'llama-13b', 50000), 10);
      expectFigure(valueOf('FT_HOURS', ' LLAMA 13B ', 50000), 10);
    });
    it('a numeric method is a time factor: 10 × 0.5 = 5', () => {
      expectFigure(valueOf('FT_HOURS', 'Llama 13B', 50000, 0.5), 5);
    });
  });

  describe('FT_COST', () => {
    it('13B, 50,000 examples on AWS spot: 10 h × $0.86 = $8.60', () => {
      expectFigure(valueOf('FT_COST', 'Llama 13B', 50000, 'AWS spot'), 8.6);
    });
    it('the other providers: 10 h × $2.88 = 28.8, × $2.49 = 24.9, × $3.98 = 39.8', () => {
      expectFigure(valueOf('FT_COST', 'Llama 13B', 50000, 'AWS on-demand'), 28.8);
      expectFigure(valueOf('FT_COST', 'Llama 13B', 50000, 'RunPod on-demand'), 24.9);
      expectFigure(valueOf('FT_COST', 'Llama 13B', 50000, 'Lambda Labs'), 39.8);
    });
    it('a $/GPU-hour rate instead of a provider: 10 h × $2 = $20', () => {
      expectFigure(valueOf('FT_COST', 'Llama 13B', 50000, 2), 20);
    });
    it('LoRA on AWS spot: 2.5 h × $0.86 = $2.15', () => {
      expectFigure(valueOf('FT_COST', 'Llama 13B', 50000, 'AWS spot', 'LoRA'), 2.15);
    });
  });

  describe('FT_BREAKEVEN', () => {
    it('$1,001.25 up front, $50 a month saved: 1001.25 / 50 = 20.025 months', () => {
      expectFigure(valueOf('FT_BREAKEVEN', 1001.25, 50), 20.025);
    });
    it('with a monthly fine-tuned cost: 1001.25 / (80 − 30) = 20.025', () => {
      expectFigure(valueOf('FT_BREAKEVEN', 1001.25, 80, 30), 20.025);
    });
    it('is the text "never" when the monthly savings are zero or negative', () => {
      expect(valueOf('FT_BREAKEVEN', 1000, 50, 50)).toBe('never');
      expect(valueOf('FT_BREAKEVEN', 1000, 50, 80)).toBe('never');
      expect(valueOf('FT_BREAKEVEN', 1000, 0)).toBe('never');
    });
  });

  describe('FT_API_COST', () => {
    it('10,000 Claude requests of 1,000 in / 300 out tokens: 10,000 × (1 × 0.003 + 0.3 × 0.015) = $75', () => {
      // The article says $50: its per-request $0.005 is wrong, 0.003 + 0.0045 = 0.0075.
      expectFigure(valueOf('FT_API_COST', 10000, 1000, 300, 'Claude'), 75);
    });
    it('the same with prices given: input $0.003, output $0.015 per 1K = $75', () => {
      expectFigure(valueOf('FT_API_COST', 10000, 1000, 300, 0.003, 0.015), 75);
    });
    it('GPT-4 fine-tuned: 10,000 × (1 × 0.03 + 0.3 × 0.06) = 10,000 × 0.048 = $480', () => {
      expectFigure(valueOf('FT_API_COST', 10000, 1000, 300, 'GPT-4 fine-tuned'), 480);
    });
    it('a price without an output price, or an API with one, is an error', () => {
      expect(errorOf('FT_API_COST', 10000, 1000, 300, 0.003)).toMatch(
        /^FT_API_COST: output_price is required/,
      );
      expect(errorOf('FT_API_COST', 10000, 1000, 300, 'Claude', 0.015)).toMatch(
        /^FT_API_COST: output_price must be blank/,
      );
    });
  });

  describe('FT_ROI', () => {
    it('after 36 months (the default): 50 × 36 − 1001.25 = 798.75', () => {
      expectFigure(valueOf('FT_ROI', 1001.25, 50), 798.75);
      expectFigure(valueOf('FT_ROI', 1001.25, 50, 36), 798.75);
    });
    it('after 12 months: 50 × 12 − 1001.25 = −401.25 (not yet paid back)', () => {
      expectFigure(valueOf('FT_ROI', 1001.25, 50, 12), -401.25);
    });
    it('negative savings are allowed: −10 × 36 − 100 = −460', () => {
      expectFigure(valueOf('FT_ROI', 100, -10), -460);
    });
  });

  describe('FT_MEMORY', () => {
    it('13B full: 13e9 × 16 bytes × 1.2 = 249.6 GB', () => {
      expectFigure(valueOf('FT_MEMORY', 'Llama 13B'), 249.6);
      expectFigure(valueOf('FT_MEMORY', 'Llama 13B', 'full'), 249.6);
    });
    it('13B LoRA: 13e9 × (2 + 0.01 × 16) bytes × 1.2 = 33.696 GB', () => {
      expectFigure(valueOf('FT_MEMORY', 'Llama 13B', 'LoRA'), 33.696);
    });
    it('13B QLoRA: 13e9 × (0.52 + 0.01 × 16) bytes × 1.2 = 10.608 GB', () => {
      expectFigure(valueOf('FT_MEMORY', 'Llama 13B', 'QLoRA'), 10.608);
    });
    it('a size in billions: 8 × 16 × 1.2 = 153.6 GB', () => {
      expectFigure(valueOf('FT_MEMORY', 8), 153.6);
      expectFigure(valueOf('FT_MEMORY', '8B'), 153.6);
    });
  });

  describe('FT_COMPUTE_HOURS', () => {
    it('13B LoRA on 5M tokens: 4 × 13e9 × 5e6 / (989e12 × 0.35 × 3600) H100-hours', () => {
      expectFigure(
        valueOf('FT_COMPUTE_HOURS', 'Llama 13B', 5e6, 'LoRA'),
        (4 * 13e9 * 5e6) / (989e12 * 0.35 * 3600),
      );
      // ≈ 2.6e17 / 1.24614e18 ≈ 0.2086
      expect(valueOf('FT_COMPUTE_HOURS', 'Llama 13B', 5e6, 'LoRA')).toBeCloseTo(0.2086, 4);
    });
    it('full uses 6N: 6 × 13e9 × 5e6 / (989e12 × 0.35 × 3600)', () => {
      expectFigure(
        valueOf('FT_COMPUTE_HOURS', 'Llama 13B', 5e6),
        (6 * 13e9 * 5e6) / (989e12 * 0.35 * 3600),
      );
    });
    it('on an A100 at 50% MFU: 4 × 13e9 × 5e6 / (312e12 × 0.5 × 3600)', () => {
      expectFigure(
        valueOf('FT_COMPUTE_HOURS', 13, 5e6, 'LoRA', 'A100', 0.5),
        (4 * 13e9 * 5e6) / (312e12 * 0.5 * 3600),
      );
      expectFigure(
        valueOf('FT_COMPUTE_HOURS', 13, 5e6, 'LoRA', 'A100', '50%'),
        (4 * 13e9 * 5e6) / (312e12 * 0.5 * 3600),
      );
    });
  });

  describe('FT_ONPREM_BREAKEVEN', () => {
    it('a $20,000 GPU against $2.49/hour rent: 20000 / 2.49 ≈ 8,032.13 hours', () => {
      expectFigure(valueOf('FT_ONPREM_BREAKEVEN', 20000, 2.49), 20000 / 2.49);
      expect(valueOf('FT_ONPREM_BREAKEVEN', 20000, 2.49)).toBeCloseTo(8032.13, 2);
    });
    it('with $1,000 a year running cost over 3 years: (20000 + 3000) / 2.49 ≈ 9,236.95', () => {
      expect(valueOf('FT_ONPREM_BREAKEVEN', 20000, 2.49, 1000)).toBeCloseTo(9236.95, 2);
      expect(valueOf('FT_ONPREM_BREAKEVEN', 20000, 2.49, 1000, 5)).toBeCloseTo(25000 / 2.49, 9);
    });
  });

  describe('FT_MANAGED_COST', () => {
    it("the article's OpenAI figure: 10,000 examples × 500 tokens = 5M tokens × $25/1M = $125", () => {
      expectFigure(valueOf('FT_MANAGED_COST', 10000, 500, '', 'OpenAI GPT-4 fine-tuning'), 125);
    });
    it('three epochs: 15M tokens × $25/1M = $375', () => {
      expectFigure(valueOf('FT_MANAGED_COST', 10000, 500, 3, 'OpenAI GPT-4 fine-tuning'), 375);
    });
    it('the default service, Fireworks, prices by the model size bracket and the method', () => {
      // 5M tokens × $0.50 per 1M (LoRA up to 16B) = $2.50; × 3 epochs = $7.50.
      expectFigure(valueOf('FT_MANAGED_COST', 10000, 500, 1, '', 'Llama 13B', 'LoRA'), 2.5);
      expectFigure(valueOf('FT_MANAGED_COST', 10000, 500, 3, '', 'Llama 13B', 'LoRA'), 7.5);
      // 5M × $3 (LoRA 16.1B - 80B) = $15; 5M × $1 (full up to 16B) = $5.
      expectFigure(valueOf('FT_MANAGED_COST', 10000, 500, 1, 'Fireworks', 70, 'LoRA'), 15);
      expectFigure(valueOf('FT_MANAGED_COST', 10000, 500, 1, 'Fireworks', 13, 'full'), 5);
    });
    it('an unknown service lists the known ones', () => {
      expect(errorOf('FT_MANAGED_COST', 10000, 500, 1, 'Anthropic')).toBe(
        "FT_MANAGED_COST: service 'Anthropic' is not in the FT Catalog sheet or the built-in catalog. Known: Fireworks, Together AI, OpenAI GPT-4 fine-tuning, OpenAI GPT-4o fine-tuning, OpenAI GPT-4o mini fine-tuning",
      );
    });
  });

  describe('FT_NPV', () => {
    it('=FT_NPV(1000, 50, 36, 0, 10%) is 559.32', () => {
      // v = 1.1^(−1/12) = 0.9920889 a month; Σ_{m=1..36} 50 × v^m = 50 × v × (1 − v^36) ÷ (1 − v)
      // with v^36 = 1 ÷ 1.331 = 0.7513148 and v ÷ (1 − v) = 125.4054: 50 × 125.4054 × 0.2486852
      // = 1,559.32; minus 1,000 up-front: 559.32.
      expect(valueOf('FT_NPV', 1000, 50, 36, 0, '10%')).toBeCloseTo(559.32, 2);
      expect(valueOf('FT_NPV', 1000, 50, 36, 0, 0.1)).toBeCloseTo(559.32, 2);
    });
    it('with growth and rate 0 it is FT_ROI: 50 × 36 − 1,001.25 = 798.75', () => {
      expectFigure(valueOf('FT_NPV', 1001.25, 50, 36), 798.75);
      expect(valueOf('FT_NPV', 1001.25, 50, 36)).toBe(valueOf('FT_ROI', 1001.25, 50, 36));
    });
    it('growth alone: 100 + 110 + 121 − 31 = 300', () => {
      expectFigure(valueOf('FT_NPV', 31, 100, 3, '10%'), 300);
    });
    it('a rate at or below −100% is an error naming it, showing the cell as typed', () => {
      expect(errorOf('FT_NPV', 1000, 50, 36, -2)).toBe(
        'FT_NPV: monthly_growth must be a rate above -100% (e.g. 5% or 0.05), got -2',
      );
      expect(errorOf('FT_NPV', 1000, 50, 36, 0, '-100%')).toBe(
        "FT_NPV: annual_discount_rate must be a rate above -100% (e.g. 5% or 0.05), got '-100%'",
      );
      expect(errorOf('FT_PAYBACK', 1000, 50, 0, -3)).toBe(
        'FT_PAYBACK: annual_discount_rate must be a rate above -100% (e.g. 5% or 0.05), got -3',
      );
    });
    it('months must be whole; up-front zero or more; savings a number', () => {
      expect(errorOf('FT_NPV', 1000, 50, 2.5)).toBe(
        'FT_NPV: months must be a whole number of months, got 2.5',
      );
      expect(errorOf('FT_NPV', -1, 50, 3)).toBe(
        'FT_NPV: upfront must be a number that is zero or more, got -1',
      );
      expect(errorOf('FT_PAYBACK', 1000, 'lots')).toBe(
        "FT_PAYBACK: monthly_savings must be a number, got 'lots'",
      );
    });
    it('a growth that overflows past 600 months says so', () => {
      // 4^600 ≈ 1e361: no double holds it.
      expect(errorOf('FT_NPV', 1000, 50, 600, 3)).toBe(
        'FT_NPV: monthly_growth 3 compounded over 600 months makes the savings too large to compute (beyond about 1e308); use a smaller growth or fewer months',
      );
    });
  });

  describe('FT_REQUIRED_VOLUME', () => {
    it('=FT_REQUIRED_VOLUME(1001.25, 0.0075, 0.001, 12) is 12,836.54 requests a month', () => {
      // 1,001.25 ÷ 12 = 83.4375 a month to save; each request saves 0.0075 − 0.001 = 0.0065:
      // 83.4375 ÷ 0.0065 = 12,836.54.
      expect(valueOf('FT_REQUIRED_VOLUME', 1001.25, 0.0075, 0.001, 12)).toBeCloseTo(12836.54, 2);
      // $100 of hosting a month: (83.4375 + 100) ÷ 0.0065 = 28,221.15.
      expect(valueOf('FT_REQUIRED_VOLUME', 1001.25, 0.0075, 0.001, 12, 100)).toBeCloseTo(
        28221.15,
        2,
      );
    });
    it('never when a fine-tuned request costs as much as an API one; a bad target is named', () => {
      expect(valueOf('FT_REQUIRED_VOLUME', 1000, 0.002, 0.002, 12)).toBe('never');
      expect(errorOf('FT_REQUIRED_VOLUME', 1000, 0.0075, 0.001, 0)).toBe(
        'FT_REQUIRED_VOLUME: target_months must be a positive number, got 0',
      );
    });
    it('growth 0 and rate 0 given are the closed form without them', () => {
      expect(valueOf('FT_REQUIRED_VOLUME', 1001.25, 0.0075, 0.001, 12, 0, 0, 0)).toBeCloseTo(
        12836.54,
        2,
      );
    });
    it('with growth g the requests r pay back: r x 0.0065 x the sum of 1.05^(k-1), k = 1..12, is 1,000', () => {
      // Sum of 1.05^(k-1) over k = 1..12 = (1.05^12 - 1) / 0.05 = 0.7958563 / 0.05 = 15.917127;
      // r = 1,000 / (0.0065 x 15.917127) = 1,000 / 0.10346132 = 9,665.45 requests a month.
      expect(valueOf('FT_REQUIRED_VOLUME', 1000, 0.0075, 0.001, 12, 0, 0.05)).toBeCloseTo(
        9665.45,
        2,
      );
    });
    it('with a discount rate only: month k\u2019s saving is worth v^k, v = 1.1^(-1/12)', () => {
      // v = 0.99208894; the sum of v^k over k = 1..12 = v (1 - v^12) / (1 - v) = 11.400488;
      // r = 1,000 / (0.0065 x 11.400488) = 13,494.70 requests a month.
      expect(valueOf('FT_REQUIRED_VOLUME', 1000, 0.0075, 0.001, 12, 0, 0, 0.1)).toBeCloseTo(
        13494.7,
        1,
      );
    });
    it('growth, a rate and fixed costs: the scenario\u2019s "What it takes" block\u2019s figure', () => {
      // As test/engine/scenario-finance.test.ts works it: the model grows the whole saving
      // (requests x 0.0065 - 100 of hosting); 12 months of a first saving of 1 at 5% growth and
      // 10% a year are worth 15.05256, so (1,001.245 / 15.05256 + 100) / 0.0065 = 25,617.9.
      expect(
        valueOf('FT_REQUIRED_VOLUME', 1001.245, 0.0075, 0.001, 12, 100, 0.05, 0.1),
      ).toBeCloseTo(25617.9, 0);
    });
    it('no answer and bad growth or rate are said in words', () => {
      // No volume pays back when a fine-tuned request costs more, whatever the growth.
      expect(valueOf('FT_REQUIRED_VOLUME', 1000, 0.001, 0.002, 12, 0, 0.5, 0.1)).toBe('never');
      expect(errorOf('FT_REQUIRED_VOLUME', 1000, 0.0075, 0.001, 12, 0, -1.5)).toBe(
        'FT_REQUIRED_VOLUME: monthly_growth must be a rate above -100% (e.g. 5% or 0.05), got -1.5',
      );
      expect(errorOf('FT_REQUIRED_VOLUME', 1000, 0.0075, 0.001, 12, 0, 0, 'soon')).toMatch(
        /^FT_REQUIRED_VOLUME: annual_discount_rate /,
      );
      // 4^600 is about 1e361: the target's value of a saving of 1 is past any number.
      expect(errorOf('FT_REQUIRED_VOLUME', 1000, 0.0075, 0.001, 600, 0, 3)).toBe(
        'FT_REQUIRED_VOLUME: monthly_growth 3 compounded over 600 months makes the savings too large to compute (beyond about 1e308); use a smaller growth or fewer months',
      );
    });
  });

  describe('FT_PAYBACK', () => {
    it('=FT_PAYBACK(1000, 50, 2%) is 16.99', () => {
      // After k months 2,500 × (1.02^k − 1): 931.96 at 16, 1,000.60 at 17. Month 17 saves
      // 50 × 1.02^16 = 68.639: 16 + (1,000 − 931.96) ÷ 68.639 = 16.99.
      expect(valueOf('FT_PAYBACK', 1000, 50, '2%')).toBeCloseTo(16.99, 2);
    });
    it('with growth and rate 0 it is FT_BREAKEVEN: 1,000 ÷ 50 = 20; never without savings', () => {
      expectFigure(valueOf('FT_PAYBACK', 1000, 50), 20);
      expect(valueOf('FT_PAYBACK', 1000, 0)).toBe('never');
      expect(valueOf('FT_PAYBACK', 1000, -5, 0.02)).toBe('never');
    });
    it('0 for a zero up-front; never when not reached within 1,200 months', () => {
      expect(valueOf('FT_PAYBACK', 0, 50, 0.02)).toBe(0);
      // Discounted at 10% a year, $1 a month sums to at most v ÷ (1 − v) = 125.4 < 1,000.
      expect(valueOf('FT_PAYBACK', 1000, 1, 0, 0.1)).toBe('never');
    });
  });
});
