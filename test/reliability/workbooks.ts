// The workbooks the "nothing lost" and "two at once" tests start from, and the
// checks that compare a workbook with its state before a run.
import { createWorkbook, deserializeWorkbook, DEFAULT_NUMBER_FORMAT } from '../../emulator';
import type { SerializedWorkbook, Workbook } from '../../emulator';
import { CATALOG_FIRST_ROW, CATALOG_SHEET, CATALOG_TABLES } from '../../src/addon/catalog-sheet';
import { BUILT_IN_CATALOG, normalizeName } from '../../src/engine';
import { execution } from './harness';

export const USER_MODEL = 'Mistral 7B';
export const USER_PROVIDER = 'Our cluster';
export const USER_API = 'In-house gateway';

/** User sheets with values, formulas, formats, a date and text that looks like a formula. */
function addUserSheets(workbook: Workbook): void {
  workbook.write('Budget', 'A1', [
    ['Item', 'Cost'],
    ['GPUs', 1200],
    ['Labels', 300],
    ['Total', '=SUM(B2:B3)'],
    ["'=not a formula", "'+1"],
  ]);
  const budget = workbook.rawSheet('Budget');
  budget.getRange(2, 2, 3, 1).setNumberFormats([['$#,##0.00'], ['$#,##0.00'], ['$#,##0.00']]);
  budget.getRange(1, 1, 1, 2).setFontWeights([['bold', 'bold']]);
  budget.setFrozenRows(1);
  workbook.write('Notes', 'A1', [['Keep this'], [new Date(Date.UTC(2026, 0, 1))], [true]]);
}

function tableColumn(key: string): number {
  const spec = CATALOG_TABLES.find((candidate) => candidate.key === key);
  if (!spec) throw new Error(`no catalog table ${key}`);
  return spec.firstColumn;
}

