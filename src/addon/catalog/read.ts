// Reading the catalog sheet: the catalog every view uses, from the built-in rows and the
// sheet's rows (each parsed by catalog/rows.ts), with a warning for each row not used.
import {
  AVAILABILITY_FIELDS,
  BUILT_IN_CATALOG,
  CatalogIndex,
  normalizeName,
  readStaleAfterDays,
} from '../../engine';
import type {
  Availability,
  Catalog,
  ManagedFineTuningRow,
  MeasuredRun,
  ModelRow,
} from '../../engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  CATALOG_TABLES,
  cellNameKey,
  checkLayout,
  isBlankCell,
  STALE_AFTER_CELL,
  STALE_AFTER_LABEL,
  tableCells,
} from '../catalog-sheet';
import type { CellIn, TableKey, TableSpec } from '../catalog-sheet';
import { AVAILABILITY_TABLES, hasAvailabilityBlock, readAvailability } from './availability';
import { parseRow, problemOf } from './rows';
import { readRuns } from './runs';

export interface SheetCatalog {
  readonly catalog: Catalog;
  readonly warnings: string[];
  /** The sheet's staleness threshold in days (its setting cell; blank: the default). */
  readonly staleAfterDays: number;
  /** The Measured runs table's runs (none on a sheet made before it). */
  readonly runs: readonly MeasuredRun[];
}

type CatalogRow = Catalog[TableKey][number];

/** One non-blank row of a table in the sheet: its row number, name key and parsed row. */
/** A managed row of a sheet without availability columns, with its service's built-in dates. */
function withBuiltInDates(entry: SheetRow): SheetRow {
  const builtIn = BUILT_IN_CATALOG.managed.find((row) => normalizeName(row.name) === entry.key);
  if (!entry.row || !builtIn) return entry;
  const dates: Availability = Object.fromEntries(
    AVAILABILITY_FIELDS.flatMap((field) => (builtIn[field] ? [[field, builtIn[field]]] : [])),
  );
  return { ...entry, row: { ...dates, ...entry.row } };
}

interface SheetRow {
  readonly sheetRow: number;
  readonly key: string;
  /** Undefined when the row could not be read (it is named in a warning). */
  readonly row: CatalogRow | undefined;
  /** True for a model row whose scale cell is blank: its scale comes from its size. */
  readonly unscaled: boolean;
}

/**
 * The catalog every view uses: the built-in rows, each replaced by the sheet's row of the
 * same normalized name, plus the sheet's new rows in sheet order. Of two rows with one name
 * (ignoring case, spaces, "-" and "_") the LOWEST is used, so a row added under a table with
 * a built-in name overrides the built-in row as editing that row in place does; the rows it
 * overrides are named in a warning. A bad row is skipped with a warning naming its sheet
 * row, never read as zero; when the lowest row of a name is bad, no row of that name is
 * used (not even the built-in one: the user meant to change it). A blank "Also known as" on
 * a row with a built-in name keeps the built-in row's other names. A model row whose scale
 * is blank gets one from its parameters, interpolated as a size typed as a model is.
 */
