/**
 * The scenario with its defaults is the article's practical example 1: Llama 13B,
 * 10,000 examples, LoRA on RunPod ($2.49), 40 labeling hours at $25, Claude at
 * $0.003/$0.015 per 1K tokens, 10,000 requests of 1,000 + 300 tokens a month, 36
 * months. Every expected value is worked out by hand beside it.
 */
import { builtInIndex, computeScenario, resolveScenario, verdict } from '../../src/engine';
import {
  AT_HORIZON_VERDICT,
  BOUNDARY_INPUT,
  withoutOfferEnds,
} from '../support/verdict-boundaries';
import type { ScenarioResult } from '../../src/engine';

const index = builtInIndex();

function scenario(input: Record<string, unknown> = {}): ScenarioResult {
  return computeScenario(resolveScenario(input, index), index);
}

describe('the default scenario (article example 1)', () => {
  const result = scenario();

  it('resolves the defaults to the article example', () => {
    const { model, method, provider, api } = result.resolved;
    expect(model).toMatchObject({ name: 'Llama 13B', paramsBillions: 13, scale: 2 });
    expect(method.name).toBe('LoRA');
    expect(provider.name).toBe('RunPod on-demand');
    expect(provider.pricePerGpuHour).toBe(2.49);
    expect(provider.gpu.name).toBe('H100');
    expect(api).toEqual({ name: 'Claude', inputPricePer1K: 0.003, outputPricePer1K: 0.015 });
  });

  it('training estimate: rule and compute-bound', () => {
    const { training } = result;
    expect(training.h100Hours).toBeCloseTo(0.5, 12); // 0.0001 × 10,000 × 2 × 0.25
    expect(training.providerHours).toBeCloseTo(0.5, 12); // H100: speed 1
    expect(training.gpuCost).toBeCloseTo(1.245, 12); // 0.5 × 2.49
    expect(training.trainingTokens).toBe(5000000); // 10,000 × 500 × 1
    // 4 × 13e9 × 5e6 / (989e12 × 0.35 × 3600) = 2.6e17 / 1.246140e18 = 0.208644
    expect(training.computeBoundHours).toBeCloseTo(0.208644, 5);
    // 13 × (2 + 0.01 × 16) × 1.2 = 33.696 GB
    expect(training.memoryGb).toBeCloseTo(33.696, 9);
  });

  it('provider comparison: 0.5 h on each H100 provider', () => {
    expect(result.providers.map((row) => row.provider)).toEqual([
      'AWS on-demand',
      'AWS spot',
      'RunPod on-demand',
      'Lambda Labs',
      'On-premise (amortized)',
      'AWS p5 H100 on-demand',
      'Google Cloud A3 H100 on-demand',
      'Google Cloud A3 H100 spot',
      'Azure ND H100 v5 on-demand',
      'RunPod H100 SXM Secure Cloud',
      'RunPod H100 SXM Community Cloud',
      'Lambda H100 SXM (8x instance)',
      'Lambda H100 SXM (1x instance)',
    ]);
    result.providers.forEach((row) => expect(row.hours).toBeCloseTo(0.5, 12));
    // The article's: 0.5 × 2.88, 0.5 × 0.86, 0.5 × 2.49, 0.5 × 3.98, 0.5 × 2.73; then the
    // market rows: 0.5 × 6.88, 10.98, 6.57, 12.29, 3.99, 2.69, 3.99, 4.29.
    const expectedCosts = [
      1.44, 0.43, 1.245, 1.99, 1.365, 3.44, 5.49, 3.285, 6.145, 1.995, 1.345, 1.995, 2.145,
    ];
    result.providers.forEach((row, position) =>
      expect(row.cost).toBeCloseTo(expectedCosts[position], 12),
    );
  });

  it('model × dataset-size matrix: LoRA hours and RunPod cost', () => {
    const { matrix } = result;
    expect(matrix.models).toEqual(['Llama 7B', 'Llama 13B', 'Llama 70B', 'Llama 405B']);
    expect(matrix.datasetSizes).toEqual([5000, 10000, 50000, 100000, 500000]);
    // 0.0001 × size × scale × 0.25
    const expectedHours = [
      [0.125, 0.25, 1.25, 2.5, 12.5], // scale 1
      [0.25, 0.5, 2.5, 5, 25], // scale 2
      [1, 2, 10, 20, 100], // scale 8
      [6.25, 12.5, 62.5, 125, 625], // scale 50
    ];
    expectedHours.forEach((row, r) =>
      row.forEach((hours, c) => expect(matrix.hours[r][c]).toBeCloseTo(hours, 9)),
    );
    expect(matrix.cost[0][0]).toBeCloseTo(0.31125, 9); // 0.125 × 2.49
    expect(matrix.cost[1][1]).toBeCloseTo(1.245, 9); // 0.5 × 2.49
    expect(matrix.cost[3][4]).toBeCloseTo(1556.25, 9); // 625 × 2.49
  });

  it('LoRA vs full vs QLoRA', () => {
    const byName = Object.fromEntries(result.methods.map((row) => [row.method, row]));
    expect(Object.keys(byName)).toEqual(['full', 'LoRA', 'QLoRA']);
    expect(byName.full.hours).toBeCloseTo(2, 12); // 0.0001 × 10,000 × 2 × 1
    expect(byName.full.cost).toBeCloseTo(4.98, 12); // 2 × 2.49
    expect(byName.full.memoryGb).toBeCloseTo(249.6, 9); // 13 × 16 × 1.2
    expect(byName.full.computeBoundHours).toBeCloseTo(0.312966, 5); // 6/4 × 0.208644
    expect(byName.LoRA.hours).toBeCloseTo(0.5, 12);
    expect(byName.LoRA.cost).toBeCloseTo(1.245, 12);
    expect(byName.QLoRA.hours).toBeCloseTo(0.7, 12); // 0.0001 × 10,000 × 2 × 0.35
    expect(byName.QLoRA.cost).toBeCloseTo(1.743, 12); // 0.7 × 2.49
    expect(byName.QLoRA.memoryGb).toBeCloseTo(10.608, 9); // 13 × (0.52 + 0.16) × 1.2
    expect(byName.QLoRA.computeBoundHours).toBeCloseTo(0.208644, 5); // 4 FLOPs, like LoRA
  });

  it('up-front breakdown and total', () => {
    // run 1.245, experiments 0, collection 0, labeling 40 × 25, cleaning 0, engineering 0 × 50,
    // deployment 0, hardware 0
    expect(result.upfront.items.map((item) => item.amount)).toEqual([
      expect.closeTo(1.245, 12),
      0,
      0,
      1000,
      0,
      0,
      0,
      0,
    ]);
    expect(result.upfront.total).toBeCloseTo(1001.245, 9);
  });

  it("monthly costs: $0.0075 a request, not the article's $0.005", () => {
    expect(result.monthly.apiCostPerRequest).toBeCloseTo(0.0075, 12); // 0.003 + 0.3 × 0.015
    expect(result.monthly.api).toBeCloseTo(75, 9); // 10,000 × 0.0075 (article: $50)
    expect(result.monthly.finetuned).toBe(0);
    expect(result.monthly.savings).toBeCloseTo(75, 9);
  });

  it('timeline: months 0..36, cumulative API, cumulative fine-tuned, savings', () => {
    const { timeline } = result;
    expect(timeline).toHaveLength(37); // horizon + 1
    expect(timeline.map((row) => row.month)).toEqual(Array.from({ length: 37 }, (_, m) => m));
    expect(timeline[0]).toEqual({
      month: 0,
      cumulativeApi: 0,
      cumulativeFinetuned: expect.closeTo(1001.245, 9),
      // The managed path (Fireworks, LoRA up to 16B): 5M tokens × $0.50 per 1M = $2.50 of
      // training + the $1,000 of labeling.
      cumulativeManaged: expect.closeTo(1002.5, 9),
      savings: expect.closeTo(-1001.245, 9),
    });
    // Its monthly cost, served at $0.20 per 1M tokens in and out: 10,000 × 1,300 / 1M × 0.20
    // = $2.60; 36 months: 1,002.50 + 93.60.
    expect(timeline[36].cumulativeManaged).toBeCloseTo(1096.1, 9);
    expect(timeline[13].savings).toBeCloseTo(-26.245, 9); // 13 × 75 − 1,001.245
    expect(timeline[14].savings).toBeCloseTo(48.755, 9); // 14 × 75 − 1,001.245
    expect(timeline[36].cumulativeApi).toBeCloseTo(2700, 9); // 36 × 75
    expect(timeline[36].savings).toBeCloseTo(1698.755, 9);
  });

  it('break-even 13.35 months (article: 20) and ROI at 12/24/36', () => {
    expect(result.breakEvenMonths).toBeCloseTo(13.349933, 6); // 1,001.245 / 75
    expect(result.roi.months12).toBeCloseTo(-101.245, 9); // 900 − 1,001.245
    expect(result.roi.months24).toBeCloseTo(798.755, 9); // 1,800 − 1,001.245
    expect(result.roi.months36).toBeCloseTo(1698.755, 9); // 2,700 − 1,001.245 (article: $800)
    expect(result.roi.horizon).toBeCloseTo(1698.755, 9);
  });

  it('verdict: fine-tune, pays back in 13.3 months; volume under the 50K threshold', () => {
    expect(result.verdict.fineTune).toBe(true);
    expect(withoutOfferEnds(result.verdict.text)).toBe(
      "Fine-tune: it pays back in 13.3 months, within the 36-month horizon. The volume is under the article's 50K requests/month API threshold.",
    );
  });
});

