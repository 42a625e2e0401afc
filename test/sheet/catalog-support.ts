// Shared by the catalog tests: placing rows in the emulated FT Catalog sheet the way a user
// types them, and a model of when Sheets recomputes a custom-function cell.
import { columnLetter, formulaEntryCount } from '../../emulator';
import type { Cell, CellValue } from '../../emulator';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  CATALOG_TABLES,
  RUNS_FIRST_COLUMN,
} from '../../src/addon/catalog-sheet';
import { callsFtFunction } from '../../src/addon/refresh';
import type { TableKey } from '../../src/addon/catalog-sheet';
import { readFileSync } from 'node:fs';
import { evaluateWorkbook } from '../../playground/hf/evaluate';
import { customFunctionSignatures, registerCustomFunctions } from '../../playground/hf/ft-plugin';
import { callGlobal, CODE_JS } from '../support/load-bundle';
import type { Session } from './helpers';

function spec(table: TableKey): (typeof CATALOG_TABLES)[number] {
  const found = CATALOG_TABLES.find((candidate) => candidate.key === table);
  if (!found) throw new Error(`no table ${table}`);
  return found;
}

/** Writes a row under a table (its first blank row), as a user types it; returns the sheet row. */
export function addCatalogRow(s: Session, table: TableKey, cells: readonly unknown[]): number {
  const { firstColumn } = spec(table);
  const grid = s.workbook.values(CATALOG_SHEET);
  let row = CATALOG_FIRST_ROW;
  while (grid[row - 1] && grid[row - 1][firstColumn - 1] !== '') row++;
  s.workbook.write(CATALOG_SHEET, `${columnLetter(firstColumn)}${row}`, [cells]);
  return row;
}

/** A run typed in the runs table's first blank row: model, method, GPU, tokens, ... hours. */
export function addRun(s: Session, cells: readonly unknown[]): number {
  const grid = s.workbook.values(CATALOG_SHEET);
  let row = CATALOG_FIRST_ROW;
  while (grid[row - 1] && grid[row - 1][RUNS_FIRST_COLUMN - 1] !== '') row++;
  s.workbook.write(CATALOG_SHEET, `${columnLetter(RUNS_FIRST_COLUMN)}${row}`, [cells]);
  return row;
}

/** Overwrites one cell of the row named `name` (column index 0 = Name), as a user edits it. */
export function editCatalogCell(
  s: Session,
  table: TableKey,
  name: string,
  column: number,
  value: unknown,
): string {
  const { firstColumn } = spec(table);
  const grid = s.workbook.values(CATALOG_SHEET);
  const index = grid.findIndex(
    (cells, r) => r >= CATALOG_FIRST_ROW - 1 && cells[firstColumn - 1] === name,
  );
  if (index < 0) throw new Error(`no row ${name} in ${table}`);
  const a1 = `${columnLetter(firstColumn + column)}${index + 1}`;
  s.workbook.write(CATALOG_SHEET, a1, [[value]]);
  return a1;
}

/**
 * Sheets' rule for custom functions, modelled strictly: a cell holding an FT_* formula is
 * recomputed when its formula was entered since its last computation, and otherwise keeps
 * the value it shows (a catalog edit is no argument of it). Other formulas always recompute.
 */
export class CustomFunctionRecalc {
  private readonly computedAt = new Map<Cell, number>();
  /** The value each FT_* cell showed after its last computation. */
  private readonly computed = new Map<Cell, CellValue>();

  constructor(private readonly s: Session) {
    registerCustomFunctions(customFunctionSignatures(readFileSync(CODE_JS, 'utf8')));
  }

  recalculate(): void {
    const sheets = this.s.workbook.sheetNames().map((name) => this.s.workbook.rawSheet(name));
    const kept = new Map<Cell, CellValue>();
    const ftCells: Cell[] = [];
    for (const sheet of sheets) {
      for (const cell of sheet.cells.values()) {
        if (!callsFtFunction(cell.formula)) continue;
        ftCells.push(cell);
        if (this.computedAt.get(cell) === formulaEntryCount(cell)) {
          kept.set(cell, this.computed.get(cell) ?? cell.value);
        }
      }
    }
    const context = this.s.context;
    evaluateWorkbook(sheets, (name, args) => callGlobal(context, name, ...args)).destroy();
    for (const [cell, value] of kept) cell.value = value;
    for (const cell of ftCells) {
      this.computedAt.set(cell, formulaEntryCount(cell));
      this.computed.set(cell, cell.value);
    }
  }
}
