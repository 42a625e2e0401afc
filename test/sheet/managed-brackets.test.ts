// Issue 20: managed services priced as they are sold, in the scenario sheet. Each case
// generates a scenario, reads the sheet's managed cells as HyperFormula computes them and
// compares them with the engine and with hand arithmetic. Fireworks' built-in rows: LoRA
// $0.50 up to 16B and $3 for 16.1-80B, full $1 up to 16B (10,000 x 500 tokens = 5M a epoch).
import {
  CATALOG_SHEET,
  CATALOG_TITLE_ROW,
  KEY_FIRST_COLUMN,
  KEY_LAST_ROW,
  KEYS_TITLE,
  OLD_KEY_FIRST_COLUMN,
  catalogTable,
} from '../../src/addon/catalog-sheet';
import { columnLetter } from '../../emulator';
import { BUILT_IN_CATALOG } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import { addCatalogRow } from './catalog-support';
import { engineResult, Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';

const TRAINING = 'Managed fine-tuning: training cost';
const MONTHLY = 'Managed fine-tuning: cost per month';

/** The scenario's managed training and monthly cost in the sheet, checked against the engine. */
function managedCosts(s: Session, input: Record<string, unknown>): [number, number] {
  const summary = generate(s, input);
  const result = engineResult(s, input);
  const ev = new Evaluated(s.workbook, summary.sheetName);
  try {
    const training = ev.byLabel(TRAINING);
    const monthly = ev.byLabel(MONTHLY);
    const { managedTrainingCost, managedMonthlyCost } = result.finance;
    if (managedTrainingCost === null || managedMonthlyCost === null) {
      throw new Error('the engine has no managed price for this scenario');
    }
    expectClose(training, managedTrainingCost, 'sheet training = engine');
    expectClose(monthly, managedMonthlyCost, 'sheet monthly = engine');
    return [training as number, monthly as number];
  } finally {
    ev.destroy();
  }
}

describe('the bracket of the scenario’s model size and method, in the sheet as in the engine', () => {
  const s = session();

  test('bracket edges, methods and epochs: one sheet, its inputs edited', () => {
    const summary = generate(s, {});
    const ev = new Evaluated(s.workbook, summary.sheetName);
    // [model, method, epochs, $ training (hand), $ a month: 10,000 x 1,300 tokens / 1M x $ serving]
    const cases: readonly (readonly [number | string, string, number, number, number])[] = [
      [16, 'LoRA', 1, 5 * 0.5, 13 * 0.2],
      ['16.1B', 'LoRA', 1, 5 * 3, 13 * 0.9],
      [80, 'LoRA', 1, 5 * 3, 13 * 0.9],
      ['Llama 13B', 'full', 1, 5 * 1, 13 * 0.2],
      ['Llama 70B', 'LoRA', 3, 15 * 3, 13 * 0.9],
    ];
    try {
      for (const [model, method, epochs, training, monthly] of cases) {
        const what = `${model} ${method} x${epochs}`;
        ev.setInputs([
          ['Model', model],
          ['Method', method],
          ['Epochs', epochs],
        ]);
        const engine = engineResult(s, { model, method, epochs }).finance;
        expectClose(ev.byLabel(TRAINING), engine.managedTrainingCost ?? -1, `${what}: engine`);
        expectClose(ev.byLabel(MONTHLY), engine.managedMonthlyCost ?? -1, `${what}: engine`);
        expectClose(ev.byLabel(TRAINING), training, `${what}: by hand`);
        expectClose(ev.byLabel(MONTHLY), monthly, `${what}: by hand`);
      }
    } finally {
      ev.destroy();
    }
  });

  test('a size no bracket holds: the managed path is blank and its Check says why', () => {
    const summary = generate(s, {});
    const ev = new Evaluated(s.workbook, summary.sheetName);
    const check = (): unknown => ev.rows().find((row) => row[0] === 'Managed fine-tuning')?.[3];
    try {
      // Fireworks sells full fine-tuning up to 16B only.
      ev.setInputs([
        ['Model', 16.1],
        ['Method', 'full'],
      ]);
      expect(check()).toBe(
        "Managed fine-tuning (B32): 'Fireworks' has no price in the FT Catalog sheet for this model size and method: the managed path is left blank",
      );
      // A side comparison: the scenario's own results stand.
      expect(ev.byLabel('Input check')).toBe('');
      expect(ev.byLabel(TRAINING)).toBe('');
      expect(
        engineResult(s, { model: 16.1, method: 'full' }).finance.managedTrainingCost,
      ).toBeNull();
      expect(typeof ev.byLabel('GPU cost of the training run')).toBe('number');
      ev.setInputs([
        ['Model', 80],
        ['Method', 'LoRA'],
      ]);
      expect(check()).toBe('');
      expectClose(ev.byLabel(TRAINING), 15, '80B in 16.1-80B: 5M x $3');
    } finally {
      ev.destroy();
    }
  });
});

describe('the team’s own managed rows', () => {
  test('a row with a built-in price’s name, method and bracket overrides it (lowest row wins)', () => {
    const s = session();
    s.call('insertCatalogSheet');
    addCatalogRow(s, 'managed', [
      'fireworks',
      0.4,
      'Fireworks fine-tuned up to 16B',
      'our contract',
      '2026-12-01',
      '',
      'LoRA',
      16,
      '',
      '',
    ]);
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(warnings).toEqual([
      `FT Catalog row 4 (Managed fine-tuning): "Fireworks" has the same method and size limit in row ${4 + BUILT_IN_CATALOG.managed.length} below; the lowest row of a price is used, so this row is not.`,
    ]);
    // Fireworks' five built-in prices, the overridden one replaced by the team's.
    expect(catalog.managed.filter((row) => /fireworks/i.test(row.name))).toHaveLength(5);
    // 5M tokens x $0.40 = $2; the 16.1-80B bracket keeps its $3.
    expectClose(managedCosts(s, {})[0], 2, 'overridden bracket');
    expectClose(managedCosts(s, { model: 70 })[0], 15, 'other bracket');
  });

  test('a flat row prices every size and method; a minimum charge and a hosting fee apply', () => {
    const s = session();
    s.call('insertCatalogSheet');
    addCatalogRow(s, 'managed', [
      'Acme FT',
      2,
      'Claude',
      'quote',
      '2026-12-01',
      '',
      '',
      '',
      100,
      50,
    ]);
    // 5M tokens x $2 = $10, under the $100 minimum; 405B full: the same flat price.
    const [training, monthly] = managedCosts(s, { managedService: 'Acme FT' });
    expectClose(training, 100, 'minimum charge');
    // Served as Claude: 10,000 x (1 x 0.003 + 0.3 x 0.015) = $75, + $50 hosting.
    expectClose(monthly, 125, 'serving + hosting');
    const big = managedCosts(s, {
      managedService: 'Acme FT',
      model: 'Llama 405B',
      method: 'full',
      examples: 100000,
    });
    // 100,000 x 500 = 50M tokens x $2 = $100: at the minimum exactly.
    expectClose(big[0], 100, '405B full');
  });
});

describe('a catalog sheet made before the managed price columns', () => {
  /** The sheet as the add-in wrote it then: the lookup keys began right after the managed table. */
  function oldSheet(): Session {
    const s = session();
    s.call('insertCatalogSheet');
    const managed = catalogTable('managed');
    const firstNew = OLD_KEY_FIRST_COLUMN - managed.firstColumn;
    // Old keys where the price columns are now, and none where the keys are now.
    const oldKeys: unknown[][] = [];
    for (let row = CATALOG_TITLE_ROW; row <= KEY_LAST_ROW; row++) {
      oldKeys.push(
        [0, 1, 2, 3].map((i) =>
          row === CATALOG_TITLE_ROW && i === 0 ? KEYS_TITLE : row > 3 && i < 2 ? 'llama7b' : '',
        ),
      );
    }
    s.workbook.write(
      CATALOG_SHEET,
      `${columnLetter(OLD_KEY_FIRST_COLUMN)}${CATALOG_TITLE_ROW}`,
      oldKeys,
    );
    s.workbook.write(CATALOG_SHEET, `${columnLetter(KEY_FIRST_COLUMN)}${CATALOG_TITLE_ROW}`, [
      [''],
    ]);
    // Its managed rows then: OpenAI's, flat, and one of the team's (no method, size limit,
    // minimum or hosting: those columns held the keys).
    const blank = (): string[] => new Array<string>(firstNew).fill('');
    s.workbook.write(CATALOG_SHEET, `${columnLetter(managed.firstColumn)}4`, [
      ['OpenAI GPT-4 fine-tuning', 25, 'GPT-4 fine-tuned', 'the article', '2026-11-29', ''],
      ['Old flat', 7, 'Claude', 'ours', '2025-01-01', ''],
      ...Array.from({ length: BUILT_IN_CATALOG.managed.length - 2 }, blank),
    ]);
    return s;
  }

  test('its flat rows price every size and method, and its old keys are not read as prices', () => {
    const s = oldSheet();
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(warnings).toEqual([]);
    const flat = catalog.managed.find((row) => row.name === 'Old flat');
    expect(flat).toEqual({
      name: 'Old flat',
      pricePer1MTrainingTokens: 7,
      inferenceApi: 'Claude',
      source: 'ours',
      asOf: '2025-01-01',
    });
    // Its keys move right and its price columns get their headers when a scenario is made:
    // 405B full, 5M tokens x $7 = $35, in the sheet as in the engine.
    expectClose(
      managedCosts(s, { managedService: 'Old flat', model: 'Llama 405B', method: 'full' })[0],
      35,
    );
    const values = s.workbook.values(CATALOG_SHEET);
    expect(values[CATALOG_TITLE_ROW - 1][KEY_FIRST_COLUMN - 1]).toBe(KEYS_TITLE);
    expect(values[2].slice(OLD_KEY_FIRST_COLUMN - 1, OLD_KEY_FIRST_COLUMN + 3)).toEqual(
      catalogTable('managed').columns.slice(6),
    );
    expect(values[3].slice(OLD_KEY_FIRST_COLUMN - 1, OLD_KEY_FIRST_COLUMN + 3)).toEqual([
      '',
      '',
      '',
      '',
    ]);
  });
});

describe('a price with no serving price cited (Fireworks above 80B, Together AI)', () => {
  test('the training cost shows; the monthly cost and break-even are blank, and the Check says why', () => {
    const s = session();
    // 80.1B with LoRA: Fireworks' 80.1-300B row, $6 per 1M: 5M tokens x $6 = $30.
    const summary = generate(s, { model: 80.1, method: 'LoRA' });
    const engine = engineResult(s, { model: 80.1, method: 'LoRA' }).finance;
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expectClose(ev.byLabel(TRAINING), 30, '80.1B: 5M x $6');
      expect(engine.managedTrainingCost).toBeCloseTo(30, 9);
      expect(ev.byLabel(MONTHLY)).toBe('');
      expect(ev.byLabel('Managed fine-tuning: break-even (months)')).toBe('');
      expect(engine.managedMonthlyCost).toBeNull();
      expect(engine.managedBreakEvenMonths).toBeNull();
      const check = ev.rows().find((row) => row[0] === 'Managed fine-tuning')?.[3];
      expect(String(check)).toBe(
        'Note: no serving price for this size and method: managed monthly cost and break-even left blank. ',
      );
      expect(ev.byLabel('Input check')).toBe('');
      // Together AI, 13B LoRA: $0.48 per 1M, 5M tokens = $2.40, no serving price either.
      ev.setInputs([
        ['Model', 13],
        ['Managed fine-tuning', 'Together AI'],
      ]);
      expectClose(ev.byLabel(TRAINING), 2.4, 'Together 13B: 5M x $0.48');
      expect(ev.byLabel(MONTHLY)).toBe('');
    } finally {
      ev.destroy();
    }
  });
});
