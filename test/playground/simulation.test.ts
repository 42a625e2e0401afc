// Issue 21: the scenario sheet's FT_SIMULATE formula in the playground, where HyperFormula
// calls the built bundle: it spills its 27 × 3 table (P10/P50/P90, the chance, the drivers, the histogram)
// instead of an error, so the page and its column chart show the simulation.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaygroundSession } from '../../playground/session';

test('the scenario sheet’s simulation spills its table in the playground', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-simulation-'));
  const session = new PlaygroundSession(path.join(dir, 'workbook.json'));
  try {
    const made = session.run('generateScenario', [{}]);
    if (!made.ok) throw new Error(made.error);
    const { sheetName } = made.value as { sheetName: string };
    const sheet = session.view().sheets.find((candidate) => candidate.name === sheetName);
    const formula = sheet?.cells.find((cell) => cell.input.includes('FT_SIMULATE('));
    if (!sheet || !formula) throw new Error('no FT_SIMULATE cell on the scenario sheet');
    const at = (row: number, col: number): string =>
      sheet.cells.find((cell) => cell.row === row && cell.col === col)?.display ?? '';
    expect(formula.error).toBeUndefined();
    expect(formula.display).toBe('10000 runs, seed 1');
    expect([at(formula.row + 1, formula.col), at(formula.row + 4, formula.col + 2)]).toEqual([
      'P10',
      '',
    ]);
    // The drivers' distributions: the case drivers from the cases table the sheet passes.
    expect(at(formula.row + 5, formula.col)).toMatch(
      /^Drivers: .*Requests per month.* triangular over the cases/,
    );
    // The histogram's header, then its 20 bars: runs are whole numbers summing to 10,000.
    expect(at(formula.row + 6, formula.col + 1)).toBe('Runs');
    const runs = Array.from({ length: 20 }, (_, i) =>
      Number(at(formula.row + 7 + i, formula.col + 1).replace(/,/g, '')),
    );
    expect(runs.reduce((sum, count) => sum + count, 0)).toBe(10000);
  } finally {
    session.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
