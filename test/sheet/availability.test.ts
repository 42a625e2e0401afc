// Issue 20: catalog rows say until when an offer lasts; a scenario whose horizon outlives an
// offer it relies on says so. Expected dates and sentences are written out by hand below.
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  computeScenario,
  edate,
  isoOfSerial,
  resolveScenario,
  ScenarioEvaluation,
  scenarioTables,
  SCENARIO_FIELDS,
  serialOfIso,
} from '../../src/engine';
import type { Catalog, ScenarioField, Value } from '../../src/engine';
import {
  CATALOG_COLUMNS,
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  catalogTable,
  columnLetter,
} from '../../src/addon/catalog-sheet';
import { availabilityColumn, upgradeAvailabilityGrid } from '../../src/addon/catalog/availability';
import { catalogSheetGrids } from '../../src/addon/catalog/grids';
import { readCatalogGrid } from '../../src/addon/catalog/read';
import type { ScenarioInputsResponse } from '../../src/shared/contract';
import { Evaluated, generate, session } from './helpers';

const GPT4O_FT = 'OpenAI GPT-4o fine-tuning';

/** A new catalog sheet's cells, as the add-in writes them (labels without their apostrophe). */
function newSheet(): unknown[][] {
  return catalogSheetGrids().values.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? cell.replace(/^'/, '') : cell)),
  );
}

function managedRow(catalog: Catalog, name: string): Catalog['managed'][number] {
  const row = catalog.managed.find((candidate) => candidate.name === name);
  if (!row) throw new Error(`no managed row ${name}`);
  return row;
}

/** The verdict of a scenario that uses the managed GPT-4o service, from a start date. */
function verdictFrom(startDate: string, horizonMonths: number, index: CatalogIndex): string {
  const resolved = resolveScenario({ managedService: GPT4O_FT, startDate, horizonMonths }, index);
  return computeScenario(resolved, index).verdict.text;
}

describe('dates on catalog rows', () => {
  it('built-in rows carry the retirement dates with their sources; others have none', () => {
    // No new jobs from 2027-01-06: the last day is 2027-01-05. Shutdown 2027-01-14: 2027-01-13.
    expect(managedRow(BUILT_IN_CATALOG, GPT4O_FT).availableUntil).toBe('2027-01-05');
    expect(managedRow(BUILT_IN_CATALOG, GPT4O_FT).availableUntilSource).toMatch(/secondary/);
    const api = BUILT_IN_CATALOG.apis.find((row) => row.name === 'GPT-4o fine-tuned');
    expect(api?.availableUntil).toBe('2027-01-13');
    const claude = BUILT_IN_CATALOG.apis.find((row) => row.name === 'Claude');
    expect(claude?.availableUntil).toBeUndefined();
  });

  it('a new sheet has them in the availability columns, and reads them back', () => {
    const grid = newSheet();
    const at = BUILT_IN_CATALOG.managed.findIndex((row) => row.name === GPT4O_FT);
    const column = availabilityColumn('managed', 'availableUntil');
    expect(grid[3 + at][column - 1]).toBe('2027-01-05');
    const { catalog, warnings } = readCatalogGrid(grid);
    expect(warnings).toEqual([]);
    expect(managedRow(catalog, GPT4O_FT).availableUntil).toBe('2027-01-05');
    // A row without dates reads without them.
    expect(catalog.providers[0].availableUntil).toBeUndefined();
  });

  it('a user row below a built-in one overrides its date; a row of its own can have dates', () => {
    const grid = newSheet();
    const table = catalogTable('managed');
    const cells = new Array<unknown>(grid[0].length).fill('');
    cells[table.firstColumn - 1] = GPT4O_FT;
    cells[table.firstColumn] = 25;
    cells[table.firstColumn + 1] = 'GPT-4o fine-tuned';
    cells[availabilityColumn('managed', 'availableUntil') - 1] = '2030-06-30';
    cells[availabilityColumn('managed', 'availableUntilSource') - 1] = 'our contract';
    const own = catalogTable('apis');
    cells[own.firstColumn - 1] = 'Our API';
    cells[own.firstColumn] = 0.001;
    cells[own.firstColumn + 1] = 0.002;
    cells[availabilityColumn('apis', 'availableFrom') - 1] = 46418; // 2027-01-31 as Sheets holds it
    cells[availabilityColumn('apis', 'availableUntil') - 1] = 'soon';
    grid.push(cells);
    const { catalog, warnings } = readCatalogGrid(grid);
    expect(managedRow(catalog, GPT4O_FT)).toMatchObject({
      availableUntil: '2030-06-30',
      availableUntilSource: 'our contract',
    });
    const ours = catalog.apis.find((candidate) => candidate.name === 'Our API');
    expect(ours).toMatchObject({ availableFrom: '2027-01-31', availableUntil: 'soon' });
    expect(warnings.join('\n')).toMatch(/"soon" is not a date written YYYY-MM-DD/);
    // The override is what the scenario uses: a 36-month horizon from 2027-01-01 ends
    // 2029-12-31, before 2030-06-30, so the managed row has nothing to say.
    expect(verdictFrom('2027-01-01', 36, new CatalogIndex(catalog))).not.toMatch(/takes no new/);
  });

  it('a sheet made before the availability columns keeps the built-in dates', () => {
    const old = newSheet().map((row) => row.slice(0, CATALOG_COLUMNS));
    const { catalog, warnings } = readCatalogGrid(old);
    expect(warnings).toEqual([]);
    expect(managedRow(catalog, GPT4O_FT).availableUntil).toBe('2027-01-05');
    // The add-in's upgrade writes the built-in dates into the rows of built-in names.
    const block = upgradeAvailabilityGrid(old);
    const at = BUILT_IN_CATALOG.managed.findIndex((row) => row.name === GPT4O_FT);
    const offset =
      availabilityColumn('managed', 'availableUntil') -
      availabilityColumn('models', 'availableFrom');
    // Row 2 is the block's first (its title), so sheet row 4 + at is index 2 + at.
    expect(block[2 + at][offset]).toBe("'2027-01-05");
  });
});

