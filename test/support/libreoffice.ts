// LibreOffice Calc, headless, as an independent formula engine for the .xlsx round trip:
//
//   libreOfficeAvailability()          whether the round-trip test runs here, and why not
//   describeWithLibreOffice(name, fn)  a Jest describe that skips (printing why) without soffice,
//                                      and runs (and fails) when CI=true and there is none
//   recalculateAll(files, dir)         every file opened, recalculated and saved in ONE soffice run
//                                      (it takes seconds to start); the values of each, per sheet
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { HfCell } from '../../emulator/hyperformula';
import { describeWhen, isCi } from './browser';

function sofficePath(): string | undefined {
  try {
    return (
      execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined
    );
  } catch {
    return undefined;
  }
}

export type LibreOfficeAvailability =
  { readonly run: true } | { readonly run: false; readonly reason: string };

/** Runs where soffice is installed, and always on CI (where a missing soffice must fail). */
export function libreOfficeAvailability(): LibreOfficeAvailability {
  if (sofficePath() !== undefined || isCi()) return { run: true };
  return {
    run: false,
    reason:
      'no soffice on the PATH (apt-get install --no-install-recommends libreoffice-calc); ' +
      'the .xlsx round trip is skipped. On CI (CI=true) it runs and fails instead.',
  };
}

/** A Jest describe block that needs LibreOffice: skipped with a printed reason when it is absent. */
export function describeWithLibreOffice(name: string, body: () => void): void {
  describeWhen(libreOfficeAvailability(), name, body);
}

// A private profile that recalculates every formula of an .xlsx on load (OOXMLRecalcMode 0,
// "always"): a file exported without cached values must not be shown as it was saved.
const RECALC_ON_LOAD = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A sheet's values after LibreOffice recalculated it: rows from A1, errors as their code. */
export type SheetValues = HfCell[][];

/**
 * Opens every .xlsx in `files` with LibreOffice (one process), recalculates it on load and
 * saves it again as .xlsx into `dir`/out, then reads the cached values LibreOffice wrote.
 * (An .xlsx keeps types and full precision; a CSV would round to the shown digits.)
 */
export async function recalculateAll(
  files: readonly string[],
  dir: string,
): Promise<Map<string, Map<string, SheetValues>>> {
  const profile = path.join(dir, 'profile');
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ON_LOAD);
  const out = path.join(dir, 'out');
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      out,
      ...files,
    ],
    { stdio: 'pipe', timeout: 300000 },
  );
  const results = new Map<string, Map<string, SheetValues>>();
  for (const file of files) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(out, path.basename(file)));
    const sheets = new Map<string, SheetValues>();
    book.eachSheet((sheet) => sheets.set(sheet.name, sheetValues(sheet)));
    results.set(file, sheets);
  }
  return results;
}

function sheetValues(sheet: ExcelJS.Worksheet): SheetValues {
  const rows: SheetValues = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: HfCell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      cells[c - 1] = plain(cell);
    });
    rows[r - 1] = Array.from(cells, (cell) => cell ?? null);
  });
  return Array.from(rows, (row) => row ?? []);
}

/** A date as the serial day number a spreadsheet holds (ExcelJS reads a date-formatted cell as a Date). */
const serialDay = (date: Date): number => date.getTime() / 86400000 + 25569;

/** A cell's value (a formula's cached result) as HyperFormula's plain values show it. */
function plain(cell: ExcelJS.Cell): HfCell {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof Date) return serialDay(value);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    // cell.result, not value.result: ExcelJS leaves a result of 0 out of the value. A formula
    // whose result is the empty text has no cached value in the file.
    const result: unknown = cell.result;
    if (result === undefined || result === null) return '';
    if (typeof result === 'object' && 'error' in result) return String(result.error);
    if (result instanceof Date) return serialDay(result);
    return result as HfCell;
  }
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  return String(value);
}
