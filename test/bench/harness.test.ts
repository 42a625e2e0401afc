// The benchmark harness's statistics on known arrays (no timing: benchmarks are not tests).
import {
  measure,
  median,
  quantileOfSorted,
  scaleStats,
  summarize,
  waitUntilQuiet,
} from '../../bench/harness';
import { round3, roundAll } from '../../bench/report';

describe('bench harness statistics', () => {
  test('median of odd and even counts, in any order', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  test('quartiles interpolate between order statistics (R type 7)', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(quantileOfSorted(sorted, 0)).toBe(1);
    expect(quantileOfSorted(sorted, 1)).toBe(8);
    expect(quantileOfSorted(sorted, 0.25)).toBeCloseTo(2.75, 12);
    expect(quantileOfSorted(sorted, 0.75)).toBeCloseTo(6.25, 12);
  });

  test('summarize gives median, min, max and the interquartile range', () => {
    expect(summarize([9, 1, 5, 3, 7])).toEqual({
      count: 5,
      median: 5,
      min: 1,
      max: 9,
      q1: 3,
      q3: 7,
      iqr: 4,
    });
    // Robust to one outlier: the median and IQR barely move.
    const stats = summarize([10, 11, 10, 12, 11, 10, 500]);
    expect(stats.median).toBe(11);
    expect(stats.iqr).toBe(1.5);
    expect(stats.max).toBe(500);
  });

  test('summarize does not reorder its input', () => {
    const values = [3, 1, 2];
    summarize(values);
    expect(values).toEqual([3, 1, 2]);
  });

  test('rejects what has no answer', () => {
    expect(() => median([])).toThrow('quantile of no values');
    expect(() => quantileOfSorted([1], 1.5)).toThrow('not between 0 and 1');
  });

  test('scaleStats divides every statistic', () => {
    expect(scaleStats(summarize([2, 4, 6]), 2)).toEqual(summarize([1, 2, 3]));
  });

  test('measure interleaves cases and pairs the ratios with the first', () => {
    const order: string[] = [];
    let tick = 0;
    // A fake clock: each call of "slow" takes 3 units, each of "fast" 1.
    const clock = (): number => tick;
    const result = measure(
      {
        fast: () => {
          order.push('fast');
          tick += 1;
        },
        slow: () => {
          order.push('slow');
          tick += 3;
        },
      },
      { warmup: 1, samples: 4, minSampleMs: 1, clock },
    );
    expect(result.cases.fast.time.median).toBe(1);
    expect(result.cases.slow.time.median).toBe(3);
    expect(result.ratioToFirst.slow.median).toBe(3);
    expect(result.ratioToFirst.fast).toMatchObject({ median: 1, iqr: 0 });
    // After warm-up and calibration, the samples alternate.
    expect(order.slice(-8)).toEqual([
      'fast',
      'slow',
      'fast',
      'slow',
      'fast',
      'slow',
      'fast',
      'slow',
    ]);
  });

  test('results are rounded to three significant digits for the JSON', () => {
    expect(round3(1234.567)).toBe(1235);
    expect(round3(0.0123456)).toBe(0.0123);
    expect(round3(0)).toBe(0);
    expect(roundAll({ a: [1.23456, { b: 98765.4 }], c: 'text' })).toEqual({
      a: [1.23, { b: 98765 }],
      c: 'text',
    });
  });

  describe('waiting for the background threads', () => {
    /** A CPU clock that background threads advance by busy[i] ms during the i-th sleep. */
    function backgroundThreads(busy: number[]): {
      clock: () => number;
      sleep: (ms: number) => void;
    } {
      let cpu = 0;
      let sleeps = 0;
      return {
        clock: () => cpu,
        sleep: () => {
          cpu += busy[sleeps] ?? 0;
          sleeps++;
        },
      };
    }

    test('stops at the first window in which the process used less CPU than busyMs', () => {
      // 5 ms windows: busy 4, 3, then 0.2 < 0.5, so three windows.
      const waited = waitUntilQuiet({
        windowMs: 5,
        busyMs: 0.5,
        maxMs: 100,
        ...backgroundThreads([4, 3, 0.2, 4]),
      });
      expect(waited).toBe(15);
    });

    test('a quiet process waits one window only', () => {
      expect(
        waitUntilQuiet({ windowMs: 5, busyMs: 0.5, maxMs: 100, ...backgroundThreads([0]) }),
      ).toBe(5);
    });

    test('a process that stays busy is measured anyway after maxMs', () => {
      const alwaysBusy = backgroundThreads(Array.from({ length: 100 }, () => 5));
      expect(waitUntilQuiet({ windowMs: 5, busyMs: 0.5, maxMs: 20, ...alwaysBusy })).toBe(20);
    });
  });
});
