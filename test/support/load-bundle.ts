import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

export const DIST = path.join(__dirname, '..', '..', 'dist');
export const CODE_JS = path.join(DIST, 'Code.js');

/** Globals the server code must never find in Apps Script's V8 (or rely on). */
export const FORBIDDEN_GLOBALS = [
  'require',
  'process',
  'module',
  'exports',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'fetch',
  'URL',
  'TextEncoder',
  'TextDecoder',
  'Buffer',
] as const;

/** The built Apps Script project running in its own V8 context, as Apps Script runs it. */
export type AppsScriptContext = vm.Context & Record<string, unknown>;

/**
 * Runs the built dist/Code.js in a fresh `node:vm` context that holds only the
 * ECMAScript built-ins, a `console`, and the Apps Script services passed in
 * (e.g. an emulated SpreadsheetApp). Top-level functions become the context's
 * properties, as they become globals in Apps Script.
 */
export function loadBundle(
  services: Record<string, unknown> = {},
  code = readFileSync(CODE_JS, 'utf8'),
): AppsScriptContext {
  const logged: unknown[][] = [];
  const console = {
    log: (...args: unknown[]) => logged.push(args),
    info: (...args: unknown[]) => logged.push(args),
    warn: (...args: unknown[]) => logged.push(args),
    error: (...args: unknown[]) => logged.push(args),
  };
  const context = vm.createContext({ console, ...services }) as AppsScriptContext;
  vm.runInContext(code, context, { filename: 'Code.js' });
  return context;
}

/** Calls a global function of the bundle; throws what it throws. */
export function callGlobal(context: AppsScriptContext, name: string, ...args: unknown[]): unknown {
  const fn = context[name];
  if (typeof fn !== 'function') throw new Error(`dist/Code.js has no global function ${name}`);
  return (fn as (...params: unknown[]) => unknown)(...args);
}
