// Ranges in, ranges out, on the built bundle: broadcasting, blank rows, shapes, and
// errors a spreadsheet user can act on. Ranges arrive as Sheets passes them: rows of
// cells, blanks as "".
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import fc from 'fast-check';
import { bundle, call, column, errorOf, FT_FUNCTIONS, isShowable, row, valueOf } from './helpers';
import { FT_TABLES } from '../support/bundle-calls';
import { CODE_JS } from '../support/load-bundle';

/** Rounds every number of a result to 10 decimals, so hand arithmetic compares exactly. */
function rounded(value: unknown): unknown {
  if (typeof value === 'number') return Math.round(value * 1e10) / 1e10;
  if (Array.isArray(value)) return value.map(rounded);
  return value;
}

describe('ranges', () => {
  it('a column range gives a column: FT_HOURS over three models, 10,000 examples each', () => {
    // 0.0001 × 10,000 × scale 1, 2, 8
    expect(
      rounded(valueOf('FT_HOURS', column('Llama 7B', 'Llama 13B', 'Llama 70B'), 10000)),
    ).toEqual([[1], [2], [8]]);
  });

  it('a row range gives a row', () => {
    // 0.0001 × 10,000 / 20,000 / 50,000 × 2
    expect(rounded(valueOf('FT_HOURS', 'Llama 13B', row(10000, 20000, 50000)))).toEqual([
      [2, 4, 10],
    ]);
  });

  it('a 2D range gives a 2D result of the same shape', () => {
    // 50 × 36 − upfront: 1800 − 100, 1800 − 200 / 1800 − 300, 1800 − 1800
    expect(
      rounded(
        valueOf(
          'FT_ROI',
          [
            [100, 200],
            [300, 1800],
          ],
          50,
        ),
      ),
    ).toEqual([
      [1700, 1600],
      [1500, 0],
    ]);
  });

  it('two ranges of one shape pair cell by cell, scalars broadcast against them', () => {
    // 10 h × 0.86 (AWS spot), 1 h × 2.88 (AWS on-demand); 0.0001 × 50,000 × 2 = 10, 0.0001 × 10,000 × 1 = 1
    expect(
      rounded(
        valueOf(
          'FT_COST',
          column('Llama 13B', 'Llama 7B'),
          column(50000, 10000),
          column('AWS spot', 'AWS on-demand'),
        ),
      ),
    ).toEqual([[8.6], [2.88]]);
    // The provider as one scalar for both rows: 10 × 0.86, 1 × 0.86
    expect(
      rounded(
        valueOf('FT_COST', column('Llama 13B', 'Llama 7B'), column(50000, 10000), 'AWS spot'),
      ),
    ).toEqual([[8.6], [0.86]]);
  });

  it('a 1×1 range counts as a scalar', () => {
    // 13B: 0.0001 × 50,000 × 2 = 10 h × 0.86 = 8.6; 0.0001 × 10,000 × 2 = 2 h × 0.86 = 1.72
    expect(
      rounded(valueOf('FT_COST', [['Llama 13B']], column(50000, 10000), [['AWS spot']])),
    ).toEqual([[8.6], [1.72]]);
    expect(rounded(valueOf('FT_HOURS', [['Llama 13B']], [[50000]]))).toEqual(10);
  });

  it('a column and a row are different shapes, with a message that says so', () => {
    expect(errorOf('FT_HOURS', column('Llama 7B', 'Llama 13B', 'Llama 70B'), row(1, 2, 3))).toBe(
      'FT_HOURS: ranges must have the same shape, but model is 3 rows × 1 column and examples is 1 row × 3 columns',
    );
  });

  it('ranges of different lengths are an error naming both arguments and shapes', () => {
    expect(errorOf('FT_COST', column('Llama 7B', 'Llama 13B'), column(1, 2, 3), 'AWS spot')).toBe(
      'FT_COST: ranges must have the same shape, but model is 2 rows × 1 column and examples is 3 rows × 1 column',
    );
  });

  it('an empty or ragged range is an error, not a crash', () => {
    expect(errorOf('FT_HOURS', [[]], 1)).toBe('FT_HOURS: model is an empty range');
    expect(errorOf('FT_HOURS', 'Llama 7B', [[1, 2], [3]])).toMatch(
      /^FT_HOURS: examples is not a rectangular range/,
    );
  });
});

