// The sheet a new playground workbook opens on: every FT_* function with the
// article's figures, what each computes, and where the product and the article differ.
import type { Workbook } from '../emulator';

export const EXAMPLES_SHEET = 'Examples';

interface Example {
  readonly label: string;
  readonly formula: string;
  readonly format: string;
  readonly article: string;
}

const EXAMPLES: readonly Example[] = [
  {
    label:
      'H100 GPU-hours to fine-tune Llama 13B (full) on 50,000 examples: 0.0001 × 50,000 × scale 2.0',
    formula: '=FT_HOURS("Llama 13B", 50000)',
    format: '0.## "h"',
    article: '10 hours (table, Llama 13B at 50K)',
  },
  {
    label: 'The same model with LoRA on 10,000 examples (LoRA takes a quarter of the time of full)',
    formula: '=FT_HOURS("Llama 13B", 10000, "LoRA")',
    format: '0.## "h"',
    article: '0.5 hours (LoRA vs full table)',
  },
  {
    label: 'GPU cost of that 50K-example run on AWS spot at $0.86 per H100-hour',
    formula: '=FT_COST("Llama 13B", 50000, "AWS spot")',
    format: '$#,##0.00',
    article: '$8.60 (provider table)',
  },
  {
    label: 'The same run on RunPod on-demand at $2.49 per hour',
    formula: '=FT_COST("Llama 13B", 50000, "RunPod on-demand")',
    format: '$#,##0.00',
    article: '$24.90',
  },
  {
    label: 'Months until a $1,001.25 up-front cost is paid back by $50 a month of API savings',
    formula: '=FT_BREAKEVEN(1001.25, 50)',
    format: '0.000 "months"',
    article: '20 months (customer-support example)',
  },
  {
    label: 'Net saving after 36 months: $50 × 36 − $1,001.25',
    formula: '=FT_ROI(1001.25, 50, 36)',
    format: '$#,##0.00',
    article: '$800 profit',
  },
  {
    label:
      'API cost of 10,000 requests of 1,000 input + 300 output tokens at Claude prices ($0.003 / $0.015 per 1K)',
    formula: '=FT_API_COST(10000, 1000, 300, "Claude")',
    format: '$#,##0.00',
    article: '$50/month: the article uses $0.005 per response, its own prices give $0.0075',
  },
  {
    label:
      'GPU memory to fine-tune Llama 13B with LoRA: bf16 base weights + adapter + 20% activations',
    formula: '=FT_MEMORY("Llama 13B", "LoRA")',
    format: '0.0 "GB"',
    article: '16 GB: does not follow from 2 bytes per parameter for 13B weights',
  },
  {
    label:
      'Compute-bound GPU-hours for 5M tokens of LoRA on an H100 at 35% MFU (a sanity check of the rule)',
    formula: '=FT_COMPUTE_HOURS("Llama 13B", 5000000, "LoRA")',
    format: '0.000 "h"',
    article: 'not in the article (4 × params × tokens / (989 TFLOPS × MFU))',
  },
  {
    label: 'Rented H100-hours at $2.49 that cost as much as buying one for $20,000',
    formula: '=FT_ONPREM_BREAKEVEN(20000, 2.49)',
    format: '#,##0.00 "h"',
    article: '8,032 hours',
  },
  {
    label:
      'Managed fine-tuning (OpenAI): 10,000 examples × 500 tokens = 5M training tokens × $25 per 1M',
    formula: '=FT_MANAGED_COST(10000, 500, 1, "OpenAI GPT-4 fine-tuning")',
    format: '$#,##0.00',
    article: '$125 (OpenAI fine-tuning section)',
  },
  {
    label:
      'Net present value after 36 months of $50 a month against $1,000 up-front, money at 10% a year',
    formula: '=FT_NPV(1000, 50, 36, 0, 10%)',
    format: '$#,##0.00',
    article: 'not in the article (it has no cost of money): $559.32',
  },
  {
    label: 'Months to pay back $1,000 with $50 a month of savings that grow 2% a month',
    formula: '=FT_PAYBACK(1000, 50, 2%)',
    format: '0.00 "months"',
    article: 'not in the article (flat volume only): 16.99 months',
  },
  {
    label:
      'Requests a month that pay $1,000 back in 12 months: each saves $0.0075 − $0.001, the volume grows 5% a month',
    formula: '=FT_REQUIRED_VOLUME(1000, 0.0075, 0.001, 12, 0, 5%)',
    format: '#,##0.00 "requests"',
    article:
      'not in the article: 12 months of 1.05^(k−1) sum to 15.917; 1,000 ÷ (0.0065 × 15.917) = 9,665.45',
  },
  {
    label:
      'The calibrated MFU for LoRA on an A100 (0.35, the default, until runs are typed into the FT Catalog sheet)',
    formula: '=INDEX(FT_CALIBRATION("A100", "LoRA"), 1, 2)',
    format: '0.00',
    article: 'not in the article: no measured runs, so the default MFU, 0.35',
  },
  {
    label:
      'A scenario run 10,000 times with no spread: every run is the scenario, so P50 NPV is its NPV',
    formula: '=FT_SIMULATE({"Requests per month", 10000}, "P50 NPV", 0)',
    format: '$#,##0.00',
    article: 'not in the article: $75 × 36 − $1,001.245 = $1,698.76 (the defaults, rates 0)',
  },
];

