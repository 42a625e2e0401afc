import { followsRule, InputError, isBlank, parseNumberValue, readNumber } from '../engine';
import type { NumberRule } from '../engine';
import { beginCall } from './catalog';

/** What one cell can hand a custom function. */
export type Cell = string | number | boolean | Date | null | undefined;
/** A custom-function argument: one cell or a range (rows of cells). */
export type CellInput = Cell | Cell[][];
/** What one result cell shows: a number, the text "never", or a blank. */
export type CellResult = number | string;
export type CellOutput = CellResult | CellResult[][];

/**
 * Turns one cell of an argument into the value the arithmetic needs (a number, a
 * catalog row), or throws an InputError naming the argument. A blank optional cell
 * arrives blank, so the reader gives its default. Readers are pure: the same cell
 * always reads the same, which lets a range read each distinct cell once.
 */
export type Reader<Value> = (name: string, value: Cell) => Value;

export interface Argument<Value> {
  readonly name: string;
  readonly required: boolean;
  readonly read: Reader<Value>;
  /**
   * True when a whole-number cell from 1 up reads as itself (an example count, a
   * token count): a range then takes such cells as they are, without reading or
   * remembering each one.
   */
  readonly countsReadAsThemselves: boolean;
}

export function required<Value>(name: string, read: Reader<Value>): Argument<Value> {
  return { name, required: true, read, countsReadAsThemselves: false };
}

export function optional<Value>(name: string, read: Reader<Value>): Argument<Value> {
  return { name, required: false, read, countsReadAsThemselves: false };
}

/** A number that must follow `rule`: "50,000" and " 12000 " are read; other text is an error. */
export function requiredNumber(name: string, rule: NumberRule): Argument<number> {
  return {
    name,
    required: true,
    read: (argument, value) => readNumber(argument, value, rule),
    countsReadAsThemselves: takesEveryCount(rule),
  };
}

/** An optional number that must follow `rule`; a blank cell takes `fallback`. */
export function optionalNumber(name: string, rule: NumberRule, fallback: number): Argument<number> {
  return {
    name,
    required: false,
    read: (argument, value) => (isBlank(value) ? fallback : readNumber(argument, value, rule)),
    countsReadAsThemselves: takesEveryCount(rule),
  };
}

/** The largest count a range stores in its index (see readColumn). */
const LARGEST_STORED_COUNT = 0x7fffffff;

/** Every rule is an interval, so it takes every count if it takes the first and the last. */
function takesEveryCount(rule: NumberRule): boolean {
  return followsRule(1, rule) && followsRule(LARGEST_STORED_COUNT, rule);
}

/** Up to seven values (every FT_* function fits), so one call site serves them all. */
type Values = [unknown?, unknown?, unknown?, unknown?, unknown?, unknown?, unknown?];
const MAX_ARGUMENTS = 7;
/** One Argument per value that `combine` takes, in the function's parameter order. */
type Arguments<V extends Values> = { readonly [K in keyof V]: Argument<V[K]> };

/** A custom function: its arguments and the arithmetic over one cell's read values. */
export interface CellFunction {
  readonly name: string;
  readonly args: readonly Argument<unknown>[];
  /** Computes one result from read values; may throw an InputError (checks across arguments). */
  readonly combine: (...values: unknown[]) => CellResult;
  /** True for a function whose one result is a row of cells: its arguments are single cells. */
  readonly row?: boolean;
}

/** A custom function whose result is one row of cells (FT_CALIBRATION): single-cell arguments. */
export function rowFunction<V extends Values>(
  name: string,
  args: Arguments<V>,
  combine: (...values: V) => CellResult[],
): CellFunction {
  return {
    ...cellFunction(name, args, combine as unknown as (...values: V) => CellResult),
    row: true,
  };
}

export function cellFunction<V extends Values>(
  name: string,
  args: Arguments<V>,
  combine: (...values: V) => CellResult,
): CellFunction {
  return {
    name,
    args: args as unknown as readonly Argument<unknown>[],
    combine: combine as unknown as CellFunction['combine'],
  };
}

