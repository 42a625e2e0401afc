// Part 5: the functions over a team's catalog. FT_COST over 100,000 rows in a workbook whose
// FT Catalog sheet holds 2,000 user rows (the emulated SpreadsheetApp, in node:vm with an
// ordinary global), against a plain loop that reads the same sheet once, indexes it by
// normalized name and does the same lookups and arithmetic per row. Then the refresh after
// a catalog edit (onEdit) over N FT_* formulas: its time on the emulator and its
// SpreadsheetApp calls (what Sheets then recomputes is Google's time, not measurable here).
import { columnLetter, createWorkbook } from '../emulator';
import { RUNS_FIRST_COLUMN } from '../src/addon/catalog-sheet';
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

/** Issue 19: FT_COMPUTE_HOURS without an MFU over a sheet of measured runs, and FT_CALIBRATION. */
export interface CalibrationBench {
  readonly rows: number;
  readonly runRows: number;
  /** FT_COMPUTE_HOURS ns/row with the runs table filled, and with it blank. */
  readonly nsPerRow: Stats;
  readonly nsPerRowNoRuns: Stats;
  /** One FT_CALIBRATION call (it reads the catalog sheet), ms. */
  readonly calibrationMs: Stats;
}

export interface CatalogResult {
  readonly throughput: CatalogThroughput;
  readonly refresh: readonly RefreshRow[];
  readonly calibration?: CalibrationBench;
}

export const RUN_ROWS = 2000;

/** A team catalog whose Measured runs table has RUN_ROWS rows typed (or none). */
function runsWorkbook(code: string, runs: number): BundleContext {
  const workbook = createWorkbook();
  const context = loadBundleForBench(code, workbook.services);
  callGlobal(context, 'insertCatalogSheet');
  const methods = ['LoRA', 'QLoRA', 'full'];
  const rows = Array.from({ length: runs }, (_, i) => [
    ['Llama 7B', 'Llama 13B', 8][i % 3],
    methods[i % 3],
    i % 2 === 0 ? 'A100' : 'RunPod',
    1e6 * (1 + (i % 50)),
    '',
    '',
    '',
    1 + (i % 4),
    0.5 + (i % 17) / 4,
    '2026-11-01',
    'bench',
  ]);
  if (runs > 0) {
    const sheet = workbook.rawSheet('FT Catalog');
    if (runs + 3 > sheet.getMaxRows()) sheet.insertRowsAfter(sheet.getMaxRows(), runs + 3);
    workbook.write('FT Catalog', `${columnLetter(RUNS_FIRST_COLUMN)}4`, rows);
  }
  return context;
}

function runCalibration(code: string, quick: boolean): CalibrationBench {
  const timeOf = (runs: number): { perRow: Stats; calibration: Stats } => {
    const context = runsWorkbook(code, runs);
    const table = inContext(context, makeTable(CATALOG_CALL_ROWS));
    const tokens = inContext(
      context,
      table.examples.map(([examples]) => [examples * 500]),
    );
    const hours = (): unknown =>
      callGlobal(context, 'FT_COMPUTE_HOURS', table.model, tokens, 'LoRA', 'A100');
    const calibration = (): unknown => callGlobal(context, 'FT_CALIBRATION', 'A100', 'LoRA');
    const options = {
      warmup: 1,
      warmupMs: quick ? 100 : 300,
      samples: quick ? 5 : 11,
      minSampleMs: 0,
      clock: cpuClock,
    };
    const timing = measure({ hours }, options);
    const single = measure({ calibration }, { ...options, clock: wallClock });
    return {
      perRow: scaleStats(timing.cases.hours.time, CATALOG_CALL_ROWS / 1e6),
      calibration: single.cases.calibration.time,
    };
  };
  const withRuns = timeOf(RUN_ROWS);
  const without = timeOf(0);
  return {
    rows: CATALOG_CALL_ROWS,
    runRows: RUN_ROWS,
    nsPerRow: withRuns.perRow,
    nsPerRowNoRuns: without.perRow,
    calibrationMs: withRuns.calibration,
  };
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
  return {
    throughput: runThroughput(code, quick),
    refresh: runRefresh(code, quick),
    calibration: runCalibration(code, quick),
  };
}
