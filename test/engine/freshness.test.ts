// A price's age and staleness (issue 20, item 4), in the engine: the one definition the
// sheets render (src/engine/freshness.ts). Today is always given, never read from the clock:
// 2026-12-06 here. Day counts by hand: 2026-06-09 to 2026-12-06 is 21 days (to 30 June) +
// 31 + 31 + 30 + 31 + 30 (July to November) + 6 = 180 days.
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  DEFAULT_STALE_AFTER_DAYS,
  isStale,
  priceAge,
  readStaleAfterDays,
  resolveScenario,
  rowsUsed,
  inputCells,
  ScenarioEvaluation,
  scenarioTables,
  stalePrices,
} from '../../src/engine';
import type { Catalog } from '../../src/engine';

const TODAY = '2026-12-06';

describe('a price is stale when it is more days old than the threshold', () => {
  test('the default threshold is 180 days', () => {
    expect(DEFAULT_STALE_AFTER_DAYS).toBe(180);
  });

  test.each([
    ['2026-06-10', 179, false],
    ['2026-06-09', 180, false], // at the threshold: still fresh
    ['2026-06-08', 181, true],
    ['2026-12-06', 0, false],
    ['2025-12-06', 365, true],
  ])('as of %s: %i days old, stale %s', (asOf, days, stale) => {
    expect(priceAge(asOf, TODAY)).toBe(days);
    expect(isStale(asOf, TODAY)).toBe(stale);
  });

  test('a threshold the user changed: 90 days', () => {
    // 2026-09-07 to 2026-12-06: 23 + 31 + 30 + 6 = 90 days; a day earlier is 91.
    expect(isStale('2026-09-07', TODAY, 90)).toBe(false);
    expect(isStale('2026-09-06', TODAY, 90)).toBe(true);
    // 0 days: anything before today is stale, today's price is not.
    expect(isStale('2026-12-05', TODAY, 0)).toBe(true);
    expect(isStale(TODAY, TODAY, 0)).toBe(false);
  });

  test('a date followed by more text is read by its first ten characters', () => {
    expect(priceAge('2026-06-08 (list price)', TODAY)).toBe(181);
  });

  test.each(['', 'undated', 'Nov 2026', '2026-6-8'])('%j has no age and is never stale', (asOf) => {
    expect(priceAge(asOf, TODAY)).toBeUndefined();
    expect(isStale(asOf, TODAY)).toBe(false);
  });

  test('months and leap days count as calendar days', () => {
    // 2028-02-28 to 2028-03-01: 29 February lies between, 2 days.
    expect(priceAge('2028-02-28', '2028-03-01')).toBe(2);
    expect(priceAge('2027-02-28', '2027-03-01')).toBe(1);
  });
});

describe("the catalog sheet's threshold cell", () => {
  test.each([
    ['', 180],
    [90, 90],
    [0, 0],
  ])('%j gives %i days with nothing to say', (cell, days) => {
    expect(readStaleAfterDays(cell)).toEqual({ days });
  });

  test.each([
    [-1, 'must be a number of days, 0 or more, got -1; 180 is used'],
    ['soon', 'must be a number of days, 0 or more, got "soon"; 180 is used'],
  ])('%j is named in a problem, and the default is used', (cell, problem) => {
    expect(readStaleAfterDays(cell)).toEqual({ days: 180, problem });
  });
});

/** The built-in catalog with a provider row and an API row of the user's, dated as given. */
function catalogWith(providerAsOf: string, apiAsOf: string, modelAsOf = '2020-01-01'): Catalog {
  return {
    ...BUILT_IN_CATALOG,
    models: BUILT_IN_CATALOG.models.map((row) =>
      row.name === 'Llama 13B' ? { ...row, asOf: modelAsOf } : row,
    ),
    providers: [
      ...BUILT_IN_CATALOG.providers,
      {
        name: 'Acme GPU',
        gpu: 'H100',
        pricePerGpuHour: 2,
        pricing: 'on-demand',
        source: "Acme's price list, typed in by the team",
        asOf: providerAsOf,
      },
    ],
    apis: [
      ...BUILT_IN_CATALOG.apis,
      {
        name: 'House API',
        inputPricePer1K: 0.001,
        outputPricePer1K: 0.002,
        source: "The team's contract",
        asOf: apiAsOf,
      },
    ],
  };
}

