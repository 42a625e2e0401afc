// The scenario model, each metric written once. The engine evaluates these definitions
// (src/engine/scenario.ts) and the scenario writer renders the same definitions as the
// formulas of the sheet's cells (src/addon/scenario-layout.ts), so the two cannot differ.
//
// Names: inputs are read by field ("examples"); metrics by name ("trainingCost"); a
// table's columns by column name within the row ("hours"). Lookups of catalog rows are
// nodes of their own: the engine finds the row by its name rules, the sheet by a formula.
import { MAX_DATE_SERIAL } from './dates';
import { ARTICLE_HOURS_PER_EXAMPLE, MEMORY_OVERHEAD_SHARE } from './catalog';
import { E } from './expr';
import {
  DEFAULT_STALE_AFTER_DAYS,
  NOTE_START,
  PRICE_TABLES,
  priceAgeDays,
  staleAfterDays,
  stalePriceNote,
} from './freshness';
import type { Expr, TableKey } from './expr';
import { RULE_TEXT } from './numbers';
import {
  availabilityMetrics,
  availabilityNote,
  availabilityNotesOf,
  dayOf,
  managedApiName,
} from './scenario-availability';
import type { NumberRule } from './numbers';
import {
  CALIBRATION,
  calibratedMfuOf,
  calibrationMetrics,
  RUN_KEYS,
  runsMatching,
} from './calibration-model';
import { HOURS_FROM, MAX_HORIZON_MONTHS, SCENARIO_FIELDS } from './scenario-input';
import type { FieldSpec, ScenarioField } from './scenario-input';

/** How a metric's value is shown. */
export type MetricFormat =
  | 'text'
  | 'usd'
  | 'usdPrice'
  | 'hours'
  | 'count'
  | 'months'
  | 'ratio'
  | 'gb'
  | 'factor'
  | 'row'
  | 'date';

export interface Metric {
  readonly name: string;
  readonly label: string;
  /** The rule in words, for the sheet's "How" column and the README. */
  readonly how: string;
  /** Where the rule comes from, for the README's cost-model table (constants carry their own). */
  readonly source?: string;
  readonly format: MetricFormat;
  readonly expr: Expr;
}

/** The text a break-even that never happens shows (the engine's NEVER). */
const NEVER_TEXT = 'never';

/** The article's monthly-volume thresholds (its conclusion). */
export const ARTICLE_VOLUME = { apiBelow: 50000, fineTuneAbove: 100000 } as const;

/** The dataset sizes of the model × dataset-size matrix (the article's calculator spans 5K-500K). */
export const MATRIX_DATASET_SIZES: readonly number[] = [5000, 10000, 50000, 100000, 500000];

/**
 * A value built on first use: the definitions cost nothing while the script loads (it
 * loads for every custom-function call), only when a scenario is computed or written.
 */
function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= build());
}

const metric = (
  name: string,
  label: string,
  format: MetricFormat,
  expr: Expr,
  how = '',
  source?: string,
): Metric => ({ name, label, how, format, expr, ...(source ? { source } : {}) });

const m = E.metric;

/** A result shown only when every input is valid: a blank otherwise, never an error chain. */
export const gated = (expr: Expr): Expr => E.if(E.eq(m('problem'), ''), expr, '');

/** A result: like a metric, shown once the inputs are valid (see gated). */
const result = (
  name: string,
  label: string,
  format: MetricFormat,
  expr: Expr,
  how = '',
  source?: string,
): Metric => metric(name, label, format, gated(expr), how, source);
const input = E.input;
/** A numeric input as a number: text that holds a number counts as that number. */
const num = (field: ScenarioField): Expr => E.value(input(field));

// ---- Input checks ------------------------------------------------------------------------

/** How a value appears in a message: text quoted, a number as it is. */
const shown = (value: Expr): Expr => E.if(E.isText(value), E.concat("'", value, "'"), value);

const ruleHolds = (rule: NumberRule, value: Expr): Expr => {
  switch (rule) {
    case 'positive':
      return E.gt(value, 0);
    case 'nonNegative':
      return E.ge(value, 0);
    case 'fraction':
      return E.and(E.gt(value, 0), E.le(value, 1));
    case 'rate':
      return E.gt(value, -1);
    case 'finite':
      return E.isNumber(value);
  }
};

/** "<label> (<cell>) must be <rule>, got <value>", or '' when the value is fine. */
function numberCheck(field: FieldSpec, optional: boolean): Expr {
  const value = input(field.key);
  const months = field.kind === 'months';
  const must = months
    ? `must be a whole number of months from 1 to ${MAX_HORIZON_MONTHS}`
    : `must be ${RULE_TEXT[field.rule]}`;
  const holds = months
    ? E.and(
        E.ge(num(field.key), 1),
        E.le(num(field.key), MAX_HORIZON_MONTHS),
        E.eq(E.round(num(field.key), 0), num(field.key)),
      )
    : ruleHolds(field.rule, num(field.key));
  const problem = E.concat(E.inputLabel(field.key), ` ${must}, got `, shown(value));
  return E.if(
    E.isError(value),
    E.concat(E.inputLabel(field.key), ' is a cell error: fix that cell first'),
    E.if(
      E.eq(value, ''),
      optional ? '' : E.concat(E.inputLabel(field.key), ` ${must}, got a blank`),
      E.if(E.isError(num(field.key)), problem, E.if(holds, '', problem)),
    ),
  );
}

/** A name input: blank, or a name found nowhere, is a problem. */
/**
 * A name input: blank, a name found nowhere ("... is not in the FT Catalog sheet"), or the
 * start of several names (`start`, the lookup's prefix cell, found one) is a problem.
 */
function nameCheck(field: ScenarioField, found: Expr, where: string, start: Expr): Expr {
  const value = input(field);
  return E.if(
    E.isError(value),
    E.concat(E.inputLabel(field), ' is a cell error: fix that cell first'),
    E.if(
      E.eq(value, ''),
      E.concat(E.inputLabel(field), ' is blank'),
      E.if(
        E.isError(found),
        E.concat(
          E.inputLabel(field),
          ': ',
          shown(value),
          E.if(E.isError(start), ` ${where}`, ' starts more than one name in the FT Catalog sheet'),
        ),
        '',
      ),
    ),
  );
}

/** The GPU provider: a catalog name or a $ per GPU-hour rate, whose GPU is in the catalog. */
function providerCheck(): Expr {
  return E.if(
    E.isError(m('price')),
    nameCheck(
      'provider',
      m('price'),
      'is not in the FT Catalog sheet or a $ per GPU-hour rate',
      m('providerStart'),
    ),
    E.if(
      E.lt(m('price'), 0),
      E.concat(
        E.inputLabel('provider'),
        ` must be ${RULE_TEXT.nonNegative} or a catalog provider, got `,
        shown(input('provider')),
      ),
      E.if(
        E.isError(m('speed')),
        E.concat(
          E.inputLabel('provider'),
          ": its GPU '",
          m('gpu'),
          "' is not in the FT Catalog sheet",
        ),
        '',
      ),
    ),
  );
}

function checkOf(field: FieldSpec): Expr {
  switch (field.kind) {
    case 'model':
      return E.if(
        E.isError(m('params')),
        nameCheck(
          'model',
          m('params'),
          'is not a size or a model in the FT Catalog sheet',
          m('modelStart'),
        ),
        E.if(
          E.gt(m('params'), 0),
          // A size beyond the catalog's reach gives no finite scale.
          E.if(
            E.isError(m('scale')),
            E.concat(E.inputLabel('model'), ' is too large a size to estimate'),
            '',
          ),
          E.concat(E.inputLabel('model'), ' must be a positive size, got ', shown(input('model'))),
        ),
      );
    case 'method':
      return nameCheck(
        'method',
        m('methodRow'),
        'is not in the FT Catalog sheet',
        m('methodStart'),
      );
    case 'provider':
      return providerCheck();
    case 'api':
      return nameCheck('api', m('apiRow'), 'is not in the FT Catalog sheet', m('apiStart'));
    case 'managed':
      return E.if(
        E.and(E.isError(m('managedPriceRow')), E.not(E.isError(m('managedRow')))),
        E.concat(
          E.inputLabel('managedService'),
          ': ',
          shown(input('managedService')),
          ' has no price in the FT Catalog sheet for this model size and method: the managed path is left blank',
        ),
        nameCheck(
          'managedService',
          m('managedRow'),
          'is not in the FT Catalog sheet',
          m('managedStart'),
        ),
      );
    case 'hoursFrom':
      return E.if(
        E.or(
          E.eq(input('hoursFrom'), ''),
          ...HOURS_FROM.map((choice) => E.eq(input('hoursFrom'), choice)),
        ),
        '',
        E.concat(
          E.inputLabel('hoursFrom'),
          ` must be ${HOURS_FROM.join(', ')} or blank, got `,
          shown(input('hoursFrom')),
        ),
      );
    case 'optionalNumber':
      return numberCheck(field, true);
    case 'date':
      return dateCheck(field.key);
    default:
      return numberCheck(field, false);
  }
}

