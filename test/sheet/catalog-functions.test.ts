// Issue 11: the FT_* functions read the FT Catalog sheet (user rows, rows changed in place,
// built-in names added again below), with the name rules every view shares, a constant
// number of SpreadsheetApp calls, and results that follow catalog edits (onEdit, menu).
import { readFileSync } from 'node:fs';
import { formulaEntryCount } from '../../emulator';
import { BUILT_IN_CATALOG } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import { addCatalogRow, CustomFunctionRecalc, editCatalogCell } from './catalog-support';
import { expectClose, session } from './helpers';
import type { Session } from './helpers';
import { CODE_JS } from '../support/load-bundle';

const column = (...cells: unknown[]): unknown[][] => cells.map((cell) => [cell]);

/** What a call returned, or the message it threw; a raw JS error is never a user message. */
function outcome(s: Session, name: string, ...args: unknown[]): unknown {
  let message: string;
  try {
    return s.call(name, ...args);
  } catch (error) {
    message = String((error as Error).message);
  }
  expect(message).toMatch(/^FT_[A-Z_]+: /);
  expect(message).not.toMatch(/TypeError|ReferenceError|undefined|NaN/);
  return { error: message };
}

function errorOf(s: Session, name: string, ...args: unknown[]): string {
  const result = outcome(s, name, ...args);
  if (typeof result !== 'object' || result === null || !('error' in result)) {
    throw new Error(`${name} returned ${JSON.stringify(result)} instead of an error`);
  }
  return (result as { error: string }).error;
}

// A 7.3B model with a blank scale: 7.3B lies between Llama 7B (scale 1) and 13B (scale 2),
// so its scale is 2^(ln(7.3/7) / ln(13/7)) ≈ 1.04811 (log-log interpolation, DESIGN.md).
const SCALE_73 = Math.pow(2, Math.log(7.3 / 7) / Math.log(13 / 7));

/** A workbook whose catalog a team has extended, changed in place and overridden below. */
function teamWorkbook(): { s: Session; badRow: number; lambdaRow: number } {
  const s = session();
  s.call('insertCatalogSheet');
  addCatalogRow(s, 'providers', [
    'Azure ND H100',
    'H100',
    6.98,
    'on-demand',
    'our Azure quote',
    '2026-11-01',
    'Azure',
  ]);
  const badRow = addCatalogRow(s, 'providers', [
    'Broken cloud',
    'H100',
    'cheap',
    'spot',
    '',
    '',
    '',
  ]);
  // A built-in name added again under its table, with another price: the lowest row wins.
  const lambdaRow = addCatalogRow(s, 'providers', [
    'Lambda Labs',
    'H100',
    3,
    'on-demand',
    'our contract',
    '2026-11-01',
    '',
  ]);
  // A built-in row changed in place: AWS spot at $1.00 (the article: $0.86).
  editCatalogCell(s, 'providers', 'AWS spot', 2, 1);
  addCatalogRow(s, 'models', ['Mistral 7B', 7.3, '', 'our benchmark', '2026-11-01', '']);
  addCatalogRow(s, 'apis', ['Our Claude', 0.002, 0.01, 'negotiated', '2026-11-01', '']);
  addCatalogRow(s, 'gpus', [
    'B200',
    2250,
    192,
    2250 / 989,
    'NVIDIA B200 datasheet',
    '2026-11-01',
    '',
  ]);
  addCatalogRow(s, 'methods', ['DoRA', 0.3, 4, 2, 0.01, 16, 'our runs', '2026-11-01', '']);
  return { s, badRow, lambdaRow };
}

