import { InputError, isBlank, parseNumberValue } from '../engine';

/** What one cell can hand a custom function. */
export type Cell = string | number | boolean | Date | null | undefined;
/** A custom-function argument: one cell or a range (rows of cells). */
export type CellInput = Cell | Cell[][];
/** What one result cell shows: a number, the text "never", or a blank. */
export type CellResult = number | string;
export type CellOutput = CellResult | CellResult[][];

export interface ArgumentSpec {
  readonly name: string;
  readonly required: boolean;
}

/** Computes one result from one cell of each argument (blank optional ones arrive blank). */
export type RowCompute = (values: readonly Cell[]) => CellResult;

interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/**
 * Runs `compute` for every cell of the arguments' ranges. Scalars (and 1×1 ranges)
 * broadcast; ranges must share one shape. A row whose range inputs are all blank
 * gives a blank. Errors become the function's own message with the row.
 */
export function applyToCells(
  functionName: string,
  specs: readonly ArgumentSpec[],
  args: readonly CellInput[],
  compute: RowCompute,
): CellOutput {
  const ranges: (Cell[][] | undefined)[] = [];
  const scalars: Cell[] = [];
  let shape: Shape | undefined;
  let shapeOwner = '';
  for (let index = 0; index < specs.length; index++) {
    const arg = args[index];
    const name = specs[index].name;
    if (!Array.isArray(arg)) {
      ranges.push(undefined);
      scalars.push(arg);
      continue;
    }
    const argShape = rangeShape(functionName, name, arg);
    if (argShape.rows === 1 && argShape.columns === 1) {
      ranges.push(undefined);
      scalars.push(arg[0][0]);
      continue;
    }
    if (shape && (shape.rows !== argShape.rows || shape.columns !== argShape.columns)) {
      throw new Error(
        `${functionName}: ranges must have the same shape, but ${shapeOwner} is ${describeShape(shape)} and ${name} is ${describeShape(argShape)}`,
      );
    }
    shape = argShape;
    shapeOwner = name;
    ranges.push(arg);
    scalars.push(undefined);
  }
  if (args.length > specs.length) {
    throw new Error(`${functionName}: takes at most ${specs.length} arguments, got ${args.length}`);
  }

  const values: Cell[] = scalars.slice();
  if (!shape) {
    if (values.every(isBlank)) return '';
    return computeCell(functionName, specs, values, compute, undefined, 0, 0);
  }

  const output: CellResult[][] = new Array(shape.rows);
  for (let row = 0; row < shape.rows; row++) {
    const outputRow: CellResult[] = new Array(shape.columns);
    for (let column = 0; column < shape.columns; column++) {
      let allRangesBlank = true;
      for (let index = 0; index < ranges.length; index++) {
        const range = ranges[index];
        if (range) {
          const value = range[row][column];
          values[index] = value;
          if (!isBlank(value)) allRangesBlank = false;
        }
      }
      outputRow[column] = allRangesBlank
        ? ''
        : computeCell(functionName, specs, values, compute, shape, row, column);
    }
    output[row] = outputRow;
  }
  return output;
}

/**
 * One result cell. The cell's position (shape, row, column; no shape for scalars)
 * is turned into text only for an error, so a valid row allocates no message.
 */
function computeCell(
  functionName: string,
  specs: readonly ArgumentSpec[],
  values: readonly Cell[],
  compute: RowCompute,
  shape: Shape | undefined,
  row: number,
  column: number,
): CellResult {
  for (let index = 0; index < specs.length; index++) {
    if (specs[index].required && isBlank(values[index])) {
      throw new Error(
        `${functionName}: ${specs[index].name} is required but blank${cellPosition(shape, row, column)}`,
      );
    }
  }
  let result: CellResult;
  try {
    result = compute(values);
  } catch (error) {
    // The cause is dropped on purpose: a cell shows only the message, and a raw
    // engine error must never reach it. ES2019 (Apps Script's target) has no `cause`.
    if (error instanceof InputError) {
      // eslint-disable-next-line preserve-caught-error
      throw new Error(
        `${functionName}: ${error.problem}${cellPosition(shape, row, column)}${error.hint ? `. ${error.hint}` : ''}`,
      );
    }
    // A bug must still reach the cell as a message for a person, not a raw TypeError.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `${functionName}: could not compute this input${cellPosition(shape, row, column)}; please report it`,
    );
  }
  if (typeof result === 'number' && !Number.isFinite(result)) {
    throw new Error(
      `${functionName}: the result is too large to show${cellPosition(shape, row, column)} (beyond about 1.8e308); ${largestInput(specs, values)}`,
    );
  }
  return result;
}

/** Names the input with the largest size, the likely cause of a result too large to show. */
function largestInput(specs: readonly ArgumentSpec[], values: readonly Cell[]): string {
  let largest = -1;
  let text = 'check the inputs for very large or very small numbers';
  for (let index = 0; index < specs.length; index++) {
    const size = Math.abs(parseNumberValue(values[index]) ?? -1);
    if (size > largest && size >= 1e100) {
      largest = size;
      text = `check ${specs[index].name}, which is ${String(values[index])}`;
    }
  }
  return text;
}

function rangeShape(functionName: string, name: string, range: unknown[]): Shape {
  if (range.length === 0 || !Array.isArray(range[0]) || range[0].length === 0) {
    throw new Error(`${functionName}: ${name} is an empty range`);
  }
  const columns = range[0].length;
  for (const row of range) {
    if (!Array.isArray(row) || row.length !== columns) {
      throw new Error(
        `${functionName}: ${name} is not a rectangular range (its rows have different lengths)`,
      );
    }
  }
  return { rows: range.length, columns };
}

function describeShape(shape: Shape): string {
  const plural = (count: number, word: string): string =>
    `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(shape.rows, 'row')} × ${plural(shape.columns, 'column')}`;
}

/** " (row 3)", " (column 2)" or " (row 3, column 2)"; nothing for a scalar call. */
function cellPosition(shape: Shape | undefined, row: number, column: number): string {
  if (!shape) return '';
  return shape.columns === 1
    ? ` (row ${row + 1})`
    : shape.rows === 1
      ? ` (column ${column + 1})`
      : ` (row ${row + 1}, column ${column + 1})`;
}
