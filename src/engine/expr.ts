// A small expression layer: each scenario metric is written once as a tree of these nodes,
// which the engine evaluates to a number (or text) and the scenario writer renders as the
// Sheets formula of the metric's cell. Evaluation follows Sheets' own rules where the two
// could differ (text that holds a number counts as that number in arithmetic; an error
// spreads through everything that uses it; IF only evaluates the branch it takes), so the
// number a cell shows and the number the engine computes cannot drift apart.
//
// No parser: definitions are built with the constructor functions at the bottom.
import { edate, isoOfSerial } from './dates';
import type { Catalog } from './catalog';
import { parseNumberValue } from './numbers';
import type { ScenarioField } from './scenario-input';

/** A spreadsheet error value, e.g. #N/A or #VALUE!. */
export class SheetError {
  constructor(readonly code: '#N/A' | '#VALUE!' | '#DIV/0!' | '#NUM!') {}
}

/** A catalog row found by a lookup: only `field` reads it. */
export interface FoundRow {
  readonly found: Readonly<Record<string, unknown>>;
}

export type Value = number | string | boolean | SheetError | FoundRow;

export type TableKey = keyof Catalog;

export type Binary = '+' | '-' | '*' | '/' | '^' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Functions evaluated the same way in the engine as in Sheets (and HyperFormula). */
export type Fn =
  | 'IF'
  | 'IFERROR'
  | 'AND'
  | 'OR'
  | 'NOT'
  | 'MIN'
  | 'MAX'
  | 'ROUND'
  | 'ROUNDUP'
  | 'INT'
  | 'LN'
  | 'EXP'
  | 'ISNUMBER'
  | 'ISTEXT'
  | 'ISERROR'
  | 'VALUE'
  | 'LEN'
  | 'LEFT'
  | 'NA'
  /** A date some months later (serial day numbers, as a Sheets date cell holds them). */
  | 'EDATE'
  /** A serial day as "yyyy-mm-dd" or "yyyy-mm" text: the only two formats the model uses. */
  | 'TEXT';

