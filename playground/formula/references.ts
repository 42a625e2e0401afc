// The cell references in a formula's text, found by a small tokenizer that skips
// string literals and keeps sheet names as written, and rewritten one at a time.
// One transform serves copy/paste and fill (relative references shift), inserting
// and deleting rows and columns (references move as HyperFormula and Sheets move
// them) and closing open-ended ranges (A15:A) for HyperFormula, which lacks them.
import { columnLetter, columnNumber } from '../../src/shared/a1';

/** One end of a reference. A column-only end (A in A15:A) has no row, a row-only end no column. */
export interface RefEnd {
  readonly col?: number;
  readonly colAbsolute: boolean;
  readonly row?: number;
  readonly rowAbsolute: boolean;
}

/** A cell (A1), a range (A1:B2), an open-ended range (A15:A), whole columns (A:B) or rows (3:5). */
export interface Reference {
  /** The sheet named before "!", unquoted; undefined for the formula's own sheet. */
  readonly sheet: string | undefined;
  readonly start: RefEnd;
  readonly end: RefEnd | undefined;
}

/** What a transform returns: the new reference, or null when it no longer exists (#REF!). */
export type ReferenceTransform = (reference: Reference) => Reference | null;

const IDENTIFIER_CHAR = /[A-Za-z0-9_.$]/;
const SHEET_UNQUOTED = /^[A-Za-z_][A-Za-z0-9_.]*!/;
const SHEET_QUOTED = /^'((?:[^']|'')+)'!/;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})(?![A-Za-z0-9_])/;
const ROW = /^(\$?)(\d+)(?![A-Za-z0-9_.])/;

interface Match {
  readonly end: RefEnd;
  readonly length: number;
}

function matchCell(text: string): Match | undefined {
  const m = CELL.exec(text);
  if (!m) return undefined;
  return {
    end: {
      colAbsolute: m[1] === '$',
      col: columnNumber(m[2]),
      rowAbsolute: m[3] === '$',
      row: Number(m[4]),
    },
    length: m[0].length,
  };
}

function matchColumn(text: string): Match | undefined {
  const m = COLUMN.exec(text);
  if (!m) return undefined;
  return {
    end: { colAbsolute: m[1] === '$', col: columnNumber(m[2]), rowAbsolute: false },
    length: m[0].length,
  };
}

function matchRow(text: string): Match | undefined {
  const m = ROW.exec(text);
  if (!m) return undefined;
  return {
    end: { colAbsolute: false, rowAbsolute: m[1] === '$', row: Number(m[2]) },
    length: m[0].length,
  };
}

