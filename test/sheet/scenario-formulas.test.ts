// The scenario sheet is a live model: its formulas, evaluated by HyperFormula (a real
// formula engine) over the emulated workbook, give the engine's numbers, and follow
// an edited input.
import { NEVER } from '../../src/engine';
import type { ScenarioResult } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import {
  engineResult,
  Evaluated,
  expectClose,
  generate,
  session,
  withDefaultScenario,
} from './helpers';

/**
 * A bad input is explained, not propagated: the result shows a blank, and the verdict (row 2
 * and its own cell) starts with the input's label, cell and what is wrong.
 */
function expectExplained(ev: Evaluated, result: string, message: string): void {
  expect(ev.byLabel(result)).toBe('');
  expect(String(ev.rows()[1][0])).toContain(message);
  expect(ev.byLabel('Verdict')).toBe(ev.rows()[1][0]);
}

/** Compares every number the sheet shows with the engine's result. */
function compareSheet(ev: Evaluated, result: ScenarioResult): void {
  const { training, monthly, upfront, roi } = result;
  expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), training.h100Hours, 'h100 hours');
  expectClose(ev.byLabel("Training hours on the provider's GPU"), training.providerHours, 'hours');
  expectClose(ev.byLabel('Training tokens'), training.trainingTokens, 'tokens');
  expectClose(
    ev.byLabel('Compute-bound hours (cross-check)'),
    training.computeBoundHours,
    'compute-bound',
  );
  expectClose(ev.byLabel('GPU memory (GB)'), training.memoryGb, 'memory');
  expectClose(ev.byLabel('GPU cost of the training run'), training.gpuCost, 'gpu cost');
  expectClose(ev.byLabel('API cost per request'), monthly.apiCostPerRequest, 'per request');
  expectClose(ev.byLabel('API cost per month'), monthly.api, 'api monthly');
  expectClose(ev.byLabel('Fine-tuned cost per month'), monthly.finetuned, 'ft monthly');
  expectClose(ev.byLabel('Monthly savings'), monthly.savings, 'savings');
  for (const item of upfront.items) expectClose(ev.byLabel(item.label), item.amount, item.label);
  expectClose(ev.byLabel('Total up-front'), upfront.total, 'upfront');
  if (result.breakEvenMonths === NEVER) expect(ev.byLabel('Break-even (months)')).toBe('never');
  else expectClose(ev.byLabel('Break-even (months)'), result.breakEvenMonths, 'break-even');
  expectClose(ev.byLabel('ROI at 12 months'), roi.months12, 'roi12');
  expectClose(ev.byLabel('ROI at 24 months'), roi.months24, 'roi24');
  expectClose(ev.byLabel('ROI at 36 months'), roi.months36, 'roi36');
  expectClose(ev.byLabel('ROI at the horizon'), roi.horizon, 'roi horizon');
  expect(ev.byLabel('Verdict')).toBe(result.verdict.text);
  expect(ev.rows()[1][0]).toBe(result.verdict.text);

  const timeline = ev.table('Month');
  expect(timeline).toHaveLength(result.timeline.length);
  result.timeline.forEach((row, i) => {
    expect(timeline[i][0]).toBe(row.month);
    expectClose(timeline[i][1], row.cumulativeApi, `cumulative API ${i}`);
    expectClose(timeline[i][2], row.cumulativeFinetuned, `cumulative FT ${i}`);
    // Blank when the managed service has no price for the model (QLoRA on Fireworks).
    if (row.cumulativeManaged === null) expect(timeline[i][3]).toBe('');
    else expectClose(timeline[i][3], row.cumulativeManaged, `cumulative managed ${i}`);
    expectClose(timeline[i][4], row.savings, `savings ${i}`);
  });
  const providers = ev.table('Provider');
  expect(providers.map((row) => row[0])).toEqual(result.providers.map((row) => row.provider));
  result.providers.forEach((row, i) => {
    expectClose(providers[i][1], row.cost, `${row.provider} cost`);
    expectClose(providers[i][2], row.hours, `${row.provider} hours`);
    expectClose(providers[i][3], row.pricePerGpuHour, `${row.provider} price`);
    expect(providers[i][4]).toBe(row.gpu);
  });
  const methods = ev.table('Method');
  expect(methods.map((row) => row[0])).toEqual(result.methods.map((row) => row.method));
  result.methods.forEach((row, i) => {
    expectClose(methods[i][1], row.hours, `${row.method} hours`);
    expectClose(methods[i][2], row.cost, `${row.method} cost`);
    expectClose(methods[i][3], row.memoryGb, `${row.method} memory`);
    expectClose(methods[i][4], row.computeBoundHours, `${row.method} compute-bound`);
  });
  const matrix = ev.table('Model');
  expect(matrix.map((row) => row[0])).toEqual(result.matrix.models);
  result.matrix.models.forEach((name, i) => {
    result.matrix.datasetSizes.forEach((_, j) => {
      expectClose(matrix[i][1 + j], result.matrix.hours[i][j], `${name} hours ${j}`);
      expectClose(matrix[i][6 + j], result.matrix.cost[i][j], `${name} cost ${j}`);
    });
  });
}

