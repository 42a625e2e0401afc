// Runs the built bundle over the emulated workbook as one Apps Script execution:
// the services are wrapped so that (1) an error a service throws arrives as an Error
// of the bundle's own realm, as Apps Script's service exceptions do (the emulator
// lives in the test's realm, so without this `error instanceof Error` in the add-in
// would be false only here), and (2) a hook runs before each service call, which lets
// a test run a second execution in the middle of the first.
import vm from 'node:vm';
import type { Workbook } from '../../emulator';
import { loadBundle } from '../support/load-bundle';
import type { AppsScriptContext } from '../support/load-bundle';

export interface Execution {
  readonly context: AppsScriptContext;
  /** Service calls this execution has made. */
  calls(): number;
  /** Runs before each of this execution's service calls, with the 1-based call number. */
  beforeCall: ((call: number, name: string) => void) | undefined;
  /** Calls a global of the bundle. */
  run(name: string, ...args: unknown[]): unknown;
}

function isWrappable(value: unknown): value is object {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  if (Array.isArray(value)) return false;
  return Object.prototype.toString.call(value) !== '[object Date]';
}

/** A fresh execution of dist/Code.js over `workbook`'s services. */
export function execution(workbook: Workbook): Execution {
  const proxies = new WeakMap<object, object>();
  const targets = new WeakMap<object, object>();
  let count = 0;
  const realm: { Error?: ErrorConstructor } = {};

  const unwrap = (value: unknown): unknown =>
    isWrappable(value) && targets.has(value) ? targets.get(value) : value;

  const inRealm = (error: unknown): unknown => {
    if (!realm.Error || !(error instanceof Error)) return error;
    const copy = new realm.Error(error.message);
    copy.name = error.name;
    return copy;
  };

  const wrap = (value: unknown, path: string): unknown => {
    if (!isWrappable(value)) return value;
    const known = proxies.get(value);
    if (known) return known;
    const proxy = new Proxy(value, {
      get(target, property, receiver) {
        const member: unknown = Reflect.get(
          target,
          property,
          receiver === proxy ? target : receiver,
        );
        if (typeof member !== 'function' || typeof property !== 'string') return wrap(member, path);
        return (...args: unknown[]): unknown => {
          count++;
          exec.beforeCall?.(count, `${path}.${property}`);
          let result: unknown;
          try {
            result = (member as (...params: unknown[]) => unknown).apply(target, args.map(unwrap));
          } catch (error) {
            throw inRealm(error);
          }
          return wrap(result, property);
        };
      },
    });
    proxies.set(value, proxy);
    targets.set(proxy, value);
    return proxy;
  };

  const services: Record<string, unknown> = {};
  for (const [name, service] of Object.entries(workbook.services))
    services[name] = wrap(service, name);
  const context = loadBundle(services);
  realm.Error = vm.runInContext('Error', context) as ErrorConstructor;

  const exec: Execution = {
    context,
    calls: () => count,
    beforeCall: undefined,
    run(name: string, ...args: unknown[]): unknown {
      const fn = context[name];
      if (typeof fn !== 'function') throw new Error(`dist/Code.js has no global function ${name}`);
      return (fn as (...params: unknown[]) => unknown)(...args);
    },
  };
  return exec;
}

/** What a call gave: its value, or the message it threw. */
export type Result = { ok: true; value: unknown } | { ok: false; message: string };

export function attempt(exec: Execution, name: string, ...args: unknown[]): Result {
  try {
    return { ok: true, value: exec.run(name, ...args) };
  } catch (error) {
    const message =
      typeof error === 'object' && error !== null && 'message' in error
        ? String((error as { message: unknown }).message)
        : String(error);
    return { ok: false, message };
  }
}

/** Where a second execution can start in a first one's run, and which starts differ. */
export interface StartPoints {
  /** Service calls of the first run alone. */
  readonly calls: number;
  /** The call numbers to start the second before: one or two per distinct schedule. */
  readonly points: readonly number[];
}

/**
 * Runs `fn` once on `workbook` and lists the calls before which a second execution gives a
 * different schedule. Before a call made without the document lock, the second runs right
 * there: each such call is its own schedule. Before a call made while the first holds the
 * lock, the second waits and runs when the lock is released: every call of one such stretch
 * gives that same schedule, so only the stretch's first and last calls are kept (run both:
 * if they ever differed, the stretch would not be one schedule).
 */
export function startPoints(workbook: Workbook, fn: string, ...args: unknown[]): StartPoints {
  const exec = execution(workbook);
  const held: boolean[] = [];
  exec.beforeCall = (call) => {
    held[call] = workbook.lockHolder() !== null;
  };
  attempt(exec, fn, ...args);
  const calls = exec.calls();
  const points: number[] = [];
  for (let call = 1; call <= calls; call++) {
    const stretchStart = !held[call - 1];
    const stretchEnd = !held[call + 1];
    if (!held[call] || stretchStart || stretchEnd) points.push(call);
  }
  return { calls, points };
}
