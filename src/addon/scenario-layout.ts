// The scenario sheet as data: every cell's value or formula, number format, font
// weight and background, plus the charts, computed in memory so the writer can put
// each kind with one call however long the timeline or the catalog.
//
// Layout (row 1 title, row 2 verdict, row 3 block titles, row 4 headers; rows 1-4 frozen):
//   A:C  Inputs (rows 5-29, one per SCENARIO_FIELDS entry, yellow = editable), then
//        "Looked up from the catalog" (the chosen rows' numbers), then the catalog's
//        models sorted by size (for a model given as a size), then the charts.
//   E:G  Results: training estimate, monthly costs, up-front breakdown, break-even, ROI,
//        verdict (fixed rows: nothing grows here).
//   I:L  Monthly timeline 0..horizon        N:S  Provider comparison
//   U:Y  LoRA vs full vs QLoRA              AA:AK Model × dataset-size matrix
// Each growing table has its own columns, so a row added under it collides with nothing,
// and its formulas use relative references to the row's own cells plus absolute ones
// to inputs and results, so filling a row down computes it.
import { columnNumber } from '../shared/a1';
import {
  ARTICLE_HOURS_PER_EXAMPLE,
  MATRIX_DATASET_SIZES,
  MEMORY_OVERHEAD_SHARE,
  normalizeName,
  SCENARIO_FIELDS,
  upfrontItems,
} from '../engine';
import type { CatalogIndex, FieldSpec, FieldUnit, ScenarioField, ScenarioResult } from '../engine';
import { CATALOG_SHEET, catalogColumn, columnLetter, headingTexts } from './catalog-sheet';
import type { TableKey } from './catalog-sheet';
import { asText, formulaString, sheetRef } from './text';

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
  { first: 9, count: 29, width: 150 },
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
export const SCENARIO_COLUMNS = columnNumber('AK');

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

const CAT = sheetRef(CATALOG_SHEET);

/** A whole catalog column, e.g. 'FT Catalog'!$Y:$Y: rows a user adds count. */
function catCol(table: TableKey, column: number): string {
  const letter = catalogColumn(table, column);
  return `${CAT}!$${letter}:$${letter}`;
}

/**
 * The engine's normalizeName (src/engine/names.ts) as a formula: lower case, without spaces
 * (ordinary and no-break), tabs and line breaks (CLEAN), "-" and "_". Applies to a cell or,
 * inside ARRAYFORMULA, to a whole column; a number becomes its text, as the engine reads a
 * number typed as a catalog name.
 */
function normalized(ref: string): string {
  let text = `CLEAN(${ref})`;
  for (const dropped of ['CHAR(160)', '" "', '"-"', '"_"']) {
    text = `SUBSTITUTE(${text},${dropped},"")`;
  }
  return `LOWER(${text})`;
}

/**
 * The row of a catalog table whose name matches `key` as the engine matches names: the
 * first row whose normalized name equals the key's. The engine keeps the first row of a
 * name too (readCatalogGrid warns about the others), so both pick the same row. A key that
 * normalizes to "" ("-", a blank) matches nothing, not a blank row. With `textOnly` a number
 * matches no name at all: in an input cell it is a size or a rate (the caller's IFERROR).
 */
function matchRow(table: TableKey, key: string, textOnly: boolean): string {
  const name = normalized(key);
  // MATCH(TRUE(), names = key): "=" compares text as it is, where MATCH's own comparison
  // reads *, ? and ~ in a name as wildcards in Sheets (and would pick the wrong row).
  // A key that is blank or a heading ("Models", "Name") would find a row above the table's
  // rows and read its blank as zero: it matches nothing instead.
  const headings = headingTexts(table).map(
    (text) => `${name}=${formulaString(normalizeName(text))}`,
  );
  const found = `IF(OR(${name}="",${headings.join(',')}),NA(),MATCH(TRUE(),ARRAYFORMULA(${normalized(catCol(table, 0))}=${name}),0))`;
  return textOnly ? `IF(ISTEXT(${key}),${found},NA())` : found;
}

