// The emulator records conditional format rules as strictly as Apps Script takes them: a
// rule needs a condition, a format and a range; a custom formula starts with "="; a colour
// is a hex colour; a sheet takes only its own rules; they survive a save and a reload.
import { createWorkbook, deserializeWorkbook } from '../../emulator';

function sheets() {
  const workbook = createWorkbook({ sheets: ['Sheet1', 'Other'] });
  const app = workbook.services.SpreadsheetApp;
  const spreadsheet = app.getActiveSpreadsheet();
  const sheet = spreadsheet.getSheetByName('Sheet1');
  const other = spreadsheet.getSheetByName('Other');
  if (!sheet || !other) throw new Error('no sheet');
  return { workbook, app, sheet, other };
}

describe('emulated conditional format rules', () => {
  test('a rule is recorded with its formula, background and ranges, and saved', () => {
    const { workbook, app, sheet } = sheets();
    workbook.resetCalls();
    const builder = app.newConditionalFormatRule();
    const rules = ['=B2="never"', '=B2="within"'].map((formula, i) =>
      builder
        .whenFormulaSatisfied(formula)
        .setBackground(i === 0 ? '#F4C7C3' : '#b7e1cd')
        .setRanges([sheet.getRange('C2:D3')])
        .build(),
    );
    sheet.setConditionalFormatRules(rules);
    // The builder is counted once (as newDataValidation is), setting the rules once.
    expect(workbook.callLog().filter((call) => !call.startsWith('Sheet.getRange'))).toEqual([
      'SpreadsheetApp.newConditionalFormatRule',
      'Sheet.setConditionalFormatRules',
    ]);
    const expected = [
      { formula: '=B2="never"', background: '#f4c7c3', ranges: ['C2:D3'] },
      { formula: '=B2="within"', background: '#b7e1cd', ranges: ['C2:D3'] },
    ];
    expect(workbook.conditionalFormats('Sheet1')).toEqual(expected);
    expect(deserializeWorkbook(workbook.serialize()).conditionalFormats('Sheet1')).toEqual(
      expected,
    );
  });

  test('an incomplete or malformed rule is refused', () => {
    const { app, sheet } = sheets();
    const range = sheet.getRange('A1');
    expect(() =>
      app.newConditionalFormatRule().setBackground('#ffffff').setRanges([range]).build(),
    ).toThrow('incomplete');
    expect(() =>
      app.newConditionalFormatRule().whenFormulaSatisfied('=A1>0').setRanges([range]).build(),
    ).toThrow('incomplete');
    expect(() =>
      app.newConditionalFormatRule().whenFormulaSatisfied('=A1>0').setBackground('#ffffff').build(),
    ).toThrow('incomplete');
    expect(() => app.newConditionalFormatRule().whenFormulaSatisfied('A1>0')).toThrow('formula');
    expect(() => app.newConditionalFormatRule().setBackground('green')).toThrow('color');
  });

  test("a sheet refuses another sheet's rule, and anything not a rule", () => {
    const { app, sheet, other } = sheets();
    const rule = app
      .newConditionalFormatRule()
      .whenFormulaSatisfied('=A1>0')
      .setBackground('#ffffff')
      .setRanges([other.getRange('A1')])
      .build();
    expect(() => sheet.setConditionalFormatRules([rule])).toThrow('on sheet Other');
    expect(() => sheet.setConditionalFormatRules([{}] as never)).toThrow('signature');
    expect(() =>
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=A1>0')
        .setBackground('#ffffff')
        .setRanges([sheet.getRange('A1'), other.getRange('A1')])
        .build(),
    ).toThrow('one sheet');
  });
});
