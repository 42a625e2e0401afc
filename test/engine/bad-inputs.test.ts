/** Bad inputs are errors a spreadsheet user can act on, never a silent zero or a TypeError. */
import fc from 'fast-check';
import {
  InputError,
  MAX_HORIZON_MONTHS,
  builtInIndex,
  computeScenario,
  followsRule,
  readNumber,
  resolveScenario,
} from '../../src/engine';
import { inputError } from '../support/input-error';

const index = builtInIndex();

describe('names', () => {
  it.each(['llama-13b', ' LLAMA 13B ', 'Llama_13B', 'llama13b'])('"%s" is Llama 13B', (name) => {
    expect(index.model('model', name).name).toBe('Llama 13B');
  });

  it('methods, providers and APIs match case- and space-insensitively', () => {
    expect(index.method('method', 'qlora').name).toBe('QLoRA');
    expect(index.provider('provider', 'runpod ON-DEMAND').name).toBe('RunPod on-demand');
    expect(index.api('api', ' claude ').name).toBe('Claude');
  });

  it.each([
    [
      'model',
      () => index.model('model', 'Falcon'),
      "model 'Falcon' is not in the FT Catalog sheet or the built-in catalog",
      'Known: Llama 7B, Llama 13B, Llama 70B, Llama 405B',
    ],
    [
      'method',
      () => index.method('method', 'adapter'),
      "method 'adapter' is not in the FT Catalog sheet or the built-in catalog",
      'Known: full, LoRA, QLoRA',
    ],
    [
      'provider',
      () => index.provider('provider', 'Oracle'),
      "provider 'Oracle' is not in the FT Catalog sheet or the built-in catalog",
      'Known: AWS on-demand, AWS spot, RunPod on-demand, Lambda Labs, On-premise (amortized), AWS p5 H100 on-demand, Google Cloud A3 H100 on-demand, Google Cloud A3 H100 spot, Azure ND H100 v5 on-demand, RunPod H100 SXM Secure Cloud, RunPod H100 SXM Community Cloud, Lambda H100 SXM (8x instance), Lambda H100 SXM (1x instance)',
    ],
    [
      'api',
      () => index.api('api', 'Gemini'),
      "api 'Gemini' is not in the FT Catalog sheet or the built-in catalog",
      'Known: Claude, GPT-4 fine-tuned, Grok, GPT-4o fine-tuned, GPT-4o mini fine-tuned',
    ],
  ] as const)(
    'an unknown %s names the argument and lists the known names',
    (argument, run, problem, known) => {
      const error = inputError(run);
      expect(error.argument).toBe(argument);
      expect(error.message).toBe(`${problem}. ${known}`);
    },
  );
});

describe('model sizes', () => {
  it.each([
    [-5, 'model must be a positive number, got -5'],
    [0, 'model must be a positive number, got 0'],
    [NaN, 'model must be a positive number, got an invalid number'],
    [Infinity, 'model must be a positive number, got an infinite number'],
  ])('%p is an error', (size, message) => {
    expect(inputError(() => index.model('model', size)).message).toBe(message);
  });

  it.each(['-5B', 'big', '8 billion', '', true, null, new Date(2026, 0, 1), [8]])(
    '%p is an error that names the argument',
    (value) => {
      const error = inputError(() => index.model('model', value));
      expect(error.argument).toBe('model');
      expect(error.message).toMatch(/^model /);
    },
  );

  it.each([
    ['-5', "model must be a positive number, got '-5'"],
    ['-5B', "model must be a positive number, got '-5B'"],
    [' -0.5 b', "model must be a positive number, got ' -0.5 b'"],
  ])('a negative size typed as text, %p, is refused as a size', (text, message) => {
    expect(inputError(() => index.model('model', text)).message).toBe(message);
  });

  it('a size whose extrapolated scale is not finite is too large to estimate', () => {
    const error = inputError(() => index.model('model', 1e308));
    expect(error.argument).toBe('model');
    expect(error.message).toBe('model size 1e+308B is too large to estimate');
    // 1e200B is huge but its scale (about 8 × (1e200 / 70)^1.04) is still a number.
    expect(Number.isFinite(index.model('model', 1e200).scale)).toBe(true);
  });

  it('a size in text is read: "8B", " 8 b ", "0.5B"', () => {
    expect(index.model('model', '8B').paramsBillions).toBe(8);
    expect(index.model('model', ' 8 b ').paramsBillions).toBe(8);
    expect(index.model('model', '0.5B').paramsBillions).toBe(0.5);
  });
});

