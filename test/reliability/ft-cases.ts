// The bad-input table for the FT_* functions: each case is an input a spreadsheet
// user (or a broken sheet) can hand a function, and what the product must answer.
// Expected numbers are worked out by hand next to each case from the catalog
// (Llama 7B scale 1, 13B scale 2; full 1, LoRA 0.25; AWS spot $0.86/h; Claude
// $0.003 in / $0.015 out per 1K tokens; H100 989 TFLOPS, A100 312) and the
// article's rule: hours = 0.0001 × examples × scale × method factor.

/** What a case must give: a value (with the arithmetic behind it) or an exact message. */
export type Expectation =
  | { readonly value: unknown; readonly because: string }
  | { readonly error: string; readonly because?: string };

export interface BadInputCase {
  /** The kind of bad input, the table's section. */
  readonly topic: string;
  readonly fn: string;
  readonly args: readonly unknown[];
  /** How the input is shown when the arguments are too big to print. */
  readonly shownInput?: string;
  readonly expect: Expectation;
}

const DATE = new Date(Date.UTC(2024, 0, 1));
const KNOWN_MODELS = 'Known: Llama 7B, Llama 13B, Llama 70B, Llama 405B';
const KNOWN_PROVIDERS =
  'Known: AWS on-demand, AWS spot, RunPod on-demand, Lambda Labs, On-premise (amortized), AWS p5 H100 on-demand, Google Cloud A3 H100 on-demand, Google Cloud A3 H100 spot, Azure ND H100 v5 on-demand, RunPod H100 SXM Secure Cloud, RunPod H100 SXM Community Cloud, Lambda H100 SXM (8x instance), Lambda H100 SXM (1x instance)';
const KNOWN_METHODS = 'Known: full, LoRA, QLoRA';
const KNOWN_APIS =
  'Known: Claude, GPT-4 fine-tuned, Grok, GPT-4o fine-tuned, GPT-4o mini fine-tuned, Fireworks fine-tuned up to 16B, Fireworks fine-tuned 16.1-80B';
const LOOKS_LIKE_ONE = 'which only looks like a plain letter, digit, space or dash';
const LOOK_LIKE_MANY = 'which only look like a plain letter, digit, space or dash';

/** 13B LoRA compute-bound hours on an H100: 4 × 13e9 × 5e6 / (989e12 × 0.35 × 3600) = 2.6e17 / 1.246140e18. */
const LORA_13B_5M_H100 = 2.6e17 / (989e12 * 0.35 * 3600);
/** The same on an A100 (312 TFLOPS): 2.6e17 / 3.9312e17 = 0.661376. */
const LORA_13B_5M_A100 = 2.6e17 / (312e12 * 0.35 * 3600);

/** A column of `rows` cells made by `cell(i)` for i = 1..rows. */
export function column<T>(rows: number, cell: (row: number) => T): T[][] {
  const out: T[][] = new Array(rows);
  for (let row = 1; row <= rows; row++) out[row - 1] = [cell(row)];
  return out;
}

const ROWS = 100_000;

