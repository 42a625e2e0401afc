// Issue 20, item 4, in the sheets: a price's age and staleness as HyperFormula computes the
// formulas the add-in wrote (scenario lookups and Check column, the catalog's age columns and
// its conditional formatting rule), equal to the engine's. Today is pinned to 2026-12-06
// (test/support/today.ts). Day counts by hand: 2026-06-09 to 2026-12-06 is 21 days (to 30
// June) + 31 + 31 + 30 + 31 + 30 (July to November) + 6 = 180 days.
import { columnLetter, columnNumber } from '../../emulator';
import {
  AGE_FIRST_COLUMN,
  CATALOG_SHEET,
  catalogTable,
  STALE_AFTER_CELL,
} from '../../src/addon/catalog-sheet';
import { AGES_TITLE, STALE_BACKGROUND } from '../../src/addon/catalog/freshness';
import { scenarioLayout } from '../../src/addon/scenario-layout';
import { CatalogIndex, computeScenario, isStale, resolveScenario } from '../../src/engine';
import type { Catalog } from '../../src/engine';
import type { CatalogResponse, ScenarioSummary } from '../../src/shared/contract';
import { toHyperFormula } from '../../emulator/hyperformula';
import { pinToday, unpinToday } from '../support/today';
import { addCatalogRow } from './catalog-support';
import { mismatches } from './engine-agreement';
import { Evaluated, generate, session } from './helpers';
import type { Session } from './helpers';

const TODAY = '2026-12-06';
const DAYS_181 = '2026-06-08';
const DAYS_180 = '2026-06-09';
const DAYS_179 = '2026-06-10';
const USED = { provider: 'Acme GPU', api: 'House API' };

beforeAll(() => pinToday(TODAY));
afterAll(() => unpinToday());

/** A catalog with the user's provider and API rows, dated as given, and a scenario using them. */
function scenarioWith(providerAsOf: string, apiAsOf: string): { s: Session; sheet: string } {
  const s = session();
  s.call('insertCatalogSheet');
  addCatalogRow(s, 'providers', ['Acme GPU', 'H100', 2, 'on-demand', 'Acme list', providerAsOf]);
  addCatalogRow(s, 'apis', ['House API', 0.001, 0.002, "The team's contract", apiAsOf]);
  const summary = generate(s, USED);
  return { s, sheet: summary.sheetName };
}

/** The Check column (D) of an input row, found by its label in column A. */
function checkOf(ev: Evaluated, label: string): unknown {
  const row = ev.rows().find((cells) => cells[0] === label);
  if (!row) throw new Error(`no input ${label}`);
  return row[3];
}

/** The engine's catalog as the add-in reads it (getCatalog), with the sheet's threshold. */
function indexOf(s: Session): CatalogIndex {
  const response = s.call<CatalogResponse>('getCatalog');
  const catalog = JSON.parse(JSON.stringify(response.catalog)) as Catalog;
  return new CatalogIndex(catalog, [], response.staleAfterDays);
}

function setThreshold(s: Session, cell: unknown): void {
  const { row, column } = STALE_AFTER_CELL;
  s.workbook.write(CATALOG_SHEET, `${columnLetter(column)}${row}`, [[cell]]);
}

