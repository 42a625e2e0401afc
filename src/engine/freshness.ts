// How old a catalog price is, and when it is stale (issue 20, item 4). Written once as
// expressions: the engine evaluates them (sidebar, catalog notes, the scenario's Check
// column) and the sheets render them (the scenario's formulas, the catalog sheet's
// conditional formatting), so a row is stale in one place exactly when it is in the others.
// "Today" is never read here: the caller gives it (a clock), so tests pin it.
import { serialOfDate } from './dates';
import { E, evaluate, only, SheetError, toNumber } from './expr';
import type { EvalEnv, Expr, TableKey, Value } from './expr';

/** A price older than this many days is stale, unless the catalog sheet's setting says otherwise. */
export const DEFAULT_STALE_AFTER_DAYS = 180;

/** The catalog tables whose rows are prices (the others are specifications that do not drift). */
export const PRICE_TABLES: readonly TableKey[] = ['providers', 'apis', 'managed'];

/**
 * The 'dayNumber' reading: a date cell (a serial number) as its day (INT: a time of day
 * dropped); text of 10 characters or more read as YYYY-MM-DD by its parts,
 * DATE(VALUE(LEFT(t,4)),VALUE(MID(t,6,2)),VALUE(MID(t,9,2))) (src/addon/lookup-formulas.ts);
 * #N/A for shorter text (Sheets would read a missing part as 0), #VALUE! for text whose parts
 * are not numbers.
 */
export function dayNumberOf(value: Value): Value {
  if (typeof value === 'number') return Math.floor(value);
  if (typeof value !== 'string' || value.length < 10) {
    return value instanceof SheetError ? value : new SheetError('#N/A');
  }
  const parts = [value.slice(0, 4), value.slice(5, 7), value.slice(8, 10)].map(toNumber);
  const bad = parts.find((part) => part instanceof SheetError);
  return bad ?? serialOfDate(...(parts as [number, number, number]));
}

/** The threshold as the setting cell holds it: a number of days 0 or more, else the default. */
const thresholdOf = (cell: Expr): Expr =>
  E.if(E.and(E.isNumber(cell), E.ge(cell, 0)), cell, DEFAULT_STALE_AFTER_DAYS);

/** The staleness threshold in days: the catalog sheet's setting cell, read as above. */
export const staleAfterDays = (): Expr => thresholdOf(E.catalogSetting('staleAfterDays'));

/** Whole days from a price's As of date (a date cell, or text YYYY-MM-DD...) to today. */
export const priceAgeDays = (asOf: Expr): Expr => E.sub(E.today(), E.read('dayNumber', asOf));

/**
 * TRUE when a price of this age (priceAgeDays) is stale: it has an age, and it is more days
 * than the threshold (so at exactly the threshold it is still fresh). FALSE for a price with
 * no date, or with text that is no date: nothing to say about its age.
 */
export const isStalePrice = (age: Expr, threshold: Expr = staleAfterDays()): Expr =>
  E.iferror(E.and(E.isNumber(age), E.gt(age, threshold)), 0);

/**
 * How a note starts in a scenario's Check column: something to know that is not an input
 * problem (the results still show). The input check skips a check that starts so.
 */
export const NOTE_START = 'Note: ';

/**
 * The Check column's note on a stale price the scenario uses, from the cells of its As of
 * date, its age and the threshold: '' while the price is fresh. `price` names it ("its price").
 */
export const stalePriceNote = (asOf: Expr, age: Expr, threshold: Expr, price = 'its price'): Expr =>
  E.if(
    isStalePrice(age, threshold),
    E.concat(
      `${NOTE_START}${price} is `,
      age,
      ' days old (as of ',
      asOf,
      '), past the ',
      threshold,
      "-day limit in the FT Catalog sheet: check today's price",
    ),
    '',
  );

/** The definitions above evaluated for one As of text, on a given day, with a given threshold. */
const evaluateFor = (expr: Expr, asOf: string, today: string, days: number): Value =>
  evaluate(
    expr,
    only<EvalEnv>({
      cell: () => asOf,
      read: (_how, value) => dayNumberOf(value),
      today: () => dayNumberOf(today),
      catalogSetting: () => days,
    }),
  );

/** The age of the one As of cell evaluateFor gives. */
const age = (): Expr => priceAgeDays(E.cell('asOf'));

/** A price's age in whole days on `today` (YYYY-MM-DD), or undefined when it has no date. */
export function priceAge(asOf: string, today: string): number | undefined {
  const days = evaluateFor(age(), asOf, today, DEFAULT_STALE_AFTER_DAYS);
  return typeof days === 'number' ? days : undefined;
}

/** True when a price as of `asOf` is older than `days` on `today` (see isStalePrice). */
export function isStale(asOf: string, today: string, days = DEFAULT_STALE_AFTER_DAYS): boolean {
  return evaluateFor(isStalePrice(age()), asOf, today, days) === true;
}

/**
 * The threshold a catalog sheet's setting cell gives (blank: the default), and a problem when
 * the cell holds something else than a number of days 0 or more (then the default is used,
 * as the sheet's formulas do).
 */
export function readStaleAfterDays(cell: unknown): { days: number; problem?: string } {
  if (cell === '' || cell === null || cell === undefined) {
    return { days: DEFAULT_STALE_AFTER_DAYS };
  }
  if (typeof cell === 'number' && Number.isFinite(cell) && cell >= 0) return { days: cell };
  return {
    days: DEFAULT_STALE_AFTER_DAYS,
    problem: `must be a number of days, 0 or more, got ${JSON.stringify(cell)}; ${DEFAULT_STALE_AFTER_DAYS} is used`,
  };
}