describe('blank cells', () => {
  it('=FT_COST(A2:A, B2:B, C2:C) on a table with trailing blank rows gives blanks for them', () => {
    const models = column('Llama 13B', 'Llama 7B', '', '', '');
    const examples = column(50000, 10000, '', '', '');
    const providers = column('AWS spot', 'RunPod on-demand', '', '', '');
    // 10 h × 0.86; 1 h × 2.49
    expect(rounded(valueOf('FT_COST', models, examples, providers))).toEqual([
      [8.6],
      [2.49],
      [''],
      [''],
      [''],
    ]);
  });

  it('a blank row in the middle stays blank; scalars do not make a row non-blank', () => {
    expect(
      rounded(
        valueOf(
          'FT_COST',
          column('Llama 13B', '', 'Llama 7B'),
          column(50000, '', 10000),
          'AWS spot',
        ),
      ),
    ).toEqual([[8.6], [''], [0.86]]);
  });

  it('all-blank scalars give a blank', () => {
    expect(valueOf('FT_HOURS', '', '')).toBe('');
    expect(valueOf('FT_HOURS', '', '', undefined)).toBe('');
    expect(valueOf('FT_MEMORY', '')).toBe('');
  });

  it('a blank optional argument takes its default', () => {
    // method blank → full: 10 h; months blank → 36: 50 × 36 − 1001.25
    expect(
      rounded(valueOf('FT_HOURS', column('Llama 13B', 'Llama 13B'), 50000, column('', 'LoRA'))),
    ).toEqual([[10], [2.5]]);
    expect(valueOf('FT_ROI', 1001.25, 50, '')).toBe(798.75);
    expect(valueOf('FT_BREAKEVEN', 1001.25, 50, '')).toBe(20.025);
  });

  it('a blank required argument in a non-blank row is an error naming it and the row', () => {
    expect(errorOf('FT_COST', column('Llama 13B', 'Llama 7B'), column(50000, ''), 'AWS spot')).toBe(
      'FT_COST: examples is required but blank (row 2 of examples)',
    );
    expect(errorOf('FT_COST', 'Llama 13B', 50000, '')).toBe(
      'FT_COST: provider is required but blank',
    );
  });

  it('a required argument left out of the formula is named as missing, with the signature', () => {
    expect(errorOf('FT_COST', 'Llama 13B', 50000)).toBe(
      'FT_COST: provider is missing; it takes FT_COST(model, examples, provider, [method])',
    );
    expect(errorOf('FT_HOURS')).toBe(
      'FT_HOURS: model is missing; it takes FT_HOURS(model, examples, [method])',
    );
  });
});

describe('errors name the function, the argument and the row', () => {
  const models = column(
    'Llama 7B',
    'Llama 7B',
    'Llama 7B',
    'Llama 7B',
    'Llama 7B',
    'Llama 7B',
    'Llama 7B',
  );
  const providers = column(
    'AWS spot',
    'AWS spot',
    'AWS spot',
    'AWS spot',
    'AWS spot',
    'AWS spot',
    'Oracle',
  );

  it('an unknown provider in row 7 lists the known ones', () => {
    expect(errorOf('FT_COST', models, 1000, providers)).toBe(
      "FT_COST: provider 'Oracle' is not in the FT Catalog sheet or the built-in catalog (row 7 of provider). Known: AWS on-demand, AWS spot, RunPod on-demand, Lambda Labs, On-premise (amortized), AWS p5 H100 on-demand, Google Cloud A3 H100 on-demand, Google Cloud A3 H100 spot, Azure ND H100 v5 on-demand, RunPod H100 SXM Secure Cloud, RunPod H100 SXM Community Cloud, Lambda H100 SXM (8x instance), Lambda H100 SXM (1x instance)",
    );
  });

  it('an unknown model lists the known models', () => {
    expect(errorOf('FT_HOURS', 'Falcon', 1000)).toBe(
      "FT_HOURS: model 'Falcon' is not in the FT Catalog sheet or the built-in catalog. Known: Llama 7B, Llama 13B, Llama 70B, Llama 405B",
    );
  });

  it('a row range names the column, a 2D range names row and column', () => {
    expect(errorOf('FT_HOURS', 'Llama 7B', row(1, -5))).toBe(
      'FT_HOURS: examples must be a positive number, got -5 (column 2 of examples)',
    );
    expect(
      errorOf(
        'FT_ROI',
        [
          [1, 2],
          [3, 'x'],
        ],
        10,
      ),
    ).toBe(
      "FT_ROI: upfront must be a number that is zero or more, got 'x' (row 2, column 2 of upfront)",
    );
  });

  it('a negative or non-numeric size is an error', () => {
    expect(errorOf('FT_MEMORY', -8)).toBe('FT_MEMORY: model must be a positive number, got -8');
    expect(errorOf('FT_MEMORY', column('Llama 7B', 'big'))).toMatch(
      /^FT_MEMORY: model 'big' is not in the FT Catalog sheet or the built-in catalog \(row 2 of model\)\. Known: Llama 7B/,
    );
  });
});

