// Issue 23: the writers ask a new sheet its size (getMaxRows / getMaxColumns) instead of
// assuming Sheets' usual 1,000 × 26. Here insertSheet makes sheets of 100 rows × 10
// columns: the catalog (its tables, lookup key columns, price ages and availability columns), a scenario (more than 100 rows with its charts) and
// the compare sheet (its chart sits in column M, the 13th) must each grow theirs.
import { CATALOG_LAST_COLUMN, CATALOG_SHEET } from '../../src/addon/catalog-sheet';
import { COMPARE_SHEET } from '../../src/addon/compare';
import { generate, session } from './helpers';

test('every writer grows a new sheet that is smaller than 1,000 × 26', () => {
  const s = session({ newSheetSize: { rows: 100, columns: 10 } });
  s.call('insertCatalogSheet');
  // Its tables, then the lookup keys, price ages, Measured runs table and availability columns.
  expect(s.workbook.sheetSize(CATALOG_SHEET).columns).toBe(CATALOG_LAST_COLUMN);
  const summary = generate(s, { horizonMonths: 120 });
  const scenario = s.workbook.sheetSize(summary.sheetName);
  // Every row it wrote fits, and so does every chart (the emulator's getRange refuses a
  // range outside the sheet, as Apps Script does).
  expect(scenario.rows).toBeGreaterThanOrEqual(s.workbook.values(summary.sheetName).length);
  expect(scenario.rows).toBeGreaterThan(100);
  for (const chart of s.workbook.charts(summary.sheetName)) {
    expect(chart.position.row).toBeLessThanOrEqual(scenario.rows);
  }
  s.call('compareScenarios');
  expect(s.workbook.sheetSize(COMPARE_SHEET).columns).toBe(13);
});
