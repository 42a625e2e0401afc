// Grows a sheet to hold what is written into it. A new sheet is usually 1,000 rows by 26
// columns, but nothing obliges Sheets to make it so (a new sheet's size is not part of
// insertSheet's contract), so the writers ask the sheet instead of assuming it.
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Inserts rows and columns at the end until the sheet has at least `rows` × `columns`;
 * returns its size then. 2 SpreadsheetApp calls, plus 1 for each kind it inserts.
 */
export function ensureSheetSize(
  sheet: Sheet,
  rows: number,
  columns: number,
): { rows: number; columns: number } {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
  return { rows: Math.max(rows, maxRows), columns: Math.max(columns, maxColumns) };
}