export function readCatalogGrid(grid: readonly (readonly CellIn[])[]): SheetCatalog {
  checkLayout(grid);
  const warnings: string[] = [];
  const catalog = {} as Record<TableKey, CatalogRow[]>;
  const unscaled = new Map<CatalogRow, number>();
  const dated = hasAvailabilityBlock(grid);
  for (const spec of CATALOG_TABLES) {
    const entries = sheetRows(grid, spec, warnings, dated);
    const lowest = new Map<string, SheetRow>();
    for (const entry of entries) if (entry.key !== '') lowest.set(entry.key, entry);
    for (const entry of entries) {
      const winner = lowest.get(entry.key);
      // Managed rows of one name are one service's prices: managedPrices warns of repeats.
      if (winner && winner !== entry && entry.row && spec.key !== 'managed') {
        warnings.push(
          `${CATALOG_SHEET} row ${entry.sheetRow} (${spec.title}): "${entry.row.name}" is also in row ${winner.sheetRow} below; the lowest row of a name is used, so this row is not.`,
        );
      }
    }
    const builtIns: readonly CatalogRow[] = BUILT_IN_CATALOG[spec.key];
    const broken = new Set<string>();
    if (spec.key === 'managed') {
      for (const [key, winner] of lowest) if (!winner.row) broken.add(key);
      // A sheet made before the availability columns: a built-in service keeps its dates.
      const withDates = dated ? entries : entries.map((entry) => withBuiltInDates(entry));
      catalog.managed = managedPrices(withDates, warnings).filter(
        (row) => !broken.has(normalizeName(row.name)),
      );
      continue;
    }
    const rows = builtIns.slice();
    const builtInAt = new Map(builtIns.map((row, i) => [normalizeName(row.name), i] as const));
    for (const [key, winner] of lowest) {
      const at = builtInAt.get(key);
      if (!winner.row) {
        broken.add(key);
        continue;
      }
      const builtIn = at === undefined ? undefined : builtIns[at];
      // A sheet made before the availability columns: its built-in rows keep their dates.
      const row = withBuiltInAliases(dated ? winner.row : { ...builtIn, ...winner.row }, builtIn);
      if (winner.unscaled) unscaled.set(row, winner.sheetRow);
      if (at === undefined) rows.push(row);
      else rows[at] = row;
    }
    catalog[spec.key] = rows.filter((row) => !broken.has(normalizeName(row.name)));
  }
  const models = scaleFromSize(catalog.models as ModelRow[], unscaled, warnings);
  const read = checkReferences({ ...(catalog as unknown as Catalog), models }, warnings);
  const runs = readRuns(grid, new CatalogIndex(read));
  const staleAfterDays = staleAfterDaysOf(grid, warnings);
  return {
    catalog: read,
    warnings: [...warnings, ...runs.warnings],
    staleAfterDays,
    runs: runs.runs,
  };
}

/** The threshold in its cell; a cell that holds no number of days is warned about. */
function staleAfterDaysOf(grid: readonly (readonly CellIn[])[], warnings: string[]): number {
  const { row, column, a1 } = STALE_AFTER_CELL;
  const { days, problem } = readStaleAfterDays(grid[row - 1]?.[column - 1]);
  if (problem) warnings.push(`${CATALOG_SHEET} ${a1} (${STALE_AFTER_LABEL}) ${problem}.`);
  return days;
}

/** A table's non-blank rows in sheet order, parsed; a bad row is warned about. */
function sheetRows(
  grid: readonly (readonly CellIn[])[],
  spec: TableSpec,
  warnings: string[],
  dated: boolean,
): SheetRow[] {
  const datesOf = (r: number): object =>
    dated && AVAILABILITY_TABLES.includes(spec.key)
      ? readAvailability(grid, spec.key, r, warnings)
      : {};
  const entries: SheetRow[] = [];
  for (let r = CATALOG_FIRST_ROW; r <= grid.length; r++) {
    const cells = tableCells(grid, spec, r);
    if (cells.every(isBlankCell)) continue;
    const key = cellNameKey(cells[0]);
    try {
      const row = { ...parseRow(spec, cells), ...datesOf(r) };
      entries.push({
        sheetRow: r,
        key,
        row,
        unscaled: spec.key === 'models' && isBlankCell(cells[2]),
      });
    } catch (error) {
      // Named, so a function told that name is unknown can quote why (CatalogIndex notes).
      const named =
        typeof cells[0] === 'string' && cells[0].trim() !== '' ? `, "${cells[0].trim()}"` : '';
      warnings.push(
        `${CATALOG_SHEET} row ${r} (${spec.title}${named}): ${problemOf(error)}; the row is skipped.`,
      );
      // The sheet's formulas would read this broken row by its name; the engine must not
      // quietly use another row of that name instead.
      entries.push({ sheetRow: r, key, row: undefined, unscaled: false });
    }
  }
  return entries;
}

/** A managed row's price: its name, method and size limit (a row of each is used). */
function priceKey(row: ManagedFineTuningRow): string {
  return `${normalizeName(row.name)}|${normalizeName(row.method ?? '')}|${row.upToBillions ?? ''}`;
}

/**
 * The managed prices every view uses: rows of one name are one service's prices (by method
 * and size limit). The built-in prices, each replaced by the lowest good sheet row of the
 * same price, then the sheet's other prices in sheet order; a bad row is skipped (warned by
 * sheetRows) and a good row above it of the same price is used, as the sheet's bracket keys do.
 */
