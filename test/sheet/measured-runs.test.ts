// Issue 19: the FT Catalog sheet's "Measured runs" table. Runs typed as a user types them;
// the sheet's computed columns (HyperFormula) and the engine's reading of the same cells
// agree run by run; runs the calibration cannot use are named with the reason; a catalog
// sheet made before the table keeps working and gets the table with the next update.
import {
  catalogCalibration,
  CatalogIndex,
  computeScenario,
  resolveScenario,
  RUN_COLUMNS,
  runTable,
} from '../../src/engine';
import type { Catalog, MeasuredRun } from '../../src/engine';
import {
  CATALOG_LAST_COLUMN,
  CATALOG_SHEET,
  KEY_COLUMN_COUNT,
  KEY_FIRST_COLUMN,
  KEY_LAST_ROW,
  RUN_COLUMNS_FIRST,
  RUNS_FIRST_COLUMN,
  RUNS_LAST_COLUMN,
  RUNS_LAST_ROW,
  RUNS_TITLE,
} from '../../src/addon/catalog-sheet';
import { columnLetter } from '../../emulator';
import { recalculate } from '../../emulator/hyperformula';
import type { CatalogResponse } from '../../src/shared/contract';
import { addRun } from './catalog-support';
import { Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';

function catalogOf(s: Session): { index: CatalogIndex; response: CatalogResponse } {
  const response = JSON.parse(JSON.stringify(s.call<CatalogResponse>('getCatalog'))) as {
    catalog: Catalog;
    warnings: string[];
    staleAfterDays: number;
    runs: MeasuredRun[];
  };
  return {
    index: new CatalogIndex(response.catalog, [], response.staleAfterDays, response.runs),
    response,
  };
}

// Columns: model, method, GPU, tokens, examples, tokens/example, epochs, GPUs, hours, date, note.
const GOOD: readonly (readonly unknown[])[] = [
  // Llama 2 7B LoRA on one A100, Alpaca 50K (Raschka 2023): 1.85 h.
  [7, 'LoRA', 'A100', '', 50000, 250, 1, 1, 1.85, '2023-11-19', 'Raschka'],
  ['Llama 13B', 'lora', 'a-100', 40000000, '', '', '', 2, 3, '2026-10-01', 'our run'],
  ['8B', 'QLoRA', 'RunPod on-demand', 10000000, '', '', '', '', 2.5, '', 'ours, on RunPod (H100)'],
];
const BAD: readonly (readonly [readonly unknown[], RegExp])[] = [
  [
    ['Llama 7B', 'LoRA', 'A100', 1e7, '', '', '', 1, '', '', 'blank'],
    /hours must be a positive number, got a blank/,
  ],
  [
    ['Llama 7B', 'LoRA', 'A100', 1e7, '', '', '', 1, 'two', '', 'text'],
    /hours must be a positive number, got 'two'/,
  ],
  [
    ['Llama 7B', 'LoRA', 'A100', 1e7, '', '', '', 1, 0, '', 'zero'],
    /hours must be a positive number, got 0/,
  ],
  [
    ['Llama 7B', 'LoRA', 'B200', 1e7, '', '', '', 1, 2, '', 'gpu'],
    /GPU must be a GPU or GPU provider name of the catalog, got 'B200'/,
  ],
  [
    ['Llama 7B', 'DPO', 'A100', 1e7, '', '', '', 1, 2, '', 'method'],
    /Method must be a method name of the catalog, got 'DPO';/,
  ],
  // Names a scenario input takes (another name, a unique start) but the run columns do not:
  // the note says which catalog name to type.
  [
    ['Llama 7B', 'LoRA', 'RunPod', 1e7, '', '', '', 1, 2, '', 'alias'],
    /got 'RunPod' \(runs name a row as the catalog writes it: type RunPod on-demand\)/,
  ],
  [
    ['Llama 1', 'LoRA', 'A100', 1e7, '', '', '', 1, 2, '', 'start'],
    /Model must be .* got 'Llama 1' \(runs name a row as the catalog writes it: type Llama 13B\)/,
  ],
];

describe('the Measured runs table', () => {
  test('a new catalog sheet has the table, blank, and no runs', () => {
    const s = session();
    s.call('insertCatalogSheet');
    expect(s.workbook.values(CATALOG_SHEET)[1][RUNS_FIRST_COLUMN - 1]).toBe(RUNS_TITLE);
    const { response } = catalogOf(s);
    expect(response.runs).toEqual([]);
    expect(response.warnings).toEqual([]);
  });

  test('runs typed in: the sheet computes each as the engine does; bad runs are named', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const rows = [...GOOD, ...BAD.map(([cells]) => cells)].map((cells) => addRun(s, cells));
    const { index, response } = catalogOf(s);
    expect(response.runs?.length).toBe(rows.length);
    // Each bad run named once, by its row, with the reason.
    BAD.forEach(([, reason], i) => {
      const row = rows[GOOD.length + i];
      const named = response.warnings.filter((w) => w.includes(`row ${row} (Measured runs)`));
      expect(named).toHaveLength(1);
      expect(named[0]).toMatch(reason);
    });
    expect(response.warnings).toHaveLength(BAD.length);
    const engine = runTable(index, index.runs);
    // Raschka's run by hand: 4 × 7e9 × 12.5e6 tokens / (312e12 × 0.35 × 3600) = 0.8903 GPU-h;
    // ln(1.85 / 0.8903) = 0.7314.
    expect(engine.logRatio[0]).toBeCloseTo(Math.log(1.85 / 0.890313), 4);
    const ev = new Evaluated(s.workbook, CATALOG_SHEET);
    try {
      const sheet = ev.rows();
      RUN_COLUMNS().forEach((column, c) => {
        rows.forEach((row, i) => {
          const shown = sheet[row - 1][RUN_COLUMNS_FIRST - 1 + c];
          const expected = engine[column.name][i];
          const what = `${column.name} of row ${row}`;
          if (typeof expected === 'number') {
            expect([what, shown]).toEqual([what, expect.closeTo(expected, 9)]);
          } else if (column.name === 'logRatio' || column.name.endsWith('Key')) {
            expect([what, shown ?? '']).toEqual([
              what,
              typeof expected === 'string' ? expected : '',
            ]);
          }
        });
      });
    } finally {
      ev.destroy();
    }
    // The A100 LoRA calibration: two runs (Raschka's and the 13B run on 2 GPUs).
    const fit = catalogCalibration(index, 'A100', 'LoRA');
    expect(fit.level).toBe('gpu and method');
    expect(fit.runs).toBe(2);
    expect(fit.note).toBe('calibrated from 2 runs on A100, LoRA');
    // The QLoRA run on RunPod counts as an H100 run.
    expect(catalogCalibration(index, 'H100', 'QLoRA').level).toBe('gpu and method');
    // The functions read the same runs: FT_CALIBRATION's row, and FT_COMPUTE_HOURS at its MFU.
    const row = s.call<unknown[][]>('FT_CALIBRATION', 'A100', 'LoRA');
    expect(row).toEqual([
      [
        expect.closeTo(fit.factor, 12),
        expect.closeTo(fit.mfu, 12),
        2,
        'gpu and method',
        expect.closeTo(fit.minRatio, 12),
        expect.closeTo(fit.maxRatio, 12),
      ],
    ]);
    // 4 × 7e9 × 12.5e6 / (312e12 × MFU × 3600) on one A100, at the calibrated MFU.
    const hours = s.call<number>('FT_COMPUTE_HOURS', 7, 12.5e6, 'LoRA', 'A100');
    expect(hours).toBeCloseTo((4 * 7e9 * 12.5e6) / (312e12 * fit.mfu * 3600), 9);
    // An MFU given is used as given.
    expect(s.call<number>('FT_COMPUTE_HOURS', 7, 12.5e6, 'LoRA', 'A100', 0.35)).toBeCloseTo(
      0.890313,
      5,
    );
    // A provider stands for its GPU: RunPod on-demand is an H100.
    expect(s.call<unknown[][]>('FT_CALIBRATION', 'RunPod', 'QLoRA')[0][3]).toBe('gpu and method');
  });

  test('a catalog sheet made before the table reads as before, and gets the table on update', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const sheet =
      s.workbook.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CATALOG_SHEET);
    if (!sheet) throw new Error('no catalog sheet');
    const keysEnd = KEY_FIRST_COLUMN + KEY_COLUMN_COUNT;
    sheet.deleteColumns(keysEnd, sheet.getMaxColumns() - keysEnd + 1);
    s.workbook.endExecution();
    const before = catalogOf(s).response;
    expect(before.runs).toEqual([]);
    expect(before.warnings).toEqual([]);
    s.call('insertCatalogSheet');
    expect(s.workbook.sheetSize(CATALOG_SHEET).columns).toBe(CATALOG_LAST_COLUMN);
    expect(s.workbook.values(CATALOG_SHEET)[1][RUNS_FIRST_COLUMN - 1]).toBe(RUNS_TITLE);
    addRun(s, GOOD[0]);
    expect(catalogOf(s).index.runs).toHaveLength(1);
  });

  test('runs typed in later move a scenario sheet, and the sheet and the engine agree', () => {
    const s = session();
    const { sheetName } = generate(s, {});
    const hours = "Training hours on the provider's GPU";
    const before = new Evaluated(s.workbook, sheetName);
    try {
      // No runs: the article's rule, 0.0001 x 10,000 x 2 x 0.25 = 0.5 H100 hours, and ±30%.
      expect(before.byLabel('Training hours by')).toBe('rule');
      expectClose(before.byLabel(hours), 0.5, 'rule hours');
      expect(before.byLabel('Calibration', 1)).toBe('no measured runs: MFU 0.35');
      expect(before.byLabel('Uncertainty band')).toBe("the article's ±30%");
    } finally {
      before.destroy();
    }
    // Three Llama 13B LoRA runs on an H100 of 5M tokens, measured at 1.5, 2 and 3 times the
    // compute-bound estimate 4 x 13e9 x 5e6 / (989e12 x 0.35 x 3600) = 0.2086431 h.
    const estimate = (4 * 13e9 * 5e6) / (989e12 * 0.35 * 3600);
    for (const ratio of [1.5, 2, 3]) {
      addRun(s, ['Llama 13B', 'LoRA', 'H100', 5e6, '', '', '', 1, estimate * ratio, '', 'ours']);
    }
    // The scenario's own tokens: 10,000 x 500 x 1 = 5M; the factor is (1.5 x 2 x 3)^(1/3) = 2.080084.
    const factor = Math.cbrt(9);
    const { index } = catalogOf(s);
    const engine = computeScenario(resolveScenario({}, index), index);
    expectClose(engine.training.providerHours, estimate * factor, 'engine hours');
    const after = new Evaluated(s.workbook, sheetName);
    try {
      expect(after.byLabel('Training hours by')).toBe('calibrated');
      expectClose(after.byLabel(hours), estimate * factor, 'sheet hours');
      expect(after.byLabel('Calibration', 1)).toBe('calibrated from 3 runs on H100, LoRA');
      // The band is the runs' spread around the fit: 1.5 / 2.080084 to 3 / 2.080084.
      expectClose(after.byLabel('Training time band, low (x the estimate)'), 1.5 / factor, 'low');
      expectClose(after.byLabel('Training time band, high (x the estimate)'), 3 / factor, 'high');
      expect(after.byLabel('Uncertainty band')).toBe(
        'the measured spread of 3 runs: x0.72 to x1.44',
      );
      expectClose(
        after.byLabel('Training cost, low end of the band'),
        engine.finance.trainingCostLow,
      );
      // The article's rule is still one input away, unchanged.
      after.setInput('Hours from (rule, compute-bound, calibrated)', 'rule');
      expectClose(after.byLabel(hours), 0.5, 'rule hours');
      expect(after.byLabel('Uncertainty band')).toBe("the article's ±30%");
      after.setInput('Hours from (rule, compute-bound, calibrated)', 'compute-bound');
      expectClose(after.byLabel(hours), estimate, 'compute-bound hours');
    } finally {
      after.destroy();
    }
  });

  test('fallback levels in the sheet: another GPU falls back to the method, then to all runs', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // An A100 LoRA run at twice its estimate, and a full run on an H100 at four times.
    addRun(s, ['Llama 7B', 'LoRA', 'A100', 1e7, '', '', '', 1, 1, '', '']);
    addRun(s, ['Llama 7B', 'full', 'H100', 1e7, '', '', '', 1, 1, '', '']);
    const { index } = catalogOf(s);
    const lora = catalogCalibration(index, 'H100', 'LoRA');
    expect([lora.level, lora.runs]).toEqual(['method', 1]);
    const qlora = catalogCalibration(index, 'H100', 'QLoRA');
    expect([qlora.level, qlora.runs]).toEqual(['all runs', 2]);
    const { sheetName } = generate(s, { method: 'QLoRA' });
    const ev = new Evaluated(s.workbook, sheetName);
    try {
      expect(ev.byLabel('Calibration level', 1)).toBe('all runs');
      expect(ev.byLabel('Calibration', 1)).toBe('calibrated from 2 runs (all GPUs and methods)');
      expectClose(
        ev.byLabel('Calibration factor (measured / estimated)', 1),
        qlora.factor,
        'factor',
      );
      ev.setInput('Method', 'LoRA');
      expect(ev.byLabel('Calibration', 1)).toBe('calibrated from 1 run of LoRA (any GPU)');
      expectClose(
        ev.byLabel('Calibration factor (measured / estimated)', 1),
        lora.factor,
        'factor',
      );
    } finally {
      ev.destroy();
    }
  });
});

