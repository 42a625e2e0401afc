// The catalog sheet: the built-in catalog laid out as tables side by side (models,
// methods, GPUs, providers, APIs, managed fine-tuning), each with a title in row 2,
// its headers in row 3 and its rows from row 4 down, so a user adds a row under any
// table without touching another. Scenario formulas look rows up by name over whole
// columns, so rows the user adds count. Reading it back gives the catalog the engine
// uses: built-in rows, overridden by the sheet's rows of the same name, plus new rows.
import { columnLetter } from '../shared/a1';
import {
  BUILT_IN_CATALOG,
  CatalogIndex,
  InputError,
  checkNumber,
  describeValue,
  cellErrorCode,
  normalizeName,
  parseNumberValue,
} from '../engine';
import type {
  ApiRow,
  Catalog,
  GpuRow,
  ManagedFineTuningRow,
  MethodRow,
  ModelRow,
  NumberRule,
  PricingKind,
  ProviderRow,
} from '../engine';
import { messageOf } from '../shared/message';
import { asText } from './text';

export const CATALOG_SHEET = 'FT Catalog';
export const CATALOG_TITLE_ROW = 2;
export const CATALOG_HEADER_ROW = 3;
export const CATALOG_FIRST_ROW = 4;

export type TableKey = keyof Catalog;

type CellIn = unknown;
type CellOut = string | number;

interface TableSpec {
  readonly key: TableKey;
  readonly title: string;
  readonly firstColumn: number;
  /** Column headers; the first is always Name. */
  readonly columns: readonly string[];
}

const SOURCE = 'Source';
const AS_OF = 'As of';
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
    ],
  },
];

/** Columns the catalog sheet needs (a new sheet has 26). */
export const CATALOG_COLUMNS = 41;

function table(key: TableKey): TableSpec {
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
  const spec = table(key);
  return [spec.title, spec.columns[0], ALSO_KNOWN_AS];
}

/** The start of the sheet's note, in row 1 of the models' name column. */
export const NOTE_START = 'Fine-tuning cost catalog.';

/** The column letter of a catalog table's column, for scenario formulas. */
export function catalogColumn(key: TableKey, header: number): string {
  return columnLetter(table(key).firstColumn + header);
}

/** A built-in row as the cells of its table, in column order. */
function rowCells(key: TableKey, catalog: Catalog, index: number): CellOut[] {
  return [...rowFigures(key, catalog, index), (catalog[key][index].aliases ?? []).join(', ')];
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
 * The whole catalog sheet as grids of values and font weights (one write each). Number
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
    values.push(new Array<CellOut>(CATALOG_COLUMNS).fill(''));
    weights.push(
      new Array<'bold' | 'normal'>(CATALOG_COLUMNS).fill(
        r < CATALOG_HEADER_ROW ? 'bold' : 'normal',
      ),
    );
  }
  values[0][0] =
    `${NOTE_START} Add a row under any table (name first); FT_* functions, scenario sheets and the sidebar read every row. ` +
    'Of two rows with one name the lowest is used, so a row you add with a built-in name overrides it. ' +
    'Also known as: other names, separated by commas. Keep the source and the date you took the figures.';
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
      present.add(nameKey(cells[0]));
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