// The article's three examples and two of our own. Expected values in comments are by
// hand from the inputs (the article's own figures differ where its arithmetic does).
const SCENARIOS: readonly {
  name: string;
  input: Record<string, unknown>;
  hand: Record<string, number | string>;
}[] = [
  {
    // Example 1: 13B LoRA on 10K conversations, 40 h labeling at $25 (the defaults).
    name: 'article example 1 (customer support)',
    input: {},
    // 0.0001 x 10,000 x 2 x 0.25 = 0.5 h; x $2.49 = $1.245; + $1,000 = $1,001.245;
    // API 10,000 x (1 x 0.003 + 0.3 x 0.015) = $75/month; break-even 1,001.245 / 75.
    hand: { hours: 0.5, cost: 1.245, upfront: 1001.245, api: 75, breakEven: 1001.245 / 75 },
  },
  {
    // Example 2: classification, "1 hour" of LoRA = 7B on 40K examples; 120 h labeling;
    // 100K predictions a month at $0.001 vs 500 in + 20 out tokens on Claude.
    name: 'article example 2 (document classification)',
    input: {
      model: 'Llama 7B',
      examples: 40000,
      labelingHours: 120,
      requestsPerMonth: 100000,
      inputTokensPerRequest: 500,
      outputTokensPerRequest: 20,
      finetunedCostPerRequest: 0.001,
    },
    // 1 h x $2.49; up-front 3,002.49; API 100,000 x 0.0018 = $180; fine-tuned $100;
    // break-even 3,002.49 / 80 = 37.53 months (the article: 50 batches).
    hand: { hours: 1, cost: 2.49, upfront: 3002.49, api: 180, breakEven: 3002.49 / 80 },
  },
  {
    // Example 3: 7B LoRA, 0.25 h (10K examples), $500 labeling, $500 RTX 4090, Grok,
    // 100 generations of 300 in + 800 out tokens.
    name: 'article example 3 (code generation)',
    input: {
      model: 'Llama 7B',
      examples: 10000,
      labelingHours: 20,
      hardwareCost: 500,
      api: 'Grok',
      requestsPerMonth: 100,
      inputTokensPerRequest: 300,
      outputTokensPerRequest: 800,
    },
    // 0.25 h x 2.49 = 0.6225; up-front 1,000.6225; API 100 x (0.3 x 0.0002 + 0.8 x 0.0015) = $0.126.
    hand: {
      hours: 0.25,
      cost: 0.6225,
      upfront: 1000.6225,
      api: 0.126,
      breakEven: 1000.6225 / 0.126,
    },
  },
  {
    // Ours: an 8B model (between 7B and 13B), full fine-tuning at a $1.50/H100-hour rate,
    // 200K requests a month, 24-month horizon.
    name: 'numeric 8B model, full, $1.50/hour rate',
    input: {
      model: 8,
      method: 'full',
      provider: 1.5,
      examples: 50000,
      requestsPerMonth: 200000,
      horizonMonths: 24,
    },
    // scale = 2^(ln(8/7) / ln(13/7)); hours = 5 x scale; API 200,000 x 0.0075 = $1,500.
    hand: {
      hours: 5 * Math.pow(2, Math.log(8 / 7) / Math.log(13 / 7)),
      cost: 1.5 * 5 * Math.pow(2, Math.log(8 / 7) / Math.log(13 / 7)),
      api: 1500,
    },
  },
  {
    // Ours: 70B QLoRA on Lambda Labs with $2,000/month hosting: API $75 < hosting, never.
    name: 'QLoRA with hosting, break-even never',
    input: {
      model: 'Llama 70B',
      method: 'QLoRA',
      provider: 'Lambda Labs',
      examples: 100000,
      finetunedMonthlyHosting: 2000,
      horizonMonths: 360,
    },
    // 0.0001 x 100,000 x 8 x 0.35 = 28 h x $3.98 = $111.44.
    hand: { hours: 28, cost: 111.44, api: 75, breakEven: 'never' },
  },
];

