import type { MethodRow, ResolvedModel } from '../engine';
import { builtInIndex, InputError, isBlank, parseNumberValue, readNumber } from '../engine';
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
  if (typeof value === 'number' || parseNumberValue(value) !== undefined) {
    return readNumber(name, value, 'positive');
  }
  return method(name, value).timeFactor;
}

/** A method name only: memory and FLOPs rules need one, which a bare time factor does not give. */
export function namedMethod(name: string, value: Cell): MethodRow {
  if (typeof value === 'number' || parseNumberValue(value) !== undefined) {
    throw new InputError(
      name,
      `${name} must be a method name here (a number sets only a time factor), got ${String(value)}`,
      `Known: ${builtInIndex()
        .catalog.methods.map((row) => row.name)
        .join(', ')}`,
    );
  }
  return method(name, value);
}

export function number(name: string, value: Cell, rule: NumberRule): number {
  return readNumber(name, value, rule);
}

/** An optional number: blank takes the default. */
export function optionalNumber(
  name: string,
  value: Cell,
  rule: NumberRule,
  fallback: number,
): number {
  return isBlank(value) ? fallback : readNumber(name, value, rule);
}
