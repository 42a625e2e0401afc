// `npm run marketplace-assets`: writes the Marketplace listing's images to docs/marketplace/:
// the icons and the card banner (SVG from scripts/marketplace/artwork.ts, rendered at their
// exact size in headless Chromium) and 1280×800 screenshots of the add-in running in the
// playground (`npm start`'s page: the built dist/Code.js and dist/Sidebar.html against an
// emulated spreadsheet). `-- --art-only` skips the screenshots. The tests only read the
// committed files (test/publish/assets.test.ts), so no test run rewrites them.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startPlayground } from '../playground/start';
import type { RunningPlayground } from '../playground/start';
import type { WorkbookView } from '../playground/view';
import { launchChromium, nextRunReply } from '../test/support/browser';
import { bannerSvg, iconSvg } from './marketplace/artwork';
import { BANNER, ICON_128, ICON_32, MARKETPLACE_DIR, SCREENSHOTS } from './marketplace/assets';
import type { MarketplaceImage } from './marketplace/assets';

// scripts/run-ts.mjs runs a bundled copy elsewhere; argv[1] is this file's real path.
const root = path.resolve(path.dirname(process.argv[1]), '..');
const outDir = path.join(root, MARKETPLACE_DIR);

function save(image: MarketplaceImage, png: Buffer): void {
  writeFileSync(path.join(outDir, image.file), png);
  console.log(`wrote ${MARKETPLACE_DIR}/${image.file} (${image.width}×${image.height})`);
}

/** Renders an SVG at exactly its image's pixel size; icons keep their transparent corners. */
async function renderSvg(
  browser: Browser,
  image: MarketplaceImage,
  svg: string,
  transparent: boolean,
): Promise<void> {
  const page = await browser.newPage({
    viewport: { width: image.width, height: image.height },
    deviceScaleFactor: 1,
  });
  await page.setContent(
    `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`,
  );
  save(image, await page.screenshot({ omitBackground: transparent }));
  await page.close();
}

async function workbook(playground: RunningPlayground): Promise<WorkbookView> {
  return (await (await fetch(`${playground.url}api/state`)).json()) as WorkbookView;
}

async function screenshot(page: Page, image: MarketplaceImage): Promise<void> {
  save(image, await page.screenshot());
}

/** Drives the playground as a user would and takes each screenshot on the way. */
async function takeScreenshots(browser: Browser): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'marketplace-assets-'));
  const playground = await startPlayground({
    port: 0,
    dataFile: path.join(dataDir, 'workbook.json'),
  });
  try {
    const { width, height } = SCREENSHOTS.sidebar;
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1 });
    await page.goto(playground.url);
    await page.locator('#tabs button', { hasText: 'Examples' }).waitFor();

    // The custom functions: the Examples sheet with an FT_COST cell selected, its formula shown.
    const examples = (await workbook(playground)).sheets.find((s) => s.name === 'Examples');
    const cost = examples?.cells.find((c) => c.input.startsWith('=FT_COST('));
    if (!cost) throw new Error('the Examples sheet has no FT_COST formula to show');
    await page.locator(`#grid td[data-row="${cost.row}"][data-col="${cost.col}"]`).click();
    await screenshot(page, SCREENSHOTS.functions);

    // The sidebar, opened from the add-on's menu, its preview at the top.
    await page.locator('#menubar .menu > button', { hasText: 'Extensions' }).click();
    await page.locator('#menubar .submenu > .item', { hasText: 'Fine-tuning cost' }).click();
    await page.locator('#menubar [data-function]', { hasText: /calculator/i }).click();
    await page.locator('#sidebar').waitFor({ state: 'visible' });
    const sidebar = page.frameLocator('#sidebar-frame');
    await sidebar.locator('#app[data-catalog="loaded"]').waitFor({ state: 'attached' });
    await sidebar.locator('h1').first().scrollIntoViewIfNeeded();
    await page.evaluate(`document.getElementById('grid-wrap').scrollTo(0, 0)`);
    await screenshot(page, SCREENSHOTS.sidebar);

    // Create scenario sheet: the new sheet, the sidebar closed, from its first row.
    const generated = nextRunReply(page, 'generateScenario');
    await sidebar.locator('#create').click();
    const reply = await generated;
    if (!reply.ok) throw new Error(`generateScenario failed: ${reply.error}`);
    const { sheetName } = reply.value as { sheetName: string };
    await page.locator('#tabs button[aria-selected="true"]', { hasText: sheetName }).waitFor();
    await page.locator('#sidebar-close').click();
    await page.locator('#charts-layer svg.chart').first().waitFor();
    await page.evaluate(`document.getElementById('grid-wrap').scrollTo(0, 0)`);
    await screenshot(page, SCREENSHOTS.scenario);

    // Its charts, scrolled into view below the frozen rows.
    await page.evaluate(
      `(() => {
        document.querySelector('#charts-layer svg.chart').scrollIntoView({ block: 'start' });
        document.getElementById('grid-wrap').scrollTop -= 120;
      })()`,
    );
    await screenshot(page, SCREENSHOTS.charts);
    await page.close();
  } finally {
    await playground.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const browser = await launchChromium();
  try {
    await renderSvg(browser, ICON_128, iconSvg(ICON_128.width), true);
    await renderSvg(browser, ICON_32, iconSvg(ICON_32.width), true);
    await renderSvg(
      browser,
      BANNER,
      bannerSvg(
        ['Fine-tuning', 'cost'],
        ['Fine-tune an open LLM or keep', 'paying an API? Ask your sheet.'],
      ),
      false,
    );
    if (!process.argv.includes('--art-only')) await takeScreenshots(browser);
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
