// Issue 23, item 1: the refresh after a catalog edit enters FT_* formulas again and nothing
// else: a text that reads like a formula, a number or a date is never written; any case of
// the function name counts; the count is of cells; a fault between the two steps leaves
// every formula as it was; the catalog shows a hint when rows were added or deleted
// (onEdit does not run then).
import { createWorkbook, formulaEntryCount, SERVICE_FAILURE } from '../../emulator';
import { HINT_TEXT, REFRESH_MARKER, hintFormula } from '../../src/addon/refresh';
import { CustomFunctionRecalc, editCatalogCell } from './catalog-support';
import { session } from './helpers';
import type { Session } from './helpers';

/** A workbook with the catalog and a sheet of FT_* formulas among a user's other cells. */
function workbook(): { s: Session; recalc: CustomFunctionRecalc } {
  const s = session();
  s.call('insertCatalogSheet');
  s.workbook.write('Calc', 'A1', [
    // A1: an FT_* formula in capitals; B1: lower case; C1: two calls in one cell.
    [
      '=FT_COST("Llama 13B", 50000, "AWS spot")',
      '=ft_cost("Llama 13B", 50000, "AWS spot")',
      '=FT_COST("Llama 13B", 50000, "AWS spot")+FT_COST("Llama 13B", 50000, "AWS spot")',
    ],
    // Text that reads like a formula (typed with an apostrophe), a number, a date.
    ['\'=FT_HOURS("Llama 13B", 50000)', 42, '2026-12-01'],
    // FT_ only inside a string literal, and an ordinary formula: not FT_* calls.
    ['="FT_COST(" & 1', '=SUM(1, 2)', 'a note about FT_COST'],
  ]);
  const recalc = new CustomFunctionRecalc(s);
  recalc.recalculate();
  // 10 H100 hours × $0.86 (the article's AWS spot price) = $8.60; twice is $17.20.
  expect(s.workbook.values('Calc')[0]).toEqual([8.6, 8.6, 17.2]);
  return { s, recalc };
}

