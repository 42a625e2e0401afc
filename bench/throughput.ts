// Part 1 of the benchmark, one `node --expose-gc` process per case, started by
// bench/run.ts: FT_HOURS or FT_COST from the built dist/Code.js (in node:vm, as Apps
// Script runs it) over a 1K, 10K or 100K-row range, against the floor loop over
// parsed numbers; then the heap each call allocates and keeps. Prints one JSON line.
import v8 from 'node:v8';
import type { BundleContext } from './bundle';
import { callGlobal, inContext, loadBundleForBench, readBundle } from './bundle';
import type { Stats } from './harness';
import { cpuClock, keep, measure, scaleStats, waitUntilQuiet } from './harness';
import type { ParsedWorkload, Workload } from './workload';
import { floorCost, floorHours, makeWorkload, parseWorkload } from './workload';

export const SIZES = [1000, 10000, 100000] as const;
export const FUNCTIONS = ['FT_HOURS', 'FT_COST'] as const;
export type FunctionName = (typeof FUNCTIONS)[number];

export interface HeapPerRow {
  /** Bytes allocated during the call, per row (garbage plus the result), typed arrays' contents included. */
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
    const buffersBefore = process.memoryUsage().arrayBuffers;
    // Held by the harness's module variable: a local may be dropped by the optimiser before a GC.
    keep(run());
    const after = used();
    // Typed arrays keep their contents outside V8's heap (a range's Int32Array index):
    // still alive at this point, as no GC has run since the call returned.
    const buffers = process.memoryUsage().arrayBuffers - buffersBefore;
    const { statistics } = profiler.stop();
    let freedDuring = 0;
    for (const event of statistics) {
      freedDuring += event.beforeGC.heapStatistics.usedHeapSize;
      freedDuring -= event.afterGC.heapStatistics.usedHeapSize;
    }
    allocated.push(after - before + freedDuring + buffers);
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

/**
 * One function over one size, in a process of its own (bench/run.ts starts one per
 * case): as Apps Script evaluates the script afresh for each call, and so that no
 * case inherits another's heap (a young generation grown by earlier cases made the
 * floor's 100K rows several times faster) or compiled code.
 */
export function runThroughputCase(name: FunctionName, size: number, quick: boolean): ThroughputRow {
  const gc = requireGc();
  // The ranges are arrays of the script's own realm, as Apps Script hands them over.
  const context = loadBundleForBench(readBundle());
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
      samples: quick ? 5 : 15,
      // A 100K-row call takes milliseconds: one call per sample, so each starts from a
      // collected heap, as a custom-function call does, and pays for its own garbage only.
      // Smaller ranges repeat the call to last long enough for the clock.
      minSampleMs: size >= 100000 ? 0 : quick ? 5 : 20,
      clock: cpuClock,
      beforeSample: () => {
        keep(undefined);
        gc();
        // The forced GC's background sweeping is the last sample's cost, not the next one's.
        waitUntilQuiet({ windowMs: 5, busyMs: 0.5, maxMs: 500 });
      },
    },
  );
  const nsPerMs = 1e6;
  return {
    function: name,
    rows: size,
    nsPerRow: scaleStats(timing.cases.call.time, size / nsPerMs),
    floorNsPerRow: scaleStats(timing.cases.floor.time, size / nsPerMs),
    ratioToFloor: timing.ratioToFirst.call,
    heapPerRow: perRow(heapPerCall(call, gc), size),
    floorHeapPerRow: perRow(heapPerCall(floor, gc), size),
  };
}

export const RESULT_MARKER = 'THROUGHPUT_JSON ';

/** The value after `flag` on the command line. */
function option(flag: string): string {
  const at = process.argv.indexOf(flag);
  if (at < 0 || at + 1 >= process.argv.length) throw new Error(`bench/throughput.ts needs ${flag}`);
  return process.argv[at + 1];
}

if (process.argv.includes('--worker')) {
  const name = option('--function');
  if (!(FUNCTIONS as readonly string[]).includes(name)) throw new Error(`unknown function ${name}`);
  const row = runThroughputCase(
    name as FunctionName,
    Number(option('--rows')),
    process.argv.includes('--quick'),
  );
  process.stdout.write(`${RESULT_MARKER}${JSON.stringify(row)}\n`);
}
