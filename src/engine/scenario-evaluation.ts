// Evaluates the scenario model's definitions (scenario-model.ts) over input values, the way
// the scenario sheet's formulas compute them: the sidebar preview, generateScenario's summary
// and the tests that compare a sheet with the engine all read numbers from here.
import { runTable } from './calibration';
import type { RunTable } from './calibration';
import { RUNS } from './calibration-model';
import type { ManagedFineTuningRow, ModelRow } from './catalog';
import { isoOfSerial, isoToday } from './dates';
import { bracketScore, NO_BRACKET } from './managed';
import { evaluate, isFoundRow, SheetError } from './expr';
import { dayNumberOf } from './freshness';
import type { BracketStep, EvalEnv, Expr, TableKey, TextReading, Value } from './expr';
import type { CatalogIndex } from './names';
import { escapeKey, normalizeName, SIZE_IN_NAME, unescapeKey } from './names';
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
import type { Metric, TableColumn } from './scenario-model';
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
  // A row whose scale was interpolated from its size lies on the curve: the sheet, whose
  // cell is blank, interpolates without it, and so does this.
  for (const row of models) {
    if (!row.scaleFromSize && !bySize.has(row.paramsBillions)) {
      bySize.set(row.paramsBillions, row.name);
    }
  }
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

/** Each table's columns, by the table's name (built on first use, as the model is). */
export function tableColumns(): Readonly<Record<string, readonly Metric[]>> {
  return {
    timeline: TIMELINE(),
    providers: PROVIDERS(),
    methods: METHODS(),
    matrix: [...matrixColumns().hours, ...matrixColumns().cost], // built once (lazy)
    [LADDER]: LADDER_COLUMNS(),
  };
}

/** Every single-cell metric's definition by name, the input checks (check.<field>) included. */
export function modelDefinitions(ladderRows: number): Map<string, Expr> {
  const definitions = new Map<string, Expr>();
  for (const metric of scenarioMetrics(ladderRows)) definitions.set(metric.name, metric.expr);
  for (const check of INPUT_CHECKS()) definitions.set(`check.${check.field}`, check.expr);
  return definitions;
}

export interface EvaluationOptions {
  /** "Training examples (B7)": how a message names an input (default: its label). */
  readonly inputLabel?: (field: ScenarioField) => string;
  /** Texts that are never a catalog name (the catalog sheet's titles and headers). */
  readonly notNames?: (table: TableKey) => readonly string[];
  /**
   * The clock: today as YYYY-MM-DD, which TODAY() gives in the sheet (a price's age). Default:
   * the local date when the evaluation is made; tests give a fixed day.
   */
  readonly today?: string;
}

const LABELS = new Map(SCENARIO_FIELDS.map((field) => [field.key, field.label]));

/**
 * The scenario's metrics over a set of input values (as the input cells hold them: a
 * number, text, or '' for a blank). Each metric is computed once, on first use.
 */
export class ScenarioEvaluation {
  private readonly definitions: ReadonlyMap<string, Expr>;
  private readonly values = new Map<string, Value>();
  private readonly tableCells = new Map<string, Value[][]>();
  private readonly computing = new Set<string>();
  private readonly columns: Readonly<Record<string, readonly Metric[]>>;
  private readonly today: Value;

  constructor(
    private readonly inputs: Readonly<Record<ScenarioField, Value>>,
    private readonly index: CatalogIndex,
    readonly tables: ScenarioTables,
    private readonly options: EvaluationOptions = {},
    private readonly base?: {
      readonly of: ScenarioEvaluation;
      readonly moved: ReadonlySet<string>;
    },
  ) {
    this.definitions = base?.of.definitions ?? modelDefinitions(tables.ladder.length);
    this.columns = base?.of.columns ?? tableColumns();
    this.today = base?.of.today ?? dayNumberOf(options.today ?? isoToday());
  }

  /** A metric's definition (undefined for a name the model does not define). */
  definition(name: string): Expr | undefined {
    return this.definitions.get(name);
  }

