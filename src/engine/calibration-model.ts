// The calibration on measured runs (issue 19), written once as definitions of the expression
// layer: the engine evaluates them (calibration.ts, the scenario evaluation) and the sheet
// renders them as formulas (the catalog sheet's run columns, the scenario's calibration
// cells), so a run typed into the catalog moves the sheet and the engine alike.
//
// Per run (a row of the catalog's "Measured runs" table): the compute-bound estimate at the
// default MFU, and ln(measured GPU-hours / estimate). Per GPU and method: the runs of that
// GPU and method, else of that method, else all runs, else none (the default). The fit is
// the mean of the logs (so a run twice as slow and one twice as fast cancel), with the
// highest and the lowest left out from 4 runs on: one odd run (a mistyped hour, a run that
// waited on a queue) cannot move the factor far. That trimmed mean replaces the first
// rule (the run furthest from the median left out), which a sheet cannot compute with the
// functions Sheets and HyperFormula share short of array formulas per level.
import { E } from './expr';
import type { Expr } from './expr';
import { DEFAULT_SCENARIO } from './scenario-input';
import type { Metric } from './scenario-model';
import { computeBoundOf } from './scenario-model';

/** The table of runs: its columns are cells of a catalog row (inputs) or run metrics. */
export const RUNS = 'runs';

/** The MFU the compute-bound estimate assumes when none is given (the scenario's default). */
export const DEFAULT_MFU = DEFAULT_SCENARIO.mfu;

/** From this many runs on, the highest and the lowest ratio are left out of the fit. */
export const TRIM_MIN_RUNS = 4;

/** A run's cells as typed, by the catalog table's column (catalog-sheet.ts lays them out). */
export type RunCell =
  | 'model'
  | 'method'
  | 'gpu'
  | 'tokens'
  | 'examples'
  | 'tokensPerExample'
  | 'epochs'
  | 'gpus'
  | 'hours';

const c = (name: string): Expr => E.cell(name);
/** A name cell looked up: blank is no name (a blank MATCH key could find a blank key). */
const named = (cell: RunCell, found: Expr): Expr => E.if(E.eq(c(cell), ''), E.na(), found);

/** A number cell: blank is no number (#N/A: LibreOffice's VALUE reads a blank as 0). */
const numberIn = (cell: RunCell): Expr => E.if(E.eq(c(cell), ''), E.na(), E.value(c(cell)));

/** One computed column of the runs table. */
export interface RunColumn {
  readonly name: string;
  readonly header: string;
  readonly expr: Expr;
}

/**
 * The runs table's computed columns, each from the run's cells and the columns before it.
 * A run is usable when its logRatio is a number; its keys are blank otherwise, so the
 * counts below count usable runs only.
 */
export const RUN_COLUMNS = (): readonly RunColumn[] =>
  (runColumns ??= checkedOrder([
    { name: 'sizeWord', header: 'Model as a size', expr: E.read('sizeWord', c('model')) },
    {
      name: 'params',
      header: 'Parameters (billions)',
      expr: named(
        'model',
        E.iferror(
          E.fieldByName('models', 'paramsBillions', c('model')),
          E.read('digits', c('sizeWord')),
        ),
      ),
    },
    {
      name: 'flops',
      header: 'FLOPs per parameter per token',
      expr: named('method', E.fieldByName('methods', 'flopsPerParamToken', c('method'))),
    },
    {
      name: 'gpuName',
      header: 'GPU',
      // A GPU of the catalog, or a provider (its GPU).
      expr: named(
        'gpu',
        E.iferror(
          E.fieldByName('gpus', 'name', c('gpu')),
          E.fieldByName('gpus', 'name', E.fieldByName('providers', 'gpu', c('gpu'))),
        ),
      ),
    },
    {
      name: 'peak',
      header: 'Peak TFLOPS',
      expr: E.fieldByName('gpus', 'peakTflopsBf16', c('gpuName')),
    },
    {
      name: 'runTokens',
      header: 'Training tokens',
      expr: E.if(
        E.eq(c('tokens'), ''),
        E.mul(
          E.mul(numberIn('examples'), numberIn('tokensPerExample')),
          E.if(E.eq(c('epochs'), ''), 1, E.value(c('epochs'))),
        ),
        E.value(c('tokens')),
      ),
    },
    {
      name: 'gpuCount',
      header: 'GPUs',
      expr: E.if(E.eq(c('gpus'), ''), 1, E.value(c('gpus'))),
    },
    {
      name: 'logRatio',
      header: 'ln(measured / estimated)',
      expr: E.iferror(
        E.if(
          E.and(
            E.gt(c('params'), 0),
            E.gt(c('runTokens'), 0),
            E.gt(c('gpuCount'), 0),
            E.gt(numberIn('hours'), 0),
          ),
          E.ln(
            E.div(
              E.mul(numberIn('hours'), c('gpuCount')),
              computeBoundOf(c('flops'), c('params'), c('runTokens'), c('peak'), DEFAULT_MFU),
            ),
          ),
          '',
        ),
        '',
      ),
    },
    {
      name: 'gpuKey',
      header: 'GPU key',
      expr: E.if(E.isNumber(c('logRatio')), E.read('nameKey', c('gpuName')), ''),
    },
    {
      name: 'methodKey',
      header: 'Method key',
      expr: E.if(
        E.isNumber(c('logRatio')),
        E.read('nameKey', E.fieldByName('methods', 'name', c('method'))),
        '',
      ),
    },
  ]));