describe('FT_* functions read the FT Catalog sheet', () => {
  const { s, badRow, lambdaRow } = teamWorkbook();

  test('getCatalog (the sidebar) warns about the bad row, the override and the blank scale', () => {
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(warnings).toEqual(
      expect.arrayContaining([
        `FT Catalog row ${badRow} (GPU providers, "Broken cloud"): $ per GPU-hour must be a number, got 'cheap'; the row is skipped.`,
        expect.stringMatching(
          new RegExp(
            `^FT Catalog row \\d+ \\(GPU providers\\): "Lambda Labs" is also in row ${lambdaRow} below; the lowest row of a name is used`,
          ),
        ),
        expect.stringMatching(
          /\(Models\): "Mistral 7B" has no scale; 1\.048 is used, interpolated from its 7\.3B parameters\.$/,
        ),
      ]),
    );
    expect(catalog.models.find((row) => row.name === 'Mistral 7B')?.scale).toBeCloseTo(
      SCALE_73,
      12,
    );
  });

  test.each([
    // [function, args, expected, why]
    [
      'FT_COST',
      ['Mistral 7B', 10000, 'Azure ND H100'],
      SCALE_73 * 6.98,
      'user model (blank scale) on a user provider',
    ],
    [
      'FT_COST',
      ['Mistral 7B', 10000, 'Azure'],
      SCALE_73 * 6.98,
      'the provider by its Also known as',
    ],
    [
      'FT_COST',
      ['Llama 13B', 50000, 'AWS spot'],
      10,
      '10 H100 hours × $1.00, the row changed in place',
    ],
    ['FT_COST', ['Llama 13B', 50000, 'Lambda Labs'], 30, '10 h × $3.00, the lower row of the name'],
    [
      'FT_COST',
      ['Llama 13B', 50000, 'Lambda'],
      30,
      'the built-in alias kept by the overriding row',
    ],
    ['FT_COST', ['Llama 13B', 50000, 'RunPod'], 24.9, 'the article short name: 10 h × $2.49'],
    ['FT_HOURS', ['Mistral 7B', 10000], SCALE_73, '0.0001 × 10,000 × 1.04811'],
    ['FT_HOURS', ['Llama 13B', 50000, 'DoRA'], 3, 'a user method: 10 h × 0.3'],
    ['FT_MEMORY', ['Mistral 7B'], 7.3 * 16 * 1.2, '7.3B × 16 bytes (full) × 1.2'],
    [
      'FT_MEMORY',
      ['Llama 13B', 'DoRA'],
      13 * (2 + 0.01 * 16) * 1.2,
      'a user method: 13 × 2.16 × 1.2',
    ],
    [
      'FT_COMPUTE_HOURS',
      ['Mistral 7B', 1e6, 'full', 'B200'],
      (6 * 7.3e9 * 1e6) / (2250e12 * 0.35 * 3600),
      'user GPU',
    ],
    ['FT_API_COST', [10000, 1000, 300, 'Our Claude'], 50, '10,000 × (1 × 0.002 + 0.3 × 0.01)'],
  ] as const)('%s(%j) uses the sheet', (fn, args, expected, why) => {
    const value = outcome(s, fn, ...args);
    expectClose(value as number, expected, `${fn} ${why}`);
  });

  test('over ranges, each row uses its own catalog rows', () => {
    const cost = s.call<number[][]>(
      'FT_COST',
      column('Mistral 7B', 'Llama 13B', 'Llama 13B', ''),
      column(10000, 50000, 50000, ''),
      column('Azure', 'AWS spot', 'Lambda', ''),
    );
    expect(cost).toHaveLength(4);
    expectClose(cost[0][0], SCALE_73 * 6.98, 'row 1');
    expectClose(cost[1][0], 10, 'row 2');
    expectClose(cost[2][0], 30, 'row 3');
    expect(() =>
      s.call('FT_COST', column('Llama 13B', 'Llama 13B'), 100, column('AWS spot', 'Broken cloud')),
    ).toThrow(
      /^FT_COST: provider 'Broken cloud' is not in the FT Catalog sheet or the built-in catalog \(row 2 of provider\)\. Known: .*FT Catalog row \d+ \(GPU providers, "Broken cloud"\): \$ per GPU-hour must be a number, got 'cheap'; the row is skipped\./,
    );
    // 20,000 × (1 × 0.003 + 0.3 × 0.015) = 150 for the built-in Claude.
    expect(
      s.call('FT_API_COST', column(10000, 20000), 1000, 300, column('Our Claude', 'Claude')),
    ).toEqual([[50], [150]]);
    const hours = s.call<number[][]>(
      'FT_HOURS',
      column('Mistral 7B', 'Llama 13B'),
      10000,
      column('full', 'DoRA'),
    );
    expectClose(hours[0][0], SCALE_73, 'hours row 1');
    expectClose(hours[1][0], 0.6, 'hours row 2: 2 × 0.3');
    const compute = s.call<number[][]>(
      'FT_COMPUTE_HOURS',
      'Llama 13B',
      1e6,
      'full',
      column('H100', 'B200'),
    );
    expectClose(compute[0][0], (6 * 13e9 * 1e6) / (989e12 * 0.35 * 3600), 'H100');
    expectClose(compute[1][0], (6 * 13e9 * 1e6) / (2250e12 * 0.35 * 3600), 'B200');
    const memory = s.call<number[][]>('FT_MEMORY', column('Mistral 7B', 'Llama 7B'), 'full');
    expectClose(memory[0][0], 7.3 * 16 * 1.2, 'memory row 1');
    expectClose(memory[1][0], 7 * 16 * 1.2, 'memory row 2');
  });

  test('the bad row breaks only its own name', () => {
    expect(errorOf(s, 'FT_COST', 'Llama 13B', 100, 'Broken cloud')).toMatch(/the row is skipped/);
    expectClose(
      s.call('FT_COST', 'Llama 13B', 50000, 'On-premise (amortized)'),
      27.3,
      '10 h × $2.73',
    );
  });

  test('an FT_COST call makes the same SpreadsheetApp calls for 10 and 5,000 rows', () => {
    const counts = [10, 5000].map((rows) => {
      const models = Array.from({ length: rows }, (_, i) => [i % 2 ? 'Mistral 7B' : 'Llama 13B']);
      const examples = Array.from({ length: rows }, (_, i) => [1000 + i]);
      s.workbook.resetCalls();
      const result = s.call<unknown[][]>('FT_COST', models, examples, 'Azure');
      expect(result).toHaveLength(rows);
      return s.workbook.callCount();
    });
    // getActiveSpreadsheet, getSheetByName, getDataRange, getValues, and the spreadsheet's
    // time zone once (the As of cells hold dates, read in that zone).
    expect(counts).toEqual([5, 5]);
  });

  test('a function that takes no name reads nothing', () => {
    s.workbook.resetCalls();
    s.call('FT_BREAKEVEN', 1001.25, 50);
    expect(s.workbook.callCount()).toBe(0);
  });
});

