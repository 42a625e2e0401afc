// FT_SIMULATE (issue 21, item 4): the scenario model's runs (src/engine/simulation.ts) from a
// scenario sheet's Inputs block, so the result follows every edit of an input. Not a
// function of one cell like the others (cells.ts): one block in, one small table out.
import {
  serialOfDate,
  inputCells,
  cellErrorCode,
  DEFAULT_SCENARIO,
  describeValue,
  InputError,
  isBlank,
  normalizeName,
  readNumber,
  SCENARIO_FIELDS,
  SheetError,
  simulateScenario,
  SIMULATION_DRIVERS,
  SIMULATION_TABLE,
} from '../engine';
import type {
  CaseValues,
  DriverSource,
  FieldSpec,
  ScenarioField,
  SimulationResult,
  Value,
} from '../engine';
import { beginCall, catalogIndex } from './catalog';
import type { Cell, CellInput, CellResult } from './cells';

const NAME = 'FT_SIMULATE';
const MAX_ARGUMENTS = 6;

let fields: Map<string, FieldSpec> | undefined;
/** An input's field by its label or key, as names are matched (built on first use, not at load). */
function fieldNamed(label: string): FieldSpec | undefined {
  fields ??= new Map(
    SCENARIO_FIELDS.flatMap((field) => [
      [normalizeName(field.label), field],
      [normalizeName(field.key), field],
    ]),
  );
  return fields.get(normalizeName(label));
}

/**
 * A block of labelled rows (the Inputs, the cases table): each row's field, its label and row
 * for messages, and its cells after the label. A blank row is skipped; a label that is not
 * one `takes`, or is given twice, is an error naming the argument and the row.
 */
function labelledRows(
  argument: 'inputs' | 'cases',
  block: CellInput,
  columns: readonly [number, number, string],
  takes: (field: ScenarioField) => boolean,
  what: string,
): { readonly field: FieldSpec; readonly at: string; readonly cells: Cell[] }[] {
  const [least, most, shape] = columns;
  if (
    !Array.isArray(block) ||
    block.some((r) => !Array.isArray(r) || !(r.length >= least && r.length <= most))
  ) {
    throw new InputError(argument, `${argument} must be ${shape}`);
  }
  const seen = new Set<FieldSpec>();
  return block.flatMap(([label, ...cells], row) => {
    if (isBlank(label) && cells.every(isBlank)) return [];
    const field = typeof label === 'string' ? fieldNamed(label) : undefined;
    const problem = isBlank(label)
      ? 'has a value but no label'
      : !field || !takes(field.key)
        ? `is not ${what}`
        : seen.has(field)
          ? 'is given twice'
          : '';
    const at = `${describeValue(label)} (row ${row + 1})`;
    if (!field || problem) throw new InputError(argument, `${argument}: ${at} ${problem}`);
    seen.add(field);
    return [{ field, at, cells }];
  });
}

/**
 * The scenario's inputs from its block: a row per input (its label, its value), as its
 * cells hold them (a cell error stays one, for the model's check to name); an input with
 * no row takes the sidebar's default.
 */
function readInputs(block: CellInput): Record<ScenarioField, Value> {
  const shape =
    "two columns: each input's label, then its value (the scenario sheet's Inputs, columns A:B)";
  const inputs = inputCells(DEFAULT_SCENARIO);
  for (const { field, cells } of labelledRows(
    'inputs',
    block,
    [2, 2, shape],
    () => true,
    'an input of the scenario',
  )) {
    const [cell] = cells;
    const code = cellErrorCode(cell);
    inputs[field.key] = isBlank(cell)
      ? ''
      : code
        ? new SheetError(code as '#N/A')
        : typeof cell === 'string' || (typeof cell === 'number' && Number.isFinite(cell))
          ? cell
          : cell instanceof Date
            ? // A date cell reaches a custom function as a Date: its day, as Sheets numbers it.
              serialOfDate(cell.getFullYear(), cell.getMonth() + 1, cell.getDate())
            : describeValue(cell);
  }
  return inputs;
}

/**
 * The cases table's rows (a driver's label, then its value in each case, the base case
 * first; blank keeps the input), each value checked by its input's rule: a bad one is named
 * by its row, driver and column.
 */
function readCases(block: CellInput | undefined): CaseValues | undefined {
  if (block === undefined || [block].flat(2).every(isBlank)) return undefined;
  const drawn = new Set<string>(SIMULATION_DRIVERS.flatMap((driver) => driver.cases));
  const shape = "rows of a driver's label, then a value per case";
  const rows = labelledRows(
    'cases',
    block,
    [2, Infinity, shape],
    (f) => drawn.has(f),
    'a driver with cases',
  );
  return Object.fromEntries(
    rows.map(({ field, at, cells }) => {
      // The message names the argument, the row, the driver and the column.
      const values = cells.map((cell, c) =>
        isBlank(cell) ? '' : readNumber(`cases: ${at}, column ${c + 2},`, cell, field.rule),
      );
      return [field.key, values];
    }),
  );
}

/** An optional argument's one cell (a 1×1 range is its cell); a larger range is an error. */
function single(argument: string, value: CellInput | undefined): Cell {
  if (!Array.isArray(value)) return value;
  if (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1) return value[0][0];
  throw new InputError(argument, `${argument} must be one cell, got a range`);
}

/** An optional number ("30%", "10,000" read), undefined when blank. */
function numberIn(argument: string, value: CellInput | undefined): number | undefined {
  const cell = single(argument, value);
  return isBlank(cell) ? undefined : readNumber(argument, cell, 'finite');
}

