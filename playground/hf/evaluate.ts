// Evaluates the emulated workbook with HyperFormula: every sheet's values and
// formulas go in, and each formula cell's computed value goes back into the
// emulated cell (beside its formula), where getValues() finds it as in Sheets.
import { DetailedCellError, HyperFormula } from 'hyperformula';
import type { CellValue as HfCellValue, RawCellContent } from 'hyperformula';
import type { EmulatedSheet } from '../../emulator/spreadsheet';
import type { CellValue } from '../../emulator/cells';
import { formulaForHyperFormula } from '../../emulator/hyperformula';
import type { CustomFunctionCaller, FtPluginContext } from './ft-plugin';
import { closeOpenRanges } from '../formula/references';
import { dateSerial } from '../render/number-format';

type SheetSize = { readonly rows: number; readonly columns: number };

/** A computed cell: a value, or an error with its message. */
export type Computed =
  | { readonly kind: 'value'; readonly value: string | number | boolean | null }
  | { readonly kind: 'error'; readonly value: string; readonly message: string };

function inputOf(
  value: CellValue,
  formula: string,
  sizeOf: (sheet: string | undefined) => SheetSize,
  timeZone: string,
): RawCellContent {
  // HyperFormula has no open-ended ranges (A15:A): they end at the sheet's last row; nor
  // "" inside a string literal.
  if (formula) return formulaForHyperFormula(closeOpenRanges(formula, sizeOf));
  // A date is a number to formulas, as in Sheets; the cell's format shows it as a date.
  if (value instanceof Date) return dateSerial(value, timeZone);
  // A leading apostrophe keeps text as text (HyperFormula would read "123" as a number).
  if (typeof value === 'string') return value === '' ? null : `'${value}`;
  return value;
}

function toComputed(value: HfCellValue): Computed {
  if (value instanceof DetailedCellError) {
    return { kind: 'error', value: value.value, message: value.message };
  }
  return { kind: 'value', value };
}

/** The workbook evaluated once: computed values by sheet, row and column (0-based). */
export class Evaluation {
  private readonly ids = new Map<string, number>();

  constructor(
    private readonly hf: HyperFormula,
    sheetNames: readonly string[],
  ) {
    for (const name of sheetNames) {
      const id = hf.getSheetId(name);
      if (id !== undefined) this.ids.set(name, id);
    }
  }

  /** Every computed cell of a sheet, as rows (ragged; spilled array results included). */
  sheetValues(sheetName: string): Computed[][] {
    const id = this.ids.get(sheetName);
    if (id === undefined) return [];
    return this.hf.getSheetValues(id).map((row) => row.map(toComputed));
  }

  /** The computed values of an area (1-based, as the emulator's Area). */
  area(
    sheetName: string,
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
  ): Computed[][] {
    const id = this.ids.get(sheetName);
    const rows: Computed[][] = [];
    for (let r = 0; r < numRows; r++) {
      const out: Computed[] = [];
      for (let c = 0; c < numColumns; c++) {
        out.push(
          id === undefined
            ? { kind: 'value', value: null }
            : toComputed(
                this.hf.getCellValue({ sheet: id, row: row - 1 + r, col: column - 1 + c }),
              ),
        );
      }
      rows.push(out);
    }
    return rows;
  }

  destroy(): void {
    this.hf.destroy();
  }
}

/**
 * Evaluates every sheet and writes each formula cell's result back into the
 * emulated cell's value (errors as Sheets shows them, e.g. "#ERROR!").
 */
export function evaluateWorkbook(
  sheets: readonly EmulatedSheet[],
  callCustomFunction: CustomFunctionCaller,
): Evaluation {
  const input: Record<string, RawCellContent[][]> = {};
  const sizes = new Map(
    sheets.map((sheet) => [
      sheet.name.toLowerCase(),
      { rows: sheet.maxRows, columns: sheet.maxColumns },
    ]),
  );
  for (const sheet of sheets) {
    const sizeOf = (name: string | undefined): SheetSize =>
      sizes.get((name ?? sheet.name).toLowerCase()) ?? {
        rows: sheet.maxRows,
        columns: sheet.maxColumns,
      };
    const rows: RawCellContent[][] = [];
    for (const [key, cell] of sheet.cells) {
      if (cell.formula === '' && cell.value === '') continue;
      const [row, column] = key.split(':').map(Number);
      while (rows.length < row) rows.push([]);
      const cells = rows[row - 1];
      while (cells.length < column) cells.push(null);
      cells[column - 1] = inputOf(cell.value, cell.formula, sizeOf, sheet.timeZone);
    }
    input[sheet.name] = rows;
  }
  const context: FtPluginContext = { callCustomFunction };
  const hf = HyperFormula.buildFromSheets(input, { licenseKey: 'gpl-v3', context });
  const evaluation = new Evaluation(
    hf,
    sheets.map((sheet) => sheet.name),
  );
  for (const sheet of sheets) {
    const id = hf.getSheetId(sheet.name);
    if (id === undefined) continue;
    for (const [key, cell] of sheet.cells) {
      if (!cell.formula) continue;
      const [row, column] = key.split(':').map(Number);
      const computed = toComputed(hf.getCellValue({ sheet: id, row: row - 1, col: column - 1 }));
      cell.value = computed.value ?? '';
    }
  }
  return evaluation;
}
