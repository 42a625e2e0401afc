import { readFileSync } from 'node:fs';
import path from 'node:path';
import { articleFigures } from '../../scripts/audit/figures';
import { formatNumber, formatWithUnit } from '../../scripts/audit/format';
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

describe('audit number format', () => {
  it.each([
    [1001.245, 4, '1,001.245'],
    [13.349933, 2, '13.35'],
    [0.0075, 4, '0.0075'],
    [8032.128514, 2, '8,032.13'],
    [555555.5556, 0, '555,556'],
    [-996.71125, 5, '-996.71125'],
    [-0.0001, 2, '0'],
    [5000000, 4, '5,000,000'],
  ] as const)('formatNumber(%p, %p) is %p', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it.each([
    [24.9, '$', 4, '$24.90'],
    [-996.71125, '$', 5, '-$996.71125'],
    [0.75, '%', 4, '75%'],
    [13.349933, 'months', 2, '13.35 months'],
    [2.49, '$/h', 4, '$2.49/h'],
    [6.4, 'x', 2, '6.4x'],
  ] as const)('formatWithUnit(%p, %p) is %p', (value, unit, decimals, expected) => {
    expect(formatWithUnit(value, unit, decimals)).toBe(expected);
  });
});
