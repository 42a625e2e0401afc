// Calling the built bundle from tests and recording what came back, shared by the
// bundle and reliability tests.
import vm from 'node:vm';
import { loadBundle } from './load-bundle';
import type { AppsScriptContext } from './load-bundle';

/** The FT_* functions the issue names, with their parameter counts (written by hand, on purpose). */
export const FT_ARITY: Readonly<Record<string, number>> = {
  FT_HOURS: 3,
  FT_COST: 4,
  FT_BREAKEVEN: 3,
  FT_API_COST: 5,
  FT_ROI: 3,
  FT_MEMORY: 2,
  FT_COMPUTE_HOURS: 5,
  FT_ONPREM_BREAKEVEN: 4,
  FT_MANAGED_COST: 6,
  FT_NPV: 5,
  FT_PAYBACK: 4,
  FT_REQUIRED_VOLUME: 7,
  FT_SIMULATE: 6,
  FT_CALIBRATION: 2,
};

/**
 * The FT_* functions that give a table of their own (labels and figures, a fixed shape)
 * rather than one result per cell of their ranges: the per-cell properties skip them.
 */
export const FT_TABLES: ReadonlySet<string> = new Set(['FT_SIMULATE']);

/** How many leading arguments of each FT_* function are required (the rest are optional). */
export const FT_REQUIRED: Readonly<Record<string, number>> = {
  FT_HOURS: 2,
  FT_COST: 3,
  FT_BREAKEVEN: 2,
  FT_API_COST: 4,
  FT_ROI: 2,
  FT_MEMORY: 1,
  FT_COMPUTE_HOURS: 2,
  FT_ONPREM_BREAKEVEN: 2,
  FT_MANAGED_COST: 2,
  FT_NPV: 3,
  FT_PAYBACK: 2,
  FT_REQUIRED_VOLUME: 4,
  FT_SIMULATE: 1,
  FT_CALIBRATION: 1,
};

/** What one call of a bundle global gave: its value, or what it threw. */
export type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly message: string;
      /** The thrown value's class name, e.g. "Error" or "TypeError". */
      readonly errorName: string;
      /** True when it is an Error of the bundle's own realm (what Apps Script would show). */
      readonly isBundleError: boolean;
      /** True when it is an Error of any realm (a service's error comes from the emulator's). */
      readonly isError: boolean;
    };

let shared: AppsScriptContext | undefined;

/** One loaded bundle for the tests of a file (the FT_* functions keep no state between calls). */
export function sharedBundle(): AppsScriptContext {
  if (!shared) shared = loadBundle();
  return shared;
}

/** Calls a global of a loaded bundle and records what it returned or threw. */
export function callOutcome(
  context: AppsScriptContext,
  name: string,
  args: readonly unknown[],
): Outcome {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no global function ${name}`);
  try {
    return { ok: true, value: (fn as (...params: unknown[]) => unknown)(...args) };
  } catch (thrown) {
    const BundleError = vm.runInContext('Error', context) as ErrorConstructor;
    const isObject = typeof thrown === 'object' && thrown !== null;
    const isBundleError = thrown instanceof BundleError;
    return {
      ok: false,
      message: isObject ? String((thrown as { message?: unknown }).message) : String(thrown),
      errorName: isObject
        ? String((thrown as { constructor?: { name?: unknown } }).constructor?.name)
        : typeof thrown,
      isBundleError,
      isError: isBundleError || thrown instanceof Error,
    };
  }
}