/** A date input: a day after 1899, as a date cell or text YYYY-MM-DD; a blank or other text is not. */
function dateCheck(field: ScenarioField): Expr {
  const value = input(field);
  const day = dayOf(field);
  return E.if(
    E.isError(value),
    E.concat(E.inputLabel(field), ' is a cell error: fix that cell first'),
    E.if(
      E.iferror(E.and(E.isNumber(day), E.gt(day, 0), E.le(day, MAX_DATE_SERIAL)), 0),
      '',
      E.concat(
        E.inputLabel(field),
        ' must be a date such as 2027-01-01, got ',
        // A blank is no text in Sheets: named, not quoted.
        E.if(E.eq(value, ''), 'a blank', shown(value)),
      ),
    ),
  );
}

/** The price row an input picks, by its lookup's metrics' prefix (its stale note). */
const PRICE_LOOKUPS: Partial<Record<ScenarioField, string>> = {
  provider: 'provider',
  api: 'api',
  managedService: 'managed',
};

/** The inputs whose check may hold a note rather than a problem (checkCell). */
const NOTED_FIELDS: ReadonlySet<string> = new Set([
  ...Object.keys(PRICE_LOOKUPS),
  ...SCENARIO_FIELDS.filter((field) => availabilityNotesOf(field.key).length > 0).map(
    (field) => field.key,
  ),
]);

/**
 * An input's Check cell: its problem, then (issue 20) the notes on the offers it picks: that
 * an offer ends within the horizon (each such sentence ends with ". "), and that a price is
 * stale. A row that is found has no name problem, so a problem and a note rarely meet. A note
 * starts with NOTE_START, which PROBLEM (isProblem) skips.
 */
function checkCell(field: FieldSpec): Expr {
  const notes: Expr[] = availabilityNotesOf(field.key).map((ends) =>
    E.if(E.eq(m(ends), ''), '', E.concat(NOTE_START, m(ends))),
  );
  const lookup = PRICE_LOOKUPS[field.key];
  if (lookup) {
    notes.push(stalePriceNote(m(`${lookup}AsOf`), m(`${lookup}Age`), m('staleAfterDays')));
  }
  // The managed fine-tune's serving price: none cited, or stale (a lookup cell of its own,
  // which keeps this formula short).
  if (field.key === 'managedService') notes.push(m('managedApiNotes'));
  return notes.length > 0 ? E.concat(checkOf(field), ...notes) : checkOf(field);
}

/** One check per input, in form order: '' when the input is fine, else the message. */
export const INPUT_CHECKS = lazy(
  (): readonly { readonly field: ScenarioField; readonly expr: Expr }[] =>
    SCENARIO_FIELDS.map((field) => ({ field: field.key, expr: checkCell(field) })),
);

/**
 * Whether an input's problem stops the scenario: a managed service that has no price for
 * the model's size and method leaves the managed path blank, not the rest (it is a side
 * comparison); an unknown service stops it as any unknown name does.
 */
function stopsScenario(field: ScenarioField, problem: Expr): Expr {
  return field === 'managedService' ? E.and(E.isError(m('managedRow')), problem) : problem;
}

/** A managed job's cost: training tokens / 1M x its price row's $ per 1M, at least its minimum. */
export const managedTrainingOf = (): Expr =>
  E.max(
    E.field('managed', 'minimumCharge', m('managedPriceRow')),
    E.mul(
      E.div(m('trainingTokens'), TOKENS_PER_MILLION),
      E.field('managed', 'pricePer1MTrainingTokens', m('managedPriceRow')),
    ),
  );

/** The managed path's figure, or blank when its service has no price for this model (issue 20). */
const ifManagedPriced = (expr: Expr): Expr => E.if(E.isError(m('managedPriceRow')), '', expr);

/**
 * A managed figure that needs the fine-tune's serving price: blank too when its price row
 * names no inference API (no serving price was cited for that bracket; nothing is made up).
 */
const ifManagedServed = (expr: Expr): Expr =>
  ifManagedPriced(E.if(E.eq(managedApiName(), ''), '', expr));

/** The managed service's Check note when its price row names no serving price ('' otherwise). */
const unservedNote = (): Expr =>
  ifManagedPriced(
    E.if(
      E.eq(managedApiName(), ''),
      `${NOTE_START}no serving price for this size and method: managed monthly cost and break-even left blank. `,
      '',
    ),
  );

/** The first input problem, or ''. */
export const PROBLEM = lazy((): Metric =>
  metric(
    'problem',
    'Input check',
    'text',
    INPUT_CHECKS().reduceRight<Expr>((rest, check) => {
      const cell = m(`check.${check.field}`);
      const problem = isProblem(cell, NOTED_FIELDS.has(check.field));
      return E.if(stopsScenario(check.field, problem), cell, rest);
    }, E.literal('')),
    'the first input that is not valid, or blank',
  ),
);

// ---- Catalog lookups ---------------------------------------------------------------------

/** The catalog models by size (one per size), for interpolating a size between them. */
export const LADDER = 'ladder';
const ladderParams = (): Expr => E.column(LADDER, 'params');
const ladderScales = (): Expr => E.column(LADDER, 'scale');

/** The ladder's columns: each row is a catalog model, named in its key cell. */
export const LADDER_COLUMNS = lazy((): readonly Metric[] => [
  metric(
    'params',
    'Parameters (billions)',
    'factor',
    E.fieldByName('models', 'paramsBillions', E.cell('key')),
  ),
  metric('scale', 'Scale', 'factor', E.fieldByName('models', 'scale', E.cell('key'))),
]);

/** Log-log interpolation of the scale between the ladder's models, end segments extended. */
function interpolatedScale(size: Expr, ladderRows: number): Expr {
  const at = (column: () => Expr, position: Expr | number): Expr => E.at(column(), position);
  if (ladderRows === 1) return scaleFromOneOf(size, at(ladderParams, 1), at(ladderScales, 1));
  const low = m('segment');
  const high = E.add(low, 1);
  return scaleBetweenOf(size, {
    lowParams: at(ladderParams, low),
    lowScale: at(ladderScales, low),
    highParams: at(ladderParams, high),
    highScale: at(ladderScales, high),
  });
}

/** A size's scale from the one catalog model there is: in proportion to its size. */
export const scaleFromOneOf = (size: Expr, params: Expr, scale: Expr): Expr =>
  E.mul(scale, E.div(size, params));

/**
 * A size's scale on the straight line, in log(params)-log(scale), through two catalog
 * models (the two it lies between, or the nearest two beyond either end).
 */
export function scaleBetweenOf(
  size: Expr,
  segment: {
    readonly lowParams: Expr;
    readonly lowScale: Expr;
    readonly highParams: Expr;
    readonly highScale: Expr;
  },
): Expr {
  const { lowParams, lowScale, highParams, highScale } = segment;
  const slope = E.div(E.ln(E.div(highScale, lowScale)), E.ln(E.div(highParams, lowParams)));
  return E.mul(lowScale, E.exp(E.mul(slope, E.ln(E.div(size, lowParams)))));
}