describe('a horizon against a retirement date (the managed GPT-4o service: last day 2027-01-05)', () => {
  const index = new CatalogIndex(BUILT_IN_CATALOG);
  // A 1-month horizon's last day is EDATE(start, 1) - 1.
  it('ends the day before: 2026-12-05 + 1 month - 1 day = 2027-01-04, nothing said', () => {
    expect(verdictFrom('2026-12-05', 1, index)).not.toMatch(/GPT-4o fine-tuning/);
  });
  it('ends on it: 2026-12-06 + 1 month - 1 day = 2027-01-05, nothing said', () => {
    expect(verdictFrom('2026-12-06', 1, index)).not.toMatch(/GPT-4o fine-tuning/);
  });
  it('ends the day after: 2027-01-06, the verdict says so', () => {
    expect(verdictFrom('2026-12-07', 1, index)).toMatch(
      / OpenAI GPT-4o fine-tuning takes no new jobs after 2027-01-05; this scenario's horizon runs to 2027-01\.$/,
    );
  });
  it("the issue's example: 36 months from 2027-01-01 run to 2029-12", () => {
    expect(verdictFrom('2027-01-01', 36, index)).toContain(
      "OpenAI GPT-4o fine-tuning takes no new jobs after 2027-01-05; this scenario's horizon runs to 2029-12.",
    );
  });
  it('the Check cell of the input says it too, and it is no input problem', () => {
    const resolved = resolveScenario(
      { managedService: GPT4O_FT, startDate: '2027-01-01', horizonMonths: 36 },
      index,
    );
    const model = evaluation(resolved.input, index);
    // A note, first in the cell (the price's staleness may follow as a second note).
    expect(String(model.get('check.managedService'))).toMatch(
      /^Note: OpenAI GPT-4o fine-tuning takes no new jobs after 2027-01-05; this scenario's horizon runs to 2029-12\. /,
    );
    expect(model.get('problem')).toBe('');
  });
});

/** The scenario's evaluation over its inputs as the sheet holds them (the start as a serial). */
function evaluation(
  input: Readonly<Record<ScenarioField, unknown>>,
  index: CatalogIndex,
): ScenarioEvaluation {
  const raw = {} as Record<ScenarioField, Value>;
  for (const field of SCENARIO_FIELDS) raw[field.key] = input[field.key] as Value;
  raw.startDate = serialOfIso(String(input.startDate)) ?? '';
  return new ScenarioEvaluation(raw, index, scenarioTables(index, Number(input.horizonMonths)));
}

