// Part 1 of the benchmark, run in its own `node --expose-gc` process by bench/run.ts:
// FT_HOURS and FT_COST from the built dist/Code.js (in node:vm, as Apps Script
// runs it) over 1K, 10K and 100K-row ranges, against the floor loop over parsed
// numbers; then the heap each call allocates and keeps. Prints one JSON line.
import v8 from 'node:v8';
import type { BundleContext } from './bundle';
import { callGlobal, inContext, loadBundleForBench, readBundle } from './bundle';
import type { Stats } from './harness';
import { cpuClock, keep, measure, scaleStats } from './harness';
import type { ParsedWorkload, Workload } from './workload';
import { floorCost, floorHours, makeWorkload, parseWorkload } from './workload';

export const SIZES = [1000, 10000, 100000] as const;
export const FUNCTIONS = ['FT_HOURS', 'FT_COST'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface HeapPerRow {
  /** Bytes allocated during the call, per row (garbage plus the result). */
  readonly allocated: number;
  /** Bytes still reachable after a full GC while the result is held: the result range. */
  readonly retained: number;
  /** allocated − retained: what the call leaves for the collector. */
  readonly garbage: number;
}

export interface ThroughputRow {
  readonly function: FunctionName;
  readonly rows: number;
  /** CPU nanoseconds per row. */
  readonly nsPerRow: Stats;
  readonly floorNsPerRow: Stats;
  /** Paired per-sample ratio of the function's time to the floor's. */
  readonly ratioToFloor: Stats;
  readonly heapPerRow: HeapPerRow;
  readonly floorHeapPerRow: HeapPerRow;
}

type Gc = () => void;

function requireGc(): Gc {
  const gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) throw new Error('bench/throughput.ts needs `node --expose-gc`');
  return gc;
}

/**
 * Bytes `run` allocates (counting what GCs during it freed) and retains: the least
 * of a few runs, since what else lands on the heap meanwhile (the JIT's code and
 * feedback, made on background threads) only ever adds to it.
 */
function heapPerCall(run: () => unknown, gc: Gc, repeats = 5): HeapPerRow {
  const used = (): number => v8.getHeapStatistics().used_heap_size;
  const allocated: number[] = [];
  const retained: number[] = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    gc();
    gc();
    const profiler = new v8.GCProfiler();
    profiler.start();
    const before = used();
    // Held by the harness's module variable: a local may be dropped by the optimiser before a GC.
    keep(run());
    const after = used();
    const { statistics } = profiler.stop();
    let freedDuring = 0;
    for (const event of statistics) {
      freedDuring += event.beforeGC.heapStatistics.usedHeapSize;
      freedDuring -= event.afterGC.heapStatistics.usedHeapSize;
    }
    allocated.push(after - before + freedDuring);
    gc();
    gc();
    const withResult = used();
    keep(undefined);
    gc();
    gc();
    retained.push(withResult - used());
  }
  const allocatedBytes = Math.min(...allocated);
  const retainedBytes = Math.min(...retained);
  return {
    allocated: allocatedBytes,
    retained: retainedBytes,
    garbage: allocatedBytes - retainedBytes,
  };
}

function perRow(heap: HeapPerRow, rows: number): HeapPerRow {
  return {
    allocated: heap.allocated / rows,
    retained: heap.retained / rows,
    garbage: heap.garbage / rows,
  };
}

function callFor(context: BundleContext, name: FunctionName, workload: Workload): () => unknown {
  return name === 'FT_HOURS'
    ? () => callGlobal(context, 'FT_HOURS', workload.model, workload.examples, workload.method)
    : () =>
        callGlobal(
          context,
          'FT_COST',
          workload.model,
          workload.examples,
          workload.provider,
          workload.method,
        );
}

function floorFor(name: FunctionName, parsed: ParsedWorkload): () => unknown {
  return name === 'FT_HOURS' ? () => floorHours(parsed) : () => floorCost(parsed);
}

/** The function must give exactly the floor's numbers, or the comparison means nothing. */
function checkSameResults(name: FunctionName, actual: unknown, expected: unknown[][]): void {
  if (!Array.isArray(actual) || actual.length !== expected.length) {
    throw new Error(`${name} returned ${String(actual)}, not a range of ${expected.length} rows`);
  }
  expected.forEach((row, index) => {
    const got: unknown = Array.isArray(actual[index]) ? actual[index][0] : actual[index];
    if (got !== row[0]) {
      throw new Error(`${name} row ${index + 1}: got ${String(got)}, the floor ${String(row[0])}`);
    }
  });
}

export function runThroughput(quick: boolean): ThroughputRow[] {
  const gc = requireGc();
  const code = readBundle();
  const rows: ThroughputRow[] = [];
  for (const size of SIZES) {
    for (const name of FUNCTIONS) {
      // A fresh context per function, as Apps Script evaluates the script for each
      // call: one function's calls do not shape the JIT's view of another's. Its
      // ranges are arrays of the script's own realm, as Apps Script hands them over.
      const context = loadBundleForBench(code);
      const workload = inContext(context, makeWorkload(size));
      const parsed = inContext(context, parseWorkload(workload));
      const call = callFor(context, name, workload);
      const floor = floorFor(name, parsed);
      checkSameResults(name, call(), floor() as unknown[][]);
      const timing = measure(
        { floor, call },
        {
          warmup: size >= 100000 ? 2 : 5,
          warmupMs: quick ? 200 : 500,
          samples: quick ? 5 : size >= 100000 ? 9 : 15,
          minSampleMs: quick ? 5 : 20,
          clock: cpuClock,
          beforeSample: () => {
            keep(undefined);
            gc();
          },
        },
      );
      const nsPerMs = 1e6;
      rows.push({
        function: name,
        rows: size,
        nsPerRow: scaleStats(timing.cases.call.time, size / nsPerMs),
        floorNsPerRow: scaleStats(timing.cases.floor.time, size / nsPerMs),
        ratioToFloor: timing.ratioToFirst.call,
        heapPerRow: perRow(heapPerCall(call, gc), size),
        floorHeapPerRow: perRow(heapPerCall(floor, gc), size),
      });
    }
  }
  return rows;
}

export const RESULT_MARKER = 'THROUGHPUT_JSON ';

if (process.argv.includes('--worker')) {
  const rows = runThroughput(process.argv.includes('--quick'));
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(rows)}\n`);
}
