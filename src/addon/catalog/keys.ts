// The catalog sheet's lookup keys (issue 22): right of the tables, per table three columns of
// formulas, so that every scenario lookup is a plain exact MATCH (or a MATCH over one short
// array) that Sheets, Excel and LibreOffice compute alike, with the engine's rules for what
// matches. Each column lists the table's rows BOTTOM ROW FIRST (key row h holds table row
// CATALOG_FIRST_ROW + KEY_LAST_ROW - h), so MATCH's first hit is the lowest row, the one the
// reader uses of two rows with one name:
//   row key    the name's key (catalogKey: a name typed as a number is a name too);
//   name key   the row key where the reader uses the row: its lowest row of that name, and
//              not a row it skips as bad (catalog/rows.ts), else blank;
//   other keys ",alias,alias," of a row whose name key is set (Also known as).
// What the reader calls bad is written here a second time, as formulas: the round-trip and
// catalog tests check that the two agree.
import {
  CATALOG_FIRST_ROW,
  CATALOG_TABLES,
  catalogColumn,
  KEY_COLUMN_COUNT,
  KEY_LAST_ROW,
  keyColumns,
  KEYS_TITLE,
} from '../catalog-sheet';
import type { TableKey } from '../catalog-sheet';
import { catalogKey } from '../lookup-formulas';

/** A table's cell of row `row`, by its column in the table (0 = Name). */
type Cell = (column: number) => string;

const positive = (cell: string): string => `IFERROR(VALUE(${cell})>0,FALSE())`;
const nonNegative = (cell: string): string => `AND(${cell}<>"",IFERROR(VALUE(${cell})>=0,FALSE()))`;
const fraction = (cell: string): string =>
  `IFERROR(AND(VALUE(${cell})>0,VALUE(${cell})<=1),FALSE())`;
/** A name the reader checks against another table: that table's name key column has it. */
const named = (cell: string, table: TableKey): string => {
  const column = keyColumns(table).name;
  return `AND(${cell}<>"",ISNUMBER(MATCH(${catalogKey(cell)},$${column}$${CATALOG_FIRST_ROW}:$${column}$${KEY_LAST_ROW},0)))`;
};

/** What the catalog reader requires of a row (catalog/rows.ts), as conditions on its cells. */
const ROW_RULES: Readonly<Record<TableKey, (cell: Cell) => string[]>> = {
  // A blank scale is read from the size (scaleFromSize).
  models: (cell) => [positive(cell(1)), `OR(${cell(2)}="",${positive(cell(2))})`],
  methods: (cell) => [
    positive(cell(1)),
    positive(cell(2)),
    nonNegative(cell(3)),
    fraction(cell(4)),
    nonNegative(cell(5)),
  ],
  gpus: (cell) => [positive(cell(1)), positive(cell(2)), positive(cell(3))],
  providers: (cell) => [
    named(cell(1), 'gpus'),
    nonNegative(cell(2)),
    `ISNUMBER(FIND(","&${catalogKey(cell(3))}&",",",,ondemand,spot,amortized,"))`,
  ],
  apis: (cell) => [nonNegative(cell(1)), nonNegative(cell(2))],
  managed: (cell) => [nonNegative(cell(1)), named(cell(2), 'apis')],
};

/** The last column of every table is Also known as. */
function aliasColumn(table: TableKey): number {
  const spec = CATALOG_TABLES.find((candidate) => candidate.key === table);
  if (!spec) throw new Error(`No catalog table ${table}`);
  return spec.columns.length - 1;
}

/** The table row a key row lists (bottom row first). */
export function listedRow(keyRow: number): number {
  return CATALOG_FIRST_ROW + KEY_LAST_ROW - keyRow;
}

/** The three key formulas of a table's key row. */
function rowFormulas(table: TableKey, keyRow: number): string[] {
  const row = listedRow(keyRow);
  const cell: Cell = (column) => `$${catalogColumn(table, column)}${row}`;
  const { row: rowKey, name } = keyColumns(table);
  const own = `${rowKey}${keyRow}`;
  const rowKeys = `$${rowKey}$${CATALOG_FIRST_ROW}:$${rowKey}$${KEY_LAST_ROW}`;
  const good = `IFERROR(AND(${ROW_RULES[table](cell).join(',')}),FALSE())`;
  const nameKey = `${name}${keyRow}`;
  return [
    `=IFERROR(IF(${cell(0)}="","",${catalogKey(cell(0))}),"")`,
    // Its first listing is its lowest row.
    `=IF(${own}="","",IF(AND(MATCH(${own},${rowKeys},0)=${keyRow - CATALOG_FIRST_ROW + 1},${good}),${own},""))`,
    `=IF(${nameKey}="","",","&${catalogKey(cell(aliasColumn(table)))}&",")`,
  ];
}

/**
 * The key columns' cells: two header rows (the catalog's title and header rows) and the
 * formulas of rows CATALOG_FIRST_ROW to KEY_LAST_ROW, KEY_COLUMN_COUNT wide.
 */
export function keyColumnGrids(): { headers: string[][]; formulas: string[][] } {
  const titles = new Array<string>(KEY_COLUMN_COUNT).fill('');
  titles[0] = KEYS_TITLE;
  const headers = CATALOG_TABLES.flatMap((spec) => [
    `${spec.title}: row key (bottom row first)`,
    `${spec.title}: name key`,
    `${spec.title}: other names`,
  ]);
  const formulas: string[][] = [];
  for (let keyRow = CATALOG_FIRST_ROW; keyRow <= KEY_LAST_ROW; keyRow++) {
    formulas.push(CATALOG_TABLES.flatMap((spec) => rowFormulas(spec.key, keyRow)));
  }
  return { headers: [titles, headers], formulas };
}
