// How many random cases a property test runs, and from which seed. `npm test` runs each
// property's quick count (what it still covers is said beside it); a longer run goes
// through every property with its thorough count, or any count, and another seed:
//
//   PROPERTY_RUNS=thorough npx jest       the thorough counts (the suite's counts before
//                                         they were cut for time)
//   PROPERTY_RUNS=2000 npx jest           2,000 runs of every property
//   PROPERTY_SEED=42 npx jest             another seed (a failure prints its seed)

/** The number of runs for a property: `quick` unless PROPERTY_RUNS asks for more. */
export function propertyRuns(quick: number, thorough: number): number {
  const asked = (process.env.PROPERTY_RUNS ?? '').trim();
  if (asked === '') return quick;
  if (asked === 'thorough') return thorough;
  const runs = Number(asked);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`PROPERTY_RUNS must be "thorough" or a whole number of runs, not "${asked}"`);
  }
  return runs;
}

/** The seed for a property: `fixed` unless PROPERTY_SEED gives another. */
export function propertySeed(fixed: number): number {
  const asked = (process.env.PROPERTY_SEED ?? '').trim();
  if (asked === '') return fixed;
  const seed = Number(asked);
  if (!Number.isInteger(seed))
    throw new Error(`PROPERTY_SEED must be a whole number, not "${asked}"`);
  return seed;
}