/**
 * A price's As of date (issue 11: the date its figures were taken) and (issue 20) its age in
 * days, whose staleness is the Check column's note (checkCell).
 */
function datedPrice(prefix: string, label: string, asOfCell: Expr, price: boolean): Metric[] {
  return [
    metric(
      `${prefix}AsOf`,
      `${label}: figures as of`,
      'text',
      E.iferror(E.read('isoDate', asOfCell), ''),
      "The catalog row's As of date",
    ),
    ...(price
      ? [
          metric(
            `${prefix}Age`,
            `${label}: price age (days)`,
            'count',
            E.iferror(priceAgeDays(m(`${prefix}AsOf`)), ''),
            'Today - the As of date',
          ),
        ]
      : []),
  ];
}

/**
 * A name's lookup in three cells: its key (lower case, no spaces, "-" or "_"), the catalog
 * name its key is the start of (lowest row), and the row it picks: a name or an alias, else
 * that start when it is the start of one name only. Its figures' date is `datedRow`'s (by
 * default the row it picks; a managed service's is the price row it uses).
 */
function nameLookup(
  prefix: string,
  label: string,
  table: TableKey,
  name: Expr,
  datedRow: Expr = m(`${prefix}Row`),
): Metric[] {
  const key = m(`${prefix}Key`);
  return [
    metric(`${prefix}Key`, `${label}: name as looked up`, 'text', E.read('nameKey', name)),
    metric(
      `${prefix}Start`,
      `${label}: catalog name it starts`,
      'text',
      E.catalogPrefix(table, key),
      'The lowest row whose name starts so',
    ),
    metric(
      `${prefix}Row`,
      `${label}: catalog row used`,
      'row',
      E.catalogRow(table, key, m(`${prefix}Start`)),
      'Name or other name (lowest row), else a unique start',
    ),
    ...datedPrice(prefix, label, E.field(table, 'asOf', datedRow), PRICE_TABLES.includes(table)),
  ];
}

/** A check whose text may be a note: a problem is text that does not start as a note does. */
const isProblem = (check: Expr, mayNote: boolean): Expr =>
  mayNote
    ? E.and(E.ne(check, ''), E.ne(E.left(check, NOTE_START.length), NOTE_START))
    : E.ne(check, '');

/** The values the scenario reads from the catalog: one lookup per name, then its columns. */
export function lookupMetrics(ladderRows: number): Metric[] {
  const typedSize = m('modelSize');
  const rowScale = E.field('models', 'scale', m('modelRow'));
  const interpolated = interpolatedScale(m('params'), ladderRows);
  return [
    ...nameLookup('model', 'Model', 'models', input('model')),
    ...nameLookup('method', 'Method', 'methods', input('method')),
    ...nameLookup('provider', 'GPU provider', 'providers', input('provider')),
    ...nameLookup('api', 'API', 'apis', input('api')),
    ...nameLookup(
      'managed',
      'Managed fine-tuning',
      'managed',
      input('managedService'),
      m('managedPriceRow'),
    ),
    // The managed fine-tune's inference price: its API row's date (issue 20).
    ...datedPrice(
      'managedApi',
      'Managed inference API',
      E.fieldByName('apis', 'asOf', managedApiName()),
      true,
    ),
    metric(
      'managedApiNotes',
      'Managed inference API: notes',
      'text',
      E.concat(
        unservedNote(),
        stalePriceNote(
          m('managedApiAsOf'),
          m('managedApiAge'),
          m('staleAfterDays'),
          'its inference price',
        ),
      ),
    ),
    ...availabilityMetrics(),
    metric(
      'staleAfterDays',
      'Prices stale after (days)',
      'count',
      staleAfterDays(),
      `The FT Catalog sheet's setting in row 1, else ${DEFAULT_STALE_AFTER_DAYS}`,
    ),
    metric(
      'modelNameEnd',
      'Size at the end of the model name',
      'text',
      E.read('nameEnd', input('model')),
      'Such as 7 in Mistral 7B',
    ),
    metric(
      'modelSizeWord',
      'Model typed as a size',
      'text',
      E.read('sizeWord', input('model')),
      'A number, or text such as 8B without its B',
    ),
    metric(
      'modelSize',
      'Model size typed (billions)',
      'factor',
      E.read('digits', m('modelSizeWord')),
      'A number, or text such as 8B',
    ),
    // As the engine reads a model: a size typed (8, "8B") before a name, then a size at the
    // end of a name no catalog row has ("Mistral 7B").
    metric(
      'params',
      'Model parameters (billions)',
      'factor',
      E.iferror(
        typedSize,
        E.iferror(
          E.field('models', 'paramsBillions', m('modelRow')),
          E.read('digits', m('modelNameEnd')),
        ),
      ),
      'A catalog model, or the size you typed',
    ),
    metric(
      'segment',
      'Interpolation segment',
      'count',
      E.min(
        E.max(E.iferror(E.matchBelow(m('params'), ladderParams()), 1), 1),
        Math.max(1, ladderRows - 1),
      ),
      'The catalog models by size below that a size lies between',
    ),
    // A catalog row's own scale; a size, or a row whose scale is blank, interpolates.
    metric(
      'scale',
      'Model scale factor',
      'factor',
      E.if(
        E.or(E.isNumber(typedSize), E.isError(m('modelRow'))),
        interpolated,
        // A row whose scale is blank (read as 0 by some engines, no number to Sheets) interpolates.
        E.if(E.and(E.isNumber(rowScale), E.gt(rowScale, 0)), rowScale, interpolated),
      ),
      'A size between catalog models: log-log interpolation',
    ),
    metric(
      'timeFactor',
      'Method time factor',
      'factor',
      E.field('methods', 'timeFactor', m('methodRow')),
    ),
    metric(
      'flops',
      'FLOPs per parameter per token',
      'factor',
      E.field('methods', 'flopsPerParamToken', m('methodRow')),
    ),
    metric(
      'weightBytes',
      'Weight bytes per parameter',
      'factor',
      E.field('methods', 'weightBytesPerParam', m('methodRow')),
    ),
    metric(
      'trainable',
      'Trainable fraction',
      'factor',
      E.field('methods', 'trainableFraction', m('methodRow')),
    ),
    metric(
      'stateBytes',
      'State bytes per trainable parameter',
      'factor',
      E.field('methods', 'stateBytesPerTrainableParam', m('methodRow')),
    ),
    // A rate (a number, or text that holds one) before a name, as the engine reads a provider.
    metric(
      'gpu',
      "Provider's GPU",
      'text',
      E.if(E.isError(rateTyped()), E.field('providers', 'gpu', m('providerRow')), 'H100'),
      'A $ rate means an H100',
    ),
    metric(
      'price',
      '$ per GPU-hour',
      'usd',
      E.iferror(rateTyped(), E.field('providers', 'pricePerGpuHour', m('providerRow'))),
    ),
    ...nameLookup('gpu', "Provider's GPU", 'gpus', m('gpu')),
    metric('speed', 'GPU speed vs H100', 'factor', E.field('gpus', 'speedVsH100', m('gpuRow'))),
    metric(
      'peak',
      'GPU peak TFLOPS (bf16 dense)',
      'count',
      E.field('gpus', 'peakTflopsBf16', m('gpuRow')),
    ),
    metric(
      'gpuMemory',
      "Memory of the provider's GPU (GB)",
      'gb',
      E.field('gpus', 'memoryGb', m('gpuRow')),
    ),
    metric(
      'apiIn',
      'API $ per 1K input tokens',
      'usdPrice',
      E.if(
        E.eq(input('apiInputPricePer1K'), ''),
        E.field('apis', 'inputPricePer1K', m('apiRow')),
        num('apiInputPricePer1K'),
      ),
      "Your price, or the API's catalog price",
    ),
    metric(
      'apiOut',
      'API $ per 1K output tokens',
      'usdPrice',
      E.if(
        E.eq(input('apiOutputPricePer1K'), ''),
        E.field('apis', 'outputPricePer1K', m('apiRow')),
        num('apiOutputPricePer1K'),
      ),
      "Your price, or the API's catalog price",
    ),
    // Issue 20: the service's price for this model's size bracket and this method.
    metric(
      'managedPrefix',
      'Managed fine-tuning: price key (service|method|)',
      'text',
      E.bracket('prefix', m('managedRow'), E.field('methods', 'name', m('methodRow'))),
      "Its rows' bracket keys start so (or service|| for every method)",
    ),
    metric(
      'managedScore',
      'Managed fine-tuning: bracket score',
      'factor',
      E.bracket('score', m('managedPrefix'), m('params')),
      '2 x the least size limit that holds the model (+1 for a row of every method)',
    ),
    metric(
      'managedPriceRow',
      'Managed fine-tuning: price row used',
      'row',
      E.bracket('row', m('managedPrefix'), m('params'), m('managedScore')),
      'The smallest size bracket that holds the model, for its method',
    ),
    metric(
      'hoursPerExample',
      'H100 hours per example (scale 1)',
      'factor',
      E.constant('hoursPerExample', ARTICLE_HOURS_PER_EXAMPLE, 'the article'),
      "The article's rule: 0.0001 x examples x scale",
    ),
    metric(
      'overhead',
      'Memory overhead for activations',
      'ratio',
      E.constant('overhead', MEMORY_OVERHEAD_SHARE, 'assumption'),
      'Assumption (batch 8, sequence about 512)',
    ),
    // Issue 19: the measured runs of the catalog for this GPU and method.
    ...calibrationMetrics(
      {
        gpu: E.read('nameKey', E.field('gpus', 'name', m('gpuRow'))),
        method: E.read('nameKey', E.field('methods', 'name', m('methodRow'))),
      },
      {
        gpu: E.field('gpus', 'name', m('gpuRow')),
        method: E.field('methods', 'name', m('methodRow')),
      },
    ),
  ];
}