interface Shape {
  readonly rows: number;
  readonly columns: number;
}

/**
 * Runs `fn` for every cell of the arguments' ranges. Scalars (and 1×1 ranges)
 * broadcast; ranges must share one shape. A cell whose range inputs are all blank
 * gives a blank. `given` is how many arguments the call really had (the stubs pass
 * every one on), so an extra argument is an error rather than silently dropped.
 */
export function applyToCells(
  fn: CellFunction,
  args: readonly CellInput[],
  given: number,
): CellOutput {
  const functionName = fn.name;
  beginCall();
  if (given > fn.args.length) {
    throw new Error(`${functionName}: takes at most ${fn.args.length} arguments, got ${given}`);
  }
  const missing = fn.args.findIndex((arg, index) => arg.required && index >= given);
  if (missing >= 0) {
    // Left out of the formula, not a blank cell: say so, with the whole signature.
    const signature = fn.args.map((arg) => (arg.required ? arg.name : `[${arg.name}]`)).join(', ');
    throw new Error(
      `${functionName}: ${fn.args[missing].name} is missing; it takes ${functionName}(${signature})`,
    );
  }
  const ranges: (Cell[][] | undefined)[] = [];
  const scalars: Cell[] = [];
  let shape: Shape | undefined;
  let shapeOwner = '';
  for (let index = 0; index < fn.args.length; index++) {
    const arg = args[index];
    const name = fn.args[index].name;
    if (!Array.isArray(arg)) {
      ranges.push(undefined);
      scalars.push(arg);
      continue;
    }
    const argShape = rangeShape(functionName, name, arg);
    if (fn.row && (argShape.rows > 1 || argShape.columns > 1)) {
      throw new Error(`${functionName}: ${name} must be one cell (the result is a row)`);
    }
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

  if (!shape) {
    if (scalars.every(isBlank)) return '';
    const result: CellResult | CellResult[] = computeCell(fn, scalars, undefined, 0, 0);
    return Array.isArray(result) ? [result] : result;
  }
  try {
    return computeByColumns(fn, ranges, scalars, shape);
  } catch {
    // Some cell is invalid. Going cell by cell, in the order a person reads the
    // table, finds the first one and says what is wrong with it and where.
    return computeByCells(fn, ranges, scalars, shape);
  }
}

/**
 * The fast path, for ranges whose cells are all valid: each argument's range is
 * read once, column by column (each distinct cell value read once), then `combine`
 * runs over the read values in a plain loop. Any error is thrown as it is; the
 * caller then finds the cell and words the message.
 */
function computeByColumns(
  fn: CellFunction,
  ranges: readonly (Cell[][] | undefined)[],
  scalars: readonly Cell[],
  shape: Shape,
): CellResult[][] {
  // Argument k's value at cell i comes from j = read[k].index[i * stride[k]]: it is
  // read[k].values[j], or the count −j when j is negative (see readColumn). A scalar, or
  // a missing argument, is one value at index 0 for every cell.
  const read: Column[] = [];
  const stride: number[] = [];
  for (let k = 0; k < MAX_ARGUMENTS; k++) {
    const arg = fn.args[k];
    const range = arg && ranges[k];
    read.push(
      range
        ? readColumn(arg, range, shape)
        : { index: AT_ZERO, values: [arg && readOne(arg, scalars[k])] },
    );
    stride.push(range ? 1 : 0);
  }
  const [a, b, c, d, e, f, g] = read;
  const [sa, sb, sc, sd, se, sf, sg] = stride;
  const { combine } = fn;
  const compute = (i: number): CellResult => {
    const ia = a.index[i * sa];
    const ib = b.index[i * sb];
    const ic = c.index[i * sc];
    const id = d.index[i * sd];
    const ie = e.index[i * se];
    const jf = f.index[i * sf];
    const jg = g.index[i * sg];
    // Index 0 is a blank cell in a range (and every scalar): all 0, all ranges are blank here.
    if ((ia | ib | ic | id | ie | jf | jg) === 0) return '';
    // A negative index is a count stored as it is (see readColumn).
    const va = ia < 0 ? -ia : a.values[ia];
    const vb = ib < 0 ? -ib : b.values[ib];
    const vc = ic < 0 ? -ic : c.values[ic];
    const vd = id < 0 ? -id : d.values[id];
    const ve = ie < 0 ? -ie : e.values[ie];
    const vf = jf < 0 ? -jf : f.values[jf];
    const vg = jg < 0 ? -jg : g.values[jg];
    if (
      va === BLANK ||
      vb === BLANK ||
      vc === BLANK ||
      vd === BLANK ||
      ve === BLANK ||
      vf === BLANK ||
      vg === BLANK
    ) {
      throw new RangeError('a required argument is blank');
    }
    const result = combine(va, vb, vc, vd, ve, vf, vg);
    if (typeof result === 'number' && !Number.isFinite(result)) throw new RangeError('too large');
    return result;
  };
  const { rows, columns } = shape;
  const output: CellResult[][] = new Array(rows);
  for (let row = 0, cell = 0; row < rows; row++) {
    if (columns === 1) {
      output[row] = [compute(cell++)];
      continue;
    }
    const line: CellResult[] = [];
    for (let column = 0; column < columns; column++) line.push(compute(cell++));
    output[row] = line;
  }
  return output;
}

/**
 * An argument read over a range: each distinct value once (values), and per cell
 * which one it is (index). values[0] is what a blank cell reads as: the default of
 * an optional argument, BLANK for a required one. For an argument whose counts read
 * as themselves, a count cell's index is the count, negated.
 */
interface Column {
  readonly index: Int32Array;
  readonly values: unknown[];
}

const AT_ZERO = new Int32Array(1);
/** A required argument's blank cell: an error if its row is not all blank. */
const BLANK = {};
// A range with more distinct values than this reads the rest without remembering
// them (a Map that large costs more than reading again).
const COLUMN_MEMO_LIMIT = 4096;
// What the previous cell held before any cell was read: equal to no cell value.
const NOTHING_YET = {};

function readColumn(
  arg: Argument<unknown>,
  range: readonly (readonly Cell[])[],
  shape: Shape,
): Column {
  const { rows, columns } = shape;
  const index = new Int32Array(rows * columns);
  const values: unknown[] = [readOne(arg, '')];
  const memo = new Map<Cell, number>();
  const { countsReadAsThemselves } = arg;
  let previous: unknown = NOTHING_YET;
  let at = 0;
  for (let row = 0, cell = 0; row < rows; row++) {
    const line = range[row];
    for (let column = 0; column < columns; column++, cell++) {
      const raw = line[column];
      if (
        countsReadAsThemselves &&
        typeof raw === 'number' &&
        raw >= 1 &&
        raw <= LARGEST_STORED_COUNT &&
        Math.floor(raw) === raw
      ) {
        // Cheaper than the memo: most number columns (example counts) are whole numbers.
        index[cell] = -raw;
        continue;
      }
      if (raw !== previous) {
        previous = raw;
        // A text's length, not a comparison of strings: the quick isBlank.
        const blank =
          typeof raw === 'string' ? raw.length === 0 : raw === null || raw === undefined;
        const known = blank ? 0 : memo.get(raw);
        if (known === undefined) {
          at = values.push(arg.read(arg.name, raw)) - 1;
          if (memo.size < COLUMN_MEMO_LIMIT && typeof raw !== 'object') memo.set(raw, at);
        } else {
          at = known;
        }
      }
      index[cell] = at;
    }
  }
  return { index, values };
}

function readOne(arg: Argument<unknown>, raw: Cell): unknown {
  return arg.required && isBlank(raw) ? BLANK : arg.read(arg.name, raw);
}

/**
 * Cell by cell, for ranges with an invalid cell: throws the first cell's error
 * (row by row, then column by column), naming its position. Gives the same
 * results as computeByColumns where every cell is valid.
 */
function computeByCells(
  fn: CellFunction,
  ranges: readonly (Cell[][] | undefined)[],
  scalars: readonly Cell[],
  shape: Shape,
): CellResult[][] {
  return ranges[ranges.findIndex(Boolean)]!.map((line, row) =>
    line.map((_, column) => {
      const values = ranges.map((range, k) => (range ? range[row][column] : scalars[k]));
      const blank = ranges.every((range, k) => !range || isBlank(values[k]));
      return blank ? '' : computeCell(fn, values, shape, row, column, ranges);
    }),
  );
}

/**
 * One result cell. The cell's position (shape, row, column, which arguments are ranges;
 * no shape for scalars) is turned into text only for an error, so a valid cell allocates
 * no message.
 */
function computeCell(
  fn: CellFunction,
  values: readonly Cell[],
  shape: Shape | undefined,
  row: number,
  column: number,
  ranges: readonly (Cell[][] | undefined)[] = [],
): CellResult {
  const { name: functionName, args } = fn;
  for (let index = 0; index < args.length; index++) {
    if (args[index].required && isBlank(values[index])) {
      throw new Error(
        `${functionName}: ${args[index].name} is required but blank${positionIn(fn, ranges, shape, row, column, index)}`,
      );
    }
  }
  let result: CellResult;
  let reading = 0;
  try {
    const read: unknown[] = [];
    for (; reading < args.length; reading++) {
      read.push(args[reading].read(args[reading].name, values[reading]));
    }
    result = fn.combine(...read);
  } catch (error) {
    // The cause is dropped on purpose: a cell shows only the message, and a raw
    // engine error must never reach it. ES2019 (Apps Script's target) has no `cause`.
    if (error instanceof InputError) {
      // eslint-disable-next-line preserve-caught-error
      throw new Error(
        `${functionName}: ${error.problem}${positionIn(fn, ranges, shape, row, column, reading)}${error.hint ? `. ${error.hint}` : ''}`,
      );
    }
    // A bug must still reach the cell as a message for a person, not a raw TypeError.
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `${functionName}: could not compute this input${positionIn(fn, ranges, shape, row, column, reading)}; please report it`,
    );
  }
  if (typeof result === 'number' && !Number.isFinite(result)) {
    throw new Error(
      `${functionName}: the result is too large to show${positionIn(fn, ranges, shape, row, column, -1)} (beyond about 1.8e308); ${largestInput(args, values)}`,
    );
  }
  return result;
}