describe('scenario sheet formulas equal the engine (HyperFormula)', () => {
  test.each(SCENARIOS)('$name', ({ input, hand }) => {
    const s = session();
    const summary = generate(s, input);
    const result = engineResult(s, input);
    // Hand arithmetic pins the engine; the sheet must then equal the engine everywhere.
    expectClose(summary.trainingHours, hand.hours as number, 'hand hours');
    expectClose(summary.trainingCost, hand.cost as number, 'hand cost');
    if (typeof hand.upfront === 'number')
      expectClose(summary.upfrontCost, hand.upfront, 'hand upfront');
    expectClose(summary.monthlyApiCost, hand.api as number, 'hand api');
    if (hand.breakEven === 'never') expect(summary.breakEvenMonths).toBe('never');
    else if (typeof hand.breakEven === 'number')
      expectClose(summary.breakEvenMonths as number, hand.breakEven, 'hand break-even');

    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      compareSheet(ev, result);
    } finally {
      ev.destroy();
    }
  });

  test('editing input cells recalculates everything (examples, requests, provider, model size)', () => {
    withDefaultScenario((ev, s) => {
      ev.setInput('Training examples', 50000);
      ev.setInput('GPU provider', 'AWS spot');
      // The article's own table: 13B on 50K examples is 10 H100 hours (full); LoRA is a quarter.
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 2.5, 'edited hours');
      expectClose(ev.byLabel('GPU cost of the training run'), 2.5 * 0.86, 'edited cost');
      compareSheet(ev, engineResult(s, { examples: 50000, provider: 'AWS spot' }));

      ev.setInput('Requests per month', 0);
      expect(ev.byLabel('Break-even (months)')).toBe('never');
      compareSheet(
        ev,
        engineResult(s, { examples: 50000, provider: 'AWS spot', requestsPerMonth: 0 }),
      );

      ev.setInput('Model', 30);
      compareSheet(
        ev,
        engineResult(s, { model: 30, examples: 50000, provider: 'AWS spot', requestsPerMonth: 0 }),
      );
      ev.setInput('Model', 1000);
      compareSheet(
        ev,
        engineResult(s, {
          model: 1000,
          examples: 50000,
          provider: 'AWS spot',
          requestsPerMonth: 0,
        }),
      );
    });
  });

  test('a row added under a table and filled down computes', () => {
    const s = session();
    const summary = generate(s, {});
    const sheet = summary.sheetName;
    const formulas = s.workbook.formulas(sheet);
    const providersAt = s.workbook.values(sheet)[3].indexOf('Provider');
    const lastProvider = 4 + 13 - 1; // row index of the 13th (last built-in) provider (rows 5-17)
    // Copy the last provider row's formulas one row down, as a fill-down does (relative rows +1).
    const shifted = formulas[lastProvider].slice(providersAt + 1, providersAt + 6).map((formula) =>
      // Relative rows move (F9, $N9); absolute ones ($F$5) and whole columns stay.
      formula.replace(
        /(?<![A-Za-z0-9_$])(\$?[A-Z]{1,3})(\d+)\b/g,
        (_, col: string, row: string) => `${col}${Number(row) + 1}`,
      ),
    );
    s.workbook.write(sheet, `${String.fromCharCode(65 + providersAt)}${lastProvider + 2}`, [
      ['AWS spot', ...shifted],
    ]);
    const ev = new Evaluated(s.workbook, sheet);
    try {
      const providers = ev.table('Provider');
      expect(providers).toHaveLength(14);
      // AWS spot: 0.5 H100 hours x $0.86.
      expectClose(providers[13][1], 0.43, 'filled-down cost');
    } finally {
      ev.destroy();
    }
  });
});

