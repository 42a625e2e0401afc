// The catalog sheet's layout: the built-in catalog laid out as tables side by side
// (models, methods, GPUs, providers, APIs, managed fine-tuning), each with a title in row 2,
// its headers in row 3 and its rows from row 4 down, so a user adds a row under any table
// without touching another. Scenario formulas look rows up by name over whole columns, so
// rows the user adds count. Reading the sheet is catalog/read.ts, the cells written to it
// catalog/grids.ts; both go by the tables and positions here.
import { columnLetter } from '../shared/a1';
import { AVAILABILITY_FIELDS, normalizeName, PRICE_TABLES, RUN_COLUMN_NAMES } from '../engine';
import type { Catalog, RunCell } from '../engine';

export const CATALOG_SHEET = 'FT Catalog';
export const CATALOG_TITLE_ROW = 2;
export const CATALOG_HEADER_ROW = 3;
export const CATALOG_FIRST_ROW = 4;

export type TableKey = keyof Catalog;

/** A cell as getValues returns it. */
export type CellIn = unknown;

/** A table of the sheet: its place, its title and its columns' headers. */
export interface TableSpec {
  readonly key: TableKey;
  readonly title: string;
  readonly firstColumn: number;
  /** Column headers; the first is always Name. */
  readonly columns: readonly string[];
}

const SOURCE = 'Source';
export const AS_OF = 'As of';
/**
 * Other names of a row, separated by commas. The last column of every table, added after
 * the others so that a sheet made before it keeps its columns (it was the blank spacer).
 */
export const ALSO_KNOWN_AS = 'Also known as';

// Tables side by side (the Also known as column fills what was a blank spacer); the positions are part of the sheet's layout
// (scenario formulas refer to them), so they are fixed rather than computed per workbook.
export const CATALOG_TABLES: readonly TableSpec[] = [
  {
    key: 'models',
    title: 'Models',
    firstColumn: 1,
    columns: [
      'Name',
      'Parameters (billions)',
      'Scale (H100 hours per 10K examples, full)',
      SOURCE,
      AS_OF,
      ALSO_KNOWN_AS,
    ],
  },
  {
    key: 'methods',
    title: 'Methods',
    firstColumn: 7,
    columns: [
      'Name',
      'Time factor (vs full)',
      'FLOPs per parameter per token',
      'Weight bytes per parameter',
      'Trainable fraction',
      'State bytes per trainable parameter',
      SOURCE,
      AS_OF,
      ALSO_KNOWN_AS,
    ],
  },
  {
    key: 'gpus',
    title: 'GPUs',
    firstColumn: 16,
    columns: [
      'Name',
      'Peak TFLOPS (bf16 dense)',
      'Memory (GB)',
      'Speed vs H100',
      SOURCE,
      AS_OF,
      ALSO_KNOWN_AS,
    ],
  },
  {
    key: 'providers',
    title: 'GPU providers',
    firstColumn: 23,
    columns: [
      'Name',
      'GPU',
      '$ per GPU-hour',
      'Pricing (on-demand, spot, amortized)',
      SOURCE,
      AS_OF,
      ALSO_KNOWN_AS,
    ],
  },
  {
    key: 'apis',
    title: 'APIs',
    firstColumn: 30,
    columns: [
      'Name',
      '$ per 1K input tokens',
      '$ per 1K output tokens',
      SOURCE,
      AS_OF,
      ALSO_KNOWN_AS,
    ],
  },
  {
    key: 'managed',
    title: 'Managed fine-tuning',
    firstColumn: 36,
    columns: [
      'Name',
      '$ per 1M training tokens',
      'Inference API (an API row)',
      SOURCE,
      AS_OF,
      ALSO_KNOWN_AS,
      // Issue 20: one row per price of a service (rows of one name); after Also known as, so
      // a sheet made before them keeps its columns and its rows price every size and method.
      'Method (blank: every method)',
      'Up to (billions of parameters; blank: every size)',
      'Minimum charge ($)',
      'Hosting ($ per month)',
    ],
  },
];

/**
 * The staleness threshold's cell (src/engine/freshness.ts), its label left of it: in row 1,
 * frozen, above the price tables. Scenario formulas and the colouring read it by address; a
 * sheet made before it has a blank there, and the default applies.
 */
export const STALE_AFTER_CELL = { column: 24, row: 1, a1: 'X1' } as const;
export const STALE_AFTER_LABEL = 'Prices stale after (days)';

