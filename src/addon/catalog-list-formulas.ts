// The key cells of a scenario table that lists catalog rows (providers, methods, the model
// matrix): formulas over the FT Catalog sheet's name column, so the table follows the
// catalog after the scenario was made. A row whose name is no longer in the catalog turns
// blank (its columns with it, see scenario/table.ts) instead of showing #N/A, and spare rows
// below list the rows added under the catalog table since. No ARRAYFORMULA, and only what
// Sheets, Excel 2016+ and LibreOffice evaluate alike (INDEX, MATCH over the catalog's lookup
// keys, COUNTIF with its wildcards escaped): a downloaded .xlsx keeps them.
import { columnLetter } from '../shared/a1';
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

/** COUNTIF's criterion for exactly `text`: "=" first (no < > = operator), ~ * ? escaped. */
function exactly(text: string): string {
  return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(${text},"~","~~"),"*","~*"),"?","~?")`;
}

/** Where a table's key cells are: their column, first row and how many (spare rows too). */
export interface KeyCells {
  readonly keyColumn: number;
  readonly firstRow: number;
  readonly rows: number;
}

/**
 * The key cells of a table over the catalog table `table`, whose last taken row is
 * `catalogEnd`. First the `names` it is made with, each the catalog's spelling of the name
 * in the row the engine uses, blank once no row has it (deleted or renamed). Then spare
 * rows: each reads a catalog row below `catalogEnd`, and is blank when that row is blank or
 * names a row listed above it.
 */
export function liveKeys(
  table: TableKey,
  names: readonly string[],
  keys: KeyCells,
  catalogEnd: number,
): string[] {
  const letter = columnLetter(keys.keyColumn);
  const top = `$${letter}$${keys.firstRow}`;
  return Array.from({ length: keys.rows }, (_, i) => {
    if (i < names.length) {
      return `=IFNA(${catalogField(table, 'name', nameText(names[i]), true)},"")`;
    }
    const name = `IFERROR(INDEX(${catCol(table, 0)},${catalogEnd + 1 + i - names.length})&"","")`;
    const above = `${top}:$${letter}${keys.firstRow + i - 1}`;
    return `=IF(OR(${name}="",COUNTIF(${above},${exactly(name)})>0),"",${name})`;
  });
}