let runColumns: readonly RunColumn[] | undefined;

/** The computed columns' names in order: the catalog sheet's layout, known without building them. */
export const RUN_COLUMN_NAMES: readonly string[] = [
  'sizeWord',
  'params',
  'flops',
  'gpuName',
  'peak',
  'runTokens',
  'gpuCount',
  'logRatio',
  'gpuKey',
  'methodKey',
];

/** The columns in RUN_COLUMN_NAMES's order, each blank in a row whose model cell is blank. */
function checkedOrder(columns: readonly RunColumn[]): readonly RunColumn[] {
  if (columns.map((column) => column.name).join() !== RUN_COLUMN_NAMES.join()) {
    throw new Error('calibration model: RUN_COLUMN_NAMES is not the order of RUN_COLUMNS');
  }
  return columns.map((column) => ({
    ...column,
    expr: E.if(E.eq(c('model'), ''), '', column.expr),
  }));
}

/** The names of the calibration's metrics, for the scenario, FT_CALIBRATION and a simulation. */
export const CALIBRATION = {
  level: 'calibrationLevel',
  runs: 'calibrationRuns',
  factor: 'calibrationFactor',
  mfu: 'calibratedMfu',
  /** The MFU of the levels below GPU and method (a table row's fallbacks). */
  methodMfu: 'calibration.methodMfu',
  allMfu: 'calibration.allMfu',
  /** This GPU's and method's runs keys (a table row matches one of them with its own). */
  gpuKey: 'calibration.gpuKey',
  methodKey: 'calibration.methodKey',
  /** The smallest and largest measured ÷ estimated ratio (at the default MFU) of the runs used. */
  minRatio: 'calibrationMinRatio',
  maxRatio: 'calibrationMaxRatio',
  note: 'calibrationNote',
} as const;

const m = E.metric;
const column = (name: string): Expr => E.column(RUNS, name);

/**
 * The fit's mean of ln(measured / estimated) over `n` runs given their sum, lowest and
 * highest: from TRIM_MIN_RUNS runs on, the highest and the lowest are left out.
 */
const trimmedMeanOf = (sum: Expr, min: Expr, max: Expr, n: Expr): Expr =>
  E.if(E.ge(n, TRIM_MIN_RUNS), E.div(E.sub(E.sub(sum, min), max), E.sub(n, 2)), E.div(sum, n));

/** A level of the fallback: the runs that match `where` (a GPU and a method, a method, all), `n` of them. */
export interface FitLevel {
  readonly where: readonly { readonly range: Expr; readonly equals: Expr }[];
  readonly n: Expr;
}

/** The runs key columns a level matches: the GPU's and the method's (as E.read('nameKey') keys them). */
export const RUN_KEYS = { gpu: column('gpuKey'), method: column('methodKey') } as const;

/**
 * The calibrated MFU over levels tried in order (the first with runs), else `fallback`:
 * DEFAULT_MFU / EXP(the level's trimmed mean log ratio). The scenario's fallbacks and each
 * row of its provider and method tables (a GPU or a method of their own) are this one fit.
 */
export function calibratedMfuOf(levels: readonly FitLevel[], fallback: Expr): Expr {
  return levels.reduceRight<Expr>((otherwise, { where, n }) => {
    const at = (fn: 'SUM' | 'MIN' | 'MAX'): Expr => E.aggregate(fn, column('logRatio'), where);
    const mean = trimmedMeanOf(at('SUM'), at('MIN'), at('MAX'), n);
    return E.if(E.gt(n, 0), E.div(DEFAULT_MFU, E.exp(mean)), otherwise);
  }, fallback);
}

/** Runs that match a level's conditions (0 when a key is not a name: a blank row of a table). */
export const runsMatching = (where: FitLevel['where']): Expr =>
  E.iferror(E.aggregate('COUNT', column('logRatio'), where), 0);

/**
 * The calibration for a GPU and a method, given as their name keys (the key a catalog
 * name reads as, E.read('nameKey')): the level, the runs at it, the fit and the spread.
 * `gpuLabel` and `methodLabel` name them in the note.
 */
