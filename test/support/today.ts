// Pins "today" for a test file: HyperFormula's TODAY() and the engine's default clock read
// the host's Date, so only Date is faked (timers stay real: HyperFormula and the bundle run
// as usual). Noon local time, so no time zone moves the day. The engine can also be given the
// day directly (ScenarioEvaluation's `today` option); the bundle, in its own vm context, keeps
// the real clock and is never asked for an age by these tests.
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/** Makes `new Date()` and Date.now() give `iso` (YYYY-MM-DD) at noon until the file ends. */
export function pinToday(iso: string): void {
  const [year, month, day] = iso.split('-').map(Number);
  jest.useFakeTimers({ now: new Date(year, month - 1, day, 12), doNotFake: [...REAL_TIMERS] });
}

/** Gives the real clock back. */
export function unpinToday(): void {
  jest.useRealTimers();
}