describe('scenario variations', () => {
  it('the full example: 13B, 50K, full, $1,250 prep, $500 experimentation, $200 deployment', () => {
    const result = scenario({
      method: 'full',
      examples: 50000,
      labelingHours: 50,
      engineeringHours: 10,
      deploymentCost: 200,
    });
    expect(result.training.h100Hours).toBeCloseTo(10, 12); // 0.0001 × 50,000 × 2
    expect(result.training.gpuCost).toBeCloseTo(24.9, 12);
    expect(result.upfront.total).toBeCloseTo(1974.9, 9); // 24.90 + 1,250 + 500 + 200
  });

  it('experiment runs each cost one training run', () => {
    const result = scenario({ experimentRuns: 3 });
    expect(result.upfront.items[1].amount).toBeCloseTo(3.735, 12); // 3 × 1.245
    expect(result.upfront.total).toBeCloseTo(1004.98, 9); // 1,001.245 + 3.735
  });

  it('a $/hour rate as provider prices an H100', () => {
    const result = scenario({ provider: 2 });
    expect(result.training.gpuCost).toBeCloseTo(1, 12); // 0.5 × 2
  });

  it('an interpolated model size: 8B between 7B and 13B', () => {
    const result = scenario({ model: '8B', method: 'full' });
    // exp(ln 1 + ln(8/7) × ln 2 / ln(13/7)) = exp(0.1335314 × 0.6931472 / 0.6190392)
    // = exp(0.1335314 × 1.1197145) = exp(0.1495170) = 1.161273
    expect(result.resolved.model.scale).toBeCloseTo(1.161273, 5);
    expect(result.training.h100Hours).toBeCloseTo(1.161273, 5); // 0.0001 × 10,000 × scale
  });

  it('API prices override the catalog; blank keeps it', () => {
    const result = scenario({ apiInputPricePer1K: 0.001, apiOutputPricePer1K: '' });
    expect(result.monthly.apiCostPerRequest).toBeCloseTo(0.0055, 12); // 0.001 + 0.3 × 0.015
  });

  it('a horizon of 12 months: 13 timeline rows and a keep-the-API verdict', () => {
    const result = scenario({ horizonMonths: 12 });
    expect(result.timeline).toHaveLength(13);
    expect(result.roi.horizon).toBeCloseTo(-101.245, 9);
    expect(result.verdict.fineTune).toBe(false);
    expect(result.verdict.text).toContain(
      'break-even takes 13.3 months, beyond the 12-month horizon',
    );
  });

  it('inference that costs as much as the API never pays back', () => {
    const result = scenario({ finetunedCostPerRequest: 0.0075 });
    expect(result.monthly.savings).toBeCloseTo(0, 12);
    expect(result.breakEvenMonths).toBe('never');
    expect(result.verdict.fineTune).toBe(false);
    expect(result.verdict.text).toContain('never pays back');
  });

  it('hosting is added to the fine-tuned monthly cost', () => {
    const result = scenario({ finetunedMonthlyHosting: 25 });
    expect(result.monthly.finetuned).toBe(25);
    expect(result.monthly.savings).toBeCloseTo(50, 9); // 75 − 25
    expect(result.breakEvenMonths).toBeCloseTo(20.0249, 4); // 1,001.245 / 50
  });

  it('an A100 provider is slower: hours scale by 989 / 312', () => {
    const a100 = index.gpu('gpu', 'A100');
    expect(a100.speedVsH100).toBeCloseTo(0.31547, 5); // 312 / 989
  });

  it('the verdict names the 100K/month threshold above it', () => {
    expect(verdict(2, 36, 200000).text).toContain(
      "The volume is over the article's 100K requests/month fine-tuning threshold.",
    );
    expect(verdict(2, 36, 75000).text).not.toContain('volume');
  });
});

