// Results (E:G): the training estimate, monthly costs, break-even and ROI, the verdict, the
// input check and money over time, each a row of label, formula and how it is computed.
// Fixed rows: nothing grows here. The up-front breakdown between them is upfront.ts.
import type { Block } from './block';
import { METRIC_FORMAT } from './grid';
import { HEADER_ROW, RESULTS_COLUMN, TITLE_ROW } from './places';
import type { ResultGroup } from './places';

/** A group of results, a row each: label, the definition's formula, how it is computed. */
export function writeResultGroup({ grid, formula }: Block, [row, metrics]: ResultGroup): void {
  metrics.forEach((metric, i) => {
    const r = row + i;
    grid.label(r, RESULTS_COLUMN, metric.label);
    grid.set(r, RESULTS_COLUMN + 1, formula(metric.expr), METRIC_FORMAT[metric.format]);
    grid.label(r, RESULTS_COLUMN + 2, metric.how);
  });
}

export function writeResults(block: Block): void {
  const { grid } = block;
  const { training, monthly, decision, verdict, finance } = block.places.results;
  grid.label(TITLE_ROW, RESULTS_COLUMN, 'Results (formulas over the inputs and the catalog)', true);
  grid.header(HEADER_ROW, RESULTS_COLUMN, ['Result', 'Value', 'How']);
  grid.label(monthly[0] - 1, RESULTS_COLUMN, 'Monthly costs', true);
  grid.label(decision[0] - 1, RESULTS_COLUMN, 'Break-even and ROI', true);
  grid.label(finance[0] - 1, RESULTS_COLUMN, "Money over time, GPUs and the article's ±30%", true);
  for (const group of [training, monthly, decision, verdict, finance]) {
    writeResultGroup(block, group);
  }
}
