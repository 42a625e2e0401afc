// The cells the add-in writes to the catalog sheet: the whole sheet for a new one, or the
// built-in rows an existing one lacks, placed below each table's last taken row.
import { BUILT_IN_CATALOG, DEFAULT_STALE_AFTER_DAYS, normalizeName } from '../../engine';
import type { Catalog } from '../../engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_HEADER_ROW,
  CATALOG_TABLES,
  CATALOG_TITLE_ROW,
  cellNameKey,
  checkLayout,
  isBlankCell,
  NOTE_START,
  STALE_AFTER_CELL,
  STALE_AFTER_LABEL,
  tableCells,
} from '../catalog-sheet';
import type { CellIn, TableKey } from '../catalog-sheet';
import { asText } from '../text';
import {
  AVAILABILITY_FIRST_COLUMN,
  AVAILABILITY_LAST_COLUMN,
  newAvailabilityGrid,
} from './availability';

type CellOut = string | number;

/** A built-in row as the cells of its table, in column order. */
function rowCells(key: TableKey, catalog: Catalog, index: number): CellOut[] {
  const cells = [
    ...rowFigures(key, catalog, index),
    (catalog[key][index].aliases ?? []).join(', '),
  ];
  if (key !== 'managed') return cells;
  // The managed table's price columns come after Also known as (catalog-sheet.ts).
  const row = catalog.managed[index];
  return [
    ...cells,
    row.method ?? '',
    row.upToBillions ?? '',
    row.minimumCharge ?? '',
    row.hostingPerMonth ?? '',
  ];
}

/** A row's cells before its Also known as column. */
function rowFigures(key: TableKey, catalog: Catalog, index: number): CellOut[] {
  switch (key) {
    case 'models': {
      const row = catalog.models[index];
      return [row.name, row.paramsBillions, row.scale, row.source, row.asOf];
    }
    case 'methods': {
      const row = catalog.methods[index];
      return [
        row.name,
        row.timeFactor,
        row.flopsPerParamToken,
        row.weightBytesPerParam,
        row.trainableFraction,
        row.stateBytesPerTrainableParam,
        row.source,
        row.asOf,
      ];
    }
    case 'gpus': {
      const row = catalog.gpus[index];
      return [row.name, row.peakTflopsBf16, row.memoryGb, row.speedVsH100, row.source, row.asOf];
    }
    case 'providers': {
      const row = catalog.providers[index];
      return [row.name, row.gpu, row.pricePerGpuHour, row.pricing, row.source, row.asOf];
    }
    case 'apis': {
      const row = catalog.apis[index];
      return [row.name, row.inputPricePer1K, row.outputPricePer1K, row.source, row.asOf];
    }
    case 'managed': {
      const row = catalog.managed[index];
      return [row.name, row.pricePer1MTrainingTokens, row.inferenceApi, row.source, row.asOf];
    }
  }
}

/** Cells as written: text through asText, so a name like "=x" or a date stays a label. */
function writable(cells: readonly CellOut[]): CellOut[] {
  return cells.map((cell) => (typeof cell === 'string' ? asText(cell) : cell));
}

/**
 * The whole catalog sheet as grids of values and font weights (one write each), as wide as
 * the availability columns (the lookup keys between are blank here: written as formulas). Number
 * formats stay automatic: they show the catalog's figures as typed, and leaving them out
 * keeps a first scenario (which creates this sheet) within 40 SpreadsheetApp calls.
 */
