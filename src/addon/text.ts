// How user text reaches a cell. Sheets reads text written with setValues as a user's
// typing: "=x" becomes a formula, "+1" a number, "-x" a formula, "2026-01-01" a date.
// A leading apostrophe makes Sheets keep the rest as text and is not shown, so every
// string the add-in writes as a label goes through asText. Decision: the apostrophe,
// not a '@' (plain text) number format, because the format would also turn numbers the
// user later types into those cells into text.

const READ_AS_SOMETHING_ELSE =
  /^[=+\-@'\s]|^(true|false)$|^[\d.$%,()/:\s-]+$|^[\d.]+e[+-]?\d+$|^[\d:\s]+[ap]\.?m?\.?\s*$/i;
/** "Jan 2", "2 March 2026", "Sept. 5, 26": text with a month's name that Sheets reads as a date. */
const MONTH_DATE =
  /^\s*((\d{1,2}\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(\s+\d{1,2})?(,?\s+\d{2,4})?)\s*$/i;

/** A string that Sheets shows exactly as given, whatever it starts with. */
export function asText(text: string): string {
  return READ_AS_SOMETHING_ELSE.test(text) || MONTH_DATE.test(text) ? `'${text}` : text;
}

/** A string for a formula, quotes doubled: the expression layer's own string literal. */
export { stringLiteral as formulaString } from '../engine';

/** A sheet name for a formula reference: 'My sheet'!A1, quotes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
