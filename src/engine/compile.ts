// Compiles a definition of the expression layer (expr.ts) into a plain function of a few
// bound values, so a custom function over 100K rows can evaluate the scenario model's own
// definition of its quantity instead of a second copy of the arithmetic. The meaning of
// every operator and function is expr.ts's (arithmetic, numeric, applyFunction, sumOf);
// this only decides, once, which closure computes each node.
//
// Names the caller binds (an input, a metric, a catalog field) become the call's
// arguments; any other metric is replaced by its own definition, so a view of
// "trainingCost" with "trainingHours" and "price" bound is the model's
// trainingHours × price. A node whose operands are all known is computed while compiling
// (so IF(problem = "", x, "") with problem bound to "" leaves only x).
import { applyFunction, arithmetic, numeric, SheetError, sumOf } from './expr';
import type { Binary, Expr, Value } from './expr';
import { numberProgram } from './number-program';
import type { NumberPlan, NumberProgram } from './number-program';

/** A compiled definition: its value from the bound values, in the order they were bound. */
export type Compiled = (bound: readonly Value[]) => Value;

/** What compiling needs: where each bound name is, and the definitions of the others. */
export interface CompileEnv {
  /** The position of a bound name among the call's values, or undefined. */
  slot(name: string): number | undefined;
  /** The definition of a metric that is not bound. */
  definition(name: string): Expr | undefined;
  /** The definitions of a table column's rows, for a sum over it. */
  column(table: string, column: string): readonly Expr[] | undefined;
}

/** The names a definition's nodes are bound by: `input:examples`, `metric` names, `field:table.field`. */
export const bindingName = {
  input: (field: string): string => `input:${field}`,
  field: (table: string, field: string): string => `field:${table}.${field}`,
};

/**
 * A node while compiling: a value known now, or a closure that computes it and, when the
 * node is plain arithmetic on bound values, its plan for numbers (number-program.ts).
 */
type Node = { readonly known: Value } | { readonly run: Compiled; readonly plan?: NumberPlan };

/** A node's plan for numbers: a known number, or the plan it carries. */
function planOf(node: Node): NumberPlan | undefined {
  if (isKnown(node)) return typeof node.known === 'number' ? { value: node.known } : undefined;
  return node.plan;
}

const known = (value: Value): Node => ({ known: value });
const isKnown = (node: Node): node is { readonly known: Value } => 'known' in node;
const runOf = (node: Node): Compiled => {
  if (isKnown(node)) {
    const value = node.known;
    return () => value;
  }
  return node.run;
};

export function compile(expr: Expr, env: CompileEnv): Compiled {
  return compileBoth(expr, env).run;
}

/**
 * The definition as a program over numbers, when it is plain arithmetic on the bound values
 * (as FT_HOURS's and FT_COST's are once the gate is folded away): it computes without
 * allocating, for bound values that are all numbers; undefined otherwise.
 */
export function compileNumbers(expr: Expr, env: CompileEnv): NumberProgram | undefined {
  return compileBoth(expr, env).program;
}

/** Both from one compilation: the closures (every value) and the number program, if any. */
export function compileBoth(
  expr: Expr,
  env: CompileEnv,
): { readonly run: Compiled; readonly program?: NumberProgram } {
  const node = compileNode(expr, env, []);
  const plan = planOf(node);
  const program = plan ? numberProgram(plan) : undefined;
  return { run: runOf(node), ...(program ? { program } : {}) };
}