export function catalogSheetGrids(catalog: Catalog = BUILT_IN_CATALOG): {
  values: CellOut[][];
  weights: ('bold' | 'normal')[][];
} {
  const height = Math.max(...CATALOG_TABLES.map((spec) => catalog[spec.key].length));
  const rows = CATALOG_FIRST_ROW - 1 + height;
  const values: CellOut[][] = [];
  const weights: ('bold' | 'normal')[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<CellOut>(AVAILABILITY_LAST_COLUMN).fill(''));
    weights.push(
      new Array<'bold' | 'normal'>(AVAILABILITY_LAST_COLUMN).fill(
        r < CATALOG_HEADER_ROW ? 'bold' : 'normal',
      ),
    );
  }
  values[0][0] =
    `${NOTE_START} Add a row under any table (name first); FT_* functions, scenario sheets and the sidebar read every row. ` +
    'Of two rows with one name the lowest is used, so a row you add with a built-in name overrides it. ' +
    'Also known as: other names, separated by commas. Keep the source and the date you took the figures: ' +
    `a price older than the days in ${STALE_AFTER_CELL.a1} is stale (its As of cell turns orange). ` +
    'Until when an offer lasts: the availability columns right of the lookup keys.';
  const { column } = STALE_AFTER_CELL;
  values[0][column - 2] = STALE_AFTER_LABEL;
  values[0][column - 1] = DEFAULT_STALE_AFTER_DAYS;
  for (const spec of CATALOG_TABLES) {
    const c = spec.firstColumn - 1;
    values[CATALOG_TITLE_ROW - 1][c] = spec.title;
    spec.columns.forEach((column, i) => {
      values[CATALOG_HEADER_ROW - 1][c + i] = column;
    });
    catalog[spec.key].forEach((_, index) => {
      const r = CATALOG_FIRST_ROW - 1 + index;
      rowCells(spec.key, catalog, index).forEach((cell, i) => {
        values[r][c + i] = cell;
      });
    });
  }
  newAvailabilityGrid(catalog, rows).forEach((cells, i) => {
    values[CATALOG_TITLE_ROW - 1 + i].splice(AVAILABILITY_FIRST_COLUMN - 1, cells.length, ...cells);
  });
  return { values: values.map(writable), weights };
}

/** Rows to append to an existing catalog sheet: the built-in rows it does not have. */
export interface CatalogAppend {
  readonly key: TableKey;
  readonly row: number;
  readonly column: number;
  readonly cells: CellOut[][];
}

/**
 * Reads a catalog sheet's values (getDataRange().getValues(), 1-based row r at index
 * r - 1) and finds the built-in rows missing from each table. The appended rows go
 * right below the table's last taken row, where every cell of the table is blank,
 * so appending never overwrites or reorders anything. A cell is taken when it holds a
 * value or, given `formulas` (getFormulas() of the same range), a formula: a formula
 * that evaluates to "" reads as blank among the values but is the user's all the same.
 */
export function missingBuiltInRows(
  grid: readonly (readonly CellIn[])[],
  formulas: readonly (readonly CellIn[])[] = [],
): CatalogAppend[] {
  checkLayout(grid);
  const appends: CatalogAppend[] = [];
  for (const spec of CATALOG_TABLES) {
    const present = new Set<string>();
    let lastRow = CATALOG_HEADER_ROW;
    for (let r = CATALOG_FIRST_ROW; r <= Math.max(grid.length, formulas.length); r++) {
      const cells = tableCells(grid, spec, r);
      if (cells.every(isBlankCell) && tableCells(formulas, spec, r).every(isBlankCell)) continue;
      lastRow = r;
      present.add(cellNameKey(cells[0]));
    }
    const missing: CellOut[][] = [];
    BUILT_IN_CATALOG[spec.key].forEach((row, index) => {
      if (!present.has(normalizeName(row.name))) {
        missing.push(writable(rowCells(spec.key, BUILT_IN_CATALOG, index)));
      }
    });
    if (missing.length > 0) {
      appends.push({ key: spec.key, row: lastRow + 1, column: spec.firstColumn, cells: missing });
    }
  }
  return appends;
}

/** Each table's last row that holds a value (its header row when it has none). */
export function lastTakenRows(grid: readonly (readonly CellIn[])[]): Record<TableKey, number> {
  const ends = {} as Record<TableKey, number>;
  for (const spec of CATALOG_TABLES) {
    ends[spec.key] = CATALOG_HEADER_ROW;
    for (let r = CATALOG_FIRST_ROW; r <= grid.length; r++) {
      if (!tableCells(grid, spec, r).every(isBlankCell)) ends[spec.key] = r;
    }
  }
  return ends;
}

/** The grid with appended rows placed, as the sheet will read after the writes. */
export function withAppends(
  grid: readonly (readonly CellIn[])[],
  appends: readonly CatalogAppend[],
): CellIn[][] {
  const result = grid.map((row) => row.slice());
  for (const append of appends) {
    append.cells.forEach((cells, i) => {
      const r = append.row - 1 + i;
      while (result.length <= r) result.push([]);
      cells.forEach((cell, j) => {
        const c = append.column - 1 + j;
        while (result[r].length <= c) result[r].push('');
        // What Sheets stores for an apostrophe-prefixed label: the text without it.
        result[r][c] = typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell;
      });
    });
  }
  return result;
}