describe("the scenario sheet: each used price's age, and a note when it is stale", () => {
  test('181 days: noted in the Check column; 180 days: not; the results still show', () => {
    const { s, sheet } = scenarioWith(DAYS_181, DAYS_180);
    const ev = new Evaluated(s.workbook, sheet);
    try {
      expect(ev.byLabel('GPU provider: figures as of', 1)).toBe(DAYS_181);
      expect(ev.byLabel('GPU provider: price age (days)', 1)).toBe(181);
      expect(ev.byLabel('API: price age (days)', 1)).toBe(180);
      expect(checkOf(ev, 'GPU provider')).toBe(
        "Note: its price is 181 days old (as of 2026-06-08), past the 180-day limit in the FT Catalog sheet: check today's price",
      );
      expect(checkOf(ev, 'API')).toBe('');
      // A note is no input problem: the verdict and the results are there.
      expect(ev.byLabel('Input check')).toBe('');
      expect(typeof ev.byLabel('ROI at 36 months')).toBe('number');
      // Every cell as the engine computes it on the same day.
      expect(mismatches(ev.rows(), cellsOf(s, USED), 36, indexOf(s))).toEqual([]);
    } finally {
      ev.destroy();
    }
  });

  test('179 days: fresh; a threshold the user sets to 179 days makes 180 stale', () => {
    const { s, sheet } = scenarioWith(DAYS_179, DAYS_180);
    let ev = new Evaluated(s.workbook, sheet);
    try {
      expect(checkOf(ev, 'GPU provider')).toBe('');
      expect(checkOf(ev, 'API')).toBe('');
    } finally {
      ev.destroy();
    }
    setThreshold(s, 179);
    ev = new Evaluated(s.workbook, sheet);
    try {
      expect(checkOf(ev, 'GPU provider')).toBe('');
      expect(checkOf(ev, 'API')).toMatch(
        /^Note: its price is 180 days old .*past the 179-day limit/,
      );
      expect(indexOf(s).staleAfterDays).toBe(179);
      expect(mismatches(ev.rows(), cellsOf(s, USED), 36, indexOf(s))).toEqual([]);
    } finally {
      ev.destroy();
    }
  });

  test('a threshold cell that is no number of days: the default, and a catalog note naming it', () => {
    const { s, sheet } = scenarioWith(DAYS_181, DAYS_180);
    setThreshold(s, 'soon');
    const ev = new Evaluated(s.workbook, sheet);
    try {
      expect(checkOf(ev, 'GPU provider')).toMatch(/past the 180-day limit/);
    } finally {
      ev.destroy();
    }
    const { warnings, staleAfterDays } = s.call<CatalogResponse>('getCatalog');
    expect(staleAfterDays).toBe(180);
    expect(warnings).toContain(
      'FT Catalog X1 (Prices stale after (days)) must be a number of days, 0 or more, got "soon"; 180 is used.',
    );
  });

  test("a user's row with a new as-of date is fresh again", () => {
    const { s, sheet } = scenarioWith(DAYS_181, DAYS_180);
    // The user re-prices the row: a new row of the same name below overrides it.
    addCatalogRow(s, 'providers', ['Acme GPU', 'H100', 2.2, 'on-demand', 'Acme list', TODAY]);
    const ev = new Evaluated(s.workbook, sheet);
    try {
      expect(ev.byLabel('GPU provider: price age (days)', 1)).toBe(0);
      expect(checkOf(ev, 'GPU provider')).toBe('');
    } finally {
      ev.destroy();
    }
  });
});

/** The scenario sheet's named cells, as the layout placed them for this input. */
function cellsOf(s: Session, input: Record<string, unknown>): Record<string, string> {
  const index = indexOf(s);
  return scenarioLayout(computeScenario(resolveScenario(input, index), index), index).cells;
}

