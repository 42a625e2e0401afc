// Issue 20: the catalog sheet's availability columns. Right of the runs table, one group of
// four columns per table whose offers end (models, GPU providers, APIs, managed fine-tuning):
// available from, its source, available until (the last day), its source; each row's dates
// in the row's own sheet row, as the keys are. A block of its own, so the tables keep the
// columns a sheet made before it has: such a sheet has no block, and until the add-in adds
// it (on the next scenario or catalog update) its rows with a built-in name keep the
// built-in dates.
import { AVAILABILITY_FIELDS, BUILT_IN_CATALOG, isoOfSerial, normalizeName } from '../../engine';
import type { Availability, Catalog } from '../../engine';
import {
  AVAILABILITY_COLUMN_COUNT,
  AVAILABILITY_FIRST_COLUMN,
  AVAILABILITY_TABLES,
  CATALOG_FIRST_ROW,
  CATALOG_HEADER_ROW,
  CATALOG_SHEET,
  CATALOG_TITLE_ROW,
  catalogTable,
  cellNameKey,
  columnLetter,
  isBlankCell,
} from '../catalog-sheet';
import type { CellIn, TableKey } from '../catalog-sheet';
import { asText } from '../text';

// Where the block sits is the catalog layout's (catalog-sheet.ts); importers find it here too.
export {
  AVAILABILITY_COLUMN_COUNT,
  AVAILABILITY_FIRST_COLUMN,
  AVAILABILITY_LAST_COLUMN,
  AVAILABILITY_TABLES,
} from '../catalog-sheet';

const HEADERS = ['available from', 'from: source', 'available until (last day)', 'until: source'];

/** Over the block's first column: how a sheet that has the block is known. */
export const AVAILABILITY_TITLE =
  'Availability (optional, YYYY-MM-DD): each row of a table on the left has its dates in its own row here';

/** The sheet column (1-based) of a table's availability field. */
export function availabilityColumn(table: TableKey, field: keyof Availability): number {
  const group = AVAILABILITY_TABLES.indexOf(table);
  if (group < 0) throw new Error(`No availability columns for ${table}`);
  return AVAILABILITY_FIRST_COLUMN + group * HEADERS.length + AVAILABILITY_FIELDS.indexOf(field);
}

/** True when the sheet's grid has the availability block (its title). */
export function hasAvailabilityBlock(grid: readonly (readonly CellIn[])[]): boolean {
  return grid[CATALOG_TITLE_ROW - 1]?.[AVAILABILITY_FIRST_COLUMN - 1] === AVAILABILITY_TITLE;
}

/** A row's dates as cells, in the block's column order (blank where it has none). */
function datesOf(row: Availability): string[] {
  return AVAILABILITY_FIELDS.map((field) => row[field] ?? '');
}

/** The block's title and header rows (rows CATALOG_TITLE_ROW and CATALOG_HEADER_ROW). */
function headingRows(): string[][] {
  const title = new Array<string>(AVAILABILITY_COLUMN_COUNT).fill('');
  title[0] = AVAILABILITY_TITLE;
  const headers = AVAILABILITY_TABLES.flatMap((table) =>
    HEADERS.map((header) => `${catalogTable(table).title}: ${header}`),
  );
  return [title, headers];
}

/**
 * The block's cells from the title row down to `lastRow`, each table's dates in the rows
 * `rowsOf` gives it (the sheet rows of each of its rows with dates).
 */
export function availabilityGrid(
  lastRow: number,
  rowsOf: (table: TableKey) => readonly { readonly sheetRow: number; readonly row: Availability }[],
): string[][] {
  const grid: string[][] = headingRows();
  for (let r = CATALOG_FIRST_ROW; r <= lastRow; r++) {
    grid.push(new Array<string>(AVAILABILITY_COLUMN_COUNT).fill(''));
  }
  for (const table of AVAILABILITY_TABLES) {
    const offset = availabilityColumn(table, 'availableFrom') - AVAILABILITY_FIRST_COLUMN;
    for (const { sheetRow, row } of rowsOf(table)) {
      datesOf(row).forEach((cell, i) => {
        grid[sheetRow - CATALOG_TITLE_ROW][offset + i] = cell;
      });
    }
  }
  return grid;
}

/** The block for a sheet of `catalog`'s rows laid out from CATALOG_FIRST_ROW (a new sheet). */
export function newAvailabilityGrid(catalog: Catalog, lastRow: number): string[][] {
  return availabilityGrid(lastRow, (table) =>
    (catalog[table] as readonly Availability[]).map((row, i) => ({
      sheetRow: CATALOG_FIRST_ROW + i,
      row,
    })),
  );
}

/**
 * The block for a sheet made before it, as written (text as labels): the built-in dates in
 * every row that has a built-in row's name (its lowest is the one the catalog uses).
 */
export function upgradeAvailabilityGrid(grid: readonly (readonly CellIn[])[]): string[][] {
  const lastRow = Math.max(grid.length, CATALOG_HEADER_ROW);
  const cells = availabilityGrid(lastRow, (table) => {
    const builtIn = new Map(
      (BUILT_IN_CATALOG[table] as readonly (Availability & { name: string })[]).map(
        (row) => [normalizeName(row.name), row] as const,
      ),
    );
    const column = catalogTable(table).firstColumn - 1;
    const rows: { sheetRow: number; row: Availability }[] = [];
    for (let r = CATALOG_FIRST_ROW; r <= grid.length; r++) {
      const row = builtIn.get(cellNameKey(grid[r - 1]?.[column]));
      if (row) rows.push({ sheetRow: r, row });
    }
    return rows;
  });
  return cells.map((row) => row.map(asText));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_FIELDS: ReadonlySet<keyof Availability> = new Set(['availableFrom', 'availableUntil']);

/**
 * A row's dates from its sheet row. A date cell arrives as YYYY-MM-DD (readCatalogState),
 * a number as the date it is in Sheets (the scenario's formulas read it so); text that is
 * no date is kept as written, as the scenario's formulas compare it, with a warning.
 */
export function readAvailability(
  grid: readonly (readonly CellIn[])[],
  table: TableKey,
  sheetRow: number,
  warnings: string[],
): Availability {
  const dates: Record<string, string> = {};
  for (const field of AVAILABILITY_FIELDS) {
    const column = availabilityColumn(table, field);
    const cell = grid[sheetRow - 1]?.[column - 1];
    if (isBlankCell(cell)) continue;
    const text = typeof cell === 'number' ? isoOfSerial(cell) : String(cell).trim();
    if (text === '') continue;
    if (DATE_FIELDS.has(field) && !ISO_DAY.test(text)) {
      warnings.push(
        `${CATALOG_SHEET} cell ${columnLetter(column)}${sheetRow} (${catalogTable(table).title}): "${text}" is not a date written YYYY-MM-DD; the scenario compares it as text.`,
      );
    }
    dates[field] = text;
  }
  return dates as Availability;
}