// DESIGN §4: names match ignoring case, spaces, "-" and "_", in the sheet as in the engine.
// The default scenario is Llama 13B (scale 2), LoRA (0.25), 10,000 examples, RunPod
// on-demand ($2.49 per H100-hour), Claude (1,000 in + 300 out tokens, 10,000 requests).
describe('the scenario sheet matches names as the engine does', () => {
  test.each(['llama-13b', 'llama13b', 'LLAMA_13B', ' Llama - 13 B '])(
    'a model typed %j in the input cell computes as "Llama 13B"',
    (typed) => {
      withDefaultScenario((ev, s) => {
        ev.setInput('Model', typed);
        expectClose(ev.byLabel('Model parameters (billions)', 1), 13, 'params');
        // 0.0001 x 10,000 x 2 x 0.25 = 0.5 H100 hours; x $2.49 = $1.245.
        expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.5, 'hours');
        expectClose(ev.byLabel('GPU cost of the training run'), 1.245, 'cost');
        compareSheet(ev, engineResult(s, {}));
        compareSheet(ev, engineResult(s, { model: typed }));
      });
    },
  );

  test.each(['aws-spot', 'AWS  Spot', 'aws_spot'])(
    'a provider typed %j in the input cell computes as "AWS spot"',
    (typed) => {
      withDefaultScenario((ev, s) => {
        ev.setInput('GPU provider', typed);
        // 0.5 H100 hours on an H100 at $0.86 = $0.43.
        expect(ev.byLabel("Provider's GPU", 1)).toBe('H100');
        expectClose(ev.byLabel('$ per GPU-hour', 1), 0.86, 'price');
        expectClose(ev.byLabel('GPU cost of the training run'), 0.43, 'cost');
        compareSheet(ev, engineResult(s, { provider: 'AWS spot' }));
      });
    },
  );

  test('a method and an API typed loosely compute as the catalog rows', () => {
    withDefaultScenario((ev, s) => {
      ev.setInput('Method', 'Q-LoRA');
      // 0.0001 x 10,000 x 2 x 0.35 = 0.7 H100 hours; x $2.49 = $1.743.
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.7, 'QLoRA hours');
      expectClose(ev.byLabel('GPU cost of the training run'), 1.743, 'QLoRA cost');
      ev.setInput('API', 'gpt 4 fine_tuned');
      // 10,000 requests x (1 x $0.03 + 0.3 x $0.06) = 10,000 x 0.048 = $480 a month.
      expectClose(ev.byLabel('API cost per month'), 480, 'GPT-4 fine-tuned monthly');
      compareSheet(ev, engineResult(s, { method: 'QLoRA', api: 'GPT-4 fine-tuned' }));
    });
  });

  test('a table’s title or its "Name" header typed as a name matches no row (not read as zero)', () => {
    withDefaultScenario((ev) => {
      // Rows 2 and 3 of each table's name column hold its title and "Name"; the row's
      // other cells there are blank, which would read as a zero cost.
      for (const [label, typed, canonical] of [
        ['Model', 'Models', 'Llama 13B'],
        ['Model', 'name', 'Llama 13B'],
        ['Method', 'methods', 'LoRA'],
        ['GPU provider', 'GPU-providers', 'RunPod on-demand'],
      ]) {
        ev.setInput(label, typed);
        expectExplained(ev, 'GPU cost of the training run', `${label} (B`);
        ev.setInput(label, canonical);
      }
      ev.setInput('API', 'APIs');
      expectExplained(ev, 'API cost per month', "API (B12): 'APIs' is not in the FT Catalog sheet");
      ev.setInput('API', 'Claude');
      // 0.0001 x 10,000 x 2 x 0.25 = 0.5 H100 hours on RunPod at $2.49 = $1.245.
      expectClose(ev.byLabel('GPU cost of the training run'), 1.245, 'restored');
    });
  });

  test('no catalog lookup lets Sheets read * ? ~ in a name as wildcards; formulas stay short', () => {
    // HyperFormula reads no "~" escapes, so evaluating cannot show the Sheets behaviour: check
    // the formulas instead. No XLOOKUP (Excel 2021 and LibreOffice 24.8 only); every exact
    // MATCH looks up TRUE() in an array or a key, whose * ? ~ are spelled 'a 'b 'c (the key
    // cells' and catalogKey's SUBSTITUTEs, KEY_ESCAPES), and the only other MATCH is the
    // approximate MATCH(size, sizes, 1) of the interpolation ladder.
    const s = session();
    const summary = generate(s, {});
    const formulas = s.workbook
      .formulas(summary.sheetName)
      .flat()
      .filter((formula): formula is string => typeof formula === 'string' && formula !== '');
    const calls = (name: string): string[] => {
      const found: string[] = [];
      for (const formula of formulas) {
        for (
          let at = formula.indexOf(`${name}(`);
          at >= 0;
          at = formula.indexOf(`${name}(`, at + 1)
        ) {
          if (/[A-Z]/.test(formula[at - 1] ?? '')) continue; // XMATCH, not MATCH
          // The whole call: up to the parenthesis that closes it.
          let depth = 0;
          let end = at + name.length;
          do {
            if (formula[end] === '(') depth++;
            if (formula[end] === ')') depth--;
            end++;
          } while (depth > 0);
          found.push(formula.slice(at, end));
        }
      }
      return found;
    };
    expect(calls('XLOOKUP')).toEqual([]);
    const matches = calls('MATCH');
    expect(matches.length).toBeGreaterThan(50);
    const keyCell = /^MATCH\(\$B\$\d+,/;
    const escaped =
      /^MATCH\(SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\(SUBSTITUTE\(.*"'","''"\),"~","'c"\),"\*","'a"\),"\?","'b"\),/;
    for (const call of matches) {
      const exact = call.endsWith(',0)');
      expect({
        call,
        ok: exact
          ? call.startsWith('MATCH(TRUE(),') || keyCell.test(call) || escaped.test(call)
          : call.endsWith(',1)'),
      }).toEqual({ call, ok: true });
    }
    // Issue 13: each name is looked up once per sheet (two ARRAYFORMULAs a name: its name
    // or other names, the name it starts; a COUNTIF counts the names it starts), the rest
    // reads one MATCH of a key; no formula over 1,000 characters.
    const arrays = formulas.join('').split('ARRAYFORMULA(').length - 1;
    expect(arrays).toBeLessThanOrEqual(20);
    expect(Math.max(...formulas.map((formula) => formula.length))).toBeLessThanOrEqual(1000);
  });

  test('a catalog name with * or ? is found as it is written', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // A user model "Llama*" (13B, scale 4) below the built-in models (rows 4-7).
    s.workbook.write('FT Catalog', 'A8', [['Llama*', 13, 4, 'user', '']]);
    const summary = generate(s, {});
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      ev.setInput('Model', 'llama*');
      // 0.0001 x 10,000 x 4 x 0.25 (LoRA) = 1 H100 hour.
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 1, 'Llama* hours');
      compareSheet(ev, engineResult(s, { model: 'Llama*' }));
    } finally {
      ev.destroy();
    }
  });

  test('text that is only spaces, "-" or "_" matches no row (not a blank row read as zero)', () => {
    withDefaultScenario((ev) => {
      // Blank catalog cells normalize to "" too: such a key must give an error, never a
      // blank row's zero.
      for (const typed of ['-', ' _ ']) {
        for (const [label, canonical] of [
          ['Model', 'Llama 13B'],
          ['Method', 'LoRA'],
          ['GPU provider', 'RunPod on-demand'],
        ]) {
          ev.setInput(label, typed);
          expectExplained(ev, 'GPU cost of the training run', `${label} (B`);
          ev.setInput(label, canonical);
        }
        ev.setInput('API', typed);
        expectExplained(ev, 'API cost per month', 'API (B12)');
        ev.setInput('API', 'Claude');
      }
      expectClose(ev.byLabel('GPU cost of the training run'), 1.245, 'restored');
    });
  });

  test('a number in the input cell is a size or a rate, never a catalog name', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Models A:E, built-in rows 4-7: a user's model named 13 (a number cell), 99B at scale 9;
    // providers W:AB, built-in rows 4-8: a user's provider named 2 at $7 an hour.
    s.workbook.write('FT Catalog', 'A8', [[13, 99, 9, 'user', '']]);
    s.workbook.write('FT Catalog', 'W17', [[2, 'H100', 7, 'on-demand', 'user', '']]);
    const summary = generate(s, {});
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      ev.setInput('Model', 13);
      ev.setInput('GPU provider', 2);
      // Size 13 is Llama 13B's: scale 2, 0.5 H100 hours; at the rate $2 an hour = $1.
      expectClose(ev.byLabel('Model parameters (billions)', 1), 13, 'params');
      expectClose(ev.byLabel('Model scale factor', 1), 2, 'scale');
      expectClose(ev.byLabel('$ per GPU-hour', 1), 2, 'rate');
      expectClose(ev.byLabel('GPU cost of the training run'), 1, 'cost');
      // Not compareSheet: the engine reads the provider named 2 as a $2 rate in its own
      // comparison table too, while the sheet's table finds that row. Only the inputs matter here.
      const engine = engineResult(s, { model: 13, provider: 2 });
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), engine.training.h100Hours);
      expectClose(ev.byLabel('GPU cost of the training run'), engine.training.gpuCost);
      expectClose(ev.byLabel('Total up-front'), engine.upfront.total);
    } finally {
      ev.destroy();
    }
  });

  test('two rows whose names match alike: the sheet and the engine both use the lowest', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Below the built-in "Llama 13B" (row 5, scale 2): "llama_13b" at scale 99.
    s.workbook.write('FT Catalog', 'A8', [['llama_13b', 13, 99, 'user', '']]);
    const { warnings } = s.call<CatalogResponse>('getCatalog');
    expect(warnings).toEqual([
      'FT Catalog row 5 (Models): "Llama 13B" is also in row 8 below; the lowest row of a name is used, so this row is not.',
    ]);
    const summary = generate(s, { model: 'llama_13b' });
    // The lowest row: 0.0001 x 10,000 x 99 x 0.25 = 24.75 H100 hours.
    expectClose(summary.trainingHours, 24.75, 'engine hours');
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      ev.setInput('Model', 'Llama 13B'); // the first row's own spelling
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 24.75, 'sheet hours');
      compareSheet(ev, engineResult(s, { model: 'llama_13b' }));
    } finally {
      ev.destroy();
    }
  });

  test('a provider whose GPU is written "a-100" uses the A100 row, in the engine and the sheet', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Providers W:AC, built-in rows 4-16.
    s.workbook.write('FT Catalog', 'W17', [['Beta', 'a-100', 1.2, 'on-demand', 'user', '']]);
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(warnings).toEqual([]);
    expect(catalog.providers.map((row) => row.name)).toContain('Beta');
    const summary = generate(s, { provider: 'beta' });
    // 0.5 H100 hours on an A100 (312 of 989 TFLOPS): 0.5 x 989 / 312 hours, x $1.20.
    const hours = (0.5 * 989) / 312;
    expectClose(summary.trainingHours, hours, 'engine hours');
    expectClose(summary.trainingCost, hours * 1.2, 'engine cost');
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expectClose(ev.byLabel("Training hours on the provider's GPU"), hours, 'sheet hours');
      expectClose(ev.byLabel('GPU cost of the training run'), hours * 1.2, 'sheet cost');
      expectClose(ev.byLabel('GPU peak TFLOPS (bf16 dense)', 1), 312, 'A100 peak');
      const beta = ev.table('Provider').find((row) => row[0] === 'Beta');
      expect(beta?.[4]).toBe('A100');
      expectClose(beta?.[1], hours * 1.2, 'comparison cost');
      compareSheet(ev, engineResult(s, { provider: 'beta' }));
    } finally {
      ev.destroy();
    }
  });

  test('a broken row above a good row of the same name: the lowest (good) row is used', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // The built-in "Llama 13B" (row 5) loses its scale (C5, so its size gives one); row 8 sets 3.
    s.workbook.write('FT Catalog', 'B5', [['x']]);
    s.workbook.write('FT Catalog', 'A8', [['llama-13b', 13, 3, 'user', '']]);
    const { catalog, warnings } = s.call<CatalogResponse>('getCatalog');
    expect(catalog.models.map((row) => row.name)).toContain('llama-13b');
    expect(warnings).toEqual([
      expect.stringMatching(/^FT Catalog row 5 \(Models, "Llama 13B"\): .*; the row is skipped\.$/),
    ]);
    const summary = generate(s, {});
    // 0.0001 x 10,000 x 3 x 0.25 = 0.75 H100 hours.
    expectClose(summary.trainingHours, 0.75, 'engine hours');
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      compareSheet(ev, engineResult(s, {}));
    } finally {
      ev.destroy();
    }
  });
});

