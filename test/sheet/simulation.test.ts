// Issue 21, item 4 on the scenario sheet: one live FT_SIMULATE formula over the Inputs block
// and the cases table, room for the table it spills, a column chart of its histogram, and
// figures equal to the engine's, also after a case value is edited. Places are looked up in
// the written sheet, not pinned.
import { readFileSync } from 'node:fs';
import { evaluateWorkbook } from '../../playground/hf/evaluate';
import { customFunctionSignatures, registerCustomFunctions } from '../../playground/hf/ft-plugin';
import {
  builtInIndex,
  CASE_DRIVERS,
  CatalogIndex,
  inputCells,
  resolveScenario,
  SCENARIO_FIELDS,
  simulateScenario,
  SIMULATION_TABLE,
} from '../../src/engine';
import type { CaseValues, Catalog, MeasuredRun, ScenarioField } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import { CATALOG_FIRST_ROW, CATALOG_SHEET, RUNS_FIRST_COLUMN } from '../../src/addon/catalog-sheet';
import { columnLetter as columnLetterOf, columnNumber } from '../../src/shared/a1';
import { callGlobal, CODE_JS } from '../support/load-bundle';
import { Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';

/** The cells of an absolute range ("$AW$14:$AZ$19") as the sheet holds them, and its corner. */
function cellsOf(
  values: unknown[][],
  range: string,
): { readonly cells: unknown[][]; readonly row: number; readonly column: number } {
  const [, c1, r1, c2, r2] = /^\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(range) ?? [];
  const [row, column] = [Number(r1), columnNumber(c1)];
  const cells = values
    .slice(row - 1, Number(r2))
    .map((line) => line.slice(column - 1, columnNumber(c2)));
  return { cells, row, column };
}

/** The range FT_SIMULATE's sixth argument (cases) names in the formula. */
const casesRangeOf = (formula: string): string =>
  /,"","","","",(\$[A-Z]+\$\d+:\$[A-Z]+\$\d+)\)/.exec(formula)?.[1] ?? '';

