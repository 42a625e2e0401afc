// The add-on menu, the sidebar opener and the function reference dialog.
import { compareScenarios } from './compare';
import { refreshFtFormulas } from './refresh';
import { generateScenario, insertCatalogSheet } from './server';
import { messageOf } from '../shared/message';

const TITLE = 'Fine-tuning cost';

/**
 * Builds the add-on menu. Touches no document: onOpen runs in AuthMode.NONE until the
 * add-on is used in this document, and only the Ui is allowed there.
 */
export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open calculator', 'showSidebar')
    .addItem('New scenario sheet (with defaults)', 'newScenarioSheet')
    .addItem('Insert catalog sheet', 'insertCatalogSheetFromMenu')
    .addItem('Compare scenarios', 'compareScenariosFromMenu')
    .addItem('Recalculate FT_* formulas', 'recalculateFtFormulas')
    .addItem('Function reference', 'showFunctionReference')
    .addToUi();
}

export function openSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(TITLE);
  SpreadsheetApp.getUi().showSidebar(page);
}

/** The menu's "New scenario sheet": the defaults; a failure is shown, not swallowed. */
export function newScenarioWithDefaults(): void {
  try {
    generateScenario({});
  } catch (error) {
    SpreadsheetApp.getUi().alert(`${TITLE}: ${messageOf(error)}`);
  }
}

/** The menu's "Compare scenarios": shows the compare sheet; a failure is shown, not swallowed. */
export function compareFromMenu(): void {
  try {
    const { sheetName } = compareScenarios();
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName)?.activate();
  } catch (error) {
    SpreadsheetApp.getUi().alert(`${TITLE}: ${messageOf(error)}`);
  }
}

/** The menu's "Insert catalog sheet": says what it did in a toast, or why it failed in an alert. */
export function insertCatalogSheetWithToast(): void {
  try {
    const result = insertCatalogSheet();
    const done = result.created
      ? `Made the ${result.sheetName} sheet with ${result.rowsAdded} built-in rows.`
      : result.rowsAdded > 0
        ? `Added ${result.rowsAdded} missing built-in row(s) to the ${result.sheetName} sheet; your rows are as they were.`
        : `The ${result.sheetName} sheet already has every built-in row; nothing was changed.`;
    const skipped =
      result.warnings.length > 0
        ? ` ${result.warnings.length} of your rows could not be read (the sidebar lists them).`
        : '';
    SpreadsheetApp.getActiveSpreadsheet().toast(done + skipped, TITLE, 8);
  } catch (error) {
    SpreadsheetApp.getUi().alert(`${TITLE}: ${messageOf(error)}`);
  }
}

/** The menu's "Recalculate FT_* formulas": refreshes them and says how many cells it entered again. */
export function recalculateWithMessage(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    const count = refreshFtFormulas(SpreadsheetApp.getActiveSpreadsheet());
    ui.alert(
      count === 0
        ? `${TITLE}: no cell holds an FT_* formula.`
        : `${TITLE}: recalculated the FT_* formulas (${count} cell(s) entered again).`,
    );
  } catch (error) {
    ui.alert(`${TITLE}: could not recalculate the FT_* formulas: ${messageOf(error)}`);
  }
}

/** The Function reference dialog: dist/Reference.html, written by scripts/build.mjs from the JSDoc. */
export function openFunctionReference(): void {
  const page = HtmlService.createHtmlOutputFromFile('Reference').setWidth(640).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(page, `${TITLE} functions`);
}
