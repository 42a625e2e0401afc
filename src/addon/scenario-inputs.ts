// Reading a scenario sheet's inputs back (the sidebar loads them to make a variant).
import { SCENARIO_FIELDS } from '../engine';
import type { ScenarioInputsResponse } from '../shared/contract';
import { INPUT_FIRST_ROW } from './scenario-layout';

/**
 * The inputs of the active sheet when it is a scenario sheet (its Inputs block lists the
 * engine's fields, in order), so the sidebar can load them and make a variant; null for any
 * other sheet. Values come back as the cells hold them: numbers, text, '' for a blank.
 */
export function readScenarioInputs(): ScenarioInputsResponse | null {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getActiveSheet();
  const first = INPUT_FIRST_ROW;
  if (sheet.getLastRow() < first + SCENARIO_FIELDS.length - 1) return null;
  const rows = sheet.getRange(first, 1, SCENARIO_FIELDS.length, 2).getValues();
  const input: Record<string, string | number> = {};
  for (const [i, field] of SCENARIO_FIELDS.entries()) {
    const [label, value] = rows[i];
    // A sheet made before the start date (issue 20) lacks that last input: its default.
    if (label !== field.label && field.key === 'startDate') continue;
    if (label !== field.label) return null;
    if (Object.prototype.toString.call(value) === '[object Date]') {
      const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
      input[field.key] = Utilities.formatDate(value as Date, zone, 'yyyy-MM-dd');
    } else if (typeof value === 'number' || typeof value === 'string') input[field.key] = value;
    else if (typeof value === 'boolean') input[field.key] = String(value).toUpperCase();
    else input[field.key] = '';
  }
  return { sheetName: sheet.getName(), input };
}
