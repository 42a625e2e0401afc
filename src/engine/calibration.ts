// The achieved-MFU fit (issue 19, item 2): from measured runs, one factor that turns the
// compute-bound estimate into what runs like them took. The arithmetic is the definitions
// of calibration-model.ts, evaluated here over the runs (the scenario sheet renders the
// same definitions as formulas): the per-run estimate and log ratio, then the level, the
// trimmed mean of the logs and the spread.
import { CALIBRATION, calibrationMetrics, RUN_COLUMNS, RUNS } from './calibration-model';
import type { RunCell } from './calibration-model';
import { InputError } from './errors';
import { E, evaluate, SheetError } from './expr';
import type { EvalEnv, Expr, TableKey, Value } from './expr';
import type { CatalogIndex } from './names';
import { normalizeName } from './names';
import { readText } from './scenario-evaluation';

/** One measured run as the fit needs it, its estimate already made (published-accuracy.ts). */
export interface CalibrationRun {
  readonly gpu: string;
  readonly method: string;
  /** Measured wall-clock hours × GPU count. */
  readonly measuredGpuHours: number;
  /** The compute-bound estimate for the same run at the default MFU, GPU-hours. */
  readonly estimatedGpuHours: number;
}

/** A row of the catalog's "Measured runs" table: its cells as typed ('' for a blank). */
export interface MeasuredRun {
  readonly cells: Readonly<Record<RunCell, number | string>>;
  readonly date: string;
  readonly note: string;
  /** The catalog sheet row it was read from, for messages. */
  readonly sheetRow?: number;
}

/** Which runs the factor came from: the GPU and method asked, the method, all runs, or none. */
export type CalibrationLevel = 'gpu and method' | 'method' | 'all runs' | 'default';

export interface Calibration {
  /** Measured ÷ estimated (at the default MFU): multiply an estimate by it. 1 without runs. */
  readonly factor: number;
  /** The MFU the factor stands for: default MFU ÷ factor. */
  readonly mfu: number;
  readonly level: CalibrationLevel;
  /** Runs at that level (the two left out of a trimmed fit included). */
  readonly runs: number;
  /** The smallest and largest measured ÷ estimated ratio at that level; NaN without runs. */
  readonly minRatio: number;
  readonly maxRatio: number;
  /** The sentence the scenario shows: "calibrated from 3 runs on A100, LoRA". */
  readonly note: string;
}

/** The runs table's computed columns (calibration-model.ts RUN_COLUMNS), column by name. */
export type RunTable = Readonly<Record<string, readonly Value[]>>;

