// Compiled definitions (src/engine/compile.ts and its all-number fast path,
// src/engine/number-program.ts) give what the engine's evaluation of the same definition
// gives: numbers exactly, Sheets' errors where plain arithmetic would differ.
import fc from 'fast-check';
import {
  bindingName,
  compile,
  compileNumbers,
  E,
  evaluateAlone,
  SheetError,
} from '../../src/engine';
import type { CompileEnv, Expr, Value } from '../../src/engine';

const env = (names: readonly string[]): CompileEnv => ({
  slot: (name) => {
    const i = names.indexOf(name);
    return i < 0 ? undefined : i;
  },
  definition: () => undefined,
  column: () => undefined,
});

// (a × b + 3) ÷ c − (−a): every operation of the fast path.
const definition: Expr = E.sub(
  E.div(E.add(E.mul(E.metric('a'), E.metric('b')), 3), E.metric('c')),
  E.negate(E.metric('a')),
);
const names = ['a', 'b', 'c'];

test('the fast path computes what evaluation computes, for any numbers', () => {
  const program = compileNumbers(definition, env(names))!;
  const closures = compile(definition, env(names));
  expect(program.slots).toBe(3);
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  fc.assert(
    fc.property(finite, finite, finite, (a, b, c) => {
      const evaluated = evaluateAlone(definition, { metrics: { a, b, c }, inputs: {} });
      const fast = program.run(a, b, c, 0, 0);
      // Where plain arithmetic and Sheets differ (c = 0), the fast path hands over (NaN).
      if (c === 0) {
        expect(fast).toBeNaN();
        expect(evaluated).toEqual(new SheetError('#DIV/0!'));
      } else {
        expect(fast).toBe(evaluated);
      }
      expect(closures([a, b, c])).toEqual(evaluated);
    }),
    { numRuns: 300 },
  );
  // Hand check: (2 × 3 + 3) ÷ 4 − (−2) = 9 ÷ 4 + 2 = 4.25.
  expect(program.run(2, 3, 4, 0, 0)).toBe(4.25);
});

test('a gated definition folds to its arithmetic; text or a function leaves no fast path', () => {
  const gated = E.if(E.eq(E.metric('problem'), ''), E.mul(E.input('examples'), 2), '');
  const withProblem: CompileEnv = {
    ...env([bindingName.input('examples')]),
    definition: (name) => (name === 'problem' ? E.literal('') : undefined),
  };
  const program = compileNumbers(gated, withProblem)!;
  expect(program.run(21, 0, 0, 0, 0)).toBe(42);
  expect(compile(gated, withProblem)(['21'])).toBe(42); // text that holds a number, as Sheets reads it
  expect(compileNumbers(E.ln(E.metric('a')), env(names))).toBeUndefined();
  expect(compileNumbers(E.concat(E.metric('a'), 'x'), env(names))).toBeUndefined();
});

test('an overflow negated is #NUM! in Sheets: the fast path hands over', () => {
  const negated = compileNumbers(E.negate(E.mul(E.metric('a'), E.metric('b'))), env(names))!;
  expect(negated.run(1e308, 10, 0, 0, 0)).toBeNaN();
  const value: Value = compile(
    E.negate(E.mul(E.metric('a'), E.metric('b'))),
    env(names),
  )([1e308, 10]);
  expect(value).toEqual(new SheetError('#NUM!'));
});
