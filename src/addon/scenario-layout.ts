// The scenario sheet as data: every cell's value or formula, number format, font
// weight and background, plus the charts, computed in memory so the writer can put
// each kind with one call however long the timeline or the catalog.
//
// Layout (row 1 title, row 2 verdict, row 3 block titles, row 4 headers; rows 1-4 frozen):
//   A:D  Inputs (one row per SCENARIO_FIELDS entry, yellow = editable, D checks each), then
//        "Looked up from the catalog" (each name's key, start, row used, as-of date, and
//        the row's numbers), then the catalog's models sorted by size, then the charts.
//   E:G  Results: training estimate, monthly costs, up-front breakdown, break-even, ROI,
//        verdict, input check, money over time (fixed rows: nothing grows here).
//   I:N  Monthly timeline 0..horizon        P:U  Provider comparison
//   W:AA LoRA vs full vs QLoRA              AC:AM Model × dataset-size matrix
// Each growing table has its own columns, so a row added under it collides with nothing,
// and its formulas use relative references to the row's own cells plus absolute ones
// to inputs and results, so filling a row down computes it.
import { columnNumber } from '../shared/a1';
import {
  DECISION,
  FINANCE,
  SENSITIVITY,
  INPUT_CHECKS,
  LADDER,
  LADDER_COLUMNS,
  lookupMetrics,
  matrixColumns,
  MATRIX_DATASET_SIZES,
  METHODS,
  MONTHLY,
  PROBLEM,
  PROVIDERS,
  render,
  SCENARIO_FIELDS,
  scenarioTables,
  TIMELINE,
  TITLE,
  TRAINING,
  UPFRONT_ITEMS,
  UPFRONT_TABLE,
  UPFRONT_TOTAL,
  VERDICT,
} from '../engine';
import type {
  CatalogIndex,
  Expr,
  FieldSpec,
  FieldUnit,
  Metric,
  MetricFormat,
  RenderEnv,
  ScenarioField,
  ScenarioResult,
  TableColumn,
  TextReading,
} from '../engine';
import { CATALOG_SHEET, columnLetter } from './catalog-sheet';
import {
  catalogField,
  catalogFieldByKey,
  catalogRowName,
  catalogStart,
  fieldColumn,
  digitsValue,
  isoDate,
  nameEnd,
  nameKey,
  sizeWord,
} from './lookup-formulas';

/** Each reading of input text (TextReading) as the formula that reads it so. */
const READINGS: Readonly<Record<TextReading, (ref: string) => string>> = {
  sizeWord,
  digits: digitsValue,
  isoDate,
  nameEnd,
  nameKey,
};
import { asText } from './text';

export type CellOut = string | number;

/** A chart option's value, as EmbeddedChartBuilder.setOption takes it (plain JSON). */
export type ChartOptionValue =
  | string
  | number
  | boolean
  | readonly ChartOptionValue[]
  | { readonly [key: string]: ChartOptionValue };

export interface ChartSpec {
  readonly type: 'LINE' | 'BAR' | 'PIE';
  readonly title: string;
  /** [row, column, numRows, numColumns], 1-based; a growing table's range has spare rows. */
  readonly range: readonly [number, number, number, number];
  /** Rows of the range that are headers (series names), for setNumHeaders. */
  readonly numHeaders: number;
  /** Options set one by one with setOption (Google Charts' names). */
  readonly options: Readonly<Record<string, ChartOptionValue>>;
  readonly anchorRow: number;
  readonly anchorColumn: number;
}

/** An input cell and the engine's field it holds (for data validation and reading it back). */
export interface InputCell {
  readonly row: number;
  readonly column: number;
  readonly field: FieldSpec;
}

/** Columns first..first+count-1 get `width` pixels (one setColumnWidths call). */
export interface ColumnWidths {
  readonly first: number;
  readonly count: number;
  readonly width: number;
}

