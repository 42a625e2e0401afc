// Issue 13: the scenario sheet built the way Google Sheets expects it. The emulator records
// what Sheets would receive (data validation, protection, chart builders, widths, fills,
// frozen rows) and reads typed text as Sheets does, so each check here fails if the writer
// stops sending it. Expected values are written from the layout (rows 5 down are the
// inputs, the catalog's name columns are A, G, W and AD from row 4), not from a run.
import { createWorkbook } from '../../emulator';
import type { Workbook } from '../../emulator';
import { recalculate } from '../../emulator/hyperformula';
import { CATALOG_COLUMNS, CATALOG_SHEET, KEY_COLUMN_COUNT } from '../../src/addon/catalog-sheet';
import { AGE_COLUMN_COUNT, RUNS_LAST_ROW } from '../../src/addon/catalog-sheet';
import { SCENARIO_FIELDS } from '../../src/engine';
import { columnLetter } from '../../src/shared/a1';
import { placeWhatIf, WHAT_IF_INPUTS } from '../../src/addon/scenario/places';
import type { CatalogResponse, ScenarioInputsResponse } from '../../src/shared/contract';
import { Evaluated, generate, session } from './helpers';

const LAST_INPUT_ROW = 4 + SCENARIO_FIELDS.length;
// Issue 21: the what-if inputs (one column) and the cases table (names and values) are inputs too.
const WHAT_IF = placeWhatIf();
const isWhatIfInput = (row: number, column: number): boolean =>
  column === WHAT_IF.inputColumn &&
  row >= WHAT_IF.inputRows.case &&
  row < WHAT_IF.inputRows.case + WHAT_IF_INPUTS.length;
const isCaseCell = (row: number, column: number): boolean =>
  column >= WHAT_IF.caseColumn &&
  column < WHAT_IF.inUseColumn &&
  row >= WHAT_IF.caseHeaderRow &&
  row <= WHAT_IF.caseHeaderRow + WHAT_IF.caseRows.size;
const INPUTS = `B5:B${LAST_INPUT_ROW}`;
const rowOf = (key: string): number => 5 + SCENARIO_FIELDS.findIndex((field) => field.key === key);

function scenario(options = {}): { workbook: Workbook; sheetName: string } {
  const s = session(options);
  const { sheetName } = generate(s, {});
  return { workbook: s.workbook, sheetName };
}