export function calibrationMetrics(
  keys: { readonly gpu: Expr; readonly method: Expr },
  labels: { readonly gpu: Expr; readonly method: Expr },
): Metric[] {
  const gpuKey = m(CALIBRATION.gpuKey);
  const methodKey = m(CALIBRATION.methodKey);
  const gpuAndMethod = [
    { range: RUN_KEYS.gpu, equals: gpuKey },
    { range: RUN_KEYS.method, equals: methodKey },
  ];
  const sameMethod = [{ range: RUN_KEYS.method, equals: methodKey }];
  const atLevel = (fn: 'SUM' | 'MIN' | 'MAX'): Expr =>
    E.if(
      E.gt(m('calibration.gpuAndMethod'), 0),
      E.aggregate(fn, column('logRatio'), gpuAndMethod),
      E.if(
        E.gt(m('calibration.method'), 0),
        E.aggregate(fn, column('logRatio'), sameMethod),
        E.aggregate(fn, column('logRatio')),
      ),
    );
  const runs = m(CALIBRATION.runs);
  const metric = (
    name: string,
    label: string,
    format: Metric['format'],
    expr: Expr,
    how = '',
  ): Metric => ({
    name,
    label,
    format,
    expr,
    how,
  });
  return [
    metric(CALIBRATION.gpuKey, 'GPU as the runs key it', 'text', keys.gpu),
    metric(CALIBRATION.methodKey, 'Method as the runs key it', 'text', keys.method),
    metric(
      'calibration.gpuAndMethod',
      'Measured runs on this GPU and method',
      'count',
      runsMatching(gpuAndMethod),
    ),
    metric('calibration.method', 'Measured runs of this method', 'count', runsMatching(sameMethod)),
    metric(
      'calibration.all',
      'Measured runs in all',
      'count',
      E.aggregate('COUNT', column('logRatio')),
    ),
    metric(
      CALIBRATION.level,
      'Calibration level',
      'text',
      E.if(
        E.gt(m('calibration.gpuAndMethod'), 0),
        'gpu and method',
        E.if(
          E.gt(m('calibration.method'), 0),
          'method',
          E.if(E.gt(m('calibration.all'), 0), 'all runs', 'default'),
        ),
      ),
      'GPU and method, else method, else all runs, else the default',
    ),
    metric(
      CALIBRATION.runs,
      'Runs the calibration uses',
      'count',
      E.if(
        E.gt(m('calibration.gpuAndMethod'), 0),
        m('calibration.gpuAndMethod'),
        E.if(E.gt(m('calibration.method'), 0), m('calibration.method'), m('calibration.all')),
      ),
    ),
    metric('calibration.sumLog', 'Sum of ln(measured / estimated)', 'factor', atLevel('SUM')),
    metric('calibration.minLog', 'Lowest ln(measured / estimated)', 'factor', atLevel('MIN')),
    metric('calibration.maxLog', 'Highest ln(measured / estimated)', 'factor', atLevel('MAX')),
    metric(
      CALIBRATION.factor,
      'Calibration factor (measured / estimated)',
      'factor',
      E.exp(
        E.if(
          E.eq(runs, 0),
          0,
          trimmedMeanOf(
            m('calibration.sumLog'),
            m('calibration.minLog'),
            m('calibration.maxLog'),
            runs,
          ),
        ),
      ),
      `EXP(mean of the logs; from ${TRIM_MIN_RUNS} runs, the highest and lowest left out)`,
    ),
    metric(
      CALIBRATION.mfu,
      'Calibrated MFU',
      'ratio',
      E.div(DEFAULT_MFU, m(CALIBRATION.factor)),
      `${DEFAULT_MFU} / the factor`,
    ),
    // The fallbacks of a table row whose own GPU (or method) has no runs: the levels below.
    metric(
      CALIBRATION.allMfu,
      'Calibrated MFU on all runs',
      'ratio',
      calibratedMfuOf([{ where: [], n: m('calibration.all') }], E.literal(DEFAULT_MFU)),
      `all runs, else ${DEFAULT_MFU}`,
    ),
    metric(
      CALIBRATION.methodMfu,
      'Calibrated MFU on this method (any GPU)',
      'ratio',
      calibratedMfuOf([{ where: sameMethod, n: m('calibration.method') }], m(CALIBRATION.allMfu)),
      'runs of this method, else all runs, else the default',
    ),
    metric(
      CALIBRATION.minRatio,
      'Lowest measured / estimated',
      'factor',
      E.if(E.eq(runs, 0), '', E.exp(m('calibration.minLog'))),
    ),
    metric(
      CALIBRATION.maxRatio,
      'Highest measured / estimated',
      'factor',
      E.if(E.eq(runs, 0), '', E.exp(m('calibration.maxLog'))),
    ),
    metric(
      CALIBRATION.note,
      'Calibration',
      'text',
      E.if(
        E.eq(runs, 0),
        E.concat('no measured runs: MFU ', DEFAULT_MFU),
        E.concat(
          `calibrated from `,
          runs,
          E.if(E.eq(runs, 1), ' run', ' runs'),
          E.if(
            E.eq(m(CALIBRATION.level), 'gpu and method'),
            E.concat(' on ', labels.gpu, ', ', labels.method),
            E.if(
              E.eq(m(CALIBRATION.level), 'method'),
              E.concat(' of ', labels.method, ' (any GPU)'),
              ' (all GPUs and methods)',
            ),
          ),
        ),
      ),
    ),
  ];
}