describe("the verdict's boundaries", () => {
  const index = builtInIndex();
  const run = (input: object): ReturnType<typeof computeScenario> =>
    computeScenario(resolveScenario({ ...BOUNDARY_INPUT, ...input }, index), index);

  it('break-even exactly at the horizon (1,800 up-front, 75 a month, 24 months) is within it', () => {
    const result = run({});
    expect(result.upfront.total).toBe(1800);
    expect(result.monthly.api - result.monthly.finetuned).toBeCloseTo(75, 12);
    expect(result.breakEvenMonths).toBeCloseTo(24, 12);
    expect(result.verdict.fineTune).toBe(true);
    expect(withoutOfferEnds(result.verdict.text)).toBe(AT_HORIZON_VERDICT);
    // One month less of horizon and it is beyond it.
    expect(run({ horizonMonths: 23 }).verdict.fineTune).toBe(false);
  });

  it('exactly 50,000 and 100,000 requests a month name no threshold; one request beyond does', () => {
    expect(run({ requestsPerMonth: 50000 }).verdict.text).not.toContain('threshold');
    expect(run({ requestsPerMonth: 49999 }).verdict.text).toContain('under the article');
    expect(run({ requestsPerMonth: 100000 }).verdict.text).not.toContain('threshold');
    expect(run({ requestsPerMonth: 100001 }).verdict.text).toContain('over the article');
  });
});