export type Expr =
  | { readonly kind: 'literal'; readonly value: number | string }
  /** A named constant with its source: renders as its number, the "How" text names it. */
  | {
      readonly kind: 'constant';
      readonly name: string;
      readonly value: number;
      readonly source: string;
    }
  /** An input cell's value as the user left it (a blank is ''). */
  | { readonly kind: 'input'; readonly field: ScenarioField }
  /** An input's label and cell address, as text: "Training examples (B7)". */
  | { readonly kind: 'inputLabel'; readonly field: ScenarioField }
  /** Another metric's cell. */
  | { readonly kind: 'metric'; readonly name: string }
  /** A cell of this table row (offset 0) or of the row above (offset -1). */
  | { readonly kind: 'cell'; readonly column: string; readonly offset: 0 | -1 }
  /** A whole column of a table, for SUM, MATCH and INDEX. */
  | { readonly kind: 'column'; readonly table: string; readonly column: string }
  | { readonly kind: 'binary'; readonly op: Binary; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'negate'; readonly operand: Expr }
  | { readonly kind: 'call'; readonly fn: Fn; readonly args: readonly Expr[] }
  | { readonly kind: 'sum'; readonly range: Expr }
  /** MATCH(value, range, 1): the last position whose value is at most `value` (sorted range). */
  | { readonly kind: 'matchBelow'; readonly value: Expr; readonly range: Expr }
  | { readonly kind: 'at'; readonly range: Expr; readonly position: Expr }
  /**
   * The catalog row a name key stands for, by the engine's name rules (a name or an alias,
   * the lowest row of a name; else `prefix` when no other name starts as it does); #N/A when none.
   */
  | {
      readonly kind: 'catalogRow';
      readonly table: TableKey;
      readonly key: Expr;
      readonly prefix: Expr;
    }
  /**
   * A column of a catalog row: `row` is a found row (a catalogRow node or a metric holding
   * one), or with `byName` a name (a table row's key cell) looked up on the spot.
   */
  | {
      readonly kind: 'field';
      readonly table: TableKey;
      readonly field: string;
      readonly row: Expr;
      readonly byName: boolean;
    }
  /**
   * Reading text the way the engine's names.ts does, each a step a formula can take: a
   * size typed as a number or as text such as "8 B", cleaned to "8" (sizeWord); text that
   * is digits with at most one "." read as a number (digits); the size at the end of a model
   * name such as "Mistral 7B", as "7" (nameEnd); a name as the lookups key it: lower case
   * without spaces, "-" and "_" (nameKey; a number is never a name). #N/A when none fits.
   */
  | { readonly kind: 'read'; readonly how: TextReading; readonly value: Expr }
  /** Today as Sheets' TODAY() gives it: a serial day number (the engine's from its clock). */
  | { readonly kind: 'today' }
  /** A setting cell of the catalog sheet (src/engine/freshness.ts), as the cell holds it. */
  | { readonly kind: 'catalogSetting'; readonly name: CatalogSetting }
  /** The catalog name (of the lowest row) whose key starts with a name key, for a unique prefix. */
  | { readonly kind: 'catalogPrefix'; readonly table: TableKey; readonly key: Expr }
  /**
   * A managed service's price row for a model (src/engine/managed.ts), in three steps:
   * 'prefix' (service: a found row, method: a name) the key its rows' bracket keys start
   * with; 'score' (prefix, size) the least score of those rows that hold the size, NO_BRACKET
   * when none does; 'row' (prefix, size, score) the row of that score, #N/A when none.
   */
  | { readonly kind: 'bracket'; readonly step: BracketStep; readonly args: readonly Expr[] }
  /**
   * COUNT, SUM, MIN or MAX of a table column's numbers over the rows whose `where` columns
   * equal the given texts (ignoring case): COUNTIFS, SUMIFS, MINIFS, MAXIFS in a formula,
   * the plain function without conditions. COUNT with conditions counts the rows that
   * match. MIN and MAX of no numbers are 0, as in Sheets.
   */
  | {
      readonly kind: 'aggregate';
      readonly fn: Aggregate;
      readonly range: Expr;
      readonly where: readonly Condition[];
    };

export type Aggregate = 'COUNT' | 'SUM' | 'MIN' | 'MAX';

/** A condition of an aggregate: the column's cell equals the value (text, ignoring case). */
export interface Condition {
  readonly range: Expr;
  readonly equals: Expr;
}

export type BracketStep = 'prefix' | 'score' | 'row';

export type TextReading = 'sizeWord' | 'digits' | 'nameEnd' | 'nameKey' | 'isoDate' | 'dayNumber';

/** The catalog sheet's settings: the days after which a price is stale. */
export type CatalogSetting = 'staleAfterDays';

/** What evaluation needs from its surroundings: the inputs, other metrics, the catalog. */
export interface EvalEnv {
  input(field: ScenarioField): Value;
  inputLabel(field: ScenarioField): string;
  metric(name: string): Value;
  cell(column: string, offset: 0 | -1): Value;
  column(table: string, column: string): readonly Value[];
  catalogRow(table: TableKey, key: Value): Value;
  catalogPrefix(table: TableKey, key: Value): Value;
  read(how: TextReading, value: Value): Value;
  bracket(step: BracketStep, args: readonly Value[]): Value;
  /** TODAY() as a serial day number: the clock the evaluation was given. */
  today(): Value;
  catalogSetting(name: CatalogSetting): Value;
}

/** What rendering needs: where each input, metric and table cell is, and the lookup shapes. */
export interface RenderEnv {
  input(field: ScenarioField): string;
  inputLabel(field: ScenarioField): string;
  metric(name: string): string;
  cell(column: string, offset: 0 | -1): string;
  column(table: string, column: string): string;
  catalogRow(table: TableKey, key: string, prefix: string): string;
  catalogPrefix(table: TableKey, key: string): string;
  field(table: TableKey, field: string, row: string, byName: boolean): string;
  read(how: TextReading, value: string): string;
  bracket(step: BracketStep, args: readonly string[]): string;
  catalogSetting(name: CatalogSetting): string;
}

