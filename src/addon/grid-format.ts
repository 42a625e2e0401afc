// The two-way grid's number format follows its "Grid shows" selector: months for the
// break-even, dollars for the NPV. Sheets' conditional formatting cannot set a number format,
// so the onEdit simple trigger sets it when the selector of a scenario sheet is edited (a
// copy without the add-in keeps the last format; its numbers stay right). The scenario's
// marker records where its selector and grid are, so a sheet of an older layout is found too.
import { GRID_SHOWS } from '../engine';
import { recordedCells } from './compare';
import { SCENARIO_METADATA_KEY } from './markers';
import { gridFormatOf } from './scenario/grid';

/**
 * After an edit: when it set a scenario sheet's "Grid shows" cell, the grid takes that
 * choice's number format. Anything else returns before any call beyond reading the event.
 */
export function formatGridAfterEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): void {
  const shows = String(e?.value ?? '');
  const choice = shows.trim().toLowerCase();
  if (!e?.range || !Object.values(GRID_SHOWS).some((one) => one.toLowerCase() === choice)) return;
  const sheet = e.range.getSheet();
  const marker = sheet
    .getDeveloperMetadata()
    .find((metadata) => metadata.getKey() === SCENARIO_METADATA_KEY);
  const cells = recordedCells(marker?.getValue() ?? null);
  if (!cells || cells['whatIf.shows'] !== e.range.getA1Notation()) return;
  const grid = `${cells['whatIf.gridFirst']}:${cells['whatIf.gridLast']}`;
  sheet.getRange(grid).setNumberFormat(gridFormatOf(shows));
}