// ---- Results -----------------------------------------------------------------------------

const PARAMS_PER_BILLION = 1e9;
const MONTHS_PER_YEAR = 12;
const FLOPS_PER_TFLOP = 1e12;
const SECONDS_PER_HOUR = 3600;
const TOKENS_PER_PRICE_UNIT = 1000;
const TOKENS_PER_MILLION = 1e6;

/** The article's spread of training times under its GPU-hours table: "may vary ±30%". */
export const TRAINING_TIME_SPREAD = 0.3;

/** The longest a discounted payback is looked for: 100 years, far past any plan. */
export const MAX_PAYBACK_MONTHS = 1200;

/** One request's cost: tokens / 1000 x $ per 1K, input and output (an API or a managed model). */
export const costPerRequestOf = (
  inputTokens: Expr,
  outputTokens: Expr,
  inputPrice: Expr,
  outputPrice: Expr,
): Expr =>
  E.add(
    E.mul(E.div(inputTokens, TOKENS_PER_PRICE_UNIT), inputPrice),
    E.mul(E.div(outputTokens, TOKENS_PER_PRICE_UNIT), outputPrice),
  );

/** Months until the savings pay the up-front back; the text never without savings. */
export const breakEvenOf = (upfront: Expr, savings: Expr): Expr =>
  E.if(E.gt(savings, 0), E.div(upfront, savings), NEVER_TEXT);

/** Whether a break-even (a number, or never) falls within a horizon. */
export const paysBackOf = (breakEven: Expr, horizon: Expr): Expr =>
  E.and(E.isNumber(breakEven), E.le(breakEven, horizon));

/** H100 hours by the article's rule, for a dataset size and a method time factor. */
const ruleHours = (examples: Expr, scale: Expr, timeFactor: Expr): Expr =>
  E.mul(E.mul(E.mul(m('hoursPerExample'), examples), scale), timeFactor);

/** Compute-bound hours: k × params × tokens / (peak FLOPS × MFU × 3600). */
export const computeBoundOf = (
  flops: Expr,
  params: Expr,
  tokens: Expr,
  peak: Expr,
  mfu: Expr | number,
): Expr =>
  E.div(
    E.mul(E.mul(E.mul(flops, params), PARAMS_PER_BILLION), tokens),
    E.mul(E.mul(E.mul(peak, FLOPS_PER_TFLOP), mfu), SECONDS_PER_HOUR),
  );

/** The scenario's compute-bound hours at its MFU input. */
const computeBound = (flops: Expr): Expr =>
  computeBoundOf(flops, m('params'), m('trainingTokens'), m('peak'), num('mfu'));

/** GB of memory: params × (weight bytes + trainable × state bytes) × (1 + overhead). */
const memory = (weightBytes: Expr, trainable: Expr, stateBytes: Expr): Expr =>
  E.mul(
    E.mul(m('params'), E.add(weightBytes, E.mul(trainable, stateBytes))),
    E.add(1, m('overhead')),
  );

export const TRAINING = lazy((): readonly Metric[] => [
  result(
    'h100Hours',
    "H100 GPU-hours (the article's rule)",
    'hours',
    ruleHours(num('examples'), m('scale'), m('timeFactor')),
    '0.0001 x examples x scale x method factor',
  ),
  // Issue 19: the article's rule, compute-bound, or calibrated on the measured runs.
  result(
    'hoursSource',
    'Training hours by',
    'text',
    E.if(
      E.eq(input('hoursFrom'), ''),
      E.if(E.gt(m(CALIBRATION.runs), 0), 'calibrated', 'rule'),
      E.if(
        E.eq(input('hoursFrom'), 'rule'),
        'rule',
        E.if(E.eq(input('hoursFrom'), 'compute-bound'), 'compute-bound', 'calibrated'),
      ),
    ),
    'Your choice; blank: calibrated when a measured run applies, else the rule',
  ),
  result(
    'ruleHours',
    "Hours on the provider's GPU by the article's rule",
    'hours',
    E.div(m('h100Hours'), m('speed')),
    'H100 hours / GPU speed',
  ),
  result(
    'calibratedHours',
    'Compute-bound hours at the calibrated MFU',
    'hours',
    computeBoundOf(m('flops'), m('params'), m('trainingTokens'), m('peak'), m(CALIBRATION.mfu)),
    'k x params x tokens / (peak FLOPS x calibrated MFU x 3600)',
  ),
  result(
    'trainingHours',
    "Training hours on the provider's GPU",
    'hours',
    E.if(
      E.eq(m('hoursSource'), 'rule'),
      m('ruleHours'),
      E.if(E.eq(m('hoursSource'), 'compute-bound'), m('computeBoundHours'), m('calibratedHours')),
    ),
    'By Hours from: the rule, compute-bound or calibrated hours',
  ),
  result(
    'trainingTokens',
    'Training tokens',
    'count',
    E.mul(E.mul(num('examples'), num('tokensPerExample')), num('epochs')),
    'examples x tokens x epochs',
  ),
  result(
    'computeBoundHours',
    'Compute-bound hours (cross-check)',
    'hours',
    computeBound(m('flops')),
    'k x params x tokens / (peak FLOPS x MFU x 3600)',
    'Kaplan et al. 2020 (6 FLOPs per parameter per token; 4 with frozen weights); NVIDIA datasheets',
  ),
  result(
    'memoryGb',
    'GPU memory (GB)',
    'gb',
    memory(m('weightBytes'), m('trainable'), m('stateBytes')),
    'params x bytes per param x (1 + overhead)',
    'ZeRO (Rajbhandari et al.), LoRA (Hu et al.), QLoRA (Dettmers et al.)',
  ),
  result(
    'trainingCost',
    'GPU cost of the training run',
    'usd',
    E.mul(m('trainingHours'), m('price')),
    'hours x $ per GPU-hour',
  ),
]);

