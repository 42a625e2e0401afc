// A sheet's contents before and after an edit, so undo and redo can put either back
// into the same sheet object (the add-in's Sheet objects stay valid).
import type { EmulatedSheet, SheetData } from '../../emulator';

export function snapshotSheet(sheet: EmulatedSheet): SheetData {
  return sheet.toData();
}

/** Puts a snapshot's cells, charts, size, frozen rows and column widths back into the sheet. */
export function restoreSheet(sheet: EmulatedSheet, data: SheetData): void {
  const copy = JSON.parse(JSON.stringify(data)) as SheetData;
  sheet.cells.clear();
  for (const [row, column, cell] of copy.cells) {
    const value =
      typeof cell.value === 'object' && !(cell.value instanceof Date)
        ? new Date(cell.value.date)
        : cell.value;
    sheet.cells.set(`${row}:${column}`, { ...cell, value });
  }
  sheet.charts.splice(0, sheet.charts.length, ...copy.charts);
  sheet.columnWidths.clear();
  for (const [column, width] of copy.columnWidths) sheet.columnWidths.set(column, width);
  sheet.maxRows = copy.maxRows;
  sheet.maxColumns = copy.maxColumns;
  sheet.frozenRows = copy.frozenRows;
}
