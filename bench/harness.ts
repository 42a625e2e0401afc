// A small statistics-minded benchmark harness: warm-up, several timed samples,
// median and spread (min, max, interquartile range). Cases measured together are
// interleaved sample by sample, so a noisy neighbour on a shared machine slows all
// of them alike and their ratio stays meaningful. On a shared machine, time the
// process's CPU time rather than the wall clock: it leaves out the time other
// processes held the cores.
import { performance } from 'node:perf_hooks';

/** A clock in milliseconds. */
export type Clock = () => number;

/** Wall-clock time. */
export const wallClock: Clock = () => performance.now();

/** This process's CPU time (user + system, all its threads, GC helpers included). */
export const cpuClock: Clock = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Blocks this thread for `ms` milliseconds; other threads keep running. */
export function sleepMs(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export interface QuietOptions {
  /** Length of one check: the main thread sleeps this long. */
  readonly windowMs: number;
  /** Quiet when the process used less CPU than this during one window. */
  readonly busyMs: number;
  /** Give up waiting after this long (a busy process is measured anyway). */
  readonly maxMs: number;
  readonly clock?: Clock;
  readonly sleep?: (ms: number) => void;
}

/**
 * Sleeps until the process's other threads are idle: after a forced GC, V8 still
 * sweeps on background threads, and the JIT compiles there. CPU time counts every
 * thread, so without this wait the next sample would pay for that work. Returns
 * the milliseconds waited.
 */
export function waitUntilQuiet(options: QuietOptions): number {
  const clock = options.clock ?? cpuClock;
  const sleep = options.sleep ?? sleepMs;
  let waited = 0;
  while (waited < options.maxMs) {
    const before = clock();
    sleep(options.windowMs);
    waited += options.windowMs;
    if (clock() - before < options.busyMs) break;
  }
  return waited;
}

/** Summary of a set of samples. */
export interface Stats {
  readonly count: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** First and third quartiles (linear interpolation between order statistics). */
  readonly q1: number;
  readonly q3: number;
  readonly iqr: number;
}

/** The q-quantile (0..1) of values sorted ascending, interpolating linearly (R's type 7). */
export function quantileOfSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  if (q < 0 || q > 1) throw new Error(`quantile ${q} is not between 0 and 1`);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantileOfSorted(sortAscending(values), 0.5);
}

export function summarize(values: readonly number[]): Stats {
  const sorted = sortAscending(values);
  const q1 = quantileOfSorted(sorted, 0.25);
  const q3 = quantileOfSorted(sorted, 0.75);
  return {
    count: sorted.length,
    median: quantileOfSorted(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1,
    q3,
    iqr: q3 - q1,
  };
}

/** Divides every statistic by `divisor`, e.g. a call's time by its rows. */
export function scaleStats(stats: Stats, divisor: number): Stats {
  return {
    count: stats.count,
    median: stats.median / divisor,
    min: stats.min / divisor,
    max: stats.max / divisor,
    q1: stats.q1 / divisor,
    q3: stats.q3 / divisor,
    iqr: stats.iqr / divisor,
  };
}

function sortAscending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

export interface MeasureOptions {
  /** Untimed rounds first, so the JIT has settled. */
  readonly warmup: number;
  /**
   * And keep warming up until this much time has passed (wall clock): the JIT
   * optimises on background threads, which a loaded machine delays.
   */
  readonly warmupMs?: number;
  /** Timed samples per case. */
  readonly samples: number;
  /**
   * A sample repeats the case until at least this long, so a fast case is not
   * dominated by the timer's resolution. Each case calibrates its own repeat count;
   * 0 times one call per sample.
   */
  readonly minSampleMs: number;
  /** Default: the wall clock. */
  readonly clock?: Clock;
  /**
   * Runs, untimed, before every sample: e.g. a full GC, so that each sample starts
   * from the same heap and pays for the garbage it makes, not for an earlier one's.
   */
  readonly beforeSample?: () => void;
}

export interface CaseResult {
  /** Milliseconds per call. */
  readonly time: Stats;
  readonly callsPerSample: number;
}

export interface MeasureResult<Name extends string> {
  readonly cases: Record<Name, CaseResult>;
  /**
   * For each case, its per-sample time divided by the first case's time in the same
   * round (a paired ratio, robust to load that changes between rounds).
   */
  readonly ratioToFirst: Record<Name, Stats>;
}

/**
 * Times several cases interleaved: each round takes one sample of every case in turn.
 * The first case is the baseline of the paired ratios.
 */
export function measure<Name extends string>(
  cases: Record<Name, () => unknown>,
  options: MeasureOptions,
): MeasureResult<Name> {
  const names = Object.keys(cases) as Name[];
  if (names.length === 0) throw new Error('measure: no cases');
  const clock = options.clock ?? wallClock;
  const repeats = {} as Record<Name, number>;
  for (const name of names) {
    const warmUntil = wallClock() + (options.warmupMs ?? 0);
    for (let round = 0; round < options.warmup || wallClock() < warmUntil; round++) {
      cases[name]();
    }
    repeats[name] = calibrate(cases[name], options.minSampleMs, clock);
  }
  const samples = {} as Record<Name, number[]>;
  for (const name of names) samples[name] = [];
  for (let round = 0; round < options.samples; round++) {
    for (const name of names) {
      options.beforeSample?.();
      samples[name].push(timeCalls(cases[name], repeats[name], clock));
    }
  }
  const result = { cases: {}, ratioToFirst: {} } as {
    cases: Record<Name, CaseResult>;
    ratioToFirst: Record<Name, Stats>;
  };
  const baseline = samples[names[0]];
  for (const name of names) {
    result.cases[name] = { time: summarize(samples[name]), callsPerSample: repeats[name] };
    result.ratioToFirst[name] = summarize(
      samples[name].map((sample, round) => sample / baseline[round]),
    );
  }
  return result;
}

/** Milliseconds per call, averaged over `calls` back-to-back calls. */
function timeCalls(run: () => unknown, calls: number, clock: Clock): number {
  let sink: unknown;
  const start = clock();
  for (let call = 0; call < calls; call++) sink = run();
  const elapsed = clock() - start;
  keep(sink);
  return elapsed / calls;
}

function calibrate(run: () => unknown, minSampleMs: number, clock: Clock): number {
  let calls = 1;
  for (;;) {
    const perCall = timeCalls(run, calls, clock);
    if (perCall * calls >= minSampleMs || calls >= 1 << 20) return calls;
    const wanted = Math.ceil((minSampleMs * 1.2) / Math.max(perCall, 1e-6));
    calls = Math.min(Math.max(calls * 2, wanted), 1 << 20);
  }
}

let kept: unknown;
/** Keeps a result reachable, so the JIT cannot drop the work that made it. */
export function keep(value: unknown): void {
  kept = value;
}
/** The last kept value (only to make `kept` observable). */
export function lastKept(): unknown {
  return kept;
}
