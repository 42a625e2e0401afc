// Simulation (F:H, below "Money over time"; issue 21): one FT_SIMULATE formula over the
// Inputs block and the what-if cases table, so the P10/P50/P90, the chance of payback, the
// drivers' distributions and the NPV histogram follow every edit of an input or a case
// value, and a column chart of the histogram (charts.ts). It is the one formula of the sheet
// that needs the add-in: without it (a colleague's copy, an xlsx download) the cell says so
// instead of showing an error, and every other figure still computes.
import { CASE_NAMES, SCENARIO_FIELDS, SIMULATION_TABLE } from '../../engine';
import type { Block } from './block';
import { FORMAT } from './grid';
import { abs, INPUT_FIRST_ROW, RESULTS_COLUMN } from './places';
import type { Places } from './places';

/** The rows FT_SIMULATE spills: a header, P10/P50/P90, the chance, a header, the bars. */
const TABLE_ROWS = SIMULATION_TABLE.rows;
export const VALUE_COLUMN = RESULTS_COLUMN + 1;

/** The block's title row (column E) and its formula's cell (F, the next row). */
export function simulationPlace(places: Places): {
  readonly title: number;
  readonly formula: number;
} {
  const [first, metrics] = places.results.finance;
  // A blank row under the last result, then the title: the formula column F stays one run of
  // formulas and blanks, so its formulas are still one setFormulas call.
  const title = first + metrics.length + 1;
  return { title, formula: title + 1 };
}

/** The cases table's driver rows: the label column, then each case's column (not In use). */
function casesRange(places: Places): string {
  const w = places.whatIf;
  const rows = [...w.caseRows.values()];
  const last = w.caseColumn + CASE_NAMES.length - 1;
  return `${abs(w.labelColumn, Math.min(...rows))}:${abs(last, Math.max(...rows))}`;
}

/** The formula: the table, or what the cell says where FT_SIMULATE cannot run. */
export function simulationFormula(places: Places): string {
  const inputs = `${abs(1, INPUT_FIRST_ROW)}:${abs(2, INPUT_FIRST_ROW + SCENARIO_FIELDS.length - 1)}`;
  // Result, spread, runs and seed blank: their defaults (no constant written into the formula).
  const call = `FT_SIMULATE(${inputs},"","","","",${casesRange(places)})`;
  // ARRAYFORMULA: IFERROR passes the whole table through (Sheets spills it without, but not
  // every engine does: LibreOffice and HyperFormula need it said).
  return `=ARRAYFORMULA(IFERROR(${call}, "Runs with the add-in installed, once the Input check is blank"))`;
}

/** Each spilled row's number formats for F:H (the table's layout, simulate.ts). */
function rowFormats(row: number): readonly string[] {
  if (row >= 1 && row <= 3) return [FORMAT.usd, FORMAT.months, FORMAT.text];
  if (row === SIMULATION_TABLE.chanceRow) return [FORMAT.ratio, FORMAT.text, FORMAT.text];
  if (row > SIMULATION_TABLE.histogramHeaderRow) return [FORMAT.usd, FORMAT.count, FORMAT.usd];
  return [FORMAT.text, FORMAT.text, FORMAT.text];
}

export function writeSimulation({ grid, places }: Block): void {
  const { title, formula } = simulationPlace(places);
  grid.label(title, RESULTS_COLUMN, 'Simulation: 10,000 runs (FT_SIMULATE)', true);
  grid.set(formula, VALUE_COLUMN, simulationFormula(places));
  grid.ensure(formula + TABLE_ROWS - 1);
  for (let row = 0; row < TABLE_ROWS; row++) {
    rowFormats(row).forEach((format, c) => {
      grid.formats[formula + row - 1][VALUE_COLUMN - 1 + c] = format;
    });
  }
}
