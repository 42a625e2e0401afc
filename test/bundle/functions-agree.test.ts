// Issue 22: the FT_* functions are views of the scenario model. For random scenarios, each
// function of the built bundle, given the scenario's own values, returns the figure the
// scenario computes for the same quantity. The property tests of test/sheet/ show that
// figure is the sheet's cell, so a function, the engine and the sheet cannot differ.
import fc from 'fast-check';
import { builtInIndex, computeScenario, resolveScenario } from '../../src/engine';
import { withPricedManaged } from '../support/managed';
import type { ScenarioResult } from '../../src/engine';
import { valueOf } from './helpers';

const index = builtInIndex();
const catalog = index.catalog;

const scenarioArb = fc
  .record(
    {
      model: fc.oneof(
        fc.constantFrom(...catalog.models.map((row) => row.name)),
        fc.integer({ min: 1, max: 9999 }).map((tenths) => tenths / 10),
      ),
      method: fc.constantFrom(...catalog.methods.map((row) => row.name)),
      examples: fc.integer({ min: 1, max: 2000000 }),
      tokensPerExample: fc.integer({ min: 1, max: 4000 }),
      epochs: fc.integer({ min: 1, max: 5 }),
      mfu: fc.integer({ min: 5, max: 100 }).map((percent) => percent / 100),
      provider: fc.constantFrom(...catalog.providers.map((row) => row.name)),
      api: fc.constantFrom(...catalog.apis.map((row) => row.name)),
      managedService: fc.constantFrom(...new Set(catalog.managed.map((row) => row.name))),
      requestsPerMonth: fc.integer({ min: 0, max: 5000000 }),
      inputTokensPerRequest: fc.integer({ min: 0, max: 5000 }),
      outputTokensPerRequest: fc.integer({ min: 0, max: 2000 }),
      finetunedCostPerRequest: fc.integer({ min: 0, max: 100 }).map((tenths) => tenths / 10000),
      finetunedMonthlyHosting: fc.integer({ min: 0, max: 5000 }),
      labelingHours: fc.integer({ min: 0, max: 500 }),
      experimentRuns: fc.integer({ min: 0, max: 5 }),
      horizonMonths: fc.integer({ min: 1, max: 600 }),
      monthlyGrowthRate: fc.integer({ min: -50, max: 80 }).map((tenths) => tenths / 1000),
      annualDiscountRate: fc.integer({ min: 0, max: 300 }).map((tenths) => tenths / 1000),
    },
    { requiredKeys: [] },
  )
  .map((input) => withPricedManaged(input, index));

/** The same figure: equal to a relative 1e-12, or the same text ("never"). */
function expectSame(functionValue: unknown, scenarioValue: unknown, what: string): void {
  if (typeof scenarioValue === 'number' && typeof functionValue === 'number') {
    const tolerance = 1e-12 * Math.max(1, Math.abs(scenarioValue));
    if (Math.abs(functionValue - scenarioValue) <= tolerance) return;
  } else if (functionValue === scenarioValue) {
    return;
  }
  throw new Error(
    `${what}: the function gives ${String(functionValue)}, the scenario ${String(scenarioValue)}`,
  );
}

describe('each FT_* function returns the scenario model’s figure for the same quantity', () => {
  it('for 100 random scenarios', () => {
    fc.assert(
      fc.property(scenarioArb, (raw) => {
        const resolved = resolveScenario(raw, index);
        let result: ScenarioResult;
        try {
          result = computeScenario(resolved, index);
        } catch {
          return; // numbers too large to compute: the scenario says so, nothing to compare
        }
        const { input, provider, api, method } = resolved;
        const model = raw.model ?? input.model;
        expectSame(
          valueOf('FT_HOURS', model, input.examples, input.method),
          result.training.h100Hours,
          'FT_HOURS',
        );
        expectSame(
          valueOf('FT_COST', model, input.examples, input.provider, input.method),
          result.training.gpuCost,
          'FT_COST',
        );
        expectSame(
          valueOf(
            'FT_COMPUTE_HOURS',
            model,
            result.training.trainingTokens,
            method.name,
            provider.gpu.name,
            input.mfu,
          ),
          result.training.computeBoundHours,
          'FT_COMPUTE_HOURS',
        );
        expectSame(valueOf('FT_MEMORY', model, method.name), result.training.memoryGb, 'FT_MEMORY');
        expectSame(
          valueOf(
            'FT_API_COST',
            input.requestsPerMonth,
            input.inputTokensPerRequest,
            input.outputTokensPerRequest,
            api.inputPricePer1K,
            api.outputPricePer1K,
          ),
          result.monthly.api,
          'FT_API_COST',
        );
        expectSame(
          valueOf(
            'FT_BREAKEVEN',
            result.upfront.total,
            result.monthly.api,
            result.monthly.finetuned,
          ),
          result.breakEvenMonths,
          'FT_BREAKEVEN',
        );
        expectSame(
          valueOf('FT_ROI', result.upfront.total, result.monthly.savings, 36),
          result.roi.months36,
          'FT_ROI',
        );
        const rates = [input.monthlyGrowthRate, input.annualDiscountRate];
        const npv = valueOf(
          'FT_NPV',
          result.upfront.total,
          result.monthly.savings,
          input.horizonMonths,
          ...rates,
        );
        expectSame(npv, result.finance.npv, 'FT_NPV');
        const payback = valueOf(
          'FT_PAYBACK',
          result.upfront.total,
          result.monthly.savings,
          ...rates,
        );
        const shown = result.finance.discountedPaybackMonths;
        if (shown === 'beyond the horizon') {
          expect(payback === 'never' || (payback as number) > input.horizonMonths).toBe(true);
        } else {
          expectSame(payback, shown, 'FT_PAYBACK');
        }
        const volume = (months: number, ...growthAndRate: number[]): unknown =>
          valueOf(
            'FT_REQUIRED_VOLUME',
            result.upfront.total,
            result.monthly.apiCostPerRequest,
            input.finetunedCostPerRequest,
            months,
            result.monthly.finetuned - input.requestsPerMonth * input.finetunedCostPerRequest,
            ...growthAndRate,
          );
        expectSame(
          volume(input.horizonMonths),
          result.finance.breakEvenRequestsPerMonth,
          'FT_REQUIRED_VOLUME',
        );
        // With the scenario's growth and rate: the "What it takes" block's 12-month volume.
        expectSame(
          volume(12, ...rates),
          result.finance.requestsFor12MonthPayback,
          'FT_REQUIRED_VOLUME (growth, rate)',
        );
        expectSame(
          valueOf(
            'FT_MANAGED_COST',
            input.examples,
            input.tokensPerExample,
            input.epochs,
            input.managedService,
            model,
            input.method,
          ),
          result.finance.managedTrainingCost,
          'FT_MANAGED_COST',
        );
      }),
      { numRuns: 100 },
    );
  });
});
