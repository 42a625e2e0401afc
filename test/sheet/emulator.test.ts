// The emulator is as strict as Apps Script where the add-in could go wrong unnoticed.
import { createWorkbook, deserializeWorkbook, SERVICE_FAILURE } from '../../emulator';
import { recalculate } from '../../emulator/hyperformula';

function sheetOf(name = 'Sheet1') {
  const workbook = createWorkbook();
  const sheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name);
  if (!sheet) throw new Error('no sheet');
  return { workbook, sheet };
}

describe('emulated SpreadsheetApp', () => {
  test('ranges are 1-based and inside a 1,000 x 26 new sheet until it grows', () => {
    const { sheet } = sheetOf();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('AA1')).toThrow('outside the dimensions');
    sheet.insertRowsAfter(sheet.getMaxRows(), 5);
    sheet.insertColumnsAfter(26, 1);
    expect(sheet.getRange(1005, 27).getA1Notation()).toBe('AA1005');
  });

  test('developer metadata stays with its sheet through renames and goes with it', () => {
    const { workbook } = sheetOf();
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const a = spreadsheet.insertSheet('A');
    const b = spreadsheet.insertSheet('B');
    a.addDeveloperMetadata('ftScenario', '1');
    b.addDeveloperMetadata('ftScenario');
    b.addDeveloperMetadata('other', 'x');
    expect(() => a.addDeveloperMetadata('')).toThrow('Invalid argument: key');
    a.setName('A renamed');
    const found = spreadsheet.createDeveloperMetadataFinder().withKey('ftScenario').find();
    expect(found.map((md) => md.getLocation().getSheet()?.getName())).toEqual(['A renamed', 'B']);
    expect(found.map((md) => md.getValue())).toEqual(['1', null]);
    expect(new Set(found.map((md) => md.getId())).size).toBe(2);
    spreadsheet.deleteSheet(a);
    expect(
      spreadsheet
        .createDeveloperMetadataFinder()
        .withKey('ftScenario')
        .find()
        .map((md) => md.getLocation().getSheet()?.getName()),
    ).toEqual(['B']);
    // Kept by serialize / deserialize, with IDs that stay unique.
    const copy = deserializeWorkbook(workbook.serialize());
    expect(copy.metadata('B').map((md) => md.key)).toEqual(['ftScenario', 'other']);
    const again = copy.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('B')!;
    again.addDeveloperMetadata('third');
    const ids = copy.metadata('B').map((md) => md.id);
    expect(new Set(ids).size).toBe(3);
  });

  test('deleteRows removes rows, moves the cells below up and refuses to empty the sheet', () => {
    const { workbook, sheet } = sheetOf();
    sheet.getRange(1, 1, 4, 1).setValues([['a'], ['b'], ['c'], ['d']]);
    sheet.deleteRows(2, 2); // b and c go; d moves from row 4 to row 2
    expect(workbook.values('Sheet1')).toEqual([['a'], ['d']]);
    expect(sheet.getMaxRows()).toBe(998); // 1,000 − 2
    expect(() => sheet.deleteRows(998, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(0, 1)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 998)).toThrow("You can't delete all the rows on the sheet.");
    sheet.insertRowsAfter(998, 3);
    sheet.deleteRows(999, 3);
    expect(sheet.getMaxRows()).toBe(998);
  });

  test("setValues, setFormulas and setNumberFormats check dimensions with Apps Script's messages", () => {
    const { sheet } = sheetOf();
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() =>
      range.setValues([
        [1, 2],
        [3, 4],
        [5, 6],
      ]),
    ).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => range.setFormulas([['=1'], ['=2']])).toThrow(
      'The data has 1 but the range has 2.',
    );
    expect(() => range.setNumberFormats([['0']])).toThrow('The data has 1 but the range has 2.');
  });

  test('values are read as Sheets reads typing: formulas, apostrophes, numbers, plain text', () => {
    const { workbook, sheet } = sheetOf();
    sheet.getRange(1, 1, 1, 6).setValues([['=1+2', "'=1+2", '42', '+x', 'text', NaN]]);
    expect(workbook.formulas('Sheet1')[0]).toEqual(['=1+2', '', '', '=+x', '', '']);
    expect(workbook.values('Sheet1')[0]).toEqual(['', '=1+2', 42, '', 'text', '#NUM!']);
    sheet.getRange(2, 1).setNumberFormat('@').setValue('=kept as text');
    expect(workbook.cell('Sheet1', 'A2')).toMatchObject({ value: '=kept as text', formula: '' });
    recalculate(workbook);
    expect(workbook.values('Sheet1')[0][0]).toBe(3);
  });

  test('sheet names are unique ignoring case; deleting the last sheet is refused', () => {
    const workbook = createWorkbook();
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const x = spreadsheet.insertSheet('X');
    expect(() => spreadsheet.insertSheet('x')).toThrow(
      'A sheet with the name "x" already exists. Please enter another name.',
    );
    expect(workbook.activeSheetName()).toBe('X');
    spreadsheet.deleteSheet(x);
    expect(workbook.sheetNames()).toEqual(['Sheet1']);
    expect(() => x.getRange(1, 1)).toThrow('was deleted');
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheets()[0])).toThrow(
      "You can't remove all the sheets",
    );
  });

  test('every call is counted; a fault fires at the chosen call only', () => {
    const { workbook, sheet } = sheetOf();
    workbook.resetCalls();
    workbook.failAtCall(2);
    const range = sheet.getRange(1, 1);
    expect(() => range.setValue(1)).toThrow(SERVICE_FAILURE);
    range.setValue(2);
    expect(workbook.callLog()).toEqual(['Sheet.getRange', 'Range.setValue', 'Range.setValue']);
    expect(workbook.values('Sheet1')).toEqual([[2]]);
  });

  test('charts are recorded; a workbook survives serialize/deserialize', () => {
    const { workbook, sheet } = sheetOf();
    sheet.getRange('A1:B2').setValues([
      ['m', 'v'],
      [1, 2],
    ]);
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType('LINE')
        .addRange(sheet.getRange('A1:B2'))
        .setOption('title', 't')
        .setPosition(3, 1, 0, 0)
        .build(),
    );
    sheet.setFrozenRows(1);
    const copy = deserializeWorkbook(JSON.parse(JSON.stringify(workbook.serialize())));
    expect(copy.fingerprint('Sheet1')).toBe(workbook.fingerprint('Sheet1'));
    expect(copy.charts('Sheet1')).toEqual([
      {
        chartType: 'LINE',
        ranges: [{ sheet: 'Sheet1', a1: 'A1:B2' }],
        options: { title: 't' },
        position: { row: 3, column: 1, offsetX: 0, offsetY: 0 },
      },
    ]);
  });

  test('AuthMode.NONE refuses document access', () => {
    const workbook = createWorkbook({ authMode: 'NONE' });
    expect(() => workbook.services.SpreadsheetApp.getActiveSpreadsheet()).toThrow(
      'You do not have permission',
    );
    expect(workbook.documentAccesses()).toBe(0);
  });
});