describe('without a catalog sheet', () => {
  const s = session();

  test('the built-in rows work and a size at the end of a name is a size', () => {
    expectClose(
      s.call('FT_COST', 'Llama 13B', 50000, 'AWS spot'),
      8.6,
      'the article: 10 h × $0.86',
    );
    expectClose(s.call('FT_COST', 'Llama 13B', 50000, 'RunPod'), 24.9, 'RunPod → RunPod on-demand');
    expectClose(s.call('FT_COST', 'Llama 13B', 50000, 'Lambda'), 39.8, 'Lambda → Lambda Labs');
    expectClose(s.call('FT_COST', 'Llama 13B', 50000, 'on-prem'), 27.3, 'on-prem → On-premise');
    expectClose(s.call('FT_COST', 'Llama 13B', 50000, 'runpod on'), 24.9, 'a unique prefix');
    // 8B: 2^(ln(8/7) / ln(13/7)) ≈ 1.16127, as "8B" is read.
    const scale8 = Math.pow(2, Math.log(8 / 7) / Math.log(13 / 7));
    expectClose(s.call('FT_HOURS', 'Llama 8B', 10000), scale8, 'Llama 8B');
    expectClose(s.call('FT_HOURS', 'Mistral 7B', 10000), 1, 'Mistral 7B is a 7B model: scale 1');
    // 14B: between 13B (2) and 70B (8): 2 × 4^(ln(14/13) / ln(70/13)).
    const scale14 = 2 * Math.pow(4, Math.log(14 / 13) / Math.log(70 / 13));
    expectClose(s.call('FT_HOURS', 'Qwen2.5 14B', 10000), scale14, 'Qwen2.5 14B');
  });

  test('an ambiguous prefix lists what it could be; an unknown name says where names come from', () => {
    expect(errorOf(s, 'FT_COST', 'Llama 13B', 100, 'AWS')).toBe(
      "FT_COST: provider 'AWS' could be AWS on-demand, AWS spot, AWS p5 H100 on-demand. Type more of the name",
    );
    expect(errorOf(s, 'FT_COST', 'Llama 13B', 100, 'Nebula')).toBe(
      "FT_COST: provider 'Nebula' is not in the FT Catalog sheet or the built-in catalog. Known: " +
        BUILT_IN_CATALOG.providers
          .map((row) => row.name)
          .slice(0, 20)
          .join(', ') +
        (BUILT_IN_CATALOG.providers.length > 20
          ? ` and ${BUILT_IN_CATALOG.providers.length - 20} more`
          : ''),
    );
    expect(errorOf(s, 'FT_HOURS', 'Llama', 100)).toMatch(
      /^FT_HOURS: model 'Llama' could be Llama 7B, Llama 13B, Llama 70B, Llama 405B/,
    );
    expect(errorOf(s, 'FT_HOURS', 'Mistral', 100)).toMatch(
      /^FT_HOURS: model 'Mistral' is not in the FT Catalog sheet/,
    );
  });

  test('loading the script reads nothing', () => {
    const fresh = session();
    expect(fresh.workbook.callCount()).toBe(0);
    expect(fresh.workbook.documentAccesses()).toBe(0);
  });

  test('reads no sheet when there is none: two calls (spreadsheet, sheet by name)', () => {
    s.workbook.resetCalls();
    s.call('FT_COST', 'Llama 13B', 50000, 'AWS spot');
    expect(s.workbook.callCount()).toBe(2);
  });
});