// The engine reads a model typed as size text ("8B", "8 b", "0.5B": SIZE_TEXT in
// src/engine/names.ts) as that size, before any name; the sheet must too. Sheets keeps such
// typing as text (only a plain number becomes a number), so the formulas read the text.
// Default scenario: LoRA (0.25), 10,000 examples, RunPod on-demand at $2.49 per H100-hour.
describe('the scenario sheet reads a model typed as size text as the engine does', () => {
  // 8B: scale 2^(ln(8/7) / ln(13/7)) = 1.16127 (between Llama 7B at 1 and 13B at 2);
  // 0.5B: the 7B-13B segment extended down, 2^(ln(0.5/7) / ln(13/7)) = 0.052079.
  const scale8 = Math.pow(2, Math.log(8 / 7) / Math.log(13 / 7));
  const scaleHalf = Math.pow(2, Math.log(0.5 / 7) / Math.log(13 / 7));
  test.each([
    // [typed, size, as the engine gets it, scale]
    ['8B', 8, '8B', scale8],
    ['8 b', 8, '8 b', scale8],
    ['0.5B', 0.5, '0.5B', scaleHalf],
    // An apostrophe keeps " 8 " as text (typed without one, Sheets makes it the number 8).
    ["' 8 ", 8, ' 8 ', scale8],
    ["'13", 13, '13', 2],
  ] as const)('%j in the Model cell computes as the size %d', (typed, size, engineTyped, scale) => {
    withDefaultScenario((ev, s) => {
      ev.setInput('Model', size);
      const asNumber = ev.rows();
      ev.setInput('Model', typed);
      expectClose(ev.byLabel('Model parameters (billions)', 1), size, 'params');
      expectClose(ev.byLabel('Model scale factor', 1), scale, 'scale');
      // 0.0001 x 10,000 x scale x 0.25 H100 hours (8B: 0.29032 h), x $2.49 (8B: $0.72289).
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.25 * scale, 'hours');
      expectClose(ev.byLabel('GPU cost of the training run'), 0.25 * scale * 2.49, 'cost');
      compareSheet(ev, engineResult(s, { model: engineTyped }));
      compareSheet(ev, engineResult(s, { model: size }));
      // Every cell but the input itself and the title that quotes it shows what typing the
      // number shows.
      const asText = ev.rows();
      const r = asText.findIndex((row) => row[0] === 'Model');
      asText[r][1] = asNumber[r][1];
      expect(asText[0][0]).toBe(
        `Fine-tuning scenario: ${typed.replace(/^'/, '')}, LoRA, 10000 examples on RunPod on-demand vs Claude`,
      );
      asText[0][0] = asNumber[0][0];
      // The lookup block's reading of the Model cell itself (its key, the size word) differs too.
      for (const [i, row] of asText.entries()) {
        if (/^Model: |^Size at the end|^Model typed as a size/.test(String(row[0])))
          row[1] = asNumber[i][1];
      }
      expect(asText).toEqual(asNumber);
    });
  });

  // "Mistral 7B" left this list: the engine reads a size at the end of a name (issue 11).
  // Issue 11's names people use, typed into the sheet's input cells (HyperFormula evaluates).
  // Default scenario: Llama 13B, LoRA (0.25), 10,000 examples: 0.5 H100 hours.
  test.each([
    // [cell, typed, what the engine takes it for, hand arithmetic of the GPU cost]
    ['GPU provider', 'RunPod', 'RunPod on-demand', 0.5 * 2.49], // the article's short name
    ['GPU provider', 'Lambda', 'Lambda Labs', 0.5 * 3.98],
    ['GPU provider', 'on-prem', 'On-premise (amortized)', 0.5 * 2.73],
    ['GPU provider', 'aws s', 'AWS spot', 0.5 * 0.86], // the start of one name only
    // "Mistral 7B" is no catalog row but ends in a size: 7B, scale 1, 0.25 h x $2.49.
    ['Model', 'Mistral 7B', 'Mistral 7B', 0.25 * 2.49],
  ] as const)('%s typed %j computes as the engine reads it', (label, typed, engineName, cost) => {
    withDefaultScenario((ev, s) => {
      ev.setInput(label, typed);
      expectClose(ev.byLabel('GPU cost of the training run'), cost, `${typed} cost`);
      const field = label === 'Model' ? 'model' : 'provider';
      compareSheet(ev, engineResult(s, { [field]: engineName }));
    });
  });

  test('a start that several names share ("AWS") is explained, as the engine refuses it', () => {
    withDefaultScenario((ev, s) => {
      ev.setInput('GPU provider', 'AWS');
      expectExplained(ev, 'GPU cost of the training run', "GPU provider (B11): 'AWS'");
      expect(() => engineResult(s, { provider: 'AWS' })).toThrow(
        /could be AWS on-demand, AWS spot/,
      );
    });
  });

  test.each(['8 5', '8bb', 'b', '.5B', '8.B', '-5B', '1e1B', '$8B', '8%'])(
    '%j is no size and no catalog name: an error in the sheet as in the engine',
    (typed) => {
      withDefaultScenario((ev, s) => {
        ev.setInput('Model', `'${typed}`);
        expect(ev.byLabel('Model parameters (billions)', 1)).toMatch(/^#/);
        expectExplained(
          ev,
          'GPU cost of the training run',
          `Model (B5): '${typed}' is not a size or a model in the FT Catalog sheet`,
        );
        expect(() => engineResult(s, { model: typed })).toThrow(/model/);
      });
    },
  );

  test('size text is a size even when a catalog row has that name, as in the engine', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Models A:E, built-in rows 4-7: a user's row named "8B" that says 9 billions at scale 5.
    s.workbook.write('FT Catalog', 'A8', [['8B', 9, 5, 'user', '']]);
    const summary = generate(s, {});
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      ev.setInput('Model', '8B');
      // The engine reads "8B" as the size 8, between Llama 7B (scale 1) and the 9B row
      // (scale 5): 5^(ln(8/7) / ln(9/7)) = 2.35172; x 0.0001 x 10,000 x 0.25 = 0.58793 h.
      const scale = Math.pow(5, Math.log(8 / 7) / Math.log(9 / 7));
      expectClose(ev.byLabel('Model parameters (billions)', 1), 8, 'params');
      expectClose(ev.byLabel('Model scale factor', 1), scale, 'scale');
      expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.25 * scale, 'hours');
      compareSheet(ev, engineResult(s, { model: '8B' }));
    } finally {
      ev.destroy();
    }
  });

  // A rate typed in the GPU provider cell becomes a number in Sheets ("$2.49" too); only an
  // apostrophe keeps it text, and then the formulas' arithmetic reads it as a number.
  test.each(["'2.49", "'$2.49", "' 2.49 "])(
    'a rate kept as text (%j) in the GPU provider cell computes as the engine does',
    (typed) => {
      withDefaultScenario((ev, s) => {
        ev.setInput('GPU provider', typed);
        // 0.5 H100 hours (Llama 13B, LoRA, 10,000 examples) on an H100 at $2.49 = $1.245.
        expect(ev.byLabel("Provider's GPU", 1)).toBe('H100');
        expectClose(ev.byLabel('GPU cost of the training run'), 1.245, 'cost');
        compareSheet(ev, engineResult(s, { provider: typed.slice(1) }));
      });
    },
  );
});

