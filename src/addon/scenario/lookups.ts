// Below the inputs (A:C): "Looked up from the catalog" (each name's key, start, row used,
// as-of date, and the row's numbers), then the catalog's models sorted by size, which a
// model given as a size is interpolated between.
import { LADDER } from '../../engine';
import { CATALOG_SHEET } from '../catalog-sheet';
import type { Block } from './block';
import { METRIC_FORMAT } from './grid';
import { rel } from './places';
import { writeTable } from './table';

export function writeLookups(block: Block): void {
  const { grid, places, formula } = block;
  const { lookupTitleRow, ladderTitleRow } = places;
  grid.label(lookupTitleRow, 1, `Looked up from the ${CATALOG_SHEET} sheet`, true);
  places.lookups.forEach((metric, i) => {
    const row = lookupTitleRow + 1 + i;
    grid.label(row, 1, metric.label);
    grid.set(row, 2, formula(metric.expr), METRIC_FORMAT[metric.format]);
    grid.label(row, 3, metric.how);
    places.cells[`lookup.${metric.name}`] = rel(2, row);
  });
  const ladder = places.tables[LADDER];
  grid.label(ladderTitleRow, 1, 'Catalog models by size (interpolation for a size)', true);
  grid.header(ladderTitleRow + 1, 1, ['Model', ...ladder.columns.map((column) => column.label)]);
  writeTable(block, ladder, block.tables.ladder);
}
