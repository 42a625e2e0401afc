// Whether a scenario sheet's cells, as some formula engine computed them (HyperFormula in the
// sheet tests, LibreOffice in the .xlsx round trip), equal the engine's evaluation of the
// scenario model on the input cells as the sheet holds them: every metric and table cell.
import {
  ScenarioEvaluation,
  sensitivityOf,
  SCENARIO_FIELDS,
  scenarioTables,
  SheetError,
  tableColumns,
  LADDER,
} from '../../src/engine';
import type { CatalogIndex, ScenarioField, Value } from '../../src/engine';
import { headingTexts } from '../../src/addon/catalog-sheet';
import type { HfCell } from '../../emulator/hyperformula';

/**
 * Equal as the sheet and the engine compute it: text exactly; numbers to a relative 1e-9,
 * plus 1e-10 of `magnitude`, the largest number the value was computed from: HyperFormula
 * rounds sums to about 14 digits, so a difference of two large cumulative costs (the
 * timeline's savings) keeps fewer digits than its own size suggests.
 */
export function same(sheet: HfCell, engine: Value, magnitude = 0): boolean {
  if (engine instanceof SheetError) return typeof sheet === 'string' && sheet.startsWith('#');
  if (typeof engine === 'number') {
    return (
      typeof sheet === 'number' &&
      Math.abs(sheet - engine) <= 1e-9 * Math.max(1, Math.abs(engine)) + 1e-10 * magnitude
    );
  }
  if (typeof engine === 'object') return true; // a found catalog row: the sheet shows its row number
  return sheet === (engine === '' ? '' : engine);
}

const A1 = /^\$?([A-Z]+)\$?(\d+)$/;
function at(rows: HfCell[][], address: string): HfCell {
  const match = A1.exec(address);
  if (!match) throw new Error(`not an address: ${address}`);
  const column = match[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return rows[Number(match[2]) - 1]?.[column - 1] ?? '';
}

/** The input cells as the sheet holds them (a blank is ''). */
export function sheetInputs(
  rows: HfCell[][],
  cells: Readonly<Record<string, string>>,
): Record<ScenarioField, Value> {
  const inputs = {} as Record<ScenarioField, Value>;
  for (const field of SCENARIO_FIELDS) {
    const value = at(rows, cells[`input.${field.key}`]);
    inputs[field.key] = value === null ? '' : value;
  }
  return inputs;
}

/** The engine's evaluation of a scenario sheet's model over some input values. */
export function evaluationOf(
  inputs: Readonly<Record<ScenarioField, Value>>,
  cells: Readonly<Record<string, string>>,
  madeWithHorizon: number,
  index: CatalogIndex,
): ScenarioEvaluation {
  // The timeline's rows were written for the horizon the sheet was made with.
  return new ScenarioEvaluation(inputs, index, scenarioTables(index, madeWithHorizon), {
    inputLabel: (field) => {
      const spec = SCENARIO_FIELDS.find((candidate) => candidate.key === field);
      return `${spec?.label ?? field} (${cells[`input.${field}`]})`;
    },
    notNames: headingTexts,
  });
}

/**
 * Compares every metric cell and every table cell of the sheet with the engine's evaluation
 * of the input cells as the sheet holds them. Returns the mismatches, named.
 */
export function mismatches(
  rows: HfCell[][],
  cells: Readonly<Record<string, string>>,
  madeWithHorizon: number,
  index: CatalogIndex,
  inputs = sheetInputs(rows, cells),
): string[] {
  const engine = evaluationOf(inputs, cells, madeWithHorizon, index);
  const wrong: string[] = [];
  // Savings are a difference of the monthly costs: their size bounds its rounding.
  const largest = Math.max(
    ...['monthlyApi', 'monthlyFinetuned', 'upfront'].map((name) =>
      Math.abs(Number(engine.get(name)) || 0),
    ),
  );
  // The sensitivity's cells (sens.<driver>.<what>): the engine's points of the one model.
  const sensitivity = new Map(sensitivityOf(engine).map((row) => [row.key, row]));
  for (const [name, address] of Object.entries(cells)) {
    if (name.startsWith('input.') || name.startsWith('lookup.') || name.startsWith('upfront.'))
      continue;
    if (name === 'timelineFirst' || name.startsWith('whatIf.')) continue;
    const [, driver, what] = /^sens\.(\w+)\.(\w+)$/.exec(name) ?? [];
    const row = sensitivity.get(driver);
    const expected = row ? row[what as keyof typeof row] : engine.get(name);
    const got = at(rows, address);
    // A sensitivity swing is a difference of two NPVs: their size bounds its rounding.
    const npvSize = row ? Math.max(Math.abs(Number(row.npvLow)), Math.abs(Number(row.npvHigh))) : 0;
    if (!same(got, expected, Math.max(largest, npvSize)))
      wrong.push(`${name} (${address}): sheet ${String(got)}, engine ${shownValue(expected)}`);
  }
  // Tables: each row's columns, found by their headers in row 4 (the ladder by its rows).
  for (const [table, columns] of Object.entries(tableColumns())) {
    if (table === LADDER) continue;
    columns.forEach((column) => {
      const values = engine.tableColumn(table, column.name);
      const header = tableHeader(table, column.name);
      const c = rows[3].findIndex((cell, i) => cell === header.text && i >= header.from);
      values.forEach((value, r) => {
        const got = rows[4 + r]?.[c + header.offset] ?? null;
        const magnitude = Math.max(
          ...columns.map((other) =>
            Math.abs(Number(engine.tableColumn(table, other.name)[r]) || 0),
          ),
        );
        if (!same(got, value, magnitude))
          wrong.push(
            `${table}.${column.name}[${r}]: sheet ${String(got)}, engine ${shownValue(value)}`,
          );
      });
    });
  }
  return wrong;
}

function shownValue(value: Value): string {
  return value instanceof SheetError
    ? value.code
    : typeof value === 'object'
      ? 'a row'
      : String(value);
}

/** Where a table column's values are: the header text to find in row 4, and an offset from it. */
function tableHeader(
  table: string,
  column: string,
): { text: string; from: number; offset: number } {
  const N = 13; // column N, 0-based
  switch (table) {
    case 'timeline':
      return {
        text: 'Month',
        from: 0,
        offset: [
          'month',
          'cumulativeApi',
          'cumulativeFinetuned',
          'cumulativeManaged',
          'savings',
          'discountedRoi',
          'date',
        ].indexOf(column),
      };
    case 'providers':
      return {
        text: 'Provider',
        from: N,
        offset: 1 + tableColumns().providers.findIndex((c) => c.name === column),
      };
    case 'methods':
      return {
        text: 'Method',
        from: N,
        offset: 1 + tableColumns().methods.findIndex((c) => c.name === column),
      };
    default:
      return {
        text: 'Model',
        from: N,
        offset: 1 + tableColumns().matrix.findIndex((c) => c.name === column),
      };
  }
}
