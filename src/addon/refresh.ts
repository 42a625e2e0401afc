// Keeps FT_* results in step with the catalog sheet. A catalog row is no argument of an
// FT_* formula, so Sheets has no reason to recompute one after a catalog edit; what it
// does compute is a formula that is entered. So a refresh enters every FT_* formula again,
// in two steps with SpreadsheetApp.flush() between them: each formula's FT_* calls get a
// marker in front (the formula changes: it now names an unknown function), flush applies that,
// then each formula is written back exactly as it was (it changes again, back). Without
// the flush Apps Script may bundle the two writes into none ("Spreadsheet operations are
// sometimes bundled together to improve performance", SpreadsheetApp.flush in the Apps
// Script reference), and writing a formula over itself with the same text is nowhere
// documented to recompute it. Text, number and date cells are never written: the formulas
// come from getFormulas(), so a text that reads like a formula ('=FT_HOURS(...)) stays text.
//
// SpreadsheetApp calls of one refresh, with S sheets and B blocks (a block: a rectangle of
// adjacent FT_* formula cells, e.g. one filled-down column): 1 (getSheets) + 3 per sheet
// (getName, getDataRange, getFormulas) + 1 for the catalog sheet's values, and when there
// are FT_* formulas 3 per block (getRange, setFormulas twice) + 1 (flush); writing the
// catalog's "rows changed" hint adds 2 when the catalog's rows changed since the last refresh.
import { columnLetter } from '../shared/a1';
import { messageOf } from '../shared/message';
import { CATALOG_SHEET, CATALOG_TABLES, CATALOG_TITLE_ROW } from './catalog-sheet';
import { splitFormulas } from './formula-blocks';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * Put in front of each FT_* call between the two steps. Fixed (not random) so that a run
 * stopped between them (a simple trigger has 30 seconds) is repaired by the next run: a
 * formula that holds it is written back without it.
 */
export const REFRESH_MARKER = 'ZZFTRECALCZZ';

/** A call of an FT_* function, any case, or one a stopped run left marked: its start. */
const FT_CALL = new RegExp(`\\b(?:${REFRESH_MARKER})?FT_(?=[A-Za-z0-9_]*\\s*\\()`, 'gi');
/** The marker in front of an FT_* call. */
const MARK = new RegExp(`\\b${REFRESH_MARKER}(?=FT_)`, 'gi');
/** A formula's string literals ("" is a quote inside one): FT_ in them is text, not a call. */
const STRING_LITERALS = /"(?:[^"]|"")*"/g;

/** True when a formula calls an FT_* function (or holds one a stopped run left marked). */
export function callsFtFunction(formula: string): boolean {
  FT_CALL.lastIndex = 0;
  return formula.startsWith('=') && FT_CALL.test(formula.replace(STRING_LITERALS, '""'));
}

/** The formula as the refresh leaves it: the marks a stopped run left are removed. */
function repaired(formula: string): string {
  return formula.replace(MARK, '');
}

/**
 * The formula with the marker put in front of each FT_* call (=ZZFTRECALCZZFT_COST(...)):
 * a different formula for a moment, naming an unknown function; removing it gives back
 * the formula exactly, whatever the case of its function names. (A string literal that
 * reads like a call is marked too, and written back as it was with the rest.)
 */
function marked(formula: string): string {
  return formula.replace(FT_CALL, (call) => REFRESH_MARKER + call);
}

/** A rectangle of adjacent FT_* formula cells, written with one setFormulas per step. */
interface Block {
  readonly sheet: Sheet;
  readonly row: number;
  readonly column: number;
  /** The formulas the block ends with (as they were, a stopped run's marks removed). */
  readonly formulas: string[][];
  range?: Range;
  /** True from the moment a write of the marked formulas may have reached the sheet. */
  marked: boolean;
}

/** Stands for a cell that is no FT_* formula: never inside a block (see splitFormulas). */
const NOT_OURS = 0;

/** The FT_* formula cells of one sheet (its getFormulas() grid, from A1) as rectangles. */
function blocksOf(sheet: Sheet, grid: readonly (readonly string[])[]): Block[] {
  const ours = grid.map((row) =>
    row.map((formula) => (callsFtFunction(formula) ? repaired(formula) : NOT_OURS)),
  );
  return splitFormulas(ours).blocks.map((block) => ({ sheet, ...block, marked: false }));
}

// The "rows changed" hint: a formula in the catalog's title row, right of the Models title,
// that compares the number of filled cells in the tables' Name columns with the number
// the last refresh saw. onEdit does not run when rows are inserted, deleted or moved, but a
// formula over those columns is recomputed then, so the hint shows until the next refresh.
const HINT_COLUMN = 2;
const MENU_ITEM = 'Extensions > Fine-tuning cost > Recalculate FT_* formulas';
export const HINT_TEXT = `Rows were added or deleted: to update FT_* results, ${MENU_ITEM}`;

