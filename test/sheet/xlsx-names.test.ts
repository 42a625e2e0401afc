// An .xlsx sheet name holds at most 31 characters and none of : \ / ? * [ ]; a Sheets name
// may hold 100 and any of them (a scenario named after a model such as "a/b 7B"). The writer
// renames such sheets and points the formulas that refer to them at the new names.
import ExcelJS from 'exceljs';
import { createWorkbook } from '../../emulator';
import { workbookToXlsx, xlsxSheetNames } from '../../emulator/xlsx';

test('names made valid: forbidden characters as _, cut to 31, unique without regard to case', () => {
  const names = xlsxSheetNames(['Scenario </b> 7B', 'A'.repeat(40), 'a'.repeat(35), 'FT Catalog']);
  expect([...names.values()]).toEqual([
    'Scenario <_b> 7B',
    'A'.repeat(31),
    // 31 characters with " (2)": 27 a's and the suffix.
    `${'a'.repeat(27)} (2)`,
    'FT Catalog',
  ]);
});

test('a formula referring to a renamed sheet refers to its new name in the file', async () => {
  const workbook = createWorkbook();
  const long = "Scenario <img/> Bob's model 7B LoRA";
  const spreadsheet = workbook.services.SpreadsheetApp.getActiveSpreadsheet();
  spreadsheet.insertSheet(long).getRange(1, 1).setValue(42);
  spreadsheet
    .insertSheet('Compare')
    .getRange(1, 1)
    .setFormula(`='Scenario <img/> Bob''s model 7B LoRA'!A1`);
  const book = new ExcelJS.Workbook();
  const bytes = await workbookToXlsx(workbook);
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const renamed = "Scenario <img_> Bob's model 7B";
  expect(book.worksheets.map((sheet) => sheet.name)).toContain(renamed);
  const cell = book.getWorksheet('Compare')!.getCell('A1').value as { formula: string };
  expect(cell.formula).toBe(`'Scenario <img_> Bob''s model 7B'!A1`);
});
