// Shared by the bundle tests: call the built dist/Code.js and describe what came back.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { callOutcome, sharedBundle } from '../support/bundle-calls';
import type { Outcome } from '../support/bundle-calls';
import { CODE_JS } from '../support/load-bundle';

export const ROOT = path.join(__dirname, '..', '..');

export { FT_ARITY as FT_FUNCTIONS } from '../support/bundle-calls';
export type { Outcome } from '../support/bundle-calls';

/** One loaded bundle for the tests of a file. */
export const bundle = sharedBundle;

/** Calls a global of the bundle and records its result or what it threw. */
export function call(name: string, ...args: unknown[]): Outcome {
  return callOutcome(sharedBundle(), name, args);
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
  /** The stated result: a number, a text, or a row written as Sheets' {a, b, ...}. */
  readonly result: number | string | readonly unknown[][];
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
    // (double-quoted text, plain numbers) read the same as a JSON array, once a percent
    // literal such as 10% is read as Sheets reads it (0.1).
    const percentsRead = match[2].replace(/\b(\d+(?:\.\d+)?)%/g, (_, digits: string) =>
      String(Number(digits) / 100),
    );
    // A Sheets array literal {"a", 1; "b", 2} is a range: rows split by ; and cells by ,.
    const arraysRead = percentsRead.replace(/\{([^}]*)\}/g, (_, cells: string) =>
      JSON.stringify(JSON.parse(`[[${cells.replace(/;/g, '],[')}]]`)),
    );
    const args = JSON.parse(`[${arraysRead}]`) as unknown[];
    const stated = match[3].trim();
    const quoted = /^"(.*)"$/.exec(stated);
    const row = /^\{(.*)\}$/.exec(stated);
    const result = row
      ? [JSON.parse(`[${row[1]}]`) as unknown[]]
      : quoted
        ? quoted[1]
        : Number(stated.replace(/,/g, ''));
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
