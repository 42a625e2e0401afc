// Keeps FT_* results in step with the catalog sheet. Sheets recomputes a custom function
// only when its formula is entered or its arguments change, and a catalog row is never an
// argument: after a catalog edit every FT_* formula is entered again. Two TextFinder
// replacements over the whole spreadsheet do it, whatever the number of formulas: "FT_"
// becomes a marker (the formula then names an unknown function for a moment), then the
// marker becomes "FT_" again, so every formula ends exactly as it was, re-entered.
import { CATALOG_SHEET } from './catalog-sheet';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const FUNCTION_PREFIX = 'FT_';
/**
 * Stands in for "FT_" between the two replacements. Fixed (not random) so that a run that
 * failed between them is repaired by the next run; it contains no "FT_", and it is matched
 * case-sensitively, so ordinary text never holds it.
 */
export const REFRESH_MARKER = 'ZZFTRECALCZZ';

/** SpreadsheetApp calls of one refresh: createTextFinder, matchCase, matchFormulaText, replaceAllWith, twice. */
export const REFRESH_CALLS = 8;

function replaceAll(spreadsheet: Spreadsheet, find: string, replace: string): number {
  return spreadsheet
    .createTextFinder(find)
    .matchCase(true)
    .matchFormulaText(true)
    .replaceAllWith(replace);
}

/**
 * Enters every FT_* formula of the spreadsheet again, so Sheets recomputes it with the
 * catalog as it is now. Formulas keep their text; text cells holding "FT_" are rewritten to
 * the same text. Returns the number of cells holding "FT_".
 */
export function refreshFtFormulas(spreadsheet: Spreadsheet): number {
  const count = replaceAll(spreadsheet, FUNCTION_PREFIX, REFRESH_MARKER);
  replaceAll(spreadsheet, REFRESH_MARKER, FUNCTION_PREFIX);
  return count;
}

/** True when an edit is in the catalog sheet (sheet names are unique ignoring case). */
export function isCatalogEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): boolean {
  if (!e || !e.range) return false;
  return e.range.getSheet().getName().toLowerCase() === CATALOG_SHEET.toLowerCase();
}