/**
 * Widths by block, in as few runs as labels allow (each run is one call): A:H hold the
 * inputs', lookups' and results' labels, values and notes (the longest label, "Deployment
 * and monitoring setup ($)", needs about 230 px; notes run on into the empty next column);
 * I:AK hold the tables, whose longest names and headers ("On-premise (amortized)",
 * "Cumulative fine-tuned") need about 150 px.
 */
export const SCENARIO_COLUMN_WIDTHS: readonly ColumnWidths[] = [
  { first: 1, count: 8, width: 230 },
  { first: 9, count: 38, width: 150 },
];

/** Blank rows each growing table's chart range reaches below it: rows a user adds appear. */
export const CHART_SPARE_ROWS = 25;

export interface ScenarioLayout {
  readonly rows: number;
  readonly columns: number;
  readonly frozenRows: number;
  /** Columns from A that hold the inputs' and results' labels and values (A:G). */
  readonly labelColumns: number;
  readonly values: CellOut[][];
  readonly formats: string[][];
  readonly weights: ('bold' | 'normal')[][];
  /** A color, or null for no fill (a white fill would hide Sheets' gridlines). */
  readonly backgrounds: (string | null)[][];
  readonly charts: readonly ChartSpec[];
  /** The input cells, one per SCENARIO_FIELDS entry, in order, in one column. */
  readonly inputs: readonly InputCell[];
  readonly columnWidths: readonly ColumnWidths[];
  /** A1 addresses of the cells tests and users care about. */
  readonly cells: Readonly<Record<string, string>>;
}

export const FROZEN_ROWS = 4;
const TITLE_ROW = 3;
const HEADER_ROW = 4;
const FIRST_ROW = 5;
/** The first input's row (getScenarioInputs reads a scenario sheet's inputs from there). */
export const INPUT_FIRST_ROW = FIRST_ROW;
export const SCENARIO_COLUMNS = columnNumber('AT');

// No pattern ends in optional decimals after a dot ("0.##"): Sheets and Excel would show
// a whole number as "8.". At least one decimal is always shown instead.
const FORMAT = {
  text: '#,##0.0###',
  usd: '$#,##0.00',
  usdPrice: '$0.0000##',
  hours: '#,##0.00',
  count: '#,##0',
  months: '#,##0.0',
  ratio: '0%',
  gb: '#,##0.0',
  factor: '#,##0.0###',
} as const;
const INPUT_BACKGROUND = '#fff2cc';
const HEADER_BACKGROUND = '#e8eaed';

const UNIT_FORMAT: Record<FieldUnit, string> = {
  text: FORMAT.text,
  usd: FORMAT.usd,
  usdPrice: FORMAT.usdPrice,
  hours: FORMAT.hours,
  count: FORMAT.count,
  months: '0',
  ratio: FORMAT.ratio,
};

/** A grid that grows as cells are set; unset cells are blank with default formats. */
class Grid {
  readonly values: CellOut[][] = [];
  readonly formats: string[][] = [];
  readonly weights: ('bold' | 'normal')[][] = [];
  readonly backgrounds: (string | null)[][] = [];

  constructor(private readonly width: number) {}

  extend(rows: number): void {
    this.ensure(rows);
  }

  private ensure(row: number): void {
    while (this.values.length < row) {
      this.values.push(new Array<CellOut>(this.width).fill(''));
      this.formats.push(new Array<string>(this.width).fill(FORMAT.text));
      this.weights.push(new Array<'bold' | 'normal'>(this.width).fill('normal'));
      this.backgrounds.push(new Array<string | null>(this.width).fill(null));
    }
  }

  /** A formula (a string starting with '='), a number, or the add-in's own label text. */
  set(row: number, column: number, value: CellOut, format: string = FORMAT.text): void {
    this.ensure(row);
    this.values[row - 1][column - 1] =
      typeof value === 'string' && !value.startsWith('=') ? asText(value) : value;
    this.formats[row - 1][column - 1] = format;
  }

  /** User-derived content (a name, an input): a string is always a label, even "=x". */
  text(row: number, column: number, value: CellOut, format: string = FORMAT.text): void {
    this.ensure(row);
    this.values[row - 1][column - 1] = typeof value === 'string' ? asText(value) : value;
    this.formats[row - 1][column - 1] = format;
  }

