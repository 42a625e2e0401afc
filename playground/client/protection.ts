// Which edits a warning-only protection asks about: any that touches a protected cell
// outside the protection's exceptions (the scenario's yellow inputs are exceptions).
import type { ProtectionView, SheetView } from '../view';

interface Block {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

function inside(block: Block, row: number, col: number): boolean {
  return (
    row >= block.row &&
    row < block.row + block.rows &&
    col >= block.col &&
    col < block.col + block.cols
  );
}

/** The most cells of one edit checked one by one; a larger edit over a protection asks. */
const MAX_CHECKED = 20000;

/** The warning an edit of `area` (0-based) meets first, or undefined when none applies. */
export function needsProtectionWarning(sheet: SheetView, area: Block): ProtectionView | undefined {
  for (const warning of sheet.warnings) {
    const top = Math.max(area.row, warning.row);
    const left = Math.max(area.col, warning.col);
    const bottom = Math.min(area.row + area.rows, warning.row + warning.rows);
    const right = Math.min(area.col + area.cols, warning.col + warning.cols);
    if (top >= bottom || left >= right) continue;
    if ((bottom - top) * (right - left) > MAX_CHECKED) return warning;
    for (let row = top; row < bottom; row++)
      for (let col = left; col < right; col++)
        if (!warning.except.some((block) => inside(block, row, col))) return warning;
  }
  return undefined;
}
