// Issue 21, item 4 on the scenario sheet: one live FT_SIMULATE formula over the Inputs block,
// room for the table it spills, a column chart of its histogram, and figures equal to the
// engine's. Places are looked up in the written sheet, not pinned.
import {
  builtInIndex,
  inputCells,
  resolveScenario,
  SCENARIO_FIELDS,
  simulateScenario,
} from '../../src/engine';
import { Evaluated, expectClose, generate, session } from './helpers';

/** 1-based row and column of the one cell whose formula calls FT_SIMULATE. */
function simulationCell(formulas: string[][]): { row: number; column: number; formula: string } {
  const found: { row: number; column: number; formula: string }[] = [];
  formulas.forEach((line, r) =>
    line.forEach((formula, c) => {
      if (formula.includes('FT_SIMULATE(')) found.push({ row: r + 1, column: c + 1, formula });
    }),
  );
  expect(found).toHaveLength(1);
  return found[0];
}

describe('the scenario sheet’s simulation block', () => {
  const s = session();
  const input = { requestsPerMonth: 20000, monthlyGrowthRate: 0.01, annualDiscountRate: 0.08 };
  const { sheetName } = generate(s, input);
  const formulas = s.workbook.formulas(sheetName);
  const values = s.workbook.values(sheetName);
  const cell = simulationCell(formulas);
  const last = SCENARIO_FIELDS.length + 4;

  it('reads the whole Inputs block, so it follows every input', () => {
    expect(cell.formula).toBe(
      `=ARRAYFORMULA(IFERROR(FT_SIMULATE($A$5:$B$${last}), "Runs with the add-in installed, once the Input check is blank"))`,
    );
    expect(values.slice(4, last).map((line) => line[0])).toEqual(
      SCENARIO_FIELDS.map((field) => field.label),
    );
  });

  it('leaves room for the 26 × 3 table it spills (nothing written there)', () => {
    for (let r = cell.row; r < cell.row + 26; r++) {
      for (let c = cell.column; c < cell.column + 3; c++) {
        if (r === cell.row && c === cell.column) continue;
        expect([r, c, values[r - 1][c - 1], formulas[r - 1][c - 1]]).toEqual([r, c, '', '']);
      }
    }
  });

  it('without the add-in (HyperFormula here, a colleague’s copy) the cell says so, no error', () => {
    const ev = new Evaluated(s.workbook, sheetName);
    expect(ev.rows()[cell.row - 1][cell.column - 1]).toBe(
      'Runs with the add-in installed, once the Input check is blank',
    );
    ev.destroy();
  });

  it('gives the engine’s simulation of the scenario, from the block as the sheet holds it', () => {
    const block = values.slice(4, last).map((line) => [line[0], line[1]]);
    const table = s.call<unknown[][]>('FT_SIMULATE', block, '', '', 2000);
    const index = builtInIndex();
    const resolved = resolveScenario(input, index).input;
    const engine = simulateScenario(inputCells(resolved), index, { runs: 2000 });
    expect(table[2][1]).toBe(engine.npv.p50);
    expect(table[4][1]).toBe(engine.paysBackWithinHorizon);
  });

  it('with no spread, P50 is the NPV the sheet’s own formulas compute', () => {
    const block = values.slice(4, last).map((line) => [line[0], line[1]]);
    const ev = new Evaluated(s.workbook, sheetName);
    expectClose(
      s.call<number>('FT_SIMULATE', block, 'P50 NPV', 0, 10),
      ev.byLabel('NPV at the horizon') as number,
      'P50 NPV',
    );
    ev.destroy();
  });

  it('a column chart draws the histogram: its bar starts and runs, under their header', () => {
    const chart = s.workbook.charts(sheetName).find((record) => record.chartType === 'COLUMN');
    // The table's sixth row is the histogram's header, then 20 bars: F and G.
    const header = cell.row + 5;
    expect(chart?.ranges).toEqual([{ sheet: sheetName, a1: `F${header}:G${header + 20}` }]);
  });
});
