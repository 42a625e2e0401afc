import type { MethodRow, ResolvedModel } from '../engine';
import {
  builtInIndex,
  checkNumber,
  describeValue,
  InputError,
  isBlank,
  parseNumberValue,
  readNumber,
} from '../engine';
import type { NumberRule } from '../engine';
import type { Cell } from './cells';

// Argument readers shared by the FT_* functions: one place that turns a cell into
// an engine value, so every function reads "model" or "examples" the same way.

export function model(name: string, value: Cell): ResolvedModel {
  return builtInIndex().model(name, value);
}

export function method(name: string, value: Cell): MethodRow {
  return builtInIndex().method(name, isBlank(value) ? 'full' : value);
}

/** A method's time factor: a method name, or a number (time relative to full fine-tuning). */
export function methodTimeFactor(name: string, value: Cell): number {
  if (isBlank(value)) return method(name, value).timeFactor;
  if (typeof value === 'number' || parseCell(value) !== undefined) {
    return number(name, value, 'positive');
  }
  return method(name, value).timeFactor;
}

/** A method name only: memory and FLOPs rules need one, which a bare time factor does not give. */
export function namedMethod(name: string, value: Cell): MethodRow {
  if (typeof value === 'number' || parseNumberValue(value) !== undefined) {
    throw new InputError(
      name,
      `${name} must be a method name here (a number sets only a time factor), got ${describeValue(value)}`,
      `Known: ${builtInIndex()
        .catalog.methods.map((row) => row.name)
        .join(', ')}`,
    );
  }
  return method(name, value);
}

export function number(name: string, value: Cell, rule: NumberRule): number {
  const parsed = parseCell(value);
  // What cannot be read goes to readNumber, which says why.
  if (parsed === undefined) return readNumber(name, value, rule);
  checkNumber(name, parsed, rule, value);
  return parsed;
}

/** An optional number: blank takes the default. */
export function optionalNumber(
  name: string,
  value: Cell,
  rule: NumberRule,
  fallback: number,
): number {
  return isBlank(value) ? fallback : number(name, value, rule);
}

// Text repeats down a column: numbers typed as text ("50,000", " 12000 ") and names
// ("LoRA"). Parsing text costs regular expressions and allocates trimmed and cleaned
// copies, and a Map lookup does neither, so each distinct text is parsed once and
// what it parsed to is remembered (NaN for text that is not a number, which
// parseNumberValue never returns). A full memo is emptied rather than grown; it is
// made on first use, not at load.
const TEXT_NUMBER_LIMIT = 1000;
let textNumbers: Map<string, number> | undefined;

/** parseNumberValue, remembering what each text parsed to. */
function parseCell(value: Cell): number | undefined {
  if (typeof value !== 'string') return parseNumberValue(value);
  if (!textNumbers) textNumbers = new Map();
  let parsed = textNumbers.get(value);
  if (parsed === undefined) {
    parsed = parseNumberValue(value) ?? NaN;
    if (textNumbers.size >= TEXT_NUMBER_LIMIT) textNumbers.clear();
    textNumbers.set(value, parsed);
  }
  return Number.isNaN(parsed) ? undefined : parsed;
}