/** Where `result`'s figure is in the table: "P50 NPV" row 2, column 1; "chance" row 4. */
function figureAt(result: CellInput | undefined): readonly number[] | undefined {
  const cell = single('result', result);
  if (isBlank(cell)) return undefined;
  const asked = typeof cell === 'string' ? normalizeName(cell) : '';
  const percentile = /^p(10|50|90)(npv|payback)$/.exec(asked);
  if (asked === 'chance') return [SIMULATION_TABLE.chanceRow, 1];
  if (percentile) {
    return [['10', '50', '90'].indexOf(percentile[1]) + 1, percentile[2] === 'npv' ? 1 : 2];
  }
  throw new InputError(
    'result',
    `result must be blank, P10, P50 or P90 NPV or payback, or chance, got ${describeValue(cell)}`,
  );
}

const SOURCES: readonly (readonly [DriverSource, (result: SimulationResult) => string])[] = [
  ['cases', () => 'triangular over the cases'],
  ['runs', (result) => `log-normal from ${result.calibrationRuns} measured runs`],
  ['spread', (result) => `triangular ±${Math.round(result.spread * 10000) / 100}%`],
];

/** One line: each driver's distribution, grouped by where it came from. */
export function driversNote(result: SimulationResult): string {
  const groups = SOURCES.flatMap(([source, words]) => {
    const labels = result.drivers.filter((d) => d.from === source).map((d) => d.label);
    return labels.length > 0 ? [`${labels.join(', ')} ${words(result)}`] : [];
  });
  return `Drivers: ${groups.join('; ')}`;
}

/** The table: percentiles, the chance of payback, the drivers, then the NPV histogram (27 × 3). */
export function simulationTable(result: SimulationResult): CellResult[][] {
  const { npv, payback } = result;
  return [
    [`${result.runs} runs, seed ${result.seed}`, 'NPV ($)', 'Payback (months)'],
    ['P10', npv.p10, payback.p10],
    ['P50', npv.p50, payback.p50],
    ['P90', npv.p90, payback.p90],
    [`Chance of payback in ${result.horizonMonths} months`, result.paysBackWithinHorizon, ''],
    [driversNote(result), '', ''],
    // Runs beside the bar's start, so a chart of these two columns is the histogram.
    ['NPV from ($)', 'Runs', 'NPV to ($)'],
    ...result.histogram.map((bin): CellResult[] => [bin.from, bin.runs, bin.to]),
  ];
}

/**
 * The scenario run many times (seeded), drawing training hours, GPU price, requests, growth, API price, labeling hours and discount rate. A driver with case values is triangular (lowest, first case, highest; blank: the input); hours calibrated on 3+ runs are log-normal, P10 and P90 the runs' lowest and highest ratio; others × a triangular factor 1 ± spread.
 * Example: =FT_SIMULATE({"Requests per month", 10000}, "P50 NPV", 0) returns 1698.755.
 * Example: =FT_SIMULATE({"Requests per month", 50000}, "chance") returns 1.
 *
 * @param {string|number} inputs The scenario sheet's Inputs (columns A:B from row 5: label, value); a missing input takes the sidebar's default.
 * @param {string} result Optional: blank for the table, or P10, P50 or P90 NPV or payback ("P50 NPV"), or "chance".
 * @param {number} spread Optional: the spread of the drivers without cases or runs, e.g. 30% (default, the article's).
 * @param {number} runs Optional: runs, 1 to 100000 (default 10000).
 * @param {number} seed Optional: a whole number that picks the draws (default 1).
 * @param {string|number} cases Optional: the scenario sheet's cases table (label, then a value per case).
 * @return P10/P50/P90 of the NPV and of the payback (months or "never"), the chance of payback within the horizon, each driver's distribution, a 20-bar NPV histogram; or the figure asked for.
 * @customfunction
 */
export function FT_SIMULATE(
  inputs: CellInput,
  result?: CellInput,
  spread?: CellInput,
  runs?: CellInput,
  seed?: CellInput,
  cases?: CellInput,
): CellResult | CellResult[][] {
  beginCall();
  try {
    if (arguments.length > MAX_ARGUMENTS) {
      throw new InputError('', `takes at most ${MAX_ARGUMENTS} arguments, got ${arguments.length}`);
    }
    if (arguments.length === 0) {
      throw new InputError(
        'inputs',
        `inputs is missing; it takes ${NAME}(inputs, [result], [spread], [runs], [seed], [cases])`,
      );
    }
    // A blank block gives a blank, as a blank row does to every FT_* function.
    if ([inputs].flat(2).every(isBlank)) return '';
    const at = figureAt(result);
    const table = simulationTable(
      simulateScenario(readInputs(inputs), catalogIndex(), {
        runs: numberIn('runs', runs),
        seed: numberIn('seed', seed),
        spread: numberIn('spread', spread),
        cases: readCases(cases),
      }),
    );
    return at ? table[at[0]][at[1]] : table;
  } catch (error) {
    // The cause is dropped on purpose: a cell shows only the message; a bug still reaches
    // it as a message for a person, never a raw TypeError.
    const message =
      error instanceof InputError
        ? `${error.problem}${error.hint ? `. ${error.hint}` : ''}`
        : 'could not simulate these inputs; please report it';
    // eslint-disable-next-line preserve-caught-error
    throw new Error(`${NAME}: ${message}`);
  }
}
