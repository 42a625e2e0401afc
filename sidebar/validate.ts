// Reads the form the way the server will: every field checked by the engine, so
// the sidebar shows exactly the engine's InputError messages, one per field.
import {
  DEFAULT_SCENARIO,
  InputError,
  SCENARIO_FIELDS,
  computeScenario,
  isBlank,
  resolveScenario,
} from '../src/engine';
import type { CatalogIndex, ScenarioField, ScenarioInput, ScenarioResult } from '../src/engine';
import { messageOf } from '../src/shared/message';
import type { RawInput } from './form';

export type Evaluation =
  | { readonly ok: true; readonly input: ScenarioInput; readonly result: ScenarioResult }
  | {
      readonly ok: false;
      readonly errors: ReadonlyMap<ScenarioField, string>;
      /** A message for the whole form (the first field's, or one no field owns). */
      readonly message: string;
    };

/**
 * The engine names a field by its key ("horizonMonths must be..."), as the server's
 * callers know it; under a form field, its label reads better ("Horizon (months) must be...").
 */
function withLabel(message: string, key: string, label: string): string {
  return message.startsWith(`${key} `) ? `${label}${message.slice(key.length)}` : message;
}

/**
 * Checks each field on its own (so every invalid field gets its message at
 * once), then resolves and computes the whole scenario.
 */
export function evaluate(raw: RawInput, index: CatalogIndex): Evaluation {
  const errors = new Map<ScenarioField, string>();
  for (const field of SCENARIO_FIELDS) {
    // The server fills a field left out with its default; in the form, a box the user
    // cleared is a mistake to point at, not a value to replace silently. Only the API
    // price overrides mean "blank = the catalog price", and Hours from "blank = calibrated when
    // a measured run applies, else the rule".
    const value = raw[field.key];
    const blankMeans = field.kind === 'optionalNumber' || field.kind === 'hoursFrom';
    if (!blankMeans && (isBlank(value) || String(value).trim() === '')) {
      errors.set(
        field.key,
        `${field.label} is required (the default is ${DEFAULT_SCENARIO[field.key]})`,
      );
      continue;
    }
    try {
      resolveScenario({ [field.key]: raw[field.key] }, index);
    } catch (error) {
      errors.set(field.key, withLabel(messageOf(error), field.key, field.label));
    }
  }
  if (errors.size > 0) {
    const first = errors.values().next().value ?? '';
    const count = errors.size;
    return {
      ok: false,
      errors,
      message: count === 1 ? `Fix this value: ${first}` : `Fix ${count} values; first: ${first}`,
    };
  }
  try {
    const resolved = resolveScenario(raw, index);
    return { ok: true, input: { ...resolved.input }, result: computeScenario(resolved, index) };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { ok: false, errors, message: error.message };
  }
}