// Issue 13: a bad input is explained in the verdict, in the engine's words with the input's
// label and cell, and the results show a blank (never a #VALUE!/#N/A chain). Default layout:
// Model B5, Training examples B7, GPU provider B11.
describe('a bad input typed into the sheet is explained, not propagated', () => {
  test.each([
    ['Training examples', -100, 'Training examples (B7) must be a positive number, got -100'],
    [
      'Training examples',
      "'fifty thousand",
      "Training examples (B7) must be a positive number, got 'fifty thousand'",
    ],
    ['Training examples', null, 'Training examples (B7) must be a positive number, got a blank'],
    [
      'GPU provider',
      'Oracle',
      "GPU provider (B11): 'Oracle' is not in the FT Catalog sheet or a $ per GPU-hour rate",
    ],
    ['Model', 0, 'Model (B5) must be a positive size, got 0'],
    ['Model', null, 'Model (B5) is blank'],
    [
      'Horizon (months)',
      1.5,
      'Horizon (months) (B29) must be a whole number of months from 1 to 600, got 1.5',
    ],
  ] as const)('%s = %j', (label, typed, message) => {
    withDefaultScenario((ev) => {
      ev.setInput(label, typed);
      expect(String(ev.rows()[1][0])).toBe(message);
      // Every result and table cell is blank: none shows an error.
      const shown = ev.rows().flatMap((row) => row.slice(4));
      expect(shown.filter((cell) => typeof cell === 'string' && cell.startsWith('#'))).toEqual([]);
      expect(ev.byLabel('Total up-front')).toBe('');
      expect(ev.table('Provider')[0][1]).toBe('');
    });
  });

  test('a number typed as text counts as that number everywhere (an up-front item too)', () => {
    withDefaultScenario((ev) => {
      ev.setInput('Hardware bought ($)', "'500");
      ev.setInput('Requests per month', "'10000");
      // 1,001.245 + 500 (the RTX 4090 of the article's example 3) = 1,501.245.
      expectClose(ev.byLabel('Total up-front'), 1501.245, 'up-front with text 500');
      // 10,000 requests x $0.0075 = $75 a month; 1,501.245 / 75 = 20.0166 months.
      expectClose(ev.byLabel('Break-even (months)'), 1501.245 / 75, 'break-even');
      expect(ev.byLabel('Verdict')).toMatch(/^Fine-tune: it pays back in 20 months.*under the/);
    });
  });
});