describe('dated months', () => {
  const index = new CatalogIndex(BUILT_IN_CATALOG);

  it('EDATE keeps the day or takes the month end: 2027-01-31 + 1 month = 2027-02-28', () => {
    expect(isoOfSerial(edate(serialOfIso('2027-01-31') ?? 0, 1))).toBe('2027-02-28');
    expect(serialOfIso('2027-02-30')).toBeUndefined();
  });

  it('the timeline dates month 0 at the start and month k k months later', () => {
    const resolved = resolveScenario({ startDate: '2027-01-31', horizonMonths: 3 }, index);
    const dates = evaluation(resolved.input, index)
      .tableColumn('timeline', 'date')
      .map((day) => isoOfSerial(Number(day)));
    expect(dates).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
  });

  it('the NPV is the XNPV of the dated flows, to the difference of a month and a 12th of a year', () => {
    // Convention: month 0's cost (the up-front) on the start date, month k's saving on
    // EDATE(start, k). XNPV discounts by (1 + rate)^(days / 365); the model by
    // (1 + rate)^(k / 12). At 10% a year, a month of 28 to 31 days against 30.42 moves a
    // factor by at most ln(1.1) x 2.5 / 365 ~ 0.07%: the two agree within 0.1% of the flows.
    const resolved = resolveScenario(
      {
        startDate: '2027-01-01',
        horizonMonths: 24,
        annualDiscountRate: 0.1,
        monthlyGrowthRate: 0.02,
      },
      index,
    );
    const model = evaluation(resolved.input, index);
    const dates = model.tableColumn('timeline', 'date').map(Number);
    const savings = Number(model.get('monthlySavings'));
    const upfront = Number(model.get('upfront'));
    let xnpv = -upfront;
    let flows = upfront;
    for (let k = 1; k <= 24; k++) {
      const flow = savings * Math.pow(1.02, k - 1);
      xnpv += flow / Math.pow(1.1, (dates[k] - dates[0]) / 365);
      flows += Math.abs(flow);
    }
    const npv = computeScenario(resolved, index).finance.npv;
    expect(Math.abs(npv - xnpv)).toBeLessThan(0.001 * flows);
    // Without discounting the two are the same sum.
    const flat = resolveScenario({ startDate: '2027-01-01', horizonMonths: 24 }, index);
    const flatSavings = computeScenario(flat, index).monthly.savings;
    const flatUpfront = computeScenario(flat, index).upfront.total;
    expect(computeScenario(flat, index).finance.npv).toBeCloseTo(24 * flatSavings - flatUpfront, 6);
  });
});

/** A session whose catalog sheet is as the add-in wrote it before the availability columns. */
function sessionBeforeAvailability(): ReturnType<typeof session> {
  const s = session();
  s.call('insertCatalogSheet');
  const sheet =
    s.workbook.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(CATALOG_SHEET);
  if (!sheet) throw new Error('no catalog sheet');
  const first = availabilityColumn('models', 'availableFrom');
  sheet.deleteColumns(first, sheet.getMaxColumns() - first + 1);
  return s;
}

describe('in the sheet, live over the catalog cells', () => {
  const input = { managedService: GPT4O_FT, startDate: '2027-01-01', horizonMonths: 36 };
  const sentence =
    "OpenAI GPT-4o fine-tuning takes no new jobs after 2027-01-05; this scenario's horizon runs to 2029-12.";

  it('a catalog sheet made before the availability columns gets them with the next scenario', () => {
    const s = sessionBeforeAvailability();
    const summary = generate(s, input);
    const untilColumn = availabilityColumn('managed', 'availableUntil');
    const at = BUILT_IN_CATALOG.managed.findIndex((row) => row.name === GPT4O_FT);
    expect(s.workbook.values(CATALOG_SHEET)[CATALOG_FIRST_ROW - 1 + at][untilColumn - 1]).toBe(
      '2027-01-05',
    );
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expect(String(ev.byLabel('Verdict'))).toContain(sentence);
      // The input's Check cell (column D of its row).
      const row = ev.rows().find((cells) => cells[0] === 'Managed fine-tuning');
      expect(String(row?.[3]).startsWith(`Note: ${sentence} `)).toBe(true);
    } finally {
      ev.destroy();
    }
  });

  it('a date typed over the built-in one changes the verdict, with no new scenario', () => {
    const s = session();
    const summary = generate(s, input);
    const at = BUILT_IN_CATALOG.managed.findIndex((row) => row.name === GPT4O_FT);
    const cell = `${columnLetter(availabilityColumn('managed', 'availableUntil'))}${CATALOG_FIRST_ROW + at}`;
    s.workbook.write(CATALOG_SHEET, cell, [['2030-06-30']]);
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expect(String(ev.byLabel('Verdict'))).not.toContain('takes no new jobs');
    } finally {
      ev.destroy();
    }
  });
});

