// Shared by the bundle tests: call the built dist/Code.js and describe what came back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import ts from 'typescript';
import { CODE_JS, loadBundle } from '../support/load-bundle';
import type { AppsScriptContext } from '../support/load-bundle';

export const ROOT = path.join(__dirname, '..', '..');

/** The FT_* functions the issue names, with their parameter counts. */
export const FT_FUNCTIONS: Readonly<Record<string, number>> = {
  FT_HOURS: 3,
  FT_COST: 4,
  FT_BREAKEVEN: 3,
  FT_API_COST: 5,
  FT_ROI: 3,
  FT_MEMORY: 2,
  FT_COMPUTE_HOURS: 5,
  FT_ONPREM_BREAKEVEN: 4,
};

export type Outcome =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly message: string;
      /** The thrown value's class name, e.g. "Error" or "TypeError". */
      readonly errorName: string;
      /** True when it is an Error of the bundle's own realm (what Apps Script would show). */
      readonly isBundleError: boolean;
    };

let shared: AppsScriptContext | undefined;

/** One loaded bundle for the tests of a file (the functions keep no state between calls). */
export function bundle(): AppsScriptContext {
  if (!shared) shared = loadBundle();
  return shared;
}

/** Calls a global of the bundle and records its result or what it threw. */
export function call(name: string, ...args: unknown[]): Outcome {
  const context = bundle();
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no global function ${name}`);
  try {
    return { ok: true, value: (fn as (...params: unknown[]) => unknown)(...args) };
  } catch (thrown) {
    const BundleError = vm.runInContext('Error', context) as ErrorConstructor;
    const isObject = typeof thrown === 'object' && thrown !== null;
    return {
      ok: false,
      message: isObject ? String((thrown as { message?: unknown }).message) : String(thrown),
      errorName: isObject ? String((thrown as { name?: unknown }).name) : typeof thrown,
      isBundleError: thrown instanceof BundleError,
    };
  }
}

/** The value a call returned; fails the test with the message when it threw. */
export function valueOf(name: string, ...args: unknown[]): unknown {
  const outcome = call(name, ...args);
  if (!outcome.ok) throw new Error(`${name} threw: ${outcome.message}`);
  return outcome.value;
}

/** The message a call threw; fails the test when it returned instead. */
export function errorOf(name: string, ...args: unknown[]): string {
  const outcome = call(name, ...args);
  if (outcome.ok) {
    throw new Error(`${name} returned ${JSON.stringify(outcome.value)} instead of an error`);
  }
  if (outcome.errorName !== 'Error' || !outcome.isBundleError) {
    throw new Error(`${name} threw a ${outcome.errorName}, not a plain Error: ${outcome.message}`);
  }
  return outcome.message;
}

/** A column range as Sheets passes it: one row array per cell. */
export function column(...cells: unknown[]): unknown[][] {
  return cells.map((cell) => [cell]);
}

/** A row range as Sheets passes it: one array holding every cell. */
export function row(...cells: unknown[]): unknown[][] {
  return [cells];
}

/** What a cell may show: a finite number, the text "never", or a blank. */
export function isShowable(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || value === 'never' || value === '';
}

/** dist/Code.js parsed as JavaScript. */
export function parseCodeJs(): ts.SourceFile {
  return ts.createSourceFile(
    'Code.js',
    readFileSync(CODE_JS, 'utf8'),
    ts.ScriptTarget.ES2019,
    true,
    ts.ScriptKind.JS,
  );
}

/** One JSDoc "Example: =FT_X(args) returns result" line. */
export interface JsdocExample {
  readonly line: string;
  readonly functionName: string;
  readonly args: unknown[];
  /** The stated result: a number or a text. */
  readonly result: number | string;
  /** Decimals the stated result was rounded to, when the line says "(rounded)". */
  readonly roundedTo: number | undefined;
}

const EXAMPLE = /^Example:\s*=(\w+)\((.*)\) returns (.+?)( \(rounded\))?\.?$/;

/** Reads the "Example:" lines of a JSDoc comment; throws on one it cannot read. */
export function examplesIn(jsdoc: string): JsdocExample[] {
  const lines = jsdoc
    .split('\n')
    .map((line) => line.replace(/^\s*(\/\*\*|\*\/|\*)?\s?/, '').trim())
    .filter((line) => line.startsWith('Example:'));
  return lines.map((line) => {
    const match = EXAMPLE.exec(line);
    if (!match) throw new Error(`Cannot read the JSDoc example line: ${line}`);
    // The arguments are written as Sheets formulas write them; the ones used here
    // (double-quoted text, plain numbers) read the same as a JSON array.
    const args = JSON.parse(`[${match[2]}]`) as unknown[];
    const stated = match[3].trim();
    const quoted = /^"(.*)"$/.exec(stated);
    const result = quoted ? quoted[1] : Number(stated.replace(/,/g, ''));
    if (typeof result === 'number' && !Number.isFinite(result)) {
      throw new Error(`The JSDoc example's result is neither a number nor quoted text: ${line}`);
    }
    const decimals = /\.(\d+)$/.exec(stated);
    return {
      line,
      functionName: match[1],
      args,
      result,
      roundedTo: match[4] ? (decimals ? decimals[1].length : 0) : undefined,
    };
  });
}
