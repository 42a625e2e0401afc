// Inserting and deleting rows and columns in the emulated workbook: cells, column
// widths, frozen rows and charts of the sheet move, and every formula and chart range
// in the workbook that points into the sheet is adjusted (formula/structure.ts).
import type { ChartRecord, EmulatedSheet } from '../../emulator';
import { adjustFormula, movedPosition } from '../formula/structure';
import type { StructureChange } from '../formula/structure';

/** A message naming what is wrong with a change, or undefined when the sheet allows it. */
export function checkStructureChange(
  sheet: EmulatedSheet,
  change: StructureChange,
): string | undefined {
  const size = change.axis === 'rows' ? sheet.maxRows : sheet.maxColumns;
  const noun = change.axis === 'rows' ? 'row' : 'column';
  if (!Number.isInteger(change.count) || change.count < 1 || change.count > 1000)
    return `The number of ${noun}s must be a whole number from 1 to 1000, not ${change.count}.`;
  const lastIndex = change.kind === 'insert' ? size + 1 : size;
  if (!Number.isInteger(change.index) || change.index < 1 || change.index > lastIndex)
    return `The ${noun} position must be between 1 and ${lastIndex}, not ${change.index}.`;
  if (change.kind === 'delete') {
    if (change.index + change.count - 1 > size) return `Those ${noun}s are out of bounds.`;
    if (change.count >= size) return `You can't delete all the ${noun}s on the sheet.`;
  }
  return undefined;
}

function moveCells(sheet: EmulatedSheet, change: StructureChange): void {
  const last = change.index + change.count - 1;
  const moved = [...sheet.cells].flatMap(([key, cell]) => {
    const [row, column] = key.split(':').map(Number);
    const position = change.axis === 'rows' ? row : column;
    if (change.kind === 'delete' && position >= change.index && position <= last) return [];
    const next = movedPosition(position, change);
    return [[change.axis === 'rows' ? `${next}:${column}` : `${row}:${next}`, cell] as const];
  });
  sheet.cells.clear();
  for (const [key, cell] of moved) sheet.cells.set(key, cell);
}

/**
 * New rows (columns) take the formats of the one before them, or after them when
 * inserted at the top (left), as in Sheets; they hold no content.
 */
function inheritFormats(sheet: EmulatedSheet, change: StructureChange): void {
  const source = change.index > 1 ? change.index - 1 : change.index + change.count;
  for (const [key, cell] of [...sheet.cells]) {
    const [row, column] = key.split(':').map(Number);
    if ((change.axis === 'rows' ? row : column) !== source) continue;
    for (let n = change.index; n < change.index + change.count; n++) {
      const target = change.axis === 'rows' ? sheet.cellAt(n, column) : sheet.cellAt(row, n);
      target.numberFormat = cell.numberFormat;
      target.fontWeight = cell.fontWeight;
      target.background = cell.background;
    }
  }
}

function moveColumnWidths(sheet: EmulatedSheet, change: StructureChange): void {
  const last = change.index + change.count - 1;
  const widths = [...sheet.columnWidths].flatMap(([column, width]) => {
    if (change.kind === 'delete' && column >= change.index && column <= last) return [];
    return [[movedPosition(column, change), width] as const];
  });
  sheet.columnWidths.clear();
  for (const [column, width] of widths) sheet.columnWidths.set(column, width);
}

function adjustChart(chart: ChartRecord, sheetName: string, change: StructureChange): ChartRecord {
  const ranges = chart.ranges.flatMap((range) => {
    const a1 = adjustFormula(`=${range.a1}`, range.sheet, change).slice(1);
    // A range whose cells were all deleted leaves the chart, as in Sheets.
    return a1.includes('#REF!') ? [] : [{ ...range, a1 }];
  });
  let position = chart.position;
  if (sheetName.toLowerCase() === change.sheet.toLowerCase()) {
    position =
      change.axis === 'rows'
        ? { ...position, row: movedPosition(position.row, change) }
        : { ...position, column: movedPosition(position.column, change) };
  }
  return { ...chart, ranges, position };
}

/** Makes the change in `sheet`, adjusting formulas and charts on every sheet of `all`. */
export function applyStructureChange(
  sheet: EmulatedSheet,
  all: readonly EmulatedSheet[],
  change: StructureChange,
): void {
  const problem = checkStructureChange(sheet, change);
  if (problem) throw new Error(problem);
  moveCells(sheet, change);
  if (change.kind === 'insert') inheritFormats(sheet, change);
  const delta = change.kind === 'insert' ? change.count : -change.count;
  if (change.axis === 'rows') {
    sheet.maxRows += delta;
    // Frozen rows grow with rows inserted among them and shrink with rows deleted from them.
    if (change.kind === 'insert' && change.index <= sheet.frozenRows)
      sheet.frozenRows += change.count;
    if (change.kind === 'delete') {
      const last = change.index + change.count - 1;
      sheet.frozenRows -= Math.max(0, Math.min(sheet.frozenRows, last) - change.index + 1);
    }
  } else {
    sheet.maxColumns += delta;
    moveColumnWidths(sheet, change);
  }
  for (const other of all) {
    for (const cell of other.cells.values()) {
      if (cell.formula) cell.formula = adjustFormula(cell.formula, other.name, change);
    }
    other.charts.forEach((chart, index) => {
      other.charts[index] = adjustChart(chart, other.name, change);
    });
  }
}
