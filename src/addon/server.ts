// What the sidebar (google.script.run), the menu and the FT_* functions call, each a thin
// entry into the module that does the work. Every SpreadsheetApp / HtmlService call of the
// add-in lives in src/addon. Nothing here runs at load time: Apps Script evaluates global
// code on every call, and in onOpen's AuthMode.NONE a global that touched the document
// would fail.
import type { Catalog, MeasuredRun } from '../engine';
import type {
  CatalogResponse,
  CatalogSheetResult,
  ScenarioInputsResponse,
  ScenarioSummary,
} from '../shared/contract';
import { readCatalogState } from './catalog/state';
import { updateCatalogSheet } from './catalog/write';
import { withDocumentLock } from './document-lock';
import { readScenarioInputs } from './scenario-inputs';
import { writeScenarioSheet } from './scenario-sheet';

/**
 * The catalog for the sidebar: the built-in rows merged with the user's rows of the
 * catalog sheet, and a warning for each user row that could not be read.
 */
export function getCatalog(): CatalogResponse {
  const state = readCatalogState(SpreadsheetApp.getActiveSpreadsheet());
  return {
    catalog: state.catalog,
    warnings: state.warnings.slice(),
    staleAfterDays: state.staleAfterDays,
    runs: state.runs.slice(),
  };
}

/**
 * The catalog for a custom function: the catalog sheet's rows merged with the built-in
 * ones, or undefined without a catalog sheet or outside Apps Script (node, tests). Four
 * SpreadsheetApp calls (spreadsheet, sheet, data range, values) whatever the sheet holds;
 * it only reads, as a custom function must.
 */
export function readActiveCatalog():
  | {
      catalog: Catalog;
      warnings: readonly string[];
      staleAfterDays: number;
      runs: readonly MeasuredRun[];
    }
  | undefined {
  if (typeof SpreadsheetApp === 'undefined') return undefined;
  const state = readCatalogState(SpreadsheetApp.getActiveSpreadsheet());
  const { catalog, warnings, staleAfterDays, runs } = state;
  return state.sheet ? { catalog, warnings, staleAfterDays, runs } : undefined;
}

/**
 * Inserts the catalog sheet, or adds the built-in rows an existing one lacks below each
 * table; never overwrites or reorders a row that is there.
 */
export function insertCatalogSheet(): CatalogSheetResult {
  return withDocumentLock(updateCatalogSheet);
}

/**
 * Writes a new scenario sheet for `input` (fields left out take their defaults) as live
 * formulas over its inputs and the catalog sheet (created first when missing), and
 * returns the engine's numbers. Invalid input throws the engine's message before
 * anything is written; a failure half-way removes what this run created.
 */
export function generateScenario(input?: unknown, options?: unknown): ScenarioSummary {
  return withDocumentLock(() => writeScenarioSheet(input, options));
}

/**
 * The inputs of the active sheet when it is a scenario sheet, so the sidebar can load them
 * and make a variant; null for any other sheet.
 */
export function getScenarioInputs(): ScenarioInputsResponse | null {
  return readScenarioInputs();
}