/** The catalog sheet of a session's workbook, as the add-in's calls see it. */
function catalogSheet(s: Session): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet =
    s.workbook.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CATALOG_SHEET);
  if (!sheet) throw new Error('no catalog sheet');
  return sheet as unknown as GoogleAppsScript.Spreadsheet.Sheet;
}

/**
 * Types (or pastes) runs from `row` into the runs table, then runs onEdit with that edit's
 * event, as Sheets does: the event's range is the block written. Returns onEdit's calls.
 */
function typeRuns(s: Session, row: number, runs: readonly (readonly unknown[])[]): string[] {
  s.workbook.write(CATALOG_SHEET, `${columnLetter(RUNS_FIRST_COLUMN)}${row}`, runs);
  const range = catalogSheet(s).getRange(row, RUNS_FIRST_COLUMN, runs.length, runs[0].length);
  s.workbook.resetCalls();
  const value = runs.length === 1 && runs[0].length === 1 ? runs[0][0] : undefined;
  s.call('onEdit', {
    range,
    value,
    source: s.workbook.services.SpreadsheetApp.getActiveSpreadsheet(),
  });
  return s.workbook.callLog();
}

/** The computed columns' formulas of a sheet row ('' where a cell has none). */
function computedFormulas(s: Session, row: number): string[] {
  return Array.from(
    { length: RUNS_LAST_COLUMN - RUN_COLUMNS_FIRST + 1 },
    (_, i) =>
      s.workbook.cell(CATALOG_SHEET, `${columnLetter(RUN_COLUMNS_FIRST + i)}${row}`).formula,
  );
}