  /**
   * This scenario at a what-if point: `inputs` and `metrics` given in place of its own. The
   * metrics named in `moved` (dependentMetrics: those that read a given one) are computed
   * again; every other is this scenario's own, as a workings row reads the scenario's cell.
   */
  at(
    inputs: Partial<Record<ScenarioField, Value>>,
    metrics: Readonly<Record<string, Value>>,
    moved: ReadonlySet<string>,
  ): ScenarioEvaluation {
    const point = new ScenarioEvaluation(
      { ...this.inputs, ...inputs },
      this.index,
      this.tables,
      this.options,
      { of: this, moved },
    );
    for (const [name, value] of Object.entries(metrics)) point.values.set(name, value);
    return point;
  }

  /** Any definition over this scenario's metrics and inputs (a what-if point's status). */
  valueOf(expr: Expr): Value {
    return evaluate(expr, this.env());
  }

  /** A metric's value (a number, text such as "never", or a sheet error). */
  get(name: string): Value {
    const known = this.values.get(name);
    if (known !== undefined) return known;
    if (this.base && !this.base.moved.has(name)) return this.base.of.get(name);
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
    const at = (this.columns[table] ?? []).findIndex((spec) => spec.name === column);
    if (at < 0) throw new Error(`scenario model: no column '${column}' in '${table}'`);
    return at;
  }

  /** Every row of a table, each cell computed in column order (a cell may use earlier ones). */
  private table(table: string): Value[][] {
    const done = this.tableCells.get(table);
    if (done) return done;
    const columns = this.columns[table];
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
      const compute = (at: number): Value => {
        // A table's first row may have a definition of its own (the timeline's month 0).
        const first = r === 0 ? (columns[at] as TableColumn).first : undefined;
        return evaluate(first ?? columns[at].expr, env);
      };
      columns.forEach((_, at) => {
        if (row[at] === undefined) row[at] = compute(at);
      });
    });
    return rows;
  }

  private runTable: RunTable | undefined;

  /** The catalog's measured runs, each computed as the catalog sheet's run columns do. */
  private runs(): RunTable {
    this.runTable ??= runTable(this.index, this.index.runs);
    return this.runTable;
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
          ? UPFRONT_ITEMS().map((item) => this.get(item.name))
          : table === RUNS
            ? this.runs()[column]
            : this.tableColumn(table, column),
      catalogRow: (table, key) => this.catalogRow(table, key),
      catalogPrefix: (table, key) => this.catalogPrefix(table, key),
      read: readText,
      bracket: (step, args) => this.bracket(step, args),
      today: () => this.today,
      catalogSetting: () => this.index.staleAfterDays,
    };
  }

  /** A managed service's price row for a model, step by step as the sheet finds it (BracketStep). */
  private bracket(step: BracketStep, args: readonly Value[]): Value {
    const error = args.find((arg): arg is SheetError => arg instanceof SheetError);
    if (error) return error;
    const [first, size, score] = args;
    if (step === 'prefix') {
      const method = readText('nameKey', size);
      if (!isFoundRow(first) || typeof method !== 'string') return new SheetError('#N/A');
      return `${String(readText('nameKey', String(first.found.name)))}|${method}|`;
    }
    if (typeof first !== 'string' || typeof size !== 'number') return new SheetError('#VALUE!');
    // The service's rows for this method (prefix), then its rows for every method (service||).
    const anyMethod = `${first.slice(0, first.indexOf('|') + 1)}|`;
    const key = (row: ManagedFineTuningRow): string =>
      `${String(readText('nameKey', row.name))}|${row.method ? String(readText('nameKey', row.method)) : ''}|`;
    const scored = this.index.catalog.managed.map((row) => {
      const own = key(row);
      const applies = own === first || own === anyMethod;
      return { row, score: applies ? bracketScore(row, size, () => own === first) : NO_BRACKET };
    });
    const best = Math.min(NO_BRACKET, ...scored.map((entry) => entry.score));
    if (step === 'score') return best;
    const found = scored.find((entry) => entry.score === score && score < NO_BRACKET);
    return found
      ? { found: found.row as unknown as Record<string, unknown> }
      : new SheetError('#N/A');
  }

  /** The row a name key picks (see CatalogIndex: name or alias, lowest row, unique start). */
  private catalogRow(table: TableKey, key: Value): Value {
    if (key instanceof SheetError) return key;
    if (typeof key !== 'string' || key === '' || this.refused(table, key)) {
      return new SheetError('#N/A');
    }
    // A key cell's key (escaped as the sheet writes it), or a catalog name (a table row's).
    const name = unescapeKey(key);
    // The sheet's key keeps the rarer Unicode spaces (U+2009 ...) that names.ts drops: such a
    // key finds no row there, so none here either.
    if (readText('nameKey', name) !== escapeKey(normalizeName(name))) return new SheetError('#N/A');
    const row = this.index.findRow(table, name) as Readonly<Record<string, unknown>> | undefined;
    if (!row) return new SheetError('#N/A');
    // Its sheet cell is blank: the formulas interpolate, so the engine reads no scale either.
    return { found: row.scaleFromSize ? { ...row, scale: '' } : row };
  }

  /** The name of the first row whose name key starts with `key`, as the sheet's MATCH finds it. */
  private catalogPrefix(table: TableKey, key: Value): Value {
    if (key instanceof SheetError) return key;
    if (typeof key !== 'string' || key === '') return new SheetError('#N/A');
    const start = unescapeKey(key);
    const rows: readonly { readonly name: string }[] = this.index.catalog[table];
    const found = rows.find((row) => normalizeName(row.name).startsWith(start));
    return found ? found.name : new SheetError('#N/A');
  }

  /** A table's title or its "Name" header typed as a name matches no row. */
  private refused(table: TableKey, key: string): boolean {
    return (this.options.notNames?.(table) ?? []).some((text) => normalizeName(text) === key);
  }
}

