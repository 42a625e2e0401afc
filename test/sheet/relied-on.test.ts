// Issue 20: every offer a scenario relies on says when it ends: besides the API, the managed
// service and the GPU provider, the scenario's model and the managed fine-tune's inference API;
// and the managed path's "figures as of" is the date of the bracket row it prices with.
// Dates and sentences are written out by hand below.
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  computeScenario,
  resolveScenario,
  rowsUsed,
  ScenarioEvaluation,
  scenarioTables,
  SCENARIO_FIELDS,
  serialOfIso,
} from '../../src/engine';
import type { Catalog, ScenarioField, Value } from '../../src/engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  catalogTable,
  columnLetter,
} from '../../src/addon/catalog-sheet';
import { availabilityColumn } from '../../src/addon/catalog/availability';
import { pinToday, unpinToday } from '../support/today';
import { Evaluated, generate, session } from './helpers';

const TODAY = '2026-12-06';
beforeAll(() => pinToday(TODAY));
afterAll(() => unpinToday());

const GPT4O_FT = 'OpenAI GPT-4o fine-tuning';
// GPT-4o and its fine-tunes shut down on 2027-01-14: the last day is 2027-01-13.
const API_SENTENCE = (horizonEnd: string): string =>
  `GPT-4o fine-tuned (the managed inference API) is available until 2027-01-13; this scenario's horizon runs to ${horizonEnd}.`;

/** The scenario's model over its inputs as the sheet holds them (the start as a serial). */
function evaluation(given: Record<string, unknown>, index: CatalogIndex): ScenarioEvaluation {
  const { input } = resolveScenario(given, index);
  const raw = {} as Record<ScenarioField, Value>;
  for (const field of SCENARIO_FIELDS) raw[field.key] = input[field.key] as Value;
  raw.startDate = serialOfIso(String(input.startDate)) ?? '';
  return new ScenarioEvaluation(raw, index, scenarioTables(index, Number(input.horizonMonths)));
}

const verdictOf = (given: Record<string, unknown>, index: CatalogIndex): string =>
  computeScenario(resolveScenario(given, index), index).verdict.text;

/** The built-in catalog with some rows changed (a deep copy: the built-in one stays). */
function catalogWith(
  change: (catalog: { -readonly [K in keyof Catalog]: Catalog[K][number][] }) => void,
): Catalog {
  const copy = JSON.parse(JSON.stringify(BUILT_IN_CATALOG)) as Parameters<typeof change>[0];
  change(copy);
  return copy;
}

describe("the managed path's inference API has a sentence of its own", () => {
  const index = new CatalogIndex(BUILT_IN_CATALOG);

  it('36 months from 2027-01-01: both the service and its inference API are named', () => {
    const given = { managedService: GPT4O_FT, startDate: '2027-01-01', horizonMonths: 36 };
    const verdict = verdictOf(given, index);
    expect(verdict).toContain(
      "OpenAI GPT-4o fine-tuning takes no new jobs after 2027-01-05; this scenario's horizon runs to 2029-12.",
    );
    expect(verdict).toContain(API_SENTENCE('2029-12'));
    const check = String(evaluation(given, index).get('check.managedService'));
    expect(check).toContain(`Note: ${API_SENTENCE('2029-12')}`);
    expect(evaluation(given, index).get('problem')).toBe('');
  });

  // A 1-month horizon's last day is EDATE(start, 1) - 1.
  it('a horizon ending on 2027-01-13 (from 2026-12-14) says nothing of the API', () => {
    const given = { managedService: GPT4O_FT, startDate: '2026-12-14', horizonMonths: 1 };
    expect(verdictOf(given, index)).not.toContain('inference API');
  });

  it('a horizon ending on 2027-01-14 (from 2026-12-15) does', () => {
    const given = { managedService: GPT4O_FT, startDate: '2026-12-15', horizonMonths: 1 };
    expect(verdictOf(given, index)).toMatch(
      new RegExp(`${API_SENTENCE('2027-01').replace(/[.()]/g, '\\$&')}$`),
    );
  });

  it('its stale inference price is noted in the managed Check cell too', () => {
    // GPT-4o fine-tuned's price is as of 2026-04-07: 2026-04-07 to 2026-12-06 is 23 (to 30
    // April) + 31 + 30 + 31 + 31 + 30 + 31 + 30 (May to November) + 6 = 243 days.
    const given = { managedService: GPT4O_FT, startDate: '2027-01-01', horizonMonths: 36 };
    const model = evaluation(given, index);
    expect(model.get('managedApiAsOf')).toBe('2026-04-07');
    expect(model.get('managedApiAge')).toBe(243);
    expect(String(model.get('check.managedService'))).toContain(
      'Note: its inference price is 243 days old (as of 2026-04-07), past the 180-day limit',
    );
  });

  it('the default scenario (Fireworks, today) has no sentence at all', () => {
    expect(verdictOf({ startDate: '2027-01-01' }, index)).not.toMatch(
      /available until|no new jobs/,
    );
  });
});

