// "Nothing let in": the manifest asks for the two scopes the add-on needs and no
// more; the built bundle reaches no network, trigger, Drive, mail or other service;
// the sidebar builds its DOM without parsing user text as HTML.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Browser, Page } from 'playwright-core';
import type { Workbook } from '../../emulator';
import { CATALOG_SHEET, KEY_FIRST_COLUMN } from '../../src/addon/catalog-sheet';
import {
  SIDEBAR_URL,
  describeWithBrowser,
  launchChromium,
  openSidebarPage,
} from '../support/browser';
import { CODE_JS, DIST } from '../support/load-bundle';
import { attempt, execution } from './harness';
import { FORBIDDEN_IN_BUNDLE, HOSTILE_NAMES } from './lists';
import { FT_ARITY, ROOT } from './support';
import { addUserCatalogRows, bases, fresh } from './workbooks';

const SCOPES = [
  'https://www.googleapis.com/auth/script.container.ui',
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
];

/** Globals a tripwire context defines: touching any of them during a run is recorded. */
const TRIPWIRE_GLOBALS = [
  'UrlFetchApp',
  'ScriptApp',
  'DriveApp',
  'GmailApp',
  'MailApp',
  'CalendarApp',
  'DocumentApp',
  'SlidesApp',
  'FormApp',
  'PropertiesService',
  'CacheService',
  'Session',
  'fetch',
  'XMLHttpRequest',
  'Drive',
  'Sheets',
];

function manifest(file: string): { oauthScopes?: unknown } {
  return JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: unknown };
}

