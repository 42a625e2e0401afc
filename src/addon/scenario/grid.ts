// The scenario sheet as a grid in memory: every cell's value or formula, number format,
// font weight and background, so the writer puts each kind with one call.
import { GRID_SHOWS } from '../../engine';
import type { MetricFormat } from '../../engine';
import { asText } from '../text';

export type CellOut = string | number;

// No pattern ends in optional decimals after a dot ("0.##"): Sheets and Excel would show
// a whole number as "8.". At least one decimal is always shown instead.
export const FORMAT = {
  text: '#,##0.0###',
  usd: '$#,##0.00',
  usdPrice: '$0.0000##',
  hours: '#,##0.00',
  count: '#,##0',
  months: '#,##0.0',
  ratio: '0%',
  gb: '#,##0.0',
  factor: '#,##0.0###',
} as const;
/** The number format of each kind of metric a definition declares. */
export const METRIC_FORMAT: Readonly<Record<MetricFormat, string>> = {
  ...FORMAT,
  row: '0',
  date: 'yyyy-mm-dd',
};
/** The two-way grid's number format for what its selector shows (= as Sheets compares). */
export const gridFormatOf = (shows: string): string =>
  shows.trim().toLowerCase() === GRID_SHOWS.npv.toLowerCase() ? FORMAT.usd : FORMAT.months;

export const INPUT_BACKGROUND = '#fff2cc';
const HEADER_BACKGROUND = '#e8eaed';

/** A grid that grows as cells are set; unset cells are blank with default formats. */
export class Grid {
  readonly values: CellOut[][] = [];
  readonly formats: string[][] = [];
  readonly weights: ('bold' | 'normal')[][] = [];
  readonly backgrounds: (string | null)[][] = [];

  constructor(private readonly width: number) {}

  /** Rows up to `row` exist (blank where nothing is set). */
  ensure(row: number): void {
    while (this.values.length < row) {
      this.values.push(new Array<CellOut>(this.width).fill(''));
      this.formats.push(new Array<string>(this.width).fill(FORMAT.text));
      this.weights.push(new Array<'bold' | 'normal'>(this.width).fill('normal'));
      this.backgrounds.push(new Array<string | null>(this.width).fill(null));
    }
  }

  /** A formula (a string starting with '='), a number, or the add-in's own label text. */
  set(row: number, column: number, value: CellOut, format: string = FORMAT.text): void {
    this.ensure(row);
    this.checkFree(row, column, value);
    this.values[row - 1][column - 1] =
      typeof value === 'string' && !value.startsWith('=') ? asText(value) : value;
    this.formats[row - 1][column - 1] = format;
  }

  /** User-derived content (a name, an input): a string is always a label, even "=x". */
  text(row: number, column: number, value: CellOut, format: string = FORMAT.text): void {
    this.ensure(row);
    this.checkFree(row, column, value);
    this.values[row - 1][column - 1] = typeof value === 'string' ? asText(value) : value;
    this.formats[row - 1][column - 1] = format;
  }

  /** Two blocks that claim one cell are a layout bug (a group grew into the next): say so. */
  private checkFree(row: number, column: number, value: CellOut): void {
    const held = this.values[row - 1][column - 1];
    if (held !== '' && value !== '') {
      throw new Error(`scenario layout: row ${row}, column ${column} is written twice`);
    }
  }

  label(row: number, column: number, text: string, bold = false): void {
    this.text(row, column, text);
    if (bold) this.bold(row, column);
  }

  bold(row: number, column: number): void {
    this.ensure(row);
    this.weights[row - 1][column - 1] = 'bold';
  }

  header(row: number, column: number, headers: readonly CellOut[], formats?: string[]): void {
    headers.forEach((text, i) => {
      this.set(row, column + i, text, formats?.[i] ?? FORMAT.text);
      this.weights[row - 1][column - 1 + i] = 'bold';
      this.backgrounds[row - 1][column - 1 + i] = HEADER_BACKGROUND;
    });
  }

  background(row: number, column: number, color: string): void {
    this.ensure(row);
    this.backgrounds[row - 1][column - 1] = color;
  }
}