describe('the rows a scenario uses', () => {
  test('price rows carry their age; only a price older than the threshold is stale', () => {
    // A model row from 2020 is a specification, not a price: never flagged.
    const catalog = catalogWith('2026-06-08', '2026-06-09');
    const index = new CatalogIndex(catalog);
    const resolved = resolveScenario({ provider: 'Acme GPU', api: 'House API' }, index);
    const used = rowsUsed(resolved, catalog, TODAY);
    const byRole = Object.fromEntries(used.map((row) => [row.role, row]));
    expect(byRole['Model']).toMatchObject({ asOf: '2020-01-01', stale: false });
    expect(byRole['Model'].ageDays).toBeUndefined();
    expect(byRole['GPU provider']).toMatchObject({ ageDays: 181, stale: true });
    expect(byRole['API']).toMatchObject({ ageDays: 180, stale: false });
    // A threshold of 179 days makes the API row stale too.
    const strict = rowsUsed(resolved, catalog, TODAY, 179);
    expect(strict.filter((row) => row.stale).map((row) => row.role)).toEqual([
      'GPU provider',
      'API',
    ]);
  });

  test("a user's row with a new as-of date is fresh again", () => {
    const catalog = catalogWith('2026-12-01', '2026-12-01');
    const index = new CatalogIndex(catalog);
    const resolved = resolveScenario({ provider: 'Acme GPU', api: 'House API' }, index);
    expect(rowsUsed(resolved, catalog, TODAY).some((row) => row.stale)).toBe(false);
  });

  test("the sidebar's catalog note lists every stale price with its date and age", () => {
    const catalog = catalogWith('2026-06-08', '2025-12-06');
    const stale = stalePrices(catalog, TODAY);
    expect(stale).toContain('GPU provider Acme GPU (as of 2026-06-08, 181 days)');
    expect(stale).toContain('API House API (as of 2025-12-06, 365 days)');
  });
});

describe("the scenario model's age and Check note, on a clock the test gives", () => {
  function evaluation(catalog: Catalog, input: Record<string, unknown>, staleAfterDays = 180) {
    const index = new CatalogIndex(catalog, [], staleAfterDays);
    const resolved = resolveScenario(input, index);
    return new ScenarioEvaluation(inputCells(resolved.input), index, scenarioTables(index, 36), {
      today: TODAY,
    });
  }

  test('a stale provider: its age, a note in its Check cell, and the results still shown', () => {
    const model = evaluation(catalogWith('2026-06-08', '2026-12-01'), {
      provider: 'Acme GPU',
      api: 'House API',
    });
    expect(model.get('providerAsOf')).toBe('2026-06-08');
    expect(model.get('providerAge')).toBe(181);
    expect(model.get('check.provider')).toBe(
      "Note: its price is 181 days old (as of 2026-06-08), past the 180-day limit in the FT Catalog sheet: check today's price",
    );
    expect(model.get('apiAge')).toBe(5);
    expect(model.get('check.api')).toBe('');
    // A note is not a problem: the results are computed.
    expect(model.get('problem')).toBe('');
    expect(typeof model.get('roi36')).toBe('number');
  });

  test('at 180 days no note; a threshold of 179 days gives one', () => {
    const catalog = catalogWith('2026-06-09', '2026-12-01');
    const input = { provider: 'Acme GPU', api: 'House API' };
    expect(evaluation(catalog, input).get('check.provider')).toBe('');
    expect(evaluation(catalog, input, 179).get('check.provider')).toMatch(
      /^Note: its price is 180 days old .* past the 179-day limit/,
    );
  });

  test('a rate typed for the provider uses no row: no age, no note', () => {
    const model = evaluation(catalogWith('2020-01-01', '2020-01-01'), { provider: 2.5 });
    expect(model.get('providerAge')).toBe('');
    expect(model.get('check.provider')).toBe('');
  });
});
