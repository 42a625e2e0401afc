// Reading the catalog sheet: the catalog every view uses, from the built-in rows and the
// sheet's rows (each parsed by catalog/rows.ts), with a warning for each row not used.
import { BUILT_IN_CATALOG, CatalogIndex, normalizeName } from '../../engine';
import type { Catalog, MeasuredRun, ModelRow } from '../../engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  CATALOG_TABLES,
  cellNameKey,
  checkLayout,
  isBlankCell,
  tableCells,
} from '../catalog-sheet';
import type { CellIn, TableKey, TableSpec } from '../catalog-sheet';
import { parseRow, problemOf } from './rows';
import { readRuns } from './runs';

export interface SheetCatalog {
  readonly catalog: Catalog;
  readonly warnings: string[];
  /** The Measured runs table's runs (none on a sheet made before it). */
  readonly runs: readonly MeasuredRun[];
}

type CatalogRow = Catalog[TableKey][number];

/** One non-blank row of a table in the sheet: its row number, name key and parsed row. */
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
  for (const spec of CATALOG_TABLES) {
    const entries = sheetRows(grid, spec, warnings);
    const lowest = new Map<string, SheetRow>();
    for (const entry of entries) if (entry.key !== '') lowest.set(entry.key, entry);
    for (const entry of entries) {
      const winner = lowest.get(entry.key);
      if (winner && winner !== entry && entry.row) {
        warnings.push(
          `${CATALOG_SHEET} row ${entry.sheetRow} (${spec.title}): "${entry.row.name}" is also in row ${winner.sheetRow} below; the lowest row of a name is used, so this row is not.`,
        );
      }
    }
    const builtIns: readonly CatalogRow[] = BUILT_IN_CATALOG[spec.key];
    const rows = builtIns.slice();
    const builtInAt = new Map(builtIns.map((row, i) => [normalizeName(row.name), i] as const));
    const broken = new Set<string>();
    for (const [key, winner] of lowest) {
      const at = builtInAt.get(key);
      if (!winner.row) {
        broken.add(key);
        continue;
      }
      const row = withBuiltInAliases(winner.row, at === undefined ? undefined : builtIns[at]);
      if (winner.unscaled) unscaled.set(row, winner.sheetRow);
      if (at === undefined) rows.push(row);
      else rows[at] = row;
    }
    catalog[spec.key] = rows.filter((row) => !broken.has(normalizeName(row.name)));
  }
  const models = scaleFromSize(catalog.models as ModelRow[], unscaled, warnings);
  const read = checkReferences({ ...(catalog as unknown as Catalog), models }, warnings);
  const runs = readRuns(grid, new CatalogIndex(read));
  return { catalog: read, warnings: [...warnings, ...runs.warnings], runs: runs.runs };
}

/** A table's non-blank rows in sheet order, parsed; a bad row is warned about. */
function sheetRows(
  grid: readonly (readonly CellIn[])[],
  spec: TableSpec,
  warnings: string[],
): SheetRow[] {
  const entries: SheetRow[] = [];
  for (let r = CATALOG_FIRST_ROW; r <= grid.length; r++) {
    const cells = tableCells(grid, spec, r);
    if (cells.every(isBlankCell)) continue;
    const key = cellNameKey(cells[0]);
    try {
      const row = parseRow(spec, cells);
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
 * Providers must name a GPU of the GPUs table, managed rows an API of the APIs table,
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
    if (apis.has(normalizeName(row.inferenceApi))) return true;
    warnings.push(
      `${CATALOG_SHEET} (Managed fine-tuning): "${row.name}" uses the API "${row.inferenceApi}", which is not in the APIs table; the row is skipped.`,
    );
    return false;
  });
  return { ...catalog, providers, managed };
}
