// Headless Chromium for the browser tests, the playground, the benchmark and the
// reliability checks. Small API:
//
//   chromiumPath()                 the browser to use (CHROMIUM_PATH, else Debian's /usr/bin/chromium)
//   browserAvailability()          whether browser tests run here, and why not
//   describeWithBrowser(name, fn)  a Jest `describe` that skips (printing why) when no browser
//                                  exists, and runs (and fails) when CI=true and none exists
//   launchChromium()               the browser, headless, with CHROMIUM_ARGS
//   wireScriptRun(page, handler)   a `google.script.run` in the page that calls `handler(name, args)`
//                                  in Node, carrying only JSON (as Apps Script carries only plain data)
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, LaunchOptions, Page } from 'playwright-core';

/** Debian's chromium package. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, offline, sandbox-less headless run (containers have no user namespaces). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** The browser executable: $CHROMIUM_PATH if set, else /usr/bin/chromium. */
export function chromiumPath(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  return fromEnv && fromEnv.trim() !== '' ? fromEnv : DEFAULT_CHROMIUM;
}

/** True when the CI variable is set (CI=true, CI=1, ...); "false", "0" and blank mean not set. */
export function isCi(): boolean {
  const value = (process.env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== 'false' && value !== '0';
}

export type Availability =
  | { readonly run: true; readonly executablePath: string }
  | { readonly run: false; readonly reason: string };

/**
 * Browser tests run when the browser exists, and always on CI (where a missing
 * browser must fail the run, not skip it). Elsewhere, a missing browser skips
 * them with a reason.
 */
export function browserAvailability(): Availability {
  const executablePath = chromiumPath();
  if (existsSync(executablePath) || isCi()) return { run: true, executablePath };
  return {
    run: false,
    reason:
      `no Chromium at ${executablePath} (install Debian's chromium package or set ` +
      'CHROMIUM_PATH); browser tests skipped. On CI (CI=true) they run and fail instead.',
  };
}

/** A Jest describe block that needs the browser: skipped with a printed reason when there is none. */
export function describeWithBrowser(name: string, body: () => void): void {
  const availability = browserAvailability();
  if (availability.run) {
    describe(name, body);
    return;
  }
  // Printed once per file, so a skip is never silent.
  console.warn(`${name}: ${availability.reason}`);
  describe.skip(name, body);
}

/** Launches headless Chromium with CHROMIUM_ARGS (plus any extra options). */
export async function launchChromium(options: LaunchOptions = {}): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    ...options,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
  });
}

/** Answers one server call: return (or resolve) the value, or throw (or reject) an Error. */
export type ScriptRunHandler = (name: string, args: unknown[]) => unknown;

/**
 * An error's message. Not `instanceof Error`: an error thrown by the bundle in its
 * node:vm context comes from another realm.
 */
function messageOf(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error) {
    return String((error as { message: unknown }).message);
  }
  return String(error);
}

/** The binding the page's google.script.run calls. */
const BINDING = '__scriptRunCall';

/**
 * Gives every page loaded afterwards a `google.script.run` whose calls go to
 * `handler` in Node: `run.withSuccessHandler(f).withFailureHandler(g).name(...args)`.
 * Arguments and results cross as JSON; a thrown error reaches the failure handler
 * as an Error with the same message, as Apps Script does. Handlers run
 * asynchronously, after the call returns, as in Apps Script. Call before page.goto.
 */
export async function wireScriptRun(page: Page, handler: ScriptRunHandler): Promise<void> {
  await page.exposeFunction(BINDING, async (name: string, json: string): Promise<string> => {
    try {
      const value = await handler(name, JSON.parse(json) as unknown[]);
      return JSON.stringify({ value: value === undefined ? null : value });
    } catch (error) {
      return JSON.stringify({ error: messageOf(error) });
    }
  });
  await page.addInitScript({
    content: `(() => {
  const call = (name, json) => window[${JSON.stringify(BINDING)}](name, json);
  const runner = (success, failure) => new Proxy({}, {
    get(_target, prop) {
      if (prop === 'withSuccessHandler') return (fn) => runner(fn, failure);
      if (prop === 'withFailureHandler') return (fn) => runner(success, fn);
      if (prop === 'withUserObject') return () => runner(success, failure);
      if (typeof prop !== 'string' || prop === 'then') return undefined;
      return (...args) => {
        call(prop, JSON.stringify(args)).then((text) => {
          const reply = JSON.parse(text);
          if ('error' in reply) { if (failure) failure(new Error(reply.error)); }
          else if (success) success(reply.value);
        });
      };
    },
  });
  window.google = { script: { run: runner(undefined, undefined) } };
})();`,
  });
}
