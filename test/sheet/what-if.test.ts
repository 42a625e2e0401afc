// Issue 21: named cases and the two-way table on the scenario sheet. Every case and grid cell
// is the one model's definitions at other inputs: HyperFormula's values of the sheet equal
// the engine's evaluation of the scenario at each point, as made, after edits, and for random
// cases, pickers and steps. Positions come from the layout (scenario/places.ts), never typed.
import { columnLetter } from '../../src/shared/a1';
import {
  CASE_DRIVERS,
  CASE_NAMES,
  CASE_RESULTS,
  GRID_DRIVERS,
  GRID_SHOWS,
  GRID_STEPS,
  PAYBACK_STATUS,
} from '../../src/engine';
import type { CatalogIndex, ScenarioField } from '../../src/engine';
import { CatalogIndex as Index } from '../../src/engine';
import { scenarioLayout } from '../../src/addon/scenario-layout';
import type { ScenarioLayout } from '../../src/addon/scenario-layout';
import type { Catalog } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import { propertyRuns, propertySeed } from '../support/property-runs';
import { engineResult, Evaluated, generate, session } from './helpers';
import type { Session } from './helpers';
import { whatIfMismatches } from './what-if-agreement';

const a1 = (column: number, row: number): string => `${columnLetter(column)}${row}`;

interface Made {
  readonly s: Session;
  readonly ev: Evaluated;
  readonly layout: ScenarioLayout;
  readonly index: CatalogIndex;
  readonly sheetName: string;
}

/** A scenario made by the bundle, its sheet in HyperFormula, and the layout's places. */
function make(input: Record<string, unknown> = {}): Made {
  const s = session();
  const { sheetName } = generate(s, input);
  const catalog = JSON.parse(
    JSON.stringify(s.call<CatalogResponse>('getCatalog').catalog),
  ) as Catalog;
  const index = new Index(catalog);
  const layout = scenarioLayout(engineResult(s, input), index);
  return { s, ev: new Evaluated(s.workbook, sheetName), layout, index, sheetName };
}

function expectAgreement(made: Made, horizon = 36): void {
  const { wrong, compared } = whatIfMismatches(made.ev.rows(), made.layout, horizon, made.index);
  expect(wrong).toEqual([]);
  // A workings row of every moved metric per case and grid cell, the summary, the grid.
  const points = 3 + (2 * GRID_STEPS + 1) ** 2;
  expect(compared).toBeGreaterThan(points * made.layout.whatIf.metrics.length);
}