/** The cell's position in the range of the argument at fault, or else of the first range. */
function positionIn(
  fn: CellFunction,
  ranges: readonly (Cell[][] | undefined)[],
  shape: Shape | undefined,
  row: number,
  column: number,
  index: number,
): string {
  const range = ranges[index] ? index : ranges.findIndex(Boolean);
  return cellPosition(shape, row, column, range >= 0 ? fn.args[range].name : '');
}

/** Names the input with the largest size, the likely cause of a result too large to show. */
function largestInput(args: readonly Argument<unknown>[], values: readonly Cell[]): string {
  let largest = -1;
  let text = 'check the inputs for very large or very small numbers';
  for (let index = 0; index < args.length; index++) {
    const size = Math.abs(parseNumberValue(values[index]) ?? -1);
    if (size > largest && size >= 1e100) {
      largest = size;
      text = `check ${args[index].name}, which is ${String(values[index])}`;
    }
  }
  return text;
}

function rangeShape(functionName: string, name: string, range: unknown[]): Shape {
  if (range.length === 0 || !Array.isArray(range[0]) || range[0].length === 0) {
    throw new Error(`${functionName}: ${name} is an empty range`);
  }
  const columns = range[0].length;
  for (let index = 1; index < range.length; index++) {
    const row = range[index];
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

/**
 * " (row 3 of examples)", " (column 2 of model)" or " (row 3, column 2 of upfront)": the
 * cell's place within that argument's range (not the sheet's row); nothing for a scalar call.
 */
function cellPosition(
  shape: Shape | undefined,
  row: number,
  column: number,
  range: string,
): string {
  if (!shape) return '';
  const of = range ? ` of ${range}` : '';
  return shape.columns === 1
    ? ` (row ${row + 1}${of})`
    : shape.rows === 1
      ? ` (column ${column + 1}${of})`
      : ` (row ${row + 1}, column ${column + 1}${of})`;
}
