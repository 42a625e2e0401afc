// Issue 22, one name rule for the sheet: the FT Catalog sheet's lookup key columns give a
// name its key at exactly the row the engine's catalog reader uses (the lowest row of the
// name, when that row is not bad), and no key to a row the reader skips; a catalog sheet made
// before the key columns gets them when a scenario is generated.
import { CatalogIndex, normalizeName } from '../../src/engine';
import type { Catalog } from '../../src/engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  CATALOG_TABLES,
  KEY_FIRST_COLUMN,
  KEY_LAST_ROW,
  keyColumns,
} from '../../src/addon/catalog-sheet';
import { columnNumber } from '../../emulator';
import type { CatalogResponse } from '../../src/shared/contract';
import { addCatalogRow } from './catalog-support';
import { Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';

/** A user's rows: good ones, overrides, and rows the reader skips (each says why). */
function withUserRows(): Session {
  const s = session();
  s.call('insertCatalogSheet');
  const when = '2026-01-01';
  addCatalogRow(s, 'models', ['Broken 9B', 'lots', 3, 'own', when, '']); // size not a number
  addCatalogRow(s, 'models', ['Zero 1B', 0, 1, 'own', when, '']); // size not positive
  addCatalogRow(s, 'models', ['Llama 13B', 13, 2.5, 'own', when, '']); // overrides the built-in
  addCatalogRow(s, 'methods', ['Weird', 0.5, 6, 2, 1.5, 0, 'own', when, '']); // fraction over 1
  addCatalogRow(s, 'gpus', ['G0', 100, 0, 1, 'own', when, '']); // no memory
  addCatalogRow(s, 'gpus', [4090, 165, 24, 0.3, 'own', when, '']); // a GPU named by a number
  addCatalogRow(s, 'providers', ['Home rig', 4090, 0.4, 'amortized', 'own', when, '']);
  addCatalogRow(s, 'providers', ['Nowhere', 'Z999', 1, 'on-demand', 'own', when, '']); // no such GPU
  addCatalogRow(s, 'providers', ['Weekly', 'H100', 1, 'weekly', 'own', when, '']); // no such pricing
  addCatalogRow(s, 'providers', ['AWS spot', 'H100', -1, 'spot', 'own', when, '']); // bad override
  addCatalogRow(s, 'apis', ['Free', '', 0, 'own', when, '']); // no input price
  addCatalogRow(s, 'managed', ['Mgd', 10, 'No such API', 'own', when, '']); // no such API
  return s;
}

function engineCatalog(s: Session): Catalog {
  return JSON.parse(JSON.stringify(s.call<CatalogResponse>('getCatalog').catalog)) as Catalog;
}

describe('the catalog sheet keys a name at the row the engine reads, and no row it skips', () => {
  test('every table row: a name key exactly when the reader uses that row', () => {
    const s = withUserRows();
    const catalog = engineCatalog(s);
    const ev = new Evaluated(s.workbook, CATALOG_SHEET);
    try {
      const rows = ev.rows();
      const checked: string[] = [];
      for (const spec of CATALOG_TABLES) {
        const used = new Set(catalog[spec.key].map((row) => normalizeName(row.name)));
        const nameColumn = columnNumber(keyColumns(spec.key).name) - 1;
        const names: string[] = [];
        for (let row = CATALOG_FIRST_ROW; row <= KEY_LAST_ROW; row++) {
          const cell = rows[row - 1]?.[spec.firstColumn - 1];
          names.push(cell === null || cell === undefined ? '' : normalizeName(String(cell)));
        }
        names.forEach((key, i) => {
          if (key === '') return;
          const lowest = !names.slice(i + 1).includes(key);
          // Each key is in its own table row's row (so it moves with the row).
          const keyRow = CATALOG_FIRST_ROW + i;
          const shown = rows[keyRow - 1]?.[nameColumn];
          const expected = lowest && used.has(key) ? key : '';
          checked.push(`${spec.key} row ${CATALOG_FIRST_ROW + i} ${key}: ${String(shown)}`);
          expect(`${spec.key} row ${CATALOG_FIRST_ROW + i}: ${String(shown ?? '')}`).toBe(
            `${spec.key} row ${CATALOG_FIRST_ROW + i}: ${expected}`,
          );
        });
      }
      // The skipped rows were there to be checked: 9 of the user's 12 rows are bad.
      expect(checked.length).toBeGreaterThan(40);
      expect(catalog.providers.some((row) => row.name === 'AWS spot')).toBe(false);
      expect(catalog.providers.some((row) => row.name === 'Home rig')).toBe(true);
    } finally {
      ev.destroy();
    }
  });

  test('a scenario on a provider whose GPU is the number 4090 computes as the engine does', () => {
    const s = withUserRows();
    const summary = generate(s, { provider: 'Home rig' });
    // 0.5 H100 hours (Llama 13B override: scale 2.5 → 0.625) on a GPU at 0.3 of an H100.
    const index = new CatalogIndex(engineCatalog(s));
    expect(index.provider('provider', 'Home rig').gpu.name).toBe('4090');
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      // 0.0001 × 10,000 × 2.5 × 0.25 (LoRA) = 0.625 H100 hours; / 0.3 = 2.0833 hours; × $0.40.
      expectClose(summary.trainingCost, (0.625 / 0.3) * 0.4, 'engine cost');
      expectClose(ev.byLabel('GPU cost of the training run'), (0.625 / 0.3) * 0.4, 'sheet cost');
    } finally {
      ev.destroy();
    }
  });

  test('a catalog sheet made before the key columns gets them with the next scenario', () => {
    const s = session();
    s.call('insertCatalogSheet');
    const spreadsheet = s.workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName(CATALOG_SHEET);
    if (!sheet) throw new Error('no catalog sheet');
    sheet.deleteColumns(KEY_FIRST_COLUMN, sheet.getMaxColumns() - KEY_FIRST_COLUMN + 1);
    expect(s.workbook.sheetSize(CATALOG_SHEET).columns).toBe(KEY_FIRST_COLUMN - 1);
    const summary = generate(s, {});
    expect(s.workbook.formulas(CATALOG_SHEET)[CATALOG_FIRST_ROW - 1][KEY_FIRST_COLUMN - 1]).toMatch(
      /^=/,
    );
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      // The article: 13B LoRA, 10,000 examples: 0.0001 × 10,000 × 2 × 0.25 = 0.5 hours.
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.5, 'hours');
    } finally {
      ev.destroy();
    }
  });
});
