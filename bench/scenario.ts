// Part 3: SpreadsheetApp calls and cells written by generateScenario (the built
// bundle, against the emulated SpreadsheetApp) at several horizons. The call count
// must not grow with the horizon: rows are written as whole blocks.
import { createWorkbook } from '../emulator';
import type { Workbook } from '../emulator';
import type { BundleContext } from './bundle';
import { callGlobal, loadBundleForBench } from './bundle';

export const HORIZONS = [12, 36, 120, 360] as const;

export interface ScenarioRow {
  readonly horizonMonths: number;
  /** SpreadsheetApp (and HtmlService) calls the script made, as the emulator counts them. */
  readonly calls: number;
  /** Cells holding a value or a formula afterwards, over every sheet (the workbook starts empty). */
  readonly cellsWritten: number;
  readonly sheets: number;
  /** Calls by method name ("Range.setValues": 3), sorted by name. */
  readonly callsByMethod: Record<string, number>;
}

function cellsWithContent(workbook: Workbook): number {
  let count = 0;
  for (const name of workbook.sheetNames()) {
    const values = workbook.values(name);
    const formulas = workbook.formulas(name);
    values.forEach((row, r) =>
      row.forEach((value, c) => {
        if ((value !== '' && value !== null) || formulas[r]?.[c]) count++;
      }),
    );
  }
  return count;
}

function countByMethod(log: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of [...log].sort()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

export function runScenarioWrites(code: string): ScenarioRow[] {
  return HORIZONS.map((horizonMonths) => {
    const workbook = createWorkbook();
    const context: BundleContext = loadBundleForBench(code, workbook.services);
    workbook.resetCalls();
    callGlobal(context, 'generateScenario', { horizonMonths });
    const log = workbook.callLog();
    return {
      horizonMonths,
      calls: log.length,
      cellsWritten: cellsWithContent(workbook),
      sheets: workbook.sheetNames().length,
      callsByMethod: countByMethod(log),
    };
  });
}
