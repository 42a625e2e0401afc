// The FT_* custom functions as HyperFormula functions: each call goes to the
// global of the same name in the built dist/Code.js, with Apps Script's argument
// conventions (a range is rows of cells, a blank cell is '', an omitted argument
// is undefined). What the bundle throws shows in the cell as #ERROR! with its message.
import {
  ArraySize,
  CellError,
  EmptyValue,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from 'hyperformula';
import type { FunctionMetadata, ImplementedFunctions } from 'hyperformula';
import { SIMULATION_TABLE } from '../../src/engine/simulation';

/** A cell as Apps Script hands it to a custom function. */
export type AppsScriptCell = string | number | boolean;
export type AppsScriptArgument = AppsScriptCell | AppsScriptCell[][] | undefined;

/** Calls one custom function of the bundle; throws what it throws. */
export type CustomFunctionCaller = (name: string, args: AppsScriptArgument[]) => unknown;

/** What HyperFormula's `context` config option must hold for these functions to run. */
export interface FtPluginContext {
  readonly callCustomFunction: CustomFunctionCaller;
}

/** A custom function's name and how many arguments it takes at most. */
export interface CustomFunctionSignature {
  readonly name: string;
  readonly parameterCount: number;
}

/** A scalar or range HyperFormula computes (its own types are not exported). */
type HfValue = number | string | boolean | CellError | SimpleRangeValue;

class FtFunctionsPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  callBundle(
    name: string,
    ast: { readonly args: Parameters<FtFunctionsPlugin['runFunction']>[0] },
    state: Parameters<FtFunctionsPlugin['runFunction']>[1],
  ): ReturnType<FtFunctionsPlugin['runFunction']> {
    const metadata: FunctionMetadata = this.metadata(name);
    return this.runFunction(ast.args, state, metadata, (...values: unknown[]): HfValue => {
      const context = this.config.context as FtPluginContext | undefined;
      if (!context) return new CellError(ErrorType.ERROR, `${name}: the add-in is not loaded`);
      const args: AppsScriptArgument[] = [];
      for (const value of values) {
        const converted = toAppsScript(value);
        if (converted instanceof CellError) return converted;
        args.push(converted);
      }
      // Trailing omitted arguments are simply not passed, as in Sheets.
      while (args.length > 0 && args[args.length - 1] === undefined) args.pop();
      let result: unknown;
      try {
        result = context.callCustomFunction(name, args);
      } catch (error) {
        return new CellError(ErrorType.ERROR, errorMessage(error));
      }
      return fromAppsScript(name, result);
    });
  }

  resultSize(
    name: string,
    ast: { readonly args: Parameters<FtFunctionsPlugin['runFunction']>[0] },
    state: Parameters<FtFunctionsPlugin['runFunction']>[1],
  ): ArraySize {
    // FT_SIMULATE spills its own table (3 columns) unless its result argument asks for one figure.
    if (name === 'FT_SIMULATE') {
      // A blank result ("", as the scenario sheet writes it, or left out) asks for the table.
      const result = ast.args[1] as
        { readonly type?: string; readonly value?: unknown } | undefined;
      const blank =
        !result || result.type === 'EMPTY' || (result.type === 'STRING' && result.value === '');
      return blank ? new ArraySize(3, SIMULATION_TABLE.rows) : ArraySize.scalar();
    }
    // Scalars and 1×1 ranges broadcast; the result has the shape of the ranges passed.
    for (const arg of ast.args) {
      const size = this.arraySizeForAst(arg, state);
      if (size.width !== 1 || size.height !== 1) return new ArraySize(size.width, size.height);
    }
    return ArraySize.scalar();
  }
}

function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

type PluginAst = Parameters<FtFunctionsPlugin['callBundle']>[1];
type PluginState = Parameters<FtFunctionsPlugin['callBundle']>[2];
type PluginMethod = (this: FtFunctionsPlugin, ast: PluginAst, state: PluginState) => unknown;