/** The engine's reading of the cases table's cells: each driver's values by its label. */
function casesOf(cells: unknown[][]): CaseValues {
  const byLabel = new Map(SCENARIO_FIELDS.map((field) => [field.label, field.key]));
  return Object.fromEntries(
    cells.map(([label, ...values]) => [
      byLabel.get(String(label)) as ScenarioField,
      values.map((value) => (value === '' ? '' : Number(value))),
    ]),
  );
}

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
  const casesRange = casesRangeOf(cell.formula);
  const cases = cellsOf(values, casesRange);

  it('reads the whole Inputs block and the cases table, so it follows every input and case', () => {
    expect(cell.formula).toBe(
      `=ARRAYFORMULA(IFERROR(FT_SIMULATE($A$5:$B$${last},"","","","",${casesRange}), "Runs with the add-in installed, once the Input check is blank"))`,
    );
    expect(values.slice(4, last).map((line) => line[0])).toEqual(
      SCENARIO_FIELDS.map((field) => field.label),
    );
    // The cases table's driver rows: a label, then Base (blank: the input), Best and Worst.
    const labelOf = (key: string): string | undefined =>
      SCENARIO_FIELDS.find((field) => field.key === key)?.label;
    expect(cases.cells.map((line) => line[0])).toEqual(
      CASE_DRIVERS.map((driver) => labelOf(driver.field)),
    );
    expect(values[cases.row - 2].slice(cases.column, cases.column + 3)).toEqual([
      'Base',
      'Best',
      'Worst',
    ]);
    // Requests 20,000 ± 30%: best 26,000, worst 14,000.
    expect(cases.cells[0].slice(1)).toEqual(['', 26000, 14000]);
  });

  it(`leaves room for the ${SIMULATION_TABLE.rows} × 3 table it spills (nothing written there)`, () => {
    for (let r = cell.row; r < cell.row + SIMULATION_TABLE.rows; r++) {
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

  it('gives the engine’s simulation of the scenario, from the blocks as the sheet holds them', () => {
    const block = values.slice(4, last).map((line) => [line[0], line[1]]);
    const table = s.call<unknown[][]>('FT_SIMULATE', block, '', '', 2000, '', cases.cells);
    const index = builtInIndex();
    const resolved = resolveScenario(input, index).input;
    const engine = simulateScenario(inputCells(resolved), index, {
      runs: 2000,
      cases: casesOf(cases.cells),
    });
    expect(table[2][1]).toBe(engine.npv.p50);
    expect(table[SIMULATION_TABLE.chanceRow][1]).toBe(engine.paysBackWithinHorizon);
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
    // The histogram's header, then 20 bars: F and G.
    const header = cell.row + SIMULATION_TABLE.histogramHeaderRow;
    expect(chart?.ranges).toEqual([{ sheet: sheetName, a1: `F${header}:G${header + 20}` }]);
  });
});

/** The sheet computed as Sheets would with the add-in: its FT_SIMULATE cell's table. */
function spilled(s: Session, sheetName: string, at: { row: number; column: number }): unknown[][] {
  registerCustomFunctions(customFunctionSignatures(readFileSync(CODE_JS, 'utf8')));
  const sheets = s.workbook.sheetNames().map((name) => s.workbook.rawSheet(name));
  const evaluation = evaluateWorkbook(sheets, (name, args) => callGlobal(s.context, name, ...args));
  try {
    return evaluation
      .area(sheetName, at.row, at.column, SIMULATION_TABLE.rows, 3)
      .map((line) => line.map((cell) => cell.value));
  } finally {
    evaluation.destroy();
  }
}

describe('a case value edited moves the sheet’s simulation, as the engine’s', () => {
  it('the worst growth typed as -5% widens the NPV’s P10; sheet = engine before and after', () => {
    const s = session();
    const input = { monthlyGrowthRate: 0.01 };
    const { sheetName } = generate(s, input);
    const cell = simulationCell(s.workbook.formulas(sheetName));
    const range = casesRangeOf(cell.formula);
    const index = builtInIndex();
    const engineInputs = inputCells(resolveScenario(input, index).input);
    const engine = (): ReturnType<typeof simulateScenario> =>
      simulateScenario(engineInputs, index, {
        cases: casesOf(cellsOf(s.workbook.values(sheetName), range).cells),
      });
    const before = spilled(s, sheetName, cell);
    const expected = engine();
    // Growth 1% ± 30% at creation: best 1.3%, worst 0.7%, from the cases.
    expect(before[SIMULATION_TABLE.driversRow][0]).toMatch(
      /Monthly volume growth.* triangular over the cases/,
    );
    expect(before[1][1]).toBeCloseTo(expected.npv.p10, 6);
    expect(before[3][2]).toBeCloseTo(expected.payback.p90 as number, 6);

    // The growth row's Worst cell (the table's fourth column) typed as -5%.
    const { cells, row, column } = cellsOf(s.workbook.values(sheetName), range);
    const growthRow = row + cells.findIndex((line) => line[0] === 'Monthly volume growth');
    s.workbook.write(sheetName, `${columnLetterOf(column + 3)}${growthRow}`, [[-0.05]]);
    const after = spilled(s, sheetName, cell);
    const edited = engine();
    // Triangular(-5%, 1%, 1.3%): the low runs fall further, the P10 NPV with them.
    expect(after[1][1] as number).toBeLessThan(before[1][1] as number);
    expect(after[1][1]).toBeCloseTo(edited.npv.p10, 6);
    expect(after[2][1]).toBeCloseTo(edited.npv.p50, 6);
    expect(after[SIMULATION_TABLE.chanceRow][1]).toBeCloseTo(edited.paysBackWithinHorizon, 9);
  });
});

describe('measured runs typed into the catalog give the simulation’s training hours their spread', () => {
  it('3 runs: log-normal from them, as the engine draws it over the same catalog', () => {
    const s = session();
    const { sheetName } = generate(s, { examples: 1000000 });
    const values = (): unknown[][] => s.workbook.values(sheetName);
    const cell = simulationCell(s.workbook.formulas(sheetName));
    const last = SCENARIO_FIELDS.length + 4;
    const call = (): unknown[][] => {
      const block = values()
        .slice(4, last)
        .map((line) => [line[0], line[1]]);
      const cases = cellsOf(values(), casesRangeOf(cell.formula)).cells;
      return s.call<unknown[][]>('FT_SIMULATE', block, '', '', 2000, '', cases);
    };
    expect(call()[SIMULATION_TABLE.driversRow][0]).toMatch(
      /; Training hours, GPU price, .*triangular ±30%$/,
    );
    // Three Llama 13B LoRA runs of 1e8 tokens on one H100, measured at 0.8, 1 and 1.25 times the
    // estimate 4 × 13e9 × 1e8 ÷ (989e12 × 0.35 × 3600) = 4.1728859 GPU-hours.
    const estimate = (4 * 13e9 * 1e8) / (989e12 * 0.35 * 3600);
    const runs = [0.8, 1, 1.25].map((ratio) => [
      ...['Llama 13B', 'LoRA', 'H100', 1e8, '', '', '', 1, estimate * ratio, '', 'ours'],
    ]);
    const at = `${columnLetterOf(RUNS_FIRST_COLUMN)}${CATALOG_FIRST_ROW}`;
    s.workbook.write(CATALOG_SHEET, at, runs);
    const table = call();
    expect(table[SIMULATION_TABLE.driversRow][0]).toMatch(
      /; Training hours log-normal from 3 measured runs; GPU price, .*triangular ±30%$/,
    );
    const response = JSON.parse(JSON.stringify(s.call<CatalogResponse>('getCatalog'))) as {
      catalog: Catalog;
      staleAfterDays: number;
      runs: MeasuredRun[];
    };
    const index = new CatalogIndex(response.catalog, [], response.staleAfterDays, response.runs);
    const engine = simulateScenario(
      inputCells(resolveScenario({ examples: 1000000 }, index).input),
      index,
      { runs: 2000, cases: casesOf(cellsOf(values(), casesRangeOf(cell.formula)).cells) },
    );
    expect(engine.calibrationRuns).toBe(3);
    expect([table[1][1], table[3][1]]).toEqual([engine.npv.p10, engine.npv.p90]);
  });
});
