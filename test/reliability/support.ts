// Shared by the reliability tests: call the built bundle, recognise raw JavaScript
// errors in a message, and show inputs and results in docs/reliability.md.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { callOutcome, sharedBundle } from '../support/bundle-calls';
import type { Outcome } from '../support/bundle-calls';

export const ROOT = path.join(__dirname, '..', '..');

export { FT_ARITY } from '../support/bundle-calls';

/** Signs that a message is a raw JavaScript error rather than the product's own words. */
export const RAW_JS_MARKERS: readonly RegExp[] = [
  /TypeError/,
  /ReferenceError/,
  /RangeError/,
  /SyntaxError/,
  /InternalError/,
  /\bundefined\b/,
  /\bnull\b/,
  /\bNaN\b/,
  /\bInfinity\b/,
  /is not a function/,
  /is not defined/,
  /is not iterable/,
  /Cannot read/,
  /Cannot set/,
  /Cannot convert/,
  /Maximum call stack/,
  /\[object /,
  /\bat [\w.<>]+ \(/,
  /\.(js|ts):\d+(:\d+)?/,
  /Unexpected token/,
];

/** The markers found in a message, after removing text the user typed (which is echoed on purpose). */
export function rawJsMarkers(message: string, userTexts: readonly string[] = []): string[] {
  let own = message;
  for (const text of userTexts) {
    if (text.length === 0) continue;
    own = own.split(text).join(' ');
    // Long user text is shown shortened to 37 characters and "...".
    if (text.length > 40) own = own.split(text.slice(0, 37)).join(' ');
  }
  return RAW_JS_MARKERS.filter((marker) => marker.test(own)).map(String);
}

export type { Outcome } from '../support/bundle-calls';

/** One loaded bundle (the FT_* functions keep no state between calls). */
export const bundle = sharedBundle;

/** Calls a global of a loaded bundle and records what it returned or threw. */
export const callIn = callOutcome;

/** Calls an FT_* function of the shared bundle. */
export function call(name: string, args: readonly unknown[]): Outcome {
  return callOutcome(sharedBundle(), name, args);
}

/** True when a number equals the expected one to 12 significant digits. */
export function closeTo(actual: number, expected: number): boolean {
  if (actual === expected) return true;
  return Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(expected), 1e-300);
}

/** Compares a result with an expected value: numbers to 12 significant digits, the rest exactly. */
export function sameResult(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number') return typeof actual === 'number' && closeTo(actual, expected);
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => sameResult(actual[index], item))
    );
  }
  return actual === expected;
}

/** A number as the docs show it: at most 12 significant digits, no float noise. */
export function showNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Object.is(value, -0)) return '-0';
  return String(Number(value.toPrecision(12)));
}

/** A cell value or argument as the docs show it (strings quoted, ranges as Sheets array literals). */
export function show(value: unknown): string {
  if (value === undefined) return '(omitted)';
  if (value === null) return 'null';
  if (typeof value === 'number') return showNumber(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 30)}… (${value.length} characters)` : value;
    return JSON.stringify(shown);
  }
  if (Object.prototype.toString.call(value) === '[object Date]') {
    return `Date(${(value as Date).toISOString().slice(0, 10)})`;
  }
  if (Array.isArray(value)) return showRange(value);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const fields = Object.entries(value as Record<string, unknown>);
    return `{${fields.map(([key, field]) => `${key}: ${show(field)}`).join(', ')}}`;
  }
  return Object.prototype.toString.call(value);
}

function showRange(rows: readonly unknown[]): string {
  if (rows.length === 0) return '{} (0 rows)';
  const showRow = (row: unknown): string =>
    Array.isArray(row) ? row.map(show).join(', ') : `${show(row)} (not a row)`;
  if (rows.length > 6) {
    const first = rows[0];
    const columns = Array.isArray(first) ? first.length : 1;
    return `{${showRow(rows[0])}; ${showRow(rows[1])}; …; ${showRow(rows[rows.length - 1])}} (${rows.length.toLocaleString('en-US')} rows × ${columns} column${columns === 1 ? '' : 's'})`;
  }
  if (rows.length === 1 && Array.isArray(rows[0]) && rows[0].length > 6) {
    const row = rows[0] as unknown[];
    return `{${show(row[0])}, ${show(row[1])}, …, ${show(row[row.length - 1])}} (1 row × ${row.length.toLocaleString('en-US')} columns)`;
  }
  return `{${rows.map(showRow).join('; ')}}`;
}

/** Text for a Markdown table cell: in backticks, pipes escaped, on one line. */
export function mdCode(text: string): string {
  const oneLine = text.replace(/\r?\n/g, ' ⏎ ').replace(/\|/g, '\\|');
  return oneLine.includes('`') ? `\`\` ${oneLine} \`\`` : `\`${oneLine}\``;
}

/** Plain text for a Markdown table cell. */
export function mdText(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/**
 * Checks a generated document against the committed one, or writes it when
 * UPDATE_DOCS=1. Returns the difference to report, or '' when they match.
 */
export function syncDoc(relativePath: string, generated: string): string {
  const file = path.join(ROOT, relativePath);
  if (process.env.UPDATE_DOCS === '1') {
    writeFileSync(file, generated);
    return '';
  }
  let committed: string;
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    return `${relativePath} does not exist; run: UPDATE_DOCS=1 npx jest test/reliability`;
  }
  if (committed === generated) return '';
  const oldLines = committed.split('\n');
  const newLines = generated.split('\n');
  const first = newLines.findIndex((line, index) => line !== oldLines[index]);
  return (
    `${relativePath} is out of date; regenerate it with: UPDATE_DOCS=1 npx jest test/reliability\n` +
    `first difference at line ${first + 1}:\n- ${oldLines[first] ?? '(end of file)'}\n+ ${newLines[first] ?? '(end of file)'}`
  );
}

/** Fuzz runs per FT_* function (the issue asks for at least 10,000). */
export const FUZZ_RUNS = 10_000;
