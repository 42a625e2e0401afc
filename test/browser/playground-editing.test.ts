// The playground as a spreadsheet a person works in, driven in headless Chromium as a
// user would: typing fast, a row under the Examples table, copy and paste with shifted
// references, Shift+arrows and Ctrl+D, undo, a row inserted from the header menu, and
// two tabs that see each other's edits. Cells are named as in Sheets (1-based rows).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlayground } from '../../playground/start';
import type { RunningPlayground } from '../../playground/start';
import { describeWithBrowser, launchChromium } from '../support/browser';

/** The grid cell at an A1 name (columns A to Z). */
function cell(page: Page, a1: string): ReturnType<Page['locator']> {
  const match = /^([A-Z])(\d+)$/.exec(a1);
  if (!match) throw new Error(`not a cell name: ${a1}`);
  return page.locator(
    `#grid td[data-row="${Number(match[2]) - 1}"][data-col="${match[1].charCodeAt(0) - 65}"]`,
  );
}

/** Polls until `accept` holds (or 10 s pass) and returns the last value read, for an expect(). */
async function until<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 10000;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await read();
  }
  return value;
}

const shows = (page: Page, a1: string, text: string): Promise<string> =>
  until(
    async () => (await cell(page, a1).textContent()) ?? '',
    (now) => now === text,
  );

/** The formula bar's text once `a1` is selected. */
async function formulaOf(page: Page, a1: string): Promise<string> {
  await cell(page, a1).click();
  return page.locator('#formula-input').inputValue();
}

