// Headless Chromium for the browser tests, the playground, the benchmark and the
// reliability checks. Small API:
//
//   chromiumPath()                 the browser to use (CHROMIUM_PATH, else Debian's /usr/bin/chromium)
//   browserAvailability()          whether browser tests run here, and why not
//   describeWithBrowser(name, fn)  a Jest `describe` that skips (printing why) when no browser
//                                  exists, and runs (and fails) when CI=true and none exists
//   describeWhen(availability, name, fn)  the same for any tool (LibreOffice: support/libreoffice.ts)
//   launchChromium()               the browser, headless, with CHROMIUM_ARGS
//   wireScriptRun(page, handler)   a `google.script.run` in the page that calls `handler(name, args)`
//                                  in Node, carrying only JSON (as Apps Script carries only plain data)
//   openSidebarPage(browser, handler)  the built dist/Sidebar.html in a 300 px page wired that way,
//                                  recording dialogs and refusing (and recording) every other request
//   saveDocScreenshot(page, file)  a screenshot for docs/, written when missing or UPDATE_DOCS=1
//   nextRunReply(page, name)       the playground's reply to the next server call of `name`
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, LaunchOptions, Page } from 'playwright-core';
import type { RunResult } from '../../playground/view';

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
  describeWhen(browserAvailability(), name, body);
}

/** A Jest describe block that runs when a tool is available, else skips saying why. */
export function describeWhen(
  availability: { readonly run: true } | { readonly run: false; readonly reason: string },
  name: string,
  body: () => void,
): void {
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

/** A page showing the built sidebar, and what it tried that it must not. */
export interface SidebarPage {
  readonly page: Page;
  /** The address the page is served at; `page.goto(url)` (re)loads it. */
  readonly url: string;
  /** Messages of every alert/confirm/prompt the page opened (each dismissed). */
  readonly dialogs: string[];
  /** Every request to anything but the sidebar itself (each aborted). */
  readonly externalRequests: string[];
}

/** Where the sidebar is served: a made-up origin, so any other request stands out. */
export const SIDEBAR_URL = 'https://sidebar.test/Sidebar.html';

/**
 * A 300 px page that serves the built dist/Sidebar.html at SIDEBAR_URL with its
 * google.script.run wired to `handler`. It does not navigate: call
 * `page.goto(url)` (after anything else that must be wired first). `html` defaults to
 * dist/Sidebar.html next to this file; pass it when running from a bundled script.
 */
export async function openSidebarPage(
  browser: Browser,
  handler: ScriptRunHandler,
  html: string = readFileSync(path.join(__dirname, '..', '..', 'dist', 'Sidebar.html'), 'utf8'),
): Promise<SidebarPage> {
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const dialogs: string[] = [];
  const externalRequests: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.route('**/*', async (route) => {
    if (route.request().url() === SIDEBAR_URL) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    } else {
      externalRequests.push(route.request().url());
      await route.abort();
    }
  });
  await wireScriptRun(page, handler);
  return { page, url: SIDEBAR_URL, dialogs, externalRequests };
}

/**
 * Takes a screenshot for docs/ (the README shows them). It is always taken, so the page
 * must render; it is written only when the file is missing or UPDATE_DOCS=1, so a test
 * run does not rewrite committed images with pixel noise.
 */
export async function saveDocScreenshot(page: Page, file: string): Promise<void> {
  const image = await page.screenshot();
  if (existsSync(file) && process.env.UPDATE_DOCS !== '1') return;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, image);
}

/**
 * The playground's reply to the next call of the server function `name` (a POST to
 * /api/run). Call it before the click that makes the call, await it after.
 */
export async function nextRunReply(page: Page, name: string): Promise<RunResult> {
  const response = await page.waitForResponse(
    (candidate) =>
      candidate.url().endsWith('/api/run') &&
      (candidate.request().postData() ?? '').includes(JSON.stringify(name)),
  );
  return (await response.json()) as RunResult;
}
