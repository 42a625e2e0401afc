// Fuzzing the FT_* functions of the built bundle with fast-check: 10,000 generated
// argument lists per function (scalars, ranges, junk). Whatever comes in, a function
// returns a finite number, a blank, "never" or a rectangular range of those, or throws
// an Error whose message is the function's own ("FT_X: ...") and no raw JavaScript error.
import fc from 'fast-check';
import { FT_ARITY, FUZZ_RUNS, bundle, callIn, rawJsMarkers, show } from './support';
import type { Outcome } from './support';
import { FT_REQUIRED, FT_TABLES } from '../support/bundle-calls';

// FUZZ_RUNS lives in support.ts (the summary counts it).
const SEED = Number(process.env.FUZZ_SEED ?? 20261129);

const CATALOG_NAMES = [
  'Llama 7B',
  'Llama 13B',
  'Llama 70B',
  'Llama 405B',
  'full',
  'LoRA',
  'QLoRA',
  'H100',
  'A100',
  'AWS on-demand',
  'AWS spot',
  'RunPod on-demand',
  'Lambda Labs',
  'On-premise (amortized)',
  'Claude',
  'GPT-4 fine-tuned',
  'Grok',
];

const HOSTILE_TEXT = [
  '=HYPERLINK("http://evil.example","x")',
  '=1+1',
  '+1',
  '-1',
  '@x',
  '<img src=x onerror=alert(1)>',
  '</td><script>alert(1)</script>',
  'Ll\u0430ma 13B',
  '\uff15\uff10\uff10\uff10\uff10',
  'Llama\u200b13B',
  'Llama\u00a013B',
  '\u0391100',
  'x'.repeat(5000),
  '9'.repeat(400),
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  'undefined',
  'null',
  'TRUE',
  '#N/A',
  '#REF!',
  '#DIV/0!',
  ' #value! ',
  '#NAME?',
  '#',
  '$',
  '%',
  '.',
  ',',
  'e5',
];

const NUMBER_TEXT = [
  '50,000',
  ' 50000 ',
  '5e4',
  '50k',
  '$2.49',
  '35%',
  '150%',
  '1,00',
  '-0',
  '+1',
  '.5',
  '5.',
  '1e999',
  '1e-400',
  '8B',
  '0.5b',
  ' 13 b ',
  '1,000,000.5',
  '$-3',
  '-$3',
];

/** Catalog names as users mistype them: odd case, spaces, hyphens, underscores. */
const mangledName: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(...CATALOG_NAMES),
    fc.constantFrom('same', 'lower', 'upper', 'hyphen', 'underscore', 'spaces', 'nospace'),
  )
  .map(([name, how]) => {
    switch (how) {
      case 'lower':
        return name.toLowerCase();
      case 'upper':
        return name.toUpperCase();
      case 'hyphen':
        return name.replace(/ /g, '-');
      case 'underscore':
        return name.replace(/ /g, '_');
      case 'spaces':
        return `  ${name.replace(/ /g, '   ')} `;
      case 'nospace':
        return name.replace(/ /g, '');
      default:
        return name;
    }
  });

const interestingNumber = fc.constantFrom(
  0,
  -0,
  1,
  -1,
  0.35,
  2.49,
  13,
  50000,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  1e-300,
  Number.MAX_SAFE_INTEGER,
  NaN,
  Infinity,
  -Infinity,
);

/** One cell's worth of anything a sheet (or a broken caller) can pass. */
const cell: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.integer({ min: -10, max: 100000 }), weight: 4 },
  { arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }), weight: 3 },
  { arbitrary: fc.double(), weight: 2 },
  { arbitrary: interestingNumber, weight: 2 },
  { arbitrary: mangledName, weight: 5 },
  { arbitrary: fc.constantFrom(...NUMBER_TEXT), weight: 2 },
  { arbitrary: fc.double({ noNaN: true }).map(String), weight: 1 },
  { arbitrary: fc.integer().map((n) => n.toLocaleString('en-US')), weight: 1 },
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 2 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 12 }), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: fc.constantFrom<unknown>(null, undefined, '', ' '), weight: 4 },
  {
    // Nested junk no sheet sends, but a script calling the function might.
    arbitrary: fc.constantFrom<unknown>(
      [],
      [[]],
      [[1]],
      [1, [2]],
      {},
      { valueOf: () => 5 },
      Object.create(null),
      () => 1,
    ),
    weight: 1,
  },
);