// ---- Evaluation ------------------------------------------------------------------------

const isError = (value: Value): value is SheetError => value instanceof SheetError;

export function isFoundRow(value: Value): value is FoundRow {
  return typeof value === 'object' && !(value instanceof SheetError);
}

/** A value as Sheets reads it in arithmetic: text that holds a number is that number. */
export function toNumber(value: Value): number | SheetError {
  if (isError(value)) return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === '') return 0;
  if (typeof value === 'string') return parseNumberValue(value) ?? new SheetError('#VALUE!');
  return new SheetError('#VALUE!');
}

/** A value as Sheets shows it in text (&): numbers in their shortest form. */
function toText(value: Value): string | SheetError {
  if (isError(value)) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return new SheetError('#VALUE!');
}

/**
 * Sheets' comparison: numbers below text below booleans; text without case. A blank input
 * is '' here and compares as text, so 0 = "" is FALSE, as it is for a number in Sheets.
 */
function compare(left: Value, right: Value): number | SheetError {
  if (isError(left)) return left;
  if (isError(right)) return right;
  const rank = (value: Value): number =>
    typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : 2;
  if (rank(left) !== rank(right)) return rank(left) - rank(right);
  if (typeof left === 'number' && typeof right === 'number') return left - right;
  const a = String(left).toLowerCase();
  const b = String(right).toLowerCase();
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A binary operator applied as Sheets applies it (shared by evaluate and compile). */
export function arithmetic(op: Binary, left: Value, right: Value): Value {
  if (op === '&') {
    const a = toText(left);
    const b = toText(right);
    if (isError(a)) return a;
    if (isError(b)) return b;
    return a + b;
  }
  if (op === '=' || op === '<>' || op === '<' || op === '<=' || op === '>' || op === '>=') {
    const order = compare(left, right);
    if (isError(order)) return order;
    switch (op) {
      case '=':
        return order === 0;
      case '<>':
        return order !== 0;
      case '<':
        return order < 0;
      case '<=':
        return order <= 0;
      case '>':
        return order > 0;
      default:
        return order >= 0;
    }
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (isError(a)) return a;
  if (isError(b)) return b;
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new SheetError('#DIV/0!') : a / b;
    default: {
      const power = Math.pow(a, b);
      return Number.isFinite(power) ? power : new SheetError('#NUM!');
    }
  }
}

/** A one-number function applied as Sheets applies it: an error spreads, no infinity. */
export function numeric(value: Value, apply: (n: number) => number): Value {
  const n = toNumber(value);
  if (isError(n)) return n;
  const result = apply(n);
  return Number.isFinite(result) ? result : new SheetError('#NUM!');
}

function truthy(value: Value): boolean | SheetError {
  if (isError(value)) return value;
  if (typeof value === 'boolean') return value;
  const n = toNumber(value);
  return isError(n) ? n : n !== 0;
}

/** ROUND as Sheets does it: halves away from zero. */
function roundTo(value: number, digits: number): number {
  const factor = Math.pow(10, digits);
  const scaled = Math.abs(value) * factor;
  // The epsilon absorbs binary noise such as 1.005 * 100 = 100.49999999999999.
  return (Math.sign(value) * Math.round(scaled + scaled * Number.EPSILON)) / factor;
}

/**
 * A function's value, its arguments computed on demand by `arg` (IF computes only the
 * branch it takes): the one place each function's meaning is written, for evaluate and
 * for compiled definitions alike.
 */
export function applyFunction(fn: Fn, count: number, arg: (i: number) => Value): Value {
  switch (fn) {
    case 'IF': {
      const condition = truthy(arg(0));
      if (isError(condition)) return condition;
      return condition ? arg(1) : count > 2 ? arg(2) : false;
    }
    case 'IFERROR': {
      const value = arg(0);
      return isError(value) ? arg(1) : value;
    }
    case 'AND':
    case 'OR': {
      const values = Array.from({ length: count }, (_, i) => truthy(arg(i)));
      const error = values.find(isError);
      if (error) return error;
      return fn === 'AND' ? values.every(Boolean) : values.some(Boolean);
    }
    case 'NOT': {
      const value = truthy(arg(0));
      return isError(value) ? value : !value;
    }
    case 'MIN':
    case 'MAX': {
      const values = Array.from({ length: count }, (_, i) => toNumber(arg(i)));
      const error = values.find(isError);
      if (error) return error;
      const numbers = values as number[];
      return fn === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
    }
    case 'ROUND': {
      const digits = toNumber(arg(1));
      if (isError(digits)) return digits;
      return numeric(arg(0), (n) => roundTo(n, digits));
    }
    case 'ROUNDUP': {
      // Away from zero, to whole numbers (the only use: GPUs a run needs).
      return numeric(arg(0), (n) => Math.sign(n) * Math.ceil(Math.abs(n)));
    }
    case 'INT':
      // Down to the whole number below (Sheets' INT, also for negatives).
      return numeric(arg(0), Math.floor);
    case 'LN':
      return numeric(arg(0), (n) => (n > 0 ? Math.log(n) : NaN));
    case 'EXP':
      return numeric(arg(0), Math.exp);
    case 'ISNUMBER':
      return typeof arg(0) === 'number';
    case 'ISTEXT':
      return typeof arg(0) === 'string';
    case 'ISERROR':
      return isError(arg(0));
    case 'VALUE': {
      const value = arg(0);
      // VALUE of a blank or of text that holds no number is an error, unlike arithmetic.
      return value === '' ? new SheetError('#VALUE!') : toNumber(value);
    }
    case 'LEN': {
      const text = toText(arg(0));
      return isError(text) ? text : text.length;
    }
    case 'LEFT': {
      const text = toText(arg(0));
      const count = toNumber(arg(1));
      if (isError(text)) return text;
      if (isError(count)) return count;
      return text.slice(0, count);
    }
    case 'NA':
      return new SheetError('#N/A');
    case 'EDATE': {
      // Text that holds a number counts; ISO text is no date here (HyperFormula reads none
      // as one, and the model's date check asks for a Sheets date, a number).
      const start = toNumber(arg(0));
      const months = toNumber(arg(1));
      if (isError(start)) return start;
      if (isError(months)) return months;
      return start >= 0 ? numeric(start, (day) => edate(day, months)) : new SheetError('#NUM!');
    }
    case 'TEXT': {
      const format = arg(1);
      if (format !== 'yyyy-mm-dd' && format !== 'yyyy-mm') {
        throw new Error(`TEXT: the model uses only yyyy-mm-dd and yyyy-mm, got ${String(format)}`);
      }
      const day = toNumber(arg(0));
      if (isError(day)) return day;
      return isoOfSerial(day).slice(0, format.length);
    }
  }
}

/** A node's value, computed as Sheets would compute its formula. */
export function evaluate(expr: Expr, env: EvalEnv): Value {
  switch (expr.kind) {
    case 'literal':
    case 'constant':
      return expr.value;
    case 'input':
      return env.input(expr.field);
    case 'inputLabel':
      return env.inputLabel(expr.field);
    case 'metric':
      return env.metric(expr.name);
    case 'cell':
      return env.cell(expr.column, expr.offset);
    case 'column':
      throw new Error(`a whole column (${expr.table}.${expr.column}) is not a single value`);
    case 'binary':
      return arithmetic(expr.op, evaluate(expr.left, env), evaluate(expr.right, env));
    case 'negate':
      return numeric(evaluate(expr.operand, env), (n) => -n);
    case 'call':
      return applyFunction(expr.fn, expr.args.length, (i) => evaluate(expr.args[i], env));
    case 'sum':
      return sumOf(columnOf(expr.range, env));
    case 'matchBelow': {
      const target = toNumber(evaluate(expr.value, env));
      if (isError(target)) return target;
      const values = columnOf(expr.range, env);
      let position = 0;
      values.forEach((value, i) => {
        if (typeof value === 'number' && value <= target) position = i + 1;
      });
      return position === 0 ? new SheetError('#N/A') : position;
    }
    case 'at': {
      const position = toNumber(evaluate(expr.position, env));
      if (isError(position)) return position;
      const values = columnOf(expr.range, env);
      const value = values[Math.trunc(position) - 1];
      return value === undefined ? new SheetError('#NUM!') : value;
    }
    case 'catalogRow':
      return env.catalogRow(expr.table, evaluate(expr.key, env));
    case 'field': {
      const given = evaluate(expr.row, env);
      const row = expr.byName ? env.catalogRow(expr.table, given) : given;
      if (isError(row)) return row;
      if (!isFoundRow(row)) return new SheetError('#VALUE!');
      const value = row.found[expr.field];
      return typeof value === 'number' || typeof value === 'string' ? value : '';
    }
    case 'read':
      return env.read(expr.how, evaluate(expr.value, env));
    case 'catalogPrefix':
      return env.catalogPrefix(expr.table, evaluate(expr.key, env));
    case 'bracket':
      return env.bracket(
        expr.step,
        expr.args.map((arg) => evaluate(arg, env)),
      );
    case 'aggregate':
      return aggregateOf(expr, env);
    case 'today':
      return env.today();
    case 'catalogSetting':
      return env.catalogSetting(expr.name);
  }
}

/** An aggregate node's value (see its Expr): the rows its conditions pick, then the function. */
function aggregateOf(expr: Extract<Expr, { kind: 'aggregate' }>, env: EvalEnv): Value {
  const values = columnOf(expr.range, env);
  const conditions: { column: readonly Value[]; text: string }[] = [];
  for (const condition of expr.where) {
    const text = toText(evaluate(condition.equals, env));
    if (isError(text)) return text;
    conditions.push({ column: columnOf(condition.range, env), text: text.toLowerCase() });
  }
  const picked: Value[] = [];
  values.forEach((value, i) => {
    const matches = conditions.every(({ column, text }) => {
      const cell = column[i];
      return !isError(cell) && String(toText(cell)).toLowerCase() === text;
    });
    if (matches) picked.push(value);
  });
  if (expr.fn === 'COUNT') {
    return conditions.length > 0
      ? picked.length
      : picked.filter((v) => typeof v === 'number').length;
  }
  const error = picked.find(isError);
  if (error) return error;
  const numbers = picked.filter((value): value is number => typeof value === 'number');
  if (expr.fn === 'SUM') return numbers.reduce((total, n) => total + n, 0);
  if (numbers.length === 0) return 0;
  return expr.fn === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

/** SUM over a range: text and blanks are skipped, as Sheets does; an error spreads. */
export function sumOf(values: readonly Value[]): Value {
  let total = 0;
  for (const value of values) {
    if (isError(value)) return value;
    if (typeof value === 'number') total += value;
  }
  return total;
}

function columnOf(range: Expr, env: EvalEnv): readonly Value[] {
  if (range.kind !== 'column') throw new Error('a range must be a table column');
  return env.column(range.table, range.column);
}

// ---- Rendering -------------------------------------------------------------------------

/** How tightly each operator binds, as Sheets parses formulas (higher binds tighter). */
export const PRECEDENCE: Readonly<Record<Binary, number>> = {
  '=': 1,
  '<>': 1,
  '<': 1,
  '<=': 1,
  '>': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/** A number as a formula writes it: no exponent Sheets' parser could misread, no locale. */
export function numberLiteral(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const text = String(value);
  return text.includes('e') ? value.toFixed(20).replace(/0+$/, '') : text;
}

/** A string literal for a formula: quotes doubled. */
export function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function renderOperand(expr: Expr, env: RenderEnv, parent: number, right: boolean): string {
  const text = renderNode(expr, env);
  if (expr.kind === 'negate' && parent >= PRECEDENCE['^']) return `(${text})`;
  if (expr.kind !== 'binary') return text;
  const own = PRECEDENCE[expr.op];
  // Same level on the right needs brackets for - / and comparisons: a-(b-c), a/(b*c).
  return own < parent || (right && own === parent) ? `(${text})` : text;
}

function renderNode(expr: Expr, env: RenderEnv): string {
  switch (expr.kind) {
    case 'literal':
      return typeof expr.value === 'number' ? numberLiteral(expr.value) : stringLiteral(expr.value);
    case 'constant':
      return numberLiteral(expr.value);
    case 'input':
      return env.input(expr.field);
    case 'inputLabel':
      return stringLiteral(env.inputLabel(expr.field));
    case 'metric':
      return env.metric(expr.name);
    case 'cell':
      return env.cell(expr.column, expr.offset);
    case 'column':
      return env.column(expr.table, expr.column);
    case 'binary': {
      const level = PRECEDENCE[expr.op];
      return `${renderOperand(expr.left, env, level, false)}${expr.op}${renderOperand(expr.right, env, level, true)}`;
    }
    case 'negate':
      return `-${renderOperand(expr.operand, env, PRECEDENCE['^'], false)}`;
    case 'call':
      // TRUE()/FALSE() are never needed; NA() takes no argument.
      return `${expr.fn}(${expr.args.map((arg) => renderNode(arg, env)).join(',')})`;
    case 'sum':
      return `SUM(${renderNode(expr.range, env)})`;
    case 'matchBelow':
      return `MATCH(${renderNode(expr.value, env)},${renderNode(expr.range, env)},1)`;
    case 'at':
      return `INDEX(${renderNode(expr.range, env)},${renderNode(expr.position, env)})`;
    case 'catalogRow':
      return env.catalogRow(expr.table, renderNode(expr.key, env), renderNode(expr.prefix, env));
    case 'catalogPrefix':
      return env.catalogPrefix(expr.table, renderNode(expr.key, env));
    case 'today':
      return 'TODAY()';
    case 'catalogSetting':
      return env.catalogSetting(expr.name);
    case 'field':
      return env.field(expr.table, expr.field, renderNode(expr.row, env), expr.byName);
    case 'read':
      return env.read(expr.how, renderNode(expr.value, env));
    case 'bracket':
      return env.bracket(
        expr.step,
        expr.args.map((arg) => renderNode(arg, env)),
      );
    case 'aggregate': {
      const range = renderNode(expr.range, env);
      if (expr.where.length === 0) return `${expr.fn}(${range})`;
      const conditions = expr.where
        .map(
          (c) =>
            `${renderNode(c.range, env)},"="&${renderOperand(c.equals, env, PRECEDENCE['&'], true)}`,
        )
        .join(',');
      return expr.fn === 'COUNT'
        ? `COUNTIFS(${conditions})`
        : `${expr.fn}IFS(${range},${conditions})`;
    }
  }
}

/** The Sheets formula of a node, with its leading "=". */
export function render(expr: Expr, env: RenderEnv): string {
  return `=${renderNode(expr, env)}`;
}

/**
 * An environment with only the methods given (a definition over one cell, say): a node that
 * reaches for another method is a bug, and the error names the method.
 */
export function only<Env extends object>(given: Partial<Env>): Env {
  return new Proxy(given, {
    get: (target: Record<PropertyKey, unknown>, key) =>
      target[key] ??
      ((): never => {
        throw new Error(`expression: no ${String(key)} here`);
      }),
  }) as Env;
}

// ---- Constructors ----------------------------------------------------------------------

type Operand = Expr | number | string;

const lift = (value: Operand): Expr =>
  typeof value === 'object' ? value : { kind: 'literal', value };

const binary =
  (op: Binary) =>
  (left: Operand, right: Operand): Expr => ({
    kind: 'binary',
    op,
    left: lift(left),
    right: lift(right),
  });

const call =
  (fn: Fn) =>
  (...args: Operand[]): Expr => ({ kind: 'call', fn, args: args.map(lift) });

export const E = {
  literal: (value: number | string): Expr => ({ kind: 'literal', value }),
  constant: (name: string, value: number, source: string): Expr => ({
    kind: 'constant',
    name,
    value,
    source,
  }),
  input: (field: ScenarioField): Expr => ({ kind: 'input', field }),
  inputLabel: (field: ScenarioField): Expr => ({ kind: 'inputLabel', field }),
  metric: (name: string): Expr => ({ kind: 'metric', name }),
  cell: (column: string): Expr => ({ kind: 'cell', column, offset: 0 }),
  above: (column: string): Expr => ({ kind: 'cell', column, offset: -1 }),
  column: (table: string, column: string): Expr => ({ kind: 'column', table, column }),
  add: binary('+'),
  sub: binary('-'),
  mul: binary('*'),
  div: binary('/'),
  pow: binary('^'),
  concat: (...parts: Operand[]): Expr => parts.map(lift).reduce((a, b) => binary('&')(a, b)),
  eq: binary('='),
  ne: binary('<>'),
  lt: binary('<'),
  le: binary('<='),
  gt: binary('>'),
  ge: binary('>='),
  negate: (operand: Operand): Expr => ({ kind: 'negate', operand: lift(operand) }),
  if: call('IF'),
  iferror: call('IFERROR'),
  and: call('AND'),
  or: call('OR'),
  not: call('NOT'),
  min: call('MIN'),
  max: call('MAX'),
  round: call('ROUND'),
  roundUp: call('ROUNDUP'),
  int: call('INT'),
  ln: call('LN'),
  exp: call('EXP'),
  isNumber: call('ISNUMBER'),
  isText: call('ISTEXT'),
  isError: call('ISERROR'),
  value: call('VALUE'),
  len: call('LEN'),
  left: call('LEFT'),
  edate: call('EDATE'),
  text: call('TEXT'),
  na: (): Expr => ({ kind: 'call', fn: 'NA', args: [] }),
  sum: (range: Expr): Expr => ({ kind: 'sum', range }),
  matchBelow: (value: Operand, range: Expr): Expr => ({
    kind: 'matchBelow',
    value: lift(value),
    range,
  }),
  at: (range: Expr, position: Operand): Expr => ({ kind: 'at', range, position: lift(position) }),
  catalogRow: (table: TableKey, key: Expr, prefix: Expr): Expr => ({
    kind: 'catalogRow',
    table,
    key,
    prefix,
  }),
  catalogPrefix: (table: TableKey, key: Expr): Expr => ({ kind: 'catalogPrefix', table, key }),
  today: (): Expr => ({ kind: 'today' }),
  catalogSetting: (name: CatalogSetting): Expr => ({ kind: 'catalogSetting', name }),
  field: (table: TableKey, field: string, row: Expr): Expr => ({
    kind: 'field',
    table,
    field,
    row,
    byName: false,
  }),
  fieldByName: (table: TableKey, field: string, name: Expr): Expr => ({
    kind: 'field',
    table,
    field,
    row: name,
    byName: true,
  }),
  read: (how: TextReading, value: Expr): Expr => ({ kind: 'read', how, value }),
  bracket: (step: BracketStep, ...args: Expr[]): Expr => ({ kind: 'bracket', step, args }),
  aggregate: (fn: Aggregate, range: Expr, where: readonly Condition[] = []): Expr => ({
    kind: 'aggregate',
    fn,
    range,
    where,
  }),
} as const;
