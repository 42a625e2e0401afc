// Issue 21, the what-if toolkit's engine side: which definitions move with which inputs
// (a workings row renders exactly those again), the inputs of a point, the ±30% cases.
import {
  caseValueAt,
  DEFAULT_SCENARIO,
  dependentMetrics,
  E,
  evaluateAlone,
  gridValueOf,
  modelDefinitions,
  pointInputs,
} from '../../src/engine';
import type { ScenarioField, Value } from '../../src/engine';

const definitions = modelDefinitions(4);
const moved = (targets: string[], changed: string[]): string[] =>
  dependentMetrics(
    targets.map((name) => E.metric(name)),
    new Set(changed),
    (name) => definitions.get(name),
  );

describe('dependentMetrics', () => {
  test('labeling hours move their own check, the first problem and the labeling item, in that order', () => {
    // upfront.labeling = IF(problem = "", labelingHours x labelingRate, ""); problem reads every
    // check, and only check.labelingHours reads labelingHours.
    expect(moved(['upfront.labeling'], ['labelingHours'])).toEqual([
      'check.labelingHours',
      'problem',
      'upfront.labeling',
    ]);
  });

  test('a metric no changed input reaches is read from its own cell, not rendered again', () => {
    // The API's catalog price is a lookup of the API's name: requests do not move it.
    expect(moved(['apiIn'], ['requestsPerMonth'])).toEqual([]);
    // The up-front total moves with the labeling hours through its items (a sum over them);
    // every item is shown only while the inputs are valid, and the labeling hours can make
    // them invalid, so every item moves, and the total after them.
    const total = moved(['upfront'], ['labelingHours']);
    expect(total).toEqual(expect.arrayContaining(['upfront.labeling', 'upfront.deployment']));
    expect(total[total.length - 1]).toBe('upfront');
  });

  test('each metric comes after every moved metric it reads', () => {
    const order = moved(['verdict', 'npv'], ['requestsPerMonth', 'examples']);
    const readers: Record<string, string[]> = {
      monthlySavings: ['monthlyApi', 'monthlyFinetuned'],
      trainingCost: ['trainingHours'],
      npv: ['upfront', 'monthlySavings'],
      verdict: ['breakEven', 'problem'],
    };
    for (const [metric, reads] of Object.entries(readers)) {
      for (const read of reads) expect(order.indexOf(read)).toBeLessThan(order.indexOf(metric));
    }
  });
});

describe('grid values', () => {
  const at = (centre: Value, k: number, step: number): Value =>
    evaluateAlone(gridValueOf(E.metric('centre'), k, E.metric('step')), {
      metrics: { centre, step },
      inputs: {},
    });

  test('a step is a share of the centre', () => {
    expect(at(10000, -2, 0.1)).toBeCloseTo(8000, 9); // 10,000 x (1 - 2 x 10%)
    expect(at(10000, 1, 0.1)).toBeCloseTo(11000, 9);
    expect(at(0.1, 2, 0.25)).toBeCloseTo(0.15, 12); // a 10% rate, 25% steps: 10% x 1.5
  });

  test('a centre of 0 steps by the step itself, so growth and discount at 0 still move', () => {
    // 10% steps from 0: -20%, -10%, 0, 10%, 20% (a share of 0 would be 0 every time).
    expect([-2, -1, 0, 1, 2].map((k) => at(0, k, 0.1))).toEqual([-0.2, -0.1, 0, 0.1, 0.2]);
  });
});

describe('the inputs of a point', () => {
  test('a blank override keeps the base input; a value replaces it', () => {
    const base: Record<ScenarioField, Value> = { ...DEFAULT_SCENARIO };
    const point = pointInputs(base, {
      requestsPerMonth: '',
      labelingHours: 5,
      examples: null as never,
    });
    expect(point.requestsPerMonth).toBe(10000);
    expect(point.labelingHours).toBe(5);
    expect(point.examples).toBe(10000);
    expect(base.labelingHours).toBe(40); // the base is not changed
  });

  test('the cases at creation: base blank, best and worst 30% either way, the better way first', () => {
    expect(caseValueAt(10000, 1, 0)).toBe('');
    expect(caseValueAt(10000, 1, 1)).toBe(13000); // 10,000 x 1.3
    expect(caseValueAt(10000, 1, 2)).toBe(7000); // 10,000 x 0.7
    expect(caseValueAt(40, -1, 1)).toBe(28); // fewer labeling hours are better: 40 x 0.7
    expect(caseValueAt(0, 1, 1)).toBe(''); // 0 moved by 30% is 0: the base
  });
});
