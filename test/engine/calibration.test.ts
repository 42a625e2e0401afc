import { calibrate } from '../../src/engine/calibration';
import { TRIM_MIN_RUNS } from '../../src/engine/calibration-model';
import type { CalibrationRun } from '../../src/engine/calibration';
import { InputError } from '../../src/engine/errors';

const MFU = 0.35;

/** A run whose measured ÷ estimated ratio is `ratio` (estimate 1 GPU-hour). */
const run = (gpu: string, method: string, ratio: number): CalibrationRun => ({
  gpu,
  method,
  measuredGpuHours: ratio,
  estimatedGpuHours: 1,
});

describe('calibrate: the achieved-MFU fit', () => {
  it('without runs is the default: factor 1, the default MFU, level default', () => {
    const result = calibrate([], 'A100', 'LoRA', MFU);
    expect(result).toMatchObject({ factor: 1, mfu: MFU, level: 'default', runs: 0 });
    expect(result.minRatio).toBeNaN();
    expect(result.maxRatio).toBeNaN();
  });

  it('from one run is that run: measured 3 GPU-h for an estimate of 1.5 is a factor of 2, MFU 0.35 / 2', () => {
    const result = calibrate(
      [{ gpu: 'A100', method: 'LoRA', measuredGpuHours: 3, estimatedGpuHours: 1.5 }],
      'A100',
      'LoRA',
      MFU,
    );
    expect(result.level).toBe('gpu and method');
    expect(result.runs).toBe(1);
    expect(result.factor).toBeCloseTo(2, 12);
    expect(result.mfu).toBeCloseTo(0.175, 12);
    expect(result.minRatio).toBeCloseTo(2, 12);
    expect(result.maxRatio).toBeCloseTo(2, 12);
  });

  it('from three runs is the geometric mean, no run left out: 2, 2 and 0.5 give 2^(1/3)', () => {
    // (ln 2 + ln 2 − ln 2) / 3 = ln 2 / 3 → 2^(1/3) = 1.259921; MFU 0.35 / 1.259921 = 0.277795.
    const result = calibrate(
      [run('A100', 'LoRA', 2), run('A100', 'LoRA', 2), run('A100', 'LoRA', 0.5)],
      'A100',
      'LoRA',
      MFU,
    );
    expect(result.factor).toBeCloseTo(1.259921, 6);
    expect(result.mfu).toBeCloseTo(0.277795, 6);
    expect(result.minRatio).toBeCloseTo(0.5, 12);
    expect(result.maxRatio).toBeCloseTo(2, 12);
  });

  it(`leaves out the highest and the lowest from ${TRIM_MIN_RUNS} runs on: 1, 1, 1 and 8 give 1, not 8^(1/4)`, () => {
    // logs 0, 0, 0, ln 8; ln 8 and one 0 are left out → mean 0 → factor 1.
    // Kept in, the factor would be 8^(1/4) = 1.68.
    const runs = [1, 1, 1, 8].map((ratio) => run('A100', 'LoRA', ratio));
    const result = calibrate(runs, 'A100', 'LoRA', MFU);
    expect(result.factor).toBeCloseTo(1, 12);
    expect(result.runs).toBe(4);
    // The spread still shows the run left out.
    expect(result.maxRatio).toBeCloseTo(8, 12);
  });

  it('with 3 runs keeps them all, with 4 drops one at each end: logs 0, 1, 2, 10 fit e^1.5', () => {
    // 0 and 10 are left out; the mean of 1 and 2 is 1.5 → factor e^1.5 = 4.481689.
    const runs = [0, 1, 2, 10].map((log) => run('H100', 'full', Math.exp(log)));
    const result = calibrate(runs, 'H100', 'full', MFU);
    expect(result.factor).toBeCloseTo(4.481689, 6);
    // Three of them (0, 1, 2): the plain mean 1 → e.
    expect(calibrate(runs.slice(0, 3), 'H100', 'full', MFU).factor).toBeCloseTo(Math.E, 12);
  });

  it('from 20 runs: 19 at 1.5 and one mistyped at 100 give 1.5 (100 and one 1.5 left out)', () => {
    const runs = [
      ...Array.from({ length: 19 }, () => run('A100', 'QLoRA', 1.5)),
      run('A100', 'QLoRA', 100),
    ];
    const result = calibrate(runs, 'A100', 'QLoRA', MFU);
    expect(result.factor).toBeCloseTo(1.5, 12);
    expect(result.runs).toBe(20);
    expect(result.note).toBe('calibrated from 20 runs on A100, QLoRA');
    expect(result.mfu).toBeCloseTo(0.35 / 1.5, 12);
  });

  it('uses the runs of the GPU and method asked, not those on another GPU', () => {
    const runs = [run('H100', 'LoRA', 4), run('A100', 'LoRA', 2), run('A100', 'full', 8)];
    const result = calibrate(runs, 'A100', 'LoRA', MFU);
    expect(result.level).toBe('gpu and method');
    expect(result.runs).toBe(1);
    expect(result.factor).toBeCloseTo(2, 12);
  });

  it('falls back to the method on other GPUs: H100 runs at 0.5 and 2 calibrate an A100 LoRA at 1', () => {
    // sqrt(0.5 × 2) = 1.
    const runs = [run('H100', 'LoRA', 0.5), run('H100', 'LoRA', 2), run('A100', 'full', 8)];
    const result = calibrate(runs, 'A100', 'LoRA', MFU);
    expect(result.level).toBe('method');
    expect(result.runs).toBe(2);
    expect(result.factor).toBeCloseTo(1, 12);
    expect(result.minRatio).toBeCloseTo(0.5, 12);
    expect(result.maxRatio).toBeCloseTo(2, 12);
  });

  it('falls back to all runs when none has the method: 2 and 8 give 4', () => {
    const runs = [run('A100', 'full', 2), run('H100', 'LoRA', 8)];
    const result = calibrate(runs, 'A100', 'QLoRA', MFU);
    expect(result.level).toBe('all runs');
    expect(result.runs).toBe(2);
    expect(result.factor).toBeCloseTo(4, 12);
  });

  it('matches GPU and method names as the catalog does (case, spaces, dashes)', () => {
    const result = calibrate([run(' a-100 ', 'lora', 2)], 'A100', 'LoRA', MFU);
    expect(result.level).toBe('gpu and method');
  });

  it.each([
    ['a zero', 0],
    ['a negative', -1],
    ['an invalid', NaN],
    ['an infinite', Infinity],
  ])('refuses %s measured hour, naming the run and the field', (_what, hours) => {
    const runs = [run('A100', 'LoRA', 1), { ...run('A100', 'LoRA', 1), measuredGpuHours: hours }];
    expect(() => calibrate(runs, 'A100', 'LoRA', MFU)).toThrow(InputError);
    expect(() => calibrate(runs, 'A100', 'LoRA', MFU)).toThrow(/runs\[1\]\.measuredGpuHours/);
  });
});
