// Inserting a sheet of the add-in's own: under a free name, its removal recorded so that
// a failure later in the run takes it away again.
import { Changes, uncertain } from './changes';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Attempts at a free scenario sheet name ("X", "X (2)", ...). */
const MAX_NAME_ATTEMPTS = 50;

/**
 * Inserts a sheet the caller knows to be free and records its removal. A call that made the
 * sheet and then failed (a time-out after the write) leaves it there: the name, free a moment
 * ago and with the document lock held, tells that it is this run's sheet, so it is removed
 * too; when even that cannot be asked, the message says which sheet may be left.
 */
export function insertNewSheet(spreadsheet: Spreadsheet, name: string, changes: Changes): Sheet {
  let sheet: Sheet;
  try {
    sheet = spreadsheet.insertSheet(name);
  } catch (error) {
    let made: Sheet | null;
    try {
      made = spreadsheet.getSheetByName(name);
    } catch {
      throw uncertain(
        error,
        `A new, empty sheet "${name}" may have been made; delete it if it is there`,
      );
    }
    if (made) {
      const leftover = made;
      changes.add(`removing the new sheet "${name}"`, () => spreadsheet.deleteSheet(leftover));
    }
    throw error;
  }
  changes.add(`removing the new sheet "${name}"`, () => spreadsheet.deleteSheet(sheet));
  return sheet;
}

/** Inserts a sheet named `base`, or "base (2)", "base (3)", ... when taken. */
export function insertUniqueSheet(
  spreadsheet: Spreadsheet,
  base: string,
  changes: Changes,
): { sheet: Sheet; name: string } {
  for (let attempt = 1; attempt <= MAX_NAME_ATTEMPTS; attempt++) {
    const name = attempt === 1 ? base : `${base} (${attempt})`;
    // Asked first (names compare ignoring case, as Sheets compares them): only a free name
    // is inserted, so a sheet found after a failed insert is this run's own.
    if (spreadsheet.getSheetByName(name) !== null) continue;
    return { sheet: insertNewSheet(spreadsheet, name, changes), name };
  }
  throw new Error(
    `There are already ${MAX_NAME_ATTEMPTS} sheets named "${base}" or "${base} (n)"; rename or delete some`,
  );
}
