// The sheet tests' Evaluated (test/sheet/helpers.ts) keeps its HyperFormula instance for the
// next Evaluated (test/sheet/hyperformula-pool.ts): of the same workbook, with the cells it
// changed set back, or of another sheet beside the same other sheets, swapped in. Every cell
// must then be what a fresh instance of the whole workbook computes (HyperFormula is given
// only the sheets the evaluated one reads).
import { plainValue, toHyperFormula } from '../../emulator/hyperformula';
import type { HfCell } from '../../emulator/hyperformula';
import { Evaluated, generate, session } from './helpers';
import type { Session } from './helpers';

/** The sheet's values as a fresh HyperFormula instance of the whole workbook computes them. */
function freshValues(s: Session, sheet: string): HfCell[][] {
  const hf = toHyperFormula(s.workbook);
  try {
    return hf.getSheetValues(hf.getSheetId(sheet) as number).map((row) => row.map(plainValue));
  } finally {
    hf.destroy();
  }
}

test('a workbook evaluated again after edits computes as a fresh instance does', () => {
  const s = session();
  const { sheetName } = generate(s, {});
  const expected = freshValues(s, sheetName);
  const first = new Evaluated(s.workbook, sheetName);
  expect(first.rows()).toEqual(expected);
  // Inputs (a name, a number as text, a blank) and a formula cell changed, then given back.
  first.setInputs([
    ['Model', 'Llama 70B'],
    ['Training examples', "'50000"],
    ['Hardware bought ($)', null],
  ]);
  first.setCells([['A1', 'a title typed over']]);
  expect(first.rows()).not.toEqual(expected);
  first.destroy();
  first.destroy(); // a second destroy() does nothing
  const again = new Evaluated(s.workbook, sheetName);
  try {
    expect(again.rows()).toEqual(expected);
  } finally {
    again.destroy();
  }
});

test('another scenario beside the same catalog computes as in the whole workbook', () => {
  const s = session();
  const first = generate(s, { horizonMonths: 12 });
  const ev = new Evaluated(s.workbook, first.sheetName);
  ev.setInput('Training examples', 50000);
  ev.destroy();
  // Another shape, evaluated in the kept instance in place of the first (which HyperFormula
  // is not given: the second scenario's formulas do not name it).
  const second = generate(s, { model: 'Llama 7B', method: 'QLoRA', horizonMonths: 36 });
  const next = new Evaluated(s.workbook, second.sheetName);
  try {
    expect(next.rows()).toEqual(freshValues(s, second.sheetName));
  } finally {
    next.destroy();
  }
});
