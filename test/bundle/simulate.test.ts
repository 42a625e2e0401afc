// FT_SIMULATE on the built bundle: the table it spills, the one figure it gives when asked,
// and a message naming the argument for each bad input. The arithmetic is checked against hand
// figures in test/engine/simulation.test.ts; here, the cell layer around it. The default
// scenario (the article's customer-support example): $1,001.245 up-front, $75 a month saved,
// NPV at 36 months 75 × 36 − 1,001.245 = 1,698.755, break-even 1,001.245 ÷ 75 = 13.3499 months.
import { errorOf, valueOf } from './helpers';

const block = (...rows: [string, unknown][]): unknown[][] => rows;

describe('FT_SIMULATE', () => {
  it('spills a table: percentiles, the chance of payback, the drivers, then 20 histogram bars', () => {
    const table = valueOf('FT_SIMULATE', block(['Requests per month', 10000]), '', 0, 100) as (
      string | number
    )[][];
    expect(table).toHaveLength(27);
    expect(table.every((line) => line.length === 3)).toBe(true);
    expect(table[0]).toEqual(['100 runs, seed 1', 'NPV ($)', 'Payback (months)']);
    expect(table.slice(1, 4).map((line) => line[0])).toEqual(['P10', 'P50', 'P90']);
    // No spread: every run is the scenario, so each percentile is its NPV and break-even.
    for (const line of table.slice(1, 4)) {
      expect(line[1]).toBeCloseTo(1698.755, 9);
      expect(line[2]).toBeCloseTo(1001.245 / 75, 9);
    }
    expect(table[4]).toEqual(['Chance of payback in 36 months', 1, '']);
    expect(table[5]).toEqual([
      'Drivers: Training hours, GPU price, Requests per month, Monthly volume growth, API price, Labeling hours, Annual discount rate triangular ±0%',
      '',
      '',
    ]);
    expect(table[6]).toEqual(['NPV from ($)', 'Runs', 'NPV to ($)']);
    // Every run in the first bar (all NPVs equal).
    expect(table.slice(7).map((line) => line[1])).toEqual([100, ...new Array(19).fill(0)]);
  });

  it('reads the block as the scenario sheet holds it: labels in any case, text numbers', () => {
    const asTyped = valueOf(
      'FT_SIMULATE',
      block(['requests per month', '10,000'], ['', ''], ['Monthly volume growth', '0%']),
      'P50 NPV',
      '0%',
    );
    expect(asTyped).toBeCloseTo(1698.755, 9);
  });

  it('the same seed gives the same answer; another seed another', () => {
    const args = [block(['Requests per month', 20000]), 'P50 NPV', '', 500];
    const first = valueOf('FT_SIMULATE', ...args, 3);
    expect(valueOf('FT_SIMULATE', ...args, 3)).toBe(first);
    expect(valueOf('FT_SIMULATE', ...args, 4)).not.toBe(first);
  });

  it('payback that never comes reads "never"; no chance of it is 0', () => {
    // API at 0 and $0.001 a fine-tuned request: every run loses money every month.
    const losing = block(
      ['Input price ($ per 1K tokens)', 0],
      ['Output price ($ per 1K tokens)', 0],
      ['Inference cost per request ($)', 0.001],
    );
    expect(valueOf('FT_SIMULATE', losing, 'P10 payback', '', 200)).toBe('never');
    expect(valueOf('FT_SIMULATE', losing, 'chance', '', 200)).toBe(0);
  });

  it('a blank block gives a blank', () => {
    expect(valueOf('FT_SIMULATE', '')).toBe('');
    expect(valueOf('FT_SIMULATE', block(['', ''], ['', '']))).toBe('');
  });

  it('names the argument a bad input is in', () => {
    expect(errorOf('FT_SIMULATE')).toBe(
      'FT_SIMULATE: inputs is missing; it takes FT_SIMULATE(inputs, [result], [spread], [runs], [seed], [cases])',
    );
    expect(errorOf('FT_SIMULATE', [['Requests per month', 10000, 'note']])).toBe(
      "FT_SIMULATE: inputs must be two columns: each input's label, then its value (the scenario sheet's Inputs, columns A:B)",
    );
    expect(errorOf('FT_SIMULATE', block(['Requests', 10000]))).toBe(
      "FT_SIMULATE: inputs: 'Requests' (row 1) is not an input of the scenario",
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1], ['epochs', 2]))).toBe(
      "FT_SIMULATE: inputs: 'epochs' (row 2) is given twice",
    );
    // The scenario's own check, as the sheet's Check column words it.
    expect(errorOf('FT_SIMULATE', block(['Training examples', -5]))).toBe(
      'FT_SIMULATE: Training examples must be a positive number, got -5',
    );
    expect(errorOf('FT_SIMULATE', block(['Training examples', '#REF!']))).toBe(
      'FT_SIMULATE: Training examples is a cell error: fix that cell first',
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1]), 'P95 NPV')).toBe(
      "FT_SIMULATE: result must be blank, P10, P50 or P90 NPV or payback, or chance, got 'P95 NPV'",
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1]), '', '100%')).toBe(
      'FT_SIMULATE: spread must be from 0 to below 100%, got 1',
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1]), '', [[0.1], [0.2]])).toBe(
      'FT_SIMULATE: spread must be one cell, got a range',
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1]), '', '', 'many')).toBe(
      "FT_SIMULATE: runs must be a number, got 'many'",
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1]), '', '', 200000)).toBe(
      'FT_SIMULATE: runs must be a whole number from 1 to 100000, got 200000',
    );
    expect(errorOf('FT_SIMULATE', block(['Epochs', 1]), '', '', '', 1.5)).toBe(
      'FT_SIMULATE: seed must be a whole number from 0 to 4294967295, got 1.5',
    );
    // 1e308 requests × 1,000,000 tokens ÷ 1,000 × $0.003 a month: past 1.8e308.
    const huge = block(['Requests per month', 1e308], ['Input tokens per request', 1e6]);
    expect(errorOf('FT_SIMULATE', huge, '', '', 10)).toMatch(
      /^FT_SIMULATE: inputs: some runs are too large to compute/,
    );
  });

  it('reads the cases table: a driver with case values follows them, the others the spread', () => {
    // Labeling hours over the cases 40 (blank: the input), 28 and 60, the rest fixed (spread
    // 0): triangular(28, 40, 60), whose 90% point is 60 − sqrt(0.1 × 32 × 20) = 52, so the P10
    // NPV is 2,698.755 − $25 × 52 = 1,398.755 (test/engine/simulation.test.ts works it all).
    const cases = [
      ['Requests per month', '', '', ''],
      ['Labeling hours', '', 28, '60'],
    ];
    const table = valueOf('FT_SIMULATE', block(['Epochs', 1]), '', 0, '', '', cases) as (
      string | number
    )[][];
    expect(table[1][1] as number).toBeCloseTo(1398.755, 0);
    expect(table[5][0]).toBe(
      'Drivers: Labeling hours triangular over the cases; Training hours, GPU price, Requests per month, Monthly volume growth, API price, Annual discount rate triangular ±0%',
    );
    // A blank table is no cases: the spread for every driver.
    const blank = [['', '', '', '']];
    expect(valueOf('FT_SIMULATE', block(['Epochs', 1]), 'P10 NPV', 0, 100, '', blank)).toBe(
      valueOf('FT_SIMULATE', block(['Epochs', 1]), 'P10 NPV', 0, 100),
    );
  });

  it('names a bad case cell by its row, driver and column', () => {
    const bad = (cases: unknown): string =>
      errorOf('FT_SIMULATE', block(['Epochs', 1]), '', '', 10, '', cases);
    expect(bad([['Requests per month', '', 'many', '']])).toBe(
      "FT_SIMULATE: cases: 'Requests per month' (row 1), column 3, must be a number that is zero or more, got 'many'",
    );
    expect(
      bad([
        ['', '', '', ''],
        ['Monthly volume growth', '', '', '-150%'],
      ]),
    ).toBe(
      "FT_SIMULATE: cases: 'Monthly volume growth' (row 2), column 4, must be a rate above -100% (e.g. 5% or 0.05), got '-150%'",
    );
    expect(bad([['Input price ($ per 1K tokens)', '#N/A', '', '']])).toBe(
      "FT_SIMULATE: cases: 'Input price ($ per 1K tokens)' (row 1), column 2, is the cell error #N/A: fix that cell first",
    );
    expect(bad([['Epochs', 1, 2, 3]])).toBe(
      "FT_SIMULATE: cases: 'Epochs' (row 1) is not a driver with cases",
    );
    expect(
      bad([
        ['Labeling hours', 1],
        ['labeling hours', 2],
      ]),
    ).toBe("FT_SIMULATE: cases: 'labeling hours' (row 2) is given twice");
    expect(bad([['Labeling hours']])).toBe(
      "FT_SIMULATE: cases must be rows of a driver's label, then a value per case",
    );
  });
});
