// Evaluates an emulated workbook's formulas with HyperFormula, a real formula engine, so
// tests can compare a scenario sheet with the engine and the playground can show values.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { ConfigParams } from 'hyperformula';
import type { CellValue } from './cells';
import type { Workbook } from './index';

export type HfCell = number | string | boolean | null;

/**
 * A Sheets formula as HyperFormula reads it. In Sheets (as in Excel) a string literal writes
 * a double quote as two, ="Bob ""fast"" 7B"; HyperFormula 3.5 refuses that with a parse
 * error, so such a literal becomes ("Bob "&CHAR(34)&"fast"&CHAR(34)&" 7B"), the same text
 * (bracketed, so an operator beside it still applies to the whole text). Sheet names in
 * single quotes are copied as written: a " in one is not a literal's start.
 */
export function formulaForHyperFormula(formula: string): string {
  if (!formula.startsWith('=') || !formula.includes('""')) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const quote = formula[i];
    if (quote !== '"' && quote !== "'") {
      out += quote;
      i++;
      continue;
    }
    // Up to the closing quote; two quotes in a row are one quote of the text.
    let j = i + 1;
    while (j < formula.length && (formula[j] !== quote || formula[j + 1] === quote)) {
      j += formula[j] === quote ? 2 : 1;
    }
    const body = formula.slice(i + 1, j);
    const pieces = body.split('""');
    out +=
      quote === '"' && pieces.length > 1
        ? `(${pieces.map((piece) => `"${piece}"`).join('&CHAR(34)&')})`
        : formula.slice(i, j + 1);
    i = j + 1;
  }
  return out;
}

/** A cell as HyperFormula is given it: a formula, a number, a boolean, text or blank (null). */
export type HfContent = string | number | boolean | null;

/** One sheet of the workbook as the contents HyperFormula reads. */
function hyperFormulaSheet(workbook: Workbook, name: string): HfContent[][] {
  const values = workbook.values(name);
  const formulas = workbook.formulas(name);
  return values.map((row, r) =>
    row.map((value, c) => {
      if (formulas[r][c] !== '') return formulaForHyperFormula(formulas[r][c]);
      if (value === '') return null;
      // HyperFormula parses raw strings as a user's typing; an apostrophe keeps text as text.
      if (typeof value === 'string') return `'${value}`;
      if (value instanceof Date) return value.toISOString();
      return value;
    }),
  );
}

/** The workbook's sheets (all, or those named) as the contents HyperFormula reads, by name. */
export function hyperFormulaSheets(
  workbook: Workbook,
  names: readonly string[] = workbook.sheetNames(),
): Record<string, HfContent[][]> {
  const sheets: Record<string, HfContent[][]> = {};
  for (const name of names) sheets[name] = hyperFormulaSheet(workbook, name);
  return sheets;
}

/** Sheets' contents loaded into one HyperFormula instance (caller disposes of it). */
export function hyperFormulaOf(
  sheets: Record<string, HfContent[][]>,
  options: Partial<ConfigParams> = {},
): HyperFormula {
  return HyperFormula.buildFromSheets(sheets, { ...options, licenseKey: 'gpl-v3' });
}

/** Every sheet of the workbook loaded into one HyperFormula instance (caller disposes of it). */
export function toHyperFormula(workbook: Workbook): HyperFormula {
  return hyperFormulaOf(hyperFormulaSheets(workbook));
}

/** A HyperFormula value as a plain cell value; errors become their code, e.g. "#VALUE!". */
export function plainValue(value: unknown): HfCell {
  if (value instanceof DetailedCellError) return value.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') {
    return value;
  }
  return String(value);
}

/** Computes every formula and caches the results in the workbook, as Sheets shows them. */
export function recalculate(workbook: Workbook): void {
  const hf = toHyperFormula(workbook);
  try {
    for (const name of workbook.sheetNames()) {
      const id = hf.getSheetId(name);
      if (id === undefined) continue;
      const rows = hf
        .getSheetValues(id)
        .map((row) => row.map((value): CellValue => plainValue(value) ?? ''));
      workbook.setCachedValues(name, rows);
    }
  } finally {
    hf.destroy();
  }
}