describe('loading a scenario back into the sidebar', () => {
  it('reads the Start date back as the same day; a sheet made before it loads without it', () => {
    const s = session();
    const { sheetName } = generate(s, { startDate: '2027-01-01' });
    const loaded = s.call<ScenarioInputsResponse | null>('getScenarioInputs');
    const index = new CatalogIndex(BUILT_IN_CATALOG);
    // A date cell holds 46388 (2027-01-01); Sheets' getValues gives a Date, read as YYYY-MM-DD.
    expect(resolveScenario({ startDate: loaded?.input.startDate }, index).input.startDate).toBe(
      '2027-01-01',
    );
    // An older sheet has no Start date row: what is there is not its label.
    const row = s.workbook.values(sheetName).findIndex((cells) => cells[0] === 'Start date');
    s.workbook.write(sheetName, `A${row + 1}`, [['']]);
    const old = s.call<ScenarioInputsResponse | null>('getScenarioInputs');
    expect(old?.input).toMatchObject({ model: 'Llama 13B' });
    expect(old?.input).not.toHaveProperty('startDate');
  });
});

describe('built-in rows appended to a sheet that has the availability columns', () => {
  it("get their dates in their own table's columns only", () => {
    const s = session();
    s.call('insertCatalogSheet');
    const managed = catalogTable('managed');
    const at = BUILT_IN_CATALOG.managed.findIndex((row) => row.name === GPT4O_FT);
    const cleared = CATALOG_FIRST_ROW + at;
    // The user deleted the GPT-4o row's cells (the table's and its dates).
    s.workbook.write(CATALOG_SHEET, `${columnLetter(managed.firstColumn)}${cleared}`, [
      new Array<string>(managed.columns.length).fill(''),
    ]);
    s.workbook.write(
      CATALOG_SHEET,
      `${columnLetter(availabilityColumn('managed', 'availableFrom'))}${cleared}`,
      [['', '', '', '']],
    );
    // The row the built-in one goes back to (below the table's last row) holds a model's date.
    const appendedRow = CATALOG_FIRST_ROW + BUILT_IN_CATALOG.managed.length;
    const modelUntil = `${columnLetter(availabilityColumn('models', 'availableUntil'))}${appendedRow}`;
    s.workbook.write(CATALOG_SHEET, modelUntil, [['2030-01-01']]);
    s.call('insertCatalogSheet');
    const values = s.workbook.values(CATALOG_SHEET);
    expect(values[appendedRow - 1][managed.firstColumn - 1]).toBe(GPT4O_FT);
    expect(values[appendedRow - 1][availabilityColumn('managed', 'availableUntil') - 1]).toBe(
      '2027-01-05',
    );
    // Still the date typed there (a typed date is a date cell), not blanked by the append.
    expect(
      values[appendedRow - 1][availabilityColumn('models', 'availableUntil') - 1],
    ).toBeInstanceOf(Date);
  });
});

describe('a sheet made before the availability columns, with cells of the user where they go', () => {
  it('keeps every cell: they move right past the block, and the block says so', () => {
    const s = sessionBeforeAvailability();
    const first = availabilityColumn('models', 'availableFrom');
    const last = availabilityColumn('managed', 'availableUntilSource');
    // The user's notes: in the blank column before the block, in its first and its last column.
    const separator = first - 1;
    s.workbook.write(CATALOG_SHEET, `${columnLetter(separator)}2`, [['my notes']]);
    s.workbook.write(CATALOG_SHEET, `${columnLetter(first)}5`, [['budget 2027']]);
    s.workbook.write(CATALOG_SHEET, `${columnLetter(last)}9`, [[42]]);
    s.call('insertCatalogSheet');
    const values = s.workbook.values(CATALOG_SHEET);
    // The block and the blank column before it: 1 + 16 columns, inserted at the separator.
    const width = last - separator + 1;
    expect(values[1][separator - 1 + width]).toBe('my notes');
    expect(values[4][first - 1 + width]).toBe('budget 2027');
    expect(values[8][last - 1 + width]).toBe(42);
    // The block in its place, with the built-in dates, and where the cells went.
    expect(values[1][first - 1]).toBe(
      'Availability (optional, YYYY-MM-DD): each row of a table on the left has its dates in its own row here',
    );
    const span = (from: number): string =>
      `${columnLetter(from)}-${columnLetter(from + width - 1)}`;
    expect(values[1][first]).toBe(
      `Your cells in ${span(separator)} moved right to ${span(separator + width)} to make room.`,
    );
    const at = BUILT_IN_CATALOG.managed.findIndex((row) => row.name === GPT4O_FT);
    expect(
      values[CATALOG_FIRST_ROW - 1 + at][availabilityColumn('managed', 'availableUntil') - 1],
    ).toBe('2027-01-05');
    expect(values[1][separator - 1]).toBe('');
    // A second update finds the block: nothing moves again.
    s.call('insertCatalogSheet');
    expect(s.workbook.values(CATALOG_SHEET)[1][separator - 1 + width]).toBe('my notes');
  });
});