describe('the what-if blocks as made (default scenario)', () => {
  let made: Made;
  beforeAll(() => {
    made = make();
  });
  afterAll(() => made.ev.destroy());
  const w = (): ScenarioLayout['whatIf']['places'] => made.layout.whatIf.places;
  const at = (column: number, row: number): unknown => made.ev.rows()[row - 1][column - 1];
  const summary = (metric: string, c: number): unknown =>
    at(
      w().caseColumn + c,
      w().summaryHeaderRow + 1 + CASE_RESULTS.findIndex((r) => r.metric === metric),
    );

  test('every case, grid cell and workings cell equals the engine at its point', () => {
    expectAgreement(made);
  });

  test('best and worst move each driver by the article\u2019s 30%, base is blank', () => {
    const row = (field: ScenarioField): number => w().caseRows.get(field) ?? 0;
    // 10,000 requests: best 13,000, worst 7,000; Claude's $0.003 / $0.015 per 1K from the catalog.
    expect(at(w().caseColumn, row('requestsPerMonth'))).toBeNull();
    expect(at(w().caseColumn + 1, row('requestsPerMonth'))).toBe(13000);
    expect(at(w().caseColumn + 2, row('requestsPerMonth'))).toBe(7000);
    expect(at(w().caseColumn + 1, row('apiOutputPricePer1K'))).toBeCloseTo(0.0195, 12);
    // 40 labeling hours: fewer (28) is better for fine-tuning, more (52) worse.
    expect(at(w().caseColumn + 1, row('labelingHours'))).toBe(28);
    expect(at(w().caseColumn + 2, row('labelingHours'))).toBe(52);
    // Growth and discount are 0: 30% of 0 changes nothing, so the cells stay blank.
    expect(at(w().caseColumn + 1, row('monthlyGrowthRate'))).toBeNull();
  });

  test('the summary by hand: savings and up-front of best and worst', () => {
    // Base: 10,000 x (1000/1000 x 0.003 + 300/1000 x 0.015) = 10,000 x 0.0075 = $75 a month.
    expect(summary('monthlySavings', 0)).toBeCloseTo(75, 9);
    // Best: 13,000 x (0.0039 + 0.3 x 0.0195) = 13,000 x 0.00975 = $126.75.
    expect(summary('monthlySavings', 1)).toBeCloseTo(126.75, 9);
    // Worst: 7,000 x (0.0021 + 0.3 x 0.0105) = 7,000 x 0.00525 = $36.75.
    expect(summary('monthlySavings', 2)).toBeCloseTo(36.75, 9);
    // Labeling 28 or 52 hours at $25 instead of 40: $300 less or more up-front.
    const base = Number(summary('upfront', 0));
    expect(Number(summary('upfront', 1))).toBeCloseTo(base - 300, 9);
    expect(Number(summary('upfront', 2))).toBeCloseTo(base + 300, 9);
    expect(Number(summary('breakEven', 1))).toBeCloseTo((base - 300) / 126.75, 9);
  });

  test('the grid centres on the inputs in use: row and column 4 are the scenario itself', () => {
    const centre = GRID_STEPS; // the middle row and column
    expect(at(w().rowValueColumn, w().gridFirstRow + centre)).toBe(10000);
    // Input price blank: the centre is Claude's catalog price, $0.003.
    expect(at(w().gridColumn + centre, w().gridHeaderRow)).toBeCloseTo(0.003, 12);
    expect(at(w().gridColumn + centre, w().gridFirstRow + centre)).toBeCloseTo(
      Number(summary('breakEven', 0)),
      9,
    );
    // The first row: 10,000 x (1 - 2 x 10%) = 8,000 (two steps below the centre).
    expect(at(w().rowValueColumn, w().gridFirstRow)).toBeCloseTo(10000 * (1 - GRID_STEPS * 0.1), 9);
  });

  test('the grid is coloured by each cell\u2019s status: within the horizon green, never red', () => {
    const rules = made.s.workbook.conditionalFormats(made.sheetName);
    const last = 2 * GRID_STEPS;
    const grid = `${a1(w().gridColumn, w().gridFirstRow)}:${a1(w().gridColumn + last, w().gridFirstRow + last)}`;
    const status = a1(w().statusColumn, w().gridFirstRow);
    const ranges = [{ sheet: made.sheetName, a1: grid }];
    expect(rules).toEqual([
      {
        criteria: 'CUSTOM_FORMULA',
        formula: `=${status}="${PAYBACK_STATUS.within}"`,
        background: '#b7e1cd',
        ranges,
      },
      {
        criteria: 'CUSTOM_FORMULA',
        formula: `=${status}="${PAYBACK_STATUS.never}"`,
        background: '#f4c7c3',
        ranges,
      },
    ]);
  });

  test('the what-if inputs are dropdowns: cases from the table, inputs from the workings header', () => {
    const { workbook } = made.s;
    const rule = (row: number): unknown =>
      workbook.dataValidations(made.sheetName)[row - 1][w().inputColumn - 1];
    expect(rule(w().inputRows.case)).toMatchObject({
      criteria: 'VALUE_IN_RANGE',
      args: [
        `${made.sheetName}!${a1(w().caseColumn, w().caseHeaderRow)}:${a1(w().caseColumn + 2, w().caseHeaderRow)}`,
        true,
      ],
      allowInvalid: false,
    });
    expect(
      workbook.validationRangeValues(
        String((rule(w().inputRows.rowDriver) as { args: unknown[] }).args[0]),
      ),
    ).toEqual(GRID_DRIVERS.map((field) => field.label));
    expect(rule(w().inputRows.shows)).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      args: [`${GRID_SHOWS.breakEven}\n${GRID_SHOWS.npv}`, true],
    });
    expect(() =>
      workbook.typeInto(made.sheetName, a1(w().inputColumn, w().inputRows.case), 'Nope'),
    ).toThrow('Pick a case');
    // The cases table and the what-if inputs are left out of the warning; results are not.
    const [protection] = workbook.protections(made.sheetName);
    expect(protection.unprotected).toEqual(
      expect.arrayContaining([
        `${a1(w().caseColumn, w().caseHeaderRow)}:${a1(w().caseColumn + 2, w().caseHeaderRow + CASE_DRIVERS.length)}`,
      ]),
    );
  });
});