function scalarToAppsScript(value: unknown): AppsScriptCell | CellError {
  if (value instanceof CellError) return value;
  if (value === EmptyValue) return '';
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean')
    return value;
  // HyperFormula's rich numbers (dates, currency, percent) carry the number in `val`.
  if (value !== null && typeof value === 'object' && 'val' in value) {
    const raw = (value as { val: unknown }).val;
    if (typeof raw === 'number') return raw;
  }
  return new CellError(ErrorType.VALUE, 'unexpected argument');
}

function toAppsScript(value: unknown): AppsScriptArgument | CellError {
  if (value === undefined) return undefined;
  if (!(value instanceof SimpleRangeValue)) return scalarToAppsScript(value);
  const rows: AppsScriptCell[][] = [];
  for (const row of value.rawData()) {
    const out: AppsScriptCell[] = [];
    for (const cell of row) {
      const converted = scalarToAppsScript(cell);
      if (converted instanceof CellError) return converted;
      out.push(converted);
    }
    rows.push(out);
  }
  return rows;
}

function fromAppsScriptCell(name: string, value: unknown): number | string | boolean | CellError {
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? value
      : new CellError(ErrorType.NUM, `${name} returned ${value}`);
  }
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return new CellError(ErrorType.ERROR, `${name} returned ${String(value)}`);
}

function fromAppsScript(name: string, result: unknown): HfValue {
  if (!Array.isArray(result)) return fromAppsScriptCell(name, result);
  const rows = (result as unknown[]).map((row) =>
    Array.isArray(row)
      ? (row as unknown[]).map((cell) => fromAppsScriptCell(name, cell))
      : [fromAppsScriptCell(name, row)],
  );
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  return SimpleRangeValue.onlyValues(rows);
}

const registered = new Set<string>();

/**
 * Registers the custom functions with HyperFormula (once per process and name).
 * Each HyperFormula instance finds the bundle to call in its `context` config.
 */
export function registerCustomFunctions(signatures: readonly CustomFunctionSignature[]): void {
  const fresh = signatures.filter((signature) => !registered.has(signature.name));
  if (fresh.length === 0) return;
  const prototype = FtFunctionsPlugin.prototype as unknown as Record<string, PluginMethod>;
  for (const { name, parameterCount } of fresh) {
    const method = `call_${name}`;
    const sizeMethod = `size_${name}`;
    prototype[method] = function (this: FtFunctionsPlugin, ast: PluginAst, state: PluginState) {
      return this.callBundle(name, ast, state);
    };
    prototype[sizeMethod] = function (this: FtFunctionsPlugin, ast: PluginAst, state: PluginState) {
      return this.resultSize(name, ast, state);
    };
    FtFunctionsPlugin.implementedFunctions[name] = {
      method,
      sizeOfResultArrayMethod: sizeMethod,
      vectorizationForbidden: true,
      parameters: Array.from({ length: parameterCount }, () => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: true,
      })),
    };
    registered.add(name);
  }
  // Re-registering replaces the plugin, so every name registered so far stays known.
  try {
    HyperFormula.unregisterFunctionPlugin(FtFunctionsPlugin);
  } catch {
    // not registered yet
  }
  HyperFormula.registerFunctionPlugin(FtFunctionsPlugin, {
    enGB: Object.fromEntries([...registered].map((name) => [name, name])),
  });
}

/**
 * The custom functions dist/Code.js declares: its top-level `function FT_NAME(a, b)`
 * stubs, each with its parameter count.
 */
export function customFunctionSignatures(code: string): CustomFunctionSignature[] {
  const signatures: CustomFunctionSignature[] = [];
  const stub = /^function (FT_[A-Z0-9_]+)\(([^)]*)\)/gm;
  for (let match = stub.exec(code); match; match = stub.exec(code)) {
    const params = match[2].trim();
    signatures.push({ name: match[1], parameterCount: params ? params.split(',').length : 0 });
  }
  return signatures;
}
