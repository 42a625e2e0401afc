// The catalog sheet's "Measured runs" table (issue 19): its cells as the add-in writes them
// (title, headers and, in each run's row, the calibration's per-run definitions as formulas)
// and the runs read back, each run the engine cannot use named with the reason.
import { describeValue, render, RUN_COLUMN_NAMES, RUN_COLUMNS, runTable } from '../../engine';
import type { CatalogIndex, Expr, MeasuredRun, RenderEnv, RunCell, Value } from '../../engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  CATALOG_TITLE_ROW,
  isBlankCell,
  KEY_LAST_ROW,
  runColumnLetter,
  RUNS_FIRST_COLUMN,
  RUNS_HEADER_CELLS,
  RUNS_LAST_ROW,
  RUNS_TITLE,
} from '../catalog-sheet';
import type { CellIn, TableKey } from '../catalog-sheet';
import { catalogField } from '../lookup-formulas';
import { READINGS } from '../scenario/formulas';

/** True when the sheet has the runs table (its title where the layout puts it). */
export function hasRunsTable(grid: readonly (readonly CellIn[])[]): boolean {
  return grid[CATALOG_TITLE_ROW - 1]?.[RUNS_FIRST_COLUMN - 1] === RUNS_TITLE;
}

/** The formula of a computed column in a run's row. */
function runFormula(expr: Expr, row: number): string {
  const fail = (what: string): never => {
    throw new Error(`runs table: ${what} in a run's formula`);
  };
  const env: RenderEnv = {
    input: () => fail('an input'),
    inputLabel: () => fail('an input'),
    metric: () => fail('a metric'),
    cell: (column) => `${runColumnLetter(column)}${row}`,
    column: () => fail('a column'),
    catalogRow: () => fail('a name lookup'),
    catalogPrefix: () => fail('a name lookup'),
    field: catalogField,
    read: (how, value) => READINGS[how](value),
    bracket: () => fail('a managed price'),
    catalogSetting: () => fail('a catalog setting'),
  };
  return render(expr, env);
}

/** The computed columns' formulas of one row of the runs table, in column order. */
export function runRowFormulas(row: number): string[] {
  return RUN_COLUMNS().map((column) => runFormula(column.expr, row));
}

/**
 * The runs table's cells from the title row to KEY_LAST_ROW, from RUNS_FIRST_COLUMN to the
 * last computed column: title, headers, blank run cells and the computed columns' formulas.
 * Rows below get theirs when a run is typed there (catalog/run-rows.ts).
 */
export function runsGrid(): string[][] {
  const width = RUNS_HEADER_CELLS.length + RUN_COLUMN_NAMES.length;
  const title = new Array<string>(width).fill('');
  title[0] = RUNS_TITLE;
  title[RUNS_HEADER_CELLS.length] = 'Computed by the add-in from each run';
  const grid = [
    title,
    [...RUNS_HEADER_CELLS.map(([, header]) => header), ...RUN_COLUMNS().map((c) => c.header)],
  ];
  for (let row = CATALOG_FIRST_ROW; row <= KEY_LAST_ROW; row++) {
    grid.push([...RUNS_HEADER_CELLS.map(() => ''), ...runRowFormulas(row)]);
  }
  return grid;
}

/** A cell as a run's value: a number, or text ('' for a blank; a date as its text). */
function runValue(cell: CellIn): number | string {
  if (typeof cell === 'number') return cell;
  if (isBlankCell(cell)) return '';
  return String(cell);
}

/** The runs of the table, in sheet order: every non-blank row to RUNS_LAST_ROW. */
export function sheetRuns(grid: readonly (readonly CellIn[])[]): {
  runs: MeasuredRun[];
  beyond: number[];
} {
  const runs: MeasuredRun[] = [];
  const beyond: number[] = [];
  if (!hasRunsTable(grid)) return { runs, beyond };
  for (let r = CATALOG_FIRST_ROW; r <= grid.length; r++) {
    const source = grid[r - 1] ?? [];
    const values = RUNS_HEADER_CELLS.map((_, i) => runValue(source[RUNS_FIRST_COLUMN - 1 + i]));
    if (values.every((value) => value === '')) continue;
    if (r > RUNS_LAST_ROW) {
      beyond.push(r);
      continue;
    }
    const cells = {} as Record<RunCell, number | string>;
    let date = '';
    let note = '';
    RUNS_HEADER_CELLS.forEach(([key], i) => {
      if (key === 'date') date = String(values[i]);
      else if (key === 'note') note = String(values[i]);
      else cells[key] = values[i];
    });
    runs.push({ cells, date, note, sheetRow: r });
  }
  return { runs, beyond };
}

/**
 * A run's name that the scenario's name rules read as a catalog row (another name, a start
 * of one) but the run columns, which match catalog names as written, do not: say which.
 */
function writtenAs(index: CatalogIndex, tables: readonly TableKey[], value: unknown): string {
  for (const table of tables) {
    const row = index.findRow(table, value);
    if (row) return ` (runs name a row as the catalog writes it: type ${row.name})`;
  }
  return '';
}

/** Why a run the calibration cannot use is left out: its first column that is not right. */
function reason(
  run: MeasuredRun,
  computed: (column: string) => Value,
  index: CatalogIndex,
): string {
  const got = (cell: RunCell, tables: readonly TableKey[] = []): string =>
    `got ${describeValue(run.cells[cell])}${writtenAs(index, tables, run.cells[cell])}`;
  const positive = (value: Value): boolean => typeof value === 'number' && value > 0;
  if (!positive(computed('params'))) {
    return `Model must be a model name of the catalog or a size in billions, ${got('model', ['models'])}`;
  }
  if (typeof computed('flops') !== 'number') {
    return `Method must be a method name of the catalog, ${got('method', ['methods'])}`;
  }
  if (typeof computed('peak') !== 'number') {
    return `GPU must be a GPU or GPU provider name of the catalog, ${got('gpu', ['gpus', 'providers'])}`;
  }
  if (!positive(computed('runTokens'))) {
    return 'Training tokens (or examples x tokens per example x epochs) must be a positive number';
  }
  if (!positive(computed('gpuCount'))) return `GPUs must be a positive number, ${got('gpus')}`;
  return `Measured wall-clock hours must be a positive number, ${got('hours')}`;
}

/**
 * The runs of a catalog sheet, each computed as its formulas compute it; a warning for each
 * run the calibration cannot use (it stays in the table, as in the sheet, unused) and for
 * runs below RUNS_LAST_ROW, which the sheet's formulas do not read.
 */
export function readRuns(
  grid: readonly (readonly CellIn[])[],
  index: CatalogIndex,
): { runs: MeasuredRun[]; warnings: string[] } {
  const { runs, beyond } = sheetRuns(grid);
  const warnings: string[] = [];
  const table = runTable(index, runs);
  runs.forEach((run, i) => {
    if (typeof table.logRatio[i] === 'number') return;
    warnings.push(
      `${CATALOG_SHEET} row ${run.sheetRow ?? ''} (Measured runs): ${reason(run, (column) => table[column][i], index)}; the run is not used.`,
    );
  });
  if (beyond.length > 0) {
    warnings.push(
      `${CATALOG_SHEET} rows ${beyond[0]} to ${beyond[beyond.length - 1]} (Measured runs): the table holds runs in rows ${CATALOG_FIRST_ROW} to ${RUNS_LAST_ROW}; ${beyond.length} run(s) below are not used.`,
    );
  }
  return { runs, warnings };
}