export const MONTHLY = lazy((): readonly Metric[] => [
  // A retrain every n months: one training run and a data refresh, spread over them.
  result(
    'retrainMonthly',
    'Retraining per month',
    'usd',
    E.if(
      E.gt(num('retrainEveryMonths'), 0),
      E.div(E.add(m('trainingCost'), num('dataRefreshCost')), num('retrainEveryMonths')),
      0,
    ),
    '(training run + data refresh) / months between retrains',
  ),
  result(
    'apiCostPerRequest',
    'API cost per request',
    'usdPrice',
    costPerRequestOf(
      num('inputTokensPerRequest'),
      num('outputTokensPerRequest'),
      m('apiIn'),
      m('apiOut'),
    ),
    'tokens / 1000 x $ per 1K',
  ),
  result(
    'monthlyApi',
    'API cost per month',
    'usd',
    E.mul(num('requestsPerMonth'), m('apiCostPerRequest')),
    'requests x cost per request',
  ),
  result(
    'monthlyFixed',
    'Fine-tuned fixed costs per month',
    'usd',
    E.add(
      num('finetunedMonthlyHosting'),
      E.add(E.mul(num('monitoringHoursPerMonth'), num('engineeringRate')), m('retrainMonthly')),
    ),
    'hosting + monitoring hours x rate + retrains spread by month',
  ),
  result(
    'monthlyFinetuned',
    'Fine-tuned cost per month',
    'usd',
    E.add(E.mul(num('requestsPerMonth'), num('finetunedCostPerRequest')), m('monthlyFixed')),
    'requests x inference cost + fixed costs',
  ),
  result(
    'monthlySavings',
    'Monthly savings',
    'usd',
    E.sub(m('monthlyApi'), m('monthlyFinetuned')),
    'API - fine-tuned',
  ),
]);

/** The up-front items in the order the sheet lists them; their total is a sum over them. */
export const UPFRONT_ITEMS = lazy((): readonly Metric[] => [
  result('upfront.training', 'Final training run (GPU)', 'usd', m('trainingCost')),
  result(
    'upfront.experiments',
    'Experiment runs (GPU)',
    'usd',
    E.mul(num('experimentRuns'), m('trainingCost')),
  ),
  result('upfront.collection', 'Data collection', 'usd', num('dataCollectionCost')),
  result(
    'upfront.labeling',
    'Labeling (hours x rate)',
    'usd',
    E.mul(num('labelingHours'), num('labelingRate')),
  ),
  result('upfront.cleaning', 'Cleaning and formatting', 'usd', num('cleaningCost')),
  result(
    'upfront.engineering',
    'Experimentation engineering (hours x rate)',
    'usd',
    E.mul(num('engineeringHours'), num('engineeringRate')),
  ),
  result('upfront.deployment', 'Deployment and monitoring setup', 'usd', num('deploymentCost')),
  result('upfront.hardware', 'Hardware', 'usd', num('hardwareCost')),
]);
export const UPFRONT_TABLE = 'upfront';

export const UPFRONT_TOTAL = lazy((): Metric =>
  result(
    'upfront',
    'Total up-front',
    'usd',
    E.sum(E.column(UPFRONT_TABLE, 'amount')),
    'sum of the items above',
  ),
);

/** ROI after some months: savings x months - up-front. */
export const roiAt = (months: Expr): Expr =>
  E.sub(E.mul(m('monthlySavings'), months), m('upfront'));

const volumeNote = (): Expr =>
  E.if(
    E.lt(num('requestsPerMonth'), ARTICLE_VOLUME.apiBelow),
    " The volume is under the article's 50K requests/month API threshold.",
    E.if(
      E.gt(num('requestsPerMonth'), ARTICLE_VOLUME.fineTuneAbove),
      " The volume is over the article's 100K requests/month fine-tuning threshold.",
      '',
    ),
  );

const breakEven = (): Expr => m('breakEven');

/** When the model does not fit one GPU: how many it takes, and the hours on the clock. */
const gpusNote = (): Expr =>
  E.if(
    E.gt(m('gpusNeeded'), 1),
    E.concat(
      ' Training needs ',
      m('gpusNeeded'),
      ' GPUs (',
      E.round(m('memoryGb'), 0),
      ' GB of memory): ',
      E.round(m('wallClockHours'), 1),
      ' hours on the clock.',
    ),
    '',
  );
const horizon = (): Expr => num('horizonMonths');
const monthsShown = (): Expr => E.round(breakEven(), 1);

/** The one-line decision: break-even against the horizon, volume against the article's thresholds. */
export const VERDICT = lazy((): Metric =>
  metric(
    'verdict',
    'Verdict',
    'text',
    E.if(
      E.ne(m('problem'), ''),
      m('problem'),
      E.concat(
        E.if(
          paysBackOf(breakEven(), horizon()),
          E.concat(
            'Fine-tune: it pays back in ',
            monthsShown(),
            ' months, within the ',
            horizon(),
            '-month horizon.',
          ),
          E.if(
            E.eq(breakEven(), NEVER_TEXT),
            'Keep the API: the fine-tuned model costs as much as the API each month, so it never pays back.',
            E.concat(
              'Keep the API: break-even takes ',
              monthsShown(),
              ' months, beyond the ',
              horizon(),
              '-month horizon.',
            ),
          ),
        ),
        volumeNote(),
        gpusNote(),
        availabilityNote(),
      ),
    ),
  ),
);

export const DECISION = lazy((): readonly Metric[] => [
  result(
    'breakEven',
    'Break-even (months)',
    'months',
    breakEvenOf(m('upfront'), m('monthlySavings')),
    'up-front / monthly savings; never without savings',
  ),
  result('roi12', 'ROI at 12 months', 'usd', roiAt(E.literal(12)), 'savings x months - up-front'),
  result('roi24', 'ROI at 24 months', 'usd', roiAt(E.literal(24))),
  result('roi36', 'ROI at 36 months', 'usd', roiAt(E.literal(36))),
  result('roiHorizon', 'ROI at the horizon', 'usd', roiAt(horizon())),
]);

/** The article's ±30% on training times: the band, the sensitivity's and the cases' spread. */
export const trainingTimeSpread = (): Expr =>
  E.constant(
    'trainingTimeSpread',
    TRAINING_TIME_SPREAD,
    "the article: training times 'may vary ±30%'",
  );

/** Break-even with the GPU items of the up-front cost at an end of the band (a multiplier). */
const breakEvenWith = (band: string): Expr =>
  breakEvenOf(
    E.add(
      m('upfront'),
      E.mul(E.sub(m(band), 1), E.add(m('upfront.training'), m('upfront.experiments'))),
    ),
    m('monthlySavings'),
  );

/**
 * An end of the training-time band, as a multiplier of the estimate: the runs' lowest (or
 * highest) measured / estimated over the fit's factor, else the article's 1 -/+ 30%.
 */
const bandEnd = (end: 'Low' | 'High', word: string, ratio: string, sign: 1 | -1): Metric =>
  result(
    `trainingBand${end}`,
    `Training time band, ${word} (x the estimate)`,
    'factor',
    E.if(
      E.eq(m('bandFromRuns'), 'yes'),
      E.div(m(ratio), m(CALIBRATION.factor)),
      E.add(1, E.mul(sign, trainingTimeSpread())),
    ),
    `${word}est measured / estimated / the factor, else the article's ${sign < 0 ? '-' : '+'}30%`,
  );

/** From this many applicable runs on, their spread replaces the article's ±30%. */
export const BAND_MIN_RUNS = 3;

/** One month's discount factor d = (1 + annual rate)^(1/12): flows come at each month's end. */
export const monthlyDiscountOf = (rate: Expr): Expr =>
  E.pow(E.add(1, rate), E.div(1, MONTHS_PER_YEAR));

/** The ratio q = (1 + g) / d of one month's discounted saving to the month before's. */
export const savingsRatioOf = (growth: Expr, perMonth: Expr): Expr =>
  E.div(E.add(1, growth), perMonth);

/**
 * NPV after `months`: -up-front + the sum over m = 1..months of savings x (1 + g)^(m-1) /
 * (1 + r)^(m/12). A geometric series with ratio q (savingsRatioOf) summed in closed form:
 * savings / d x (q^months - 1) / (q - 1), or savings / d x months when q = 1 (so with
 * g = r = 0 it is the ROI exactly).
 */
export function npvOf(
  upfront: Expr,
  savings: Expr,
  perMonth: Expr,
  ratio: Expr,
  months: Expr,
): Expr {
  return E.sub(E.mul(savings, presentValueOf(perMonth, ratio, months)), upfront);
}

