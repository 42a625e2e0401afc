// The catalog sheet's lookup keys (issue 22): right of the tables, per table three columns of
// formulas, so that every scenario lookup is a plain exact MATCH (or a MATCH over one short
// array) that Sheets, Excel and LibreOffice compute alike, with the engine's rules for what
// matches. Each key sits in its own table row's row, so inserting, deleting or moving
// catalog rows moves the keys with them (a key row that listed another row would be cut
// from it):
//   row key    the name's key (catalogKey: a name typed as a number is a name too);
//   name key   the row key where the reader uses the row: the lowest row of that name (no
//              row below has the key), and not a row it skips as bad (catalog/rows.ts), else
//              blank; so each name key is in one row only, and MATCH finds it;
//   other keys ",alias,alias," of a row whose name key is set (Also known as).
// What the reader calls bad is written here a second time, as formulas: the round-trip and
// catalog tests check that the two agree.
import {
  aliasColumn,
  bracketColumns,
  CATALOG_FIRST_ROW,
  CATALOG_TABLES,
  catalogColumn,
  catalogTable,
  KEY_COLUMN_COUNT,
  KEY_LAST_ROW,
  keyColumns,
  KEYS_TITLE,
} from '../catalog-sheet';
import type { TableKey } from '../catalog-sheet';
import { catalogKey, powerOfTen } from '../lookup-formulas';
import { NO_SIZE_LIMIT } from '../../engine';

/** A cell of the row a key row lists, by its column in the table (0 = Name). */
type Cell = (column: number) => string;

const positive = (cell: string): string => `IFERROR(VALUE(${cell})>0,FALSE())`;
const nonNegative = (cell: string): string => `AND(${cell}<>"",IFERROR(VALUE(${cell})>=0,FALSE()))`;
/** A name the reader checks against another table: that table's name key column has it. */
const named = (cell: string, table: TableKey): string => {
  const column = keyColumns(table).name;
  return `AND(${cell}<>"",ISNUMBER(MATCH(${catalogKey(cell)},$${column}$${CATALOG_FIRST_ROW}:$${column}$${KEY_LAST_ROW},0)))`;
};
/** What the reader requires of each column (catalog/rows.ts), by letter: see CHECKS. */
const CHECKS: Readonly<Record<string, (cell: string) => string>> = {
  p: positive,
  n: nonNegative,
  f: (cell) => `IFERROR(AND(VALUE(${cell})>0,VALUE(${cell})<=1),FALSE())`,
  // A blank scale is read from the size (scaleFromSize).
  s: (cell) => `OR(${cell}="",${positive(cell)})`,
  g: (cell) => named(cell, 'gpus'),
  // A managed row's inference API: blank (no serving price cited) or an API row.
  a: (cell) => `OR(${cell}="",${named(cell, 'apis')})`,
  r: (cell) => `ISNUMBER(FIND(","&${catalogKey(cell)}&",",",,ondemand,spot,amortized,"))`,
  // Optional: blank, or positive (a size limit) or at least 0 (a charge); '-' is not checked.
  o: (cell) => `OR(${cell}="",${positive(cell)})`,
  b: (cell) => `OR(${cell}="",IFERROR(VALUE(${cell})>=0,FALSE()))`,
  '-': () => 'TRUE()',
};
/** The checks of a table's columns 1, 2, ... (catalog/rows.ts reads them so). */
const ROW_RULES: Readonly<Record<TableKey, string>> = {
  models: 'ps',
  methods: 'ppnfn',
  gpus: 'ppp',
  providers: 'gnr',
  apis: 'nn',
  // Price, inference API; Source, As of, Also known as, Method; size limit, minimum, hosting.
  managed: 'na----obb',
};

/** The three key formulas of a table's key row. */
function rowFormulas(table: TableKey, keyRow: number): string[] {
  const cell: Cell = (column) => `$${catalogColumn(table, column)}${keyRow}`;
  const { row: rowKey, name } = keyColumns(table);
  const own = `${rowKey}${keyRow}`;
  // No row below has this key: the lowest row of its name (relative, so it moves with rows).
  const lowest =
    keyRow === KEY_LAST_ROW
      ? 'TRUE()'
      : `ISNA(MATCH(${own},${rowKey}${keyRow + 1}:$${rowKey}$${KEY_LAST_ROW},0))`;
  const checks = ROW_RULES[table].split('').map((check, i) => CHECKS[check](cell(i + 1)));
  const good = `IFERROR(AND(${checks.join(',')}),FALSE())`;
  const nameKey = `${name}${keyRow}`;
  return [
    `=IFERROR(IF(${cell(0)}="","",${catalogKey(cell(0))}),"")`,
    `=IF(${own}="","",IF(AND(${lowest},${good}),${own},""))`,
    `=IF(${nameKey}="","",","&${catalogKey(cell(aliasColumn(catalogTable(table))))}&",")`,
  ];
}

/**
 * The managed table's bracket columns in a row (src/engine/managed.ts): the bracket key
 * "service|method|size limit" of a good row no good row below repeats (the lowest good row of
 * a price wins; a row for every method has an empty method), and its size limit (1E+300 for
 * every size). The scenario's price lookup (lookup-formulas.ts, bracketLookup) reads them.
 */
function bracketFormulas(keyRow: number): string[] {
  const cell: Cell = (column) => `$${catalogColumn('managed', column)}${keyRow}`;
  const { key } = bracketColumns();
  const own = `${keyColumns('managed').row}${keyRow}`;
  const checks = ROW_RULES.managed.split('').map((check, i) => CHECKS[check](cell(i + 1)));
  const bracket = `${own}&"|"&${catalogKey(cell(6))}&"|"&${cell(7)}`;
  const unrepeated =
    keyRow === KEY_LAST_ROW
      ? 'TRUE()'
      : `ISNA(MATCH(${bracket},${key}${keyRow + 1}:$${key}$${KEY_LAST_ROW},0))`;
  return [
    `=IFERROR(IF(AND(${own}<>"",${checks.join(',')},${unrepeated}),${bracket},""),"")`,
    `=IF(${key}${keyRow}="","",IF(${cell(7)}="",${powerOfTen(NO_SIZE_LIMIT)},VALUE(${cell(7)})))`,
  ];
}

/**
 * The key columns' cells from the catalog's title row: a title, headers, then the formulas
 * of rows CATALOG_FIRST_ROW to KEY_LAST_ROW, KEY_COLUMN_COUNT wide (one setFormulas: text
 * without "=" is written as text).
 */
export function keyColumnGrid(): string[][] {
  const titles = new Array<string>(KEY_COLUMN_COUNT).fill('');
  titles[0] = KEYS_TITLE;
  const grid = [
    titles,
    [
      ...CATALOG_TABLES.flatMap((spec) =>
        ['key', 'name key', 'other names'].map((what) => `${spec.title} ${what}`),
      ),
      'Managed fine-tuning bracket key',
      'Managed fine-tuning size limit',
    ],
  ];
  for (let keyRow = CATALOG_FIRST_ROW; keyRow <= KEY_LAST_ROW; keyRow++) {
    grid.push([
      ...CATALOG_TABLES.flatMap((spec) => rowFormulas(spec.key, keyRow)),
      ...bracketFormulas(keyRow),
    ]);
  }
  return grid;
}