describe('data validation on the inputs', () => {
  const { workbook, sheetName } = scenario();
  const rules = workbook.dataValidations(sheetName);
  const rule = (key: string): NonNullable<(typeof rules)[0][0]> => {
    const found = rules[rowOf(key) - 1][1];
    if (!found) throw new Error(`no rule on ${key}`);
    return found;
  };

  test('every input has a rule and no other cell has one', () => {
    // 31 before issue 20 added the Start date and issue 19 Hours from.
    expect(SCENARIO_FIELDS).toHaveLength(33);
    rules.forEach((row, r) =>
      row.forEach((cell, c) => {
        const isInput =
          (c === 1 && r + 1 >= 5 && r + 1 <= LAST_INPUT_ROW) || isWhatIfInput(r + 1, c + 1);
        expect(`${r + 1}:${c + 1} ${cell !== null}`).toBe(`${r + 1}:${c + 1} ${isInput}`);
      }),
    );
  });

  test('names are dropdowns over the catalog name columns from row 4 down, other text allowed', () => {
    const columns: Record<string, string> = { model: 'A', method: 'G', provider: 'W', api: 'AD' };
    for (const [key, letter] of Object.entries(columns)) {
      expect(rule(key)).toMatchObject({
        criteria: 'VALUE_IN_RANGE',
        // To the catalog sheet's last row: it is made long enough for 2,000 measured runs.
        args: [`${CATALOG_SHEET}!${letter}4:${letter}${RUNS_LAST_ROW}`, true],
        allowInvalid: true,
      });
    }
    expect(rule('model').helpText).toContain('size in billions such as 8 or 8B');
    expect(rule('provider').helpText).toContain('$ per H100-hour rate');
  });

  test('numbers follow the engine rules, with its words as help', () => {
    expect(rule('examples')).toEqual({
      criteria: 'NUMBER_GREATER_THAN',
      args: [0],
      allowInvalid: false,
      helpText: 'Training examples must be a positive number. Examples in the training set.',
    });
    expect(rule('requestsPerMonth')).toMatchObject({
      criteria: 'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      args: [0],
      allowInvalid: false,
    });
    expect(rule('mfu')).toMatchObject({ criteria: 'NUMBER_BETWEEN', args: [0, 1] });
    expect(rule('horizonMonths')).toMatchObject({
      criteria: 'NUMBER_BETWEEN',
      args: [1, 600],
      helpText: 'Horizon (months) must be whole months from 1 to 600.',
    });
  });

  test('typing: -100 examples, 35 for the MFU and 601 months are refused with the help', () => {
    expect(() => workbook.typeInto(sheetName, `B${rowOf('examples')}`, '-100')).toThrow(
      'Training examples must be a positive number',
    );
    expect(() => workbook.typeInto(sheetName, `B${rowOf('examples')}`, 'fifty thousand')).toThrow(
      'Training examples must be a positive number',
    );
    // 35 in a 0% cell would be 3500%: refused, and the help says what to type instead.
    expect(() => workbook.typeInto(sheetName, `B${rowOf('mfu')}`, '35')).toThrow(
      'type 35% or 0.35, not 35',
    );
    expect(workbook.typeInto(sheetName, `B${rowOf('mfu')}`, '35%').valid).toBe(true);
    expect(workbook.cell(sheetName, `B${rowOf('mfu')}`).value).toBe(0.35);
    expect(() => workbook.typeInto(sheetName, `B${rowOf('horizonMonths')}`, '601')).toThrow(
      'from 1 to 600',
    );
    expect(workbook.typeInto(sheetName, `B${rowOf('examples')}`, '50,000').valid).toBe(true);
    expect(workbook.cell(sheetName, `B${rowOf('examples')}`).value).toBe(50000);
  });

  test('typing a size, a rate or a user row in a name cell is allowed; a row added later is listed', () => {
    expect(workbook.typeInto(sheetName, `B${rowOf('model')}`, '8B')).toMatchObject({
      valid: false,
    });
    expect(workbook.cell(sheetName, `B${rowOf('model')}`).value).toBe('8B');
    expect(workbook.typeInto(sheetName, `B${rowOf('provider')}`, '2.49').valid).toBe(false);
    expect(workbook.typeInto(sheetName, `B${rowOf('provider')}`, 'RunPod on-demand').valid).toBe(
      true,
    );
    workbook.write(CATALOG_SHEET, 'W9', [['Our cluster', 'H100', 1.5, 'amortized', 'Finance', '']]);
    expect(workbook.typeInto(sheetName, `B${rowOf('provider')}`, 'Our cluster').valid).toBe(true);
  });
});

describe('protection', () => {
  test('one warning-only protection: everything but the yellow inputs', () => {
    const { workbook, sheetName } = scenario();
    const protections = workbook.protections(sheetName);
    expect(protections).toHaveLength(1);
    expect(protections[0]).toMatchObject({ type: 'SHEET', warningOnly: true });
    const at = (column: number, row: number): string => `${columnLetter(column)}${row}`;
    expect(protections[0].unprotected).toEqual([
      INPUTS,
      `${at(WHAT_IF.inputColumn, WHAT_IF.inputRows.case)}:${at(WHAT_IF.inputColumn, WHAT_IF.inputRows.case + WHAT_IF_INPUTS.length - 1)}`,
      `${at(WHAT_IF.caseColumn, WHAT_IF.caseHeaderRow)}:${at(WHAT_IF.inUseColumn - 1, WHAT_IF.caseHeaderRow + WHAT_IF.caseRows.size)}`,
    ]);
    expect(protections[0].description).toContain('Edit the yellow inputs');
    // The inputs are exactly the yellow cells; every formula is outside them.
    const fills = workbook.backgrounds(sheetName);
    const formulas = workbook.formulas(sheetName);
    formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        const inInputs =
          (c === 1 && r + 1 >= 5 && r + 1 <= LAST_INPUT_ROW) ||
          isWhatIfInput(r + 1, c + 1) ||
          isCaseCell(r + 1, c + 1);
        if (formula !== '') expect(`${r + 1}:${c + 1} ${inInputs}`).toBe(`${r + 1}:${c + 1} false`);
        expect(`${r + 1}:${c + 1} ${fills[r][c] === '#fff2cc'}`).toBe(
          `${r + 1}:${c + 1} ${inInputs}`,
        );
      }),
    );
    expect(workbook.protections(CATALOG_SHEET)).toEqual([]);
  });
});

