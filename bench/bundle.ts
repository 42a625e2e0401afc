// Runs the built dist/Code.js in a fresh node:vm context for benchmarking.
//
// Unlike test/support/load-bundle.ts, the context is made with DONT_CONTEXTIFY: its
// global object is an ordinary one, as in Apps Script's V8. A contextified global
// (vm.createContext({...})) answers every global lookup (Array, Math, Number, Map)
// through a C++ interceptor, which makes a hot loop that touches a built-in 10-100×
// slower than it is in Apps Script, and would measure node:vm instead of the code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export type BundleContext = Record<string, unknown>;

export const ROOT = path.resolve(path.dirname(process.argv[1]), '..');
export const CODE_JS = path.join(ROOT, 'dist', 'Code.js');

export function readBundle(): string {
  return readFileSync(CODE_JS, 'utf8');
}

/** A fresh context with an ordinary global object, the given globals, and the bundle run in it. */
export function loadBundleForBench(
  code: string,
  services: Record<string, unknown> = {},
): BundleContext {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY) as BundleContext;
  const quiet = (): void => undefined;
  context.console = { log: quiet, info: quiet, warn: quiet, error: quiet };
  Object.assign(context, services);
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

export function callGlobal(context: BundleContext, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no global function ${name}`);
  return (fn as (...params: unknown[]) => unknown)(...args);
}

/** Remakes plain data (arrays, strings, numbers) inside the context, as Apps Script hands it over. */
export function inContext<T>(context: BundleContext, value: T): T {
  const parse = vm.runInContext('(text) => JSON.parse(text)', context) as (text: string) => T;
  return parse(JSON.stringify(value));
}