/** What may follow a reference: not a name character, "(" (a function) or "!" (a sheet). */
function endsCleanly(text: string): boolean {
  return !/^[A-Za-z0-9_.(!]/.test(text);
}

/** Reads a reference (after any sheet prefix) at the start of `text`. */
function readReference(text: string): { start: RefEnd; end?: RefEnd; length: number } | undefined {
  const cell = matchCell(text);
  if (cell) {
    const rest = text.slice(cell.length);
    if (rest.startsWith(':')) {
      const after = rest.slice(1);
      // A1:B2, then A15:A (open-ended down), then A3:3 (open-ended right).
      const second = matchCell(after) ?? matchColumn(after) ?? matchRow(after);
      if (second && endsCleanly(after.slice(second.length)))
        return { start: cell.end, end: second.end, length: cell.length + 1 + second.length };
    }
    if (endsCleanly(rest)) return { start: cell.end, length: cell.length };
    return undefined;
  }
  // Whole columns (A:C) or whole rows (3:5): only as a pair.
  for (const one of [matchColumn, matchRow]) {
    const first = one(text);
    if (!first || text[first.length] !== ':') continue;
    const after = text.slice(first.length + 1);
    const second = one(after);
    if (second && endsCleanly(after.slice(second.length)))
      return { start: first.end, end: second.end, length: first.length + 1 + second.length };
  }
  return undefined;
}

function endText(end: RefEnd): string {
  const col = end.col === undefined ? '' : `${end.colAbsolute ? '$' : ''}${columnLetter(end.col)}`;
  const row = end.row === undefined ? '' : `${end.rowAbsolute ? '$' : ''}${end.row}`;
  return col + row;
}

/** A reference written back as A1 text (without its sheet prefix). */
export function referenceText(reference: Reference): string {
  return reference.end
    ? `${endText(reference.start)}:${endText(reference.end)}`
    : endText(reference.start);
}

/**
 * Rewrites every reference of a formula ("=..." text) through `transform`; string
 * literals, function names and sheet names are left as written. A reference the
 * transform drops becomes #REF!, sheet prefix and all, as in Sheets.
 */
export function transformReferences(formula: string, transform: ReferenceTransform): string {
  if (!formula.startsWith('=')) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      // A string literal: copied as is, "" being an escaped quote.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const previous = i > 0 ? formula[i - 1] : '';
    if (previous === '' || !IDENTIFIER_CHAR.test(previous)) {
      const rest = formula.slice(i);
      const prefix = SHEET_QUOTED.exec(rest) ?? SHEET_UNQUOTED.exec(rest);
      const sheetText = prefix ? prefix[0] : '';
      const sheet = prefix
        ? prefix[1] !== undefined
          ? prefix[1].replace(/''/g, "'")
          : prefix[0].slice(0, -1)
        : undefined;
      const found = readReference(rest.slice(sheetText.length));
      if (found) {
        const next = transform({ sheet, start: found.start, end: found.end });
        out += next ? sheetText + referenceText(next) : '#REF!';
        i += sheetText.length + found.length;
        continue;
      }
      if (prefix) {
        // A sheet name followed by something that is not a reference: keep it as written.
        out += sheetText;
        i += sheetText.length;
        continue;
      }
      // A name (function, TRUE, a named range): copied whole so its digits are not a reference.
      const name = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
      if (name) {
        out += name[0];
        i += name[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function shiftEnd(end: RefEnd, rows: number, cols: number): RefEnd | null {
  const row = end.row === undefined || end.rowAbsolute ? end.row : end.row + rows;
  const col = end.col === undefined || end.colAbsolute ? end.col : end.col + cols;
  if ((row !== undefined && row < 1) || (col !== undefined && col < 1)) return null;
  return { ...end, row, col };
}

/**
 * A formula copied `rows` down and `cols` right, as Sheets pastes it: relative rows
 * and columns move, $-absolute ones stay, and one moved off the sheet is #REF!.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return transformReferences(formula, (reference) => {
    const start = shiftEnd(reference.start, rows, cols);
    const end = reference.end ? shiftEnd(reference.end, rows, cols) : undefined;
    if (!start || end === null) return null;
    return { ...reference, start, end };
  });
}

/**
 * Closes open-ended ranges for HyperFormula, which has none: A15:A becomes A15:A1000
 * and B3:3 becomes B3:Z3 on a sheet of 1,000 rows and 26 columns, `sizeOf` giving the
 * size of the sheet a reference points to (undefined: its own sheet).
 */
export function closeOpenRanges(
  formula: string,
  sizeOf: (sheet: string | undefined) => { readonly rows: number; readonly columns: number },
): string {
  return transformReferences(formula, (reference) => {
    const { start, end } = reference;
    if (!end || start.row === undefined || start.col === undefined) return reference;
    if (end.row !== undefined && end.col !== undefined) return reference;
    const size = sizeOf(reference.sheet);
    return {
      ...reference,
      end: {
        ...end,
        row: end.row ?? size.rows,
        col: end.col ?? size.columns,
        rowAbsolute: end.row === undefined ? true : end.rowAbsolute,
        colAbsolute: end.col === undefined ? true : end.colAbsolute,
      },
    };
  });
}

/** A block of cells, 1-based, on a named sheet. */
export interface Block {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

function inside(end: RefEnd, block: Block): boolean {
  return (
    end.row !== undefined &&
    end.col !== undefined &&
    end.row >= block.row &&
    end.row < block.row + block.rows &&
    end.col >= block.col &&
    end.col < block.col + block.cols
  );
}

/**
 * A formula on `formulaSheet` after cells were cut from `from` and pasted `rows` down
 * and `cols` right on the same sheet: references wholly inside the moved block follow
 * it, $-absolute or not, as in Sheets; every other reference stays.
 */
export function followMovedBlock(
  formula: string,
  formulaSheet: string,
  from: Block,
  rows: number,
  cols: number,
): string {
  const target = from.sheet.toLowerCase();
  return transformReferences(formula, (reference) => {
    if ((reference.sheet ?? formulaSheet).toLowerCase() !== target) return reference;
    const { start, end } = reference;
    if (!inside(start, from) || (end && !inside(end, from))) return reference;
    const move = (point: RefEnd): RefEnd => ({
      ...point,
      row: (point.row ?? 0) + rows,
      col: (point.col ?? 0) + cols,
    });
    return { ...reference, start: move(start), end: end ? move(end) : undefined };
  });
}