export const FT_CASES: readonly BadInputCase[] = [
  // ── Blank cells ───────────────────────────────────────────────────────────
  {
    topic: 'Blank',
    fn: 'FT_HOURS',
    args: ['', ''],
    expect: { value: '', because: 'a row with every input blank stays blank' },
  },
  {
    topic: 'Blank',
    fn: 'FT_HOURS',
    args: ['Llama 13B', ''],
    expect: { error: 'FT_HOURS: examples is required but blank' },
  },
  {
    topic: 'Blank',
    fn: 'FT_HOURS',
    args: ['Llama 13B', 10000, ''],
    expect: { value: 2, because: 'blank method takes full: 0.0001 × 10000 × 2 × 1 = 2' },
  },
  {
    topic: 'Blank',
    fn: 'FT_COST',
    args: [null, 50000, 'AWS spot'],
    expect: { error: 'FT_COST: model is required but blank' },
  },
  {
    topic: 'Blank',
    fn: 'FT_BREAKEVEN',
    args: [1001.25, 50, ''],
    expect: { value: 20.025, because: 'blank fine-tuned cost is 0: 1001.25 / 50 = 20.025' },
  },
  {
    topic: 'Blank',
    fn: 'FT_ONPREM_BREAKEVEN',
    args: [20000, 2.49, '', ''],
    expect: { value: 20000 / 2.49, because: '(20000 + 0 × 3) / 2.49 = 8032.13' },
  },
  // ── Zero ──────────────────────────────────────────────────────────────────
  {
    topic: 'Zero',
    fn: 'FT_HOURS',
    args: ['Llama 13B', 0],
    expect: { error: 'FT_HOURS: examples must be a positive number, got 0' },
  },
  {
    topic: 'Zero',
    fn: 'FT_MEMORY',
    args: [0],
    expect: { error: 'FT_MEMORY: model must be a positive number, got 0' },
  },
  {
    topic: 'Zero',
    fn: 'FT_COST',
    args: ['Llama 13B', 50000, 0],
    expect: { value: 0, because: 'a free GPU: 10 h × $0 = 0' },
  },
  {
    topic: 'Zero',
    fn: 'FT_BREAKEVEN',
    args: [0, 50],
    expect: { value: 0, because: 'nothing to pay back: 0 / 50 = 0' },
  },
  {
    topic: 'Zero',
    fn: 'FT_BREAKEVEN',
    args: [1001.25, 0],
    expect: { value: 'never', because: 'savings 0 − 0 = 0 are not positive' },
  },
  {
    topic: 'Zero',
    fn: 'FT_API_COST',
    args: [0, 1000, 300, 'Claude'],
    expect: { value: 0, because: '0 requests × $0.0075 = 0' },
  },
  {
    topic: 'Zero',
    fn: 'FT_ROI',
    args: [1001.25, 50, 0],
    expect: { value: -1001.25, because: '50 × 0 − 1001.25' },
  },
  {
    topic: 'Zero',
    fn: 'FT_ONPREM_BREAKEVEN',
    args: [20000, 0],
    expect: { error: 'FT_ONPREM_BREAKEVEN: hourly_rent must be a positive number, got 0' },
  },
  {
    topic: 'Zero',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 5000000, 'LoRA', '', 0],
    expect: {
      error:
        'FT_COMPUTE_HOURS: mfu must be a number above 0 and at most 1 (e.g. 0.35 or 35%), got 0',
    },
  },
  // ── Negative ──────────────────────────────────────────────────────────────
  {
    topic: 'Negative',
    fn: 'FT_HOURS',
    args: ['Llama 13B', -5],
    expect: { error: 'FT_HOURS: examples must be a positive number, got -5' },
  },
  {
    topic: 'Negative',
    fn: 'FT_HOURS',
    args: [-13, 1000],
    expect: { error: 'FT_HOURS: model must be a positive number, got -13' },
  },
  {
    topic: 'Negative',
    fn: 'FT_BREAKEVEN',
    args: [-1, 50],
    expect: { error: 'FT_BREAKEVEN: upfront must be a number that is zero or more, got -1' },
  },
  {
    topic: 'Negative',
    fn: 'FT_BREAKEVEN',
    args: [1001.25, 50, 80],
    expect: { value: 'never', because: 'savings 50 − 80 = −30 are not positive' },
  },
  {
    topic: 'Negative',
    fn: 'FT_ROI',
    args: [1001.25, -50, 12],
    expect: { value: -1601.25, because: '−50 × 12 − 1001.25 = −1601.25 (savings may be negative)' },
  },
  {
    topic: 'Negative',
    fn: 'FT_API_COST',
    args: [-1, 1000, 300, 'Claude'],
    expect: { error: 'FT_API_COST: requests must be a number that is zero or more, got -1' },
  },
  {
    topic: 'Negative',
    fn: 'FT_COST',
    args: ['Llama 13B', 50000, -2],
    expect: { error: 'FT_COST: provider must be a number that is zero or more, got -2' },
  },
  {
    topic: 'Negative',
    fn: 'FT_ONPREM_BREAKEVEN',
    args: [20000, 2.49, -100],
    expect: {
      error:
        'FT_ONPREM_BREAKEVEN: yearly_running_cost must be a number that is zero or more, got -100',
    },
  },
  // ── NaN and Infinity (a script or a broken add-on can pass them) ──────────
  {
    topic: 'NaN, Infinity',
    fn: 'FT_HOURS',
    args: ['Llama 13B', NaN],
    expect: { error: 'FT_HOURS: examples must be a positive number, got an invalid number' },
  },
  {
    topic: 'NaN, Infinity',
    fn: 'FT_HOURS',
    args: ['Llama 13B', Infinity],
    expect: { error: 'FT_HOURS: examples must be a positive number, got an infinite number' },
  },
  {
    topic: 'NaN, Infinity',
    fn: 'FT_ROI',
    args: [1001.25, -Infinity],
    expect: {
      error: 'FT_ROI: monthly_savings must be a number, got a negative infinite number',
    },
  },
  {
    topic: 'NaN, Infinity',
    fn: 'FT_MEMORY',
    args: [NaN],
    expect: { error: 'FT_MEMORY: model must be a positive number, got an invalid number' },
  },
  {
    topic: 'NaN, Infinity',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 1000000, 'full', Infinity],
    expect: {
      error: 'FT_COMPUTE_HOURS: gpu must be a positive number, got an infinite number',
    },
  },
  // ── Huge and tiny numbers ─────────────────────────────────────────────────
  {
    topic: 'Huge and tiny',
    fn: 'FT_HOURS',
    args: ['Llama 13B', 1e308],
    expect: { value: 2e304, because: '0.0001 × 1e308 × 2 = 2e304, still a number' },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_HOURS',
    args: [1e308, 5],
    expect: {
      error: 'FT_HOURS: model size 1e+308B is too large to estimate',
      because: 'the scale extrapolated for a 1e308-billion model is not a finite number',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_MEMORY',
    args: [1e308],
    expect: {
      error: 'FT_MEMORY: model size 1e+308B is too large to estimate',
      because: 'a model is refused when its scale cannot be estimated, whatever is asked of it',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_ROI',
    args: [0, 1e308],
    expect: {
      error:
        'FT_ROI: the result is too large to show (beyond about 1.8e308); check monthly_savings, which is 1e+308',
      because: '1e308 × 36 overflows',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_BREAKEVEN',
    args: [1e308, 1e-300],
    expect: {
      error:
        'FT_BREAKEVEN: the result is too large to show (beyond about 1.8e308); check upfront, which is 1e+308',
      because: '1e308 / 1e-300 overflows',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_BREAKEVEN',
    args: [1001.25, 1e-300],
    expect: { value: 1.00125e303, because: '1001.25 / 1e-300 = 1.00125e303' },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_API_COST',
    args: [1e200, 1e200, 0, 'Claude'],
    expect: {
      error:
        'FT_API_COST: the result is too large to show (beyond about 1.8e308); check requests, which is 1e+200',
      because: '1e200 × 1e200 / 1000 × 0.003 overflows; requests is named first of the two',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '1e999'],
    expect: { error: "FT_HOURS: examples must be a positive number, got '1e999'" },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_HOURS',
    args: ['Llama 7B', 1e-300],
    expect: { value: 1e-304, because: '0.0001 × 1e-300 × 1 = 1e-304' },
  },
  // ── Numbers written as text ───────────────────────────────────────────────
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '50,000'],
    expect: { value: 10, because: '0.0001 × 50000 × 2 = 10' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', ' 50000 '],
    expect: { value: 10, because: 'spaces around are ignored: 10' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '5e4'],
    expect: { value: 10, because: '5e4 = 50000: 10' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '50k'],
    expect: {
      error: "FT_HOURS: examples must be a positive number, got '50k'",
      because: 'Sheets has no "k" suffix either; a guess could be wrong by 1000×',
    },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '50 000'],
    expect: { error: "FT_HOURS: examples must be a positive number, got '50 000'" },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 7B', '1,000,000'],
    expect: { value: 100, because: '0.0001 × 1000000 × 1 = 100' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 7B', '1,00'],
    expect: {
      error: "FT_HOURS: examples must be a positive number, got '1,00'",
      because: 'a comma that is not a thousands separator is refused, not guessed',
    },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 7B', '+1'],
    expect: { value: 0.0001, because: '"+1" is the number 1, as Sheets reads it: 0.0001 × 1 × 1' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '-0'],
    expect: { error: "FT_HOURS: examples must be a positive number, got '-0'" },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_COST',
    args: ['Llama 13B', 50000, '$2.49'],
    expect: { value: 24.9, because: '10 h × $2.49 = 24.9' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_API_COST',
    args: ['10,000', '1000', '300', '0.003', '0.015'],
    expect: { value: 75, because: '10000 × (1 × 0.003 + 0.3 × 0.015) = 10000 × 0.0075 = 75' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: [' 13b ', 10000],
    expect: { value: 2, because: 'a size in billions: 13 has scale 2; 0.0001 × 10000 × 2' },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_HOURS',
    args: ['8B', 10000],
    expect: {
      // Scale interpolated in log-log between 7B (1) and 13B (2): exp(ln 2 / ln(13/7) × ln(8/7)) = 1.16128.
      value: Math.exp((Math.log(2) / Math.log(13 / 7)) * Math.log(8 / 7)),
      because:
        'scale between 7B (1) and 13B (2) in log-log: (8/7)^(ln 2 / ln(13/7)) = 1.16128; × 0.0001 × 10000',
    },
  },
  // ── Percents ──────────────────────────────────────────────────────────────
  {
    topic: 'Percents',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 5000000, 'LoRA', '', '35%'],
    expect: {
      value: LORA_13B_5M_H100,
      because: '35% = 0.35: 4 × 13e9 × 5e6 / (989e12 × 0.35 × 3600) = 0.208644',
    },
  },
  {
    topic: 'Percents',
    fn: 'FT_HOURS',
    args: ['Llama 13B', 10000, '25%'],
    expect: { value: 0.5, because: 'a time factor of 25%: 0.0001 × 10000 × 2 × 0.25 = 0.5' },
  },
  {
    topic: 'Percents',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 5000000, 'LoRA', '', '150%'],
    expect: {
      error:
        "FT_COMPUTE_HOURS: mfu must be a number above 0 and at most 1 (e.g. 0.35 or 35%), got '150%'",
    },
  },
  // ── Booleans ──────────────────────────────────────────────────────────────
  {
    topic: 'Booleans',
    fn: 'FT_HOURS',
    args: ['Llama 13B', true],
    expect: {
      error: 'FT_HOURS: examples must be a positive number, got TRUE',
      because: 'a checkbox is not a count: never a silent 1',
    },
  },
  {
    topic: 'Booleans',
    fn: 'FT_HOURS',
    args: [false, 100],
    expect: {
      error: `FT_HOURS: model must be a name from the catalog or a size in billions such as 8, got FALSE. ${KNOWN_MODELS}`,
    },
  },
  {
    topic: 'Booleans',
    fn: 'FT_HOURS',
    args: ['Llama 13B', 100, true],
    expect: {
      error: `FT_HOURS: method must be a name from the catalog, got TRUE. ${KNOWN_METHODS}`,
    },
  },
  {
    topic: 'Booleans',
    fn: 'FT_BREAKEVEN',
    args: [1001.25, 50, false],
    expect: {
      error:
        'FT_BREAKEVEN: monthly_finetuned_cost must be a number that is zero or more, got FALSE',
      because: 'an unchecked box is not a silent 0',
    },
  },
  // ── Dates ─────────────────────────────────────────────────────────────────
  {
    topic: 'Dates',
    fn: 'FT_HOURS',
    args: ['Llama 13B', DATE],
    expect: { error: 'FT_HOURS: examples must be a positive number, got a date' },
  },
  {
    topic: 'Dates',
    fn: 'FT_COST',
    args: [DATE, 5000, 'AWS spot'],
    expect: {
      error: `FT_COST: model must be a name from the catalog or a size in billions such as 8, got a date. ${KNOWN_MODELS}`,
    },
  },
  {
    topic: 'Dates',
    fn: 'FT_ROI',
    args: [1001.25, 50, DATE],
    expect: { error: 'FT_ROI: months must be a number that is zero or more, got a date' },
  },
  // ── Cell errors ───────────────────────────────────────────────────────────
  {
    topic: 'Cell errors',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '#N/A'],
    expect: { error: 'FT_HOURS: examples is the cell error #N/A: fix that cell first' },
  },
  {
    topic: 'Cell errors',
    fn: 'FT_HOURS',
    args: ['#REF!', 5],
    expect: { error: 'FT_HOURS: model is the cell error #REF!: fix that cell first' },
  },
  {
    topic: 'Cell errors',
    fn: 'FT_COST',
    args: ['Llama 13B', 50000, '#DIV/0!'],
    expect: { error: 'FT_COST: provider is the cell error #DIV/0!: fix that cell first' },
  },
  {
    topic: 'Cell errors',
    fn: 'FT_BREAKEVEN',
    args: [' #n/a ', 50],
    expect: { error: 'FT_BREAKEVEN: upfront is the cell error #N/A: fix that cell first' },
  },
  {
    topic: 'Cell errors',
    fn: 'FT_HOURS',
    args: [[['Llama 7B'], ['Llama 13B'], ['#VALUE!']], 10000],
    expect: {
      error: 'FT_HOURS: model is the cell error #VALUE!: fix that cell first (row 3 of model)',
    },
  },
  // ── Ranges: empty, ragged, shapes ─────────────────────────────────────────
  {
    topic: 'Ranges',
    fn: 'FT_HOURS',
    args: [[], 100],
    expect: { error: 'FT_HOURS: model is an empty range' },
  },
  {
    topic: 'Ranges',
    fn: 'FT_BREAKEVEN',
    args: [[[]], 50],
    expect: { error: 'FT_BREAKEVEN: upfront is an empty range' },
  },
  {
    topic: 'Ranges',
    fn: 'FT_HOURS',
    args: [[['Llama 7B'], ['Llama 13B', 'Llama 70B']], 100],
    expect: {
      error: 'FT_HOURS: model is not a rectangular range (its rows have different lengths)',
    },
  },
  {
    topic: 'Ranges',
    fn: 'FT_HOURS',
    args: [[['Llama 7B', 'Llama 13B']], [[10000], [20000]]],
    expect: {
      error:
        'FT_HOURS: ranges must have the same shape, but model is 1 row × 2 columns and examples is 2 rows × 1 column',
      because: '1×N against N×1 is not guessed into an N×N table',
    },
  },
  {
    topic: 'Ranges',
    fn: 'FT_HOURS',
    args: [[['Llama 13B']], [[10000], [20000]]],
    expect: {
      value: [[2], [4]],
      because: 'a 1×1 range broadcasts: 0.0001 × 10000 × 2, × 20000 × 2',
    },
  },
  {
    topic: 'Ranges',
    fn: 'FT_COST',
    args: [
      'Llama 7B',
      [
        [10000, 20000],
        [30000, ''],
      ],
      'AWS spot',
    ],
    expect: {
      value: [
        [0.86, 1.72],
        [2.58, ''],
      ],
      because: '1 h, 2 h, 3 h × $0.86; the blank cell stays blank',
    },
  },
  {
    topic: 'Ranges',
    fn: 'FT_BREAKEVEN',
    args: [
      [[1001.25], [''], [500]],
      [[50], [''], [100]],
    ],
    expect: { value: [[20.025], [''], [5]], because: '1001.25 / 50; blank row; 500 / 100' },
  },
  {
    topic: 'Ranges',
    fn: 'FT_BREAKEVEN',
    args: [
      [[1001.25], ['']],
      [[50], [50]],
    ],
    expect: { error: 'FT_BREAKEVEN: upfront is required but blank (row 2 of upfront)' },
  },
  {
    topic: 'Ranges',
    fn: 'FT_HOURS',
    args: [
      [
        ['Llama 7B', 'Llama 13B'],
        ['Falcon', 'Llama 70B'],
      ],
      100,
    ],
    expect: {
      error: `FT_HOURS: model 'Falcon' is not in the FT Catalog sheet or the built-in catalog (row 2, column 1 of model). ${KNOWN_MODELS}`,
    },
  },
  // ── 100,000-row ranges ────────────────────────────────────────────────────
  {
    topic: '100,000 rows',
    fn: 'FT_HOURS',
    args: [column(ROWS, () => 'Llama 7B'), column(ROWS, (row) => row)],
    expect: {
      value: column(ROWS, (row) => 0.0001 * row),
      because: 'row i: 0.0001 × i × 1; row 100000 gives 10',
    },
  },
  {
    topic: '100,000 rows',
    fn: 'FT_COST',
    args: [
      column(ROWS, (row) => (row % 2 === 0 ? '' : 'Llama 13B')),
      column(ROWS, (row) => (row % 2 === 0 ? '' : 50000)),
      'AWS spot',
    ],
    expect: {
      value: column(ROWS, (row) => (row % 2 === 0 ? '' : 8.6)),
      because: 'odd rows 10 h × $0.86 = 8.6; even (blank) rows stay blank',
    },
  },
  {
    topic: '100,000 rows',
    fn: 'FT_BREAKEVEN',
    args: [column(ROWS, (row) => (row === ROWS ? '#N/A' : 1000)), 50],
    expect: {
      error:
        'FT_BREAKEVEN: upfront is the cell error #N/A: fix that cell first (row 100000 of upfront)',
    },
  },
  {
    topic: '100,000 rows',
    fn: 'FT_HOURS',
    args: [column(ROWS, () => 'Llama 7B'), [new Array<number>(ROWS).fill(1000)]],
    expect: {
      error:
        'FT_HOURS: ranges must have the same shape, but model is 100000 rows × 1 column and examples is 1 row × 100000 columns',
    },
  },
  // ── Unknown names and name matching ───────────────────────────────────────
  {
    topic: 'Names',
    fn: 'FT_COST',
    args: ['Llama 13B', 50000, 'Oracle'],
    expect: {
      error: `FT_COST: provider 'Oracle' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_PROVIDERS}`,
    },
  },
  {
    topic: 'Names',
    fn: 'FT_API_COST',
    args: [100, 1000, 300, 'GPT-5'],
    expect: {
      error: `FT_API_COST: api_or_input_price 'GPT-5' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_APIS}`,
    },
  },
  {
    topic: 'Names',
    fn: 'FT_MEMORY',
    args: ['Mistral 7B'],
    expect: {
      value: 134.4,
      because: 'a size at the end of a name: 7B × 16 bytes/param (full) × 1.2 = 134.4 GB',
    },
  },
  {
    topic: 'Names',
    fn: 'FT_HOURS',
    args: ['Llama 13B', 100, 'adapter'],
    expect: {
      error: `FT_HOURS: method 'adapter' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_METHODS}`,
    },
  },
  {
    topic: 'Names',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 1000000, 'full', 'B200'],
    expect: {
      error:
        "FT_COMPUTE_HOURS: gpu 'B200' is not in the FT Catalog sheet or the built-in catalog. Known: H100, A100",
    },
  },
  {
    topic: 'Names',
    fn: 'FT_HOURS',
    args: ['llama-13b', 10000],
    expect: {
      value: 2,
      because: 'case, spaces and hyphens do not matter: 13B, 0.0001 × 10000 × 2',
    },
  },
  {
    topic: 'Names',
    fn: 'FT_HOURS',
    args: ['LLAMA_13B', 10000, 'lo ra'],
    expect: { value: 0.5, because: '13B with LoRA: 0.0001 × 10000 × 2 × 0.25' },
  },
  {
    topic: 'Names',
    fn: 'FT_COST',
    args: ['Llama 13B', 50000, 'aws SPOT'],
    expect: { value: 8.6, because: '10 h × $0.86' },
  },
  {
    topic: 'Names',
    fn: 'FT_MEMORY',
    args: ['Llama 13B', 0.25],
    expect: {
      error: `FT_MEMORY: method must be a method name here (a number sets only a time factor), got 0.25. ${KNOWN_METHODS}`,
    },
  },
  {
    topic: 'Names',
    fn: 'FT_API_COST',
    args: [10000, 1000, 300, 0.003],
    expect: {
      error: 'FT_API_COST: output_price is required when api_or_input_price is a price',
    },
  },
  {
    topic: 'Names',
    fn: 'FT_API_COST',
    args: [10000, 1000, 300, 'Claude', 0.01],
    expect: {
      error:
        "FT_API_COST: output_price must be blank when api_or_input_price names an API ('Claude' has its own prices)",
    },
  },
  {
    topic: 'Names',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 5000000, 'LoRA', 312],
    expect: { value: LORA_13B_5M_A100, because: '312 TFLOPS as a number, same as A100: 0.661376' },
  },
  // ── Text that looks like a formula or HTML ────────────────────────────────
  {
    topic: 'Formula-like and HTML text',
    fn: 'FT_HOURS',
    args: ['=HYPERLINK("http://evil.example","x")', 100],
    expect: {
      error: `FT_HOURS: model '=HYPERLINK("http://evil.example","x")' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_MODELS}`,
    },
  },
  {
    topic: 'Formula-like and HTML text',
    fn: 'FT_HOURS',
    args: ['+1', 100],
    expect: {
      error: `FT_HOURS: model '+1' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_MODELS}`,
      because: 'a signed size is not a model size',
    },
  },
  {
    topic: 'Formula-like and HTML text',
    fn: 'FT_COST',
    args: ['Llama 13B', 100, '@x'],
    expect: {
      error: `FT_COST: provider '@x' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_PROVIDERS}`,
    },
  },
  {
    topic: 'Formula-like and HTML text',
    fn: 'FT_API_COST',
    args: [100, 1000, 300, '<img src=x onerror=alert(1)>'],
    expect: {
      error: `FT_API_COST: api_or_input_price '<img src=x onerror=alert(1)>' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_APIS}`,
      because: 'a message is shown as cell text, never as HTML',
    },
  },
  {
    topic: 'Formula-like and HTML text',
    fn: 'FT_MEMORY',
    args: ['Llama 13B', '<script>alert(1)</script>'],
    expect: {
      error: `FT_MEMORY: method '<script>alert(1)</script>' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_METHODS}`,
    },
  },
  // ── Very long text ────────────────────────────────────────────────────────
  {
    topic: 'Very long text',
    fn: 'FT_HOURS',
    args: ['x'.repeat(100000), 100],
    shownInput: '"xxx…" (100,000 characters), 100',
    expect: {
      error: `FT_HOURS: model '${'x'.repeat(37)}...' is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_MODELS}`,
      because: 'the message shows the first 37 characters',
    },
  },
  {
    topic: 'Very long text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '9'.repeat(400)],
    shownInput: '"Llama 13B", "999…" (400 nines)',
    expect: {
      error: `FT_HOURS: examples must be a positive number, got '${'9'.repeat(37)}...'`,
      because: '10^400 is beyond what a sheet can hold',
    },
  },
  {
    topic: 'Very long text',
    fn: 'FT_HOURS',
    args: ['Llama 13B', `1${'0'.repeat(300)}`],
    shownInput: '"Llama 13B", "1000…" (1 and 300 zeros)',
    expect: { value: 2e296, because: '0.0001 × 1e300 × 2 = 2e296' },
  },
  // ── Unicode look-alikes ───────────────────────────────────────────────────
  {
    topic: 'Unicode look-alikes',
    fn: 'FT_HOURS',
    args: ['Ll\u0430ma 13B chat', 100],
    shownInput: '"Ll\\u0430ma 13B chat" (Cyrillic а), 100',
    expect: {
      error: `FT_HOURS: model 'Ll\u0430ma 13B chat' (it contains U+0430, ${LOOKS_LIKE_ONE}) is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_MODELS}`,
      because: 'never matched silently; the message says which character is not Latin',
    },
  },
  {
    topic: 'Unicode look-alikes',
    fn: 'FT_HOURS',
    args: ['Llama 13B', '\uff15\uff10\uff10\uff10\uff10'],
    shownInput: '"Llama 13B", "\\uff15\\uff10\\uff10\\uff10\\uff10" (full-width 50000)',
    expect: {
      error: `FT_HOURS: examples must be a positive number, got '\uff15\uff10\uff10\uff10\uff10' (it contains U+FF15, U+FF10, ${LOOK_LIKE_MANY})`,
    },
  },
  {
    topic: 'Unicode look-alikes',
    fn: 'FT_HOURS',
    args: ['Llama\u200b13B', 100],
    shownInput: '"Llama\\u200b13B" (zero-width space), 100',
    expect: {
      error: `FT_HOURS: model 'Llama\u200b13B' (it contains U+200B, ${LOOKS_LIKE_ONE}) is not in the FT Catalog sheet or the built-in catalog. ${KNOWN_MODELS}`,
    },
  },
  {
    topic: 'Unicode look-alikes',
    fn: 'FT_COMPUTE_HOURS',
    args: ['Llama 13B', 1000000, 'full', '\u0391100'],
    shownInput: '"Llama 13B", 1000000, "full", "\\u0391100" (Greek Α)',
    expect: {
      error: `FT_COMPUTE_HOURS: gpu '\u0391100' (it contains U+0391, ${LOOKS_LIKE_ONE}) is not in the FT Catalog sheet or the built-in catalog. Known: H100, A100`,
    },
  },
  {
    topic: 'Unicode look-alikes',
    fn: 'FT_HOURS',
    args: ['Llama\u00a013B', 10000],
    shownInput: '"Llama\\u00a013B" (no-break space), 10000',
    expect: { value: 2, because: 'a no-break space is a space: 13B, 0.0001 × 10000 × 2' },
  },
  // ── Issue 14: the managed path and money over time ───────────────────────────
  {
    topic: 'Blank',
    fn: 'FT_MANAGED_COST',
    args: [10000, 500, '', '', 'Llama 13B', 'LoRA'],
    expect: {
      value: 2.5,
      because:
        'blank epochs is 1, blank service the first (Fireworks): 10,000 × 500 ÷ 1e6 × $0.50 (LoRA up to 16B) = 2.5',
    },
  },
  {
    topic: 'Blank',
    fn: 'FT_MANAGED_COST',
    args: [10000, 500],
    expect: {
      error:
        'FT_MANAGED_COST: service "Fireworks" has no price for any model size and any method. Its prices: LoRA up to 16B, LoRA up to 80B, full up to 16B, LoRA up to 300B, LoRA up to any size; give the model and method, or add a row to the FT Catalog sheet',
    },
  },
  {
    topic: 'Names',
    fn: 'FT_MANAGED_COST',
    args: [10000, 500, 1, 'Anthropic'],
    expect: {
      error:
        "FT_MANAGED_COST: service 'Anthropic' is not in the FT Catalog sheet or the built-in catalog. Known: Fireworks, Together AI, OpenAI GPT-4 fine-tuning, OpenAI GPT-4o fine-tuning, OpenAI GPT-4o mini fine-tuning",
    },
  },
  {
    topic: 'Zero',
    fn: 'FT_MANAGED_COST',
    args: [10000, 0],
    expect: { error: 'FT_MANAGED_COST: tokens_per_example must be a positive number, got 0' },
  },
  {
    topic: 'Percents',
    fn: 'FT_NPV',
    args: [1000, 50, 36, 0, '10%'],
    expect: {
      value: 50 * Math.pow(1.1, -1 / 12) * ((1 - 1 / 1.331) / (1 - Math.pow(1.1, -1 / 12))) - 1000,
      because:
        '"10%" is 0.1; v = 1.1^(−1/12): 50 × v × (1 − v^36) ÷ (1 − v) − 1,000 = 50 × 125.4054 × 0.2486852 − 1,000 = 559.32',
    },
  },
  {
    topic: 'Negative',
    fn: 'FT_NPV',
    args: [1000, 50, 36, -1.5],
    expect: {
      error: 'FT_NPV: monthly_growth must be a rate above -100% (e.g. 5% or 0.05), got -1.5',
      because: 'a growth below −100% would make savings change sign every month',
    },
  },
  {
    topic: 'Negative',
    fn: 'FT_NPV',
    args: [1000, 50, 36, 0, '-100%'],
    expect: {
      error:
        "FT_NPV: annual_discount_rate must be a rate above -100% (e.g. 5% or 0.05), got '-100%'",
      because: 'at −100% every future dollar is worth infinitely much',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_NPV',
    args: [1000, 50, 600, 3],
    expect: {
      error:
        'FT_NPV: monthly_growth 3 compounded over 600 months makes the savings too large to compute (beyond about 1e308); use a smaller growth or fewer months',
      because:
        '4^600 ≈ 1e361: growth that explodes past 600 months is named, not shown as a number',
    },
  },
  {
    topic: 'Numbers as text',
    fn: 'FT_NPV',
    args: [1000, 50, '2.5'],
    expect: { error: 'FT_NPV: months must be a whole number of months, got 2.5' },
  },
  {
    topic: 'Percents',
    fn: 'FT_PAYBACK',
    args: [1000, 50, '2%'],
    expect: {
      value: 16 + (1000 - 2500 * (Math.pow(1.02, 16) - 1)) / (50 * Math.pow(1.02, 16)),
      because:
        'after 16 months 2,500 × (1.02^16 − 1) = 931.96; month 17 saves 68.64: 16 + 68.04 ÷ 68.64 = 16.99',
    },
  },
  {
    topic: 'Huge and tiny',
    fn: 'FT_PAYBACK',
    args: [50000, 5e-324, 0, 4095],
    expect: {
      value: 'never',
      because:
        'the least positive number discounted at 409,500% a year (1.0 + 4,095 = 4,096 = 2^12, so ×1/2 a month) is 0 in month 1: never, not #DIV/0! (the ranges property test found it, seed 1614118352)',
    },
  },
  {
    topic: 'Zero',
    fn: 'FT_PAYBACK',
    args: [1000, 0],
    expect: { value: 'never', because: 'no savings: as FT_BREAKEVEN, never' },
  },
  {
    topic: 'Negative',
    fn: 'FT_PAYBACK',
    args: [1000, 50, 0, -3],
    expect: {
      error:
        'FT_PAYBACK: annual_discount_rate must be a rate above -100% (e.g. 5% or 0.05), got -3',
    },
  },
];