describe('a long user catalog keeps messages readable', () => {
  test('the Known list is capped', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const rows = Array.from({ length: 30 }, (_, i) => [
      `Cloud ${i + 1}`,
      'H100',
      2,
      'on-demand',
      '',
      '',
      '',
    ]);
    s.workbook.write('FT Catalog', `W${4 + BUILT_IN_CATALOG.providers.length}`, rows);
    const message = errorOf(s, 'FT_COST', 'Llama 13B', 100, 'Nowhere');
    // 13 built-in + 30 of the team's, 20 shown: the team's come first (Cloud 1 to Cloud 20).
    const total = BUILT_IN_CATALOG.providers.length + 30;
    expect(message).toMatch(
      new RegExp(`Known: Cloud 1, Cloud 2, .*Cloud 20 and ${total - 20} more$`),
    );
    // 30 candidates, 20 shown.
    expect(errorOf(s, 'FT_COST', 'Llama 13B', 100, 'Cloud')).toMatch(
      /^FT_COST: provider 'Cloud' could be Cloud 1, Cloud 2, .* and 10 more\. Type more of the name$/,
    );
  });
});

describe('hostile catalog content gives clear messages, never a raw JavaScript error', () => {
  test('formulas, #REF!, numbers and dates as names, 10,000 rows', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const first = 4 + BUILT_IN_CATALOG.providers.length;
    const many = Array.from({ length: 10000 }, (_, i) => [
      `Bulk ${i}`,
      'H100',
      1 + (i % 7),
      'spot',
      '',
      '',
      '',
    ]);
    s.workbook.write('FT Catalog', `W${first}`, [
      ['Formula cloud', 'H100', '=2*1.5', 'on-demand', '', '', ''],
      ['Ref cloud', 'H100', '#REF!', 'on-demand', '', '', ''],
      [42, 'H100', 5, 'on-demand', '', '', ''],
      [new Date(Date.UTC(2026, 0, 2)), 'H100', 6, 'on-demand', '', '', ''],
      ['=1/0', 'H100', 7, 'on-demand', '', '', ''],
      ...many,
    ]);
    new CustomFunctionRecalc(s).recalculate(); // the sheet computes its formulas (=2*1.5 → 3)
    expectClose(
      s.call('FT_COST', 'Llama 13B', 50000, 'Formula cloud'),
      30,
      '10 h × $3 computed by a formula',
    );
    expect(errorOf(s, 'FT_COST', 'Llama 13B', 100, 'Ref cloud')).toMatch(
      /provider 'Ref cloud' is not in the FT Catalog sheet .*\$ per GPU-hour is the cell error #REF!; the row is skipped/,
    );
    // A number is a $/GPU-hour rate, never the row named 42.
    expectClose(s.call('FT_COST', 'Llama 13B', 50000, 42), 420, '10 h × $42');
    expectClose(
      s.call('FT_COST', 'Llama 13B', 50000, 'Bulk 9999'),
      10 * (1 + (9999 % 7)),
      'the 10,000th row',
    );
    for (const name of ['2026-01-02', 'Bulk', '#DIV/0!', '=1/0', '', 'Bulk 10000']) {
      const result = outcome(s, 'FT_COST', 'Llama 13B', 100, name);
      if (typeof result === 'number') expect(Number.isFinite(result)).toBe(true);
      else if (typeof result === 'object' && result !== null)
        expect((result as { error: string }).error).toMatch(/^FT_COST: /);
      else expect(result).toBe('');
    }
  });
});

describe('a sheet named FT Catalog that is not the catalog', () => {
  test('is a clear error, read once for a whole range', () => {
    const s = session({ sheets: ['FT Catalog'] });
    s.workbook.write('FT Catalog', 'A1', [['our own notes'], ['nothing like a catalog']]);
    s.workbook.resetCalls();
    expect(errorOf(s, 'FT_COST', column('Llama 13B', 'Llama 7B'), 100, 'AWS spot')).toMatch(
      /^FT_COST: the catalog could not be read: The sheet "FT Catalog" does not have the catalog's layout: cell A3 should be "Name" .*Rename that sheet/,
    );
    expect(s.workbook.callCount()).toBe(4);
    // A function that names nothing still works.
    expect(s.call('FT_ROI', 1001.25, 50, 36)).toBeCloseTo(798.75, 9);
  });
});

