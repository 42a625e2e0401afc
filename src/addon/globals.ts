// The add-on's Apps Script entry points, exported by src/index.ts. Each is a plain
// function with its JSDoc, which scripts/build.mjs copies above the top-level stub.
import type {
  CatalogResponse,
  CatalogSheetResult,
  CompareResult,
  ScenarioInputsResponse,
  ScenarioSummary,
} from '../shared/contract';
import * as compare from './compare';
import {
  buildMenu,
  compareFromMenu,
  insertCatalogSheetWithToast,
  newScenarioWithDefaults,
  openFunctionReference,
  openSidebar,
  recalculateWithMessage,
} from './menu';
import { formatGridAfterEdit } from './grid-format';
import { fillRunRowsAfterEdit } from './catalog/run-rows';
import { isCatalogEdit, refreshFtFormulas } from './refresh';
import * as server from './server';

/**
 * Adds the menu when the spreadsheet opens; reads nothing (works in AuthMode.NONE).
 *
 * @param {Object} e The open event (the menu is the same in every auth mode).
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildMenu();
}

/**
 * Adds the menu right after the add-on is installed, as onOpen would on the next open.
 *
 * @param {Object} e The install event.
 */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  void e;
  buildMenu();
}

/**
 * Simple trigger: after an edit of the FT Catalog sheet, gives runs typed there their
 * computed columns and enters the FT_* formulas again; after a scenario's "Grid shows" is set, gives its grid that choice's number format.
 *
 * @param {Object} e The edit event.
 */
export function onEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  formatGridAfterEdit(e);
  if (!isCatalogEdit(e) || !e?.range) return;
  fillRunRowsAfterEdit(e.range);
  refreshFtFormulas(e?.source ?? SpreadsheetApp.getActiveSpreadsheet());
}

/** Menu: Recalculate FT_* formulas. Enters every FT_* formula again and says how many. */
export function recalculateFtFormulas(): void {
  recalculateWithMessage();
}

/** Menu: Open calculator. Shows the sidebar (dist/Sidebar.html). */
export function showSidebar(): void {
  openSidebar();
}

/** Menu: New scenario sheet (with defaults). Shows an alert if it fails. */
export function newScenarioSheet(): void {
  newScenarioWithDefaults();
}

/** Menu: Function reference. A dialog listing the FT_* custom functions. */
export function showFunctionReference(): void {
  openFunctionReference();
}

/** Menu: Insert catalog sheet. Says what it did in a toast (or why it failed in an alert). */
export function insertCatalogSheetFromMenu(): void {
  insertCatalogSheetWithToast();
}

/**
 * Sidebar: the inputs of the active sheet when it is a scenario sheet, to load into the form.
 *
 * @return {Object} The sheet name and its inputs by field, or null for another sheet.
 */
export function getScenarioInputs(): ScenarioInputsResponse | null {
  return server.getScenarioInputs();
}

/**
 * Menu and sidebar: inserts the catalog sheet, or adds the built-in rows an existing
 * one lacks below each table, never changing a row that is there.
 *
 * @return {Object} The sheet name, whether it was created, rows added and warnings.
 */
export function insertCatalogSheet(): CatalogSheetResult {
  return server.insertCatalogSheet();
}

/**
 * Sidebar: the built-in catalog merged with the user's rows of the catalog sheet.
 *
 * @return {Object} The catalog and a warning for each user row that could not be read.
 */
export function getCatalog(): CatalogResponse {
  return server.getCatalog();
}

/**
 * Sidebar: writes a new scenario sheet of live formulas and returns the engine's numbers.
 *
 * @param {Object} input Scenario fields (model, examples, method, provider, horizonMonths, ...); missing ones take defaults.
 * @param {Object} options Optional: { cases: false } leaves the best and worst cases blank.
 * @return {Object} The sheet name and the scenario's key numbers.
 */
export function generateScenario(input?: unknown, options?: unknown): ScenarioSummary {
  return server.generateScenario(input, options);
}

/**
 * Sidebar: writes or refreshes the "FT Compare" sheet, a row of live references per
 * scenario sheet and a chart of break-even months.
 *
 * @return {Object} The name of the compare sheet.
 */
export function compareScenarios(): CompareResult {
  return compare.compareScenarios();
}

/** Menu: Compare scenarios. Writes or refreshes the compare sheet; shows an alert if it fails. */
export function compareScenariosFromMenu(): void {
  compareFromMenu();
}