describe('the manifest asks for the two scopes and no more', () => {
  test.each([
    ['appsscript.json', path.join(ROOT, 'appsscript.json')],
    ['dist/appsscript.json', path.join(DIST, 'appsscript.json')],
  ])('%s', (_name, file) => {
    const scopes = manifest(file).oauthScopes;
    expect(Array.isArray(scopes)).toBe(true);
    expect([...(scopes as string[])].sort()).toEqual(SCOPES);
  });

  test('the manifest adds no advanced services, libraries or web app', () => {
    const data = JSON.parse(readFileSync(path.join(DIST, 'appsscript.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    const dependencies = (data.dependencies ?? {}) as Record<string, unknown>;
    expect(dependencies.enabledAdvancedServices ?? []).toEqual([]);
    expect(dependencies.libraries ?? []).toEqual([]);
    expect(data.webapp).toBeUndefined();
    expect(data.executionApi).toBeUndefined();
    expect(data.urlFetchWhitelist).toBeUndefined();
  });
});

describe('the built bundle calls no network, trigger, Drive, mail or other service', () => {
  const code = readFileSync(CODE_JS, 'utf8');

  test.each(FORBIDDEN_IN_BUNDLE.map((entry) => [entry.name, entry.pattern] as const))(
    'dist/Code.js does not use %s',
    (_name, pattern) => {
      const line = code.split('\n').find((text) => pattern.test(text));
      expect(line).toBeUndefined();
    },
  );

  test('the sidebar page loads nothing from the network and calls no network API', () => {
    const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    expect(html).not.toMatch(
      /<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//i,
    );
    expect(html).not.toMatch(/(^|[^.\w])fetch\s*\(/);
    expect(html).not.toMatch(/\bXMLHttpRequest\b|\bWebSocket\b|\bsendBeacon\b|\bEventSource\b/);
  });

  test('running every FT_* function touches none of those services (tripwire globals)', () => {
    const touched: string[] = [];
    const sandbox: Record<string, unknown> = { console };
    for (const name of TRIPWIRE_GLOBALS) {
      Object.defineProperty(sandbox, name, {
        get: () => {
          touched.push(name);
          return undefined;
        },
        enumerable: true,
      });
    }
    const context = vm.createContext(sandbox);
    vm.runInContext(code, context, { filename: 'Code.js' });
    const samples: Record<string, unknown[]> = {
      FT_HOURS: ['Llama 13B', 50000],
      FT_COST: ['Llama 13B', 50000, 'AWS spot'],
      FT_BREAKEVEN: [1001.25, 50],
      FT_API_COST: [10000, 1000, 300, 'Claude'],
      FT_ROI: [1001.25, 50],
      FT_MEMORY: ['Llama 13B', 'LoRA'],
      FT_COMPUTE_HOURS: ['Llama 13B', 5000000, 'LoRA'],
      FT_ONPREM_BREAKEVEN: [20000, 2.49],
      FT_MANAGED_COST: [10000, 500, 1, 'Fireworks', 'Llama 13B', 'LoRA'],
      FT_NPV: [1000, 50, 36, 0, 0.1],
      FT_PAYBACK: [1000, 50, 0.02],
      FT_REQUIRED_VOLUME: [1000, 0.0075, 0.001, 12, 100, 0.02, 0.1],
      FT_SIMULATE: [
        [['Requests per month', 50000]],
        'chance',
        0.3,
        200,
        1,
        [['Labeling hours', '', 28, 52]],
      ],
      FT_CALIBRATION: ['A100', 'LoRA'],
    };
    for (const fn of Object.keys(FT_ARITY)) {
      const run = (context as Record<string, unknown>)[fn] as (...args: unknown[]) => unknown;
      run(...samples[fn]);
      expect(() => run('<img src=x onerror=alert(1)>', 1)).toThrow();
    }
    expect(touched).toEqual([]);
  });
});

describe('the sidebar builds its DOM without parsing text as HTML', () => {
  const dir = path.join(ROOT, 'sidebar');
  const sources = readdirSync(dir).filter((file) => /\.(ts|js)$/.test(file));

  test('there is sidebar code to check', () => {
    expect(sources.length).toBeGreaterThan(0);
  });

  test.each(sources)(
    'sidebar/%s uses no innerHTML, outerHTML, insertAdjacentHTML or document.write',
    (file) => {
      const text = readFileSync(path.join(dir, file), 'utf8')
        // Comments may name what the code avoids.
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/(^|[^:])\/\/.*$/gm, '$1');
      expect(text).not.toMatch(
        /\b(innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|srcdoc)\b|document\.write|DOMParser|setHTMLUnsafe/,
      );
    },
  );

  test('the built sidebar script uses none of them either', () => {
    const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) {
      expect(script).not.toMatch(/\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write/);
    }
  });
});

/** A workbook whose catalog sheet holds user model rows with hostile names (typed as text). */
/** Every formula in the catalog sheet: user names must never become one. */
/**
 * The catalog sheet's formulas that could hold user text: every one but the add-in's lookup
 * keys right of the tables, which read the name cells and never hold what is in them.
 */
function catalogFormulas(workbook: Workbook): string[] {
  const formulas = workbook.formulas(CATALOG_SHEET);
  const keys = formulas.flatMap((row) => row.slice(KEY_FIRST_COLUMN - 1));
  for (const name of HOSTILE_NAMES) {
    expect(keys.filter((formula) => formula.includes(name))).toEqual([]);
  }
  return formulas.flatMap((row) => row.slice(0, KEY_FIRST_COLUMN - 1)).filter((f) => f !== '');
}

function hostileWorkbook(): Workbook {
  const workbook = fresh(bases().completeCatalog);
  addUserCatalogRows(workbook, HOSTILE_NAMES);
  return workbook;
}

describe('user text is written to cells as text, never as a formula', () => {
  test('the hostile names sit in the catalog sheet as text', () => {
    const workbook = hostileWorkbook();
    const cells = workbook.values(CATALOG_SHEET).flat();
    for (const name of HOSTILE_NAMES) expect(cells).toContain(name);
    expect(catalogFormulas(workbook)).toEqual([]);
  });

  test.each(HOSTILE_NAMES)('generateScenario with the model %s writes it as a label', (name) => {
    const workbook = hostileWorkbook();
    const exec = execution(workbook);
    const result = attempt(exec, 'generateScenario', { model: name });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const sheet = (result.value as { sheetName: string }).sheetName;
    const values = workbook.values(sheet);
    const formulas = workbook.formulas(sheet);
    // The Inputs block's Model row: the label in A, the user's name in B, as text.
    const row = values.findIndex((cells) => cells[0] === 'Model');
    expect(row).toBeGreaterThanOrEqual(0);
    expect({ value: values[row][1], formula: formulas[row][1] }).toEqual({
      value: name,
      formula: '',
    });
    // No formula anywhere is the user's text.
    expect(formulas.flat()).not.toContain(name);
    // The catalog sheet kept every user row as typed, after this run and after insertCatalogSheet.
    exec.run('insertCatalogSheet');
    const catalogCells = workbook.values(CATALOG_SHEET).flat();
    for (const hostile of HOSTILE_NAMES) expect(catalogCells).toContain(hostile);
    expect(catalogFormulas(workbook)).toEqual([]);
  });
});

describeWithBrowser('the sidebar renders hostile catalog names as text (headless Chromium)', () => {
  let browser: Browser;
  let page: Page;
  let dialogs: string[] = [];
  let requests: string[] = [];
  const workbook = hostileWorkbook();
  const exec = execution(workbook);

  beforeAll(async () => {
    browser = await launchChromium();
    ({
      page,
      dialogs,
      externalRequests: requests,
    } = await openSidebarPage(browser, (name, args) => exec.run(name, ...args)));
    await page.goto(SIDEBAR_URL);
    await page.locator('#app[data-catalog="loaded"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('every hostile name is an option shown as text, and nothing ran', async () => {
    const options = await page.locator('#f-model option').allTextContents();
    for (const name of HOSTILE_NAMES) expect(options).toContain(name);
    const ownScripts = (
      readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8').match(/<script\b/gi) ?? []
    ).length;
    // A string, so the page's DOM types stay out of this Node-typed file.
    const injected = await page.evaluate(`({
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      images: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      links: document.querySelectorAll('a[href^="http"]').length,
      pwned: window.__pwned ?? null,
    })`);
    expect(injected).toEqual({
      handlers: 0,
      images: 0,
      scripts: ownScripts,
      links: 0,
      pwned: null,
    });
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([]);
  });

  test('creating a scenario for a hostile model writes a text label and shows the name as text', async () => {
    const name = '<img src=x onerror=alert(1)>';
    await page.selectOption('#f-model', name);
    await page.click('#create');
    await page.locator('#status.ok').waitFor();
    const status = (await page.locator('#status').textContent()) ?? '';
    const sheet = workbook.sheetNames().find((candidate) => candidate.includes(name));
    expect(sheet).toBeDefined();
    expect(status).toContain(name);
    const images = await page.evaluate(`document.querySelectorAll('img').length`);
    expect(images).toBe(0);
    expect(dialogs).toEqual([]);
    const values = workbook.values(sheet ?? '');
    const row = values.findIndex((cells) => cells[0] === 'Model');
    expect(values[row][1]).toBe(name);
  });
});
