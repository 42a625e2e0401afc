// The catalog a custom-function call looks names up in: the spreadsheet's FT Catalog sheet
// merged with the built-in rows, read at most once per call and only when a name (or a
// size, which interpolates over the catalog's models) is read. Nothing is read at load
// time: Apps Script evaluates the script for every call.
import { builtInIndex, CatalogIndex, InputError } from '../engine';
import { readActiveCatalog } from '../addon/server';
import { messageOf } from '../shared/message';

let current: CatalogIndex | undefined;
let failure: InputError | undefined;

/**
 * Forgets the previous call's catalog: each call reads the sheet afresh, so a call made
 * after a catalog edit sees it (the same global may serve several calls).
 */
export function beginCall(): void {
  current = undefined;
  failure = undefined;
}

/** The index of this call's catalog; a sheet that cannot be read is an error, read once. */
export function catalogIndex(): CatalogIndex {
  if (failure) throw failure;
  if (!current) {
    try {
      const sheet = readActiveCatalog();
      current = sheet
        ? new CatalogIndex(sheet.catalog, sheet.warnings, sheet.staleAfterDays, sheet.runs)
        : builtInIndex();
    } catch (error) {
      failure = new InputError('catalog', `the catalog could not be read: ${messageOf(error)}`);
      throw failure;
    }
  }
  return current;
}