/** Types into a cell and presses Enter, without waiting for the server. */
async function typeInto(page: Page, a1: string, text: string): Promise<void> {
  await cell(page, a1).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describeWithBrowser('working in the playground as in a spreadsheet', () => {
  let dir: string;
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'playground-editing-'));
    playground = await startPlayground({ port: 0, dataFile: path.join(dir, 'workbook.json') });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(playground.url);
    await cell(page, 'D19').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('a row typed at full speed under the Examples table lands in two cells and computes', async () => {
    await cell(page, 'A23').click();
    // No waiting between keys: the Tab's commit is still in flight while 1000 is typed.
    await page.keyboard.type('Llama 405B');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1000');
    await page.keyboard.press('Enter');
    // Enter after a Tab goes back to the column the row was started in, as in Sheets.
    expect(await page.locator('#name-box').textContent()).toBe('A24');
    expect(await shows(page, 'A23', 'Llama 405B')).toBe('Llama 405B');
    expect(await shows(page, 'B23', '1,000')).toBe('1,000');
    // 0.0001 × 1,000 examples × scale 50 (405B) × 1 (full) = 5 h; × $2.49 RunPod = $12.45.
    expect(await shows(page, 'D23', '5 h')).toBe('5 h');
    expect(await shows(page, 'E23', '$12.45')).toBe('$12.45');
  });

  test('copy and paste shift a formula as Sheets does; text pastes in and copies out as TSV', async () => {
    await typeInto(page, 'G22', '=B19*2+$B$19');
    // 10,000 × 2 + 10,000
    expect(await shows(page, 'G22', '30000')).toBe('30000');
    await cell(page, 'G22').click();
    await page.keyboard.press('Control+C');
    await cell(page, 'G23').click();
    await page.keyboard.press('Control+V');
    // One row down: B19 becomes B20, $B$19 stays; 50,000 × 2 + 10,000.
    expect(await shows(page, 'G23', '110000')).toBe('110000');
    expect(await formulaOf(page, 'G23')).toBe('=B20*2+$B$19');

    // From another program: tab-separated text, read as typing.
    await cell(page, 'G30').click();
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '7\\t=G30*3\\n');
      document.getElementById('grid-wrap').dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    })()`);
    expect(await shows(page, 'H30', '21')).toBe('21');
    // The pasted cells are selected; to another program they go as shown, tab-separated.
    expect(await page.locator('#name-box').textContent()).toBe('G30:H30');
    const copied = await page.evaluate(`(() => {
      const data = new DataTransfer();
      document.getElementById('grid-wrap').dispatchEvent(
        new ClipboardEvent('copy', { clipboardData: data, bubbles: true }));
      return data.getData('text/plain');
    })()`);
    expect(copied).toBe('7\t21');
  });

  test('Shift+ArrowDown selects three cells, Ctrl+D fills the formula down, Ctrl+Z restores them', async () => {
    await typeInto(page, 'G40', '=B19*10');
    await typeInto(page, 'G41', 'keep me');
    await cell(page, 'G40').click();
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    expect(await page.locator('#name-box').textContent()).toBe('G40:G42');
    expect(await page.locator('#formula-input').inputValue()).toBe('=B19*10');
    await page.keyboard.press('Control+D');
    // 50,000 × 10 and 20,000 × 10
    expect(await shows(page, 'G41', '500000')).toBe('500000');
    expect(await shows(page, 'G42', '200000')).toBe('200000');
    await page.keyboard.press('Control+Z');
    expect(await shows(page, 'G41', 'keep me')).toBe('keep me');
    expect(await shows(page, 'G42', '')).toBe('');
    await page.keyboard.press('Control+Y');
    expect(await shows(page, 'G42', '200000')).toBe('200000');
    expect(await formulaOf(page, 'G42')).toBe('=B21*10');
    // Edit → Undo does what Ctrl+Z does.
    await page.locator('#menubar .menu > button', { hasText: 'Edit' }).click();
    await page.locator('#menubar .item', { hasText: 'Undo' }).click();
    expect(await shows(page, 'G42', '')).toBe('');
  });

  test('a row inserted inside the table from the row header menu: a formula below keeps its cells', async () => {
    await typeInto(page, 'G24', '=SUM(B19:B22)');
    // 10,000 + 50,000 + 20,000 + 100,000
    expect(await shows(page, 'G24', '180000')).toBe('180000');
    await page.locator('#grid tbody th[data-row="20"]').click({ button: 'right' });
    await page.locator('#context-menu .item', { hasText: 'Insert 1 row above' }).click();
    // Row 21 (8B) and everything below moved down one.
    expect(await shows(page, 'A22', '8B')).toBe('8B');
    expect(await shows(page, 'A23', 'Llama 70B')).toBe('Llama 70B');
    expect(await shows(page, 'A21', '')).toBe('');
    expect(await shows(page, 'G25', '180000')).toBe('180000');
    expect(await formulaOf(page, 'G25')).toBe('=SUM(B19:B23)');
    // The inserted row is part of the table: a row typed into it computes.
    await cell(page, 'A21').click();
    await page.keyboard.type('Llama 7B');
    await page.keyboard.press('Tab');
    await page.keyboard.type('20000');
    await page.keyboard.press('Enter');
    // 0.0001 × 20,000 × scale 1 = 2 h
    expect(await shows(page, 'D21', '2 h')).toBe('2 h');
    expect(await shows(page, 'G25', '200000')).toBe('200000');
  });

  test('Shift+click selects a range, the fill handle drags a formula down, Ctrl+X moves a cell', async () => {
    await typeInto(page, 'I60', '=B19');
    expect(await shows(page, 'I60', '10000')).toBe('10000');
    await cell(page, 'I60').click();
    await cell(page, 'J62').click({ modifiers: ['Shift'] });
    expect(await page.locator('#name-box').textContent()).toBe('I60:J62');
    await cell(page, 'I60').click();
    const handle = await page.locator('#fill-handle').boundingBox();
    const target = await cell(page, 'I62').boundingBox();
    if (!handle || !target) throw new Error('no fill handle or target cell');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 4 });
    await page.mouse.up();
    // B20 and B21: 50,000 and 20,000
    expect(await shows(page, 'I62', '20000')).toBe('20000');
    expect(await formulaOf(page, 'I61')).toBe('=B20');
    // A cut moves the formula as it is and empties where it was.
    await cell(page, 'I62').click();
    await page.keyboard.press('Control+X');
    await cell(page, 'K62').click();
    await page.keyboard.press('Control+V');
    expect(await shows(page, 'K62', '20000')).toBe('20000');
    expect(await shows(page, 'I62', '')).toBe('');
    expect(await formulaOf(page, 'K62')).toBe('=B21');
    // Ctrl+A selects from A1 to the last row and column holding anything.
    await page.keyboard.press('Control+A');
    expect(await page.locator('#name-box').textContent()).toBe('A1:K62');
  });

  test("two pages see each other's edits within a second", async () => {
    const other = await browser.newPage({ viewport: { width: 1200, height: 800 } });
    other.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await other.goto(playground.url);
      await cell(other, 'D19').waitFor();
      await typeInto(page, 'H50', 'from the first tab');
      const started = Date.now();
      expect(await shows(other, 'H50', 'from the first tab')).toBe('from the first tab');
      expect(Date.now() - started).toBeLessThan(1000);
      await typeInto(other, 'H51', '42');
      expect(await shows(page, 'H51', '42')).toBe('42');

      // A sheet the add-in makes appears in both; each tab stays on the sheet it shows.
      const made = await fetch(`${playground.url}api/run`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'insertCatalogSheet', args: [] }),
      });
      const { value } = (await made.json()) as { value: { sheetName: string } };
      const tab = (p: Page): ReturnType<Page['locator']> =>
        p.locator('#tabs button', { hasText: value.sheetName });
      await tab(other).waitFor();
      await tab(page).waitFor();
      await tab(other).click();
      const selected = (p: Page): Promise<string> =>
        until(
          async () => (await p.locator('#tabs button[aria-selected="true"]').textContent()) ?? '',
          () => true,
        );
      expect(
        await until(
          () => selected(other),
          (name) => name === value.sheetName,
        ),
      ).toBe(value.sheetName);
      // The other tab's switch reaches the server (for the add-in) but not this tab.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await selected(page)).toBe('Examples');
      await typeInto(page, 'H52', 'still here');
      expect(await shows(page, 'H52', 'still here')).toBe('still here');
      expect(await selected(other)).toBe(value.sheetName);
    } finally {
      await other.close();
    }
  });

  test('the page raised no errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