// Found by review (issues 11-14): cases where the sheet and the engine could part.
describe('edge cases the sheet computes as the engine does', () => {
  test('a catalog model whose scale is blank: its size interpolates, in the sheet as in the engine', () => {
    const s = session();
    s.call('insertCatalogSheet');
    // Models A:F, built-in rows 4-7: a 20B model with no scale. Between Llama 13B (scale 2)
    // and Llama 70B (8): 2 × (20/13)^(ln(8/2) / ln(70/13)) = 2.8517.
    s.workbook.write('FT Catalog', 'A8', [['MyModel 20B', 20, '', 'user', '']]);
    const scale = 2 * Math.pow(20 / 13, Math.log(4) / Math.log(70 / 13));
    const summary = generate(s, { model: 'MyModel 20B' });
    // 0.0001 × 10,000 × scale × 0.25 (LoRA) H100 hours.
    expectClose(summary.trainingHours, 0.25 * scale, 'engine hours');
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expectClose(ev.byLabel('Model scale factor', 1), scale, 'sheet scale');
      compareSheet(ev, engineResult(s, { model: 'MyModel 20B' }));
      ev.setInput('Model', 30); // a size: the ladder leaves the blank-scale row out
      compareSheet(ev, engineResult(s, { model: 30 }));
    } finally {
      ev.destroy();
    }
  });

  test('discounted payback exactly at the horizon is the horizon, not beyond it', () => {
    // Up-front 1,001.245 + 498.755 of hardware = 1,500 at $75 a month: 20 months exactly.
    const input = { hardwareCost: 498.755, horizonMonths: 20 };
    const s = session();
    const summary = generate(s, input);
    expect(summary.discountedPaybackMonths).toBeCloseTo(20, 9);
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expectClose(ev.byLabel('Discounted payback (months)'), 20, 'sheet payback');
    } finally {
      ev.destroy();
    }
  });

  test('a name of only "-" starts no name (an unknown name, not an ambiguous one)', () => {
    withDefaultScenario((ev) => {
      ev.setInput('Method', "'-");
      expect(String(ev.rows()[1][0])).toBe("Method (B6): '-' is not in the FT Catalog sheet");
    });
  });

  test('a blank GPU provider cell is never read as a $0 rate (Sheets reads VALUE of a blank as 0)', () => {
    // HyperFormula's VALUE of a blank is an error, so the guard is checked in the formula.
    const s = session();
    const summary = generate(s, {});
    const formulas = s.workbook.formulas(summary.sheetName).flat().join('\n');
    expect(formulas).toContain('IF($B$11="",NA(),VALUE($B$11))');
    expect(formulas).not.toMatch(/(?<!\),)VALUE\(\$B\$11\)(?!\))/);
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      ev.setInput('GPU provider', null);
      expect(String(ev.rows()[1][0])).toBe('GPU provider (B11) is blank');
    } finally {
      ev.destroy();
    }
  });
});

