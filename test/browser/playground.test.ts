// End to end: `npm start`'s playground in headless Chromium. It runs the built
// dist/Code.js against the emulated workbook, HyperFormula evaluates every cell,
// and the page drives it as a user would: menu, sidebar, scenario sheet, typing.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { xlsxSheetNames } from '../../emulator/xlsx';
import { PortInUseError, startPlayground } from '../../playground/start';
import type { RunningPlayground } from '../../playground/start';
import type { CellView, RunResult, SheetView, WorkbookView } from '../../playground/view';
import {
  describeWithBrowser,
  launchChromium,
  nextRunReply,
  saveDocScreenshot,
} from '../support/browser';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs');

async function state(playground: RunningPlayground): Promise<WorkbookView> {
  const response = await fetch(`${playground.url}api/state`);
  return (await response.json()) as WorkbookView;
}

/** Posts a JSON body to the playground's API and returns its JSON reply. */
async function post(playground: RunningPlayground, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${playground.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.json();
}

function sheetOf(view: WorkbookView, name: string): SheetView {
  const sheet = view.sheets.find((candidate) => candidate.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${view.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

function findLabel(sheet: SheetView, pattern: RegExp): CellView {
  // The leftmost match: the what-if blocks (issue 21) repeat some results' labels further right.
  const [cell] = sheet.cells
    .filter((candidate) => pattern.test(candidate.display))
    .sort((a, b) => a.col - b.col || a.row - b.row);
  if (!cell) throw new Error(`no cell matching ${pattern} on ${sheet.name}`);
  return cell;
}

function td(page: Page, row: number, col: number): ReturnType<Page['locator']> {
  return page.locator(`#grid td[data-row="${row}"][data-col="${col}"]`);
}

function numberIn(text: string): number {
  return Number(text.replace(/[^0-9.-]/g, ''));
}

/** Polls until `accept` holds (or 15 s pass) and returns the last value read, for an expect(). */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 15000;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

async function textOf(
  locator: ReturnType<Page['locator']>,
  expected?: string | RegExp,
): Promise<string> {
  const read = async (): Promise<string> => (await locator.textContent()) ?? '';
  if (expected === undefined) return read();
  return until(read, (text) =>
    typeof expected === 'string' ? text === expected : expected.test(text),
  );
}

async function typeInto(page: Page, row: number, col: number, text: string): Promise<void> {
  const version = (await page.locator('body').getAttribute('data-version')) ?? '';
  await td(page, row, col).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  // Polled from Node: the page's Content-Security-Policy (rightly) forbids eval in the page.
  const body = page.locator('body');
  await until(
    async () => (await body.getAttribute('data-version')) ?? '',
    (now) => now !== version,
  );
}

describeWithBrowser('the npm start playground in Chromium', () => {
  let dir: string;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const external: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-test-'));
    playground = await startPlayground({ port: 0, dataFile: path.join(dir, 'workbook.json') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith(playground.url) && !url.startsWith('about:') && !url.startsWith('data:'))
        external.push(url);
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(playground.url);
    await page.locator('#tabs button', { hasText: 'Examples' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a new workbook opens on the Examples sheet with the article figures', async () => {
    expect(await textOf(page.locator('#tabs button[aria-selected="true"]'), 'Examples')).toBe(
      'Examples',
    );
    const view = await state(playground);
    const examples = sheetOf(view, 'Examples');
    const result = (formula: string): CellView => {
      const cell = examples.cells.find((candidate) => candidate.input === formula);
      if (!cell) throw new Error(`no cell with ${formula}`);
      return cell;
    };
    expect(numberIn(result('=FT_HOURS("Llama 13B", 50000)').display)).toBe(10);
    expect(numberIn(result('=FT_COST("Llama 13B", 50000, "AWS spot")').display)).toBe(8.6);
    expect(numberIn(result('=FT_BREAKEVEN(1001.25, 50)').display)).toBe(20.025);
    expect(numberIn(result('=FT_ONPREM_BREAKEVEN(20000, 2.49)').display)).toBe(8032.13);
    expect(
      numberIn(result('=FT_MANAGED_COST(10000, 500, 1, "OpenAI GPT-4 fine-tuning")').display),
    ).toBe(125);

    expect(numberIn(result('=FT_NPV(1000, 50, 36, 0, 10%)').display)).toBe(559.32);
    expect(numberIn(result('=FT_PAYBACK(1000, 50, 2%)').display)).toBe(16.99);
    // 12 months of 1.05^(k-1) sum to 15.917127: 1,000 / (0.0065 x 15.917127) = 9,665.45.
    expect(numberIn(result('=FT_REQUIRED_VOLUME(1000, 0.0075, 0.001, 12, 0, 5%)').display)).toBe(
      9665.45,
    );
    // No measured runs in a new workbook: the default MFU.
    expect(numberIn(result('=INDEX(FT_CALIBRATION("A100", "LoRA"), 1, 2)').display)).toBe(0.35);
    // No spread: every run is the default scenario, $75 x 36 - $1,001.245.
    expect(
      numberIn(result('=FT_SIMULATE({"Requests per month", 10000}, "P50 NPV", 0)').display),
    ).toBe(1698.76);
    // Every FT_* function the bundle declares appears, none of them as an error.
    for (const name of [
      'FT_HOURS',
      'FT_COST',
      'FT_BREAKEVEN',
      'FT_API_COST',
      'FT_ROI',
      'FT_MEMORY',
      'FT_COMPUTE_HOURS',
      'FT_ONPREM_BREAKEVEN',
      'FT_MANAGED_COST',
      'FT_NPV',
      'FT_PAYBACK',
      'FT_REQUIRED_VOLUME',
      'FT_CALIBRATION',
      'FT_SIMULATE',
    ]) {
      const cells = examples.cells.filter((cell) => cell.input.includes(`${name}(`));
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell.error).toBeUndefined();
    }
    // The page shows them with their number formats, the formula in the formula bar.
    const hours = result('=FT_HOURS("Llama 13B", 50000)');
    expect(await textOf(td(page, hours.row, hours.col), hours.display)).toBe(hours.display);
    await td(page, hours.row, hours.col).click();
    expect(await page.locator('#formula-input').inputValue()).toBe('=FT_HOURS("Llama 13B", 50000)');
    const cost = result('=FT_COST("Llama 13B", 50000, "AWS spot")');
    expect(await textOf(td(page, cost.row, cost.col), '$8.60')).toBe('$8.60');
    expect(await textOf(page.locator('#grid thead th').nth(1), 'A')).toBe('A');
    expect(await textOf(page.locator('#grid tbody th').first(), '1')).toBe('1');
  });

  test('typing =FT_HOURS("Llama 13B", 50000) into a cell shows 10; a bad name shows its message', async () => {
    await typeInto(page, 40, 6, '=FT_HOURS("Llama 13B", 50000)');
    expect(await textOf(td(page, 40, 6), '10')).toBe('10');
    await typeInto(page, 41, 6, '=G41*2');
    expect(await textOf(td(page, 41, 6), '20')).toBe('20');
    // A dependent cell recalculates when its input changes.
    await typeInto(page, 40, 6, '=FT_HOURS("Llama 7B", 50000)');
    expect(await textOf(td(page, 41, 6), '10')).toBe('10');
    await typeInto(page, 42, 6, '=FT_HOURS("Llama 99Q", 1)');
    expect(await textOf(td(page, 42, 6), '#ERROR!')).toBe('#ERROR!');
    expect(await td(page, 42, 6).getAttribute('title')).toMatch(
      /model 'Llama 99Q'.*Known: Llama 7B/,
    );
  });

  test('the sidebar creates a scenario sheet with its break-even and charts, and the sheet is live', async () => {
    await page.locator('#menubar .menu > button', { hasText: 'Extensions' }).click();
    await page.locator('#menubar .submenu > .item', { hasText: 'Fine-tuning cost' }).click();
    const open = page.locator('#menubar [data-function]', { hasText: /calculator/i });
    await open.click();
    await page.locator('#sidebar').waitFor({ state: 'visible' });
    expect((await page.locator('#sidebar-frame').boundingBox())?.width).toBe(300);
    const sidebar: FrameLocator = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#app[data-catalog="loaded"]').waitFor({ state: 'attached' });

    // Change the dataset size: the preview follows.
    const summary = sidebar.locator('#summary');
    const before = await summary.textContent();
    await sidebar.locator('#f-examples').fill('500000');
    expect(
      await until(
        () => textOf(summary),
        (text) => text !== before,
      ),
    ).not.toBe(before);
    await page.evaluate(`document.getElementById('grid-wrap').scrollTo(0, 0)`);
    await saveDocScreenshot(page, path.join(DOCS, 'playground-sidebar.png'));

    const generated = nextRunReply(page, 'generateScenario');
    await sidebar.locator('#create').click();
    const reply = await generated;
    if (!reply.ok) throw new Error(reply.error);
    const summaryValue = reply.value as { sheetName: string; breakEvenMonths: number | string };
    expect(
      await until(
        () => textOf(sidebar.locator('#status')),
        (text) => text.includes(summaryValue.sheetName),
      ),
    ).toContain(summaryValue.sheetName);

    // The new tab is active and shows the break-even the summary reported.
    expect(
      await textOf(page.locator('#tabs button[aria-selected="true"]'), summaryValue.sheetName),
    ).toBe(summaryValue.sheetName);
    const scenario = sheetOf(await state(playground), summaryValue.sheetName);
    const label = findLabel(scenario, /^Break-even \(months\)/);
    const breakEven = td(page, label.row, label.col + 1);
    const shown = (await breakEven.textContent()) ?? '';
    if (typeof summaryValue.breakEvenMonths === 'number') {
      const decimals = (shown.split('.')[1] ?? '').replace(/\D/g, '').length;
      expect(numberIn(shown)).toBeCloseTo(summaryValue.breakEvenMonths, Math.max(0, decimals - 1));
    } else {
      expect(shown).toBe(summaryValue.breakEvenMonths);
    }

    // At least two charts, drawn: lines, bars or slices in SVG.
    const charts = page.locator('#charts-layer svg.chart');
    expect(await charts.count()).toBeGreaterThanOrEqual(2);
    const drawn = await page
      .locator('#charts-layer svg.chart')
      .filter({ has: page.locator('polyline.series, rect.bar, path.slice, circle.slice') })
      .count();
    expect(drawn).toBeGreaterThanOrEqual(2);

    // Screenshot: the scenario's inputs, results, timeline and first chart, sidebar closed.
    await page.locator('#sidebar-close').click();
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.evaluate(`(() => {
      const wrap = document.getElementById('grid-wrap');
      wrap.scrollTop = 0;
      wrap.scrollLeft = 0;
    })()`);
    await saveDocScreenshot(page, path.join(DOCS, 'playground-scenario.png'));
    // The frozen rows' cells stick at their own row's offset (read before any was made sticky).
    const frozenTops = await page.evaluate(`Array.from(document.querySelectorAll('#grid tbody tr'))
      .filter((tr) => tr.cells[0] && tr.cells[0].style.position === 'sticky')
      .map((tr) => [tr.offsetTop, ...Array.from(tr.cells).map((td) => parseFloat(td.style.top))])`);
    const frozenRows = frozenTops as number[][];
    expect(frozenRows.length).toBeGreaterThan(0);
    for (const [rowTop, ...cellTops] of frozenRows) {
      expect(new Set(cellTops)).toEqual(new Set([rowTop]));
    }
    // The charts below the inputs, and the catalog sheet (issue 13's screenshots).
    await page.evaluate(
      `(() => {
        document.querySelector('#charts-layer svg.chart').scrollIntoView({ block: 'start' });
        document.getElementById('grid-wrap').scrollTop -= 120; // below the frozen rows
      })()`,
    );
    await saveDocScreenshot(page, path.join(DOCS, 'playground-charts.png'));
    await page.setViewportSize({ width: 1440, height: 900 });

    // Editing an input cell (training examples) updates the break-even cell.
    const examples = findLabel(scenario, /^Training examples$/);
    await typeInto(page, examples.row, examples.col + 1, '5000000');
    expect(
      await until(
        () => textOf(breakEven),
        (text) => text !== shown,
      ),
    ).not.toBe(shown);
    const after = sheetOf(await state(playground), summaryValue.sheetName).cells.find(
      (cell) => cell.row === label.row && cell.col === label.col + 1,
    );
    expect(after?.error).toBeUndefined();
    if (typeof summaryValue.breakEvenMonths === 'number' && after && /\d/.test(after.display)) {
      expect(numberIn(after.display)).toBeGreaterThan(summaryValue.breakEvenMonths);
    }

    // The catalog sheet's screenshot comes last: drawing the scenario sheet again after it
    // (a large table) is the slowest step of this test.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.locator('#tabs button', { hasText: 'FT Catalog' }).click();
    await page.locator('#tabs button[aria-selected="true"]', { hasText: 'FT Catalog' }).waitFor();
    await saveDocScreenshot(page, path.join(DOCS, 'playground-catalog.png'));
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  test("a scenario named with markup is drawn in the compare sheet's chart as text", async () => {
    // A small sheet in view, so the page redraws little while the add-in writes.
    await page.locator('#tabs button', { hasText: 'Examples' }).click();
    // The model's name ends in a size, so it is a 7B model; the scenario sheet is named after it.
    const model = '<img src=x onerror=alert(1)><b>Evil & co</b> 7B';
    const made = (await post(playground, 'api/run', {
      name: 'generateScenario',
      args: [{ model }],
    })) as RunResult;
    if (!made.ok) throw new Error(made.error);
    const { sheetName } = made.value as { sheetName: string };
    expect(sheetName).toBe(`Scenario ${model} LoRA`);
    const compared = (await post(playground, 'api/run', {
      name: 'compareScenarios',
      args: [],
    })) as RunResult;
    if (!compared.ok) throw new Error(compared.error);
    const compare = (compared.value as { sheetName: string }).sheetName;
    // The server's SVG (a column of break-even months per scenario sheet, named below each
    // column and in its tooltip) carries the name escaped: < > & as character references.
    const [chart] = sheetOf(await state(playground), compare).charts;
    expect(chart.svg).toContain(
      'Scenario &#60;img src=x onerror=alert(1)&#62;&#60;b&#62;Evil &#38; co&#60;/b&#62; 7B LoRA',
    );
    expect(chart.svg).not.toContain('<img');
    // In the page: the whole name is text in the chart, and no element came out of it.
    await page.locator('#tabs button', { hasText: compare }).click();
    const texts = page.locator('#charts-layer svg.chart :is(text, title)', { hasText: 'Evil' });
    const shown = await until(
      () => texts.allTextContents(),
      (all) => all.some((text) => text.includes(sheetName)),
    );
    expect(shown.filter((text) => text.includes(sheetName))).not.toEqual([]);
    await expect(page.locator('#charts-layer img, #charts-layer b').count()).resolves.toBe(0);
  });

  test('File > Download > Microsoft Excel writes the workbook: an .xlsx with the live formulas', async () => {
    // After the scenario test: the workbook holds a scenario sheet and the FT Catalog sheet.
    const view = await state(playground);
    await page.locator('#menubar .menu > button', { hasText: 'File' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#menubar .item', { hasText: 'Microsoft Excel (.xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('fine-tuning-cost-playground.xlsx');
    const file = path.join(dir, 'download.xlsx');
    await download.saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    // Every sheet, by its name made valid for .xlsx (the markup scenario's is cut to 31).
    const names = xlsxSheetNames(view.sheets.map((s) => s.name));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([...names.values()]);
    const scenario = view.sheets.find((sheet) => sheet.name.startsWith('Scenario'));
    if (!scenario) throw new Error('no scenario sheet');
    const sheet = book.getWorksheet(scenario.name);
    // Every formula the playground shows is in the file, as Excel spells it, without a value.
    const formulas = scenario.cells.filter((cell) => cell.input.startsWith('='));
    expect(formulas.length).toBeGreaterThan(400);
    for (const cell of formulas) {
      const value = sheet?.getCell(cell.row + 1, cell.col + 1).value as ExcelJS.CellFormulaValue;
      expect(typeof value?.formula).toBe('string');
      expect(value.result).toBeUndefined();
    }
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen' });
  });

  test('the workbook is kept in its file between restarts, and reset brings back the Examples', async () => {
    const dataFile = path.join(dir, 'workbook.json');
    expect(existsSync(dataFile)).toBe(true);
    const names = (await state(playground)).sheets.map((sheet) => sheet.name);
    const again = await startPlayground({ port: 0, dataFile });
    try {
      const view = await state(again);
      expect(view.sheets.map((sheet) => sheet.name)).toEqual(names);
      expect(
        sheetOf(view, 'Examples').cells.some(
          (cell) => cell.input === '=FT_HOURS("Llama 7B", 50000)',
        ),
      ).toBe(true);
    } finally {
      await again.close();
    }
    page.once('dialog', (dialog) => void dialog.accept());
    await page.locator('#menubar .menu > button', { hasText: 'File' }).click();
    await page.locator('#menubar .item', { hasText: /Reset/ }).click();
    expect(
      await until(
        () => page.locator('#tabs button').allTextContents(),
        (names) => names.join() === 'Examples',
      ),
    ).toEqual(['Examples']);
    expect((await state(playground)).sheets.map((sheet) => sheet.name)).toEqual(['Examples']);
  });

  test('nothing is loaded from outside the playground, and the page raised no errors', () => {
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('the playground on a busy port', () => {
  let blocker: Server;
  let port: number;

  beforeAll(async () => {
    blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const address = blocker.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  });

  test('startPlayground rejects with a message that names the port and what to do', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'playground-busy-'));
    try {
      const attempt = startPlayground({ port, dataFile: path.join(dir, 'workbook.json') });
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(
        new RegExp(`Port ${port} is already in use.*PORT=\\d+ npm start`),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('npm start prints it and exits non-zero', async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'scripts', 'run-ts.mjs'), 'playground/server.ts'],
        { cwd: ROOT, env: { ...process.env, PORT: String(port) }, timeout: 30000 },
        (error, _stdout, stderr) =>
          resolve({ code: error ? (error.code as number | null) : 0, stderr }),
      );
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Port ${port} is already in use`);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