describe('a refresh enters FT_* formulas again and writes no other cell', () => {
  test('text, numbers and dates survive any number of refreshes; every case of FT_ is refreshed', () => {
    const { s, recalc } = workbook();
    const date = s.workbook.cell('Calc', 'C2').value;
    expect(date).toBeInstanceOf(Date);
    const texts = ['=FT_HOURS("Llama 13B", 50000)', 'a note about FT_COST'];
    expect(s.workbook.values('Calc')[1][0]).toBe(texts[0]);
    const raw = s.workbook.rawSheet('Calc');
    const entries = [1, 2, 3].map((column) => formulaEntryCount(raw.peek(1, column)));
    const stringOnly = formulaEntryCount(raw.peek(3, 1));
    editCatalogCell(s, 'providers', 'AWS spot', 2, 1);
    for (let run = 0; run < 3; run++) {
      s.call('recalculateFtFormulas');
      // Three cells: A1, B1 and C1 (two calls, one cell).
      expect(s.workbook.alerts().pop()).toBe(
        'Fine-tuning cost: recalculated the FT_* formulas (3 cell(s) entered again).',
      );
    }
    expect(s.workbook.cell('Calc', 'A2')).toMatchObject({ formula: '', value: texts[0] });
    expect(s.workbook.cell('Calc', 'B2')).toMatchObject({ formula: '', value: 42 });
    expect(s.workbook.cell('Calc', 'C2').value).toEqual(date);
    expect(s.workbook.cell('Calc', 'C3')).toMatchObject({ formula: '', value: texts[1] });
    expect(formulaEntryCount(raw.peek(3, 1))).toBe(stringOnly);
    // Each run enters each FT_* formula twice (marked, then as it was): 3 runs, 6 entries.
    [1, 2, 3].forEach((column, i) =>
      expect(formulaEntryCount(raw.peek(1, column))).toBe(entries[i] + 6),
    );
    expect(s.workbook.formulas('Calc')[0]).toEqual([
      '=FT_COST("Llama 13B", 50000, "AWS spot")',
      '=ft_cost("Llama 13B", 50000, "AWS spot")',
      '=FT_COST("Llama 13B", 50000, "AWS spot")+FT_COST("Llama 13B", 50000, "AWS spot")',
    ]);
    recalc.recalculate();
    // 10 hours × the new $1.00 = $10.00, lower case too; twice is $20.00.
    expect(s.workbook.values('Calc')[0]).toEqual([10, 10, 20]);
  });

  test('its SpreadsheetApp calls: as many as the README states', () => {
    const { s } = workbook();
    s.call('recalculateFtFormulas'); // the first run writes the catalog's hint
    s.workbook.resetCalls();
    s.call('recalculateFtFormulas');
    // getActiveSpreadsheet 1, getSheets 1, 3 sheets (FT Catalog, Sheet1, Calc) × (getName,
    // getDataRange, getFormulas) = 9, the catalog's getValues 1; one block (Calc A1:C1):
    // getRange 1 + setFormulas 2; flush 1; the alert: getUi 1 + alert 1. 1+1+9+1+3+1+2 = 18.
    expect(s.workbook.callCount()).toBe(18);
    expect(s.workbook.callLog().filter((name) => name === 'Range.setFormulas')).toHaveLength(2);
  });

  test('a fault between the two steps puts every formula back in the same run', () => {
    const { s } = workbook();
    s.call('recalculateFtFormulas');
    const before = s.workbook.formulas('Calc');
    // The flush fails once (after the marked formulas were written): the run writes them back.
    s.workbook.resetCalls();
    // getUi, getActiveSpreadsheet, getSheets, 3 sheets × 3, getValues, getRange, setFormulas:
    // 1 + 1 + 1 + 9 + 1 + 1 + 1 = 15 calls, so the 16th is the flush.
    s.workbook.failAtCall(16);
    s.call('recalculateFtFormulas');
    expect(s.workbook.callLog()[15]).toBe('SpreadsheetApp.flush');
    expect(s.workbook.alerts().pop()).toBe(
      `Fine-tuning cost: could not recalculate the FT_* formulas: ${SERVICE_FAILURE.replace(/\.$/, '')}. The FT_* formulas were put back as they were.`,
    );
    expect(s.workbook.formulas('Calc')).toEqual(before);
    expect(s.workbook.values('Calc')[1][0]).toBe('=FT_HOURS("Llama 13B", 50000)');
  });

  test.each(['once', 'afterEffect'] as const)(
    'a fault (%s) at any call of a refresh leaves every cell as it was',
    (kind) => {
      const { s } = workbook();
      s.call('recalculateFtFormulas');
      const before = s.workbook.snapshot('Calc');
      s.workbook.resetCalls();
      s.call('recalculateFtFormulas');
      const calls = s.workbook.callCount();
      for (let n = 1; n <= calls; n++) {
        s.workbook.failAtCall(n, kind);
        try {
          s.call('recalculateFtFormulas');
        } catch {
          // A fault at getUi or at the alert itself: the menu cannot say it, nothing is lost.
        }
        s.workbook.failAtCall(0);
        const after = s.workbook.snapshot('Calc');
        expect(after.formulas).toEqual(before.formulas);
        // Values of the cells that are not formulas: the text, the number, the date.
        expect(after.values.slice(1)).toEqual(before.values.slice(1));
      }
    },
  );

  test('an outage from the second step on: the error says so and the next run repairs', () => {
    const { s } = workbook();
    s.call('recalculateFtFormulas');
    const before = s.workbook.formulas('Calc');
    const spreadsheet = s.workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const edit = {
      range: spreadsheet.getSheetByName('FT Catalog')?.getRange('Y5'),
      source: spreadsheet,
    };
    s.workbook.resetCalls();
    // onEdit: getSheet, getName (2), getLastColumn (3: the edit is left of the runs table,
    // whose rows need nothing), then getSheets, 3 × 3, getValues (14), getRange,
    // setFormulas, flush (17): the 18th call, the second setFormulas, starts an outage.
    s.workbook.failAtCall(18, 'outage');
    expect(() => s.call('onEdit', edit)).toThrow(
      /^Service Spreadsheets failed .*\. 3 cell\(s\) still hold ZZFTRECALCZZ: Extensions > Fine-tuning cost > Recalculate FT_\* formulas puts them back\.$/,
    );
    expect(s.workbook.callLog()[16]).toBe('SpreadsheetApp.flush');
    expect(s.workbook.formulas('Calc')[0][0]).toContain(REFRESH_MARKER);
    s.workbook.failAtCall(0);
    s.call('recalculateFtFormulas');
    expect(s.workbook.alerts().pop()).toMatch(/\(3 cell\(s\) entered again\)/);
    expect(s.workbook.formulas('Calc')).toEqual(before);
  });

  test('a run stopped between the steps (the 30 s limit) is repaired by the next one', () => {
    const { s } = workbook();
    const before = s.workbook.formulas('Calc');
    // What a run stopped after its flush leaves: the marked formulas.
    s.workbook.write('Calc', 'A1', [
      before[0].map((formula) => formula.replace(/FT_/gi, (call) => REFRESH_MARKER + call)),
    ]);
    expect(s.workbook.formulas('Calc')[0][1]).toBe(
      '=ZZFTRECALCZZft_cost("Llama 13B", 50000, "AWS spot")',
    );
    s.call('recalculateFtFormulas');
    expect(s.workbook.alerts().pop()).toMatch(/\(3 cell\(s\) entered again\)/);
    expect(s.workbook.formulas('Calc')).toEqual(before);
  });

  test('900 formulas filled down a column are one block, written back in 3 calls', () => {
    const s = session();
    s.workbook.write(
      'Big',
      'B2',
      Array.from({ length: 900 }, (_, i) => [`=FT_HOURS("Llama 13B", ${i + 1})`, i]),
    );
    s.workbook.resetCalls();
    s.call('recalculateFtFormulas');
    expect(s.workbook.alerts().pop()).toMatch(/\(900 cell\(s\) entered again\)/);
    const log = s.workbook.callLog();
    expect(log.filter((name) => name === 'Range.setFormulas')).toHaveLength(2);
    expect(log.filter((name) => name === 'Sheet.getRange')).toHaveLength(1);
    expect(s.workbook.values('Big')[900][2]).toBe(899); // the number beside, untouched
  });
});