describe('fills', () => {
  test('only inputs and headers are filled; no cell is painted white', () => {
    const { workbook, sheetName } = scenario();
    const filled = workbook.fills(sheetName);
    const colors = workbook.backgrounds(sheetName);
    const seen = new Set<string>();
    filled.forEach((row, r) =>
      row.forEach((isFilled, c) => {
        if (isFilled) seen.add(colors[r][c]);
      }),
    );
    expect([...seen].sort()).toEqual(['#e8eaed', '#fff2cc']);
  });
});

describe('charts', () => {
  const { workbook, sheetName } = scenario();
  const charts = workbook.charts(sheetName);

  test('the cumulative chart: Month is the domain, axes titled with units, savings as the marker', () => {
    const line = charts[0];
    expect(line.chartType).toBe('LINE');
    expect(line.numHeaders).toBe(1);
    expect(line.options).toMatchObject({
      useFirstColumnAsDomain: true,
      hAxis: { title: 'Month' },
      vAxis: { title: 'US dollars (cumulative)' },
    });
    // The range's columns are Month, then the three paths and Savings, which crosses 0 at
    // break-even (dashed: series 3).
    const values = workbook.values(sheetName);
    expect(values[3].slice(8, 13)).toEqual([
      'Month',
      'Cumulative API',
      'Cumulative fine-tuned',
      'Cumulative managed',
      'Savings (ROI)',
    ]);
    expect(line.options).toMatchObject({ series: { 3: { lineDashStyle: [4, 4] } } });
    // Default horizon 36: months in rows 5-41, 25 spare rows to 66.
    expect(line.ranges).toEqual([{ sheet: sheetName, a1: 'I4:M66' }]);
  });

  test('a row filled down under the timeline is inside the chart range and computes', () => {
    const s = session();
    const { sheetName: name } = generate(s, { horizonMonths: 12 });
    const formulas = s.workbook.formulas(name);
    // Fill row 17 (month 12) down to row 18, as Sheets does: relative rows shift by one.
    const filled = formulas[16]
      .slice(8, 12)
      .map((f) =>
        f.replace(
          /(\$?[A-Z]{1,3})(\$?)(\d+)/g,
          (ref, column: string, fixed: string, row: string) =>
            fixed ? ref : `${column}${Number(row) + 1}`,
        ),
      );
    s.workbook.write(name, 'I18', [filled]);
    const ev = new Evaluated(s.workbook, name);
    try {
      expect(ev.rows()[17][8]).toBe(13);
      expect(typeof ev.rows()[17][11]).toBe('number');
    } finally {
      ev.destroy();
    }
    expect(s.workbook.charts(name)[0].ranges[0].a1).toBe('I4:M42');
  });

  test('the provider chart is horizontal bars (names readable), the pie labels its slices', () => {
    expect(charts[1]).toMatchObject({
      chartType: 'BAR',
      numHeaders: 1,
      options: { vAxis: { title: 'GPU provider' }, legend: { position: 'none' } },
    });
    expect((charts[1].options.hAxis as { title: string }).title).toContain('US dollars');
    expect(charts[2]).toMatchObject({
      chartType: 'PIE',
      numHeaders: 1,
      options: { legend: { position: 'labeled' }, sliceVisibilityThreshold: 0.005 },
    });
  });
});

describe('formulas, locale and labels', () => {
  test('a de_DE spreadsheet gets the same formulas: they go through setFormulas', () => {
    const us = scenario();
    const de = scenario({ locale: 'de_DE' });
    expect(de.workbook.formulas(de.sheetName)).toEqual(us.workbook.formulas(us.sheetName));
    expect(de.workbook.values(de.sheetName).flat()).not.toContain('#ERROR!');
  });

  test('labels that look like dates, money, percentages or times stay text', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const names = ['2026-01-01', '$2.49', '35%', '1,000', '1/2', '10:30', '9:05 PM', 'Jan 2'];
    s.workbook.write(
      CATALOG_SHEET,
      'W9',
      names.map((name, i) => [`'${name}`, 'H100', 2 + i, 'spot', 'test', '']),
    );
    const { sheetName } = generate(s, {});
    // The provider table's key cells are formulas over the catalog's names (issue 23).
    recalculate(s.workbook);
    const providerNames = s.workbook
      .values(sheetName)
      .slice(4)
      .map((row) => row[15])
      .filter((cell) => cell !== '');
    expect(providerNames.slice(-names.length)).toEqual(names);
  });
});

