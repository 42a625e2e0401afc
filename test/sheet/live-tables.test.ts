// Issue 23, "live tables over the catalog": the scenario's tables that list catalog rows (the
// provider comparison and its chart, the methods table, the model x dataset-size matrix)
// follow the FT Catalog sheet after the scenario was made. A row added under a catalog table
// shows in a spare row; a row deleted or cleared leaves a blank row, never an error row. The
// sheet (HyperFormula) equals the engine over the catalog as it then reads.
import { applyStructureChange } from '../../playground/edit/structure-edit';
import { CATALOG_SPARE_ROWS } from '../../src/addon/scenario/places';
import type { HfCell } from '../../emulator/hyperformula';
import type { ScenarioResult } from '../../src/engine';
import { engineResult, Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';

const BUILT_IN_PROVIDERS = 13; // catalog rows 4-16 (W:AC)

/** The provider table's rows, spare rows included: key, cost, hours, $/GPU-hour, GPU, speed. */
function providerRows(ev: Evaluated): HfCell[][] {
  const rows = ev.rows();
  const c = rows[3].indexOf('Provider');
  return rows
    .slice(4, 4 + BUILT_IN_PROVIDERS + CATALOG_SPARE_ROWS)
    .map((row) => Array.from({ length: 6 }, (_, i) => row[c + i] ?? null));
}

/** Every listed provider's cells equal the engine's row of that name. */
function expectProvidersEqual(ev: Evaluated, result: ScenarioResult): void {
  const listed = ev.table('Provider');
  expect(listed.map((row) => row[0])).toEqual(result.providers.map((row) => row.provider));
  result.providers.forEach((row, i) => {
    expectClose(listed[i][1], row.cost, `${row.provider} cost`);
    expectClose(listed[i][2], row.hours, `${row.provider} hours`);
    expectClose(listed[i][3], row.pricePerGpuHour, `${row.provider} price`);
    expect(listed[i][4]).toBe(row.gpu);
  });
}

const errors = (rows: HfCell[][]): HfCell[] =>
  rows.flat().filter((cell) => typeof cell === 'string' && cell.startsWith('#'));

function withSheet(s: Session, sheet: string, check: (ev: Evaluated) => void): void {
  const ev = new Evaluated(s.workbook, sheet);
  try {
    check(ev);
  } finally {
    ev.destroy();
  }
}

describe('tables over the catalog follow rows added after the scenario was made', () => {
  test('a provider added under the catalog table appears in the comparison and its chart', () => {
    const s = session();
    const summary = generate(s, {});
    s.workbook.write('FT Catalog', 'W17', [
      ['Cheap Cloud', 'H100', 0.5, 'spot', 'a quote of ours', '2026-12-01'],
    ]);
    withSheet(s, summary.sheetName, (ev) => {
      const rows = providerRows(ev);
      // The default scenario needs 0.5 H100 hours (13B, LoRA, 10,000 examples): on an H100
      // at $0.50 an hour, 0.5 hours and $0.25.
      expect(rows[BUILT_IN_PROVIDERS][0]).toBe('Cheap Cloud');
      expectClose(rows[BUILT_IN_PROVIDERS][1], 0.25, 'cost');
      expectClose(rows[BUILT_IN_PROVIDERS][2], 0.5, 'hours');
      expect(rows[BUILT_IN_PROVIDERS][4]).toBe('H100');
      // The spare rows below stay blank, with no error anywhere in the table.
      for (const row of rows.slice(BUILT_IN_PROVIDERS + 1)) expect(row).toEqual(Array(6).fill(''));
      expect(errors(rows)).toEqual([]);
      expectProvidersEqual(ev, engineResult(s, {}));
    });
    // The bar chart's range reaches past the spare rows (header row 4 onwards).
    const chart = s.workbook
      .rawSheet(summary.sheetName)
      .charts.find((record) => record.chartType === 'BAR');
    const [, from, to] = /^[A-Z]+(\d+):[A-Z]+(\d+)$/.exec(chart?.ranges[0].a1 ?? '') ?? [];
    expect(Number(from)).toBe(4);
    expect(Number(to)).toBeGreaterThanOrEqual(4 + BUILT_IN_PROVIDERS + CATALOG_SPARE_ROWS);
  });

  test('a method and a model added to the catalog appear in the methods table and the matrix', () => {
    const s = session();
    const summary = generate(s, {});
    // Methods G:O rows 4-6; models A:F rows 4-7.
    s.workbook.write('FT Catalog', 'G7', [['DoRA', 0.3, 4, 2, 0.01, 16, 'test', '2026-12-01']]);
    s.workbook.write('FT Catalog', 'A8', [['Qwen 32B', 32, 5, 'test', '2026-12-01']]);
    const result = engineResult(s, {});
    withSheet(s, summary.sheetName, (ev) => {
      const methods = ev.table('Method');
      expect(methods.map((row) => row[0])).toEqual(['full', 'LoRA', 'QLoRA', 'DoRA']);
      // 0.0001 x 10,000 x scale 2 (13B) x 0.3 = 0.6 H100 hours; x $2.49 (RunPod) = $1.494.
      expectClose(methods[3][1], 0.6, 'DoRA hours');
      expectClose(methods[3][2], 1.494, 'DoRA cost');
      result.methods.forEach((row, i) => {
        expect(methods[i][0]).toBe(row.method);
        expectClose(methods[i][1], row.hours, `${row.method} hours`);
        expectClose(methods[i][3], row.memoryGb, `${row.method} memory`);
        expectClose(methods[i][4], row.computeBoundHours, `${row.method} compute-bound`);
      });
      const matrix = ev.table('Model');
      expect(matrix.map((row) => row[0])).toEqual(result.matrix.models);
      expect(matrix[4][0]).toBe('Qwen 32B');
      // LoRA (0.25) at scale 5: 0.0001 x 5,000 x 5 x 0.25 = 0.625 hours; 500,000: 62.5.
      expectClose(matrix[4][1], 0.625, 'Qwen 5K hours');
      expectClose(matrix[4][5], 62.5, 'Qwen 500K hours');
      result.matrix.models.forEach((name, i) => {
        result.matrix.datasetSizes.forEach((_, j) => {
          expectClose(matrix[i][1 + j], result.matrix.hours[i][j], `${name} hours ${j}`);
          expectClose(matrix[i][6 + j], result.matrix.cost[i][j], `${name} cost ${j}`);
        });
      });
    });
  });
});

describe('rows removed from the catalog leave no error rows', () => {
  test('a provider row deleted from the catalog: its row turns blank, the others equal the engine', () => {
    const s = session();
    s.call('insertCatalogSheet');
    s.workbook.write('FT Catalog', 'W17', [['Gone Cloud', 'A100', 1.1, 'on-demand', 'test', '']]);
    const summary = generate(s, {});
    withSheet(s, summary.sheetName, (ev) => {
      expect(ev.table('Provider').map((row) => row[0])).toContain('Gone Cloud');
    });
    // Row 17 holds only that provider (the other catalog tables end above it).
    const sheets = s.workbook.sheetNames().map((name) => s.workbook.rawSheet(name));
    applyStructureChange(s.workbook.rawSheet('FT Catalog'), sheets, {
      kind: 'delete',
      sheet: 'FT Catalog',
      axis: 'rows',
      index: 17,
      count: 1,
    });
    withSheet(s, summary.sheetName, (ev) => {
      const rows = providerRows(ev);
      expect(errors(rows)).toEqual([]);
      expect(rows[BUILT_IN_PROVIDERS]).toEqual(Array(6).fill(''));
      expectProvidersEqual(ev, engineResult(s, {}));
    });
  });

  test('a built-in provider cleared from the catalog: a blank row, and a row added later still shows', () => {
    const s = session();
    const summary = generate(s, {});
    // AWS spot is catalog row 5: its cells cleared, the row left blank.
    s.workbook.write('FT Catalog', 'W5', [['', '', '', '', '', '', '']]);
    s.workbook.write('FT Catalog', 'W17', [['Later Cloud', 'H100', 2, 'on-demand', 'test', '']]);
    withSheet(s, summary.sheetName, (ev) => {
      const rows = providerRows(ev);
      expect(errors(rows)).toEqual([]);
      expect(rows[1]).toEqual(Array(6).fill(''));
      // The engine keeps a built-in row the sheet lacks (the catalog's merge rule); every row
      // the sheet lists equals the engine's row of that name.
      const engine = new Map(engineResult(s, {}).providers.map((row) => [row.provider, row]));
      const listed = rows.filter((row) => row[0] !== '');
      expect(listed.map((row) => row[0])).toContain('Later Cloud');
      for (const row of listed) {
        const expected = engine.get(String(row[0]));
        expect({ name: row[0], inEngine: expected !== undefined }).toEqual({
          name: row[0],
          inEngine: true,
        });
        expectClose(row[1], expected?.cost ?? NaN, `${String(row[0])} cost`);
        expectClose(row[2], expected?.hours ?? NaN, `${String(row[0])} hours`);
      }
      // Later Cloud: 0.5 H100 hours at $2 = $1.
      expectClose(listed.find((row) => row[0] === 'Later Cloud')?.[1], 1, 'Later Cloud cost');
    });
  });
});
