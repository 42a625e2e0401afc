// Evaluates the scenario model's definitions (scenario-model.ts) over input values, the way
// the scenario sheet's formulas compute them: the sidebar preview, generateScenario's summary
// and the tests that compare a sheet with the engine all read numbers from here.
import type { ModelRow } from './catalog';
import { evaluate, SheetError } from './expr';
import type { EvalEnv, Expr, TableKey, Value } from './expr';
import type { CatalogIndex } from './names';
import { normalizeName, readSizeText } from './names';
import {
  INPUT_CHECKS,
  LADDER,
  LADDER_COLUMNS,
  MATRIX_DATASET_SIZES,
  METHODS,
  PROVIDERS,
  TIMELINE,
  UPFRONT_ITEMS,
  UPFRONT_TABLE,
  matrixColumns,
  scenarioMetrics,
} from './scenario-model';
import type { Metric } from './scenario-model';
import { SCENARIO_FIELDS } from './scenario-input';
import type { ScenarioField } from './scenario-input';

/** The rows of a scenario's tables: catalog names, and the months of the timeline. */
export interface ScenarioTables {
  readonly providers: readonly string[];
  readonly methods: readonly string[];
  readonly matrix: readonly string[];
  /** Catalog models by size, one per size (the first row of a size). */
  readonly ladder: readonly string[];
  readonly months: number;
}

/** Catalog models by size, one per size, as the engine interpolates between them. */
export function ladderModels(models: readonly ModelRow[]): string[] {
  const bySize = new Map<number, string>();
  for (const row of models)
    if (!bySize.has(row.paramsBillions)) bySize.set(row.paramsBillions, row.name);
  return [...bySize].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/** The table rows a scenario over this catalog shows. */
export function scenarioTables(index: CatalogIndex, months: number): ScenarioTables {
  const { catalog } = index;
  return {
    providers: catalog.providers.map((row) => row.name),
    methods: catalog.methods.map((row) => row.name),
    matrix: catalog.models.map((row) => row.name),
    ladder: ladderModels(catalog.models),
    months,
  };
}

/** Each table's columns, by the table's name. */
export const TABLE_COLUMNS: Readonly<Record<string, readonly Metric[]>> = {
  timeline: TIMELINE,
  providers: PROVIDERS,
  methods: METHODS,
  matrix: [...matrixColumns().hours, ...matrixColumns().cost],
  [LADDER]: LADDER_COLUMNS,
};

export interface EvaluationOptions {
  /** "Training examples (B7)": how a message names an input (default: its label). */
  readonly inputLabel?: (field: ScenarioField) => string;
  /** Texts that are never a catalog name (the catalog sheet's titles and headers). */
  readonly notNames?: (table: TableKey) => readonly string[];
}

const LABELS = new Map(SCENARIO_FIELDS.map((field) => [field.key, field.label]));

/**
 * The scenario's metrics over a set of input values (as the input cells hold them: a
 * number, text, or '' for a blank). Each metric is computed once, on first use.
 */
export class ScenarioEvaluation {
  private readonly definitions = new Map<string, Expr>();
  private readonly values = new Map<string, Value>();
  private readonly tableCells = new Map<string, Value[][]>();
  private readonly computing = new Set<string>();

  constructor(
    private readonly inputs: Readonly<Record<ScenarioField, Value>>,
    private readonly index: CatalogIndex,
    readonly tables: ScenarioTables,
    private readonly options: EvaluationOptions = {},
  ) {
    for (const metric of scenarioMetrics(tables.ladder.length)) {
      this.definitions.set(metric.name, metric.expr);
    }
    for (const check of INPUT_CHECKS) this.definitions.set(`check.${check.field}`, check.expr);
  }

  /** A metric's value (a number, text such as "never", or a sheet error). */
  get(name: string): Value {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    const size = /^size(\d+)$/.exec(name);
    if (size) return MATRIX_DATASET_SIZES[Number(size[1])];
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`scenario model: no metric '${name}'`);
    if (this.computing.has(name)) throw new Error(`scenario model: '${name}' depends on itself`);
    this.computing.add(name);
    const value = evaluate(definition, this.env());
    this.computing.delete(name);
    this.values.set(name, value);
    return value;
  }

  /** A metric that must be a number (it is, for a valid scenario). */
  number(name: string): number {
    const value = this.get(name);
    if (typeof value !== 'number') {
      const shown = value instanceof SheetError ? value.code : String(value);
      throw new Error(`scenario model: ${name} is ${shown}, not a number`);
    }
    return value;
  }

  /** One column of a table, row by row. */
  tableColumn(table: string, column: string): Value[] {
    const columns = this.table(table);
    const at = this.columnIndex(table, column);
    return columns.map((row) => row[at]);
  }

  private keys(table: string): readonly (string | number)[] {
    switch (table) {
      case 'timeline':
        return Array.from({ length: this.tables.months + 1 }, (_, month) => month);
      case 'providers':
      case 'methods':
      case 'matrix':
        return this.tables[table];
      case LADDER:
        return this.tables.ladder;
      default:
        throw new Error(`scenario model: no table '${table}'`);
    }
  }

  private columnIndex(table: string, column: string): number {
    const at = (TABLE_COLUMNS[table] ?? []).findIndex((spec) => spec.name === column);
    if (at < 0) throw new Error(`scenario model: no column '${column}' in '${table}'`);
    return at;
  }

  /** Every row of a table, each cell computed in column order (a cell may use earlier ones). */
  private table(table: string): Value[][] {
    const done = this.tableCells.get(table);
    if (done) return done;
    const columns = TABLE_COLUMNS[table];
    const rows: Value[][] = [];
    this.tableCells.set(table, rows);
    this.keys(table).forEach((key, r) => {
      const row: (Value | undefined)[] = new Array<Value | undefined>(columns.length);
      rows.push(row as Value[]);
      const cellAt = (column: string, offset: 0 | -1): Value => {
        if (column === 'key') return key;
        const at = this.columnIndex(table, column);
        if (offset === -1) return r === 0 ? '' : rows[r - 1][at];
        // A cell used before its own column: compute it now (e.g. cost uses hours).
        if (row[at] === undefined) row[at] = compute(at);
        return row[at] as Value;
      };
      const env: EvalEnv = { ...this.env(), cell: cellAt };
      const compute = (at: number): Value =>
        // The timeline starts at month 0; every later month is the one above plus 1.
        table === 'timeline' && at === 0 && r === 0 ? 0 : evaluate(columns[at].expr, env);
      columns.forEach((_, at) => {
        if (row[at] === undefined) row[at] = compute(at);
      });
    });
    return rows;
  }

  private env(): EvalEnv {
    return {
      input: (field) => this.inputs[field] ?? '',
      inputLabel: (field) => this.options.inputLabel?.(field) ?? LABELS.get(field) ?? field,
      metric: (name) => this.get(name),
      cell: () => {
        throw new Error('scenario model: a table cell outside a table');
      },
      column: (table, column) =>
        table === UPFRONT_TABLE
          ? UPFRONT_ITEMS.map((item) => this.get(item.name))
          : this.tableColumn(table, column),
      catalogRow: (table, key) => this.catalogRow(table, key),
      sizeText: (value) => sizeOf(value),
    };
  }

  private catalogRow(table: TableKey, key: Value): Value {
    if (key instanceof SheetError) return key;
    // A number is never a name: in an input cell it is a size or a rate.
    if (typeof key !== 'string') return new SheetError('#N/A');
    const normalized = normalizeName(key);
    const refused = (this.options.notNames?.(table) ?? []).some(
      (text) => normalizeName(text) === normalized,
    );
    if (refused || normalized === '') return new SheetError('#N/A');
    if (table === 'managed') return new SheetError('#N/A');
    const row = this.index.findRow(table, key);
    return row
      ? { found: row as unknown as Readonly<Record<string, unknown>> }
      : new SheetError('#N/A');
  }
}