describe('catalog sheet', () => {
  test('header rows frozen, every column widened, the lookup key and price age columns narrow', () => {
    const s = session();
    s.call('insertCatalogSheet');
    expect(s.workbook.frozenRows(CATALOG_SHEET)).toBe(3);
    const widths = Object.values(s.workbook.columnWidths(CATALOG_SHEET));
    expect(widths).toEqual([
      ...new Array<number>(CATALOG_COLUMNS).fill(160),
      ...new Array<number>(KEY_COLUMN_COUNT + AGE_COLUMN_COUNT).fill(40),
    ]);
  });

  test("dates typed in As of are read in the spreadsheet's time zone", () => {
    // Auckland is 13 hours ahead of UTC in February: midnight there is the day before in UTC.
    const s = session({ timeZone: 'Pacific/Auckland' });
    s.call('insertCatalogSheet');
    s.workbook.write(CATALOG_SHEET, 'W9', [
      ['Our cluster', 'H100', 1.5, 'amortized', 'F', '2026-02-01'],
    ]);
    const typed = s.workbook.cell(CATALOG_SHEET, 'AB9').value;
    expect(typed).toBeInstanceOf(Date);
    expect((typed as Date).toISOString()).toBe('2026-01-31T11:00:00.000Z');
    const { catalog } = s.call<CatalogResponse>('getCatalog');
    expect(catalog.providers.find((row) => row.name === 'Our cluster')?.asOf).toBe('2026-02-01');
  });

  test('Insert catalog sheet from the menu says what it did', () => {
    const s = session();
    s.call('insertCatalogSheetFromMenu');
    s.call('insertCatalogSheetFromMenu');
    const toasts = s.workbook.toasts();
    expect(toasts.map((toast) => toast.title)).toEqual(['Fine-tuning cost', 'Fine-tuning cost']);
    expect(toasts[0].message).toMatch(/^Made the FT Catalog sheet with \d+ built-in rows\.$/);
    expect(toasts[1].message).toBe(
      'The FT Catalog sheet already has every built-in row; nothing was changed.',
    );
  });
});

describe('loading a scenario back into the sidebar', () => {
  test("the active scenario sheet's inputs, or null on another sheet", () => {
    const s = session();
    const { sheetName } = generate(s, { examples: 20000, provider: 'AWS spot' });
    const loaded = s.call<ScenarioInputsResponse | null>('getScenarioInputs');
    expect(loaded?.sheetName).toBe(sheetName);
    expect(loaded?.input).toMatchObject({
      model: 'Llama 13B',
      examples: 20000,
      provider: 'AWS spot',
      apiInputPricePer1K: '',
    });
    s.workbook.rawSheet('Sheet1').activate();
    expect(s.call('getScenarioInputs')).toBeNull();
  });
});

describe('the document lock', () => {
  test('a run while another holds the lock changes nothing and says why', () => {
    const s = session();
    const other = s.workbook.services.LockService.getDocumentLock();
    other.waitLock(1000);
    expect(() => generate(s, {})).toThrow(
      /^Another run of the add-in kept this spreadsheet busy for 30 seconds \(Lock timeout: .*\)\. Nothing was changed; please try again\.$/,
    );
    expect(s.workbook.sheetNames()).toEqual(['Sheet1']);
    other.releaseLock();
    expect(generate(s, {}).sheetName).toBe('Scenario Llama 13B LoRA');
    expect(s.workbook.lockHolder()).toBeNull();
  });

  test('generateScenario and insertCatalogSheet release the lock when they fail', () => {
    const workbook = createWorkbook();
    const s = session({}, workbook);
    expect(() => generate(s, { examples: -1 })).toThrow();
    expect(workbook.lockHolder()).toBeNull();
    workbook.failAtCall(3);
    expect(() => s.call('insertCatalogSheet')).toThrow();
    expect(workbook.lockHolder()).toBeNull();
  });
});