function compileNode(expr: Expr, env: CompileEnv, path: readonly string[]): Node {
  switch (expr.kind) {
    case 'literal':
    case 'constant':
      return known(expr.value);
    case 'input':
      return bound(env, bindingName.input(expr.field));
    case 'metric': {
      const slot = env.slot(expr.name);
      if (slot !== undefined) return { run: (values) => values[slot], plan: { slot } };
      const definition = env.definition(expr.name);
      if (!definition)
        throw new Error(`compile: metric '${expr.name}' is neither bound nor defined`);
      if (path.includes(expr.name)) throw new Error(`compile: '${expr.name}' depends on itself`);
      return compileNode(definition, env, [...path, expr.name]);
    }
    case 'field':
      if (expr.byName || expr.row.kind === 'metric' || expr.row.kind === 'catalogRow') {
        return bound(env, bindingName.field(expr.table, expr.field));
      }
      break;
    case 'binary':
      return binary(expr.op, compileNode(expr.left, env, path), compileNode(expr.right, env, path));
    case 'negate': {
      const operand = compileNode(expr.operand, env, path);
      const negate = (value: Value): Value => numeric(value, (n) => -n);
      if (isKnown(operand)) return known(negate(operand.known));
      const run = operand.run;
      const plan = operand.plan && { negate: operand.plan };
      return { run: (values) => negate(run(values)), ...(plan ? { plan } : {}) };
    }
    case 'call':
      return call(expr, env, path);
    case 'sum': {
      const range = expr.range;
      const rows = range.kind === 'column' ? env.column(range.table, range.column) : undefined;
      if (!rows) break;
      const runs = rows.map((row) => runOf(compileNode(row, env, path)));
      return { run: (values) => sumOf(runs.map((run) => run(values))) };
    }
    default:
      break;
  }
  throw new Error(`compile: a '${expr.kind}' node needs a sheet or the catalog`);
}

function bound(env: CompileEnv, name: string): Node {
  const slot = env.slot(name);
  if (slot === undefined) throw new Error(`compile: ${name} is not bound`);
  return { run: (values) => values[slot], plan: { slot } };
}

/** The plan of `left op right` when both sides are numbers' plans and op is + - * /. */
function binaryPlan(op: Binary, left: Node, right: Node): NumberPlan | undefined {
  if (op !== '+' && op !== '-' && op !== '*' && op !== '/') return undefined;
  const l = planOf(left);
  const r = planOf(right);
  return l && r ? { op, left: l, right: r } : undefined;
}

function binary(op: Binary, left: Node, right: Node): Node {
  if (isKnown(left) && isKnown(right)) return known(arithmetic(op, left.known, right.known));
  const l = runOf(left);
  const r = runOf(right);
  const plan = binaryPlan(op, left, right);
  return { run: (values) => arithmetic(op, l(values), r(values)), ...(plan ? { plan } : {}) };
}

function call(
  expr: Extract<Expr, { kind: 'call' }>,
  env: CompileEnv,
  path: readonly string[],
): Node {
  const first = expr.fn === 'IF' ? compileNode(expr.args[0], env, path) : undefined;
  if (first && isKnown(first)) {
    // IF's own rule picks the branch (or gives the condition's error): compile that branch
    // only (the other may need what a view does not bind, e.g. the measured runs).
    const condition = first.known;
    const taken = applyFunction('IF', 3, (i) => (i === 0 ? condition : BRANCH[i - 1]));
    const branch = (i: number): Node =>
      expr.args[i] ? compileNode(expr.args[i], env, path) : known(false);
    if (taken === BRANCH[0]) return branch(1);
    if (taken === BRANCH[1]) return branch(2);
    return known(taken);
  }
  const args = expr.args.map((arg, i) => (i === 0 && first ? first : compileNode(arg, env, path)));
  if (args.every(isKnown)) {
    return known(applyFunction(expr.fn, args.length, (i) => (args[i] as { known: Value }).known));
  }
  const runs = args.map(runOf);
  const { fn } = expr;
  const count = runs.length;
  if (fn === 'VALUE') {
    // A number is its own VALUE: the common case needs no call, and a plan over numbers
    // passes through it.
    const operand = runs[0];
    const plan = planOf(args[0]);
    return {
      run: (values) => {
        const value = operand(values);
        return typeof value === 'number' ? value : applyFunction(fn, count, () => value);
      },
      ...(plan ? { plan } : {}),
    };
  }
  // applyFunction asks for each argument when it needs it (IF takes one branch); the
  // values being computed are kept aside so no closure is made per call.
  let current: readonly Value[] = [];
  const argument = (i: number): Value => runs[i](current);
  return {
    run: (values) => {
      const outer = current;
      current = values;
      const value = applyFunction(fn, count, argument);
      current = outer;
      return value;
    },
  };
}

/** Markers for IF's two branches while the branch is chosen (no definition computes them). */
const BRANCH: readonly Value[] = [new SheetError('#N/A'), new SheetError('#N/A')];