/** Columns the catalog sheet needs (a new sheet has 26). */
export const CATALOG_COLUMNS = 45;
/**
 * Where the lookup keys began before the managed table's price columns (issue 20): a sheet
 * with the keys' title there has that layout; its cells there are keys, not prices, until the
 * keys are moved (catalog/write.ts).
 */
export const OLD_KEY_FIRST_COLUMN = 42;

/**
 * The lookup keys right of the tables (written by the add-in, src/addon/catalog/keys.ts):
 * per table, in each table row's own row, its rows' name keys, the key of a name at the row the
 * reader uses (its lowest, when that row is not bad) only, and that row's other names.
 * They cover rows CATALOG_FIRST_ROW to KEY_LAST_ROW: a sheet made before them gets them on
 * the next scenario or catalog update.
 */
export const KEY_FIRST_COLUMN = CATALOG_COLUMNS + 1;
export const KEY_COLUMNS_PER_TABLE = 3;
/** Two more for the managed table: each row's bracket key and size limit (catalog/keys.ts). */
export const KEY_COLUMN_COUNT = KEY_COLUMNS_PER_TABLE * 6 + 2;
export const KEY_LAST_ROW = 53;
/** The header over the first key column: how a sheet that has the key columns is known. */
export const KEYS_TITLE = 'Lookup keys (by the add-in)';

/** The price ages' columns (catalog/freshness.ts): right of the lookup keys, one per price table. */
export const AGE_FIRST_COLUMN = KEY_FIRST_COLUMN + KEY_COLUMN_COUNT;
export const AGE_COLUMN_COUNT = PRICE_TABLES.length;

/**
 * The "Measured runs" table (issue 19): right of the lookup keys, one run a row, read by
 * catalog/runs.ts. Not a table of names (no Name or Also known as column). Its computed
 * columns (the calibration's per-run definitions, src/engine/calibration-model.ts) follow it,
 * formulas by the add-in in each run's row. A sheet made before it gets it, blank, on the
 * next scenario or catalog update; until then it has no runs.
 */
export const RUNS_TITLE = 'Measured runs (your own: they calibrate the compute-bound hours)';
export const RUNS_HEADER_CELLS: readonly (readonly [RunCell | 'date' | 'note', string])[] = [
  ['model', 'Model (catalog name or size in billions)'],
  ['method', 'Method'],
  ['gpu', 'GPU (catalog GPU or provider)'],
  ['tokens', 'Training tokens (or the next three)'],
  ['examples', 'Examples'],
  ['tokensPerExample', 'Tokens per example'],
  ['epochs', 'Epochs (blank: 1)'],
  ['gpus', 'GPUs (blank: 1)'],
  ['hours', 'Measured wall-clock hours'],
  ['date', 'Date'],
  ['note', 'Note (source)'],
];
export const RUNS_FIRST_COLUMN = AGE_FIRST_COLUMN + AGE_COLUMN_COUNT + 1;
/**
 * The runs the sheet's formulas read: rows CATALOG_FIRST_ROW to this one (2,000 runs; the
 * catalog sheet is grown to it). The computed columns are written in rows to KEY_LAST_ROW
 * with the table, below it in each row that holds a run (catalog/run-rows.ts).
 */
export const RUNS_LAST_ROW = CATALOG_FIRST_ROW + 2000 - 1;
export const RUN_COLUMNS_FIRST = RUNS_FIRST_COLUMN + RUNS_HEADER_CELLS.length;
/** The runs table's last computed column. */
export const RUNS_LAST_COLUMN = RUN_COLUMNS_FIRST + RUN_COLUMN_NAMES.length - 1;

/** The column letter of a runs table cell or computed column. */
export function runColumnLetter(name: string): string {
  const typed = RUNS_HEADER_CELLS.findIndex(([key]) => key === name);
  if (typed >= 0) return columnLetter(RUNS_FIRST_COLUMN + typed);
  const computed = RUN_COLUMN_NAMES.indexOf(name);
  if (computed < 0) throw new Error(`No runs column ${name}`);
  return columnLetter(RUN_COLUMNS_FIRST + computed);
}

/**
 * The availability block (issue 20, catalog/availability.ts), after a blank column: four
 * columns (from, its source, until, its source) per table whose offers end.
 */
