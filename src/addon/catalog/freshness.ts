// How the catalog sheet shows a price's age (issue 20, item 4): the threshold's cell in row 1,
// a column of ages per price table right of the lookup keys (formulas, in each table row's
// own row), and one conditional formatting rule that colours a stale As of cell. Both are
// the engine's definitions (src/engine/freshness.ts) rendered over the catalog's own cells,
// so the sheet marks exactly the rows the scenario and the sidebar flag.
import { E, isStalePrice, only, PRICE_TABLES, priceAgeDays, render } from '../../engine';
import type { Expr, RenderEnv } from '../../engine';
import {
  AS_OF,
  CATALOG_FIRST_ROW,
  catalogTable,
  columnLetter,
  KEY_LAST_ROW,
  STALE_AFTER_CELL,
} from '../catalog-sheet';
import { READINGS } from '../scenario/formulas';
import { abs } from '../scenario/places';

/** The title over the first age column: how a sheet that has the ages is known. */
export const AGES_TITLE = 'Price age in days (by the add-in)';
/** A stale As of cell's colour (light orange). */
export const STALE_BACKGROUND = '#fce5cd';

/** A freshness definition rendered over one As of cell and the threshold's cell. */
const renderOver = (expr: Expr, asOf: string): string =>
  render(
    expr,
    only<RenderEnv>({
      cell: () => asOf,
      read: (how, value) => READINGS[how](value),
      catalogSetting: () => abs(STALE_AFTER_CELL.column, STALE_AFTER_CELL.row),
    }),
  );

/** A price table's As of column (the managed table has price columns after Also known as). */
const asOfColumn = (table: (typeof PRICE_TABLES)[number]): number => {
  const spec = catalogTable(table);
  return spec.firstColumn + spec.columns.indexOf(AS_OF);
};

/**
 * The age columns' cells from the catalog's title row: a title, the headers, then per row
 * the age of each price table's row there ('' for a row without a date): one setFormulas.
 */
export function ageColumnGrid(): string[][] {
  const asOf = E.cell('asOf');
  const age = E.if(E.eq(asOf, ''), '', E.iferror(priceAgeDays(asOf), ''));
  const grid = [
    [AGES_TITLE, '', ''],
    PRICE_TABLES.map((table) => `${catalogTable(table).title} age`),
  ];
  for (let row = CATALOG_FIRST_ROW; row <= KEY_LAST_ROW; row++) {
    grid.push(
      PRICE_TABLES.map((table) => renderOver(age, `$${columnLetter(asOfColumn(table))}${row}`)),
    );
  }
  return grid;
}

/**
 * The rule that colours a stale As of cell: one rule (one range, one builder) over the price
 * tables, its formula relative to their top-left cell, true in an As of cell whose price is
 * stale. Three calls: the builder, the range, and the caller's setConditionalFormatRules.
 */
export function staleRule(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const { a1, formula } = staleRuleSpec();
  return SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(STALE_BACKGROUND)
    .setRanges([sheet.getRange(a1)])
    .build();
}

/** The rule's range and formula (exported for the tests, which evaluate the formula). */
export function staleRuleSpec(): { a1: string; formula: string } {
  const managed = catalogTable('managed');
  const topLeft = `${columnLetter(catalogTable('providers').firstColumn)}${CATALOG_FIRST_ROW}`;
  const columns = PRICE_TABLES.map((table) => `COLUMN(${topLeft})=${asOfColumn(table)}`);
  const stale = renderOver(isStalePrice(priceAgeDays(E.cell('asOf'))), topLeft).slice(1);
  return {
    a1: `${topLeft}:${columnLetter(managed.firstColumn + managed.columns.length - 1)}${KEY_LAST_ROW}`,
    formula: `=AND(OR(${columns.join(',')}),${stale})`,
  };
}
