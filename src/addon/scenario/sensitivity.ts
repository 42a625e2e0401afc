// Sensitivity (AO:AT): each main driver 30% down and 30% up (the article's spread), its NPV
// and break-even each way and the NPV swing, the largest swing first as the sheet is made.
import { SENSITIVITY } from '../../engine';
import type { Block } from './block';
import { METRIC_FORMAT } from './grid';
import { FIRST_ROW, HEADER_ROW, SENSITIVITY_COLUMN, SENSITIVITY_WHAT, TITLE_ROW } from './places';

export function writeSensitivity({ grid, formula, result }: Block): void {
  grid.label(
    TITLE_ROW,
    SENSITIVITY_COLUMN,
    'Sensitivity: each driver 30% down and 30% up, the article\u2019s spread (largest NPV swing first, as made)',
    true,
  );
  grid.header(HEADER_ROW, SENSITIVITY_COLUMN, [
    'Driver',
    'NPV, 30% down',
    'NPV, 30% up',
    'Break-even, 30% down',
    'Break-even, 30% up',
    'NPV swing',
  ]);
  const byName = new Map(
    SENSITIVITY()
      .flatMap((driver) => driver.metrics)
      .map((metric) => [metric.name, metric]),
  );
  result.finance.sensitivity.forEach((row, i) => {
    grid.text(FIRST_ROW + i, SENSITIVITY_COLUMN, row.label);
    SENSITIVITY_WHAT.forEach((what, c) => {
      const metric = byName.get(`sens.${row.key}.${what}`);
      if (!metric) throw new Error(`scenario layout: no sensitivity metric ${row.key}.${what}`);
      grid.set(
        FIRST_ROW + i,
        SENSITIVITY_COLUMN + 1 + c,
        formula(metric.expr),
        METRIC_FORMAT[metric.format],
      );
    });
  });
}