/** The hint's formula for `count` filled Name cells: blank while the count is the same. */
export function hintFormula(count: number): string {
  const counts = CATALOG_TABLES.map((spec) => {
    const letter = columnLetter(spec.firstColumn);
    return `COUNTA($${letter}:$${letter})`;
  }).join('+');
  return `=IF(${counts}=${count},"","${HINT_TEXT}")`;
}

/** What COUNTA counts in the Name columns: cells with a value, or a formula (even one showing ""). */
function filledNameCells(values: readonly (readonly unknown[])[], formulas: string[][]): number {
  let count = 0;
  values.forEach((row, r) => {
    for (const { firstColumn } of CATALOG_TABLES) {
      if (`${row[firstColumn - 1] ?? ''}${formulas[r]?.[firstColumn - 1] ?? ''}` !== '') count++;
    }
  });
  return count;
}

/** The catalog sheet as the scan read it, for its hint. */
interface CatalogRead {
  readonly sheet: Sheet;
  readonly values: unknown[][];
  readonly formulas: string[][];
}

/** Writes the hint formula when its count is out of date, never over a cell the user wrote. */
function updateHint({ sheet, values, formulas }: CatalogRead): void {
  const formula = hintFormula(filledNameCells(values, formulas));
  const row = CATALOG_TITLE_ROW - 1;
  const current = formulas[row]?.[HINT_COLUMN - 1] ?? '';
  const value = values[row]?.[HINT_COLUMN - 1] ?? '';
  if (current === formula) return;
  const ours = current.includes(HINT_TEXT);
  if (!ours && (current !== '' || value !== '')) return;
  sheet.getRange(CATALOG_TITLE_ROW, HINT_COLUMN).setFormula(formula);
}

/** Every FT_* formula cell of the spreadsheet, as blocks, and the catalog sheet as read. */
function scan(spreadsheet: Spreadsheet): { blocks: Block[]; catalog: CatalogRead | null } {
  const blocks: Block[] = [];
  let catalog: CatalogRead | null = null;
  for (const sheet of spreadsheet.getSheets()) {
    const isCatalog = isCatalogSheet(sheet);
    const range = sheet.getDataRange();
    const formulas = range.getFormulas();
    blocks.push(...blocksOf(sheet, formulas));
    if (isCatalog) catalog = { sheet, values: range.getValues(), formulas };
  }
  return { blocks, catalog };
}

function cellsIn(blocks: readonly Block[]): number {
  return blocks.reduce((sum, block) => sum + block.formulas.length * block.formulas[0].length, 0);
}

/** Writes back every block a marked write may have reached; returns the cells it could not. */
function putBack(blocks: readonly Block[]): number {
  let cells = 0;
  for (const block of blocks) {
    if (!block.marked || !block.range) continue;
    try {
      block.range.setFormulas(block.formulas);
    } catch {
      cells += cellsIn([block]);
    }
  }
  return cells;
}

/**
 * Enters every FT_* formula of the spreadsheet again, so Sheets recomputes it with the
 * catalog as it is now; each ends with the text it had. Returns the number of cells
 * entered again. If a step fails, the formulas it changed are put back before the error
 * is thrown; a run stopped outright is repaired by the next one.
 */
export function refreshFtFormulas(spreadsheet: Spreadsheet): number {
  const { blocks, catalog } = scan(spreadsheet);
  try {
    for (const block of blocks) {
      const first = block.formulas[0];
      block.range = block.sheet.getRange(
        block.row,
        block.column,
        block.formulas.length,
        first.length,
      );
      block.marked = true;
      block.range.setFormulas(block.formulas.map((row) => row.map(marked)));
    }
    if (blocks.length > 0) SpreadsheetApp.flush();
    for (const block of blocks) {
      block.range?.setFormulas(block.formulas);
      block.marked = false;
    }
    // Last: a run that failed leaves the hint saying the results are out of date.
    if (catalog) updateHint(catalog);
  } catch (error) {
    const left = putBack(blocks);
    // A new message that says what is left (ES2019 has no Error `cause` option).
    // eslint-disable-next-line preserve-caught-error
    throw new Error(
      `${messageOf(error).replace(/[.\s]+$/, '')}. ` +
        (left === 0
          ? 'The FT_* formulas were put back as they were.'
          : `${left} cell(s) still hold ${REFRESH_MARKER}: ${MENU_ITEM} puts them back.`),
    );
  }
  return cellsIn(blocks);
}

/** True for the catalog sheet (sheet names are unique ignoring case): 1 call, getName. */
function isCatalogSheet(sheet: Sheet): boolean {
  return sheet.getName().toLowerCase() === CATALOG_SHEET.toLowerCase();
}

/** True when an edit is in the catalog sheet. */
export function isCatalogEdit(e: GoogleAppsScript.Events.SheetsOnEdit | undefined): boolean {
  return !!e?.range && isCatalogSheet(e.range.getSheet());
}
