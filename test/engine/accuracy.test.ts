import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ACCURACY_PATH, renderAccuracy } from '../../scripts/accuracy/render';
import { runAccuracy, summarizeRatios } from '../../src/engine/published-accuracy';
import { PUBLISHED_RUN_GPUS, PUBLISHED_RUNS } from '../../src/engine/published-runs';
import type { PublishedRun } from '../../src/engine/published-runs';

const ROOT = path.resolve(__dirname, '..', '..');

function runById(id: string): PublishedRun {
  const run = PUBLISHED_RUNS.find((candidate) => candidate.id === id);
  if (!run) throw new Error(`no published run ${id}`);
  return run;
}

describe('docs/accuracy.md', () => {
  it('is what `npm run accuracy` writes from the published runs and the engine today', () => {
    const committed = readFileSync(path.join(ROOT, ACCURACY_PATH), 'utf8');
    if (committed !== renderAccuracy()) {
      throw new Error(
        `${ACCURACY_PATH} is out of date with the engine or the runs: run npm run accuracy and commit the result`,
      );
    }
  });

  it('has one table row per run, and a summary row per rule', () => {
    const page = renderAccuracy();
    const runRows = page.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(runRows).toHaveLength(PUBLISHED_RUNS.length);
    expect(page).toMatch(/^\| Article's rule .* \| \d+ \|$/m);
    expect(page).toMatch(/^\| Compute-bound at MFU 0\.35 \| .* \| \d+ \|$/m);
  });

  it("is linked from the README's cost model, whose error statement quotes today's figures", () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### How far the hours are from measured runs'));
    expect(section).toContain('(docs/accuracy.md)');
    const results = PUBLISHED_RUNS.map(runAccuracy);
    const rule = summarizeRatios(results.map((result) => result.ruleRatio));
    const compute = summarizeRatios(results.map((result) => result.computeRatio));
    const statement = section.slice(0, section.indexOf('### Money over time'));
    expect(statement).toContain(`${PUBLISHED_RUNS.length} published, measured`);
    for (const ratio of [rule.median, rule.worst, compute.median, compute.worst]) {
      expect(statement).toContain(`**${ratio.toFixed(2)}x**`);
    }
  });
});