/** The middle of numbers sorted ascending, or the mean of the middle two (at least one). */
export function medianOfSorted(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A catalog row by its exact name (the sheet's run columns match names so, by key). */
function exactRow(index: CatalogIndex, table: TableKey, name: Value): Value {
  if (typeof name !== 'string' && typeof name !== 'number') return new SheetError('#N/A');
  const key = normalizeName(String(name));
  const rows: readonly { readonly name: string }[] = index.catalog[table];
  const row = key === '' ? undefined : rows.find((r) => normalizeName(r.name) === key);
  return row
    ? { found: row as unknown as Readonly<Record<string, unknown>> }
    : new SheetError('#N/A');
}

/** Each run's computed columns, as the catalog sheet's run formulas compute them. */
export function runTable(index: CatalogIndex, runs: readonly MeasuredRun[]): RunTable {
  const table: Record<string, Value[]> = {};
  const columns = RUN_COLUMNS();
  const at = new Map(columns.map((column, i) => [column.name, i]));
  for (const column of columns) table[column.name] = [];
  for (const run of runs) {
    const row: (Value | undefined)[] = new Array<Value | undefined>(columns.length);
    const env: EvalEnv = {
      input: () => '',
      inputLabel: (field) => field,
      metric: (name) => {
        throw new Error(`runs table: no metric ${name}`);
      },
      cell: (name) => {
        const i = at.get(name);
        if (i === undefined) return run.cells[name as RunCell] ?? '';
        row[i] ??= evaluate(columns[i].expr, env);
        return row[i] as Value;
      },
      column: () => {
        throw new Error('runs table: a column inside a row');
      },
      catalogRow: (table, name) => exactRow(index, table, name),
      catalogPrefix: () => new SheetError('#N/A'),
      read: readText,
      bracket: () => new SheetError('#N/A'),
      today: () => new SheetError('#N/A'),
      catalogSetting: () => new SheetError('#N/A'),
    };
    columns.forEach((column) => table[column.name].push(env.cell(column.name, 0)));
  }
  return table;
}

/** The calibration's metrics evaluated over a runs table, for a GPU's and a method's names. */
function evaluateCalibration(table: RunTable, gpu: string, method: string): Calibration {
  const definitions = new Map(
    calibrationMetrics(
      { gpu: E.read('nameKey', E.literal(gpu)), method: E.read('nameKey', E.literal(method)) },
      { gpu: E.literal(gpu), method: E.literal(method) },
    ).map((metric) => [metric.name, metric.expr]),
  );
  const values = new Map<string, Value>();
  const env: EvalEnv = {
    input: () => '',
    inputLabel: (field) => field,
    metric: (name) => {
      const known = values.get(name);
      if (known !== undefined) return known;
      const definition: Expr | undefined = definitions.get(name);
      if (!definition) throw new Error(`calibration: no metric ${name}`);
      const value = evaluate(definition, env);
      values.set(name, value);
      return value;
    },
    cell: () => {
      throw new Error('calibration: a table cell outside the runs table');
    },
    column: (name, column) => {
      if (name !== RUNS || !table[column]) throw new Error(`calibration: no column ${column}`);
      return table[column];
    },
    catalogRow: () => new SheetError('#N/A'),
    catalogPrefix: () => new SheetError('#N/A'),
    read: readText,
    bracket: () => new SheetError('#N/A'),
    today: () => new SheetError('#N/A'),
    catalogSetting: () => new SheetError('#N/A'),
  };
  const number = (name: string): number => {
    const value = env.metric(name);
    return typeof value === 'number' ? value : NaN;
  };
  return {
    factor: number(CALIBRATION.factor),
    mfu: number(CALIBRATION.mfu),
    level: env.metric(CALIBRATION.level) as CalibrationLevel,
    runs: number(CALIBRATION.runs),
    minRatio: number(CALIBRATION.minRatio),
    maxRatio: number(CALIBRATION.maxRatio),
    note: String(env.metric(CALIBRATION.note)),
  };
}

function checkRun(run: CalibrationRun, index: number): void {
  for (const [field, value] of [
    ['measuredGpuHours', run.measuredGpuHours],
    ['estimatedGpuHours', run.estimatedGpuHours],
  ] as const) {
    if (!(Number.isFinite(value) && value > 0)) {
      throw new InputError(
        `runs[${index}].${field}`,
        `runs[${index}].${field} must be a positive number of hours, got ${String(value)}`,
      );
    }
  }
}

/**
 * The calibration for a GPU and a method from runs whose estimates are made: fitted on the
 * runs of that GPU and method, else of that method on any GPU, else on all runs, else the
 * default (factor 1). `defaultMfu` is the MFU the estimates assumed.
 */
export function calibrate(
  runs: readonly CalibrationRun[],
  gpu: string,
  method: string,
  defaultMfu: number,
): Calibration {
  runs.forEach(checkRun);
  const key = (name: string): Value => readText('nameKey', name);
  const fit = evaluateCalibration(
    {
      gpuKey: runs.map((run) => key(run.gpu)),
      methodKey: runs.map((run) => key(run.method)),
      logRatio: runs.map((run) => Math.log(run.measuredGpuHours / run.estimatedGpuHours)),
    },
    gpu,
    method,
  );
  return { ...fit, mfu: defaultMfu / fit.factor };
}

const tables = new WeakMap<CatalogIndex, { table: RunTable; fits: Map<string, Calibration> }>();

/**
 * The calibration of a catalog's measured runs (CatalogIndex.runs) for a GPU and a method
 * of the catalog, by their names: what FT_CALIBRATION and FT_COMPUTE_HOURS use.
 */
export function catalogCalibration(index: CatalogIndex, gpu: string, method: string): Calibration {
  let known = tables.get(index);
  if (!known) {
    known = { table: runTable(index, index.runs), fits: new Map() };
    tables.set(index, known);
  }
  // A range of FT_COMPUTE_HOURS asks for the same GPU and method row after row.
  const key = `${gpu}\u0000${method}`;
  let fit = known.fits.get(key);
  if (!fit) {
    fit = evaluateCalibration(known.table, gpu, method);
    known.fits.set(key, fit);
  }
  return fit;
}
