// Part 5: the functions over a team's catalog. FT_COST over 100,000 rows in a workbook whose
// FT Catalog sheet holds 2,000 user rows (the emulated SpreadsheetApp, in node:vm with an
// ordinary global), against a plain loop that reads the same sheet once, indexes it by
// normalized name and does the same lookups and arithmetic per row. Then the refresh after
// a catalog edit (onEdit) over N FT_* formulas: its time on the emulator and its
// SpreadsheetApp calls (what Sheets then recomputes is Google's time, not measurable here).
import { createWorkbook } from '../emulator';
import type { Workbook } from '../emulator';
import { ARTICLE_HOURS_PER_EXAMPLE } from '../src/engine';
import type { BundleContext } from './bundle';
import { callGlobal, inContext, loadBundleForBench } from './bundle';
import type { Stats } from './harness';
import { cpuClock, measure, scaleStats, wallClock } from './harness';

export const CATALOG_ROWS = 2000;
export const CATALOG_CALL_ROWS = 100000;
export const REFRESH_FORMULAS = [100, 1000, 10000] as const;

export interface CatalogThroughput {
  readonly rows: number;
  readonly userCatalogRows: number;
  readonly nsPerRow: Stats;
  readonly floorNsPerRow: Stats;
  readonly ratioToFloor: Stats;
  /** SpreadsheetApp calls of one FT_COST call over the whole range. */
  readonly calls: number;
}

export interface RefreshRow {
  readonly formulas: number;
  readonly ms: Stats;
  readonly calls: number;
}

export interface CatalogResult {
  readonly throughput: CatalogThroughput;
  readonly refresh: readonly RefreshRow[];
}

const PROVIDER_COLUMN = 'W';
const FIRST_USER_ROW = 20;

function teamWorkbook(code: string): { workbook: Workbook; context: BundleContext } {
  const workbook = createWorkbook();
  const context = loadBundleForBench(code, workbook.services);
  callGlobal(context, 'insertCatalogSheet');
  const rows: (string | number)[][] = [];
  for (let i = 0; i < CATALOG_ROWS; i++) {
    rows.push([
      `Team cloud ${i}`,
      i % 5 === 0 ? 'A100' : 'H100',
      1 + (i % 300) / 100,
      'on-demand',
      'our quote',
      '2026-11-01',
      '',
    ]);
  }
  workbook.write('FT Catalog', `${PROVIDER_COLUMN}${FIRST_USER_ROW}`, rows);
  return { workbook, context };
}

interface Table {
  readonly model: string[][];
  readonly examples: number[][];
  readonly provider: string[][];
}

/** 100,000 rows: built-in models in a few spellings, counts, user and built-in providers. */
function makeTable(rows: number): Table {
  const models = ['Llama 7B', 'llama 13b', 'Llama-70B', 'Llama 13B'];
  const table: Table = { model: [], examples: [], provider: [] };
  for (let i = 0; i < rows; i++) {
    table.model.push([models[i % models.length]]);
    table.examples.push([1000 * (1 + (i % 200))]);
    table.provider.push([i % 3 === 0 ? 'AWS spot' : `Team cloud ${(i * 7) % CATALOG_ROWS}`]);
  }
  return table;
}

const normalize = (name: string): string => name.toLowerCase().replace(/[\s\-_]+/g, '');

/**
 * The plain loop: one read of the sheet, a Map per table by normalized name (lowest row
 * wins), then per row two Map lookups and the arithmetic.
 */