export const AVAILABILITY_TABLES: readonly TableKey[] = ['models', 'providers', 'apis', 'managed'];
export const AVAILABILITY_FIRST_COLUMN = RUNS_LAST_COLUMN + 2;
export const AVAILABILITY_COLUMN_COUNT = AVAILABILITY_TABLES.length * AVAILABILITY_FIELDS.length;
export const AVAILABILITY_LAST_COLUMN = AVAILABILITY_FIRST_COLUMN + AVAILABILITY_COLUMN_COUNT - 1;
/** The last column the catalog sheet needs: right of the tables, keys, ages, runs and dates. */
export const CATALOG_LAST_COLUMN = AVAILABILITY_LAST_COLUMN;

/** The letters of a table's key columns. */
export function keyColumns(key: TableKey): { row: string; name: string; others: string } {
  const first =
    KEY_FIRST_COLUMN + KEY_COLUMNS_PER_TABLE * CATALOG_TABLES.indexOf(catalogTable(key));
  return {
    row: columnLetter(first),
    name: columnLetter(first + 1),
    others: columnLetter(first + 2),
  };
}

/** The letters of the managed table's bracket columns: each row's bracket key and size limit. */
export function bracketColumns(): { key: string; size: string } {
  const first = KEY_FIRST_COLUMN + KEY_COLUMNS_PER_TABLE * CATALOG_TABLES.length;
  return { key: columnLetter(first), size: columnLetter(first + 1) };
}

/** A table's Also known as column (0 = Name). */
export function aliasColumn(spec: TableSpec): number {
  return spec.columns.indexOf(ALSO_KNOWN_AS);
}

/**
 * The grid as this layout reads it: a sheet whose lookup keys are still where they were
 * before the managed price columns has keys in those columns, read here as blank.
 */
export function inCurrentLayout(
  grid: readonly (readonly CellIn[])[],
): readonly (readonly CellIn[])[] {
  if (grid[CATALOG_TITLE_ROW - 1]?.[OLD_KEY_FIRST_COLUMN - 1] !== KEYS_TITLE) return grid;
  return grid.map((row) =>
    row.map((cell, c) => (c >= OLD_KEY_FIRST_COLUMN - 1 && c < CATALOG_COLUMNS ? '' : cell)),
  );
}

/** A table of the sheet by its key. */
export function catalogTable(key: TableKey): TableSpec {
  const found = CATALOG_TABLES.find((spec) => spec.key === key);
  if (!found) throw new Error(`No catalog table ${key}`);
  return found;
}

export { columnLetter };

/**
 * What a table's name column holds above its rows: its title and its header. (Row 1 of
 * the models table also holds the sheet's note, which nobody types as a name.)
 */
export function headingTexts(key: TableKey): string[] {
  const spec = catalogTable(key);
  return [spec.title, spec.columns[0], ALSO_KNOWN_AS];
}

/** The start of the sheet's note, in row 1 of the models' name column. */
export const NOTE_START = 'Fine-tuning cost catalog.';

/** The column letter of a catalog table's column, for scenario formulas. */
export function catalogColumn(key: TableKey, header: number): string {
  return columnLetter(catalogTable(key).firstColumn + header);
}

/** Throws, naming the cell, unless each table's Name header is where the layout puts it. */
export function checkLayout(grid: readonly (readonly CellIn[])[]): void {
  for (const spec of CATALOG_TABLES) {
    const header = grid[CATALOG_HEADER_ROW - 1]?.[spec.firstColumn - 1];
    if (typeof header !== 'string' || header.trim().toLowerCase() !== 'name') {
      throw new Error(
        `The sheet "${CATALOG_SHEET}" does not have the catalog's layout: cell ${columnLetter(spec.firstColumn)}${CATALOG_HEADER_ROW} should be "Name" (the ${spec.title} table). ` +
          `Rename that sheet and run again to get a fresh catalog; nothing was changed.`,
      );
    }
  }
}

/** The cells of one table's row (1-based), blank ('') where the grid has none. */
export function tableCells(
  grid: readonly (readonly CellIn[])[],
  spec: TableSpec,
  row: number,
): CellIn[] {
  const source = grid[row - 1] ?? [];
  const cells: CellIn[] = [];
  for (let i = 0; i < spec.columns.length; i++) {
    const value = source[spec.firstColumn - 1 + i];
    cells.push(value === undefined || value === null ? '' : value);
  }
  return cells;
}

export function isBlankCell(value: CellIn): boolean {
  return value === '' || value === null || value === undefined;
}

/** A name cell as the engine's lookups key it ("" for a cell that names nothing). */
export function cellNameKey(cell: CellIn): string {
  return typeof cell === 'string' || typeof cell === 'number' ? normalizeName(String(cell)) : '';
}
