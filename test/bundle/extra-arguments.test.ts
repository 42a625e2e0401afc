// One argument too many is an error that says so, on the built bundle: the stubs in
// dist/Code.js pass every argument a formula gives on to the FT_* functions.
import { errorOf, FT_FUNCTIONS, valueOf } from './helpers';

/** Valid arguments for each function, one per parameter (optional ones included). */
const FULL_CALLS: Readonly<Record<string, readonly unknown[]>> = {
  FT_HOURS: ['Llama 13B', 50000, 'full'],
  FT_COST: ['Llama 13B', 50000, 'AWS spot', 'full'],
  FT_BREAKEVEN: [1001.25, 50, 0],
  FT_API_COST: [10000, 1000, 300, 'Claude', ''],
  FT_ROI: [1001.25, 50, 36],
  FT_MEMORY: ['Llama 13B', 'LoRA'],
  FT_COMPUTE_HOURS: ['Llama 13B', 5000000, 'LoRA', 'H100', 0.35],
  FT_ONPREM_BREAKEVEN: [20000, 2.49, 0, 3],
  FT_MANAGED_COST: [10000, 500, 1, 'Fireworks', 'Llama 13B', 'LoRA'],
  FT_NPV: [1000, 50, 36, 0, 0.1],
  FT_PAYBACK: [1000, 50, 0.02, 0],
  FT_REQUIRED_VOLUME: [1000, 0.0075, 0.001, 12, 100, 0.02, 0.1],
  FT_SIMULATE: [
    [['Requests per month', 50000]],
    'chance',
    0.3,
    200,
    1,
    [['Requests per month', '', 65000, 35000]],
  ],
  FT_CALIBRATION: ['A100', 'LoRA'],
};

describe('extra arguments', () => {
  it('the issue\'s case: FT_HOURS("Llama 13B", 10000, "full", "extra")', () => {
    expect(errorOf('FT_HOURS', 'Llama 13B', 10000, 'full', 'extra')).toBe(
      'FT_HOURS: takes at most 3 arguments, got 4',
    );
  });

  it.each(Object.keys(FT_FUNCTIONS))(
    '%s: every parameter given works; one more is an error',
    (name) => {
      const args = FULL_CALLS[name];
      expect(args).toHaveLength(FT_FUNCTIONS[name]);
      const value = valueOf(name, ...args);
      // FT_CALIBRATION's result is a row; every other function's a number.
      expect(name === 'FT_CALIBRATION' ? typeof (value as unknown[][])[0][0] : typeof value).toBe(
        'number',
      );
      expect(errorOf(name, ...args, 1)).toBe(
        `${name}: takes at most ${args.length} arguments, got ${args.length + 1}`,
      );
    },
  );

  it('a blank extra argument counts too (=FT_MEMORY(A1, B1, ) passes three)', () => {
    expect(errorOf('FT_MEMORY', 'Llama 13B', 'LoRA', '')).toBe(
      'FT_MEMORY: takes at most 2 arguments, got 3',
    );
  });

  it('the extra argument is reported before ranges are looked at', () => {
    expect(errorOf('FT_HOURS', [['Llama 13B'], ['Llama 7B']], [[1000]], '', 'extra', 'more')).toBe(
      'FT_HOURS: takes at most 3 arguments, got 5',
    );
  });

  it('leaving optional arguments out is still fine', () => {
    expect(valueOf('FT_HOURS', 'Llama 13B', 50000)).toBe(10);
    expect(valueOf('FT_COST', 'Llama 13B', 50000, 'AWS spot')).toBeCloseTo(8.6, 10);
  });
});
