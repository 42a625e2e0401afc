// Issue 20: the Managed fine-tuning input's dropdown lists each service once. The catalog's
// managed table has a row per price (a service's size brackets and methods), so its name
// column names a service several times. This column, beside the lookups, shows a service's
// name in the sheet row of its name key (catalog/keys.ts: the lowest good row of a name, so
// one row per name) and a blank elsewhere, live over the catalog sheet: a service added there
// is listed, a deleted one goes. Sheets' dropdown leaves blank cells out.
import {
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  catalogColumn,
  KEY_LAST_ROW,
  keyColumns,
} from '../catalog-sheet';
import { formulaString, sheetRef } from '../text';
import type { Block } from './block';
import { a1Of } from '../sheet-ranges';
import type { Places } from './places';

/**
 * The list's column (D: the inputs' Check column, below the inputs, right of the lookups'
 * notes), first row and rows: one per key row.
 */
export function servicesListPlace(places: Places): { row: number; column: number; rows: number } {
  return { row: places.lookupTitleRow + 1, column: 4, rows: KEY_LAST_ROW - CATALOG_FIRST_ROW + 1 };
}

/** The list's cells as an A1 range of the scenario sheet (the dropdown's source). */
export function servicesListA1(places: Places): string {
  const { row, column, rows } = servicesListPlace(places);
  return a1Of(row, column, rows, 1);
}

/** Writes the list's title and its formulas into the block's grid. */
export function writeServicesList(block: Block): void {
  const { row, column, rows } = servicesListPlace(block.places);
  const cat = sheetRef(CATALOG_SHEET);
  const nameKey = keyColumns('managed').name;
  const name = catalogColumn('managed', 0);
  // Its title is a formula too: with the Check column's formulas above, the column stays one
  // block of formulas (one setFormulas), however the layout grows.
  block.grid.set(row - 1, column, `=${formulaString('Managed services (dropdown)')}`);
  for (let i = 0; i < rows; i++) {
    const r = CATALOG_FIRST_ROW + i;
    block.grid.set(row + i, column, `=IF(${cat}!$${nameKey}${r}="","",${cat}!$${name}${r}&"")`);
  }
}