describe('live: the model reads the case in use, and edits move cases and grid', () => {
  let made: Made;
  beforeAll(() => {
    made = make();
  });
  afterAll(() => made.ev.destroy());
  const w = (): ScenarioLayout['whatIf']['places'] => made.layout.whatIf.places;

  test('switching the Case input to Worst makes the main results the worst case', () => {
    made.ev.setCells([[a1(w().inputColumn, w().inputRows.case), 'worst']]);
    expectAgreement(made);
    const rows = made.ev.rows();
    const savings = CASE_RESULTS.findIndex((r) => r.metric === 'monthlySavings');
    const worst = rows[w().summaryHeaderRow + savings][w().caseColumn + 1];
    expect(worst).toBeCloseTo(36.75, 9);
    expect(rows[w().summaryHeaderRow + savings][w().inUseColumn - 1]).toBeCloseTo(36.75, 9);
  });

  test('an input, a case cell, the pickers, the steps and the selector all move the grid', () => {
    const rowOf = (field: ScenarioField): number =>
      made.layout.whatIf.places.caseRows.get(field) ?? 0;
    made.ev.setInput('Training examples', 40000);
    made.ev.setCells([
      [a1(w().caseColumn + 1, rowOf('labelingHours')), 5],
      [a1(w().inputColumn, w().inputRows.rowDriver), 'Training examples'],
      [a1(w().inputColumn, w().inputRows.columnDriver), 'Labeling rate ($ per hour)'],
      [a1(w().inputColumn, w().inputRows.rowStep), 0.25],
      [a1(w().inputColumn, w().inputRows.shows), GRID_SHOWS.npv],
    ]);
    expectAgreement(made);
  });

  test('a driver at 0 (growth) steps by the step itself: -20% to 20% a month, the engine\u2019s', () => {
    const growth = GRID_DRIVERS.find((field) => field.key === 'monthlyGrowthRate');
    made.ev.setCells([
      [a1(w().inputColumn, w().inputRows.case), CASE_NAMES[0]],
      [a1(w().inputColumn, w().inputRows.rowDriver), growth?.label ?? ''],
      [a1(w().inputColumn, w().inputRows.rowStep), 0.1],
    ]);
    made.ev.setInput(growth?.label ?? '', 0);
    const rows = made.ev.rows();
    const down = Array.from(
      { length: 2 * GRID_STEPS + 1 },
      (_, k) => rows[w().gridFirstRow + k - 1][w().rowValueColumn - 1],
    );
    // Steps of 10% from a centre of 0: -20%, -10%, 0, 10%, 20%.
    down.forEach((value, k) => expect(value).toBeCloseTo((k - GRID_STEPS) * 0.1, 12));
    expectAgreement(made);
  });

  test('both pickers on one input: the row value wins, still the engine\u2019s', () => {
    made.ev.setCells([
      [a1(w().inputColumn, w().inputRows.rowDriver), 'Requests per month'],
      [a1(w().inputColumn, w().inputRows.columnDriver), 'Requests per month'],
    ]);
    expectAgreement(made);
  });
});

describe('property: random cases, pickers and steps agree with the engine', () => {
  // Quick: 2 runs of a whole sheet (52 points each); thorough: 15.
  const runs = propertyRuns(2, 15);
  let seed = propertySeed(2101);
  const random = (): number => {
    // A small linear congruential generator: the same seed, the same runs.
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  test(`${runs} runs`, () => {
    const made = make({
      requestsPerMonth: 20000,
      monthlyGrowthRate: 0.02,
      annualDiscountRate: 0.08,
    });
    const w = made.layout.whatIf.places;
    try {
      for (let run = 0; run < runs; run++) {
        const cells: [string, number | string | null][] = [];
        CASE_DRIVERS.forEach(({ field }) => {
          CASE_NAMES.forEach((_, c) => {
            const base = { requestsPerMonth: 20000, labelingHours: 40 }[field as string] ?? 0.005;
            const value = random() < 0.3 ? null : base * (0.2 + 2 * random());
            cells.push([a1(w.caseColumn + c, w.caseRows.get(field) ?? 0), value]);
          });
        });
        cells.push([a1(w.inputColumn, w.inputRows.case), pick(CASE_NAMES)]);
        cells.push([a1(w.inputColumn, w.inputRows.rowDriver), pick(GRID_DRIVERS).label]);
        cells.push([a1(w.inputColumn, w.inputRows.columnDriver), pick(GRID_DRIVERS).label]);
        cells.push([a1(w.inputColumn, w.inputRows.rowStep), Math.round(random() * 40) / 100]);
        cells.push([a1(w.inputColumn, w.inputRows.columnStep), Math.round(random() * 40) / 100]);
        cells.push([a1(w.inputColumn, w.inputRows.shows), pick(Object.values(GRID_SHOWS))]);
        made.ev.setCells(cells);
        const { wrong } = whatIfMismatches(made.ev.rows(), made.layout, 36, made.index);
        expect({ run, seed, wrong }).toEqual({ run, seed, wrong: [] });
      }
    } finally {
      made.ev.destroy();
    }
  });
});