/** A model size typed as a number, or as text such as "8B" or "0.5 b"; #N/A otherwise. */
function sizeOf(value: Value): Value {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return new SheetError('#N/A');
  // The sheet's formula turns tabs, line breaks and no-break spaces into spaces and drops
  // other control characters; a minus sign is not part of a size it reads.
  // eslint-disable-next-line no-control-regex
  const cleaned = value.replace(/[\t\n\r\u00a0]/g, ' ').replace(/[\u0000-\u001f]/g, '');
  const size = cleaned.includes('-') ? undefined : readSizeText(cleaned);
  return size === undefined ? new SheetError('#N/A') : size;
}

/** One definition evaluated with just the metrics and inputs it needs (e.g. the verdict). */
export function evaluateAlone(
  expr: Expr,
  given: {
    readonly metrics: Readonly<Record<string, Value>>;
    readonly inputs: Partial<Record<ScenarioField, Value>>;
  },
): Value {
  const missing = (what: string): never => {
    throw new Error(`scenario model: ${what} is not given`);
  };
  return evaluate(expr, {
    input: (field) => given.inputs[field] ?? missing(field),
    inputLabel: (field) => LABELS.get(field) ?? field,
    metric: (name) => given.metrics[name] ?? missing(name),
    cell: () => missing('a table cell'),
    column: () => missing('a table column'),
    catalogRow: () => missing('a catalog row'),
    sizeText: sizeOf,
  });
}