/**
 * What a first month's saving of 1, grown and discounted, is worth today after `months`:
 * (q^months - 1) / (q - 1) / d, or months / d when q = 1.
 */
export const presentValueOf = (perMonth: Expr, ratio: Expr, months: Expr): Expr =>
  E.div(
    E.if(E.eq(ratio, 1), months, E.div(E.sub(E.pow(ratio, months), 1), E.sub(ratio, 1))),
    perMonth,
  );

/**
 * Requests a month that save `savings` after the fixed costs: (savings + fixed) / (API -
 * fine-tuned cost per request); never when a fine-tuned request costs as much or more.
 */
export const requestsForOf = (
  savings: Expr,
  fixed: Expr,
  apiPerRequest: Expr,
  finetunedPerRequest: Expr,
): Expr =>
  E.if(
    E.gt(apiPerRequest, finetunedPerRequest),
    E.div(E.add(savings, fixed), E.sub(apiPerRequest, finetunedPerRequest)),
    NEVER_TEXT,
  );

/** Requests a month that pay the up-front back within `months`, grown and discounted. */
export const requestsToPayBackOf = (
  upfront: Expr,
  months: Expr,
  discount: { readonly perMonth: Expr; readonly ratio: Expr },
  costs: { readonly fixed: Expr; readonly apiPerRequest: Expr; readonly finetunedPerRequest: Expr },
): Expr =>
  requestsForOf(
    E.div(upfront, presentValueOf(discount.perMonth, discount.ratio, months)),
    costs.fixed,
    costs.apiPerRequest,
    costs.finetunedPerRequest,
  );

/**
 * The scenario's requests a month that pay its up-front back within `months`, with its own
 * growth, discount rate and costs: the "What it takes" block's 12 months, and
 * FT_REQUIRED_VOLUME's target (its arguments bound to the same metrics and inputs). The
 * savings are linear in the requests, so the closed form holds with growth and discounting.
 */
export const requestsToPayBackIn = (months: Expr): Expr =>
  requestsToPayBackOf(
    m('upfront'),
    months,
    { perMonth: m('monthlyDiscount'), ratio: m('savingsRatio') },
    {
      fixed: m('monthlyFixed'),
      apiPerRequest: m('apiCostPerRequest'),
      finetunedPerRequest: num('finetunedCostPerRequest'),
    },
  );

/** The article's horizon for fine-tuning ("Your model will run >12 months"): a target payback. */
const TARGET_PAYBACK_MONTHS = (): Expr =>
  E.constant(
    'targetPaybackMonths',
    12,
    "the article: fine-tune if 'your model will run >12 months'",
  );

/**
 * The months n* (not whole) after which the cumulative discounted savings S(n) equal the
 * up-front: with a = savings / d the first month's saving, S(n) = a x (q^n - 1) / (q - 1),
 * so n* = LN(1 + up-front x (q - 1) / a) / LN(q), or up-front / a when q = 1. Never when
 * nothing is saved or the savings converge below the up-front (q < 1).
 */
export function paybackExactOf(upfront: Expr, savings: Expr, perMonth: Expr, ratio: Expr): Expr {
  const first = E.div(savings, perMonth);
  const reach = E.add(1, E.div(E.mul(upfront, E.sub(ratio, 1)), first));
  // The first month's discounted saving, not the saving: a saving of 5e-324 discounted is 0.
  return E.if(
    E.le(first, 0),
    NEVER_TEXT,
    E.if(
      E.eq(ratio, 1),
      E.div(upfront, first),
      E.if(E.le(reach, 0), NEVER_TEXT, E.div(E.ln(reach), E.ln(ratio))),
    ),
  );
}

/**
 * The month the cumulative grown, discounted savings reach the up-front, inside it
 * linearly as a month-by-month count would: (k - 1) + (up-front - S(k - 1)) / month k's
 * saving, where k - 1 = INT(n*) (paybackExactOf). With g = r = 0 it is the break-even
 * exactly, however far; otherwise never past MAX_PAYBACK_MONTHS.
 */
export function paybackOf(
  flows: {
    readonly upfront: Expr;
    readonly savings: Expr;
    readonly growth: Expr;
    readonly rate: Expr;
  },
  perMonth: Expr,
  ratio: Expr,
  exact: Expr,
): Expr {
  const { upfront, savings, growth, rate } = flows;
  const first = E.div(savings, perMonth);
  const whole = E.int(exact);
  const cumulative = E.mul(
    first,
    E.if(E.eq(ratio, 1), whole, E.div(E.sub(E.pow(ratio, whole), 1), E.sub(ratio, 1))),
  );
  return E.if(
    E.le(savings, 0),
    NEVER_TEXT,
    E.if(
      E.and(E.eq(growth, 0), E.eq(rate, 0)),
      E.div(upfront, savings),
      E.if(
        E.or(E.isText(exact), E.gt(exact, MAX_PAYBACK_MONTHS)),
        NEVER_TEXT,
        E.add(whole, E.div(E.sub(upfront, cumulative), E.mul(first, E.pow(ratio, whole)))),
      ),
    ),
  );
}

/** The scenario's own NPV after some months (its discount factor and ratio are cells). */
const baseNpv = (months: Expr): Expr =>
  npvOf(m('upfront'), m('monthlySavings'), m('monthlyDiscount'), m('savingsRatio'), months);

/** The GPU provider cell read as a $ rate: a number, or text that holds one; a blank is none. */
const rateTyped = (): Expr => E.if(E.eq(input('provider'), ''), E.na(), E.value(input('provider')));

/** A price of the managed service's fine-tuned model, from its inference API row (by name). */
const managedPrice = (field: 'inputPricePer1K' | 'outputPricePer1K'): Expr =>
  E.fieldByName('apis', field, managedApiName());

