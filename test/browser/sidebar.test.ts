// The sidebar (dist/Sidebar.html, as built) in headless Chromium, with
// google.script.run wired to the built server code (dist/Code.js in node:vm)
// over the in-memory spreadsheet emulator.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createWorkbook } from '../../emulator';
import { placeWhatIf } from '../../src/addon/scenario/places';
import type { Workbook } from '../../emulator';
import {
  CATALOG_HEADER_ROW,
  CATALOG_SHEET,
  CATALOG_TABLES,
  columnLetter,
} from '../../src/addon/catalog-sheet';
import type { TableKey } from '../../src/addon/catalog-sheet';
import type { ScenarioSummary } from '../../src/shared/contract';
import { DIST, callGlobal, loadBundle } from '../support/load-bundle';
import {
  SIDEBAR_URL,
  describeWithBrowser,
  launchChromium,
  openSidebarPage,
  saveDocScreenshot,
} from '../support/browser';

const ROOT = path.join(__dirname, '..', '..');
const HOSTILE = '<img src=x onerror=alert(1)>';
const HOSTILE_PROVIDER = '"><svg onload=alert(2)>';
const HOSTILE_API = '<script>window.__pwned = 1</script>';

/** A user row for one catalog table, in that table's column order. */
const USER_ROWS: Partial<Record<TableKey, readonly (string | number)[]>> = {
  models: [HOSTILE, 30, 4, 'user row', '2026-01-01'],
  providers: [HOSTILE_PROVIDER, 'H100', 1, 'on-demand', 'user row', '2026-01-01'],
  apis: [HOSTILE_API, 0.001, 0.002, 'user row', '2026-01-01'],
};

interface Server {
  readonly workbook: Workbook;
  call(name: string, args: unknown[]): unknown;
}

/**
 * The built dist/Code.js over a fresh emulated workbook with a user sheet and a
 * catalog sheet the user extended with hostile names (below each table, as a user would).
 */
function makeServer(): Server {
  const workbook = createWorkbook({ sheets: ['Budget'] });
  workbook.write('Budget', 'A1', [['Team budget', 5000]]);
  const context = loadBundle(workbook.services);
  callGlobal(context, 'insertCatalogSheet');
  const values = workbook.values(CATALOG_SHEET);
  for (const spec of CATALOG_TABLES) {
    const row = USER_ROWS[spec.key];
    if (!row) continue;
    const column = spec.firstColumn - 1;
    let last = CATALOG_HEADER_ROW;
    while (last < values.length && values[last][column] !== '') last++;
    workbook.write(CATALOG_SHEET, `${columnLetter(spec.firstColumn)}${last + 1}`, [row]);
  }
  workbook.resetCalls();
  return { workbook, call: (name, args) => callGlobal(context, name, ...args) };
}