// What Sheets' CLEAN removes: the first 32 ASCII codes.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f]/g;

/** The engine's readings of input text, as the sheet's formulas read it (see TextReading). */
export function readText(how: TextReading, value: Value): Value {
  if (value instanceof SheetError) return value;
  const na = new SheetError('#N/A');
  switch (how) {
    case 'sizeWord':
      if (typeof value === 'number') return value;
      // As the sheet's formula: tabs, line breaks and no-break spaces are spaces, other
      // control characters go (CLEAN), spaces are trimmed (TRIM), one final "b" goes.
      return typeof value === 'string' && value !== ''
        ? value
            .replace(/[\t\n\r\u00a0]/g, ' ')
            .replace(CONTROL_CHARACTERS, '')
            .replace(/ +/g, ' ')
            .replace(/^ | $/g, '') // TRIM: ordinary spaces only
            .toLowerCase()
            .replace(/b$/, '')
            .replace(/^ | $/g, '')
        : na;
    case 'digits':
      if (typeof value === 'number') return value;
      return typeof value === 'string' && /^\d+(\.\d+)?$/.test(value) ? Number(value) : na;
    case 'nameKey':
      // A blank cell is no text in Sheets (ISTEXT is FALSE): no key, as for a number. Control
      // characters go (CLEAN), then no-break and ordinary spaces, "-" and "_"; the rarer
      // Unicode spaces are kept (see README, Names).
      return typeof value === 'string' && value !== ''
        ? escapeKey(
            value
              .replace(CONTROL_CHARACTERS, '')
              .replace(/[\u00a0 \-_]/g, '')
              .toLowerCase(),
          )
        : na;
    case 'isoDate':
      // A date cell (a serial day number in Sheets) or text that starts with one.
      if (typeof value === 'number') return isoOfSerial(value);
      return typeof value === 'string' ? value.slice(0, 10) : na;
    case 'dayNumber':
      return dayNumberOf(value);
    case 'nameEnd': {
      const match = typeof value === 'string' ? SIZE_IN_NAME.exec(value) : null;
      return match ? match[1] : na;
    }
  }
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
    catalogPrefix: () => missing('a catalog row'),
    read: readText,
    bracket: () => missing('a catalog row'),
    today: () => missing('today'),
    catalogSetting: () => missing('a catalog setting'),
  });
}
