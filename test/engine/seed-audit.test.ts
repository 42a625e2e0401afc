import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleFigures } from '../../scripts/audit/figures';
import { formatNumber, formatRange, formatWithUnit } from '../../scripts/audit/format';
import { SEED_AUDIT_PATH, renderSeedAudit } from '../../scripts/audit/render';

const ROOT = path.resolve(__dirname, '..', '..');

describe('docs/seed-audit.md', () => {
  it('is what `npm run audit` writes from the engine today', () => {
    const committed = readFileSync(path.join(ROOT, SEED_AUDIT_PATH), 'utf8');
    const regenerated = renderSeedAudit();
    if (committed !== regenerated) {
      throw new Error(
        `${SEED_AUDIT_PATH} is out of date with the engine: run npm run audit and commit the result`,
      );
    }
  });

  it('is deterministic: two renders are identical and carry no date', () => {
    const first = renderSeedAudit();
    expect(renderSeedAudit()).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T|generated (on|at) /i);
  });

  it('has one table row per figure, with the article value and the engine value', () => {
    const figures = articleFigures();
    const rows = renderSeedAudit(figures)
      .split('\n')
      .filter((line) => /^\| \d+ \|/.test(line));
    expect(rows).toHaveLength(figures.length);
    // Practical example 1's per-response price: the article's $0.005 beside the engine's $0.0075.
    const perRequest = rows[figures.findIndex((figure) => figure.id === 'example1.per-request')];
    expect(perRequest).toContain('| $0.005 | $0.0075 | **differs** |');
    const breakEven = rows[figures.findIndex((figure) => figure.id === 'example1.break-even')];
    expect(breakEven).toContain('| 20 months | 13.35 months | **differs** |');
  });

  it('escapes the pipes of quoted table rows so the markdown table keeps its columns', () => {
    const hoursRow = renderSeedAudit()
      .split('\n')
      .find((line) => line.includes('Llama 7B \\| 1 hour'));
    expect(hoursRow).toBeDefined();
    // 7 columns: 8 unescaped pipes.
    expect((hoursRow ?? '').replace(/\\\|/g, '').split('|')).toHaveLength(8);
  });
});

describe('the seed audit shows money to the cent', () => {
  const figures = articleFigures();
  const rendered = renderSeedAudit(figures);
  const rows = rendered.split('\n').filter((line) => /^\| \d+ \|/.test(line));
  const rowOf = (id: string): string => rows[figures.findIndex((figure) => figure.id === id)];
  /** The Engine column: the fourth cell once escaped pipes are set aside. */
  const engineCell = (row: string): string => row.replace(/\\\|/g, '').split(' | ')[3];

  it('rounds amounts to cents, with a real minus sign and an en dash for ranges', () => {
    // Worked cases' up-front: ex3 500 + 500 + 0.125 × 2.49 = 1,000.31125 → $1,000.31;
    // ex2 3,000 + 2.49 = 3,002.49.
    expect(rowOf('intro.upfront-range')).toContain('| $500-5,000 | $1,000.31–$3,002.49 |');
    // Example 3 over 3 years: 36 × 0.10 − 1,000.31125 = −996.71125 → −$996.71.
    expect(rowOf('example3.three-year')).toContain('| $2,600 | \u2212$996.71 | **differs** |');
    // Example 1 ROI at 12 months: 12 × 75 − 1,001.245 = −101.245, half a cent rounds away: −$101.25.
    expect(rowOf('conclusion.runs-12-months')).toContain('| \u2212$101.25 |');
    // Lambda Labs over AWS: 3.98 − 2.88 = 1.10 an hour.
    expect(rowOf('gpu.cheaper-than-aws')).toContain('| $1.10/h |');
    // RunPod to Lambda Labs, the ends of a range.
    expect(rowOf('gpu.runpod-lambda-range')).toContain('| $2.49/h–$3.98/h |');
    // The matrix's dataset sizes: the unit once, after the range.
    expect(rowOf('calculator.dataset-range')).toContain('| 5,000–500,000 examples |');
  });

  it('keeps comparing exact values: $1,001.245 shows as $1,001.25 and is still only "rounded"', () => {
    // Example 1's up-front: 1,000 + 0.5 × 2.49 = 1,001.245; the article's $1,001.25 rounds it.
    expect(rowOf('example1.upfront')).toContain('| $1,001.25 | $1,001.25 | same (rounded) |');
    // Example 3's GPU run: 0.125 × 2.49 = 0.31125 → $0.31, against the article's $0.62.
    expect(rowOf('example3.gpu-cost')).toContain('| $0.62 | $0.31 | **differs** |');
  });

  it('writes no hyphen-minus and no more than cents in the Engine column, except prices below a cent its note states', () => {
    for (const row of rows) {
      const engine = engineCell(row);
      expect(engine).not.toContain('-');
      for (const amount of engine.match(/\$[\d,]+\.\d{3,}/g) ?? []) {
        // A price below a cent ($0.0075 a request) is shown exactly, and its note says so.
        expect(row.slice(row.lastIndexOf(' | '))).toContain(amount);
      }
    }
    // 1,000/1,000 × 0.003 + 300/1,000 × 0.015 = 0.0075 a response: cents would hide it.
    expect(rowOf('example1.per-request')).toContain('| $0.005 | $0.0075 | **differs** |');
  });
});

describe('audit number format', () => {
  it.each([
    [1001.245, 4, '1,001.245'],
    [13.349933, 2, '13.35'],
    [0.0075, 4, '0.0075'],
    [8032.128514, 2, '8,032.13'],
    [555555.5556, 0, '555,556'],
    [-996.71125, 5, '\u2212996.71125'],
    // Half a cent rounds away from zero; toFixed alone gives 2.67 (2.675 is 2.67499... in binary).
    [2.675, 2, '2.68'],
    [-101.245, 2, '\u2212101.25'],
    [-0.0001, 2, '0'],
    [5000000, 4, '5,000,000'],
  ] as const)('formatNumber(%p, %p) is %p', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it.each([
    [24.9, '$', 4, '$24.90'],
    [-996.71125, '$', 5, '\u2212$996.71125'],
    [-996.71125, '$', 2, '\u2212$996.71'],
    [1.1, '$/h', 4, '$1.10/h'],
    [0.75, '%', 4, '75%'],
    [13.349933, 'months', 2, '13.35 months'],
    [2.49, '$/h', 4, '$2.49/h'],
    [6.4, 'x', 2, '6.4x'],
  ] as const)('formatWithUnit(%p, %p) is %p', (value, unit, decimals, expected) => {
    expect(formatWithUnit(value, unit, decimals)).toBe(expected);
  });

  it.each([
    [1000.31125, 3002.49, '$', 2, '$1,000.31\u2013$3,002.49'],
    [-5, 10, '$', 2, '\u2212$5\u2013$10'],
    [5000, 500000, 'examples', 0, '5,000\u2013500,000 examples'],
  ] as const)('formatRange(%p, %p, %p, %p) is %p', (low, high, unit, decimals, expected) => {
    expect(formatRange(low, high, unit, decimals)).toBe(expected);
  });
});
