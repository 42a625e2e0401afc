// How the catalog sheet shows a price's age (issue 20, item 4): the threshold's setting cell
// in row 1, a column of ages per price table right of the lookup keys (formulas, in each
// table row's own row), and one conditional formatting rule that colours a stale As of cell.
// The age and the rule are the engine's definitions (src/engine/freshness.ts) rendered over
// the catalog's own cells, so the sheet marks exactly the rows the scenario and sidebar flag.
import {
  DEFAULT_STALE_AFTER_DAYS,
  E,
  isStalePrice,
  PRICE_TABLES,
  priceAgeDays,
  render,
} from '../../engine';
import type { Expr, RenderEnv } from '../../engine';
import {
  CATALOG_FIRST_ROW,
  CATALOG_SETTINGS,
  CATALOG_TABLES,
  catalogColumn,
  catalogTable,
  columnLetter,
  KEY_COLUMN_COUNT,
  KEY_FIRST_COLUMN,
  KEY_LAST_ROW,
} from '../catalog-sheet';
import type { TableKey } from '../catalog-sheet';
import { READINGS } from '../scenario/formulas';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The ages' columns: right of the lookup keys, one per price table. */
export const AGE_FIRST_COLUMN = KEY_FIRST_COLUMN + KEY_COLUMN_COUNT;
export const AGE_COLUMN_COUNT = PRICE_TABLES.length;
/** The title over the first age column: how a sheet that has the ages is known. */
export const AGES_TITLE = 'Price age in days (by the add-in)';
/** A stale As of cell's colour (light orange, as Sheets' palette names it). */
export const STALE_BACKGROUND = '#fce5cd';

/** The setting's cell, as a same-sheet absolute reference ($X$1). */
function settingRef(): string {
  const { row, column } = CATALOG_SETTINGS.staleAfterDays;
  return `$${columnLetter(column)}$${row}`;
}

/** Renders a freshness definition over one catalog cell (the As of cell it is given). */
function renderOver(expr: Expr, asOf: string): string {
  const outside = (): never => {
    throw new Error('catalog freshness: only an As of cell and the setting are read');
  };
  const env: RenderEnv = {
    input: outside,
    inputLabel: outside,
    metric: outside,
    cell: () => asOf,
    column: outside,
    catalogRow: outside,
    catalogPrefix: outside,
    field: outside,
    read: (how, value) => READINGS[how](value),
    catalogSetting: settingRef,
  };
  return render(expr, env);
}

/** A price table's As of column letter (its column before Also known as). */
function asOfLetter(table: TableKey): string {
  return catalogColumn(table, catalogTable(table).columns.length - 2);
}

/** The setting's cell as the note names it: X1. */
export function settingAddress(): string {
  const { row, column } = CATALOG_SETTINGS.staleAfterDays;
  return `${columnLetter(column)}${row}`;
}

/** The settings in row 1, by 0-based column: the label, then the value (the default). */
export function settingCells(): ReadonlyMap<number, string | number> {
  const { column, label } = CATALOG_SETTINGS.staleAfterDays;
  return new Map<number, string | number>([
    [column - 2, label],
    [column - 1, DEFAULT_STALE_AFTER_DAYS],
  ]);
}

/**
 * The age columns' cells from the catalog's title row: a title, the headers, then per row the
 * age of each price table's row there ('' for a row without a date): one setFormulas.
 */
export function ageColumnGrid(): string[][] {
  const titles = new Array<string>(AGE_COLUMN_COUNT).fill('');
  titles[0] = AGES_TITLE;
  const grid = [titles, PRICE_TABLES.map((table) => `${catalogTable(table).title} age`)];
  for (let row = CATALOG_FIRST_ROW; row <= KEY_LAST_ROW; row++) {
    grid.push(
      PRICE_TABLES.map((table) => {
        const asOf = E.cell('asOf');
        return renderOver(
          E.if(E.eq(asOf, ''), '', E.iferror(priceAgeDays(asOf), '')),
          `$${asOfLetter(table)}${row}`,
        );
      }),
    );
  }
  return grid;
}

/**
 * The conditional formatting rule's range and formula: one rule over the price tables' block
 * (one range, one builder), its formula relative to the block's top-left cell, true in an As
 * of cell whose price is stale.
 */
export function staleRuleSpec(): { a1: string; formula: string } {
  const first = Math.min(...PRICE_TABLES.map((table) => catalogTable(table).firstColumn));
  const last = Math.max(
    ...CATALOG_TABLES.filter((spec) => PRICE_TABLES.includes(spec.key)).map(
      (spec) => spec.firstColumn + spec.columns.length - 1,
    ),
  );
  const topLeft = `${columnLetter(first)}${CATALOG_FIRST_ROW}`;
  const asOfColumns = PRICE_TABLES.map(
    (table) =>
      `COLUMN(${topLeft})=${catalogTable(table).firstColumn + catalogTable(table).columns.length - 2}`,
  );
  const stale = renderOver(isStalePrice(priceAgeDays(E.cell('asOf'))), topLeft).slice(1);
  return {
    a1: `${topLeft}:${columnLetter(last)}${KEY_LAST_ROW}`,
    formula: `=AND(OR(${asOfColumns.join(',')}),${stale})`,
  };
}

/** The rule that colours stale As of cells (two calls: the builder and the range). */
export function staleRule(sheet: Sheet): GoogleAppsScript.Spreadsheet.ConditionalFormatRule {
  const { a1, formula } = staleRuleSpec();
  return SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground(STALE_BACKGROUND)
    .setRanges([sheet.getRange(a1)])
    .build();
}
