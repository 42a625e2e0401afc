// The two-way grid's number format follows its "Grid shows" selector (issue 21): months for
// the break-even, dollars for the NPV. Sheets' conditional formats cannot set a number format,
// so the add-in's onEdit sets it; positions come from the layout's places, never typed.
import { GRID_SHOWS, GRID_STEPS } from '../../src/engine';
import { placeWhatIf } from '../../src/addon/scenario/places';
import { columnLetter } from '../../src/shared/a1';
import { generate, session } from './helpers';
import type { Session } from './helpers';

const a1 = (column: number, row: number): string => `${columnLetter(column)}${row}`;
const w = placeWhatIf();
const SHOWS = a1(w.inputColumn, w.inputRows.shows);
const corners = [
  a1(w.gridColumn, w.gridFirstRow),
  a1(w.gridColumn + 2 * GRID_STEPS, w.gridFirstRow + 2 * GRID_STEPS),
];

/** Types `value` into a cell of a sheet, then runs onEdit with that edit's event: its calls. */
function edit(s: Session, sheetName: string, cell: string, value: string): string[] {
  s.workbook.write(sheetName, cell, [[value]]);
  const spreadsheet = s.workbook.services.SpreadsheetApp.getActiveSpreadsheet();
  const range = spreadsheet.getSheetByName(sheetName)?.getRange(cell);
  s.workbook.resetCalls();
  s.call('onEdit', { range, value, source: spreadsheet });
  return s.workbook.callLog();
}

describe('the grid takes the format of what it shows', () => {
  const formats = (s: Session, sheetName: string): string[] =>
    corners.map((cell) => s.workbook.cell(sheetName, cell).numberFormat);

  test('made showing break-even months; NPV gives dollars, break-even months again', () => {
    const s = session();
    const { sheetName } = generate(s, {});
    expect(formats(s, sheetName)).toEqual(['#,##0.0', '#,##0.0']);
    edit(s, sheetName, SHOWS, GRID_SHOWS.npv);
    expect(formats(s, sheetName)).toEqual(['$#,##0.00', '$#,##0.00']);
    // Typed in another case, as Sheets' = compares it: still the NPV.
    edit(s, sheetName, SHOWS, GRID_SHOWS.breakEven.toUpperCase());
    expect(formats(s, sheetName)).toEqual(['#,##0.0', '#,##0.0']);
  });

  test('the same text elsewhere, or on a sheet the add-in did not make, changes nothing', () => {
    const s = session();
    const { sheetName } = generate(s, {});
    edit(s, sheetName, a1(w.inputColumn, w.inputRows.case), GRID_SHOWS.npv);
    expect(formats(s, sheetName)).toEqual(['#,##0.0', '#,##0.0']);
    s.workbook.write('Mine', 'A1', [['x']]);
    // A sheet without the scenario marker: its metadata is read, nothing is set.
    expect(edit(s, 'Mine', 'A1', GRID_SHOWS.npv)).not.toContain('Range.setNumberFormat');
    // Any other edit costs nothing beyond the catalog check (no metadata read).
    expect(edit(s, 'Mine', 'A2', '42')).toEqual(['Range.getSheet', 'Sheet.getName']);
  });
});
