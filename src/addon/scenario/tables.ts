// The tables that list catalog rows: training cost by provider, LoRA vs full vs QLoRA and
// the model x dataset-size matrix, side by side from P (scenario/places.ts), a row per
// catalog name. Their hours follow the scenario's "Hours from" (the article's rule,
// compute-bound, or calibrated on the measured runs of each row's own GPU and method).
// Their key cells are formulas over the catalog's name column (catalog-list-formulas.ts): a
// row added to the catalog after the scenario was made shows in a spare row, a row deleted
// from it leaves its row blank.
import { MATRIX_DATASET_SIZES } from '../../engine';
import { liveKeys } from '../catalog-list-formulas';
import type { Block } from './block';
import { FORMAT } from './grid';
import { HEADER_ROW, TITLE_ROW } from './places';
import { writeTable } from './table';

/** A table's title, its header (the key's name, then its columns') and its rows. */
function writeCatalogTable(
  block: Block,
  name: 'providers' | 'methods',
  keyHeader: string,
  title: string,
): void {
  const table = block.places.tables[name];
  block.grid.label(TITLE_ROW, table.keyColumn, title, true);
  block.grid.header(HEADER_ROW, table.keyColumn, [
    keyHeader,
    ...table.columns.map((column) => column.label),
  ]);
  writeTable(block, table, liveKeys(name, block.tables[name], table, block.catalogEnds[name]));
}

/** The matrix's headers are its dataset sizes, which its formulas read. */
function writeMatrix(block: Block): void {
  const { method, provider } = block.result.resolved;
  const table = block.places.tables.matrix;
  const sizes = MATRIX_DATASET_SIZES;
  block.grid.label(
    TITLE_ROW,
    table.keyColumn,
    `Model x dataset size: hours (as Hours from, then cost) with ${method.name} on ${provider.name}`,
    true,
  );
  block.grid.header(
    HEADER_ROW,
    table.keyColumn,
    ['Model', ...sizes, ...sizes],
    [FORMAT.text, ...sizes.map(() => '#,##0" ex. (h)"'), ...sizes.map(() => '#,##0" ex. ($)"')],
  );
  writeTable(
    block,
    table,
    liveKeys('models', block.tables.matrix, table, block.catalogEnds.models),
  );
}

export function writeCatalogTables(block: Block): void {
  writeCatalogTable(
    block,
    'providers',
    'Provider',
    'Training cost by provider (this model, method and data; hours as Hours from, calibrated per GPU)',
  );
  writeCatalogTable(
    block,
    'methods',
    'Method',
    'LoRA vs full vs QLoRA (this model, data and provider; hours as Hours from, calibrated per method)',
  );
  writeMatrix(block);
}
