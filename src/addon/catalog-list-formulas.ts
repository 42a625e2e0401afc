// The key cells of a scenario table that lists catalog rows (providers, methods, the model
// matrix): formulas over the FT Catalog sheet's name column, so the table follows the
// catalog after the scenario was made. A row whose name is no longer in the catalog turns
// blank (its columns with it, see scenario/table.ts) instead of showing #N/A, and spare rows
// below list the rows added under the catalog table since. No ARRAYFORMULA: each cell reads
// one catalog cell or one exact XLOOKUP (no wildcards, the lowest row of a name wins).
import { catalogField, catCol } from './lookup-formulas';
import type { TableKey } from './catalog-sheet';
import { formulaString } from './text';

/**
 * A name as a formula's text: a string literal, its quotes as CHAR(34) (Sheets also reads a
 * doubled quote, HyperFormula, which the tests and the playground evaluate with, does not).
 */
function nameText(name: string): string {
  return name
    .split('"')
    .map((part) => formulaString(part))
    .join('&CHAR(34)&');
}

/**
 * A row the scenario was made with: the catalog's spelling of `name` in its lowest row,
 * blank once no row has that name (deleted or renamed).
 */
export function listedName(table: TableKey, name: string): string {
  return `=IFNA(${catalogField(table, 0, nameText(name))},"")`;
}

/** Where a spare row of a live table looks in the catalog. */
export interface SpareRow {
  /** The table's key cells above this row, e.g. $P$5:$P17 (a name listed there is not again). */
  readonly keysAbove: string;
  /** The key cells of the rows the scenario was made with, e.g. $P$5:$P$17. */
  readonly listed: string;
  /** The catalog row this spare row reads while none of the listed rows is deleted. */
  readonly catalogRow: number;
}

/**
 * A spare row: the name in the catalog row it reads, blank when that is blank or a name
 * listed above. Each listed row deleted from the catalog (its key blank) moves the rows
 * below it up one, so the catalog row read moves up as many.
 */
export function addedName(table: TableKey, spare: SpareRow): string {
  // The listed rows now blank, counted with FILTER (no ARRAYFORMULA; FILTER finds none: 0).
  const deleted = `IFERROR(ROWS(FILTER(${spare.listed},${spare.listed}="")),0)`;
  const row = `${spare.catalogRow}-${deleted}`;
  const name = `IFERROR(INDEX(${catCol(table, 0)},${row}),"")`;
  const listedAbove = `ISNA(XLOOKUP(${name},${spare.keysAbove},${spare.keysAbove},NA(),0,-1))`;
  return `=IF(OR(${name}="",NOT(${listedAbove})),"",${name})`;
}
