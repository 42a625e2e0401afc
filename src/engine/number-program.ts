// The fast path of a compiled definition that is plain arithmetic (+ - * / and negation)
// on its bound values: a few register operations over a Float64Array, so a custom function
// over 100K rows computes each row without allocating. It only ever agrees with the
// closures of compile.ts: it runs when every bound value is a number, and gives NaN (the
// caller then asks the closures, which follow Sheets' rules) where Sheets' rules would
// differ from plain arithmetic, a division by zero.

/** How a node computes over numbers: a bound value, a constant, or an operation. */
export type NumberPlan =
  | { readonly slot: number }
  | { readonly value: number }
  | { readonly negate: NumberPlan }
  | {
      readonly op: '+' | '-' | '*' | '/';
      readonly left: NumberPlan;
      readonly right: NumberPlan;
    };

export interface NumberProgram {
  /** How many bound values it reads (the first `slots` arguments). */
  readonly slots: number;
  /** The value for bound numbers a..e; NaN where Sheets' rules decide (ask the closures). */
  run(a: number, b: number, c: number, d: number, e: number): number;
}

const ADD = 0;
const SUB = 1;
const MUL = 2;
const DIV = 3;
const NEG = 4;
const CODES = { '+': ADD, '-': SUB, '*': MUL, '/': DIV } as const;
/** Registers 0..4 hold the bound values (a program reads at most five). */
const BOUND = 5;

export function numberProgram(plan: NumberPlan): NumberProgram | undefined {
  const constants: number[] = [];
  const ops: number[] = [];
  let slots = 0;
  let next = BOUND;
  const register = (node: NumberPlan): number => {
    if ('slot' in node) {
      slots = Math.max(slots, node.slot + 1);
      return node.slot;
    }
    if ('value' in node) {
      constants.push(next, node.value);
      return next++;
    }
    if ('negate' in node) {
      const operand = register(node.negate);
      ops.push(NEG, next, operand, operand);
      return next++;
    }
    const left = register(node.left);
    const right = register(node.right);
    ops.push(CODES[node.op], next, left, right);
    return next++;
  };
  const result = register(plan);
  if (slots > BOUND) return undefined;
  const registers = new Float64Array(next);
  for (let i = 0; i < constants.length; i += 2) registers[constants[i]] = constants[i + 1];
  const code = Int32Array.from(ops);
  const steps = code.length;
  return {
    slots,
    run(a, b, c, d, e) {
      registers[0] = a;
      registers[1] = b;
      registers[2] = c;
      registers[3] = d;
      registers[4] = e;
      for (let k = 0; k < steps; k += 4) {
        const x = registers[code[k + 2]];
        const y = registers[code[k + 3]];
        let value: number;
        switch (code[k]) {
          case ADD:
            value = x + y;
            break;
          case SUB:
            value = x - y;
            break;
          case MUL:
            value = x * y;
            break;
          case DIV:
            // #DIV/0! in Sheets: the closures say so.
            if (y === 0) return NaN;
            value = x / y;
            break;
          default:
            // Sheets' negation of an overflow is #NUM!: the closures say so.
            if (x === Infinity || x === -Infinity) return NaN;
            value = -x;
        }
        registers[code[k + 1]] = value;
      }
      return registers[result];
    },
  };
}