/** A1 of a catalog table's cell: table `key`, its row `row`, its column `offset` (0 = Name). */
function catalogA1(key: string, row: number, offset = 0): string {
  let column = tableColumn(key) + offset;
  let letters = '';
  while (column > 0) {
    const rest = (column - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    column = Math.floor((column - 1) / 26);
  }
  return `${letters}${row}`;
}

/** The first blank row under a catalog table. */
function rowUnder(workbook: Workbook, key: string): number {
  const values = workbook.values(CATALOG_SHEET);
  const column = tableColumn(key) - 1;
  let row = CATALOG_FIRST_ROW;
  while (row <= values.length && values[row - 1][column] !== '') row++;
  return row;
}

/** Adds user rows under the catalog's tables (as a user types them: text labels with an apostrophe). */
export function addUserCatalogRows(workbook: Workbook, hostileNames: readonly string[] = []): void {
  const models = [[USER_MODEL, 7.3, 1.05, 'Our benchmark', '2026-02-01']];
  for (const [i, name] of hostileNames.entries()) {
    models.push([`'${name}`, 20 + i, 3, 'user', '2026-02-01']);
  }
  workbook.write(CATALOG_SHEET, catalogA1('models', rowUnder(workbook, 'models')), models);
  workbook.write(CATALOG_SHEET, catalogA1('providers', rowUnder(workbook, 'providers')), [
    [USER_PROVIDER, 'H100', 1.5, 'amortized', 'Finance', '2026-02-01'],
  ]);
  workbook.write(CATALOG_SHEET, catalogA1('apis', rowUnder(workbook, 'apis')), [
    [USER_API, 0.002, 0.008, 'Contract', '2026-02-01'],
  ]);
}

/** Blanks a built-in row of a table, as an older or trimmed catalog sheet would lack it. */
function removeBuiltInRow(workbook: Workbook, key: string, name: string, width: number): void {
  const values = workbook.values(CATALOG_SHEET);
  const column = tableColumn(key) - 1;
  const index = values.findIndex((row) => row[column] === name);
  if (index < 0) throw new Error(`no ${name} row in the catalog sheet`);
  workbook.write(CATALOG_SHEET, catalogA1(key, index + 1), [new Array<string>(width).fill('')]);
}

/** A user API row below everything else on the catalog sheet, then the blank rows deleted. */
function withoutSpareRows(data: SerializedWorkbook): SerializedWorkbook {
  const book = deserializeWorkbook(data);
  const lastRow = book.values(CATALOG_SHEET).length + 1;
  book.write(CATALOG_SHEET, catalogA1('apis', lastRow), [
    ['Backup gateway', 0.001, 0.004, 'Contract', '2026-02-01'],
  ]);
  const sheet = book.rawSheet(CATALOG_SHEET);
  sheet.deleteRows(lastRow + 1, sheet.getMaxRows() - lastRow);
  return book.serialize();
}

export interface Bases {
  /** User sheets, a user-extended catalog lacking one built-in API row, and a previous scenario. */
  readonly full: SerializedWorkbook;
  /**
   * `full` with one more user API row on the catalog sheet's last row and no rows below
   * it: putting Grok back needs a row added at the bottom of the sheet.
   */
  readonly noSpareRows: SerializedWorkbook;
  /** The same catalog with every built-in row. */
  readonly completeCatalog: SerializedWorkbook;
  /** User sheets only: no catalog sheet yet. */
  readonly noCatalog: SerializedWorkbook;
  /** A user's own sheet that happens to be called like the catalog sheet. */
  readonly foreignCatalog: SerializedWorkbook;
  /** The name of the previous scenario sheet in `full`. */
  readonly previousScenario: string;
}

let cached: Bases | undefined;

export function bases(): Bases {
  if (cached) return cached;
  const noCatalogBook = createWorkbook({ sheets: ['Budget'] });
  addUserSheets(noCatalogBook);
  const noCatalog = noCatalogBook.serialize();

  const book = deserializeWorkbook(noCatalog);
  const setup = execution(book);
  setup.run('insertCatalogSheet');
  addUserCatalogRows(book);
  const previous = setup.run('generateScenario', {
    model: USER_MODEL,
    provider: USER_PROVIDER,
    api: USER_API,
    horizonMonths: 24,
  }) as { sheetName: string };
  const completeCatalog = book.serialize();
  // The user trimmed the API table: Grok's row is gone, the user's own API row stays below.
  removeBuiltInRow(book, 'apis', 'Grok', 5);
  const full = book.serialize();
  const noSpareRows = withoutSpareRows(full);

  const foreignBook = deserializeWorkbook(noCatalog);
  foreignBook.write(CATALOG_SHEET, 'A1', [
    ['My own catalog', 'Price'],
    ['Pens', 2],
  ]);
  const foreignCatalog = foreignBook.serialize();
  cached = {
    full,
    noSpareRows,
    completeCatalog,
    noCatalog,
    foreignCatalog,
    previousScenario: previous.sheetName,
  };
  return cached;
}

/** A fresh copy of a base workbook, with the call counter at zero. */
export function fresh(data: SerializedWorkbook): Workbook {
  const workbook = deserializeWorkbook(data);
  workbook.resetCalls();
  return workbook;
}

export type Fingerprints = ReadonlyMap<string, string>;

export function fingerprints(workbook: Workbook): Fingerprints {
  return new Map(workbook.sheetNames().map((name) => [name, workbook.fingerprint(name)]));
}

/** The sheets whose fingerprint differs from `before` (pre-existing sheets only), and the catalog apart. */
export function changedSheets(
  before: Fingerprints,
  workbook: Workbook,
  except: string[] = [],
): string[] {
  const now = new Set(workbook.sheetNames());
  const changed: string[] = [];
  for (const [name, print] of before) {
    if (except.includes(name)) continue;
    if (!now.has(name)) changed.push(`${name} (deleted)`);
    else if (workbook.fingerprint(name) !== print) changed.push(name);
  }
  return changed;
}

interface Grids {
  readonly values: unknown[][];
  readonly formulas: string[][];
  readonly formats: string[][];
  readonly weights: string[][];
  readonly backgrounds: string[][];
}

export function catalogGrids(workbook: Workbook): Grids {
  return {
    values: workbook.values(CATALOG_SHEET),
    formulas: workbook.formulas(CATALOG_SHEET),
    formats: workbook.numberFormats(CATALOG_SHEET),
    weights: workbook.fontWeights(CATALOG_SHEET),
    backgrounds: workbook.backgrounds(CATALOG_SHEET),
  };
}

const BUILT_IN_NAMES = new Set(
  Object.values(BUILT_IN_CATALOG).flatMap((rows: readonly { name: string }[]) =>
    rows.map((row) => normalizeName(row.name)),
  ),
);

/**
 * What changed in the catalog sheet that may not: every cell that held anything is
 * as it was; a cell that changed was blank, lies below its table's last row, and is
 * part of a built-in row appended there.
 */
export function catalogViolations(before: Grids, after: Grids): string[] {
  const problems: string[] = [];
  const cellOf = (grids: Grids, r: number, c: number): string =>
    JSON.stringify([
      grids.values[r]?.[c] ?? '',
      grids.formulas[r]?.[c] ?? '',
      grids.formats[r]?.[c] ?? DEFAULT_NUMBER_FORMAT,
      grids.weights[r]?.[c] ?? 'normal',
      grids.backgrounds[r]?.[c] ?? '#ffffff',
    ]);
  const blank = JSON.stringify(['', '', DEFAULT_NUMBER_FORMAT, 'normal', '#ffffff']);
  const rows = Math.max(before.values.length, after.values.length);
  const columns = Math.max(before.values[0]?.length ?? 0, after.values[0]?.length ?? 0);
  const lastRow = (key: string, width: number): number => {
    const first = tableColumn(key) - 1;
    let last = 0;
    before.values.forEach((row, r) => {
      if (row.slice(first, first + width).some((value) => value !== '')) last = r + 1;
    });
    return last;
  };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const old = cellOf(before, r, c);
      if (old === cellOf(after, r, c)) continue;
      const where = `row ${r + 1}, column ${c + 1}`;
      if (old !== blank) {
        problems.push(`${where} held ${old} and now holds ${cellOf(after, r, c)}`);
        continue;
      }
      const spec = CATALOG_TABLES.find(
        (candidate) =>
          c + 1 >= candidate.firstColumn &&
          c + 1 < candidate.firstColumn + candidate.columns.length,
      );
      if (!spec) {
        problems.push(`${where} is outside every table`);
        continue;
      }
      if (r + 1 <= lastRow(spec.key, spec.columns.length)) {
        problems.push(`${where} is inside the ${spec.title} table, not below it`);
        continue;
      }
      const name = after.values[r][spec.firstColumn - 1];
      if (typeof name !== 'string' || !BUILT_IN_NAMES.has(normalizeName(name))) {
        problems.push(
          `${where} is in an appended row that is not a built-in row (${String(name)})`,
        );
      }
    }
  }
  return problems;
}