function checkLayout(grid: readonly (readonly CellIn[])[]): void {
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

function tableCells(grid: readonly (readonly CellIn[])[], spec: TableSpec, row: number): CellIn[] {
  const source = grid[row - 1] ?? [];
  const cells: CellIn[] = [];
  for (let i = 0; i < spec.columns.length; i++) {
    const value = source[spec.firstColumn - 1 + i];
    cells.push(value === undefined || value === null ? '' : value);
  }
  return cells;
}

function isBlankCell(value: CellIn): boolean {
  return value === '' || value === null || value === undefined;
}

export interface SheetCatalog {
  readonly catalog: Catalog;
  readonly warnings: string[];
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
  return {
    catalog: checkReferences({ ...(catalog as unknown as Catalog), models }, warnings),
    warnings,
  };
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
    const key = nameKey(cells[0]);
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

/** A name cell as the engine's lookups key it ("" for a cell that names nothing). */
function nameKey(cell: CellIn): string {
  return typeof cell === 'string' || typeof cell === 'number' ? normalizeName(String(cell)) : '';
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

function problemOf(error: unknown): string {
  return error instanceof InputError ? error.problem : messageOf(error);
}

function parseRow(spec: TableSpec, cells: readonly CellIn[]): Catalog[TableKey][number] {
  const header = (i: number): string => spec.columns[i];
  const num = (i: number, rule: NumberRule): number => {
    const value = cells[i];
    const parsed = parseNumberValue(value);
    if (parsed === undefined) {
      const code = cellErrorCode(value);
      throw new InputError(
        header(i),
        code
          ? `${header(i)} is the cell error ${code}`
          : `${header(i)} must be a number, got ${describeValue(value)}`,
      );
    }
    checkNumber(header(i), parsed, rule, value);
    return parsed;
  };
  const text = (i: number, required: boolean): string => {
    const value = cells[i];
    if (typeof value === 'number') return String(value);
    if (Object.prototype.toString.call(value) === '[object Date]') return isoDate(value as Date);
    if (typeof value !== 'string' || (required && value.trim() === '') || cellErrorCode(value)) {
      if (!required && isBlankCell(value)) return '';
      throw new InputError(header(i), `${header(i)} must be text, got ${describeValue(value)}`);
    }
    // Trimmed: names match ignoring spaces, in the scenario sheet's formulas as in the engine.
    return value.trim();
  };
  const name = text(0, true);
  if (normalizeName(name) === '') {
    // It would match text such as "-" typed for any name, and a blank cell in the sheet.
    throw new InputError(
      header(0),
      `${header(0)} must have more than spaces, "-" and "_", got ${describeValue(name)}`,
    );
  }
  const aliasText = text(spec.columns.length - 1, false);
  const aliases = aliasText
    .split(',')
    .map((alias) => alias.trim())
    .filter((alias) => normalizeName(alias) !== '');
  // Source, As of and Also known as are the last three columns of every table.
  const sourced = (sourceAt: number): { source: string; asOf: string; aliases?: string[] } => ({
    source: text(sourceAt, false),
    asOf: text(sourceAt + 1, false),
    ...(aliases.length > 0 ? { aliases } : {}),
  });
  switch (spec.key) {
    case 'models': {
      const row: ModelRow = {
        name,
        paramsBillions: num(1, 'positive'),
        // Blank: filled in from the size by readCatalogGrid (scaleFromSize).
        scale: isBlankCell(cells[2]) ? 0 : num(2, 'positive'),
        ...sourced(3),
      };
      return row;
    }
    case 'methods': {
      const row: MethodRow = {
        name,
        timeFactor: num(1, 'positive'),
        flopsPerParamToken: num(2, 'positive'),
        weightBytesPerParam: num(3, 'nonNegative'),
        trainableFraction: num(4, 'fraction'),
        stateBytesPerTrainableParam: num(5, 'nonNegative'),
        ...sourced(6),
      };
      return row;
    }
    case 'gpus': {
      const row: GpuRow = {
        name,
        peakTflopsBf16: num(1, 'positive'),
        memoryGb: num(2, 'positive'),
        speedVsH100: num(3, 'positive'),
        ...sourced(4),
      };
      return row;
    }
    case 'providers': {
      const row: ProviderRow = {
        name,
        gpu: text(1, true),
        pricePerGpuHour: num(2, 'nonNegative'),
        pricing: pricing(text(3, false)),
        ...sourced(4),
      };
      return row;
    }
    case 'apis': {
      const row: ApiRow = {
        name,
        inputPricePer1K: num(1, 'nonNegative'),
        outputPricePer1K: num(2, 'nonNegative'),
        ...sourced(3),
      };
      return row;
    }
    case 'managed': {
      const row: ManagedFineTuningRow = {
        name,
        pricePer1MTrainingTokens: num(1, 'nonNegative'),
        inferenceApi: text(2, true),
        ...sourced(3),
      };
      return row;
    }
  }
}

function pricing(text: string): PricingKind {
  const kinds: readonly PricingKind[] = ['on-demand', 'spot', 'amortized'];
  if (text === '') return 'on-demand';
  const found = kinds.find((kind) => normalizeName(kind) === normalizeName(text));
  if (!found) {
    throw new InputError(
      'Pricing',
      `Pricing must be on-demand, spot or amortized, got ${describeValue(text)}`,
    );
  }
  return found;
}

function isoDate(date: Date): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