describe('the catalog sheet', () => {
  test('its threshold cell, price ages and the rule that colours a stale As of cell', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const rows = [
      ['Old GPU', DAYS_181],
      ['Edge GPU', DAYS_180],
      ['New GPU', DAYS_179],
    ].map(([name, asOf]) =>
      addCatalogRow(s, 'providers', [name, 'H100', 2, 'on-demand', 'list', asOf]),
    );
    const values = s.workbook.values(CATALOG_SHEET);
    const { column, row: settingRow, a1 } = STALE_AFTER_CELL;
    expect(`${columnLetter(column)}${settingRow}`).toBe(a1);
    expect(values[0].slice(22, 24)).toEqual(['Prices stale after (days)', 180]);
    expect(values[1][AGE_FIRST_COLUMN - 1]).toBe(AGES_TITLE);

    const managed = catalogTable('managed');
    const managedLast = managed.firstColumn + managed.columns.length - 1;
    const [rule] = s.workbook.conditionalFormats(CATALOG_SHEET);
    expect(rule).toMatchObject({
      criteria: 'CUSTOM_FORMULA',
      background: STALE_BACKGROUND,
      // From the providers table's first cell to the managed table's last column, key rows
      // only: the price tables sit side by side from column W.
      ranges: [{ sheet: CATALOG_SHEET, a1: `W4:${columnLetter(managedLast)}53` }],
    });
    const hf = toHyperFormula(s.workbook);
    try {
      const id = hf.getSheetId(CATALOG_SHEET) ?? -1;
      const providersAsOf = columnNumber('W') + catalogTable('providers').columns.indexOf('As of');
      /** The rule's formula as Sheets applies it at a cell: relative to W4, shifted there. */
      const stale = (a1: string): unknown =>
        hf.calculateFormula(rule.formula.replace(/\bW4\b/g, a1), id);
      const ages = rows.map((row) => values[row - 1][AGE_FIRST_COLUMN - 1]);
      expect(ages).toEqual(['', '', '']); // the emulator does not compute: HyperFormula does
      const computedAges = rows.map((row) =>
        hf.getCellValue({ sheet: id, row: row - 1, col: AGE_FIRST_COLUMN - 1 }),
      );
      expect(computedAges).toEqual([181, 180, 179]);
      expect(rows.map((row) => stale(`${columnLetter(providersAsOf)}${row}`))).toEqual([
        true,
        false,
        false,
      ]);
      // The Name cell of a stale row is not an As of cell: not coloured.
      expect(stale(`W${rows[0]}`)).toBe(false);
      // The sheet and the engine agree on every built-in price row too.
      const catalog = s.call<CatalogResponse>('getCatalog').catalog;
      for (const table of ['providers', 'apis', 'managed'] as const) {
        const spec = catalogTable(table);
        const asOfColumn = spec.firstColumn + spec.columns.indexOf('As of');
        catalog[table].forEach((row) => {
          const r = values.findIndex(
            (cells, i) => i >= 3 && cells[spec.firstColumn - 1] === row.name,
          );
          expect([row.name, stale(`${columnLetter(asOfColumn)}${r + 1}`)]).toEqual([
            row.name,
            isStale(row.asOf, TODAY),
          ]);
        });
      }
    } finally {
      hf.destroy();
    }
  });

  test('a catalog sheet made before this change: the default applies, and the next scenario adds the rest', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const sheet =
      s.workbook.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CATALOG_SHEET);
    if (!sheet) throw new Error('no catalog sheet');
    // As the add-in wrote it before: no ages, no rule, nothing in row 1 but the note.
    sheet.deleteColumns(AGE_FIRST_COLUMN, sheet.getMaxColumns() - AGE_FIRST_COLUMN + 1);
    sheet.setConditionalFormatRules([]);
    sheet.getRange('W1:X1').setValues([['', '']]);
    addCatalogRow(s, 'providers', ['Acme GPU', 'H100', 2, 'on-demand', 'Acme list', DAYS_181]);
    expect(s.call<CatalogResponse>('getCatalog').staleAfterDays).toBe(180);

    const summary: ScenarioSummary = generate(s, { provider: 'Acme GPU' });
    expect(s.workbook.values(CATALOG_SHEET)[1][AGE_FIRST_COLUMN - 1]).toBe(AGES_TITLE);
    expect(s.workbook.conditionalFormats(CATALOG_SHEET)).toHaveLength(1);
    // Row 1 is left as it was (the user may use it): a blank threshold cell means 180 days.
    expect(s.workbook.values(CATALOG_SHEET)[0].slice(22, 24)).toEqual(['', '']);
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expect(checkOf(ev, 'GPU provider')).toMatch(/181 days old .*past the 180-day limit/);
    } finally {
      ev.destroy();
    }
  });
});
