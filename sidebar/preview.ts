// The live preview: the engine's numbers for the current form, computed in the
// page (no server round trip), shown with textContent only.
import type { ScenarioResult } from '../src/engine';
import { createChart } from './chart';
import { el } from './dom';
import { hours, months, usd } from './format';
import { LARGE_DATASET_EXAMPLES, LORA_FALLS_SHORT, isLoraFamily } from './hints';

/** The figures the preview shows, by element id (tests and the benchmark read these). */
const FIGURES = [
  ['out-hours', 'Training hours'],
  ['out-hours-from', 'Hours from'],
  ['out-compute-hours', 'Training hours (compute-bound)'],
  ['out-gpu-cost', 'GPU cost of the run'],
  ['out-upfront', 'Up-front total'],
  ['out-api-monthly', 'API per month'],
  ['out-ft-monthly', 'Fine-tuned per month'],
  ['out-breakeven', 'Break-even'],
  ['out-roi36', 'ROI at 36 months'],
  ['out-npv', 'NPV at the horizon'],
  ['out-payback', 'Discounted payback'],
  ['out-gpus', 'GPUs needed'],
  ['out-cost-range', 'GPU cost band'],
  ['out-managed', 'Managed path: training, per month'],
  ['out-managed-breakeven', 'Managed path break-even'],
] as const;

type FigureId = (typeof FIGURES)[number][0];

export interface Preview {
  readonly element: HTMLElement;
  /** Shows a computed scenario. */
  show(result: ScenarioResult): void;
  /** Marks the figures stale while an input is invalid. */
  showInvalid(message: string): void;
}

export function createPreview(): Preview {
  const values = new Map<FigureId, HTMLElement>();
  const list = el('dl', { class: 'figures' });
  for (const [id, label] of FIGURES) {
    const value = el('dd', { id });
    values.set(id, value);
    list.append(el('div', { class: 'figure' }, [el('dt', {}, [label]), value]));
  }
  const chart = createChart();
  const verdict = el('p', { id: 'verdict', class: 'verdict', 'aria-live': 'polite' });
  const invalid = el('p', { id: 'preview-invalid', class: 'invalid', hidden: '' });
  const largeData = el('p', { id: 'lora-large-data', class: 'note', hidden: '' });
  const loraHint = el(
    'aside',
    { id: 'lora-hint', class: 'hint', hidden: '', 'aria-labelledby': 'lora-hint-title' },
    [
      el('h3', { id: 'lora-hint-title' }, ['When LoRA falls short']),
      el(
        'ul',
        {},
        LORA_FALLS_SHORT.map((text) => el('li', {}, [text])),
      ),
      largeData,
    ],
  );
  const legend = el('div', { class: 'legend', 'aria-hidden': 'true' }, [
    el('span', { class: 'swatch api' }),
    'API',
    el('span', { class: 'swatch ft' }),
    'Fine-tuned (incl. up-front)',
  ]);
  const element = el(
    'section',
    { id: 'preview', class: 'preview', 'aria-labelledby': 'preview-title' },
    [
      el('h2', { id: 'preview-title' }, ['Preview']),
      invalid,
      verdict,
      list,
      el('figure', { class: 'chart' }, [
        chart.element,
        el('figcaption', {}, ['Cumulative cost: lines cross at break-even']),
        legend,
      ]),
      loraHint,
    ],
  );

  const set = (id: FigureId, text: string): void => {
    const node = values.get(id);
    if (node && node.textContent !== text) node.textContent = text;
  };

  return {
    element,
    show(result: ScenarioResult): void {
      const { training, upfront, monthly, resolved } = result;
      element.classList.remove('stale');
      invalid.hidden = true;
      set('out-hours', hours(training.providerHours));
      set(
        'out-hours-from',
        result.hoursSource.from === 'rule'
          ? 'the article’s rule'
          : result.hoursSource.from === 'calibrated'
            ? result.hoursSource.calibration
            : 'compute-bound, at your MFU',
      );
      set('out-compute-hours', hours(training.computeBoundHours));
      set('out-gpu-cost', usd(training.gpuCost));
      set('out-upfront', usd(upfront.total));
      set('out-api-monthly', usd(monthly.api));
      set('out-ft-monthly', usd(monthly.finetuned));
      set('out-breakeven', months(result.breakEvenMonths));
      set('out-roi36', usd(result.roi.months36));
      const { finance } = result;
      set('out-npv', usd(finance.npv));
      const payback = finance.discountedPaybackMonths;
      set('out-payback', payback === 'beyond the horizon' ? payback : months(payback));
      set('out-cost-range', `${usd(finance.trainingCostLow)} to ${usd(finance.trainingCostHigh)}`);
      const managedTraining = finance.managedTrainingCost;
      const managedMonthly = finance.managedMonthlyCost;
      const managedBreakEven = finance.managedBreakEvenMonths;
      // A service with no price for this model size and method: the Check says which.
      set(
        'out-managed',
        managedTraining === null
          ? 'no price for this model size and method'
          : managedMonthly === null
            ? `${usd(managedTraining)}, serving price not in the catalog`
            : `${usd(managedTraining)}, ${usd(managedMonthly)}`,
      );
      set('out-managed-breakeven', managedBreakEven === null ? '-' : months(managedBreakEven));
      set(
        'out-gpus',
        finance.gpusNeeded === 1
          ? '1'
          : `${finance.gpusNeeded} (${hours(finance.wallClockHours)} on the clock)`,
      );
      verdict.textContent = result.verdict.text;
      verdict.className = `verdict ${result.verdict.fineTune ? 'fine-tune' : 'keep-api'}`;
      chart.update(result.timeline, result.breakEvenMonths);
      const lora = isLoraFamily(resolved.method.name);
      loraHint.hidden = !lora;
      const large = lora && resolved.input.examples >= LARGE_DATASET_EXAMPLES;
      largeData.hidden = !large;
      if (large) {
        largeData.textContent = `Your ${resolved.input.examples.toLocaleString('en-US')} examples are in the article's 100K+ range: compare with full fine-tuning.`;
      }
    },
    showInvalid(message: string): void {
      element.classList.add('stale');
      invalid.hidden = false;
      invalid.textContent = message;
    },
  };
}