interface Shape {
  readonly rows: number;
  readonly columns: number;
}

const rangeOf = (shape: Shape): fc.Arbitrary<unknown[][]> =>
  fc.array(fc.array(cell, { minLength: shape.columns, maxLength: shape.columns }), {
    minLength: shape.rows,
    maxLength: shape.rows,
  });

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  rows: fc.integer({ min: 1, max: 5 }),
  columns: fc.integer({ min: 1, max: 3 }),
});

/** An argument: mostly a cell or a range of the call's shape; sometimes a wrong shape or a broken range. */
const argument = (shape: Shape): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: cell, weight: 6 },
    { arbitrary: rangeOf(shape), weight: 3 },
    { arbitrary: shapeArb.chain(rangeOf), weight: 1 },
    {
      arbitrary: fc.constantFrom<unknown>([], [[]], [['a'], ['b', 'c']], [[1, 2], 3]),
      weight: 1,
    },
  );

/** What each position of each FT_* function takes, so some calls are plausible. */
type Kind =
  | 'model'
  | 'count'
  | 'money'
  | 'provider'
  | 'method'
  | 'api'
  | 'gpu'
  | 'fraction'
  | 'managed'
  | 'rate'
  | 'inputs'
  | 'figure'
  | 'runs'
  | 'cases';
const KINDS: Readonly<Record<string, readonly Kind[]>> = {
  FT_HOURS: ['model', 'count', 'method'],
  FT_COST: ['model', 'count', 'provider', 'method'],
  FT_BREAKEVEN: ['money', 'money', 'money'],
  FT_API_COST: ['count', 'count', 'count', 'api', 'money'],
  FT_ROI: ['money', 'money', 'count'],
  FT_MEMORY: ['model', 'method'],
  FT_COMPUTE_HOURS: ['model', 'count', 'method', 'gpu', 'fraction'],
  FT_ONPREM_BREAKEVEN: ['money', 'money', 'money', 'count'],
  FT_MANAGED_COST: ['count', 'count', 'count', 'managed', 'model', 'method'],
  FT_NPV: ['money', 'money', 'count', 'rate', 'rate'],
  FT_PAYBACK: ['money', 'money', 'rate', 'rate'],
  FT_REQUIRED_VOLUME: ['money', 'money', 'money', 'count', 'money', 'rate', 'rate'],
  FT_SIMULATE: ['inputs', 'figure', 'fraction', 'runs', 'runs', 'cases'],
  FT_CALIBRATION: ['gpu', 'method'],
};
const PLAUSIBLE: Readonly<Record<Kind, fc.Arbitrary<unknown>>> = {
  model: fc.oneof(mangledName, fc.constantFrom<unknown>(8, '8B', 0.5, 1000)),
  count: fc.oneof(fc.integer({ min: 1, max: 200000 }), fc.constantFrom('50,000', ' 12000 ')),
  money: fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constantFrom('$2.49', '0')),
  provider: fc.constantFrom<unknown>('AWS spot', 'runpod on-demand', 2.49, '$1.99'),
  method: fc.constantFrom<unknown>('LoRA', 'full', 'qlora', '', 0.5),
  api: fc.constantFrom<unknown>('Claude', 'grok', 0.003),
  gpu: fc.constantFrom<unknown>('H100', 'a100', 312, ''),
  fraction: fc.constantFrom<unknown>(0.35, '35%', 1, ''),
  managed: fc.constantFrom<unknown>(
    'OpenAI GPT-4 fine-tuning',
    'openai gpt-4 fine-tuning',
    'Fireworks',
    '',
  ),
  // Monthly growth and annual discount rates: above −100%, so -2 is a message.
  rate: fc.oneof(
    fc.double({ min: -0.99, max: 3, noNaN: true }),
    fc.constantFrom<unknown>('5%', '', 0, -2),
  ),
  // A scenario's Inputs block (label, value): rarely one the model takes, as a computed
  // simulation takes 10,000 runs unless runs says fewer (about 0.1 s in the test's context);
  // test/bundle/simulate.test.ts computes many more.
  inputs: fc.oneof(
    {
      arbitrary: fc.constantFrom<unknown>(
        [['Requests per month', 20000]],
        [
          ['Model', 'llama-7b'],
          ['Training examples', '50,000'],
          ['Monthly volume growth', '5%'],
        ],
      ),
      weight: 1,
    },
    {
      arbitrary: fc.constantFrom<unknown>(
        [['Requests per month', -1]],
        [['Model', 'Llama 9000']],
        [['Horizon (months)', 2.5]],
        [['Colour', 'red']],
        [
          ['API', 'Claude'],
          ['api', 'Grok'],
        ],
        [['Training examples', '#N/A']],
        [['Epochs', 'x', 'extra']],
        'Requests per month',
        [['', 20000]],
        [['Requests per month', '1e999']],
        [['Model FLOPs utilization', 2]],
        [['Method', '']],
        [['GPU provider', 'Nowhere']],
        [['Retrain every (months)', -1]],
        [['Annual discount rate', '-150%']],
        [['Monitoring hours per month', true]],
        [['Hardware bought ($)', new Date(2026, 0, 1)]],
        [['Labeling hours', '=1+1']],
        [['Horizon (months)', 601]],
        [['Epochs', 0]],
      ),
      weight: 60,
    },
  ),
  figure: fc.constantFrom<unknown>('', 'P50 NPV', 'p90 payback', 'chance', 'P75 NPV', 1),
  runs: fc.constantFrom<unknown>(1, 20, 100, '50', 0, 2.5, -1, 200000),
  // The scenario sheet's cases table (a driver's label, then a value per case): good rows,
  // and cells a person may type there (text, a negative count, a rate at -100%, an error).
  cases: fc.constantFrom<unknown>(
    '',
    [['Requests per month', '', 26000, 14000]],
    [['Monthly volume growth', '', '3%', '-2%']],
    [['Requests per month', 'many', 1, 2]],
    [['Requests per month', -5, '', '']],
    [['Annual discount rate', '', '-100%', '']],
    [['Input price ($ per 1K tokens)', '#REF!', '', '']],
    [['Epochs', 1, 2, 3]],
    [['Labeling hours']],
    [
      ['Labeling hours', 1, 2, 3],
      ['labeling hours', 1, 2, 3],
    ],
  ),
};

