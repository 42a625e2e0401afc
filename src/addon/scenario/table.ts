// A growing table's rows: its key (a catalog name or, for the timeline, nothing) and its
// columns. Formulas use relative references to the row's own cells plus absolute ones to
// inputs and results, so a row a user adds and fills down computes.
import { E } from '../../engine';
import type { Expr, TableColumn } from '../../engine';
import type { Block } from './block';
import { METRIC_FORMAT } from './grid';
import type { CellOut } from './grid';
import { firstColumn } from './places';
import type { TablePlace } from './places';

/**
 * A row of a table that lists catalog rows live shows nothing while its key is blank (a
 * spare row, or a row whose catalog row was deleted), rather than an error.
 */
const shownWithKey = (expr: Expr): Expr => E.if(E.eq(E.cell('key'), ''), '', expr);

/**
 * Writes a table's rows. Its keys are names written as text, or, for a live table, the
 * formulas of its key cells (src/addon/catalog-list-formulas.ts).
 */
export function writeTable(block: Block, table: TablePlace, keys: readonly CellOut[]): void {
  const { grid, formula } = block;
  for (let i = 0; i < table.rows; i++) {
    const row = table.firstRow + i;
    if (table.keyColumn > 0) {
      if (table.live) grid.set(row, table.keyColumn, keys[i]);
      else grid.text(row, table.keyColumn, keys[i]);
    }
    table.columns.forEach((column, c) => {
      // A first row may have its own definition (the timeline's month 0 is 0).
      const first = i === 0 ? (column as TableColumn).first : undefined;
      // The timeline (no key column) starts with its month, a whole number.
      const format = table.keyColumn === 0 && c === 0 ? '0' : METRIC_FORMAT[column.format];
      const expr = first ?? column.expr;
      const cell =
        first?.kind === 'literal'
          ? first.value
          : formula(table.live ? shownWithKey(expr) : expr, { table, row });
      grid.set(row, firstColumn(table) + c, cell, format);
    });
  }
}
