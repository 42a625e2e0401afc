// References after rows or columns are inserted or deleted, as HyperFormula's
// addRows/removeRows/addColumns/removeColumns (and Sheets) move them: references at
// or past an insertion move along and ranges across it grow; references into deleted
// rows become #REF! and ranges across them shrink.
import { transformReferences } from './references';
import type { RefEnd, Reference } from './references';

export type Axis = 'rows' | 'columns';

/** Rows or columns inserted before `index`, or deleted from `index` on (1-based). */
export interface StructureChange {
  readonly kind: 'insert' | 'delete';
  readonly sheet: string;
  readonly axis: Axis;
  readonly index: number;
  readonly count: number;
}

type Side = 'start' | 'end';

/** The new position of one row or column number, or null when it was deleted. */
function moved(position: number, change: StructureChange, side: Side | 'cell'): number | null {
  if (change.kind === 'insert')
    return position >= change.index ? position + change.count : position;
  const last = change.index + change.count - 1;
  if (position < change.index) return position;
  if (position > last) return position - change.count;
  // Inside the deleted rows: a range's start moves to the first row after them, its end
  // to the last row before them; a single cell is gone.
  if (side === 'start') return change.index;
  if (side === 'end') return change.index - 1;
  return null;
}

function field(end: RefEnd, axis: Axis): number | undefined {
  return axis === 'rows' ? end.row : end.col;
}

function withField(end: RefEnd, axis: Axis, value: number): RefEnd {
  return axis === 'rows' ? { ...end, row: value } : { ...end, col: value };
}

function adjustReference(reference: Reference, change: StructureChange): Reference | null {
  const { start, end } = reference;
  const a = field(start, change.axis);
  const b = end ? field(end, change.axis) : undefined;
  if (a === undefined && b === undefined) return reference;
  if (!end || b === undefined) {
    // A cell, or an open-ended range whose end is unbounded on this axis.
    if (a === undefined) return reference;
    const next = moved(a, change, end ? 'start' : 'cell');
    return next === null ? null : { ...reference, start: withField(start, change.axis, next) };
  }
  if (a === undefined) {
    const next = moved(b, change, 'end');
    return next === null ? null : { ...reference, end: withField(end, change.axis, next) };
  }
  const [low, high] = a <= b ? [a, b] : [b, a];
  let newLow = moved(low, change, 'start');
  let newHigh = moved(high, change, 'end');
  if (newLow === null || newHigh === null || newHigh < newLow) return null;
  if (a > b) [newLow, newHigh] = [newHigh, newLow];
  return {
    ...reference,
    start: withField(start, change.axis, newLow),
    end: withField(end, change.axis, newHigh),
  };
}

/** A formula written on `formulaSheet` after the change (references to other sheets untouched). */
export function adjustFormula(
  formula: string,
  formulaSheet: string,
  change: StructureChange,
): string {
  const target = change.sheet.toLowerCase();
  return transformReferences(formula, (reference) =>
    (reference.sheet ?? formulaSheet).toLowerCase() === target
      ? adjustReference(reference, change)
      : reference,
  );
}

/** The new position (1-based) of a row or column after the change; a deleted one moves to the first after. */
export function movedPosition(position: number, change: StructureChange): number {
  return moved(position, change, 'start') ?? change.index;
}