/**
 * A whole argument list, all sharing one range shape: from one required argument short
 * (the "missing" message) up to the function's arity. A third of the lists are
 * plausible calls (each argument of its kind, or a range of such), so the generator
 * reaches the computing path as well as the refusing ones.
 */
const argumentList = (fn: string, required: number, arity: number): fc.Arbitrary<unknown[]> =>
  shapeArb.chain((shape) =>
    fc.integer({ min: Math.max(0, required - 1), max: arity }).chain((count) =>
      fc.oneof(
        { arbitrary: fc.array(argument(shape), { minLength: count, maxLength: count }), weight: 2 },
        {
          arbitrary: fc.tuple(
            ...KINDS[fn].slice(0, count).map((kind) =>
              fc.oneof(
                PLAUSIBLE[kind],
                fc.array(
                  fc.array(PLAUSIBLE[kind], {
                    minLength: shape.columns,
                    maxLength: shape.columns,
                  }),
                  { minLength: shape.rows, maxLength: shape.rows },
                ),
              ),
            ),
          ),
          weight: 1,
        },
      ),
    ),
  );

const CALIBRATION_LEVELS: readonly unknown[] = ['gpu and method', 'method', 'all runs', 'default'];

function isResult(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || value === '' || value === 'never';
}

function userTexts(args: readonly unknown[]): string[] {
  const texts: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value, value.trim(), value.trim().toUpperCase());
    else if (Array.isArray(value)) value.forEach(visit);
  };
  args.forEach(visit);
  return texts;
}

