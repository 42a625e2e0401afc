// Issue 20: the Start date input takes a date as Sheets does. Its cell's rule is a date rule
// (Sheets turns "2027-01-01" typed into the cell into a date and refuses other text), and
// should text YYYY-MM-DD get into the cell anyway (pasted into a plain-text cell), the
// formulas read it as that day, as Sheets' EDATE reads a date string, and the engine agrees.
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  resolveScenario,
  ScenarioEvaluation,
  scenarioTables,
  SCENARIO_FIELDS,
} from '../../src/engine';
import type { ScenarioField, Value } from '../../src/engine';
import { Evaluated, generate, session } from './helpers';

const rowOf = (key: string): number => 5 + SCENARIO_FIELDS.findIndex((field) => field.key === key);
const START = `B${rowOf('startDate')}`;

/** The engine's model with the start date cell holding `start` as it is (text or a number). */
function evaluationWith(start: Value): ScenarioEvaluation {
  const index = new CatalogIndex(BUILT_IN_CATALOG);
  const { input } = resolveScenario({ horizonMonths: 3 }, index);
  const raw = {} as Record<ScenarioField, Value>;
  for (const field of SCENARIO_FIELDS) raw[field.key] = input[field.key] as Value;
  raw.startDate = start;
  return new ScenarioEvaluation(raw, index, scenarioTables(index, 3));
}

describe('the Start date cell', () => {
  const s = session();
  const { sheetName } = generate(s, { horizonMonths: 3, startDate: '2027-01-01' });

  it('has a date rule that refuses text that is no date, with help', () => {
    const rule = s.workbook.dataValidations(sheetName)[rowOf('startDate') - 1][1];
    expect(rule).toMatchObject({ criteria: 'DATE_IS_VALID_DATE', allowInvalid: false });
    expect(() => s.workbook.typeInto(sheetName, START, 'next month')).toThrow(
      'Start date must be a date, such as 2027-01-01.',
    );
    expect(s.workbook.typeInto(sheetName, START, '2027-03-01').valid).toBe(true);
  });

  it('text 2027-01-01 in the cell is read as that day: no problem, the months dated from it', () => {
    // Written as text (an apostrophe first), as a paste into a plain-text cell leaves it.
    s.workbook.write(sheetName, START, [["'2027-01-01"]]);
    const ev = new Evaluated(s.workbook, sheetName);
    try {
      const row = ev.rows()[rowOf('startDate') - 1];
      expect(row[1]).toBe('2027-01-01');
      expect(row[3]).toBe('');
      expect(ev.byLabel('Input check')).toBe('');
      // 2027-01-01 + 3 months - 1 day.
      expect(ev.byLabel("Horizon's last day", 1)).toBe('2027-03-31');
    } finally {
      ev.destroy();
    }
  });

  it('the engine reads the same text the same way, and flags text that is no date', () => {
    const text = evaluationWith('2027-01-01');
    expect(text.get('check.startDate')).toBe('');
    expect(text.get('horizonEnd')).toBe('2027-03-31');
    // 46388 is 2027-01-01 as a date cell holds it: the same month ends.
    expect(text.tableColumn('timeline', 'date')).toEqual(
      evaluationWith(46388).tableColumn('timeline', 'date'),
    );
    expect(evaluationWith('2027-01-xx').get('check.startDate')).toBe(
      "Start date must be a date such as 2027-01-01, got '2027-01-xx'",
    );
    expect(evaluationWith('soon').get('check.startDate')).toBe(
      "Start date must be a date such as 2027-01-01, got 'soon'",
    );
  });
});
