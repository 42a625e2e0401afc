// The playground enforces what Google Sheets enforces, seen in headless Chromium: a
// scenario's data validation (dropdowns, help text, a refused entry, a marked one), its
// warning-only protection, the add-in's toasts, HYPERLINK cells that go to their sheet,
// dates in their format, charts whose labels are drawn whole, and column widths. One
// browser and one page; the workbook is set up through the API, not by clicking.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startPlayground } from '../../playground/start';
import { BUILT_IN_CATALOG } from '../../src/engine/catalog';
import type { RunningPlayground } from '../../playground/start';
import type { CellView, RunResult, SheetView, WorkbookView } from '../../playground/view';
import { describeWithBrowser, launchChromium } from '../support/browser';

/** The GPU providers of the built-in catalog, in its order (13 rows, as the engine tests list). */
const PROVIDERS = BUILT_IN_CATALOG.providers.map((row) => row.name);

describeWithBrowser('the playground enforces what Sheets enforces', () => {
  let dir: string;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  let scenarios: string[];
  const pageErrors: string[] = [];

  async function api<T>(route: string, body: unknown): Promise<T> {
    const response = await fetch(`${playground.url}api/${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  async function sheet(name: string): Promise<SheetView> {
    const view = (await (await fetch(`${playground.url}api/state`)).json()) as WorkbookView;
    const found = view.sheets.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no sheet ${name}`);
    return found;
  }

  /** The cell right of the one that reads `label`. */
  async function valueCellOf(name: string, label: string): Promise<CellView> {
    const view = await sheet(name);
    // The leftmost cell so labelled (the inputs' and results' labels, A and E): the what-if
    // blocks further right repeat some labels (issue 21).
    const found = view.cells
      .filter((cell) => cell.display === label)
      .sort((a, b) => a.col - b.col || a.row - b.row)[0];
    if (!found) throw new Error(`no "${label}" on ${name}`);
    const value = view.cells.find((cell) => cell.row === found.row && cell.col === found.col + 1);
    return value ?? { row: found.row, col: found.col + 1, display: '', input: '' };
  }

  const td = (cell: { row: number; col: number }): Locator =>
    page.locator(`#grid td[data-row="${cell.row}"][data-col="${cell.col}"]`);

  async function openTab(name: string): Promise<void> {
    await page.locator('#tabs button', { hasText: name }).first().click();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: name }).waitFor();
  }

  /** Types into a cell and presses Enter; resolves once the server's answer is drawn. */
  async function typeInto(cell: { row: number; col: number }, text: string): Promise<void> {
    await td(cell).click();
    const answered = page.waitForResponse((response) => response.url().endsWith('/api/cell'));
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
    await answered;
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-fidelity-'));
    playground = await startPlayground({ port: 0, dataFile: path.join(dir, 'workbook.json') });
    scenarios = [];
    for (const input of [{}, { model: 'Llama 70B', method: 'QLoRA' }]) {
      const made = await api<RunResult>('run', { name: 'generateScenario', args: [input] });
      if (!made.ok) throw new Error(made.error);
      scenarios.push((made.value as { sheetName: string }).sheetName);
    }
    const compared = await api<RunResult>('run', { name: 'compareScenarios', args: [] });
    if (!compared.ok) throw new Error(compared.error);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(playground.url);
    await openTab(scenarios[0]);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('the charts draw every label whole: 13 providers, the tornado’s drivers, the pie’s items', async () => {
    const charts = page.locator('#charts-layer svg.chart');
    const labelsOf = async (chart: Locator): Promise<string[]> =>
      (await chart.locator('text.label').all()).length === 0
        ? []
        : Promise.all(
            (await chart.locator('text.label').all()).map(async (label) =>
              (await label.locator('tspan').allTextContents()).join(' '),
            ),
          );
    const providers = charts.filter({ has: page.locator('text', { hasText: 'GPU provider' }) });
    const names = await labelsOf(providers);
    expect(names).toHaveLength(13);
    expect(names).toEqual(PROVIDERS);
    // The vertical axis title sits left of every label, and the labels stay inside the chart.
    const title = await providers.locator('text.axis-title').last().boundingBox();
    const box = await providers.boundingBox();
    for (const label of await providers.locator('text.label').all()) {
      const bounds = await label.boundingBox();
      expect(bounds && title && box).toBeTruthy();
      if (!bounds || !title || !box) continue;
      expect(bounds.x).toBeGreaterThan(title.x + title.width);
      expect(bounds.x + bounds.width).toBeLessThanOrEqual(box.x + box.width);
    }
    const tornado = charts.filter({ has: page.locator('text', { hasText: 'Driver' }) });
    expect(await labelsOf(tornado)).toEqual(
      expect.arrayContaining(['Requests per month', 'Labeling hours', 'Training hours']),
    );
    // legend 'labeled': the names beside the slices; $0 items (Data collection, Hardware)
    // get no label; the $1.25 run (0.1% of $1,001.25) joins "Other (under 0.5%)".
    const pie = charts.filter({ has: page.locator('path.slice, circle.slice') });
    const pieLabels = (await labelsOf(pie)).join(' | ');
    expect(pieLabels).toContain('Labeling (hours x rate) 99.9%');
    expect(pieLabels).toContain('Other (under 0.5%) 0.1%');
    expect(pieLabels).not.toMatch(/Data collection|Hardware|0%\s*\|/);
  });

  test('MFU typed as 35 is refused with the rule’s help text, the cell unchanged', async () => {
    const mfu = await valueCellOf(scenarios[0], 'Model FLOPs utilization');
    expect(mfu.display).toBe('35%');
    // Selecting the cell shows the rule's help text beside it.
    await td(mfu).click();
    await expect(page.locator('#dv-help').textContent()).resolves.toMatch(
      /type 35% or 0\.35, not 35/,
    );
    // 35 is read as 3500%: outside 0..1, and the rule rejects (setAllowInvalid(false)).
    await typeInto(mfu, '35');
    await page.locator('#modal:not([hidden])').waitFor();
    expect(await page.locator('#modal-title').textContent()).toBe('There was a problem');
    expect(await page.locator('#modal-body').textContent()).toMatch(/not 35/);
    await page.locator('#modal-close').click();
    expect((await valueCellOf(scenarios[0], 'Model FLOPs utilization')).display).toBe('35%');
  });

  test('the provider cell has a dropdown of the catalog; other text stays, marked invalid', async () => {
    const provider = await valueCellOf(scenarios[0], 'GPU provider');
    await td(provider).locator('.dv-arrow').click();
    const items = page.locator('#dv-list .item');
    expect(await items.allTextContents()).toEqual(PROVIDERS);
    const chosen = page.waitForResponse((response) => response.url().endsWith('/api/cell'));
    await items.filter({ hasText: /^AWS spot$/ }).click();
    await chosen;
    expect((await valueCellOf(scenarios[0], 'GPU provider')).display).toBe('AWS spot');
    // A list rule only warns (setAllowInvalid(true)): the text stands, with Sheets' red mark.
    await typeInto(provider, 'My own cluster');
    const typed = await valueCellOf(scenarios[0], 'GPU provider');
    expect(typed.display).toBe('My own cluster');
    const mark = td(provider).locator('.dv-invalid');
    await mark.waitFor();
    expect(await mark.getAttribute('title')).toMatch(/^Invalid: GPU provider: pick a row/);
  });

  test('typing over a protected result asks first; Cancel keeps the formula, OK writes', async () => {
    const breakEven = await valueCellOf(scenarios[0], 'Break-even (months)');
    expect(breakEven.input).toMatch(/^=/);
    await td(breakEven).click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.locator('#modal:not([hidden])').waitFor();
    expect(await page.locator('#modal-title').textContent()).toBe('Heads up!');
    expect(await page.locator('#modal-body').textContent()).toMatch(
      /You are trying to edit a protected cell/,
    );
    await page.locator('#modal-body button[data-answer="cancel"]').click();
    expect(await td(breakEven).textContent()).toBe(breakEven.display);
    expect((await valueCellOf(scenarios[0], 'Break-even (months)')).input).toBe(breakEven.input);
    // OK: the edit goes through, as Sheets lets a warning-only protection be overridden.
    await td(breakEven).click();
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    const written = page.waitForResponse((response) => response.url().endsWith('/api/cell'));
    await page.locator('#modal-body button[data-answer="ok"]').click();
    await written;
    expect((await valueCellOf(scenarios[0], 'Break-even (months)')).input).toBe('12');
  });

  test('Insert catalog sheet shows its toast: title and message', async () => {
    await page.locator('#menubar .menu > button', { hasText: 'Extensions' }).click();
    await page.locator('#menubar .submenu > .item', { hasText: 'Fine-tuning cost' }).click();
    await page.locator('#menubar [data-function="insertCatalogSheetFromMenu"]').click();
    const toast = page.locator('#toast');
    await toast.waitFor();
    expect(await toast.locator('.toast-title').textContent()).toBe('Fine-tuning cost');
    expect(await toast.locator('.toast-message').textContent()).toMatch(
      /already has every built-in row/,
    );
  });

  test('an As-of date typed in the catalog shows as 2026-12-01', async () => {
    await openTab('FT Catalog');
    const catalog = await sheet('FT Catalog');
    const header = catalog.cells.find((cell) => cell.display === 'As of');
    if (!header) throw new Error('no As of column');
    const cell = { row: header.row + 1, col: header.col };
    await typeInto(cell, '2026-12-01');
    expect(await td(cell).textContent()).toBe('2026-12-01');
    await td(cell).click();
    expect(await page.locator('#formula-input').inputValue()).toBe('2026-12-01');
  });

  test('the compare sheet shows each scenario’s name whole; its link goes to the scenario', async () => {
    await openTab('FT Compare');
    const compare = await sheet('FT Compare');
    // Column A is set wide enough for the names (Sheets clips text at a filled neighbour).
    expect(compare.columnWidths['1']).toBeGreaterThanOrEqual(200);
    const names = [td({ row: 2, col: 0 }), td({ row: 3, col: 0 })];
    expect(await Promise.all(names.map((name) => name.textContent()))).toEqual(scenarios);
    for (const name of names) {
      const [cellBox, text] = [await name.boundingBox(), scenarios[0].length * 7];
      expect(cellBox && cellBox.width > text).toBe(true);
    }
    const chart = page.locator('#charts-layer svg.chart');
    const labels = await Promise.all(
      (await chart.locator('text.label').all()).map(async (label) =>
        (await label.locator('tspan').allTextContents()).join(' '),
      ),
    );
    expect(labels).toEqual(expect.arrayContaining(scenarios));
    // A HYPERLINK("#gid=…") cell shows its link when selected; following it opens the sheet.
    expect(await names[1].getAttribute('class')).toMatch(/\blink\b/);
    await names[1].click();
    await page.locator('#link-chip a', { hasText: scenarios[1] }).click();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: scenarios[1] }).waitFor();
  });

  test('the page raised no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