describe('emulated TextFinder', () => {
  function finderWorkbook() {
    const workbook = createWorkbook({ sheets: ['One', 'Two'] });
    workbook.write('One', 'A1', [
      ['=FT_COST("Llama 13B", 10, "AWS spot")', 'ft_ lower-case text'],
      ['=SUM(1, 2)', 'FT_ in a label'],
    ]);
    workbook.write('Two', 'B2', [['=ROUND(FT_HOURS(A1, 10), 2)']]);
    return workbook;
  }

  test('finds formulas by their text with matchFormulaText, row by row, sheet by sheet', () => {
    const workbook = finderWorkbook();
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const found = spreadsheet
      .createTextFinder('FT_')
      .matchCase(true)
      .matchFormulaText(true)
      .findAll()
      .map((range) => `${range.getSheet().getName()}!${range.getA1Notation()}`);
    expect(found).toEqual(['One!A1', 'One!B2', 'Two!B2']);
    // Without matchFormulaText a formula is searched by its value (not computed here: blank).
    expect(spreadsheet.createTextFinder('FT_').findAll()).toHaveLength(2); // both labels, any case
    expect(() => spreadsheet.createTextFinder('')).toThrow(/must not be empty/);
  });

  test('replaceAllWith rewrites formula text, re-entering each formula, and counts cells', () => {
    const workbook = finderWorkbook();
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const replace = (find: string, by: string): number =>
      spreadsheet.createTextFinder(find).matchCase(true).matchFormulaText(true).replaceAllWith(by);
    expect(replace('FT_', 'MARK')).toBe(3);
    expect(workbook.formulas('One')[0][0]).toBe('=MARKCOST("Llama 13B", 10, "AWS spot")');
    expect(workbook.values('One')[1][1]).toBe('MARK in a label');
    expect(replace('MARK', 'FT_')).toBe(3);
    expect(workbook.formulas('One')[0][0]).toBe('=FT_COST("Llama 13B", 10, "AWS spot")');
    expect(workbook.formulas('Two')[1][1]).toBe('=ROUND(FT_HOURS(A1, 10), 2)');
    expect(workbook.values('One')[0][1]).toBe('ft_ lower-case text'); // case kept
    expect(workbook.callLog().filter((name) => name.startsWith('TextFinder.'))).toContain(
      'TextFinder.replaceAllWith',
    );
  });
});