describe('APIs', () => {
  it('a number is not an API, and the message does not offer a price', () => {
    const error = inputError(() => index.api('api', 5));
    expect(error.message).toBe(
      'api must be a name from the catalog, got 5. Known: Claude, GPT-4 fine-tuned, Grok, GPT-4o fine-tuned, GPT-4o mini fine-tuned',
    );
  });
});

describe('a scenario whose numbers overflow', () => {
  const compute = (input: Record<string, unknown>): unknown =>
    computeScenario(resolveScenario(input, index), index);

  it('1e308 examples: the training tokens (× tokens per example) overflow; examples is named', () => {
    const error = inputError(() => compute({ examples: 1e308 }));
    expect(error.argument).toBe('examples');
    expect(error.message).toBe(
      "the scenario's numbers are too large to compute (beyond about 1.8e308); check examples, which is 1e+308",
    );
  });

  it('a 1e295B model: its scale (about 8 × (1e295 / 70)^1.044 ≈ 9e306) is finite, its hours are not', () => {
    // 0.0001 × 1e6 examples × 9e306 ≈ 9e308, beyond 1.8e308; the model is the largest input.
    expect(Number.isFinite(index.model('model', 1e295).scale)).toBe(true);
    const error = inputError(() => compute({ model: 1e295, examples: 1e6 }));
    expect(error.argument).toBe('model');
    expect(error.message).toMatch(/check model, which is 1e\+295$/);
  });

  it('a 1e308B model is refused while resolving, before anything is computed', () => {
    const error = inputError(() => resolveScenario({ model: 1e308 }, index));
    expect(error.message).toBe('model size 1e+308B is too large to estimate');
  });
});

