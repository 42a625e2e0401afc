// Rendering a definition of the scenario model into a cell's formula: the model says what
// a cell computes, the places say where the inputs, metrics and table cells it reads are.
import { render, RUNS, SCENARIO_FIELDS, UPFRONT_TABLE } from '../../engine';
import { CATALOG_FIRST_ROW, CATALOG_SHEET, runColumnLetter, RUNS_LAST_ROW } from '../catalog-sheet';
import { sheetRef } from '../text';
import type { Expr, RenderEnv, ScenarioField, TextReading } from '../../engine';
import {
  catalogField,
  catalogRow,
  bracketLookup,
  catalogSettingRef,
  catalogStart,
  dayNumber,
  digitsValue,
  isoDate,
  nameEnd,
  nameKey,
  sizeWord,
} from '../lookup-formulas';
import { abs, columnOf, RESULTS_COLUMN, rel } from './places';
import type { Places, TablePlace } from './places';

/** Each reading of input text (TextReading) as the formula that reads it so. */
export const READINGS: Readonly<Record<TextReading, (ref: string) => string>> = {
  sizeWord,
  digits: digitsValue,
  isoDate,
  dayNumber,
  nameEnd,
  nameKey,
};

/** The row of a table a formula is written in, for its relative references. */
export interface TableRow {
  readonly table: TablePlace;
  readonly row: number;
}

/**
 * Where a what-if workings row reads an input or a metric instead of the scenario's own
 * cells (undefined: the scenario's cell).
 */
export interface Binding {
  readonly input?: (field: ScenarioField) => string | undefined;
  readonly metric?: (name: string) => string | undefined;
  /** The up-front items the up-front total sums (a range, or a list of cells). */
  readonly upfront?: string;
}

/** A definition as the formula of its cell (in a table's row, given the row; bound elsewhere). */
export type Formula = (expr: Expr, row?: TableRow, bind?: Binding) => string;

/**
 * The input cell the model reads: a case driver through the cases table's "In use" cell
 * (the Case input's value, or the input when blank), any other input its own cell.
 */
export function modelInput(places: Places, field: ScenarioField): string {
  const { caseRows, inUseColumn } = places.whatIf;
  const caseRow = caseRows.get(field);
  return caseRow === undefined ? typedInput(places, field) : abs(inUseColumn, caseRow);
}

/** The input cell as the user typed it (column B). */
export const typedInput = (places: Places, field: ScenarioField): string =>
  abs(2, places.inputRow.get(field) ?? 0);

/** The column of a table (or of the up-front items) as an absolute range. */
function tableColumn(places: Places, table: string, column: string): string {
  if (table === RUNS) {
    const letter = runColumnLetter(column);
    return `${sheetRef(CATALOG_SHEET)}!$${letter}$${CATALOG_FIRST_ROW}:$${letter}$${RUNS_LAST_ROW}`;
  }
  if (table === UPFRONT_TABLE) {
    const [first, items] = places.results.upfront;
    const c = RESULTS_COLUMN + 1;
    return `${abs(c, first)}:${abs(c, first + items.length - 1)}`;
  }
  const spec = places.tables[table];
  const c = columnOf(spec, column);
  return `${abs(c, spec.firstRow)}:${abs(c, spec.firstRow + spec.rows - 1)}`;
}

/** Renders definitions over a scenario's places and catalog. */
export function scenarioFormulas(places: Places): Formula {
  const { inputRow, at } = places;
  const env = (row?: TableRow, bind: Binding = {}): RenderEnv => ({
    input: (field) => bind.input?.(field) ?? modelInput(places, field),
    inputLabel: (field) =>
      `${SCENARIO_FIELDS.find((spec) => spec.key === field)?.label ?? field} (B${inputRow.get(field) ?? 0})`,
    metric: (name) => {
      const address = bind.metric?.(name) ?? at.get(name);
      if (!address) throw new Error(`scenario layout: metric ${name} has no cell`);
      return address;
    },
    cell: (column, offset) => {
      if (!row) throw new Error('scenario layout: a table cell outside a table');
      const c = columnOf(row.table, column);
      // The key column is absolute so a row copied sideways keeps reading its own name.
      return column === 'key' ? `$${rel(c, row.row + offset)}` : rel(c, row.row + offset);
    },
    column: (table, column) =>
      (table === UPFRONT_TABLE ? bind.upfront : undefined) ?? tableColumn(places, table, column),
    catalogRow,
    catalogPrefix: catalogStart,
    field: catalogField,
    read: (how, value) => READINGS[how](value),
    bracket: bracketLookup,
    catalogSetting: catalogSettingRef,
  });
  return (expr, row, bind) => render(expr, env(row, bind));
}
