// TextFinder (Spreadsheet.createTextFinder): find and replace over every sheet's cells, with
// the options the add-in uses. As in Sheets, a formula cell is searched by its formula text
// with matchFormulaText(true) and by its shown value otherwise; a replacement in a formula
// re-enters the formula (which is what makes Sheets recompute a custom function in it).
import { writeFormula, writeValue } from './cells';
import type { Cell } from './cells';
import type { Emulates, EmulatedRange, EmulatedSheet } from './spreadsheet';

type GasTextFinder = GoogleAppsScript.Spreadsheet.TextFinder;

interface Match {
  readonly sheet: EmulatedSheet;
  readonly row: number;
  readonly column: number;
  readonly cell: Cell;
  /** The text searched: the formula, or the value as shown. */
  readonly text: string;
  readonly isFormula: boolean;
}

export class EmulatedTextFinder implements Emulates<
  GasTextFinder,
  'matchCase' | 'matchEntireCell' | 'matchFormulaText' | 'findAll' | 'replaceAllWith'
> {
  private caseSensitive = false;
  private entireCell = false;
  private inFormulas = false;

  constructor(
    private readonly sheets: () => readonly EmulatedSheet[],
    private readonly findText: string,
    private readonly tick: (method: string) => void,
    private readonly rangeOf: (sheet: EmulatedSheet, row: number, column: number) => EmulatedRange,
  ) {
    if (typeof findText !== 'string' || findText === '') {
      throw new Error('Exception: The find text must not be empty.');
    }
  }

  matchCase(matchCase: boolean): this {
    this.tick('TextFinder.matchCase');
    this.caseSensitive = Boolean(matchCase);
    return this;
  }

  matchEntireCell(matchEntireCell: boolean): this {
    this.tick('TextFinder.matchEntireCell');
    this.entireCell = Boolean(matchEntireCell);
    return this;
  }

  matchFormulaText(matchFormulaText: boolean): this {
    this.tick('TextFinder.matchFormulaText');
    this.inFormulas = Boolean(matchFormulaText);
    return this;
  }

  findAll(): EmulatedRange[] {
    this.tick('TextFinder.findAll');
    return this.matches().map((match) => this.rangeOf(match.sheet, match.row, match.column));
  }

  /** Replaces every match; returns the number of cells changed. */
  replaceAllWith(replaceText: string): number {
    this.tick('TextFinder.replaceAllWith');
    const matches = this.matches();
    for (const match of matches) {
      const replaced = this.entireCell
        ? String(replaceText)
        : match.text.replace(this.pattern(), () => String(replaceText));
      if (match.isFormula) writeFormula(match.cell, replaced);
      else writeValue(match.cell, replaced);
    }
    return matches.length;
  }

  private pattern(): RegExp {
    const escaped = this.findText.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const whole = this.entireCell ? `^${escaped}$` : escaped;
    return new RegExp(whole, this.caseSensitive ? 'g' : 'gi');
  }

  private matches(): Match[] {
    const found: Match[] = [];
    const pattern = this.pattern();
    for (const sheet of this.sheets()) {
      const cells = [...sheet.cells]
        .map(([key, cell]) => {
          const [row, column] = key.split(':').map(Number);
          return { row, column, cell };
        })
        // Row by row, as Sheets searches a sheet.
        .sort((a, b) => a.row - b.row || a.column - b.column);
      for (const { row, column, cell } of cells) {
        const isFormula = this.inFormulas && cell.formula !== '';
        const text = isFormula ? cell.formula : shownText(cell);
        pattern.lastIndex = 0;
        if (text !== '' && pattern.test(text)) {
          found.push({ sheet, row, column, cell, text, isFormula });
        }
      }
    }
    return found;
  }
}

function shownText(cell: Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
}