describe('text written with setValues is read as Sheets (en_US) reads typing', () => {
  test('dates, money, percentages, grouped numbers and times become numbers and dates', () => {
    const workbook = createWorkbook({ timeZone: 'UTC' });
    const sheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Sheet1');
    if (!sheet) throw new Error('no sheet');
    const typed = [
      '2026-01-01',
      '$2.49',
      '35%',
      '1,000',
      '1/2/2026',
      '10:30',
      'Jan 2, 2026',
      '5e4',
    ];
    sheet.getRange(1, 1, 1, typed.length).setValues([typed]);
    const [row] = workbook.values('Sheet1');
    expect(row.map((value) => (value instanceof Date ? value.toISOString() : value))).toEqual([
      '2026-01-01T00:00:00.000Z',
      2.49,
      0.35,
      1000,
      '2026-01-02T00:00:00.000Z',
      '1899-12-30T10:30:00.000Z',
      '2026-01-02T00:00:00.000Z',
      50000,
    ]);
    // "1/2" alone is January 2 of this year; with an apostrophe every one of them stays text.
    sheet.getRange(2, 1).setValue('1/2');
    expect(workbook.values('Sheet1')[1][0]).toBeInstanceOf(Date);
    sheet.getRange(3, 1, 1, typed.length).setValues([typed.map((text) => `'${text}`)]);
    expect(workbook.values('Sheet1')[2]).toEqual(typed);
    // Other text stays text.
    sheet.getRange(4, 1, 1, 3).setValues([['Llama 13B', '8B', 'March madness']]);
    expect(workbook.values('Sheet1')[3].slice(0, 3)).toEqual(['Llama 13B', '8B', 'March madness']);
  });

  test('a date typed in another time zone is midnight there', () => {
    const workbook = createWorkbook({ timeZone: 'Asia/Tokyo' });
    workbook.write('Sheet1', 'A1', [['2026-06-01']]);
    expect((workbook.values('Sheet1')[0][0] as Date).toISOString()).toBe(
      '2026-05-31T15:00:00.000Z',
    );
  });

  test('in a de_DE spreadsheet setValues cannot parse an en_US formula; setFormulas can', () => {
    const workbook = createWorkbook({ locale: 'de_DE' });
    const sheet = workbook.rawSheet('Sheet1');
    sheet.getRange(1, 1, 1, 2).setValues([['=MAX(1,2)', '=1+2']]);
    sheet.getRange(2, 1).setFormulas([['=MAX(1,2)']]);
    expect(workbook.values('Sheet1')[0][0]).toBe('#ERROR!');
    expect(workbook.formulas('Sheet1')[0][1]).toBe('=1+2');
    expect(workbook.formulas('Sheet1')[1][0]).toBe('=MAX(1,2)');
  });
});

describe('faults that last or strike after the effect', () => {
  test("an outage fails every call from the chosen one; 'afterEffect' writes, then throws", () => {
    const { workbook, sheet } = sheetOf();
    workbook.failAtCall(3, 'outage');
    sheet.getRange(1, 1).setValue(1); // calls 1 and 2
    expect(() => sheet.getRange(1, 1)).toThrow(SERVICE_FAILURE);
    expect(() => sheet.getMaxRows()).toThrow(SERVICE_FAILURE);
    workbook.failAtCall(0);
    const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    workbook.failAtCall(1, 'afterEffect');
    expect(() => spreadsheet.insertSheet('Made anyway')).toThrow(SERVICE_FAILURE);
    expect(workbook.sheetNames()).toEqual(['Sheet1', 'Made anyway']);
    expect(spreadsheet.getSheetByName('Made anyway')).not.toBeNull();
  });
});

