// Issue 20: OpenAI takes no new fine-tuning jobs after 2027-01-06, so no default of the
// add-in may name one of its fine-tuning rows or the API that serves their fine-tunes.
import { BUILT_IN_CATALOG, DEFAULT_SCENARIO, normalizeName } from '../../src/engine';

const openAiRows = BUILT_IN_CATALOG.managed.filter((row) => /openai/i.test(row.name));
const retiring = new Set(
  openAiRows.flatMap((row) => [normalizeName(row.name), normalizeName(row.inferenceApi)]),
);

describe('no default names an OpenAI fine-tuning row', () => {
  test('the OpenAI rows are still in the catalog (the article’s example uses one)', () => {
    expect(openAiRows.map((row) => row.name)).toContain('OpenAI GPT-4 fine-tuning');
  });

  test('no input of the default scenario names one, or the API of its fine-tunes', () => {
    for (const [field, value] of Object.entries(DEFAULT_SCENARIO)) {
      if (typeof value !== 'string') continue;
      expect([field, retiring.has(normalizeName(value))]).toEqual([field, false]);
    }
    expect(DEFAULT_SCENARIO.managedService).toBe('Fireworks');
  });

  test('the first managed row (a blank service in FT_MANAGED_COST) is not one', () => {
    expect(retiring.has(normalizeName(BUILT_IN_CATALOG.managed[0].name))).toBe(false);
  });
});
