// compareScenarios on the built bundle: the FT Compare sheet's live references, evaluated by
// HyperFormula, equal each scenario's numbers; deleted scenarios' rows go, the user's notes
// right of the table stay, other sheets are never touched, and a failure undoes the run.
import type { Workbook } from '../../emulator';
import { attempt, execution } from '../reliability/harness';
import type { CompareResult, ScenarioSummary } from '../../src/shared/contract';
import { Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';

const COMPARE = 'FT Compare';

function compare(s: Session): CompareResult {
  return s.call<CompareResult>('compareScenarios');
}

/** The compare sheet's rows 3.. evaluated by HyperFormula, columns A:M. */
function evaluatedRows(workbook: Workbook, sheet = COMPARE): unknown[][] {
  const ev = new Evaluated(workbook, sheet);
  try {
    return ev
      .rows()
      .slice(2)
      .map((row) => row.slice(0, 13));
  } finally {
    ev.destroy();
  }
}

/** What a compare row must show for a scenario: its inputs and the engine's numbers. */
function expectRowOf(
  row: unknown[],
  name: string,
  inputs: { model: string; method: string; provider: string },
  summary: ScenarioSummary,
): void {
  expect(row.slice(0, 4)).toEqual([name, inputs.model, inputs.method, inputs.provider]);
  expectClose(row[4] as number, summary.upfrontCost, 'up-front');
  expectClose(row[5] as number, summary.monthlyApiCost, 'monthly API');
  expectClose(row[6] as number, summary.monthlyFinetunedCost, 'monthly fine-tuned');
  if (typeof summary.breakEvenMonths === 'number') {
    expectClose(row[7] as number, summary.breakEvenMonths, 'break-even');
  } else {
    expect(row[7]).toBe(summary.breakEvenMonths);
  }
  // The scenario sheet's NPV at the horizon (issue 14's rows of its Results block).
  expectClose(row[8] as number, summary.npv, 'NPV');
  expectClose(row[9] as number, summary.roi36, 'ROI at 36 months');
  expect(row[10]).toBe(summary.verdict);
}

const DEFAULTS = { model: 'Llama 13B', method: 'LoRA', provider: 'RunPod on-demand' };
const SEVEN_B = { model: 'Llama 7B', method: 'full', provider: 'AWS spot' };

function twoScenarios(): {
  s: Session;
  first: ScenarioSummary;
  second: ScenarioSummary;
} {
  const s = session({ sheets: ['Budget'] });
  s.workbook.write('Budget', 'A1', [
    ['Item', 'Cost'],
    ['GPUs', 1200],
    ['Total', '=SUM(B2:B2)'],
  ]);
  const first = generate(s, {});
  const second = generate(s, SEVEN_B);
  return { s, first, second };
}

describe('compareScenarios', () => {
  test('a workbook with two scenarios: a row of live references each, and a chart', () => {
    const { s, first, second } = twoScenarios();
    expect(compare(s)).toEqual({ sheetName: COMPARE });
    const { workbook } = s;
    expect(workbook.metadata(COMPARE).map((md) => md.key)).toEqual(['ftCompare']);
    for (const name of [first.sheetName, second.sheetName]) {
      expect(workbook.metadata(name).map((md) => md.key)).toEqual(['ftScenario']);
    }
    const formulas = workbook.formulas(COMPARE);
    expect(formulas[1].slice(0, 11)).toEqual(['', '', '', '', '', '', '', '', '', '', '']);
    expect(workbook.values(COMPARE)[1].slice(0, 11)).toEqual([
      'Scenario sheet',
      'Model',
      'Method',
      'GPU provider',
      'Up-front cost',
      'Monthly API cost',
      'Monthly fine-tuned cost',
      'Break-even (months)',
      'NPV at the horizon',
      'ROI at 36 months',
      'Verdict',
    ]);
    // Live references into the scenario sheet, quoted; column A links to the sheet by ID.
    const id = workbook.rawSheet(first.sheetName).sheetId;
    expect(formulas[2][0]).toBe(`=HYPERLINK("#gid=${id}", "${first.sheetName}")`);
    expect(formulas[2][1]).toBe(`='${first.sheetName}'!B5`);
    // NPV: results E:G, training 5-13, monthly 16-21, up-front 22-31, decision 34-40, then
    // money over time from 43: the discount factor, the savings ratio, the NPV at 45.
    expect(formulas[2][8]).toBe(`='${first.sheetName}'!F45`);
    const rows = evaluatedRows(workbook);
    expect(rows).toHaveLength(2);
    expectRowOf(rows[0], first.sheetName, DEFAULTS, first);
    expectRowOf(rows[1], second.sheetName, SEVEN_B, second);
    const [chart, ...others] = workbook.charts(COMPARE);
    expect(others).toEqual([]);
    expect(chart.chartType).toBe('COLUMN');
    expect(chart.options).toEqual({ title: 'Break-even months by scenario' });
    expect(chart.ranges).toEqual([
      { sheet: COMPARE, a1: 'A2:A1000' },
      { sheet: COMPARE, a1: 'H2:H1000' },
    ]);
    expect(workbook.frozenRows(COMPARE)).toBe(2);
  });

  test('after one is deleted (and one renamed, and one added): its row goes, notes stay', () => {
    const { s, first, second } = twoScenarios();
    const { workbook } = s;
    compare(s);
    // The user's notes right of the table, one per scenario row.
    workbook.write(COMPARE, 'L3', [['note on the 13B plan']]);
    workbook.write(COMPARE, 'L4', [['note on the 7B plan', 'ask finance']]);
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    spreadsheet.deleteSheet(workbook.rawSheet(first.sheetName));
    // A name that needs quoting in a reference: the apostrophe is doubled.
    workbook.rawSheet(second.sheetName).setName("Bob's 7B plan");
    const third = generate(s, { model: 'Llama 70B', method: 'QLoRA', provider: 'Lambda Labs' });
    const before = {
      budget: workbook.fingerprint('Budget'),
      second: workbook.fingerprint("Bob's 7B plan"),
      third: workbook.fingerprint(third.sheetName),
    };

    expect(compare(s)).toEqual({ sheetName: COMPARE });
    // Other sheets are not touched.
    expect(workbook.fingerprint('Budget')).toBe(before.budget);
    expect(workbook.fingerprint("Bob's 7B plan")).toBe(before.second);
    expect(workbook.fingerprint(third.sheetName)).toBe(before.third);

    const values = workbook.values(COMPARE);
    // The deleted scenario's row (and its note) went; the 7B row moved up with its notes.
    expect(values[2].slice(11, 13)).toEqual(['note on the 7B plan', 'ask finance']);
    expect(values[3].slice(11, 13)).toEqual(['', '']);
    expect(values.flat()).not.toContain('note on the 13B plan');
    expect(workbook.formulas(COMPARE)[2][1]).toBe("='Bob''s 7B plan'!B5");
    const rows = evaluatedRows(workbook);
    expect(rows).toHaveLength(2);
    expectRowOf(rows[0], "Bob's 7B plan", SEVEN_B, second);
    expectRowOf(
      rows[1],
      third.sheetName,
      { model: 'Llama 70B', method: 'QLoRA', provider: 'Lambda Labs' },
      third,
    );
    expect(workbook.charts(COMPARE)).toHaveLength(1);
    const weights = workbook.fontWeights(COMPARE).map((row) => [...new Set(row.slice(0, 11))]);
    expect(weights.slice(0, 4)).toEqual([['bold'], ['bold'], ['normal'], ['normal']]);
    // A second refresh with nothing new changes nothing.
    const settled = workbook.fingerprint(COMPARE);
    compare(s);
    expect(workbook.fingerprint(COMPARE)).toBe(settled);
  });

  test('a scenario whose name holds double quotes and an apostrophe: its row links and reads it', () => {
    // The user's model name ends in a size, so it is a 7B model; the sheet is named after it.
    const model = 'Bob\'s "fast" 7B';
    const s = session();
    const made = generate(s, { model, method: 'full', provider: 'AWS spot' });
    expect(made.sheetName).toBe('Scenario Bob\'s "fast" 7B full');
    compare(s);
    const id = s.workbook.rawSheet(made.sheetName).sheetId;
    // In a formula's string literal a " is written "" (the label); in a sheet reference a ' is ''.
    expect(s.workbook.formulas(COMPARE)[2].slice(0, 2)).toEqual([
      `=HYPERLINK("#gid=${id}", "Scenario Bob's ""fast"" 7B full")`,
      `='Scenario Bob''s "fast" 7B full'!B5`,
    ]);
    const rows = evaluatedRows(s.workbook);
    expect(rows).toHaveLength(1);
    expectRowOf(rows[0], made.sheetName, { model, method: 'full', provider: 'AWS spot' }, made);
  });

  test("a user's own sheet named FT Compare is never touched: the add-in writes FT Compare (2)", () => {
    const s = session({ sheets: [COMPARE] });
    s.workbook.write(COMPARE, 'A1', [['my own comparison']]);
    const mine = s.workbook.fingerprint(COMPARE);
    generate(s, {});
    expect(compare(s)).toEqual({ sheetName: `${COMPARE} (2)` });
    expect(compare(s)).toEqual({ sheetName: `${COMPARE} (2)` });
    expect(s.workbook.fingerprint(COMPARE)).toBe(mine);
    expect(s.workbook.sheetNames().filter((name) => name.startsWith(COMPARE))).toHaveLength(2);
  });

  test('a scenario sheet is read at the cells its marker recorded when it was made', () => {
    // A sheet made by a release whose layout put the headline cells elsewhere: its marker
    // names them. The current layout would read this sheet at the wrong cells.
    const s = session();
    const current = generate(s, {});
    const { workbook } = s;
    const recorded: Record<string, string> = {
      'input.model': 'B2',
      'input.method': 'B3',
      'input.provider': 'B4',
      upfront: 'C7',
      monthlyApi: 'C8',
      monthlyFinetuned: 'C9',
      breakEven: 'C10',
      npv: 'C11',
      roi36: 'C12',
      verdict: 'C13',
    };
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const old = spreadsheet.insertSheet('Old plan');
    workbook.write('Old plan', 'B2', [['Llama 7B'], ['full'], ['AWS spot']]);
    workbook.write('Old plan', 'C7', [[1000], [75], [5], [14.2], [-20], [1600], ['Fine-tune']]);
    old.addDeveloperMetadata('ftScenario', JSON.stringify(recorded));
    // A marker without a value (a sheet made before markers recorded cells) and one whose
    // value is not a set of plain addresses are read at the current layout's cells.
    const blank = spreadsheet.insertSheet('Blank marker');
    blank.addDeveloperMetadata('ftScenario');
    const hostile = spreadsheet.insertSheet('Hostile marker');
    hostile.addDeveloperMetadata('ftScenario', JSON.stringify({ breakEven: 'A1)+HYPERLINK("x"' }));
    workbook.endExecution();

    compare(s);
    const formulas = workbook.formulas(COMPARE);
    const rowOf = (name: string): string[] => {
      const row = formulas.find((cells) => String(cells[0]).includes(`"${name}")`));
      if (!row) throw new Error(`no compare row for ${name}`);
      return row.map(String);
    };
    const currentRow = rowOf(current.sheetName);
    expect(rowOf('Old plan').slice(1)).toEqual(
      Object.values(recorded).map((address) => `='Old plan'!${address}`),
    );
    for (const name of ['Blank marker', 'Hostile marker']) {
      expect(rowOf(name).slice(1)).toEqual(
        currentRow.slice(1).map((ref) => ref.replace(`'${current.sheetName}'`, `'${name}'`)),
      );
    }
    const evaluated = evaluatedRows(workbook).find((row) => row[0] === 'Old plan');
    // Every value as typed in the old sheet's recorded cells (hand-written above).
    expect(evaluated?.slice(1, 11)).toEqual([
      'Llama 7B',
      'full',
      'AWS spot',
      1000,
      75,
      5,
      14.2,
      -20,
      1600,
      'Fine-tune',
    ]);
  });

  test('with no scenario yet it writes the header rows only', () => {
    const s = session();
    compare(s);
    expect(s.workbook.values(COMPARE)).toHaveLength(2);
  });

  test('SpreadsheetApp calls: a fixed number plus 5 per scenario (naming each sheet)', () => {
    const callsFor = (scenarios: number, refresh: boolean): number => {
      const s = session();
      for (let i = 0; i < scenarios; i++) generate(s, { examples: 1000 + i });
      if (refresh) compare(s);
      s.workbook.resetCalls();
      compare(s);
      return s.workbook.callCount();
    };
    for (const refresh of [false, true]) {
      const one = callsFor(1, refresh);
      // finder result -> location -> sheet -> id, name, and the marker's recorded cells
      expect(callsFor(3, refresh) - one).toBe(2 * 5);
      expect(callsFor(6, refresh) - one).toBe(5 * 5);
    }
  });

  test('in a de_DE spreadsheet (formulas with ";") the links work and a refresh adds no row', () => {
    const s = session({ locale: 'de_DE' });
    const first = generate(s, {});
    const second = generate(s, SEVEN_B);
    compare(s);
    compare(s); // a refresh finds its rows by their links: none is added twice
    const formulas = s.workbook.formulas(COMPARE);
    expect(formulas).toHaveLength(4); // title, header, two scenarios
    for (const [r, summary] of [
      [2, first],
      [3, second],
    ] as const) {
      expect(formulas[r][0]).toMatch(/^=HYPERLINK\("#gid=\d+", ".*"\)$/);
      expect(formulas[r][0]).toContain(summary.sheetName);
      expect(formulas[r][1]).toMatch(/^='.*'!\$?[A-Z]+\$?\d+$/);
    }
    expect(s.workbook.values(COMPARE).flat()).not.toContain('#ERROR!');
  });

  test('two runs at once make one compare sheet: the second waits for the lock', () => {
    const { s } = twoScenarios();
    const { workbook } = s;
    const first = execution(workbook);
    const second = execution(workbook);
    let secondResult: unknown;
    let started = false;
    // The second run starts when the first has found no compare sheet and is about to
    // insert one: without the lock it would find none either and insert "FT Compare (2)".
    first.beforeCall = (_call, name) => {
      if (started || !name.endsWith('.insertSheet')) return;
      started = true;
      const run = (): void => {
        secondResult = attempt(second, 'compareScenarios');
      };
      if (workbook.lockHolder() === null) run();
      else workbook.onLockReleased(run);
    };
    expect(attempt(first, 'compareScenarios')).toEqual({ ok: true, value: { sheetName: COMPARE } });
    expect(started).toBe(true);
    expect(secondResult).toEqual({ ok: true, value: { sheetName: COMPARE } });
    expect(workbook.sheetNames().filter((name) => name.startsWith(COMPARE))).toEqual([COMPARE]);
    expect(workbook.values(COMPARE)).toHaveLength(4);
  });

  describe('a failure at any call', () => {
    test('of a first run leaves no compare sheet and says why', () => {
      const { s } = twoScenarios();
      const names = s.workbook.sheetNames();
      let failures = 0;
      for (let n = 1; ; n++) {
        s.workbook.failAtCall(n);
        try {
          compare(s);
        } catch (error) {
          failures++;
          expect(String((error as Error).message)).toMatch(
            /^Could not write the "FT Compare" sheet: /,
          );
          expect(s.workbook.sheetNames()).toEqual(names);
          continue;
        } finally {
          s.workbook.failAtCall(0);
        }
        break;
      }
      expect(failures).toBeGreaterThan(10);
    });

    test('of a refresh puts the compare sheet back as it was', () => {
      const { s, first } = twoScenarios();
      const { workbook } = s;
      compare(s);
      workbook.write(COMPARE, 'L3', [['note 1']]);
      workbook.write(COMPARE, 'L4', [['note 2']]);
      const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
      spreadsheet.deleteSheet(workbook.rawSheet(first.sheetName));
      generate(s, { model: 'Llama 70B' });
      const before = {
        values: workbook.values(COMPARE),
        formulas: workbook.formulas(COMPARE),
        size: workbook.sheetSize(COMPARE),
        others: workbook
          .sheetNames()
          .filter((name) => name !== COMPARE)
          .map((name) => workbook.fingerprint(name)),
      };
      let failures = 0;
      for (let n = 1; ; n++) {
        workbook.failAtCall(n);
        try {
          compare(s);
        } catch (error) {
          failures++;
          expect(String((error as Error).message)).toMatch(
            /(Nothing was changed|What it had started was undone; no other sheet was changed)\.$/,
          );
          expect(workbook.values(COMPARE)).toEqual(before.values);
          expect(workbook.formulas(COMPARE)).toEqual(before.formulas);
          expect(workbook.sheetSize(COMPARE)).toEqual(before.size);
          continue;
        } finally {
          workbook.failAtCall(0);
        }
        break;
      }
      expect(failures).toBeGreaterThan(10);
      expect(
        workbook
          .sheetNames()
          .filter((name) => name !== COMPARE)
          .map((name) => workbook.fingerprint(name)),
      ).toEqual(before.others);
    });
  });
});