/** The setFormulas calls of onEdit before the FT_* refresh (which starts with getSheets). */
const runWrites = (calls: readonly string[]): string[] => {
  const refresh = calls.indexOf('Spreadsheet.getSheets');
  return calls
    .slice(0, refresh < 0 ? calls.length : refresh)
    .filter((c) => c === 'Range.setFormulas');
};

describe('a runs table of 2,000 rows', () => {
  // A Llama 13B LoRA run on one H100 of 5M tokens has the compute-bound estimate
  // 4 x 13e9 x 5e6 / (989e12 x 0.35 x 3600) = 0.2086431 h; measured at twice that.
  const estimate = (4 * 13e9 * 5e6) / (989e12 * 0.35 * 3600);
  const run = ['Llama 13B', 'LoRA', 'H100', 5e6, '', '', '', 1, 2 * estimate, '', 'ours'];

  /** The scenario sheet counts two such runs: the factor is 2 (the mean of ln 2 and ln 2). */
  function expectTwoRunsInSheet(s: Session, sheetName: string): void {
    const ev = new Evaluated(s.workbook, sheetName);
    try {
      expect(ev.byLabel('Calibration', 1)).toBe('calibrated from 2 runs on H100, LoRA');
      expectClose(ev.byLabel("Training hours on the provider's GPU"), 2 * estimate, 'sheet');
    } finally {
      ev.destroy();
    }
  }

  test('the sheet has the rows, and only rows 4-53 have computed columns before any run', () => {
    const s = session();
    s.call('insertCatalogSheet');
    expect(s.workbook.sheetSize(CATALOG_SHEET).rows).toBeGreaterThanOrEqual(RUNS_LAST_ROW);
    expect(RUNS_LAST_ROW).toBe(4 + 2000 - 1);
    expect(computedFormulas(s, KEY_LAST_ROW).every((f) => f.startsWith('='))).toBe(true);
    expect(computedFormulas(s, KEY_LAST_ROW + 1).every((f) => f === '')).toBe(true);
  });

  test('runs typed in rows 60 and 1,500 get their columns from onEdit and move the scenario', () => {
    const s = session();
    const { sheetName } = generate(s, {});
    const calls = typeRuns(s, 60, [run]);
    // One write of the row's computed columns.
    expect(runWrites(calls)).toHaveLength(1);
    expect(computedFormulas(s, 60).every((f) => f.includes('60'))).toBe(true);
    typeRuns(s, 1500, [run]);
    expect(computedFormulas(s, 1500).every((f) => f.startsWith('='))).toBe(true);
    // The same edit again (the row has its formulas): nothing is written for it.
    expect(runWrites(typeRuns(s, 1500, [run]))).toEqual([]);
    // Two runs at twice the estimate: the factor is 2 (log-space mean of ln 2 and ln 2).
    const { index } = catalogOf(s);
    expect(index.runs.map((r) => r.sheetRow)).toEqual([60, 1500]);
    const engine = computeScenario(resolveScenario({}, index), index);
    expectClose(engine.training.providerHours, 2 * estimate, 'engine hours');
    expectTwoRunsInSheet(s, sheetName);
  });

  test('a pasted block of runs gets its computed columns in one write', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const block = Array.from({ length: 40 }, (_, i) =>
      run.map((c, j) => (j === 10 ? `run ${i}` : c)),
    );
    // Pasted over rows 40-79: rows 40-53 have their formulas, rows 54-79 get theirs.
    const calls = typeRuns(s, 40, block);
    expect(runWrites(calls)).toHaveLength(1);
    for (const row of [54, 79]) {
      expect(computedFormulas(s, row).every((f) => f.includes(String(row)))).toBe(true);
    }
    expect(computedFormulas(s, 80).every((f) => f === '')).toBe(true);
    // Sheet and engine agree on every pasted run.
    const { index } = catalogOf(s);
    expect(index.runs).toHaveLength(40);
    const engine = runTable(index, index.runs);
    const ev = new Evaluated(s.workbook, CATALOG_SHEET);
    try {
      const rows = ev.rows();
      const logRatio =
        RUN_COLUMNS_FIRST - 1 + RUN_COLUMNS().findIndex((c) => c.name === 'logRatio');
      index.runs.forEach((r, i) => {
        const row = r.sheetRow ?? 0;
        expect([row, rows[row - 1][logRatio]]).toEqual([
          row,
          expect.closeTo(engine.logRatio[i] as number, 9),
        ]);
      });
      expect(engine.logRatio[0]).toBeCloseTo(Math.log(2), 9);
    } finally {
      ev.destroy();
    }
  });

  test('a cell the user wrote in a computed column is kept; a run without onEdit gets them on update', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Typed without onEdit (e.g. by another script): rows 70 and 72; row 71 has the user's note.
    s.workbook.write(CATALOG_SHEET, `${columnLetter(RUNS_FIRST_COLUMN)}70`, [run, [], run]);
    s.workbook.write(CATALOG_SHEET, `${columnLetter(RUNS_FIRST_COLUMN)}71`, [run]);
    s.workbook.write(CATALOG_SHEET, `${columnLetter(RUN_COLUMNS_FIRST)}71`, [['mine']]);
    s.workbook.resetCalls();
    s.call('insertCatalogSheet');
    // Two stretches (70, 72): one write each; row 71 keeps the user's cell.
    expect(s.workbook.callLog().filter((call) => call.endsWith('setFormulas'))).toHaveLength(2);
    expect(computedFormulas(s, 70).every((f) => f.includes('70'))).toBe(true);
    expect(computedFormulas(s, 72).every((f) => f.includes('72'))).toBe(true);
    expect(s.workbook.cell(CATALOG_SHEET, `${columnLetter(RUN_COLUMNS_FIRST)}71`).value).toBe(
      'mine',
    );
    // Computed (Sheets shows formulas' values): the next update writes nothing.
    recalculate(s.workbook);
    s.workbook.resetCalls();
    s.call('insertCatalogSheet');
    expect(s.workbook.callLog().filter((call) => call.endsWith('setFormulas'))).toEqual([]);
  });

  test('runs below the last row are named; the last row counts', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const sheet = catalogSheet(s);
    sheet.insertRowsAfter(sheet.getMaxRows(), 5);
    s.workbook.endExecution();
    typeRuns(s, RUNS_LAST_ROW, [run]);
    s.workbook.write(CATALOG_SHEET, `${columnLetter(RUNS_FIRST_COLUMN)}${RUNS_LAST_ROW + 1}`, [
      run,
      run,
    ]);
    const { index, response } = catalogOf(s);
    expect(index.runs.map((r) => r.sheetRow)).toEqual([RUNS_LAST_ROW]);
    expect(response.warnings).toEqual([
      `${CATALOG_SHEET} rows 2004 to 2005 (Measured runs): the table holds runs in rows 4 to 2003; 2 run(s) below are not used.`,
    ]);
  });

  test('a catalog sheet made with 50 run rows (1,000 rows) still works and counts a run in row 60', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // As the add-in made it before: 1,000 rows (formulas in rows 4-53).
    const sheet = catalogSheet(s);
    sheet.deleteRows(1001, sheet.getMaxRows() - 1000);
    s.workbook.endExecution();
    typeRuns(s, 10, [run]);
    typeRuns(s, 60, [run]);
    const { sheetName } = generate(s, {});
    expectTwoRunsInSheet(s, sheetName);
  });
});