describeWithBrowser('sidebar in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  /** Every server call the page made, with what the server answered or threw. */
  const calls: { name: string; args: unknown[]; result?: unknown; error?: string }[] = [];
  let dialogs: string[] = [];
  let externalRequests: string[] = [];
  let server: Server;
  /** When set, generateScenario waits for it (to see the busy state). */
  let gate: Promise<void> | undefined;

  async function open(): Promise<void> {
    await page.goto(SIDEBAR_URL);
    await page.locator('#app[data-catalog="loaded"]').waitFor();
  }

  beforeAll(async () => {
    browser = await launchChromium();
    ({ page, dialogs, externalRequests } = await openSidebarPage(browser, async (name, args) => {
      const call: (typeof calls)[number] = { name, args };
      calls.push(call);
      if (name === 'generateScenario' && gate) await gate;
      try {
        call.result = server.call(name, args);
        return call.result;
      } catch (error) {
        call.error = (error as Error).message;
        throw error;
      }
    }));
    // Ages are counted to today: the page's clock is pinned (2026-12-06, noon).
    await page.clock.setFixedTime(new Date(2026, 11, 6, 12));
  });

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    calls.length = 0;
    server = makeServer();
    await open();
  });

  test('the preview updates when an input changes, computed in the page', async () => {
    // Llama 13B, LoRA, RunPod: 0.0001 × 10,000 × 2 × 0.25 = 0.5 h.
    await expectText('#out-hours', '0.5 h');
    const before = calls.length;
    await page.fill('#f-examples', '50000');
    // 0.0001 × 50,000 × 2 × 0.25 = 2.5 h; × $2.49 = $6.225.
    await expectText('#out-hours', '2.5 h');
    await expectText('#out-gpu-cost', '$6.23');
    expect(calls.length).toBe(before); // no server round trip for the preview
    await page.selectOption('#f-method', 'full');
    await expectText('#out-hours', '10 h');
    await expect(page.locator('#lora-hint').isHidden()).resolves.toBe(true);
    await page.selectOption('#f-method', 'LoRA');
    await expect(page.locator('#lora-hint').isVisible()).resolves.toBe(true);
    await expect(page.locator('#chart polyline').count()).resolves.toBe(2);
    await expect(page.locator('#verdict').textContent()).resolves.toMatch(
      /^(Fine-tune|Keep the API)/,
    );
  });

  test('the preview says when the horizon outlives an offer the scenario uses (issue 20)', async () => {
    // GPT-4o fine-tuning takes no new jobs after 2027-01-05; 12 months from 2027-01-01 end on
    // 2027-12-31 (EDATE(start, 12) - 1), so the horizon runs to 2027-12.
    await page.selectOption('#f-managedService', 'OpenAI GPT-4o fine-tuning');
    await page.fill('#f-horizonMonths', '12');
    await page.fill('#f-startDate', '2027-01-01');
    await expect(page.locator('#verdict').textContent()).resolves.toContain(
      "OpenAI GPT-4o fine-tuning takes no new jobs after 2027-01-05; this scenario's horizon runs to 2027-12.",
    );
    // A start whose one-month horizon ends on that last day (2026-12-06 + 1 month - 1 day): nothing said.
    await page.fill('#f-horizonMonths', '1');
    await page.fill('#f-startDate', '2026-12-06');
    await expect(page.locator('#verdict').textContent()).resolves.not.toContain('GPT-4o');
  });

  test('the preview shows NPV, discounted payback and GPUs; growth and a discount rate move them', async () => {
    // Rates 0: NPV is the ROI at the 36-month horizon, 75 × 36 − 1,001.245 = $1,698.76, shown $1,699,
    // and payback the break-even, 1,001.245 / 75 = 13.35 months (shown 13.3).
    await expectText('#out-npv', '$1,699');
    await expectText('#out-payback', '13.3 months');
    await expectText('#out-gpus', '1');
    // The managed path, Fireworks by default: 5M training tokens × $0.50 per 1M (LoRA up to
    // 16B) = $2.50; served at $0.20 per 1M tokens: 10,000 × 1,300 / 1M × 0.20 = $2.60 a month.
    // Its up-front 2.50 + 1,000 of labeling over 75 − 2.60 saved a month: 13.85 months.
    await expectText('#out-managed', '$2.50, $2.60');
    await expectText('#out-managed-breakeven', '13.8 months');
    // 0.5 h × $2.49 = $1.245 at ±30%: $0.87 to $1.62.
    await expectText('#out-cost-range', '$0.87 to $1.62');
    // The README's worked example: 5% a month of growth, 10% a year for money: NPV about
    // $4,979.86 and payback 10.9 months (FT_NPV and FT_PAYBACK compute the same).
    await page.fill('#f-monthlyGrowthRate', '5%');
    await page.fill('#f-annualDiscountRate', '10%');
    await expectText('#out-npv', '$4,980');
    await expectText('#out-payback', '10.9 months');
    // 70B full fine-tuning needs 70 × 16 B × 1.2 = 1,344 GB: 17 H100s of 80 GB.
    await page.selectOption('#f-model', 'Llama 70B');
    await page.selectOption('#f-method', 'full');
    await expect(page.locator('#out-gpus').textContent()).resolves.toMatch(/^17 \(/);
  });

  test('months round to one decimal; dollars past ±$1,000 show no cents, negative ones too', async () => {
    // 41 labeling hours × $25 = $1,025, plus the 0.5 h × $2.49 = $1.245 run: $1,026.245 up front.
    // Break-even 1,026.245 / $75 a month = 13.683 months: 13.7 (cut to one decimal it would be
    // 13.6); with no growth or discount rate the payback is the same. ROI at 36 months:
    // 75 × 36 − 1,026.245 = $1,673.755, shown $1,674.
    await page.fill('#f-labelingHours', '41');
    await expectText('#out-upfront', '$1,026');
    await expectText('#out-breakeven', '13.7 months');
    await expectText('#out-payback', '13.7 months');
    await expectText('#out-roi36', '$1,674');
    // The verdict (the scenario sheet's own definition) rounds the same way.
    await expect(page.locator('#verdict').textContent()).resolves.toContain(
      'pays back in 13.7 months',
    );
    // 80 hours: $2,000 + $1.245 = $2,001.245 up front; 1,000 requests × $0.0075 = $7.50 a month
    // of API cost. ROI at 36 months: 7.5 × 36 − 2,001.245 = 270 − 2,001.245 = −$1,731.245, shown
    // −$1,731 (whole dollars, as $1,731 would be); the NPV at 36 months, rates 0, is the same.
    // Break-even 2,001.245 / 7.5 = 266.83 months, past the 36-month horizon for the payback.
    await page.fill('#f-labelingHours', '80');
    await page.fill('#f-requestsPerMonth', '1000');
    await expectText('#out-api-monthly', '$7.50');
    await expectText('#out-roi36', '−$1,731');
    await expectText('#out-npv', '−$1,731');
    await expectText('#out-breakeven', '266.8 months');
    await expectText('#out-payback', 'beyond the horizon');
    // No labeling, $998.752 of data collection and the $1.245 run: $999.997 up front, which
    // is $1,000.00 to the cent, so it shows as whole dollars: $1,000.
    await page.fill('#f-labelingHours', '0');
    await page.fill('#f-dataCollectionCost', '998.752');
    await expectText('#out-upfront', '$1,000');
  });

  test('a price typed as "$3.00" in "Other price…" is read as $3 an H100-hour', async () => {
    await page.selectOption('#f-provider', { label: 'Other price…' });
    await page.fill('#f-provider-custom', '$3.00');
    // Llama 13B LoRA on 10,000 examples: 0.5 H100-hours × $3 = $1.50.
    await expectText('#out-gpu-cost', '$1.50');
    await expect(page.locator('#f-provider-msg').isHidden()).resolves.toBe(true);
  });

  test('GPUs needed round up: 3.12 GPUs of memory is 4 GPUs', async () => {
    // Llama 13B full fine-tuning: 13 × 16 B × 1.2 = 249.6 GB over 80 GB H100s = 3.12 → 4 GPUs;
    // 0.0001 × 10,000 × 2 = 2 GPU-hours, 2 / 4 = 0.5 h on the clock.
    await page.selectOption('#f-method', 'full');
    await expectText('#out-gpus', '4 (0.5 h on the clock)');
  });

  test('an invalid value shows the engine message inline and blocks the button', async () => {
    await expect(page.locator('#create').isEnabled()).resolves.toBe(true);
    await page.fill('#f-examples', '-5');
    const message = page.locator('#f-examples-msg');
    await expect(message.textContent()).resolves.toBe(
      'Training examples must be a positive number, got -5',
    );
    await expect(message.isVisible()).resolves.toBe(true);
    const input = page.locator('#f-examples');
    await expect(input.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(input.getAttribute('aria-describedby')).resolves.toContain('f-examples-msg');
    await expect(page.locator('#create').isDisabled()).resolves.toBe(true);
    await page.fill('#f-examples', '20000');
    await expect(message.isHidden()).resolves.toBe(true);
    await expect(input.getAttribute('aria-invalid')).resolves.toBeNull();
    await expect(page.locator('#create').isEnabled()).resolves.toBe(true);
  });

  test('a cleared box, or an empty "Other size", is pointed at, not silently defaulted', async () => {
    const message = page.locator('#f-examples-msg');
    await page.fill('#f-examples', '');
    // DEFAULT_SCENARIO.examples is the article's 10,000.
    await expect(message.textContent()).resolves.toBe(
      'Training examples is required (the default is 10000)',
    );
    await expect(page.locator('#create').isDisabled()).resolves.toBe(true);
    await page.fill('#f-examples', '10000');
    await expect(page.locator('#create').isEnabled()).resolves.toBe(true);
    await page.selectOption('#f-model', { label: 'Other size…' });
    await expect(page.locator('#f-model-msg').textContent()).resolves.toBe(
      'Model is required (the default is Llama 13B)',
    );
    await expect(page.locator('#create').isDisabled()).resolves.toBe(true);
    await page.fill('#f-model-custom', '8B');
    // 8B interpolates to scale 1.1613; LoRA on 10,000 examples: 0.0001 × 10,000 × 1.1613 × 0.25 = 0.29 h.
    await expectText('#out-hours', '0.29 h');
    await expect(page.locator('#create').isEnabled()).resolves.toBe(true);
  });

  test('the button sends the form to generateScenario, shows busy, then the sheet made', async () => {
    await page.fill('#f-examples', '50000');
    await page.selectOption('#f-provider', 'AWS spot');
    await page.fill('#f-requestsPerMonth', '120,000');
    let release = (): void => undefined;
    gate = new Promise((resolve) => (release = resolve));
    await page.click('#create');
    const button = page.locator('#create');
    await expect(button.getAttribute('aria-busy')).resolves.toBe('true');
    await expect(button.isDisabled()).resolves.toBe(true);
    release();
    gate = undefined;
    await page.locator('#status.ok').waitFor();
    const sent = calls.filter((call) => call.name === 'generateScenario');
    expect(sent).toHaveLength(1);
    // Issue 21: the three cases, best and worst filled, unless the box is cleared.
    expect(sent[0].args[1]).toEqual({ cases: true });
    expect(sent[0].args[0]).toMatchObject({
      model: 'Llama 13B',
      method: 'LoRA',
      examples: 50000,
      provider: 'AWS spot',
      requestsPerMonth: 120000,
      horizonMonths: 36,
    });
    const summary = sent[0].result as ScenarioSummary;
    // 0.0001 × 50,000 × 2 × 0.25 = 2.5 h at AWS spot's $0.86.
    expect(summary.trainingHours).toBeCloseTo(2.5, 10);
    expect(summary.trainingCost).toBeCloseTo(2.15, 10);
    expect(server.workbook.sheetNames()).toContain(summary.sheetName);
    await expect(page.locator('#status').textContent()).resolves.toBe(
      `Created the sheet “${summary.sheetName}”.`,
    );
    await expect(button.isEnabled()).resolves.toBe(true);
    await expect(button.getAttribute('aria-busy')).resolves.toBeNull();
  });

  test('the cases box: checked, best and worst are filled; cleared, they are left blank', async () => {
    const { caseColumn, caseRows } = placeWhatIf();
    // Requests per month: 10,000, best 13,000 (the article's +30%).
    const bestRequests = `${columnLetter(caseColumn + 1)}${caseRows.get('requestsPerMonth') ?? 0}`;
    const made = async (): Promise<string> => {
      await page.click('#create');
      await page.locator('#status.ok').waitFor();
      const sent = calls.filter((call) => call.name === 'generateScenario').pop();
      return (sent?.result as ScenarioSummary).sheetName;
    };
    // A checkbox beside its words, not a field across the sidebar (the input rule's width).
    const box = await page.locator('#cases').boundingBox();
    const label = await page.locator('label[for="cases"]').boundingBox();
    expect(box?.width).toBeLessThan(24);
    expect(box && label && box.y + box.height <= label.y + label.height).toBe(true);
    expect(box && label && box.y >= label.y).toBe(true);
    const filled = await made();
    expect(server.workbook.cell(filled, bestRequests).value).toBe(13000);
    await page.uncheck('#cases');
    const blank = await made();
    expect(calls.filter((call) => call.name === 'generateScenario').pop()?.args[1]).toEqual({
      cases: false,
    });
    expect(server.workbook.cell(blank, bestRequests).value).toBe('');
  });

  test("the server's error message is shown, and nothing is left behind", async () => {
    const before = server.workbook.sheetNames();
    // A Spreadsheet service failure part-way through writing the scenario.
    server.workbook.failAtCall(8);
    await page.click('#create');
    await page.locator('#status.error').waitFor();
    const failed = calls.filter((call) => call.name === 'generateScenario');
    expect(failed).toHaveLength(1);
    expect(failed[0].error).toMatch(/^Could not (create|write) the scenario sheet/);
    await expect(page.locator('#status').textContent()).resolves.toBe(failed[0].error);
    await expect(page.locator('#create').isEnabled()).resolves.toBe(true);
    expect(server.workbook.sheetNames()).toEqual(before);
  });

  test('names people use: a size in a model name, short names, an ambiguous prefix', async () => {
    await page.selectOption('#f-model', { label: 'Other size…' });
    // "Mistral 7B" is no catalog row but ends in a size: a 7B model, scale 1 (Llama 7B's);
    // LoRA on 10,000 examples: 0.0001 × 10,000 × 1 × 0.25 = 0.25 h.
    await page.fill('#f-model-custom', 'Mistral 7B');
    await expectText('#out-hours', '0.25 h');
    await page.fill('#f-model-custom', 'Llama');
    await expect(page.locator('#f-model-msg').textContent()).resolves.toContain(
      'could be Llama 7B, Llama 13B, Llama 70B, Llama 405B',
    );
    await expect(page.locator('#create').isDisabled()).resolves.toBe(true);
    await page.fill('#f-model-custom', 'llama 13');
    await expectText('#out-hours', '0.5 h'); // a unique prefix: Llama 13B
  });

  test('the rows used are listed with their as-of dates; a stale price is flagged with its age', async () => {
    const rows = page.locator('#rows-used li');
    await expect(rows.allTextContents()).resolves.toEqual([
      'Model: Llama 13B, as of 2026-11-29',
      'Method: LoRA, as of 2026-11-29',
      'GPU provider: RunPod on-demand, as of 2026-11-29',
      'GPU: H100, as of 2026-11-29',
      'API: Claude, as of 2026-11-29',
      'Managed fine-tuning: Fireworks, as of 2026-10-07',
      // The price row for a 13B LoRA fine-tune serves at its bracket's inference API (issue 20).
      'Managed inference API: Fireworks fine-tuned up to 16B, as of 2026-12-06',
    ]);
    // The page's clock is 2026-12-06. Grok's price was read on 2025-08-28: 365 days to
    // 2026-08-28, + 31 + 30 + 31 to 2026-11-28, + 8 = 465 days, past the 180-day default.
    await page.selectOption('#f-api', 'Grok');
    await expect(page.locator('#rows-used li.stale').allTextContents()).resolves.toEqual([
      'API: Grok, as of 2025-08-28 465 days old, past the 180-day limit: check the price',
    ]);
    // The catalog note lists every stale price of the catalog, used or not.
    await expect(page.locator('#catalog-note').textContent()).resolves.toContain(
      'API Grok (as of 2025-08-28, 465 days)',
    );
  });

  test('on a scenario sheet the sidebar offers its inputs and loads them into the form', async () => {
    await expect(page.locator('#load-note').isHidden()).resolves.toBe(true); // on "Budget"
    const made = server.call('generateScenario', [
      { model: HOSTILE, examples: 20000, provider: 'AWS spot', horizonMonths: 24 },
    ]) as ScenarioSummary;
    await open(); // the new sheet is the active one
    await page.locator('#load-note:not([hidden])').waitFor();
    await expect(page.locator('#load-text').textContent()).resolves.toBe(
      `This is the scenario sheet “${made.sheetName}”. `,
    );
    await page.click('#load-inputs');
    await expect(page.locator('#f-model').inputValue()).resolves.toBe(HOSTILE);
    await expect(page.locator('#f-examples').inputValue()).resolves.toBe('20000');
    await expect(page.locator('#f-provider').inputValue()).resolves.toBe('AWS spot');
    await expect(page.locator('#f-horizonMonths').inputValue()).resolves.toBe('24');
    await expect(page.locator('#load-text').textContent()).resolves.toBe(
      `Loaded the inputs of “${made.sheetName}”. `,
    );
    // HOSTILE's size is 30B, scale 4: 0.0001 × 20,000 × 4 × 0.25 = 2 h.
    await expectText('#out-hours', '2 h');
    expect(dialogs).toEqual([]);
  });

  test('hostile catalog names show as text and run nothing', async () => {
    await expect(page.locator('#f-model option', { hasText: HOSTILE }).textContent()).resolves.toBe(
      HOSTILE,
    );
    await expect(
      page.locator('#f-provider option', { hasText: HOSTILE_PROVIDER }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('#f-api option', { hasText: HOSTILE_API }).count()).resolves.toBe(1);
    await page.selectOption('#f-model', HOSTILE);
    await page.selectOption('#f-provider', HOSTILE_PROVIDER);
    await page.selectOption('#f-api', HOSTILE_API);
    // The user's rows are usable: scale 4, LoRA, 10,000 examples: 0.0001 × 10,000 × 4 × 0.25 = 1 h at $1.
    await expectText('#out-hours', '1 h');
    await expectText('#out-gpu-cost', '$1.00');
    await page.click('#create');
    await page.locator('#status.ok').waitFor();
    const made = calls.find((call) => call.name === 'generateScenario');
    expect(made?.args[0]).toMatchObject({
      model: HOSTILE,
      provider: HOSTILE_PROVIDER,
      api: HOSTILE_API,
    });
    const sheetName = (made?.result as ScenarioSummary).sheetName;
    expect(sheetName).toContain('<img');
    await expect(page.locator('#status').textContent()).resolves.toBe(
      `Created the sheet “${sheetName}”.`,
    );
    // An unknown name lists the known ones (the hostile ones among them) in the message.
    await page.selectOption('#f-model', { label: 'Other size…' });
    await page.fill('#f-model-custom', 'no such model');
    await expect(page.locator('#f-model-msg').textContent()).resolves.toContain(HOSTILE);
    await page.waitForTimeout(50);
    await expect(page.locator('img, [onerror], [onload]').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1); // the page's own, inlined
    await expect(page.evaluate('window.__pwned')).resolves.toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test('the compare button writes the FT Compare sheet through compareScenarios', async () => {
    server.call('generateScenario', [{}]);
    await page.click('#compare');
    await page.locator('#status.ok').waitFor();
    const sent = calls.filter((call) => call.name === 'compareScenarios');
    expect(sent).toHaveLength(1);
    expect(sent[0].result).toEqual({ sheetName: 'FT Compare' });
    expect(server.workbook.sheetNames()).toContain('FT Compare');
    // One row of references below the two header rows.
    expect(server.workbook.formulas('FT Compare')[2][1]).toMatch(/^='Scenario .*'!B5$/);
    await expect(page.locator('#status').textContent()).resolves.toBe(
      'Compared the scenarios in the sheet “FT Compare”.',
    );
    await expect(page.locator('#compare').isEnabled()).resolves.toBe(true);
  });

  test('Tab reaches every field, in order, then the button', async () => {
    const expected = await page
      .locator('#scenario-form :is(input, select):visible')
      .evaluateAll((elements) => elements.map((element) => element.id));
    expect(expected.length).toBeGreaterThanOrEqual(25);
    // From the top of the page: nothing before the form takes focus.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    const reached: string[] = [];
    // Issue 21: the cases box sits right before the button (one Tab more).
    for (let step = 0; step <= expected.length + 1; step++) {
      await page.keyboard.press('Tab');
      reached.push(String(await page.evaluate('document.activeElement.id')));
    }
    expect(reached).toEqual([...expected, 'cases', 'create']);
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.id')).toBe('compare');
    // Every field has a label pointing at it.
    const unlabelled = await page
      .locator('#scenario-form :is(input, select)')
      .evaluateAll((elements) =>
        elements
          .filter((element) => !element.ownerDocument.querySelector(`label[for="${element.id}"]`))
          .map((element) => element.id),
      );
    expect(unlabelled).toEqual([]);
  });

  test('nothing is fetched from outside the page', () => {
    expect(externalRequests).toEqual([]);
  });

  test('screenshot of the sidebar to docs/sidebar.png', async () => {
    // What the user sees in a 300 px sidebar: the preview, the first fields and the sticky button.
    await saveDocScreenshot(page, path.join(ROOT, 'docs', 'sidebar.png'));
  });

  /** Waits (briefly) for an element's text, then asserts it, so a failure shows what was there. */
  async function expectText(selector: string, text: string): Promise<void> {
    const condition = `document.querySelector(${JSON.stringify(selector)})?.textContent === ${JSON.stringify(text)}`;
    await page.waitForFunction(condition, undefined, { timeout: 2000 }).catch(() => undefined);
    await expect(page.locator(selector).textContent()).resolves.toBe(text);
  }
});

test('the sidebar source builds no DOM from markup strings', () => {
  const dir = path.join(ROOT, 'sidebar');
  for (const file of readdirSync(dir).filter((name) => /\.(ts|html)$/.test(name))) {
    const text = readFileSync(path.join(dir, file), 'utf8').replace(/\/\/.*$/gm, '');
    expect({
      file,
      found: text.match(
        /innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/g,
      ),
    }).toEqual({ file, found: null });
  }
});

test('the built page holds no markup sinks and refers to nothing outside itself', () => {
  const html = readFileSync(path.join(DIST, 'Sidebar.html'), 'utf8');
  expect(html.match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/g)).toBeNull();
  // The only URL is the SVG namespace name, which is never fetched.
  const urls = html.match(/(https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s'"<>)]*/gi) ?? [];
  expect([...new Set(urls)]).toEqual(['http://www.w3.org/2000/svg']);
  expect(html).not.toMatch(/<(link|img|iframe)\b|@import|url\(/i);
  expect(html).not.toContain('<!-- inline:');
});