/** Why an outcome breaks the contract, or '' when it keeps it. */
function contractBreach(fn: string, args: readonly unknown[], outcome: Outcome): string {
  // A table of its own (FT_SIMULATE) labels its figures: text cells are its labels.
  const isCellResult = (value: unknown): boolean =>
    isResult(value) || (FT_TABLES.has(fn) && typeof value === 'string');
  if (!outcome.ok) {
    if (!outcome.isError) return `threw a ${outcome.errorName}, not an Error`;
    if (!outcome.message.startsWith(`${fn}: `))
      return `message "${outcome.message}" is not ${fn}'s own`;
    const markers = rawJsMarkers(outcome.message, userTexts(args));
    return markers.length > 0 ? `message "${outcome.message}" has ${markers.join(', ')}` : '';
  }
  const value = outcome.value;
  if (!Array.isArray(value)) return isCellResult(value) ? '' : `returned ${show(value)}`;
  if (value.length === 0 || !Array.isArray(value[0]))
    return `returned a broken range ${show(value)}`;
  const columns = (value[0] as unknown[]).length;
  // FT_CALIBRATION's row names its level in one cell.
  const shows = (item: unknown): boolean =>
    isCellResult(item) || (fn === 'FT_CALIBRATION' && CALIBRATION_LEVELS.includes(item));
  for (const row of value) {
    if (!Array.isArray(row) || row.length !== columns) return 'returned a ragged range';
    const bad = row.find((item) => !shows(item));
    if (bad !== undefined || row.some((item) => !shows(item)))
      return `returned a range holding ${show(bad)}`;
  }
  return '';
}

const isBlankCell = (value: unknown): boolean =>
  value === '' || value === null || value === undefined;

/**
 * A range result must agree with the same function called on one row's cells:
 * checks the first and the last cell of a returned range that way.
 */
function rowMismatch(
  context: ReturnType<typeof bundle>,
  fn: string,
  args: readonly unknown[],
  result: unknown[][],
): string {
  const rows = result.length;
  const columns = result[0].length;
  const isMultiCell = (arg: unknown): arg is unknown[][] =>
    Array.isArray(arg) && arg.length === rows && Array.isArray(arg[0]) && arg[0].length === columns;
  for (const [row, column] of [
    [0, 0],
    [rows - 1, columns - 1],
  ]) {
    let allRangeCellsBlank = true;
    const scalars = args.map((arg) => {
      if (rows * columns > 1 && isMultiCell(arg)) {
        const value = arg[row][column];
        if (!isBlankCell(value)) allRangeCellsBlank = false;
        return value;
      }
      if (Array.isArray(arg) && arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1)
        return arg[0][0];
      return arg;
    });
    const expected = result[row][column];
    if (allRangeCellsBlank) {
      if (expected !== '') return `row ${row + 1} has blank range cells but gave ${show(expected)}`;
      continue;
    }
    const single = callIn(context, fn, scalars);
    if (!single.ok || !Object.is(single.value, expected)) {
      const got = single.ok ? show(single.value) : `the error "${single.message}"`;
      return `cell (${row + 1}, ${column + 1}) is ${show(expected)} but the same row alone gives ${got}`;
    }
  }
  return '';
}

describe.each(Object.entries(FT_ARITY))('fuzzing %s on the built bundle', (fn, arity) => {
  test(`${FUZZ_RUNS} generated argument lists keep the contract`, () => {
    const context = bundle();
    let returned = 0;
    let threw = 0;
    fc.assert(
      fc.property(argumentList(fn, FT_REQUIRED[fn], arity), (args) => {
        const outcome = callIn(context, fn, args);
        if (outcome.ok) returned++;
        else threw++;
        let breach = contractBreach(fn, args, outcome);
        // A table function's result (FT_SIMULATE) and FT_CALIBRATION's row are one result each.
        if (
          !breach &&
          outcome.ok &&
          Array.isArray(outcome.value) &&
          !FT_TABLES.has(fn) &&
          fn !== 'FT_CALIBRATION'
        )
          breach = rowMismatch(context, fn, args, outcome.value as unknown[][]);
        if (breach) throw new Error(`${fn}(${args.map(show).join(', ')}): ${breach}`);
      }),
      { numRuns: FUZZ_RUNS, seed: SEED },
    );
    expect(returned + threw).toBeGreaterThanOrEqual(FUZZ_RUNS);
    // The generator must reach both paths, or it tests little.
    expect(returned).toBeGreaterThan(FUZZ_RUNS / 50);
    expect(threw).toBeGreaterThan(FUZZ_RUNS / 50);
  });
});