/** The rows of the "your own rows" table: model, examples, method. */
const OWN_ROWS: readonly (readonly [string, number, string])[] = [
  ['Llama 7B', 10000, 'full'],
  ['Llama 13B', 50000, 'LoRA'],
  ['8B', 20000, 'QLoRA'],
  ['Llama 70B', 100000, 'full'],
];

/** Writes the Examples sheet into the workbook (setup: not counted as the add-in's calls). */
export function writeExamplesSheet(workbook: Workbook): void {
  const header = ['What it computes', 'Result', 'Formula', "The article's figure"];
  const rows: (string | number)[][] = [header];
  for (const example of EXAMPLES)
    rows.push([example.label, example.formula, `'${example.formula}`, example.article]);
  workbook.write(EXAMPLES_SHEET, 'A1', rows);

  // The table sits right under the examples; its title and the hint stand beside its
  // header, outside the table's open-ended columns (A:E), so nothing typed below is theirs.
  const first = EXAMPLES.length + 3;
  const last = first + OWN_ROWS.length - 1;
  workbook.write(EXAMPLES_SHEET, `F${first - 1}`, [
    ['Your own rows: one formula per column covers the whole table (ranges in, ranges out)'],
    [
      'Type in any cell: a number, text, or a formula such as =FT_COST("Llama 70B", 20000, "Lambda Labs", "LoRA"). Add a row under the table and its results appear.',
    ],
  ]);
  workbook.write(EXAMPLES_SHEET, `A${first - 1}`, [
    ['Model', 'Examples', 'Method', 'H100 hours', 'Cost on RunPod'],
  ]);
  workbook.write(
    EXAMPLES_SHEET,
    `A${first}`,
    OWN_ROWS.map(([model, examples, method]) => [model, examples, method]),
  );
  workbook.write(EXAMPLES_SHEET, `D${first}`, [
    [
      // Open-ended ranges (A15:A): a row typed under the table computes too.
      `=FT_HOURS(A${first}:A, B${first}:B, C${first}:C)`,
      `=FT_COST(A${first}:A, B${first}:B, "RunPod on-demand", C${first}:C)`,
    ],
  ]);

  const sheet = workbook.rawSheet(EXAMPLES_SHEET);
  for (let column = 1; column <= 4; column++) sheet.cellAt(1, column).fontWeight = 'bold';
  for (let column = 1; column <= 5; column++) sheet.cellAt(first - 1, column).fontWeight = 'bold';
  sheet.cellAt(first - 1, 6).fontWeight = 'bold';
  EXAMPLES.forEach((example, index) => {
    sheet.cellAt(index + 2, 2).numberFormat = example.format;
  });
  // Formats reach a little below the table, for the rows a user adds.
  for (let row = first; row <= last + 20; row++) {
    sheet.cellAt(row, 2).numberFormat = '#,##0';
    sheet.cellAt(row, 4).numberFormat = '0.## "h"';
    sheet.cellAt(row, 5).numberFormat = '$#,##0.00';
  }
  sheet.frozenRows = 1;
  sheet.columnWidths.set(1, 560);
  sheet.columnWidths.set(2, 120);
  sheet.columnWidths.set(3, 330);
  sheet.columnWidths.set(4, 420);
  sheet.columnWidths.set(5, 120);
}
