// The expression layer on its own: a node evaluates as Sheets computes the formula it renders.
import { E, evaluate, render, SheetError } from '../../src/engine';
import type { EvalEnv, Expr, RenderEnv, Value } from '../../src/engine';

const inputs: Record<string, Value> = { examples: 10000, requestsPerMonth: '1000', api: '' };
const env: EvalEnv = {
  input: (field) => inputs[field] ?? '',
  inputLabel: (field) => field,
  metric: () => new SheetError('#N/A'),
  cell: () => 0,
  column: () => [1, 2, 3],
  catalogRow: () => new SheetError('#N/A'),
  catalogPrefix: () => new SheetError('#N/A'),
  read: () => new SheetError('#N/A'),
  bracket: () => new SheetError('#N/A'),
  today: () => 46362, // 2026-12-06
  catalogSetting: () => 90,
};
const ADDRESSES: Readonly<Record<string, string>> = {
  examples: '$B$7',
  requestsPerMonth: '$B$15',
  api: '$B$12',
};
const cells: RenderEnv = {
  input: (field) => ADDRESSES[field] ?? '$Z$1',
  inputLabel: (field) => field,
  metric: (name) => `[${name}]`,
  cell: (column) => column,
  column: () => '$A$1:$A$3',
  catalogRow: () => 'ROW',
  catalogPrefix: () => 'START',
  field: () => 'FIELD',
  read: (_how, value) => `READ(${value})`,
  bracket: (step) => `BRACKET(${step})`,
  catalogSetting: (name) => `SETTING(${name})`,
};
const value = (expr: Expr): Value => evaluate(expr, env);

describe('rendering', () => {
  test('brackets only where precedence needs them', () => {
    // a-(b-c) keeps its brackets, (a*b)+c does not need them, a/(b*c) does.
    const a = E.input('examples');
    const b = E.input('requestsPerMonth');
    expect(render(E.sub(a, E.sub(b, 1)), cells)).toBe('=$B$7-($B$15-1)');
    expect(render(E.add(E.mul(a, b), 1), cells)).toBe('=$B$7*$B$15+1');
    expect(render(E.div(a, E.mul(b, 2)), cells)).toBe('=$B$7/($B$15*2)');
    expect(render(E.concat('got ', a, "'s"), cells)).toBe('="got "&$B$7&"\'s"');
    expect(render(E.if(E.eq(E.input('api'), ''), 1, E.na()), cells)).toBe('=IF($B$12="",1,NA())');
  });

  test('a " in a text is written "" in the formula, and evaluates as one "', () => {
    // Sheets' string literals double a quote: the text say "hi" is written "say ""hi""".
    const text = E.concat('say "hi" to ', E.inputLabel('examples'));
    const inputLabel = (): string => 'the "examples" cell';
    expect(render(text, { ...cells, inputLabel })).toBe(
      '="say ""hi"" to "&"the ""examples"" cell"',
    );
    expect(evaluate(text, { ...env, inputLabel })).toBe('say "hi" to the "examples" cell');
  });
});

describe('evaluation as Sheets computes', () => {
  test('text that holds a number counts in arithmetic; VALUE of a blank is an error here', () => {
    expect(value(E.mul(E.input('requestsPerMonth'), 2))).toBe(2000); // "1000" × 2
    expect(value(E.value(E.input('api')))).toEqual(new SheetError('#VALUE!'));
  });

  test('comparisons: a number is below any text, and 0 is not ""', () => {
    expect(value(E.lt(5, 'a'))).toBe(true);
    expect(value(E.eq(0, ''))).toBe(false);
    expect(value(E.eq('AWS', 'aws'))).toBe(true); // text compares without case
  });

  test('IF evaluates one branch; an error spreads through arithmetic; IFERROR catches it', () => {
    expect(value(E.if(E.gt(1, 0), 'yes', E.div(1, 0)))).toBe('yes');
    expect(value(E.add(E.div(1, 0), 1))).toEqual(new SheetError('#DIV/0!'));
    expect(value(E.iferror(E.div(1, 0), 7))).toBe(7);
  });

  test('ROUND halves away from zero; ROUNDUP rounds up; MATCH(x, range, 1) finds the last ≤ x', () => {
    expect(value(E.round(2.5, 0))).toBe(3);
    expect(value(E.round(-2.5, 0))).toBe(-3);
    expect(value(E.round(1.005, 2))).toBe(1.01);
    expect(value(E.roundUp(16.8, 0))).toBe(17);
    // Up, not to the nearest: 3.12 is 4 (as Sheets' ROUNDUP(3.12, 0)); a whole number stays.
    expect(value(E.roundUp(3.12, 0))).toBe(4);
    expect(value(E.roundUp(6, 0))).toBe(6);
    expect(value(E.matchBelow(2.5, E.column('t', 'c')))).toBe(2); // [1, 2, 3]
    expect(value(E.matchBelow(0, E.column('t', 'c')))).toEqual(new SheetError('#N/A'));
  });
});

describe('today and catalog settings', () => {
  test('TODAY() is the clock the evaluation was given; a setting is its cell', () => {
    expect(render(E.sub(E.today(), E.catalogSetting('staleAfterDays')), cells)).toBe(
      '=TODAY()-SETTING(staleAfterDays)',
    );
    expect(value(E.sub(E.today(), E.catalogSetting('staleAfterDays')))).toBe(46362 - 90);
  });
});