/** Issue 14: money over time, the GPUs a run needs, the article's ±30%, the volume that pays. */
export const FINANCE = lazy((): readonly Metric[] => [
  result(
    'monthlyDiscount',
    "One month's discount factor",
    'factor',
    monthlyDiscountOf(num('annualDiscountRate')),
    '(1 + annual discount rate)^(1/12)',
  ),
  result(
    'savingsRatio',
    "A month's discounted saving over the last",
    'factor',
    savingsRatioOf(num('monthlyGrowthRate'), m('monthlyDiscount')),
    '(1 + monthly growth) / the discount factor',
  ),
  result(
    'npv',
    'NPV at the horizon',
    'usd',
    baseNpv(horizon()),
    'savings grown, discounted, summed to the horizon, minus up-front',
    // Issue 20: the dates behind it, so the NPV can be checked with XNPV.
    "month 0 (the up-front) on the Start date, month k's saving on EDATE(start, k) (monthly flows at month ends), each discounted by (1 + rate)^(k/12); XNPV over the timeline's dates differs only by months of 28 to 31 days against a 12th of a year",
  ),
  result(
    'paybackExact',
    'Months the discounted savings take to match the up-front',
    'months',
    paybackExactOf(m('upfront'), m('monthlySavings'), m('monthlyDiscount'), m('savingsRatio')),
    'LN(1 + up-front x (ratio - 1) / first saving) / LN(ratio)',
  ),
  result(
    'payback',
    'Discounted payback, any horizon (months)',
    'months',
    paybackOf(
      {
        upfront: m('upfront'),
        savings: m('monthlySavings'),
        growth: num('monthlyGrowthRate'),
        rate: num('annualDiscountRate'),
      },
      m('monthlyDiscount'),
      m('savingsRatio'),
      m('paybackExact'),
    ),
    'the month the grown, discounted savings reach the up-front, within it linearly',
  ),
  result(
    'discountedPayback',
    'Discounted payback (months)',
    'months',
    E.if(
      E.isNumber(m('payback')),
      E.if(E.gt(m('payback'), horizon()), 'beyond the horizon', m('payback')),
      m('payback'),
    ),
    'the payback above, or beyond the horizon',
  ),
  result(
    'gpusNeeded',
    'GPUs needed (memory)',
    'count',
    E.max(1, E.roundUp(E.div(m('memoryGb'), m('gpuMemory')), 0)),
    "memory / the GPU's memory, rounded up",
  ),
  result(
    'wallClockHours',
    'Wall-clock hours on them',
    'hours',
    E.div(m('trainingHours'), m('gpusNeeded')),
    'GPU-hours / GPUs (the cost stays GPU-hours x price)',
  ),
  // Issue 19: calibrated on 3 or more runs, the band is their measured spread.
  result(
    'bandFromRuns',
    'Band from the measured runs',
    'text',
    E.if(
      E.and(E.eq(m('hoursSource'), 'calibrated'), E.ge(m(CALIBRATION.runs), BAND_MIN_RUNS)),
      'yes',
      'no',
    ),
    `calibrated on ${BAND_MIN_RUNS} or more runs`,
  ),
  bandEnd('Low', 'low', CALIBRATION.minRatio, -1),
  bandEnd('High', 'high', CALIBRATION.maxRatio, 1),
  result(
    'trainingBandNote',
    'Uncertainty band',
    'text',
    E.if(
      E.eq(m('bandFromRuns'), 'yes'),
      E.concat(
        'the measured spread of ',
        m(CALIBRATION.runs),
        ' runs: x',
        E.round(m('trainingBandLow'), 2),
        ' to x',
        E.round(m('trainingBandHigh'), 2),
      ),
      "the article's ±30%",
    ),
  ),
  result(
    'trainingCostLow',
    'Training cost, low end of the band',
    'usd',
    E.mul(m('trainingCost'), m('trainingBandLow')),
    "the article: times 'may vary ±30%'; or the runs' spread",
  ),
  result(
    'trainingCostHigh',
    'Training cost, high end of the band',
    'usd',
    E.mul(m('trainingCost'), m('trainingBandHigh')),
  ),
  result(
    'breakEvenLow',
    'Break-even at the low end of GPU time',
    'months',
    breakEvenWith('trainingBandLow'),
  ),
  result(
    'breakEvenHigh',
    'Break-even at the high end of GPU time',
    'months',
    breakEvenWith('trainingBandHigh'),
  ),
  result(
    'managedTrainingCost',
    'Managed fine-tuning: training cost',
    'usd',
    ifManagedPriced(managedTrainingOf()),
    "training tokens / 1M x the bracket's $ per 1M, at least its minimum charge",
  ),
  result(
    'managedMonthly',
    'Managed fine-tuning: cost per month',
    'usd',
    ifManagedServed(
      E.add(
        E.mul(
          num('requestsPerMonth'),
          costPerRequestOf(
            num('inputTokensPerRequest'),
            num('outputTokensPerRequest'),
            managedPrice('inputPricePer1K'),
            managedPrice('outputPricePer1K'),
          ),
        ),
        E.field('managed', 'hostingPerMonth', m('managedPriceRow')),
      ),
    ),
    "requests x its fine-tuned model's API prices + its hosting fee",
  ),
  result(
    'managedUpfront',
    'Managed fine-tuning: up-front',
    'usd',
    ifManagedPriced(
      E.add(
        m('managedTrainingCost'),
        E.sub(
          m('upfront'),
          E.add(E.add(m('upfront.training'), m('upfront.experiments')), m('upfront.hardware')),
        ),
      ),
    ),
    'its training + the up-front items but GPU runs and hardware',
  ),
  result(
    'managedBreakEven',
    'Managed fine-tuning: break-even (months)',
    'months',
    ifManagedServed(breakEvenOf(m('managedUpfront'), E.sub(m('monthlyApi'), m('managedMonthly')))),
    'its up-front / (API - its monthly cost)',
  ),
  result(
    'breakEvenRequests',
    'Requests a month to break even in the horizon',
    'count',
    requestsForOf(
      E.div(m('upfront'), horizon()),
      m('monthlyFixed'),
      m('apiCostPerRequest'),
      num('finetunedCostPerRequest'),
    ),
    '(up-front / horizon + fixed costs) / (API - fine-tuned per request)',
  ),
  // Issue 21, goal seek in closed form: what volume, API price and up-front it takes.
  result(
    'requestsFor12Months',
    'Requests a month for a 12-month discounted payback',
    'count',
    requestsToPayBackIn(TARGET_PAYBACK_MONTHS()),
    "(up-front / the 12 months' grown, discounted value of a saving of 1 + fixed costs) / (API - fine-tuned per request)",
  ),
  result(
    'apiCostFloor',
    'API cost per request below which fine-tuning never pays',
    'usdPrice',
    E.if(
      E.gt(num('requestsPerMonth'), 0),
      E.add(num('finetunedCostPerRequest'), E.div(m('monthlyFixed'), num('requestsPerMonth'))),
      NEVER_TEXT,
    ),
    'fine-tuned cost per request + fixed costs / requests: where the monthly savings are 0',
  ),
  result(
    'maxUpfront',
    'Largest up-front that pays back within the horizon',
    'usd',
    E.if(
      E.gt(m('monthlySavings'), 0),
      E.mul(
        m('monthlySavings'),
        presentValueOf(m('monthlyDiscount'), m('savingsRatio'), horizon()),
      ),
      0,
    ),
    "monthly savings x the horizon's grown, discounted value of a saving of 1 (NPV 0 at the horizon)",
  ),
]);

/** The sheet's headline: what the scenario compares, from the inputs as typed. */
export const TITLE = lazy((): Metric =>
  metric(
    'title',
    'Title',
    'text',
    E.concat(
      'Fine-tuning scenario: ',
      input('model'),
      ', ',
      input('method'),
      ', ',
      input('examples'),
      ' examples on ',
      input('provider'),
      ' vs ',
      input('api'),
    ),
  ),
);

// ---- Tables (one row per month or catalog row; formulas refer to their own row) -----------

export interface TableColumn extends Metric {
  /** The column's header in the sheet. */
  readonly header: string;
  /** The first row's own definition, where it differs (a literal is written as a value). */
  readonly first?: Expr;
}

const column = (
  name: string,
  header: string,
  format: MetricFormat,
  expr: Expr,
  first?: Expr,
): TableColumn => ({
  ...result(name, header, format, expr),
  header,
  ...(first ? { first } : {}),
});

/** Month 0..horizon: cumulative API, cumulative fine-tuned and their difference. */
export const TIMELINE = lazy((): readonly TableColumn[] => [
  column('month', 'Month', 'count', E.add(E.above('month'), 1), E.literal(0)),
  column('cumulativeApi', 'Cumulative API', 'usd', E.mul(m('monthlyApi'), E.cell('month'))),
  column(
    'cumulativeFinetuned',
    'Cumulative fine-tuned',
    'usd',
    E.add(m('upfront'), E.mul(m('monthlyFinetuned'), E.cell('month'))),
  ),
  column(
    'cumulativeManaged',
    'Cumulative managed',
    'usd',
    ifManagedServed(E.add(m('managedUpfront'), E.mul(m('managedMonthly'), E.cell('month')))),
  ),
  column(
    'savings',
    'Savings (ROI)',
    'usd',
    E.sub(E.cell('cumulativeApi'), E.cell('cumulativeFinetuned')),
  ),
  // Issue 14: the ROI with volume growth and the cost of money: the NPV at each month.
  column('discountedRoi', 'Discounted ROI (growth, discount)', 'usd', baseNpv(E.cell('month'))),
  // Issue 20: the day each month's flows fall on (month 0: the start date), so a date in
  // the catalog lands on a row. Last, so the cumulative chart keeps its five columns.
  column('date', 'Month ends on', 'date', E.edate(dayOf('startDate'), E.cell('month'))),
]);

/**
 * A table row's hours as the input Hours from picks them: the article's rule, or
 * compute-bound at the MFU in the row's own 'mfu' cell (the input's, or calibrated on the
 * row's GPU and method), so every table follows the figure above it.
 */
const hoursAsChosenOf = (rule: Expr, computeBoundAt: (mfu: Expr) => Expr, mfu: Expr): Expr =>
  E.if(E.eq(m('hoursSource'), 'rule'), rule, computeBoundAt(mfu));