describe('the emulator applies bundled writes as Apps Script does', () => {
  test('a formula changed and changed back without a flush is no entry; with one it is two', () => {
    const book = createWorkbook();
    book.write('Sheet1', 'A1', [['=FT_HOURS(8, 100)']]);
    book.endExecution();
    const cell = book.rawSheet('Sheet1').peek(1, 1);
    const start = formulaEntryCount(cell);
    const range = book.services.SpreadsheetApp.getActiveSpreadsheet()
      .getSheetByName('Sheet1')
      ?.getRange('A1');
    if (!range) throw new Error('no A1');
    range.setFormula('=FT_HOURS(8, 100)'); // the same text again
    book.endExecution();
    expect(formulaEntryCount(cell)).toBe(start);
    range.setFormula('=X(8, 100)');
    range.setFormula('=FT_HOURS(8, 100)'); // bundled with the change before it: no change
    book.endExecution();
    expect(formulaEntryCount(cell)).toBe(start);
    range.setFormula('=X(8, 100)');
    book.services.SpreadsheetApp.flush();
    range.setFormula('=FT_HOURS(8, 100)');
    book.endExecution();
    expect(formulaEntryCount(cell)).toBe(start + 2);
  });
});

describe('rows added or deleted in the catalog (no onEdit) show a hint there', () => {
  test('deleting a row shows the hint in B2; the menu item updates the results and clears it', () => {
    const { s, recalc } = workbook();
    editCatalogCell(s, 'providers', 'AWS spot', 2, 1); // the user's own AWS spot price, $1.00
    s.call('recalculateFtFormulas');
    recalc.recalculate();
    expect(s.workbook.values('Calc')[0][0]).toBe(10); // 10 h × $1.00
    expect(s.workbook.cell('FT Catalog', 'B2').value).toBe('');
    // The user deletes the AWS spot row (a row delete: no onEdit in Sheets).
    const grid = s.workbook.values('FT Catalog');
    const row = grid.findIndex((cells) => cells[22] === 'AWS spot') + 1;
    expect(row).toBeGreaterThan(3);
    s.workbook.rawSheet('FT Catalog').deleteRows(row, 1);
    recalc.recalculate();
    expect(s.workbook.cell('FT Catalog', 'B2').value).toBe(HINT_TEXT);
    expect(s.workbook.values('Calc')[0][0]).toBe(10); // stale, as in Sheets
    s.call('recalculateFtFormulas');
    recalc.recalculate();
    expect(s.workbook.cell('FT Catalog', 'B2').value).toBe('');
    // "AWS spot" is the built-in row again: the article's $0.86, so 10 h × $0.86.
    expect(s.workbook.values('Calc')[0][0]).toBe(8.6);
  });

  test('the hint is never written over a cell the user wrote', () => {
    const { s } = workbook();
    s.workbook.write('FT Catalog', 'B2', [['our note']]);
    s.call('recalculateFtFormulas');
    expect(s.workbook.cell('FT Catalog', 'B2')).toMatchObject({ formula: '', value: 'our note' });
  });

  test('the hint formula counts the Name columns of every table', () => {
    expect(hintFormula(7)).toMatch(/^=IF\(COUNTA\(\$A:\$A\)\+COUNTA\(\$G:\$G\)\+.*=7,"",".*"\)$/);
  });
});