/** A column of the catalog row `key` names (see matchRow). */
function lookup(table: TableKey, column: number, key: string, textOnly = false): string {
  return `INDEX(${catCol(table, column)},${matchRow(table, key, textOnly)})`;
}

/**
 * The model size an input cell holds, as the engine reads one (CatalogIndex.model): a number,
 * or text that is a size in billions by the engine's SIZE_TEXT (src/engine/names.ts), such as
 * "8B", "8 b", " 8 " or "0.5B"; anything else is #N/A. Sheets keeps "8B" as text when typed
 * (only a plain number becomes a number), so the formula reads the text: spaces, tabs, line
 * breaks and no-break spaces around it and before the "b" are dropped, then what is left must
 * be digits with at most one "." between digits. The value is computed from the digits alone
 * (VALUE of "05" / 10^1), so the sheet's locale decimal separator does not matter. "-5B" is
 * not read (the engine refuses a negative size anyway): it is an error either way.
 * Only functions both Sheets and HyperFormula evaluate (no REGEXMATCH, no LET).
 */
function modelSize(ref: string): string {
  let text = ref;
  for (const space of [9, 10, 13, 160]) text = `SUBSTITUTE(${text},CHAR(${space})," ")`;
  const lower = `LOWER(TRIM(CLEAN(${text})))`;
  // CLEAN removed every CHAR(1), so one appended marks the end: drop a final "b" before it.
  const number = `TRIM(SUBSTITUTE(SUBSTITUTE(${lower}&CHAR(1),"b"&CHAR(1),""),CHAR(1),""))`;
  let others = number;
  for (let digit = 0; digit <= 9; digit++) others = `SUBSTITUTE(${others},"${digit}","")`;
  // Nothing but digits and one "."; and no "." first or last nor an empty text ("||").
  const shaped = `AND(SUBSTITUTE(${others},".","",1)="",ISERROR(FIND("||","|"&SUBSTITUTE(${number},".","|")&"|")))`;
  const value = `VALUE(SUBSTITUTE(${number},".",""))/10^MAX(0,LEN(${number})-FIND(".",${number}&"."))`;
  return `IF(ISNUMBER(${ref}),${ref},IF(${shaped},${value},NA()))`;
}

/** A lookup by what the user types in an input cell: a number there is never a name. */
function lookupInput(table: TableKey, column: number, key: string): string {
  return lookup(table, column, key, true);
}

const abs = (column: number, row: number): string => `$${columnLetter(column)}$${row}`;
const rel = (column: number, row: number): string => `${columnLetter(column)}${row}`;

/** The cell value a resolved name is written as: the catalog's spelling, or its number. */
function inputCell(result: ScenarioResult, index: CatalogIndex, key: ScenarioField): CellOut {
  const { input, model, method, provider, api } = result.resolved;
  const catalog = index.catalog;
  switch (key) {
    case 'model':
      return catalog.models.some((row) => row.name === model.name)
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
    default: {
      const value = input[key];
      return typeof value === 'number' ? value : '';
    }
  }
}