describe("the scenario's model is checked against its dates", () => {
  const catalog = catalogWith((c) => {
    const llama = c.models.find((row) => row.name === 'Llama 13B');
    if (!llama) throw new Error('no Llama 13B');
    Object.assign(llama, { availableUntil: '2027-06-30', availableUntilSource: 'a test' });
  });
  const index = new CatalogIndex(catalog);

  it('a horizon past its last day says so, in the verdict and as a note on the Model input', () => {
    const given = { model: 'Llama 13B', startDate: '2027-01-01', horizonMonths: 12 };
    const sentence =
      "Llama 13B is available until 2027-06-30; this scenario's horizon runs to 2027-12.";
    expect(verdictOf(given, index)).toContain(sentence);
    const model = evaluation(given, index);
    expect(model.get('check.model')).toBe(`Note: ${sentence} `);
    expect(model.get('problem')).toBe('');
  });

  it('a horizon that ends on it (2027-01-01 + 6 months - 1 day = 2027-06-30) does not', () => {
    const given = { model: 'Llama 13B', startDate: '2027-01-01', horizonMonths: 6 };
    expect(verdictOf(given, index)).not.toContain('Llama 13B is available');
    expect(evaluation(given, index).get('check.model')).toBe('');
  });

  it('a model typed as a size has no row, so nothing to say', () => {
    const given = { model: 13, startDate: '2027-01-01', horizonMonths: 12 };
    expect(verdictOf(given, index)).not.toContain('available until');
  });
});

describe("the managed path's figures are as of the bracket row it uses", () => {
  // Fireworks' LoRA 16.1-80B row dated apart from its up-to-16B row.
  const catalog = catalogWith((c) => {
    const row = c.managed.find((r) => r.name === 'Fireworks' && r.upToBillions === 80);
    if (!row) throw new Error('no Fireworks 80B row');
    Object.assign(row, { asOf: '2025-01-01' });
  });
  const index = new CatalogIndex(catalog);

  it('a 70B model takes the 80B row: its date, its age and its stale note', () => {
    // 2025-01-01 to 2026-12-06: 365 (2025) + 339 (2026-01-01 to 2026-12-06) = 704 days.
    const model = evaluation({ model: 'Llama 70B', method: 'LoRA' }, index);
    expect(model.get('managedAsOf')).toBe('2025-01-01');
    expect(model.get('managedAge')).toBe(704);
    expect(String(model.get('check.managedService'))).toContain('its price is 704 days old');
  });

  it('a 13B model takes the 16B row: as of 2026-10-07, fresh', () => {
    const model = evaluation({ model: 'Llama 13B', method: 'LoRA' }, index);
    expect(model.get('managedAsOf')).toBe('2026-10-07');
    expect(model.get('check.managedService')).toBe('');
  });

  it("the sidebar's rows-used list shows the same row and the inference API row", () => {
    const resolved = resolveScenario({ model: 'Llama 70B', method: 'LoRA' }, index);
    const used = rowsUsed(resolved, catalog, TODAY);
    expect(used.find((row) => row.role === 'Managed fine-tuning')).toMatchObject({
      name: 'Fireworks',
      asOf: '2025-01-01',
      stale: true,
    });
    expect(used.find((row) => row.role === 'Managed inference API')).toMatchObject({
      name: 'Fireworks fine-tuned 16.1-80B',
    });
  });
});

describe('in the sheet, live over the catalog cells', () => {
  it("a model's date typed in the catalog, and a bracket row's As of, reach the scenario", () => {
    const s = session();
    const { sheetName } = generate(s, {
      model: 'Llama 70B',
      method: 'LoRA',
      startDate: '2027-01-01',
      horizonMonths: 12,
    });
    const llama70 = BUILT_IN_CATALOG.models.findIndex((row) => row.name === 'Llama 70B');
    const untilCell = `${columnLetter(availabilityColumn('models', 'availableUntil'))}${CATALOG_FIRST_ROW + llama70}`;
    s.workbook.write(CATALOG_SHEET, untilCell, [['2027-06-30']]);
    const managed = catalogTable('managed');
    const asOfColumn = managed.firstColumn + managed.columns.indexOf('As of');
    const fireworks80 = BUILT_IN_CATALOG.managed.findIndex(
      (row) => row.name === 'Fireworks' && row.upToBillions === 80,
    );
    s.workbook.write(
      CATALOG_SHEET,
      `${columnLetter(asOfColumn)}${CATALOG_FIRST_ROW + fireworks80}`,
      [['2025-01-01']],
    );
    const ev = new Evaluated(s.workbook, sheetName);
    try {
      expect(String(ev.byLabel('Verdict'))).toContain(
        "Llama 70B is available until 2027-06-30; this scenario's horizon runs to 2027-12.",
      );
      expect(ev.byLabel('Managed fine-tuning: figures as of', 1)).toBe('2025-01-01');
      const modelRow = ev.rows().find((cells) => cells[0] === 'Model');
      expect(String(modelRow?.[3])).toMatch(/^Note: Llama 70B is available until 2027-06-30/);
      expect(ev.byLabel('Input check')).toBe('');
    } finally {
      ev.destroy();
    }
  });
});
