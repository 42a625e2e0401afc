// The playground's reference shifter (copy/paste, fill) and structure adjuster
// (insert/delete rows and columns). Expected values are worked by hand beside each
// case; the structure cases are also checked against HyperFormula itself.
import { HyperFormula } from 'hyperformula';
import {
  closeOpenRanges,
  followMovedBlock,
  shiftFormula,
} from '../../playground/formula/references';
import { adjustFormula } from '../../playground/formula/structure';
import type { StructureChange } from '../../playground/formula/structure';

describe('shiftFormula: a formula pasted rows down and columns right', () => {
  test.each([
    // A15 copied one row down is A16; $A$15 stays; mixed references move on their relative part.
    ['=A15', 1, 0, '=A16'],
    ['=$A$15', 1, 0, '=$A$15'],
    ['=$A15+A$15', 2, 3, '=$A17+D$15'],
    ['=SUM(A1:B2)', 1, 1, '=SUM(B2:C3)'],
    // Open-ended ranges and whole columns or rows keep their shape.
    ['=FT_HOURS(A15:A, B15:B, C15:C)', 1, 0, '=FT_HOURS(A16:A, B16:B, C16:C)'],
    ['=SUM(A:A)+SUM(3:3)', 1, 1, '=SUM(B:B)+SUM(4:4)'],
    // Strings, function names and sheet names are left alone.
    ['=FT_HOURS("Llama 13B", A2)', 1, 0, '=FT_HOURS("Llama 13B", A3)'],
    ['="A1 ""B2"" "&C3', 1, 0, '="A1 ""B2"" "&C4'],
    ['=LOG10(A1)+Sheet1!A1', 1, 0, '=LOG10(A2)+Sheet1!A2'],
    ["='Llama 13B (x)'!B2*2", 0, 1, "='Llama 13B (x)'!C2*2"],
    ['=TRUE+1.5E3*A1', 1, 0, '=TRUE+1.5E3*A2'],
    // Moved off the sheet: #REF!, as Sheets pastes it.
    ['=A1+B2', -1, 0, '=#REF!+B1'],
    ["='My sheet'!A1", 0, -1, '=#REF!'],
  ])('%s moved (%i, %i) is %s', (formula, rows, cols, expected) => {
    expect(shiftFormula(formula, rows, cols)).toBe(expected);
  });

  test('text that is not a formula is not touched', () => {
    expect(shiftFormula('A1 and B2', 1, 1)).toBe('A1 and B2');
  });
});

describe('closeOpenRanges: open-ended ranges for HyperFormula', () => {
  const size = (sheet: string | undefined): { rows: number; columns: number } =>
    sheet === 'Big' ? { rows: 5000, columns: 30 } : { rows: 1000, columns: 26 };
  test.each([
    // Only the open end is written, and absolute, so the range means what it meant.
    ['=SUM(A15:A)', '=SUM(A15:A$1000)'],
    ['=SUM(B3:3)', '=SUM(B3:$Z3)'],
    ['=SUM(Big!A2:B)', '=SUM(Big!A2:B$5000)'],
    ['=SUM(A1:B2)+SUM(A:A)', '=SUM(A1:B2)+SUM(A:A)'],
  ])('%s becomes %s', (formula, expected) => {
    expect(closeOpenRanges(formula, size)).toBe(expected);
  });
});