/** Catalog models by size, one per size (the first row of a size), as the engine interpolates. */
function modelsBySize(index: CatalogIndex): string[] {
  const bySize = new Map<number, string>();
  for (const row of index.catalog.models) {
    if (!bySize.has(row.paramsBillions)) bySize.set(row.paramsBillions, row.name);
  }
  return [...bySize].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

export function scenarioLayout(result: ScenarioResult, index: CatalogIndex): ScenarioLayout {
  const grid = new Grid(SCENARIO_COLUMNS);
  const cells: Record<string, string> = {};
  const { input } = result.resolved;

  // ---- Inputs (A:C) -------------------------------------------------------------------
  // Number-like text: the engine reads "50,000", " 12000 ", "$2.49", "35%" and "5e4" as
  // numbers (parseNumberValue). The formulas do not parse such text in the number cells or the
  // GPU provider cell, by decision: these cells have number formats, and Sheets turns all of
  // that typing into a number on entry. Only the Model cell gets text a user types as a
  // number ("8B"), and modelSize reads it. Text in a number cell needs a leading apostrophe
  // or a Plain text format; the formulas' arithmetic then still reads plain digits, but an
  // up-front item that is only a reference (data collection, cleaning, deployment, hardware)
  // is dropped by SUM, and the verdict compares the text with 50K/100K or the horizon.
  const at: Partial<Record<ScenarioField, string>> = {};
  const inputs: InputCell[] = [];
  grid.label(TITLE_ROW, 1, 'Inputs (yellow cells are yours to edit)', true);
  grid.header(HEADER_ROW, 1, ['Input', 'Value', 'Notes']);
  SCENARIO_FIELDS.forEach((field, i) => {
    const row = FIRST_ROW + i;
    grid.label(row, 1, field.label);
    grid.text(row, 2, inputCell(result, index, field.key), UNIT_FORMAT[field.unit]);
    grid.background(row, 2, INPUT_BACKGROUND);
    grid.label(row, 3, field.help);
    at[field.key] = abs(2, row);
    cells[`input.${field.key}`] = rel(2, row);
    inputs.push({ row, column: 2, field });
  });
  const I = (key: ScenarioField): string => at[key] as string;

  // ---- Looked up from the catalog (A:C) -----------------------------------------------
  let row = FIRST_ROW + SCENARIO_FIELDS.length + 1;
  grid.label(row, 1, `Looked up from the ${CATALOG_SHEET} sheet`, true);
  row++;
  const L: Record<string, string> = {};
  const ladder = modelsBySize(index);
  const add = (key: string, label: string, formula: CellOut, format: string, note = ''): void => {
    grid.label(row, 1, label);
    grid.set(row, 2, formula, format);
    grid.label(row, 3, note);
    L[key] = abs(2, row);
    cells[`lookup.${key}`] = rel(2, row);
    row++;
  };
  // The ladder sits below the lookups; its rows are known now, so the scale formula can name them.
  const ladderFirst = row + 18;
  const ladderLast = ladderFirst + ladder.length - 1;
  const ladderParams = `$B$${ladderFirst}:$B$${ladderLast}`;
  const ladderScales = `$C$${ladderFirst}:$C$${ladderLast}`;

  // As the engine reads a model: a size (a number or size text such as "8B") before a name,
  // so a catalog row named "8B" is not looked up by that name (the size 8 is interpolated).
  add(
    'params',
    'Model parameters (billions)',
    `=IFERROR(${modelSize(I('model'))},${lookup('models', 1, I('model'))})`,
    FORMAT.factor,
    'A catalog model, or the size you typed',
  );
  const size = abs(2, row - 1);
  const segment = `MIN(MAX(IFERROR(MATCH(${size},${ladderParams},1),1),1),${Math.max(1, ladder.length - 1)})`;
  const interpolated =
    ladder.length === 1
      ? `INDEX(${ladderScales},1)*${size}/INDEX(${ladderParams},1)`
      : `INDEX(${ladderScales},${segment})*EXP(LN(INDEX(${ladderScales},${segment}+1)/INDEX(${ladderScales},${segment}))/LN(INDEX(${ladderParams},${segment}+1)/INDEX(${ladderParams},${segment}))*LN(${size}/INDEX(${ladderParams},${segment})))`;
  add(
    'scale',
    'Model scale factor',
    `=IF(ISNUMBER(${modelSize(I('model'))}),${interpolated},${lookup('models', 2, I('model'))})`,
    FORMAT.factor,
    'A size between catalog models: log-log interpolation',
  );
  add(
    'timeFactor',
    'Method time factor',
    `=${lookupInput('methods', 1, I('method'))}`,
    FORMAT.factor,
  );
  add(
    'flops',
    'FLOPs per parameter per token',
    `=${lookupInput('methods', 2, I('method'))}`,
    FORMAT.factor,
  );
  add(
    'weightBytes',
    'Weight bytes per parameter',
    `=${lookupInput('methods', 3, I('method'))}`,
    FORMAT.factor,
  );
  add(
    'trainable',
    'Trainable fraction',
    `=${lookupInput('methods', 4, I('method'))}`,
    FORMAT.factor,
  );
  add(
    'stateBytes',
    'State bytes per trainable parameter',
    `=${lookupInput('methods', 5, I('method'))}`,
    FORMAT.factor,
  );
  add(
    'gpu',
    "Provider's GPU",
    `=IFERROR(${lookupInput('providers', 1, I('provider'))},"H100")`,
    FORMAT.text,
    'A $ rate means an H100',
  );
  add(
    'price',
    '$ per GPU-hour',
    `=IFERROR(${lookupInput('providers', 2, I('provider'))},${I('provider')})`,
    FORMAT.usd,
  );
  add('speed', 'GPU speed vs H100', `=${lookup('gpus', 3, L.gpu)}`, FORMAT.factor);
  add('peak', 'GPU peak TFLOPS (bf16 dense)', `=${lookup('gpus', 1, L.gpu)}`, FORMAT.count);
  add(
    'apiIn',
    'API $ per 1K input tokens',
    `=IF(${I('apiInputPricePer1K')}="",${lookupInput('apis', 1, I('api'))},${I('apiInputPricePer1K')})`,
    FORMAT.usdPrice,
    "Your price, or the API's catalog price",
  );
  add(
    'apiOut',
    'API $ per 1K output tokens',
    `=IF(${I('apiOutputPricePer1K')}="",${lookupInput('apis', 2, I('api'))},${I('apiOutputPricePer1K')})`,
    FORMAT.usdPrice,
    "Your price, or the API's catalog price",
  );
  add(
    'hoursPerExample',
    'H100 hours per example (scale 1)',
    ARTICLE_HOURS_PER_EXAMPLE,
    '0.0000',
    "The article's rule: 0.0001 x examples x scale",
  );
  add(
    'overhead',
    'Memory overhead for activations',
    MEMORY_OVERHEAD_SHARE,
    FORMAT.ratio,
    'Assumption (batch 8, sequence about 512)',
  );
  row++;
  grid.label(row, 1, 'Catalog models by size (interpolation for a size)', true);
  grid.header(row + 1, 1, ['Model', 'Parameters (billions)', 'Scale']);
  if (row + 2 !== ladderFirst) throw new Error('scenario layout: ladder rows out of place');
  ladder.forEach((name, i) => {
    const r = ladderFirst + i;
    grid.text(r, 1, name);
    grid.set(r, 2, `=${lookup('models', 1, `$A${r}`)}`, FORMAT.factor);
    grid.set(r, 3, `=${lookup('models', 2, `$A${r}`)}`, FORMAT.factor);
  });
  const chartsRow = ladderLast + 2;

  // ---- Results (E:G) ------------------------------------------------------------------
  const E = 5;
  const F = (r: number): string => abs(6, r);
  grid.label(TITLE_ROW, E, 'Results (formulas over the inputs and the catalog)', true);
  grid.header(HEADER_ROW, E, ['Result', 'Value', 'How']);
  const result1 = (
    r: number,
    key: string,
    label: string,
    formula: string,
    format: string,
    how: string,
  ): void => {
    grid.label(r, E, label);
    grid.set(r, E + 1, formula, format);
    grid.label(r, E + 2, how);
    cells[key] = rel(6, r);
  };
  result1(
    5,
    'h100Hours',
    "H100 GPU-hours (the article's rule)",
    `=${L.hoursPerExample}*${I('examples')}*${L.scale}*${L.timeFactor}`,
    FORMAT.hours,
    '0.0001 x examples x scale x method factor',
  );
  result1(
    6,
    'trainingHours',
    "Training hours on the provider's GPU",
    `=${F(5)}/${L.speed}`,
    FORMAT.hours,
    'H100 hours / GPU speed',
  );
  result1(
    7,
    'trainingTokens',
    'Training tokens',
    `=${I('examples')}*${I('tokensPerExample')}*${I('epochs')}`,
    FORMAT.count,
    'examples x tokens x epochs',
  );
  result1(
    8,
    'computeBoundHours',
    'Compute-bound hours (cross-check)',
    `=${L.flops}*${L.params}*1000000000*${F(7)}/(${L.peak}*1000000000000*${I('mfu')}*3600)`,
    FORMAT.hours,
    'k x params x tokens / (peak FLOPS x MFU x 3600)',
  );
  result1(
    9,
    'memoryGb',
    'GPU memory (GB)',
    `=${L.params}*(${L.weightBytes}+${L.trainable}*${L.stateBytes})*(1+${L.overhead})`,
    FORMAT.gb,
    'params x bytes per param x (1 + overhead)',
  );
  result1(
    10,
    'trainingCost',
    'GPU cost of the training run',
    `=${F(6)}*${L.price}`,
    FORMAT.usd,
    'hours x $ per GPU-hour',
  );
  grid.label(12, E, 'Monthly costs', true);
  result1(
    13,
    'apiCostPerRequest',
    'API cost per request',
    `=${I('inputTokensPerRequest')}/1000*${L.apiIn}+${I('outputTokensPerRequest')}/1000*${L.apiOut}`,
    FORMAT.usdPrice,
    'tokens / 1000 x $ per 1K',
  );
  result1(
    14,
    'monthlyApi',
    'API cost per month',
    `=${I('requestsPerMonth')}*${F(13)}`,
    FORMAT.usd,
    'requests x cost per request',
  );
  result1(
    15,
    'monthlyFinetuned',
    'Fine-tuned cost per month',
    `=${I('requestsPerMonth')}*${I('finetunedCostPerRequest')}+${I('finetunedMonthlyHosting')}`,
    FORMAT.usd,
    'requests x inference cost + hosting',
  );
  result1(
    16,
    'monthlySavings',
    'Monthly savings',
    `=${F(14)}-${F(15)}`,
    FORMAT.usd,
    'API - fine-tuned',
  );

  const UPFRONT_TITLE = 18;
  grid.header(UPFRONT_TITLE, E, ['Up-front breakdown', 'Amount', '']);
  const itemFormulas = [
    `=${F(10)}`,
    `=${I('experimentRuns')}*${F(10)}`,
    `=${I('dataCollectionCost')}`,
    `=${I('labelingHours')}*${I('labelingRate')}`,
    `=${I('cleaningCost')}`,
    `=${I('engineeringHours')}*${I('engineeringRate')}`,
    `=${I('deploymentCost')}`,
    `=${I('hardwareCost')}`,
  ];
  const items = upfrontItems({ ...input, trainingRunCost: 0 });
  if (items.length !== itemFormulas.length)
    throw new Error('scenario layout: up-front items changed');
  items.forEach((item, i) => {
    grid.label(UPFRONT_TITLE + 1 + i, E, item.label);
    grid.set(UPFRONT_TITLE + 1 + i, E + 1, itemFormulas[i], FORMAT.usd);
    cells[`upfront.${i}`] = rel(6, UPFRONT_TITLE + 1 + i);
  });
  const upfrontLast = UPFRONT_TITLE + items.length;
  const TOTAL = upfrontLast + 1;
  result1(
    TOTAL,
    'upfront',
    'Total up-front',
    `=SUM(${F(UPFRONT_TITLE + 1)}:${F(upfrontLast)})`,
    FORMAT.usd,
    'sum of the items above',
  );
  grid.weights[TOTAL - 1][E - 1] = 'bold';
  grid.weights[TOTAL - 1][E] = 'bold';

  const BE = TOTAL + 2;
  grid.label(BE, E, 'Break-even and ROI', true);
  result1(
    BE + 1,
    'breakEven',
    'Break-even (months)',
    `=IF(${F(16)}>0,${F(TOTAL)}/${F(16)},"never")`,
    FORMAT.months,
    'up-front / monthly savings; never without savings',
  );
  result1(
    BE + 2,
    'roi12',
    'ROI at 12 months',
    `=${F(16)}*12-${F(TOTAL)}`,
    FORMAT.usd,
    'savings x months - up-front',
  );
  result1(BE + 3, 'roi24', 'ROI at 24 months', `=${F(16)}*24-${F(TOTAL)}`, FORMAT.usd, '');
  result1(BE + 4, 'roi36', 'ROI at 36 months', `=${F(16)}*36-${F(TOTAL)}`, FORMAT.usd, '');
  result1(
    BE + 5,
    'roiHorizon',
    'ROI at the horizon',
    `=${F(16)}*${I('horizonMonths')}-${F(TOTAL)}`,
    FORMAT.usd,
    '',
  );
  const be = F(BE + 1);
  const h = I('horizonMonths');
  const req = I('requestsPerMonth');
  const verdict =
    `=IF(${be}="never",${formulaString('Keep the API: the fine-tuned model costs as much as the API each month, so it never pays back.')},` +
    `IF(${be}<=${h},"Fine-tune: it pays back in "&ROUND(${be},1)&" months, within the "&${h}&"-month horizon.",` +
    `"Keep the API: break-even takes "&ROUND(${be},1)&" months, beyond the "&${h}&"-month horizon."))` +
    `&IF(${req}<50000," The volume is under the article's 50K requests/month API threshold.",` +
    `IF(${req}>100000," The volume is over the article's 100K requests/month fine-tuning threshold.",""))`;
  result1(BE + 6, 'verdict', 'Verdict', verdict, FORMAT.text, '');

  // ---- Title and verdict (rows 1-2) ---------------------------------------------------
  const { model, method, provider, api } = result.resolved;
  grid.label(
    1,
    1,
    `Fine-tuning scenario: ${model.name}, ${method.name}, ${input.examples} examples on ${provider.name} vs ${api.name}`,
    true,
  );
  grid.set(2, 1, `=${F(BE + 6)}`);
  grid.weights[1][0] = 'bold';

  // ---- Monthly timeline (I:L) ---------------------------------------------------------
  const T = columnNumber('I');
  grid.label(TITLE_ROW, T, `Monthly timeline (0 to ${input.horizonMonths} months)`, true);
  grid.header(HEADER_ROW, T, ['Month', 'Cumulative API', 'Cumulative fine-tuned', 'Savings (ROI)']);
  for (let month = 0; month <= input.horizonMonths; month++) {
    const r = FIRST_ROW + month;
    grid.set(r, T, month === 0 ? 0 : `=${rel(T, r - 1)}+1`, '0');
    grid.set(r, T + 1, `=${F(14)}*${rel(T, r)}`, FORMAT.usd);
    grid.set(r, T + 2, `=${F(TOTAL)}+${F(15)}*${rel(T, r)}`, FORMAT.usd);
    grid.set(r, T + 3, `=${rel(T + 1, r)}-${rel(T + 2, r)}`, FORMAT.usd);
  }
  const timelineLast = FIRST_ROW + input.horizonMonths;
  cells.timelineFirst = rel(T, FIRST_ROW);

  // ---- Provider comparison (N:S) ------------------------------------------------------
  const P = columnNumber('N');
  grid.label(TITLE_ROW, P, 'Training cost by provider (this model, method and data)', true);
  grid.header(HEADER_ROW, P, [
    'Provider',
    'Training cost',
    'Hours',
    '$ per GPU-hour',
    'GPU',
    'Speed vs H100',
  ]);
  result.providers.forEach((providerRow, i) => {
    const r = FIRST_ROW + i;
    grid.text(r, P, providerRow.provider);
    grid.set(r, P + 1, `=${rel(P + 2, r)}*${rel(P + 3, r)}`, FORMAT.usd);
    grid.set(r, P + 2, `=${F(5)}/${rel(P + 5, r)}`, FORMAT.hours);
    grid.set(r, P + 3, `=${lookup('providers', 2, `$${columnLetter(P)}${r}`)}`, FORMAT.usd);
    // The GPU row's own name, as the engine shows it (the provider row may say "a-100").
    grid.set(r, P + 4, `=${lookup('gpus', 0, lookup('providers', 1, `$${columnLetter(P)}${r}`))}`);
    grid.set(r, P + 5, `=${lookup('gpus', 3, rel(P + 4, r))}`, FORMAT.factor);
  });
  const providersLast = FIRST_ROW + result.providers.length - 1;

  // ---- Methods (U:Y) ------------------------------------------------------------------
  const M = columnNumber('U');
  grid.label(TITLE_ROW, M, 'LoRA vs full vs QLoRA (this model, data and provider)', true);
  grid.header(HEADER_ROW, M, [
    'Method',
    'Hours',
    'Training cost',
    'Memory (GB)',
    'Compute-bound hours',
  ]);
  result.methods.forEach((methodRow, i) => {
    const r = FIRST_ROW + i;
    const key = `$${columnLetter(M)}${r}`;
    grid.text(r, M, methodRow.method);
    grid.set(
      r,
      M + 1,
      `=${L.hoursPerExample}*${I('examples')}*${L.scale}*${lookup('methods', 1, key)}/${L.speed}`,
      FORMAT.hours,
    );
    grid.set(r, M + 2, `=${rel(M + 1, r)}*${L.price}`, FORMAT.usd);
    grid.set(
      r,
      M + 3,
      `=${L.params}*(${lookup('methods', 3, key)}+${lookup('methods', 4, key)}*${lookup('methods', 5, key)})*(1+${L.overhead})`,
      FORMAT.gb,
    );
    grid.set(
      r,
      M + 4,
      `=${lookup('methods', 2, key)}*${L.params}*1000000000*${F(7)}/(${L.peak}*1000000000000*${I('mfu')}*3600)`,
      FORMAT.hours,
    );
  });
  const methodsLast = FIRST_ROW + result.methods.length - 1;

  // ---- Model × dataset size (AA:AK) ---------------------------------------------------
  const X = columnNumber('AA');
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
  result.matrix.models.forEach((name, i) => {
    const r = FIRST_ROW + i;
    grid.text(r, X, name);
    sizes.forEach((_, j) => {
      const hc = X + 1 + j;
      const sizeRef = `${columnLetter(hc)}$${HEADER_ROW}`;
      grid.set(
        r,
        hc,
        `=${L.hoursPerExample}*${sizeRef}*${lookup('models', 2, `$${columnLetter(X)}${r}`)}*${L.timeFactor}/${L.speed}`,
        FORMAT.hours,
      );
      grid.set(r, hc + sizes.length, `=${rel(hc, r)}*${L.price}`, FORMAT.usd);
    });
  });
  const matrixLast = FIRST_ROW + result.matrix.models.length - 1;

  const rows = Math.max(grid.values.length, timelineLast, providersLast, methodsLast, matrixLast);
  grid.extend(rows);
  // Month is the domain (first column, numHeaders 1) of the cumulative chart; its third
  // series, Savings (ROI), crosses the $0 baseline at the break-even month, as the API and
  // fine-tuned lines cross each other there. Growing tables' ranges reach CHART_SPARE_ROWS
  // below their last row, so rows a user adds and fills down are drawn; blank rows are not.
  const charts: ChartSpec[] = [
    {
      type: 'LINE',
      title: 'Cumulative cost: API vs fine-tuned (savings cross $0 at break-even)',
      range: [HEADER_ROW, T, timelineLast - HEADER_ROW + 1 + CHART_SPARE_ROWS, 4],
      numHeaders: 1,
      options: {
        useFirstColumnAsDomain: true,
        hAxis: { title: 'Month', format: '0' },
        vAxis: { title: 'US dollars (cumulative)', format: '$#,##0' },
        legend: { position: 'bottom' },
        series: { 2: { lineDashStyle: [4, 4] } },
      },
      anchorRow: chartsRow,
      anchorColumn: 1,
    },
    {
      type: 'BAR',
      title: 'Training cost by provider (this model, method and data)',
      range: [HEADER_ROW, P, providersLast - HEADER_ROW + 1 + CHART_SPARE_ROWS, 2],
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
      range: [UPFRONT_TITLE, E, items.length + 1, 2],
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
