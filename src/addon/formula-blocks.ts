// Splits a sheet's grid into what setValues writes and what setFormulas writes.
//
// Formulas go through setFormulas, which Apps Script documents as taking formulas in A1
// notation with English function names and commas (the en_US syntax) whatever the
// spreadsheet's locale; a formula string written with setValues is read as a user's typing,
// and nothing documents that typing is parsed in en_US in a de_DE spreadsheet. Values go
// through setValues: numbers as numbers (no locale parsing) and labels as text.
//
// The formulas are grouped into rectangles of formula cells (blank cells may sit inside one:
// setFormulas leaves them blank), so their number depends on the layout's shape, never on
// how many rows a table has: a timeline of 12 or 600 months is one rectangle.
import type { CellOut } from './scenario-layout';

export interface FormulaBlock {
  /** 1-based position of the block's top-left cell. */
  readonly row: number;
  readonly column: number;
  /** The block's cells: a formula, or '' for a blank cell. */
  readonly formulas: string[][];
}

export interface SplitGrid<T = CellOut> {
  /** The grid with every formula cell blank. */
  readonly values: (T | '')[][];
  readonly blocks: readonly FormulaBlock[];
}

const isFormula = (cell: unknown): cell is string =>
  typeof cell === 'string' && cell.startsWith('=') && cell.length > 1;

interface Run {
  readonly first: number;
  readonly last: number;
}

/** A column's runs of formula-or-blank rows (0-based) that start and end on a formula. */
function runsOf(grid: readonly (readonly unknown[])[], column: number): Run[] {
  const runs: Run[] = [];
  let first = -1;
  let lastFormula = -1;
  const close = (): void => {
    if (first >= 0) runs.push({ first, last: lastFormula });
    first = -1;
  };
  grid.forEach((row, r) => {
    const cell = row[column];
    if (isFormula(cell)) {
      if (first < 0) first = r;
      lastFormula = r;
    } else if (cell !== '') {
      close();
    }
  });
  close();
  return runs;
}

/** The grid's values (formulas blanked) and its formulas as rectangles, left to right. */
export function splitFormulas<T = CellOut>(grid: readonly (readonly T[])[]): SplitGrid<T> {
  const width = grid.length > 0 ? grid[0].length : 0;
  const values = grid.map((row) => row.map((cell): T | '' => (isFormula(cell) ? '' : cell)));
  const blocks: FormulaBlock[] = [];
  // Columns side by side with the same runs make one rectangle (a table's formula columns).
  let open: { run: Run; column: number; count: number }[] = [];
  const flush = (keep: Run[]): void => {
    for (const block of open) {
      if (keep.some((run) => run.first === block.run.first && run.last === block.run.last))
        continue;
      const formulas: string[][] = [];
      for (let r = block.run.first; r <= block.run.last; r++) {
        const cells: string[] = [];
        for (let c = block.column; c < block.column + block.count; c++) {
          const cell = grid[r][c];
          cells.push(isFormula(cell) ? cell : '');
        }
        formulas.push(cells);
      }
      blocks.push({ row: block.run.first + 1, column: block.column + 1, formulas });
    }
  };
  for (let c = 0; c <= width; c++) {
    const runs = c < width ? runsOf(grid, c) : [];
    flush(runs);
    const next: typeof open = [];
    for (const run of runs) {
      const continued = open.find(
        (block) => block.run.first === run.first && block.run.last === run.last,
      );
      next.push(
        continued ? { ...continued, count: continued.count + 1 } : { run, column: c, count: 1 },
      );
    }
    open = next;
  }
  blocks.sort((a, b) => a.column - b.column || a.row - b.row);
  return { values, blocks };
}