describe('adjustFormula: inserting and deleting rows and columns', () => {
  const rows = (kind: 'insert' | 'delete', index: number, count: number): StructureChange => ({
    kind,
    sheet: 'S',
    axis: 'rows',
    index,
    count,
  });
  const columns = (kind: 'insert' | 'delete', index: number, count: number): StructureChange => ({
    kind,
    sheet: 'S',
    axis: 'columns',
    index,
    count,
  });

  test.each([
    // Two rows inserted before row 5: rows 5 and beyond move down by 2, ranges across grow.
    ['=A4+A5', rows('insert', 5, 2), '=A4+A7'],
    ['=SUM(A1:A10)', rows('insert', 5, 2), '=SUM(A1:A12)'],
    ['=SUM($A$5:$B$6)', rows('insert', 1, 1), '=SUM($A$6:$B$7)'],
    ['=SUM(A15:A)', rows('insert', 16, 1), '=SUM(A15:A)'],
    ['=SUM(A15:A)', rows('insert', 2, 1), '=SUM(A16:A)'],
    ['=Other!A9', rows('insert', 1, 5), '=Other!A9'],
    ['=S!A9', rows('insert', 1, 5), '=S!A14'],
    // Rows 3 to 4 deleted: references below move up by 2, into them are #REF!, ranges shrink.
    ['=A2+A3+A5', rows('delete', 3, 2), '=A2+#REF!+A3'],
    ['=SUM(A1:A10)', rows('delete', 3, 2), '=SUM(A1:A8)'],
    ['=SUM(A3:A10)', rows('delete', 3, 2), '=SUM(A3:A8)'],
    ['=SUM(A1:A4)', rows('delete', 3, 2), '=SUM(A1:A2)'],
    ['=SUM(A3:A4)', rows('delete', 3, 2), '=SUM(#REF!)'],
    // Columns: one inserted before B, then B deleted.
    ['=A1+B1+C1', columns('insert', 2, 1), '=A1+C1+D1'],
    ['=SUM(A1:C1)', columns('delete', 2, 1), '=SUM(A1:B1)'],
    ['=A1+B1+C1', columns('delete', 2, 1), '=A1+#REF!+B1'],
  ])('%s after %o is %s', (formula, change, expected) => {
    expect(adjustFormula(formula, 'S', change)).toBe(expected);
  });

  // HyperFormula is the reference: the same change made by its addRows/removeRows/
  // addColumns/removeColumns gives the same formulas (closed ranges: it has no open ones).
  // The formulas sit on another sheet, F, so the change moves only what they point at.
  const formulas = [
    '=S!A4+S!A5',
    '=SUM(S!A1:A10)',
    '=SUM(S!$A$5:$B$6)*S!C7',
    '=SUM(S!A3:A10)+S!B2',
    '=SUM(S!A1:A4)',
    '=SUM(S!A3:A4)',
    '=S!A1+S!B1+S!C1+S!$D$9',
    '=SUM(S!A1:C1)+SUM(S!B2:E20)',
  ];
  const changes: StructureChange[] = [
    rows('insert', 5, 2),
    rows('insert', 1, 1),
    rows('delete', 3, 2),
    rows('delete', 9, 3),
    columns('insert', 2, 1),
    columns('delete', 2, 1),
    columns('delete', 1, 2),
  ];
  test.each(
    changes.map((change) => [change.kind, change.axis, change.index, change.count, change]),
  )('%s %s at %i (%i) as HyperFormula does it', (_kind, _axis, _index, _count, change) => {
    const c = change as StructureChange;
    const hf = HyperFormula.buildFromSheets(
      { S: [[1]], F: formulas.map((formula) => [formula]) },
      { licenseKey: 'gpl-v3' },
    );
    try {
      const operation: [number, number] = [c.index - 1, c.count];
      const s = hf.getSheetId('S') ?? 0;
      if (c.axis === 'rows') {
        if (c.kind === 'insert') hf.addRows(s, operation);
        else hf.removeRows(s, operation);
      } else if (c.kind === 'insert') hf.addColumns(s, operation);
      else hf.removeColumns(s, operation);
      const after = hf.getSheetFormulas(hf.getSheetId('F') ?? 1).map((row) => row[0]);
      expect(after).toEqual(formulas.map((formula) => adjustFormula(formula, 'F', c)));
    } finally {
      hf.destroy();
    }
  });
});

describe('followMovedBlock: references to cut-and-pasted cells follow them', () => {
  // B2:C3 cut and pasted 3 rows down and 1 column right (to C5:D6).
  const from = { sheet: 'S', row: 2, col: 2, rows: 2, cols: 2 };
  test.each([
    ['=B2+C3', 'S', '=C5+D6'],
    ['=$B$2*2', 'S', '=$C$5*2'],
    ['=SUM(B2:C3)', 'S', '=SUM(C5:D6)'],
    // Partly outside the block, or on another sheet: unchanged.
    ['=SUM(B2:C4)+A1', 'S', '=SUM(B2:C4)+A1'],
    ['=B2', 'Other', '=B2'],
    ['=S!B2', 'Other', '=S!C5'],
  ])('%s on %s becomes %s', (formula, sheet, expected) => {
    expect(followMovedBlock(formula, sheet, from, 3, 1)).toBe(expected);
  });
});
