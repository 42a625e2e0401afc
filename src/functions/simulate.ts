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
  SIMULATION_TABLE,
} from '../engine';
import type { ScenarioField, SimulationResult, Value } from '../engine';
import { beginCall, catalogIndex } from './catalog';
import type { Cell, CellInput, CellResult } from './cells';

const NAME = 'FT_SIMULATE';
const MAX_ARGUMENTS = 5;

let fields: Map<string, ScenarioField> | undefined;
/** An input's field by its label or key, as names are matched (built on first use, not at load). */
function fieldNamed(label: string): ScenarioField | undefined {
  fields ??= new Map(
    SCENARIO_FIELDS.flatMap((field) => [
      [normalizeName(field.label), field.key],
      [normalizeName(field.key), field.key],
    ]),
  );
  return fields.get(normalizeName(label));
}

/**
 * The scenario's inputs from its block: a row per input (its label, its value), as its
 * cells hold them (a cell error stays one, for the model's check to name); an input with
 * no row takes the sidebar's default.
 */
function readInputs(block: CellInput): Record<ScenarioField, Value> {
  if (!Array.isArray(block) || block.some((row) => !Array.isArray(row) || row.length !== 2)) {
    throw new InputError(
      'inputs',
      "inputs must be two columns: each input's label, then its value (the scenario sheet's Inputs, columns A:B)",
    );
  }
  const inputs = inputCells(DEFAULT_SCENARIO);
  const seen = new Set<ScenarioField>();
  block.forEach(([label, cell], row) => {
    if (isBlank(label) && isBlank(cell)) return;
    const field = typeof label === 'string' ? fieldNamed(label) : undefined;
    const problem = !field
      ? isBlank(label)
        ? 'has a value but no label'
        : 'is not an input of the scenario'
      : seen.has(field)
        ? 'is given twice'
        : '';
    if (!field || problem) {
      throw new InputError('inputs', `inputs: ${describeValue(label)} (row ${row + 1}) ${problem}`);
    }
    seen.add(field);
    const code = cellErrorCode(cell);
    inputs[field] = isBlank(cell)
      ? ''
      : code
        ? new SheetError(code as '#N/A')
        : typeof cell === 'string' || (typeof cell === 'number' && Number.isFinite(cell))
          ? cell
          : cell instanceof Date
            ? // A date cell reaches a custom function as a Date: its day, as Sheets numbers it.
              serialOfDate(cell.getFullYear(), cell.getMonth() + 1, cell.getDate())
            : describeValue(cell);
  });
  return inputs;
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

/** The table: percentiles, the chance of payback, then the NPV histogram (26 rows × 3). */
export function simulationTable(result: SimulationResult): CellResult[][] {
  const { npv, payback } = result;
  return [
    [`${result.runs} runs, seed ${result.seed}`, 'NPV ($)', 'Payback (months)'],
    ['P10', npv.p10, payback.p10],
    ['P50', npv.p50, payback.p50],
    ['P90', npv.p90, payback.p90],
    [`Chance of payback in ${result.horizonMonths} months`, result.paysBackWithinHorizon, ''],
    // Runs beside the bar's start, so a chart of these two columns is the histogram.
    ['NPV from ($)', 'Runs', 'NPV to ($)'],
    ...result.histogram.map((bin): CellResult[] => [bin.from, bin.runs, bin.to]),
  ];
}

/**
 * The scenario run many times (seeded), its drivers drawn at random: training hours, GPU price, requests, volume growth, API price and labeling hours, each × a triangular factor from 1 − spread to 1 + spread.
 * Example: =FT_SIMULATE({"Requests per month", 10000}, "P50 NPV", 0) returns 1698.755.
 * Example: =FT_SIMULATE({"Requests per month", 50000}, "chance") returns 1.
 *
 * @param {string|number} inputs The scenario sheet's Inputs (columns A:B from row 5: label, value); a missing input takes the sidebar's default.
 * @param {string} result Optional: blank for the table, or P10, P50 or P90 NPV or payback ("P50 NPV"), or "chance".
 * @param {number} spread Optional: the drivers' spread, e.g. 30% (default, the article's).
 * @param {number} runs Optional: runs, 1 to 100000 (default 10000).
 * @param {number} seed Optional: a whole number that picks the draws (default 1).
 * @return P10/P50/P90 of the NPV and of the payback (months or "never"), the chance of payback within the horizon, a 20-bar NPV histogram; or the figure asked for.
 * @customfunction
 */
export function FT_SIMULATE(
  inputs: CellInput,
  result?: CellInput,
  spread?: CellInput,
  runs?: CellInput,
  seed?: CellInput,
): CellResult | CellResult[][] {
  beginCall();
  try {
    if (arguments.length > MAX_ARGUMENTS) {
      throw new InputError('', `takes at most ${MAX_ARGUMENTS} arguments, got ${arguments.length}`);
    }
    if (arguments.length === 0) {
      throw new InputError(
        'inputs',
        `inputs is missing; it takes ${NAME}(inputs, [result], [spread], [runs], [seed])`,
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