function floorFor(context: BundleContext, table: Table): () => unknown {
  const app = context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  return () => {
    const grid = app
      .getActiveSpreadsheet()
      .getSheetByName('FT Catalog')!
      .getDataRange()
      .getValues();
    const scale = new Map<string, number>();
    const gpuSpeed = new Map<string, number>();
    const providers = new Map<string, { price: number; speed: number }>();
    for (let r = 3; r < grid.length; r++) {
      const row = grid[r];
      if (row[0] !== '') scale.set(normalize(String(row[0])), Number(row[2]));
      if (row[15] !== '') gpuSpeed.set(normalize(String(row[15])), Number(row[18]));
    }
    for (let r = 3; r < grid.length; r++) {
      const row = grid[r];
      if (row[22] === '') continue;
      providers.set(normalize(String(row[22])), {
        price: Number(row[24]),
        speed: gpuSpeed.get(normalize(String(row[23]))) ?? 1,
      });
    }
    const output: number[][] = new Array(table.model.length);
    for (let i = 0; i < table.model.length; i++) {
      const s = scale.get(normalize(table.model[i][0])) ?? NaN;
      const p = providers.get(normalize(table.provider[i][0]));
      output[i] = [((ARTICLE_HOURS_PER_EXAMPLE * table.examples[i][0] * s) / p!.speed) * p!.price];
    }
    return output;
  };
}

function checkSame(actual: unknown, expected: unknown): void {
  const a = actual as number[][];
  const e = expected as number[][];
  if (!Array.isArray(a) || a.length !== e.length) throw new Error('FT_COST returned another shape');
  for (let i = 0; i < e.length; i++) {
    if (Math.abs(a[i][0] - e[i][0]) > 1e-9 * Math.abs(e[i][0])) {
      throw new Error(`row ${i + 1}: FT_COST ${a[i][0]}, the floor ${e[i][0]}`);
    }
  }
}

function runThroughput(code: string, quick: boolean): CatalogThroughput {
  const { workbook, context } = teamWorkbook(code);
  const table = inContext(context, makeTable(CATALOG_CALL_ROWS));
  const call = (): unknown =>
    callGlobal(context, 'FT_COST', table.model, table.examples, table.provider);
  const floor = floorFor(context, table);
  checkSame(call(), floor());
  workbook.resetCalls();
  call();
  const calls = workbook.callCount();
  const timing = measure(
    { floor, call },
    {
      warmup: 2,
      warmupMs: quick ? 200 : 500,
      samples: quick ? 5 : 15,
      minSampleMs: 0,
      clock: cpuClock,
    },
  );
  const perRow = CATALOG_CALL_ROWS / 1e6;
  return {
    rows: CATALOG_CALL_ROWS,
    userCatalogRows: CATALOG_ROWS,
    nsPerRow: scaleStats(timing.cases.call.time, perRow),
    floorNsPerRow: scaleStats(timing.cases.floor.time, perRow),
    ratioToFloor: timing.ratioToFirst.call,
    calls,
  };
}

function runRefresh(code: string, quick: boolean): RefreshRow[] {
  return REFRESH_FORMULAS.map((formulas) => {
    const { workbook, context } = teamWorkbook(code);
    const cells = Array.from({ length: formulas }, (_, i) => [
      `=FT_COST("Llama 13B", ${1000 + i}, "Team cloud ${i % CATALOG_ROWS}")`,
    ]);
    // A new sheet has 1,000 rows: the refresh writes through ranges, which must fit it.
    const sheet = workbook.rawSheet('Sheet1');
    if (formulas > sheet.getMaxRows()) {
      sheet.insertRowsAfter(sheet.getMaxRows(), formulas - sheet.getMaxRows());
    }
    workbook.write('Sheet1', 'A1', cells);
    const app = context.SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
    const spreadsheet = app.getActiveSpreadsheet();
    const event = {
      range: spreadsheet.getSheetByName('FT Catalog')!.getRange('Y20'),
      source: spreadsheet,
    };
    const run = (): unknown => callGlobal(context, 'onEdit', event);
    workbook.resetCalls();
    run();
    const calls = workbook.callCount();
    const timing = measure(
      { run },
      { warmup: 1, samples: quick ? 3 : 7, minSampleMs: 0, clock: wallClock },
    );
    return { formulas, ms: timing.cases.run.time, calls };
  });
}

export function runCatalog(code: string, quick: boolean): CatalogResult {
  return { throughput: runThroughput(code, quick), refresh: runRefresh(code, quick) };
}
