// The order Jest starts test files in, with two workers (jest.config.js): the longest files
// first, so neither worker is left running one of them alone at the end. Jest orders by the
// durations it remembers from earlier runs, and by file size when it has none (a clean
// clone, as on CI), which starts these minutes-long files a third of the way through.
const Sequencer = require('@jest/test-sequencer').default;

/** The longest files, longest first (seconds on one core, December 2026, in the comments). */
const LONGEST = [
  'test/reliability/nothing-lost.test.ts', // ~100: a fault at each call of 7 runs
  'test/sheet/calls-and-faults.test.ts', // ~70: outages and after-effect faults
  'test/sheet/scenario-model.test.ts', // ~35: random scenarios in HyperFormula
  'test/sheet/scenario-formulas.test.ts', // ~35
];

class LongestFirst extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const at = LONGEST.findIndex((file) => test.path.endsWith(file));
      return at < 0 ? LONGEST.length : at;
    };
    // Array.prototype.sort is stable: the rest keep Jest's order.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = LongestFirst;