function managedPrices(entries: readonly SheetRow[], warnings: string[]): ManagedFineTuningRow[] {
  const lowest = new Map<string, { row: ManagedFineTuningRow; sheetRow: number }>();
  for (const entry of entries) {
    if (!entry.row) continue;
    const row = entry.row as ManagedFineTuningRow;
    const key = priceKey(row);
    const above = lowest.get(key);
    if (above) {
      warnings.push(
        `${CATALOG_SHEET} row ${above.sheetRow} (Managed fine-tuning): "${above.row.name}" has the same method and size limit in row ${entry.sheetRow} below; the lowest row of a price is used, so this row is not.`,
      );
    }
    lowest.set(key, { row, sheetRow: entry.sheetRow });
  }
  const prices = BUILT_IN_CATALOG.managed.map((row) => {
    const key = priceKey(row);
    const own = lowest.get(key);
    lowest.delete(key);
    return own ? (withBuiltInAliases(own.row, row) as ManagedFineTuningRow) : row;
  });
  return [...prices, ...[...lowest.values()].map((entry) => entry.row)];
}

function withBuiltInAliases(row: CatalogRow, builtIn: CatalogRow | undefined): CatalogRow {
  if (!builtIn?.aliases || (row.aliases && row.aliases.length > 0)) return row;
  return { ...row, aliases: builtIn.aliases };
}

/**
 * Model rows with a blank scale get the scale their size interpolates to among the rows
 * that have one (a finance user does not know a scale factor), with a note.
 */
function scaleFromSize(
  models: readonly ModelRow[],
  unscaled: ReadonlyMap<CatalogRow, number>,
  warnings: string[],
): ModelRow[] {
  if (unscaled.size === 0) return models.slice();
  const scaled = models.filter((row) => !unscaled.has(row));
  if (scaled.length === 0) {
    for (const [row, sheetRow] of unscaled) {
      warnings.push(
        `${CATALOG_SHEET} row ${sheetRow} (Models): "${row.name}" has no scale and no other model has one to interpolate from; the row is skipped.`,
      );
    }
    return [];
  }
  const index = new CatalogIndex({ ...BUILT_IN_CATALOG, models: scaled });
  return models.map((row) => {
    const sheetRow = unscaled.get(row);
    if (sheetRow === undefined) return row;
    const scale = index.scaleForSize(row.paramsBillions);
    warnings.push(
      `${CATALOG_SHEET} row ${sheetRow} (Models): "${row.name}" has no scale; ${formatScale(scale)} is used, interpolated from its ${row.paramsBillions}B parameters.`,
    );
    return { ...row, scale, scaleFromSize: true };
  });
}

function formatScale(scale: number): string {
  return String(Math.round(scale * 1000) / 1000);
}

/**
 * Providers must name a GPU of the GPUs table, managed rows an API of the APIs table (or
 * none: no serving price),
 * matched as every name is (ignoring case, spaces, "-" and "_": "a-100" is the A100, in
 * the engine and in the scenario sheet's MATCH alike): otherwise skipped with a warning.
 */
function checkReferences(catalog: Catalog, warnings: string[]): Catalog {
  const gpus = new Set(catalog.gpus.map((gpu) => normalizeName(gpu.name)));
  const apis = new Set(catalog.apis.map((api) => normalizeName(api.name)));
  const providers = catalog.providers.filter((row) => {
    if (gpus.has(normalizeName(row.gpu))) return true;
    warnings.push(
      `${CATALOG_SHEET} (GPU providers): "${row.name}" uses the GPU "${row.gpu}", which is not in the GPUs table; the row is skipped.`,
    );
    return false;
  });
  const managed = catalog.managed.filter((row) => {
    if (row.inferenceApi === '' || apis.has(normalizeName(row.inferenceApi))) return true;
    warnings.push(
      `${CATALOG_SHEET} (Managed fine-tuning): "${row.name}" uses the API "${row.inferenceApi}", which is not in the APIs table; the row is skipped.`,
    );
    return false;
  });
  return { ...catalog, providers, managed };
}