describe('numbers', () => {
  it('the issue\'s example message: "examples must be a positive number, got -5"', () => {
    const error = inputError(() => readNumber('examples', -5, 'positive'));
    expect(error.message).toBe('examples must be a positive number, got -5');
    expect(error.argument).toBe('examples');
  });

  it.each([
    ['50,000', 50000],
    [' 50000 ', 50000],
    ['5e4', 50000],
    ['35%', 0.35],
    ['$2.49', 2.49],
    ['1,000,000', 1000000],
  ] as const)('number text %p is read as %p', (text, expected) => {
    expect(readNumber('examples', text, 'positive')).toBeCloseTo(expected, 12);
  });

  it.each([
    [true, 'examples must be a positive number, got TRUE'],
    [false, 'examples must be a positive number, got FALSE'],
    [new Date(2026, 0, 1), 'examples must be a positive number, got a date'],
    ['#N/A', 'examples is the cell error #N/A: fix that cell first'],
    ['#REF!', 'examples is the cell error #REF!: fix that cell first'],
    ['', 'examples must be a positive number, got a blank'],
    ['fifty', "examples must be a positive number, got 'fifty'"],
    ['50,00', "examples must be a positive number, got '50,00'"],
    ['1e999', "examples must be a positive number, got '1e999'"],
    [NaN, 'examples must be a positive number, got an invalid number'],
    [-Infinity, 'examples must be a positive number, got a negative infinite number'],
  ])('%p is an error', (value, message) => {
    expect(inputError(() => readNumber('examples', value, 'positive')).message).toBe(message);
  });

  it('−0, as a number or as text, reads as 0', () => {
    expect(Object.is(readNumber('upfront', -0, 'nonNegative'), 0)).toBe(true);
    expect(Object.is(readNumber('upfront', '-0', 'nonNegative'), 0)).toBe(true);
    expect(Object.is(readNumber('upfront', '-0%', 'nonNegative'), 0)).toBe(true);
  });

  // A range takes whole counts (1 to 2^31 − 1) without checking each when its rule takes
  // 1 and 2^31 − 1: right only if every rule is an interval. Each rule's edges, by hand.
  it.each([
    ['positive', [1e-300, 1, 2147483647, 1e308], [0, -1e-300, -1]],
    ['nonNegative', [0, 1, 2147483647, 1e308], [-1e-300, -1]],
    ['fraction', [1e-300, 0.35, 1], [0, 1.0000001, 2, 2147483647]],
    ['finite', [-1e308, -1, 0, 1, 2147483647, 1e308], []],
  ] as const)('the %s rule is an interval: takes %p, refuses %p', (rule, takes, refuses) => {
    for (const value of takes) expect(followsRule(value, rule)).toBe(true);
    for (const value of [...refuses, NaN, Infinity, -Infinity]) {
      expect(followsRule(value, rule)).toBe(false);
    }
  });

  it('negative prices are errors', () => {
    expect(inputError(() => index.provider('provider', -2.49)).message).toBe(
      'provider must be a number that is zero or more, got -2.49',
    );
    expect(inputError(() => index.provider('provider', '-1')).argument).toBe('provider');
    expect(inputError(() => resolveScenario({ apiInputPricePer1K: -0.003 }, index)).message).toBe(
      'apiInputPricePer1K must be a number that is zero or more, got -0.003',
    );
    expect(inputError(() => resolveScenario({ labelingRate: '-25' }, index)).message).toBe(
      "labelingRate must be a number that is zero or more, got '-25'",
    );
  });

  it('MFU is a fraction: 35% is read, 0 and 1.5 are errors', () => {
    expect(resolveScenario({ mfu: '35%' }, index).input.mfu).toBeCloseTo(0.35, 12);
    expect(inputError(() => resolveScenario({ mfu: 0 }, index)).argument).toBe('mfu');
    expect(inputError(() => resolveScenario({ mfu: 1.5 }, index)).argument).toBe('mfu');
  });

  it('anything at all either reads as a finite number or throws an InputError', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          const parsed = readNumber('value', value, 'finite');
          expect(Number.isFinite(parsed)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).message).toMatch(/^value /);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('scenario input', () => {
  it('numbers as text are read', () => {
    const { input } = resolveScenario(
      { examples: '50,000', requestsPerMonth: ' 20000 ', horizonMonths: '24' },
      index,
    );
    expect(input.examples).toBe(50000);
    expect(input.requestsPerMonth).toBe(20000);
    expect(input.horizonMonths).toBe(24);
  });

  it('an unknown field is an error that names it and lists the fields', () => {
    const error = inputError(() => resolveScenario({ exampels: 5000 }, index));
    expect(error.argument).toBe('exampels');
    expect(error.problem).toBe("'exampels' is not a scenario field");
    expect(error.hint).toMatch(/^Known: model, method, examples, /);
  });

  it.each([
    [1.5, 'horizonMonths must be a whole number of months from 1 to 600, got 1.5'],
    [601, 'horizonMonths must be a whole number of months from 1 to 600, got 601'],
    ['36.5', "horizonMonths must be a whole number of months from 1 to 600, got '36.5'"],
    [0, 'horizonMonths must be a positive number, got 0'],
    [-12, 'horizonMonths must be a positive number, got -12'],
  ])('horizon %p is an error', (horizon, message) => {
    expect(inputError(() => resolveScenario({ horizonMonths: horizon }, index)).message).toBe(
      message,
    );
  });

  it(`a horizon of ${MAX_HORIZON_MONTHS} months is accepted`, () => {
    expect(resolveScenario({ horizonMonths: MAX_HORIZON_MONTHS }, index).input.horizonMonths).toBe(
      600,
    );
  });

  it.each([
    ['examples', -5],
    ['examples', 'many'],
    ['examples', true],
    ['requestsPerMonth', '#N/A'],
    ['model', 'GPT-5'],
    ['model', -13],
    ['method', 'adapter'],
    ['provider', 'Oracle'],
    ['api', 'Gemini'],
  ])('%s = %p is an InputError naming the field', (field, value) => {
    const error = inputError(() => resolveScenario({ [field]: value }, index));
    expect(error.argument).toBe(field);
    expect(error.message).not.toMatch(/undefined|NaN|TypeError/);
  });

  it.each([[[]], ['text'], [42]])('a scenario input of %p is an error', (raw) => {
    expect(inputError(() => resolveScenario(raw, index)).argument).toBe('input');
  });

  it('blank fields take their defaults', () => {
    const { input } = resolveScenario({ examples: '', model: null, provider: undefined }, index);
    expect(input.examples).toBe(10000);
    expect(input.model).toBe('Llama 13B');
    expect(input.provider).toBe('RunPod on-demand');
  });
});