describe('numbers as text, and values that are not numbers', () => {
  it('reads numbers the way Sheets users type them as text', () => {
    expect(valueOf('FT_HOURS', 'Llama 13B', '50,000')).toBe(10);
    expect(valueOf('FT_HOURS', 'Llama 13B', ' 50000 ')).toBe(10);
    expect(valueOf('FT_HOURS', 'Llama 13B', column('50,000', ' 50000 ', '5e4'))).toEqual([
      [10],
      [10],
      [10],
    ]);
    expect(valueOf('FT_COST', 'Llama 13B', 50000, '$0.86')).toBe(8.6);
  });

  it.each([
    ['TRUE', true, 'got TRUE'],
    ['FALSE', false, 'got FALSE'],
    ['a date', new Date(Date.UTC(2024, 0, 15)), 'got a date'],
    ['other text', 'fifty', "got 'fifty'"],
    ['half-typed number', '50,00', "got '50,00'"],
  ])('%s where a number belongs is an error', (_label, value, said) => {
    expect(errorOf('FT_HOURS', 'Llama 13B', value)).toBe(
      `FT_HOURS: examples must be a positive number, ${said}`,
    );
  });

  it('a date made in the bundle’s own realm (as Sheets passes one) is an error too', () => {
    const date = vm.runInContext('new Date(2024, 0, 15)', bundle());
    expect(errorOf('FT_ROI', date, 10)).toBe(
      'FT_ROI: upfront must be a number that is zero or more, got a date',
    );
  });

  it('a cell error such as #N/A is an error that says to fix that cell', () => {
    expect(errorOf('FT_HOURS', 'Llama 13B', '#N/A')).toBe(
      'FT_HOURS: examples is the cell error #N/A: fix that cell first',
    );
    expect(errorOf('FT_COST', column('Llama 13B', '#REF!'), 1000, 'AWS spot')).toBe(
      'FT_COST: model is the cell error #REF!: fix that cell first (row 2 of model)',
    );
    expect(errorOf('FT_COST', 'Llama 13B', 1000, '#DIV/0!')).toBe(
      'FT_COST: provider is the cell error #DIV/0!: fix that cell first',
    );
  });

  it('a result too large to show is an error, not Infinity', () => {
    // 0.0001 × 1e308 examples × scale 2 × time factor 1e308 overflows.
    expect(errorOf('FT_HOURS', 'Llama 13B', 1e308, 1e308)).toBe(
      'FT_HOURS: the result is too large to show (beyond about 1.8e308); check examples, which is 1e+308',
    );
  });

  it('a model too large for its scale to be estimated is an error naming the size', () => {
    expect(errorOf('FT_HOURS', 1e308, 1e308)).toBe(
      'FT_HOURS: model size 1e+308B is too large to estimate',
    );
  });
});