  label(row: number, column: number, text: string, bold = false): void {
    this.text(row, column, text);
    if (bold) this.weights[row - 1][column - 1] = 'bold';
  }

  header(row: number, column: number, headers: readonly CellOut[], formats?: string[]): void {
    headers.forEach((text, i) => {
      this.set(row, column + i, text, formats?.[i] ?? FORMAT.text);
      this.weights[row - 1][column - 1 + i] = 'bold';
      this.backgrounds[row - 1][column - 1 + i] = HEADER_BACKGROUND;
    });
  }

  background(row: number, column: number, color: string): void {
    this.ensure(row);
    this.backgrounds[row - 1][column - 1] = color;
  }
}

const abs = (column: number, row: number): string => `$${columnLetter(column)}$${row}`;
const rel = (column: number, row: number): string => `${columnLetter(column)}${row}`;

const METRIC_FORMAT: Record<MetricFormat, string> = {
  ...FORMAT,
  row: '0',
};

/** The cell value a resolved name is written as: the catalog's spelling, or its number. */
function inputCell(result: ScenarioResult, index: CatalogIndex, key: ScenarioField): CellOut {
  const { input, model, method, provider, api } = result.resolved;
  const catalog = index.catalog;
  switch (key) {
    case 'model':
      // A catalog row by its name; a size typed as text ("8B", "Mistral 7B") as typed, so the
      // sheet keeps the name; a number as the number.
      return catalog.models.some((row) => row.name === model.name) ||
        typeof input.model === 'string'
        ? model.name
        : model.paramsBillions;
    case 'method':
      return method.name;
    case 'provider':
      return catalog.providers.some((row) => row.name === provider.name)
        ? provider.name
        : provider.pricePerGpuHour;
    case 'api':
      return api.name;
    case 'managedService':
      return result.resolved.managed.name;
    default: {
      const value = input[key];
      return typeof value === 'number' ? value : '';
    }
  }
}

/** Where a table sits: its key column, first data row and the columns after the key. */
interface TablePlace {
  readonly keyColumn: number;
  readonly firstRow: number;
  readonly rows: number;
  readonly columns: readonly Metric[];
}

// Results (E:G): fixed rows, nothing grows here.
const RESULTS_COLUMN = 5;
/** The Results block's rows: where each group of results starts (built when a sheet is laid out). */
const resultRows = (): readonly (readonly [number, readonly Metric[]])[] => [
  [5, TRAINING()],
  [13, MONTHLY()],
  [19, UPFRONT_ITEMS()],
  [19 + UPFRONT_ITEMS().length, [UPFRONT_TOTAL()]],
  [30, DECISION()],
  [30 + DECISION().length, [VERDICT(), PROBLEM()]],
  [39, FINANCE()],
];
const UPFRONT_HEADER_ROW = 18;

