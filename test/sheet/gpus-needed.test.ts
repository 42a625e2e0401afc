// GPUs a run needs are memory ÷ one GPU's memory rounded UP: a run that needs 3.1 GPUs'
// memory does not fit on 3. The scenario sheet (its formulas, evaluated by HyperFormula)
// and generateScenario's summary (the engine) both say so, through the built bundle.
// Fractions below one half are the ones that tell rounding up from rounding to nearest.
import { Evaluated, expectClose, generate, session } from './helpers';

/** Full fine-tuning memory per billion parameters: 16 bytes × 1.2 (activations) = 19.2 GB. */
const FULL_GB_PER_BILLION = 19.2;

describe('GPUs needed are rounded up, on the sheet and in the summary', () => {
  const s = session();

  it.each([
    // Llama 13B full: 13 × 19.2 = 249.6 GB; 249.6 / 80 GB H100 = 3.12 → 4 GPUs (3 hold only 240 GB).
    // Hours: 0.0001 × 10,000 × 2 = 2 GPU-hours, 2 / 4 = 0.5 h on the clock.
    { model: 'Llama 13B', gb: 13 * FULL_GB_PER_BILLION, gpus: 4, clock: 0.5 },
    // 25B full: 25 × 19.2 = 480 GB = exactly 6 × 80 GB → 6 GPUs, not 7. Scale interpolated
    // between 13B (2) and 70B (8): 2 × (25/13)^(ln 4 / ln(70/13)) = 2 × 1.923^0.8235 = 3.427;
    // 0.0001 × 10,000 × 3.427 = 3.427 h / 6 = 0.571 h on the clock (0.6 in the verdict).
    {
      model: '25B',
      gb: 25 * FULL_GB_PER_BILLION,
      gpus: 6,
      clock: (0.0001 * 10000 * 2 * Math.pow(25 / 13, Math.log(4) / Math.log(70 / 13))) / 6,
    },
  ])('$model full fine-tuning on H100s: $gpus GPUs', ({ model, gb, gpus, clock }) => {
    const summary = generate(s, { model, method: 'full', provider: 'RunPod on-demand' });
    expect(summary.gpusNeeded).toBe(gpus);
    const ev = new Evaluated(s.workbook, summary.sheetName);
    try {
      expectClose(ev.byLabel('GPU memory (GB)'), gb, 'memory');
      expect(ev.byLabel('GPUs needed (memory)')).toBe(gpus);
      expectClose(ev.byLabel('Wall-clock hours on them'), clock, 'wall clock');
      // The verdict rounds the memory to whole GB and the clock to one decimal.
      const note = `Training needs ${gpus} GPUs (${Math.round(gb)} GB of memory): ${Math.round(clock * 10) / 10} hours on the clock.`;
      expect(String(ev.byLabel('Verdict'))).toContain(note);
      expect(summary.verdict).toContain(note);
    } finally {
      ev.destroy();
    }
  });

  it('a run that fits one GPU needs 1, and its verdict says nothing of GPUs', () => {
    // Llama 13B LoRA: 13 × (2 + 1% × 16) bytes × 1.2 = 33.696 GB < 80 GB.
    const summary = generate(s, { model: 'Llama 13B', method: 'LoRA' });
    expect(summary.gpusNeeded).toBe(1);
    expect(summary.verdict).not.toContain('GPUs (');
  });
});