describe('no input ever puts NaN, Infinity, undefined or a raw TypeError in a cell', () => {
  const number = fc.oneof(
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 0.35, 1.5),
  );
  const text = fc.oneof(
    fc.constantFrom(
      'Llama 7B',
      'llama-13b',
      'Llama 405B',
      '8B',
      'full',
      'LoRA',
      'QLoRA',
      'AWS spot',
      'Lambda Labs',
      'Claude',
      'Grok',
      'H100',
      'A100',
      '50,000',
      ' 50000 ',
      '35%',
      '$2.49',
      '#N/A',
      '#VALUE!',
      'never',
      '-',
      '.',
      '$',
      '1e999',
      'constructor',
      '__proto__',
      'toString',
    ),
    fc.string({ maxLength: 8 }),
  );
  const cell = fc.oneof(
    { arbitrary: number, weight: 4 },
    { arbitrary: text, weight: 4 },
    { arbitrary: fc.constantFrom('', true, false), weight: 2 },
    { arbitrary: fc.date({ noInvalidDate: true }), weight: 1 },
  );
  const names = Object.keys(FT_FUNCTIONS);

  it('every outcome is a showable value of the right shape, or a plain Error that names the function', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.tuple(
            fc.constantFrom('scalar', 'range', 'omitted'),
            fc.array(cell, { minLength: 9, maxLength: 9 }),
          ),
          {
            minLength: 5,
            maxLength: 5,
          },
        ),
        (name, rows, columns, specs) => {
          const args = specs
            .slice(0, FT_FUNCTIONS[name])
            .map(([kind, cells]) =>
              kind === 'omitted'
                ? undefined
                : kind === 'scalar'
                  ? cells[0]
                  : Array.from({ length: rows }, (_, r) =>
                      Array.from({ length: columns }, (_unused, c) => cells[r * 3 + c]),
                    ),
            );
          const outcome = call(name, ...args);
          if (!outcome.ok) {
            expect(outcome.errorName).toBe('Error');
            expect(outcome.isBundleError).toBe(true);
            expect(outcome.message.startsWith(`${name}: `)).toBe(true);
            expect(outcome.message).not.toMatch(
              /undefined|NaN|Infinity|TypeError|please report it/,
            );
            return;
          }
          const hasRange = args.some((arg) => Array.isArray(arg)) && rows * columns > 1;
          if (FT_TABLES.has(name)) {
            // Its own table (labels and figures, whatever the ranges' shape), one figure or a blank.
            const cells = [outcome.value].flat(2);
            expect(cells.every((cell) => isShowable(cell) || typeof cell === 'string')).toBe(true);
          } else if (hasRange) {
            expect(Array.isArray(outcome.value)).toBe(true);
            const grid = outcome.value as unknown[][];
            expect([grid.length, grid[0].length]).toEqual([rows, columns]);
            expect(grid.flat().every(isShowable)).toBe(true);
          } else if (name === 'FT_CALIBRATION' && outcome.value !== '') {
            // One row of six cells (or a blank for a blank gpu).
            const grid = outcome.value as unknown[][];
            expect([grid.length, grid[0].length]).toEqual([1, 6]);
            // The fourth cell names the level ("default" without runs).
            const levels = ['gpu and method', 'method', 'all runs', 'default'];
            expect(
              grid
                .flat()
                .every((value, i) =>
                  i === 3 ? levels.includes(String(value)) : isShowable(value),
                ),
            ).toBe(true);
          } else {
            expect(isShowable(outcome.value)).toBe(true);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('a range gives, cell by cell, what each cell’s values give alone', () => {
  // The fast path reads each column once (a memo of distinct cells, whole counts taken
  // as they are); the scalar path reads every value afresh. They must agree on every
  // cell, and on which cell is the first error. Each argument draws mostly from values
  // it takes, so most calls succeed; counts include the edges of what a range stores
  // in its index (1 and 2^31 − 1 in it, 0, 2.5 and 2^31 out of it).
  const one = (...values: unknown[]): fc.Arbitrary<unknown> => fc.constantFrom(...values);
  const count = one(1, 2, 7, 3000, 50000, 2147483647, 2147483648, 3e9, 2.5, '50,000', ' 7 ');
  const money = one(0, 1, 500, 12.5, 2147483647, 3e9, '1,000', '$2.49');
  const model = one('Llama 13B', 'Llama 7B', '8B', 8, 70, 0.5);
  const method = one('', 'LoRA', 'QLoRA', 'full', 0.5, 1);
  const namedMethod = one('', 'LoRA', 'full');
  const duration = one('', 1, 12, 36, 0.5);
  const rate = one('', 0, 0.05, '10%', -0.5, -2, '-150%');
  const pools: Record<string, fc.Arbitrary<unknown>[]> = {
    FT_HOURS: [model, count, method],
    FT_COST: [model, count, one('AWS spot', 'Lambda Labs', 2.49, '$1.99', 1), method],
    FT_BREAKEVEN: [money, money, money],
    FT_API_COST: [count, count, count, one(0.005, 1, 3), one(0.015, 2, '1.5')],
    FT_ROI: [money, one(-300, 0, 1, 250, 1.5), duration],
    FT_MEMORY: [model, namedMethod],
    // mfu is a fraction: the whole counts 2 and 3000 must be refused, never taken as they are.
    FT_COMPUTE_HOURS: [
      model,
      count,
      namedMethod,
      one('', 'H100', 'A100', 312),
      one('', 0.35, '35%', 1, 2, 3000),
    ],
    FT_ONPREM_BREAKEVEN: [money, one(1, 2.49, 0.5, 3000), money, duration],
    FT_MANAGED_COST: [
      count,
      count,
      one('', 1, 3, 0.5),
      one('', 'OpenAI GPT-4 fine-tuning', 'openai gpt-4 fine-tuning', 'Fireworks'),
      one('', 'Llama 13B', 13, 16, '16.1B', 80, 'Llama 70B'),
      one('', 'LoRA', 'full'),
    ],
    // Rates must be above −100%: -2 and '-150%' are refused in a range as alone.
    FT_NPV: [money, one(-300, 0, 1, 250, 1.5), one(0, 1, 12, 36, 600), rate, rate],
    FT_PAYBACK: [money, one(-300, 0, 1, 250, 1.5), rate, rate],
    // A price per request, a target of months (0 is refused), fixed costs, growth and rate.
    FT_REQUIRED_VOLUME: [
      money,
      one(0.0075, 0.002, '0.01', 0),
      one(0, 0.001, 0.0075, '$0.002'),
      one(1, 12, 36, 0.5, 0),
      one('', 0, 100, '1,000'),
      rate,
      rate,
    ],
    // Its result is a row: a range of GPUs or methods is refused (checked below).
    FT_CALIBRATION: [one('', 'A100', 'RunPod'), namedMethod],
  };
  const wrong = one(0, -1, -0, 'x', 1e308, '#N/A', '', true, new Date(2026, 0, 1));
  const code = readFileSync(CODE_JS, 'utf8');
  /** A function's parameter names, as its stub in dist/Code.js declares them. */
  const argNames = (name: string): string[] =>
    (new RegExp(`^function ${name}\\(([^)]*)\\)`, 'm').exec(code)?.[1] ?? '')
      .split(',')
      .map((arg) => arg.trim());
  const isBlankCell = (value: unknown): boolean =>
    value === '' || value === null || value === undefined;
  // " (row 3 of examples)", " (column 2 of model)" or " (row 3, column 2 of upfront)": where
  // a range call says its first error is, in the range of an argument given as a range.
  const position = / \((row \d+|column \d+|row \d+, column \d+) of [a-z_]+\)/;
  // Ranges of 2 to 6 cells: a column, a row, or two or three rows of two or three cells.
  const shape = fc.oneof(
    fc.record({ rows: fc.integer({ min: 2, max: 6 }), columns: fc.constant(1) }),
    fc.record({ rows: fc.constant(1), columns: fc.integer({ min: 2, max: 6 }) }),
    fc.record({ rows: fc.integer({ min: 2, max: 3 }), columns: fc.integer({ min: 2, max: 3 }) }),
  );

  // A function that gives a table of its own has no result per cell to compare.
  const perCell = Object.keys(FT_FUNCTIONS).filter((name) => !FT_TABLES.has(name));

  it('covers every FT_* function with a result per cell, one pool per argument', () => {
    expect(Object.keys(pools).sort()).toEqual(perCell.sort());
    for (const [name, args] of Object.entries(pools)) expect(args).toHaveLength(FT_FUNCTIONS[name]);
  });

  it('FT_CALIBRATION, whose result is a row, refuses a range', () => {
    expect(errorOf('FT_CALIBRATION', column('A100', 'H100'), 'LoRA')).toBe(
      'FT_CALIBRATION: gpu must be one cell (the result is a row)',
    );
    expect(valueOf('FT_CALIBRATION', [['A100']], 'LoRA')).toEqual([
      [1, 0.35, 0, 'default', '', ''],
    ]);
  });

  it.each(perCell.filter((name) => name !== 'FT_CALIBRATION'))('%s', (name) => {
    const arity = FT_FUNCTIONS[name];
    const lineOfCells = fc.tuple(
      ...pools[name].map((pool) =>
        fc.oneof({ arbitrary: pool, weight: 20 }, { arbitrary: wrong, weight: 1 }),
      ),
    );
    let succeeded = 0;
    fc.assert(
      fc.property(
        shape,
        // Which arguments are ranges (at least one); the others are the first cell's value.
        fc.array(fc.boolean(), { minLength: arity, maxLength: arity }),
        fc.array(lineOfCells, { minLength: 9, maxLength: 9 }),
        ({ rows, columns }, isRange, cells) => {
          if (!isRange.includes(true)) isRange[0] = true;
          // cells[i] holds every argument's value at cell i, in reading order.
          const lines = cells
            .slice(0, rows * columns)
            .map((line) => line.map((value, k) => (isRange[k] ? value : cells[0][k])));
          const args = isRange.map((ranged, k) =>
            ranged
              ? Array.from({ length: rows }, (_, r) =>
                  lines.slice(r * columns, (r + 1) * columns).map((line) => line[k]),
                )
              : cells[0][k],
          );
          // A cell whose range arguments are all blank is blank, whatever the scalars hold.
          const alone = lines.map((line) =>
            line.every((value, k) => !isRange[k] || isBlankCell(value))
              ? { ok: true as const, value: '' }
              : call(name, ...line),
          );
          const together = call(name, ...args);
          const firstError = alone.findIndex((outcome) => !outcome.ok);
          if (firstError >= 0) {
            const failed = alone[firstError];
            expect(together.ok).toBe(false);
            if (together.ok || failed.ok) return;
            const r = Math.floor(firstError / columns) + 1;
            const c = (firstError % columns) + 1;
            const where =
              columns === 1 ? `row ${r}` : rows === 1 ? `column ${c}` : `row ${r}, column ${c}`;
            const named = new RegExp(`\\(${where} of ([a-z_]+)\\)`).exec(together.message);
            expect(named).not.toBeNull();
            expect(isRange[argNames(name).indexOf(named?.[1] ?? '')]).toBe(true);
            expect(together.message.replace(position, '')).toBe(failed.message);
            return;
          }
          if (!together.ok) throw new Error(`${name} failed on a range: ${together.message}`);
          succeeded++;
          const results = alone.map((outcome) => (outcome.ok ? outcome.value : undefined));
          expect(together.value).toEqual(
            Array.from({ length: rows }, (_, r) => results.slice(r * columns, (r + 1) * columns)),
          );
        },
      ),
      { numRuns: 300 },
    );
    // Enough ranges computed in full for the comparison to mean something (over 300 runs,
    // each function gets about 40–240: FT_NPV, with a whole number of months and two rates
    // above -100%, the fewest; 20 leaves room for an unlucky seed).
    expect(succeeded).toBeGreaterThan(20);
  });

  it('a whole count in mfu is refused in a range as it is alone, naming its row', () => {
    // mfu is a fraction (above 0, at most 1): 2 is a whole count the range must not take as it is.
    expect(errorOf('FT_COMPUTE_HOURS', 'Llama 7B', 1e9, '', '', column(0.35, 2))).toBe(
      'FT_COMPUTE_HOURS: mfu must be a number above 0 and at most 1 (e.g. 0.35 or 35%), got 2 (row 2 of mfu)',
    );
  });
});