describe('records what Sheets would get', () => {
  test('validation rules, protections, numHeaders and fills', () => {
    const { workbook, sheet } = sheetOf();
    const app = workbook.services.SpreadsheetApp;
    const rule = app
      .newDataValidation()
      .requireNumberBetween(0, 1)
      .setAllowInvalid(false)
      .setHelpText('A share')
      .build();
    sheet.getRange(1, 1, 2, 1).setDataValidations([[rule], [null]]);
    expect(workbook.dataValidations('Sheet1')[0][0]).toEqual({
      criteria: 'NUMBER_BETWEEN',
      args: [0, 1],
      allowInvalid: false,
      helpText: 'A share',
    });
    expect(() => workbook.typeInto('Sheet1', 'A1', '35')).toThrow('A share');
    expect(() => app.newDataValidation().build()).toThrow('criteria');
    expect(() => sheet.getRange('A1').protect().setUnprotectedRanges([])).toThrow(
      'sheet protection',
    );
    sheet
      .protect()
      .setWarningOnly(true)
      .setUnprotectedRanges([sheet.getRange('B2:B3')]);
    expect(workbook.protections('Sheet1')[1]).toMatchObject({
      type: 'SHEET',
      warningOnly: true,
      unprotected: ['B2:B3'],
    });
    sheet.getRange(1, 1, 1, 2).setBackgrounds([['#ffffff', null]]);
    expect([workbook.cell('Sheet1', 'A1').filled, workbook.cell('Sheet1', 'B1').filled]).toEqual([
      true,
      false,
    ]);
    const chart = sheet.newChart().addRange(sheet.getRange('A1:B3')).setNumHeaders(1).build();
    sheet.insertChart(chart);
    expect(workbook.charts('Sheet1')[0].numHeaders).toBe(1);
  });

  test('conditional format rules: a custom formula, a colour and ranges of the sheet, all replaced at once', () => {
    const { workbook, sheet } = sheetOf();
    const app = workbook.services.SpreadsheetApp;
    const other = workbook.services.SpreadsheetApp.getActiveSpreadsheet().insertSheet('Other');
    const builder = () => app.newConditionalFormatRule();
    // As Apps Script's builder: a formula string, a CSS colour, an array of ranges.
    expect(() => builder().whenFormulaSatisfied(5 as unknown as string)).toThrow(
      'ConditionalFormatRuleBuilder.whenFormulaSatisfied',
    );
    expect(() => builder().whenFormulaSatisfied('A1>1')).toThrow('starts with "="');
    expect(() => builder().setBackground('not a colour!')).toThrow('setBackground');
    expect(() => builder().setRanges([])).toThrow('setRanges');
    expect(() =>
      builder()
        .setRanges([sheet.getRange('A1')])
        .build(),
    ).toThrow('condition');
    expect(() => builder().whenFormulaSatisfied('=A1>1').build()).toThrow('range');
    const rule = builder()
      .whenFormulaSatisfied('=A1>1')
      .setBackground('#fce5cd')
      .setRanges([sheet.getRange('A1:B3')])
      .build();
    expect(() => other.setConditionalFormatRules([rule])).toThrow(
      'cannot apply to a range of sheet Sheet1',
    );
    expect(() => sheet.setConditionalFormatRules(['=A1>1'])).toThrow('setConditionalFormatRules');
    const before = workbook.callCount();
    sheet.setConditionalFormatRules([rule]);
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    // A builder is local: only the sheet's methods are calls.
    expect(workbook.callCount() - before).toBe(3);
    expect(workbook.conditionalFormats('Sheet1')).toEqual([
      {
        criteria: 'CUSTOM_FORMULA',
        formula: '=A1>1',
        background: '#fce5cd',
        ranges: [{ sheet: 'Sheet1', a1: 'A1:B3' }],
      },
      {
        criteria: 'CUSTOM_FORMULA',
        formula: '=A1>1',
        background: '#fce5cd',
        ranges: [{ sheet: 'Sheet1', a1: 'A1:B3' }],
      },
    ]);
    sheet.setConditionalFormatRules([]);
    expect(workbook.conditionalFormats('Sheet1')).toEqual([]);
  });
});

describe('HyperFormula reads the string literals Sheets reads', () => {
  test('a "" inside a literal is one " of the text; a " in a quoted sheet name is left alone', () => {
    const workbook = createWorkbook({ sheets: ['Say "hi"', 'Sheet2'] });
    workbook.write('Say "hi"', 'A1', [[7]]);
    workbook.write('Sheet2', 'A1', [
      [
        // Sheets: say "hi"; a lone " (1 character); 7 from the sheet named Say "hi" then "x;
        // and "a""b"&"c" is a"bc: the concatenation applies to the whole first literal.
        '="say ""hi"""',
        '=LEN("""")',
        `='Say "hi"'!A1&"""x"`,
        '="a""b"&"c"',
        '=IF("x"="","empty","not empty")',
      ],
    ]);
    recalculate(workbook);
    expect(workbook.values('Sheet2')[0].slice(0, 5)).toEqual([
      'say "hi"',
      1,
      '7"x',
      'a"bc',
      'not empty',
    ]);
  });
});