/** A row's MFU: blank by the rule, the input compute-bound, else calibrated (`calibrated`). */
const rowMfuOf = (calibrated: Expr): Expr =>
  E.if(
    E.eq(m('hoursSource'), 'rule'),
    '',
    E.if(E.eq(m('hoursSource'), 'compute-bound'), num('mfu'), calibrated),
  );

/** The header of a table's hours: they follow the input Hours from. */
export const TABLE_HOURS_HEADER = 'Hours (as Hours from)';

/** A table row's runs columns: its own GPU or method as the runs key it, and its runs. */
const runsKeyColumn = (what: string, name: Expr): TableColumn =>
  column('runsKey', `${what} as the runs key it`, 'text', E.read('nameKey', name));

/** One row per catalog provider (its name in the key cell): this model, method and data. */
export const PROVIDERS = lazy((): readonly TableColumn[] => {
  // The runs of this row's GPU and the scenario's method; without any, the method's fit.
  const here = [
    { range: RUN_KEYS.gpu, equals: E.cell('runsKey') },
    { range: RUN_KEYS.method, equals: m(CALIBRATION.methodKey) },
  ];
  return [
    column('cost', 'Training cost', 'usd', E.mul(E.cell('hours'), E.cell('price'))),
    column(
      'hours',
      TABLE_HOURS_HEADER,
      'hours',
      hoursAsChosenOf(
        E.div(m('h100Hours'), E.cell('speed')),
        (mfu) =>
          computeBoundOf(
            m('flops'),
            m('params'),
            m('trainingTokens'),
            E.fieldByName('gpus', 'peakTflopsBf16', E.cell('gpu')),
            mfu,
          ),
        E.cell('mfu'),
      ),
    ),
    column(
      'price',
      '$ per GPU-hour',
      'usd',
      E.fieldByName('providers', 'pricePerGpuHour', E.cell('key')),
    ),
    // The GPU row's own name, as the engine shows it (the provider row may say "a-100").
    column(
      'gpu',
      'GPU',
      'text',
      E.fieldByName('gpus', 'name', E.fieldByName('providers', 'gpu', E.cell('key'))),
    ),
    column('speed', 'Speed vs H100', 'factor', E.fieldByName('gpus', 'speedVsH100', E.cell('gpu'))),
    column(
      'mfu',
      'MFU of the hours',
      'ratio',
      rowMfuOf(calibratedMfuOf([{ where: here, n: E.cell('runs') }], m(CALIBRATION.methodMfu))),
    ),
    column('runs', 'Runs on this GPU and method', 'count', runsMatching(here)),
    runsKeyColumn('GPU', E.cell('gpu')),
  ];
});

/** One row per catalog method: this model, data and provider. */
export const METHODS = lazy((): readonly TableColumn[] => {
  const flops = E.fieldByName('methods', 'flopsPerParamToken', E.cell('key'));
  // The runs of the scenario's GPU and this row's method, else of the method, else all.
  const ofMethod = [{ range: RUN_KEYS.method, equals: E.cell('runsKey') }];
  const here = [{ range: RUN_KEYS.gpu, equals: m(CALIBRATION.gpuKey) }, ...ofMethod];
  return [
    column(
      'hours',
      TABLE_HOURS_HEADER,
      'hours',
      hoursAsChosenOf(
        E.div(
          ruleHours(
            num('examples'),
            m('scale'),
            E.fieldByName('methods', 'timeFactor', E.cell('key')),
          ),
          m('speed'),
        ),
        (mfu) => computeBoundOf(flops, m('params'), m('trainingTokens'), m('peak'), mfu),
        E.cell('mfu'),
      ),
    ),
    column('cost', 'Training cost', 'usd', E.mul(E.cell('hours'), m('price'))),
    column(
      'memoryGb',
      'Memory (GB)',
      'gb',
      memory(
        E.fieldByName('methods', 'weightBytesPerParam', E.cell('key')),
        E.fieldByName('methods', 'trainableFraction', E.cell('key')),
        E.fieldByName('methods', 'stateBytesPerTrainableParam', E.cell('key')),
      ),
    ),
    column('computeBoundHours', 'Compute-bound hours (MFU input)', 'hours', computeBound(flops)),
    column(
      'mfu',
      'MFU of the hours',
      'ratio',
      rowMfuOf(
        calibratedMfuOf(
          [
            { where: here, n: E.cell('runs') },
            { where: ofMethod, n: E.cell('methodRuns') },
          ],
          m(CALIBRATION.allMfu),
        ),
      ),
    ),
    column('runs', 'Runs on this GPU and method', 'count', runsMatching(here)),
    column('methodRuns', 'Runs of this method (any GPU)', 'count', runsMatching(ofMethod)),
    runsKeyColumn('Method', E.cell('key')),
  ];
});

/**
 * The matrix's columns for one dataset size: hours, then cost (the size is its header cell).
 * Calibration is per GPU and method, the scenario's own for every model: compute-bound
 * hours use the scenario's MFU (the input's, or calibrated).
 */
export const matrixColumns = lazy((): { hours: TableColumn[]; cost: TableColumn[] } => {
  const mfu = E.if(E.eq(m('hoursSource'), 'compute-bound'), num('mfu'), m(CALIBRATION.mfu));
  const hours = MATRIX_DATASET_SIZES.map((_, i) =>
    column(
      `hours${i}`,
      '',
      'hours',
      hoursAsChosenOf(
        E.div(
          ruleHours(
            E.metric(`size${i}`),
            E.fieldByName('models', 'scale', E.cell('key')),
            m('timeFactor'),
          ),
          m('speed'),
        ),
        (at) =>
          computeBoundOf(
            m('flops'),
            E.fieldByName('models', 'paramsBillions', E.cell('key')),
            E.mul(E.mul(E.metric(`size${i}`), num('tokensPerExample')), num('epochs')),
            m('peak'),
            at,
          ),
        mfu,
      ),
    ),
  );
  const cost = MATRIX_DATASET_SIZES.map((_, i) =>
    column(`cost${i}`, '', 'usd', E.mul(E.cell(`hours${i}`), m('price'))),
  );
  return { hours, cost };
});

/** Every single-cell metric of a scenario, in evaluation-independent order. */
export function scenarioMetrics(ladderRows: number): Metric[] {
  return [
    ...lookupMetrics(ladderRows),
    ...TRAINING(),
    ...MONTHLY(),
    ...UPFRONT_ITEMS(),
    UPFRONT_TOTAL(),
    ...DECISION(),
    ...FINANCE(),
    VERDICT(),
    PROBLEM(),
    TITLE(),
  ];
}

// ---- Owning a GPU instead of renting (the article's on-premise section) -------------------

/** Rented GPU-hours that cost as much as owning: (purchase + yearly running x years) / rent. */
export const onPremBreakEvenHoursOf = (
  purchase: Expr,
  hourlyRent: Expr,
  yearlyRunning: Expr,
  years: Expr,
): Expr => E.div(E.add(purchase, E.mul(yearlyRunning, years)), hourlyRent);

/** What owning costs a year: the purchase spread over the years, plus the yearly running cost. */
export const ownershipCostPerYearOf = (purchase: Expr, yearlyRunning: Expr, years: Expr): Expr =>
  E.add(E.div(purchase, years), yearlyRunning);

/** Buying a GPU against renting one: FT_ONPREM_BREAKEVEN and the audit (not on the scenario sheet). */
export const OWNERSHIP = lazy((): readonly Metric[] => [
  metric(
    'onPremBreakEvenHours',
    'Buy vs rent (GPU-hours)',
    'hours',
    onPremBreakEvenHoursOf(m('purchase'), m('hourlyRent'), m('yearlyRunning'), m('years')),
    '(purchase + yearly running cost x years) / rent per hour',
    'the article: 20,000 / 2.49 = 8,032 h',
  ),
  metric(
    'ownershipCostPerYear',
    'Owning a GPU, per year',
    'usd',
    ownershipCostPerYearOf(m('purchase'), m('yearlyRunning'), m('years')),
    'purchase / years + yearly running cost',
  ),
]);