describe('the published runs', () => {
  it('are at least 10, from at least 3 independent sources', () => {
    expect(PUBLISHED_RUNS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(PUBLISHED_RUNS.map((run) => run.source.author)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(PUBLISHED_RUNS.map((run) => [run.id, run] as const))(
    '%s has a source with title, author, URL and a date, the figure it quotes, and usable numbers',
    (_id, run) => {
      expect(run.source.title.trim()).not.toBe('');
      expect(run.source.author.trim()).not.toBe('');
      expect(run.source.url).toMatch(/^https:\/\//);
      expect(run.source.date).toMatch(/^\d{4}/);
      expect(run.measured.trim()).not.toBe('');
      for (const value of [
        run.paramsBillions,
        run.gpuCount,
        run.examples,
        run.tokensPerExample,
        run.epochs,
        run.measuredHours,
      ]) {
        expect(Number.isFinite(value) && value > 0).toBe(true);
      }
    },
  );

  it('have unique ids', () => {
    expect(new Set(PUBLISHED_RUNS.map((run) => run.id)).size).toBe(PUBLISHED_RUNS.length);
  });

  it('name the source of every GPU the catalog lacks', () => {
    for (const gpu of PUBLISHED_RUN_GPUS) {
      expect(gpu.source).toMatch(/TFLOPS/);
      expect(gpu.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('a published run against the two rules (hand arithmetic)', () => {
  const cases = [
    {
      title: "LitGPT's Llama 2 7B LoRA on one A100: 2.36 min per 1,000 examples",
      id: 'litgpt-7b-lora-a100',
      // Measured: 2.36 / 60 = 0.0393333 h on 1 GPU.
      // Article's rule: 0.0001 x 1,000 examples x 1.0 (Llama 7B) x 0.25 (LoRA) = 0.025 H100-h;
      //   on an A100 (speed 312 / 989): 0.025 x 989 / 312 = 0.0792468 A100-h;
      //   ratio 0.0792468 / 0.0393333 = 2.01475.
      // Compute-bound: 4 x 7e9 x (1,000 x 500 x 1 tokens) / (312e12 x 0.35 x 3600)
      //   = 1.4e16 / 3.9312e17 = 0.0356125 GPU-h; ratio 0.0356125 / 0.0393333 = 0.905403;
      //   implied MFU = 0.35 x 0.905403 = 0.316891.
      measured: 0.0393333,
      rule: 0.0792468,
      ruleRatio: 2.01475,
      compute: 0.0356125,
      computeRatio: 0.905403,
      mfu: 0.316891,
    },
    {
      title: "torchtune's Llama 3.1 70B LoRA on 8 A100s: 3,497 tokens/s in all",
      id: 'torchtune-70b-lora-8xa100',
      // 5,000,000 tokens (10,000 x 500) / 3,497 tokens/s / 3600 = 0.397164 h wall-clock,
      //   x 8 GPUs = 3.17733 GPU-h.
      // Article's rule: 0.0001 x 10,000 x 8.0 (Llama 70B) x 0.25 = 2.0 H100-h;
      //   2.0 x 989 / 312 = 6.33974 A100-h; ratio 6.33974 / 3.17733 = 1.99531.
      // Compute-bound: 4 x 70e9 x 5e6 / (312e12 x 0.35 x 3600) = 1.4e18 / 3.9312e17
      //   = 3.56125 GPU-h; ratio 3.56125 / 3.17733 = 1.12083; implied MFU 0.35 x 1.12083 = 0.392292.
      measured: 3.17733,
      rule: 6.33974,
      ruleRatio: 1.99531,
      compute: 3.56125,
      computeRatio: 1.12083,
      mfu: 0.392292,
    },
  ];

  it.each(cases)('$title', (expected) => {
    const result = runAccuracy(runById(expected.id));
    // Relative to the value: 5 significant figures, as written above.
    const close = (actual: number, value: number): void =>
      expect(Math.abs(actual / value - 1)).toBeLessThan(2e-5);
    close(result.measuredGpuHours, expected.measured);
    close(result.ruleGpuHours, expected.rule);
    close(result.ruleRatio, expected.ruleRatio);
    close(result.computeGpuHours, expected.compute);
    close(result.computeRatio, expected.computeRatio);
    close(result.impliedMfu, expected.mfu);
  });
});

describe('summarizeRatios (log space)', () => {
  it('takes the middle ratio, the one furthest from 1, and the geometric mean', () => {
    // ln: 0.693, -0.693, 1.386 -> sorted 0.5, 2, 4: median 2; furthest from 1 is 4 (|ln 4| > |ln 0.5|);
    // geometric mean (2 x 0.5 x 4)^(1/3) = 4^(1/3) = 1.587401.
    const summary = summarizeRatios([2, 0.5, 4]);
    expect(summary.median).toBeCloseTo(2, 12);
    expect(summary.worst).toBeCloseTo(4, 12);
    expect(summary.geometricMean).toBeCloseTo(1.587401, 6);
    expect(summary.count).toBe(3);
  });

  it('takes the geometric mean of the middle two for an even count, and an underestimate can be the worst', () => {
    // Sorted 0.1, 1, 4, 9: median sqrt(1 x 4) = 2; |ln 0.1| = 2.303 > |ln 9| = 2.197: worst 0.1.
    const summary = summarizeRatios([9, 1, 0.1, 4]);
    expect(summary.median).toBeCloseTo(2, 12);
    expect(summary.worst).toBeCloseTo(0.1, 12);
  });

  it('refuses an empty list', () => {
    expect(() => summarizeRatios([])).toThrow(/no ratios/);
  });
});