describe('results follow catalog edits: onEdit and the menu item re-enter FT_* formulas', () => {
  function calcWorkbook(): { s: Session; recalc: CustomFunctionRecalc } {
    const s = session();
    s.call('insertCatalogSheet');
    s.workbook.write('Calc', 'A1', [
      ['=FT_COST("Llama 13B", 50000, "AWS spot")', '=ROUND(FT_HOURS("Llama 13B", 50000), 2)'],
      ['a label about FT_COST', '=SUM(1, 2)'],
    ]);
    const recalc = new CustomFunctionRecalc(s);
    recalc.recalculate();
    expect(s.workbook.values('Calc')[0]).toEqual([8.6, 10]);
    return { s, recalc };
  }

  function editEvent(s: Session, sheet: string, a1: string): unknown {
    const spreadsheet = s.workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const found = spreadsheet.getSheetByName(sheet);
    if (!found) throw new Error(`no sheet ${sheet}`);
    return { range: found.getRange(a1), source: spreadsheet };
  }

  test('without a refresh the result is stale (as in Sheets); onEdit of the catalog refreshes it', () => {
    const { s, recalc } = calcWorkbook();
    const a1 = editCatalogCell(s, 'providers', 'AWS spot', 2, 1);
    recalc.recalculate();
    expect(s.workbook.values('Calc')[0][0]).toBe(8.6); // stale: no argument changed
    const formulasBefore = s.workbook.formulas('Calc');
    const cell = s.workbook.rawSheet('Calc').peek(1, 1);
    const entries = formulaEntryCount(cell);

    // An edit of another sheet refreshes nothing.
    const other = editEvent(s, 'Calc', 'C1');
    s.workbook.resetCalls();
    s.call('onEdit', other);
    expect(s.workbook.callLog()).toEqual(['Range.getSheet', 'Sheet.getName']);
    expect(formulaEntryCount(cell)).toBe(entries);

    const event = editEvent(s, 'FT Catalog', a1);
    s.workbook.resetCalls();
    s.call('onEdit', event);
    // 2 to see the sheet's name; 1 (getLastColumn) to see the edit is left of the runs
    // table; getSheets 1; 3 sheets × (getName, getDataRange, getFormulas) 9; the catalog's
    // getValues 1; its new hint (getRange, setFormula) 2; one block (Calc A1:B1): getRange,
    // setFormulas twice 3; flush 1. 2 + 1 + 1 + 9 + 1 + 2 + 3 + 1 = 20.
    expect(s.workbook.callCount()).toBe(20);
    expect(formulaEntryCount(cell)).toBeGreaterThan(entries);
    expect(s.workbook.formulas('Calc')).toEqual(formulasBefore); // every formula as it was
    expect(s.workbook.values('Calc')[1][0]).toBe('a label about FT_COST');
    recalc.recalculate();
    expect(s.workbook.values('Calc')[0]).toEqual([10, 10]); // 10 h × $1.00
  });

  test('the menu item "Recalculate FT_* formulas" does the same on demand', () => {
    const { s, recalc } = calcWorkbook();
    editCatalogCell(s, 'providers', 'AWS spot', 2, 2);
    s.call('onOpen');
    const items = s.workbook.menus().flatMap((menu) => menu.items);
    expect(items).toContainEqual(
      expect.objectContaining({
        caption: 'Recalculate FT_* formulas',
        functionName: 'recalculateFtFormulas',
      }),
    );
    s.call('recalculateFtFormulas');
    // The two formula cells; the label and the catalog's note (A1) are text, never written.
    expect(s.workbook.alerts().pop()).toBe(
      'Fine-tuning cost: recalculated the FT_* formulas (2 cell(s) entered again).',
    );
    expect(s.workbook.values('FT Catalog')[0][0]).toMatch(
      /^Fine-tuning cost catalog\. .*FT_\* functions/,
    );
    recalc.recalculate();
    expect(s.workbook.values('Calc')[0][0]).toBe(20); // 10 h × $2.00
  });
});

test('dist/Code.js declares the trigger and the menu function as plain top-level functions', () => {
  const code = readFileSync(CODE_JS, 'utf8');
  expect(code).toMatch(/^function onEdit\(e\) \{$/m);
  expect(code).toMatch(/^function recalculateFtFormulas\(\) \{$/m);
});
