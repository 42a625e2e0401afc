// HyperFormula instances kept between the Evaluated sheets of one test file (Jest loads this
// module afresh for each file). Parsing and computing a workbook is most of a sheet test's
// time, and most sheet tests evaluate a workbook an earlier test evaluated too (a default
// scenario in a new spreadsheet), or another sheet beside the same FT Catalog (whose formulas
// cost about as much as a scenario's). So an instance is kept with its sheets, and taken again
//   - as it is, when the workbook is the same (its user set the cells it changed back), or
//   - with its evaluated sheet swapped for another, when every other sheet is the same.
// Either way HyperFormula computes what a fresh instance of the whole workbook computes
// (test/sheet/evaluated.test.ts checks both).
import type { HyperFormula } from 'hyperformula';
import { hyperFormulaOf } from '../../emulator/hyperformula';
import type { HfContent } from '../../emulator/hyperformula';

/** Whether formula text names a sheet (in quotes, a formula doubles the name's apostrophes). */
export function names(formulas: string, sheet: string): boolean {
  return formulas.includes(sheet) || formulas.includes(sheet.replace(/'/g, "''"));
}

export interface Kept {
  readonly hf: HyperFormula;
  /** The sheet evaluated, and the JSON of its contents. */
  readonly sheet: string;
  readonly sheetKey: string;
  /** The JSON of the other sheets' contents, in order. */
  readonly othersKey: string;
  /** Whether another sheet's formulas name the sheet evaluated (then it is never swapped). */
  readonly pointedAt: boolean;
}

const kept: Kept[] = [];
/** Instances kept at most (the one kept longest is freed first). */
const KEPT_MOST = 2;

/**
 * An instance of `sheets` in which `sheet` is evaluated: a kept instance of the same
 * workbook, else a kept one of the same other sheets with `sheet` in place of its own, else
 * a new one. The caller has it to itself until it gives it back with keep().
 */
export function take(sheets: Record<string, HfContent[][]>, sheet: string): Kept {
  const others = Object.entries(sheets).filter(([name]) => name !== sheet);
  const sheetKey = JSON.stringify(sheets[sheet]);
  const othersKey = JSON.stringify(others);
  const pointedAt = others.some(([, rows]) =>
    rows.some((row) => row.some((cell) => typeof cell === 'string' && names(cell, sheet))),
  );
  const same = kept.findIndex(
    (entry) =>
      entry.othersKey === othersKey && entry.sheet === sheet && entry.sheetKey === sheetKey,
  );
  if (same >= 0) return kept.splice(same, 1)[0];
  const swappable = pointedAt
    ? -1
    : kept.findIndex((entry) => entry.othersKey === othersKey && !entry.pointedAt);
  if (swappable < 0) {
    // No undo: it would keep every change (and a removed sheet's contents) for nothing.
    return { hf: hyperFormulaOf(sheets, { undoLimit: 0 }), sheet, sheetKey, othersKey, pointedAt };
  }
  const { hf, sheet: old } = kept.splice(swappable, 1)[0];
  hf.removeSheet(hf.getSheetId(old) as number);
  hf.batch(() => {
    hf.addSheet(sheet);
    hf.setSheetContent(hf.getSheetId(sheet) as number, sheets[sheet]);
  });
  return { hf, sheet, sheetKey, othersKey, pointedAt };
}

/** Gives an instance back, its evaluated sheet as it was taken. */
export function keep(entry: Kept): void {
  kept.push(entry);
  while (kept.length > KEPT_MOST) (kept.shift() as Kept).hf.destroy();
}