describe('Unicode spaces the formulas keep', () => {
  test('a name or a size with U+2009 in it: the sheet and its evaluation both find nothing', () => {
    withDefaultScenario((ev) => {
      // The functions would read "Q\u2009LoRA" as QLoRA; the sheet's formulas keep U+2009.
      ev.setInput('Method', 'Q\u2009LoRA');
      expect(String(ev.rows()[1][0])).toBe(
        "Method (B6): 'Q\u2009LoRA' is not in the FT Catalog sheet",
      );
      ev.setInput('Method', 'LoRA');
      ev.setInput('Model', '8B\u2009');
      expect(String(ev.rows()[1][0])).toContain("Model (B5): '8B\u2009' is not a size");
    });
  });
});

describe('the catalog rows a scenario uses, with the date of their figures', () => {
  test('each row used shows its as-of date (a stale price: test/sheet/freshness.test.ts)', () => {
    withDefaultScenario((ev) => {
      // The article's rows were read on 2026-11-29 (src/engine/catalog.ts).
      expect(ev.byLabel('Model: figures as of', 1)).toBe('2026-11-29');
      // A size or a rate uses no catalog row: no date, and no age.
      ev.setInputs([
        ['Model', 8],
        ['GPU provider', 2.5],
      ]);
      expect(ev.byLabel('Model: figures as of', 1)).toBe('');
      expect(ev.byLabel('GPU provider: price age (days)', 1)).toBe('');
    });
  });
});

test('a model given as a name ending in a size keeps its name in the sheet', () => {
  const s = session();
  const summary = generate(s, { model: 'Mistral 7B' });
  const ev = new Evaluated(s.workbook, summary.sheetName);
  try {
    expect(ev.rows()[4][1]).toBe('Mistral 7B'); // the Model input cell, B5
    expect(String(ev.rows()[0][0])).toMatch(/^Fine-tuning scenario: Mistral 7B, LoRA,/);
    // Read as a 7B model: Llama 7B's scale 1, 0.0001 × 10,000 × 1 × 0.25 = 0.25 H100 hours.
    expectClose(ev.byLabel("H100 GPU-hours (the article's rule)"), 0.25, 'hours');
  } finally {
    ev.destroy();
  }
});
