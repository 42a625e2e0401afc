// The selected range: the active cell (where the selection started, shown in the
// formula bar) and the opposite corner that Shift+click and Shift+arrows move.
import { columnLetter } from '../../src/shared/a1';

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface Selection {
  readonly active: CellPosition;
  readonly corner: CellPosition;
}

export interface Bounds {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export function single(row: number, col: number): Selection {
  return { active: { row, col }, corner: { row, col } };
}

export function boundsOf(selection: Selection): Bounds {
  const { active, corner } = selection;
  return {
    top: Math.min(active.row, corner.row),
    left: Math.min(active.col, corner.col),
    bottom: Math.max(active.row, corner.row),
    right: Math.max(active.col, corner.col),
  };
}

export function contains(bounds: Bounds, row: number, col: number): boolean {
  return row >= bounds.top && row <= bounds.bottom && col >= bounds.left && col <= bounds.right;
}

export function cellName(position: CellPosition): string {
  return `${columnLetter(position.col + 1)}${position.row + 1}`;
}

/** "B3", or "B3:D7" for a range, as Sheets' name box shows it. */
export function selectionName(selection: Selection): string {
  const b = boundsOf(selection);
  const first = cellName({ row: b.top, col: b.left });
  if (b.top === b.bottom && b.left === b.right) return first;
  return `${first}:${cellName({ row: b.bottom, col: b.right })}`;
}