export function scenarioLayout(result: ScenarioResult, index: CatalogIndex): ScenarioLayout {
  const RESULT_ROWS = resultRows();
  const grid = new Grid(SCENARIO_COLUMNS);
  const cells: Record<string, string> = {};
  const { input } = result.resolved;
  const tables = scenarioTables(index, input.horizonMonths);

  // ---- Where everything is (every formula refers to these) ------------------------------
  const inputRow = new Map<ScenarioField, number>();
  SCENARIO_FIELDS.forEach((field, i) => inputRow.set(field.key, FIRST_ROW + i));
  const at = new Map<string, string>();
  const place = (name: string, column: number, row: number): void => {
    at.set(name, abs(column, row));
    cells[name] = rel(column, row);
  };
  for (const check of INPUT_CHECKS())
    place(`check.${check.field}`, 4, inputRow.get(check.field) ?? 0);

  const lookups = lookupMetrics(tables.ladder.length);
  const lookupTitleRow = FIRST_ROW + SCENARIO_FIELDS.length + 1;
  lookups.forEach((metric, i) => place(metric.name, 2, lookupTitleRow + 1 + i));
  const ladderTitleRow = lookupTitleRow + lookups.length + 2;
  const ladder: TablePlace = {
    keyColumn: 1,
    firstRow: ladderTitleRow + 2,
    rows: tables.ladder.length,
    columns: LADDER_COLUMNS(),
  };
  for (const [row, metrics] of RESULT_ROWS) {
    metrics.forEach((metric, i) => place(metric.name, RESULTS_COLUMN + 1, row + i));
  }
  const matrix = matrixColumns();
  const places: Record<string, TablePlace> = {
    timeline: {
      keyColumn: 0,
      firstRow: FIRST_ROW,
      rows: input.horizonMonths + 1,
      columns: TIMELINE(),
    },
    providers: {
      keyColumn: columnNumber('P'),
      firstRow: FIRST_ROW,
      rows: tables.providers.length,
      columns: PROVIDERS(),
    },
    methods: {
      keyColumn: columnNumber('W'),
      firstRow: FIRST_ROW,
      rows: tables.methods.length,
      columns: METHODS(),
    },
    matrix: {
      keyColumn: columnNumber('AC'),
      firstRow: FIRST_ROW,
      rows: tables.matrix.length,
      columns: [...matrix.hours, ...matrix.cost],
    },
    [LADDER]: ladder,
  };
  // The timeline has no key column: its first column is the month.
  const firstColumn = (table: TablePlace): number =>
    table.keyColumn === 0 ? columnNumber('I') : table.keyColumn + 1;
  const columnOf = (table: TablePlace, name: string): number => {
    if (name === 'key') return table.keyColumn;
    const i = table.columns.findIndex((column) => column.name === name);
    if (i < 0) throw new Error(`scenario layout: no column ${name}`);
    return firstColumn(table) + i;
  };
  // Sensitivity (AO:AT): a row per driver, the largest NPV swing (when made) first.
  const SENSITIVITY_COLUMN = columnNumber('AO');
  const SENSITIVITY_WHAT = ['npvLow', 'npvHigh', 'breakEvenLow', 'breakEvenHigh', 'swing'];
  const sensitivityRows = result.finance.sensitivity;
  sensitivityRows.forEach((row, i) => {
    SENSITIVITY_WHAT.forEach((what, c) =>
      place(`sens.${row.key}.${what}`, SENSITIVITY_COLUMN + 1 + c, FIRST_ROW + i),
    );
  });
  MATRIX_DATASET_SIZES.forEach((_, i) => {
    // Each matrix column reads its dataset size from its own header cell.
    at.set(`size${i}`, `${columnLetter(columnOf(places.matrix, `hours${i}`))}$${HEADER_ROW}`);
  });

  // ---- Rendering a definition into a cell -----------------------------------------------
  const { gpus } = index.catalog;
  const looseGpuNames = index.catalog.providers.some(
    (row) => !gpus.some((gpu) => gpu.name.toLowerCase() === row.gpu.toLowerCase()),
  );
  const env = (row?: { table: TablePlace; row: number }): RenderEnv => ({
    input: (field) => abs(2, inputRow.get(field) ?? 0),
    inputLabel: (field) =>
      `${SCENARIO_FIELDS.find((spec) => spec.key === field)?.label ?? field} (B${inputRow.get(field) ?? 0})`,
    metric: (name) => {
      const address = at.get(name);
      if (!address) throw new Error(`scenario layout: metric ${name} has no cell`);
      return address;
    },
    cell: (column, offset) => {
      if (!row) throw new Error('scenario layout: a table cell outside a table');
      const c = columnOf(row.table, column);
      // The key column is absolute so a row copied sideways keeps reading its own name.
      return column === 'key' ? `$${rel(c, row.row + offset)}` : rel(c, row.row + offset);
    },
    column: (table, column) => {
      if (table === UPFRONT_TABLE) {
        const first = RESULT_ROWS[2][0];
        return `${abs(RESULTS_COLUMN + 1, first)}:${abs(RESULTS_COLUMN + 1, first + UPFRONT_ITEMS().length - 1)}`;
      }
      const spec = places[table];
      const c = columnOf(spec, column);
      return `${abs(c, spec.firstRow)}:${abs(c, spec.firstRow + spec.rows - 1)}`;
    },
    catalogRow: catalogRowName,
    catalogPrefix: catalogStart,
    field: (table, field, name, byName) => {
      const column = fieldColumn(table, field);
      // A provider row may write its GPU loosely ("a-100"): then the comparison table's GPU
      // lookups also compare keys (one ARRAYFORMULA each), else names as written.
      return byName && table === 'gpus' && looseGpuNames
        ? `IFNA(${catalogField(table, column, name)},${catalogFieldByKey(table, column, nameKey(name))})`
        : catalogField(table, column, name);
    },
    read: (how, value) => READINGS[how](value),
  });
  const formula = (expr: Expr, row?: { table: TablePlace; row: number }): string =>
    render(expr, env(row));

  // ---- Title and verdict (rows 1-2) -----------------------------------------------------
  grid.set(1, 1, formula(TITLE().expr));
  grid.weights[0][0] = 'bold';
  grid.set(2, 1, `=${at.get(VERDICT().name) ?? ''}`);
  grid.weights[1][0] = 'bold';

  // ---- Inputs (A:D) ---------------------------------------------------------------------
  // Number cells read text that holds a number as that number (VALUE), so a number typed
  // with a leading apostrophe or into a Plain text cell counts; Check says what is wrong.
  const inputs: InputCell[] = [];
  grid.label(TITLE_ROW, 1, 'Inputs (yellow cells are yours to edit)', true);
  grid.header(HEADER_ROW, 1, ['Input', 'Value', 'Notes', 'Check']);
  SCENARIO_FIELDS.forEach((field) => {
    const row = inputRow.get(field.key) ?? 0;
    grid.label(row, 1, field.label);
    grid.text(row, 2, inputCell(result, index, field.key), UNIT_FORMAT[field.unit]);
    grid.background(row, 2, INPUT_BACKGROUND);
    grid.label(row, 3, field.help);
    cells[`input.${field.key}`] = rel(2, row);
    inputs.push({ row, column: 2, field });
  });
  for (const check of INPUT_CHECKS()) {
    grid.set(inputRow.get(check.field) ?? 0, 4, formula(check.expr));
  }

  // ---- Looked up from the catalog (A:C) -------------------------------------------------
  grid.label(lookupTitleRow, 1, `Looked up from the ${CATALOG_SHEET} sheet`, true);
  lookups.forEach((metric, i) => {
    const row = lookupTitleRow + 1 + i;
    grid.label(row, 1, metric.label);
    grid.set(row, 2, formula(metric.expr), METRIC_FORMAT[metric.format]);
    grid.label(row, 3, metric.how);
    cells[`lookup.${metric.name}`] = rel(2, row);
  });
  grid.label(ladderTitleRow, 1, 'Catalog models by size (interpolation for a size)', true);
  grid.header(ladderTitleRow + 1, 1, ['Model', ...LADDER_COLUMNS().map((column) => column.label)]);
  writeTable(ladder, tables.ladder);
  const chartsRow = ladder.firstRow + ladder.rows + 1;

  // ---- Results (E:G) --------------------------------------------------------------------
  grid.label(TITLE_ROW, RESULTS_COLUMN, 'Results (formulas over the inputs and the catalog)', true);
  grid.header(HEADER_ROW, RESULTS_COLUMN, ['Result', 'Value', 'How']);
  grid.label(12, RESULTS_COLUMN, 'Monthly costs', true);
  grid.header(UPFRONT_HEADER_ROW, RESULTS_COLUMN, ['Up-front breakdown', 'Amount', '']);
  grid.label(29, RESULTS_COLUMN, 'Break-even and ROI', true);
  grid.label(38, RESULTS_COLUMN, "Money over time, GPUs and the article's ±30%", true);
  for (const [row, metrics] of RESULT_ROWS) {
    metrics.forEach((metric, i) => {
      const r = row + i;
      grid.label(r, RESULTS_COLUMN, metric.label);
      grid.set(r, RESULTS_COLUMN + 1, formula(metric.expr), METRIC_FORMAT[metric.format]);
      grid.label(r, RESULTS_COLUMN + 2, metric.how);
    });
  }
  UPFRONT_ITEMS().forEach((item, i) => {
    cells[`upfront.${i}`] = cells[item.name];
  });
  const total = RESULT_ROWS[3][0];
  grid.weights[total - 1][RESULTS_COLUMN - 1] = 'bold';
  grid.weights[total - 1][RESULTS_COLUMN] = 'bold';

  // ---- Tables ---------------------------------------------------------------------------
  const { method, provider } = result.resolved;
  const T = columnNumber('I');
  grid.label(TITLE_ROW, T, `Monthly timeline (0 to ${input.horizonMonths} months)`, true);
  grid.header(
    HEADER_ROW,
    T,
    TIMELINE().map((column) => column.label),
  );
  writeTable(places.timeline, []);
  cells.timelineFirst = rel(T, FIRST_ROW);

  const P = places.providers.keyColumn;
  grid.label(TITLE_ROW, P, 'Training cost by provider (this model, method and data)', true);
  grid.header(HEADER_ROW, P, ['Provider', ...PROVIDERS().map((column) => column.label)]);
  writeTable(places.providers, tables.providers);

  const M = places.methods.keyColumn;
  grid.label(TITLE_ROW, M, 'LoRA vs full vs QLoRA (this model, data and provider)', true);
  grid.header(HEADER_ROW, M, ['Method', ...METHODS().map((column) => column.label)]);
  writeTable(places.methods, tables.methods);

  const X = places.matrix.keyColumn;
  const sizes = MATRIX_DATASET_SIZES;
  grid.label(
    TITLE_ROW,
    X,
    `Model x dataset size: hours (then cost) with ${method.name} on ${provider.name}`,
    true,
  );
  grid.header(
    HEADER_ROW,
    X,
    ['Model', ...sizes, ...sizes],
    [FORMAT.text, ...sizes.map(() => '#,##0" ex. (h)"'), ...sizes.map(() => '#,##0" ex. ($)"')],
  );
  writeTable(places.matrix, tables.matrix);

  grid.label(
    TITLE_ROW,
    SENSITIVITY_COLUMN,
    'Sensitivity: each driver 30% down and 30% up, the article\u2019s spread (largest NPV swing first, as made)',
    true,
  );
  grid.header(HEADER_ROW, SENSITIVITY_COLUMN, [
    'Driver',
    'NPV, 30% down',
    'NPV, 30% up',
    'Break-even, 30% down',
    'Break-even, 30% up',
    'NPV swing',
  ]);
  const byName = new Map(
    SENSITIVITY()
      .flatMap((driver) => driver.metrics)
      .map((metric) => [metric.name, metric]),
  );
  sensitivityRows.forEach((row, i) => {
    grid.text(FIRST_ROW + i, SENSITIVITY_COLUMN, row.label);
    SENSITIVITY_WHAT.forEach((what, c) => {
      const metric = byName.get(`sens.${row.key}.${what}`);
      if (!metric) throw new Error(`scenario layout: no sensitivity metric ${row.key}.${what}`);
      grid.set(
        FIRST_ROW + i,
        SENSITIVITY_COLUMN + 1 + c,
        formula(metric.expr),
        METRIC_FORMAT[metric.format],
      );
    });
  });

  /** A table's rows: its key (a catalog name or, for the timeline, nothing) and its columns. */
  function writeTable(table: TablePlace, keys: readonly string[]): void {
    for (let i = 0; i < table.rows; i++) {
      const row = table.firstRow + i;
      if (table.keyColumn > 0) grid.text(row, table.keyColumn, keys[i]);
      table.columns.forEach((column, c) => {
        const where = firstColumn(table) + c;
        // A first row may have its own definition (the timeline's month 0 is 0).
        const first = i === 0 ? (column as TableColumn).first : undefined;
        const format = table === places.timeline && c === 0 ? '0' : METRIC_FORMAT[column.format];
        const cell =
          first?.kind === 'literal' ? first.value : formula(first ?? column.expr, { table, row });
        grid.set(row, where, cell, format);
      });
    }
  }

  const last = (table: TablePlace): number => table.firstRow + table.rows - 1;
  const rows = Math.max(grid.values.length, ...Object.values(places).map(last));
  grid.extend(rows);
  // Month is the domain (first column, numHeaders 1) of the cumulative chart; its third
  // series, Savings (ROI), crosses the $0 baseline at the break-even month, as the API and
  // fine-tuned lines cross each other there. Growing tables' ranges reach CHART_SPARE_ROWS
  // below their last row, so rows a user adds and fills down are drawn; blank rows are not.
  const charts: ChartSpec[] = [
    {
      type: 'LINE',
      title: 'Cumulative cost: API, fine-tuned and managed (savings cross $0 at break-even)',
      range: [HEADER_ROW, T, last(places.timeline) - HEADER_ROW + 1 + CHART_SPARE_ROWS, 5],
      numHeaders: 1,
      options: {
        useFirstColumnAsDomain: true,
        hAxis: { title: 'Month', format: '0' },
        vAxis: { title: 'US dollars (cumulative)', format: '$#,##0' },
        legend: { position: 'bottom' },
        series: { 3: { lineDashStyle: [4, 4] } },
      },
      anchorRow: chartsRow,
      anchorColumn: 1,
    },
    {
      type: 'BAR',
      title: 'Training cost by provider (this model, method and data)',
      range: [HEADER_ROW, P, last(places.providers) - HEADER_ROW + 1 + CHART_SPARE_ROWS, 2],
      numHeaders: 1,
      options: {
        useFirstColumnAsDomain: true,
        // Horizontal bars: provider names sit on the vertical axis, whole and readable.
        hAxis: { title: 'Training cost (US dollars)', format: '$#,##0.00' },
        vAxis: { title: 'GPU provider' },
        legend: { position: 'none' },
        chartArea: { left: 170, width: '60%' },
      },
      anchorRow: chartsRow + 20,
      anchorColumn: 1,
    },
    {
      type: 'PIE',
      title: 'Up-front cost breakdown (US dollars)',
      range: [UPFRONT_HEADER_ROW, RESULTS_COLUMN, UPFRONT_ITEMS().length + 1, 2],
      numHeaders: 1,
      options: {
        useFirstColumnAsDomain: true,
        // Labels beside the slices drawn, not a side legend: items of $0 have no slice and
        // get no label, and long labels are not cut by a narrow legend.
        legend: { position: 'labeled' },
        pieSliceText: 'none',
        sliceVisibilityThreshold: 0.005,
        pieResidueSliceLabel: 'Other (under 0.5%)',
      },
      anchorRow: chartsRow + 40,
      anchorColumn: 1,
    },
    {
      // A tornado: the NPV with each driver 30% down and up, the widest first (row order).
      type: 'BAR',
      title: 'NPV at the horizon with each driver 30% down and 30% up',
      range: [HEADER_ROW, SENSITIVITY_COLUMN, sensitivityRows.length + 1, 3],
      numHeaders: 1,
      options: {
        useFirstColumnAsDomain: true,
        hAxis: { title: 'NPV at the horizon (US dollars)', format: '$#,##0' },
        vAxis: { title: 'Driver' },
        legend: { position: 'bottom' },
        chartArea: { left: 170, width: '60%' },
      },
      anchorRow: chartsRow + 60,
      anchorColumn: 1,
    },
  ];
  return {
    rows,
    columns: SCENARIO_COLUMNS,
    frozenRows: FROZEN_ROWS,
    labelColumns: columnNumber('G'),
    values: grid.values,
    formats: grid.formats,
    weights: grid.weights,
    backgrounds: grid.backgrounds,
    charts,
    inputs,
    columnWidths: SCENARIO_COLUMN_WIDTHS,
    cells,
  };
}
