// Part 4: the sidebar (dist/Sidebar.html, as built) in headless Chromium: the time
// from an input change to an updated preview. The page recomputes the scenario with
// the engine on every `input` event; the time is measured in the page, from just
// before the event is dispatched until the preview's text has changed and the
// browser has laid the page out again (style and layout forced), so it counts the
// work of one frame without waiting for the next vsync.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook } from '../emulator';
import { launchChromium, openSidebarPage } from '../test/support/browser';
import { ROOT, callGlobal, loadBundleForBench } from './bundle';
import type { Stats } from './harness';
import { summarize } from './harness';

export interface SidebarResult {
  /** Editing "Training examples" (a text input), ms. */
  readonly typingMs: Stats;
  /** Choosing another model (a select's change), ms. */
  readonly selectMs: Stats;
  /** Both kinds together, ms. */
  readonly allMs: Stats;
}

interface PageSamples {
  readonly typing: number[];
  readonly select: number[];
  readonly unchanged: number;
}

/**
 * Runs in the page (plain JavaScript, as the page gets it): `rounds` edits of each
 * kind, alternating, each timed from dispatch to changed preview text plus a forced
 * layout. The first `warmup` rounds are dropped.
 */
const MEASURE_IN_PAGE = `({ rounds, warmup }) => {
  const examples = document.getElementById('f-examples');
  const model = document.getElementById('f-model');
  const preview = document.getElementById('preview');
  const hours = document.getElementById('out-hours');
  const models = Array.from(model.options, (option) => option.value).filter((value) =>
    /llama/i.test(value),
  );
  const typing = [];
  const select = [];
  let unchanged = 0;
  const time = (change) => {
    const before = hours.textContent;
    const start = performance.now();
    change();
    if (hours.textContent === before) unchanged++;
    preview.getBoundingClientRect(); // style and layout, as the next frame needs
    return performance.now() - start;
  };
  for (let round = 0; round < warmup + rounds; round++) {
    const typed = time(() => {
      examples.value = String(10000 + ((round % 50) + 1) * 1000);
      examples.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const chosen = time(() => {
      const next = models[round % models.length];
      model.value = next === model.value ? models[(round + 1) % models.length] : next;
      model.dispatchEvent(new Event('input', { bubbles: true }));
      model.dispatchEvent(new Event('change', { bubbles: true }));
    });
    if (round >= warmup) {
      typing.push(typed);
      select.push(chosen);
    }
  }
  return { typing, select, unchanged };
}`;

export async function runSidebar(code: string, rounds: number): Promise<SidebarResult> {
  const workbook = createWorkbook();
  const server = loadBundleForBench(code, workbook.services);
  const browser = await launchChromium();
  try {
    const html = readFileSync(path.join(ROOT, 'dist', 'Sidebar.html'), 'utf8');
    const { page, url } = await openSidebarPage(
      browser,
      (name, args) => callGlobal(server, name, ...args),
      html,
    );
    await page.goto(url);
    await page.locator('#app[data-catalog="loaded"]').waitFor();
    const samples = (await page.evaluate(
      `(${MEASURE_IN_PAGE})(${JSON.stringify({ rounds, warmup: 20 })})`,
    )) as PageSamples;
    if (samples.unchanged > 0) {
      throw new Error(`sidebar: ${samples.unchanged} edits did not change the preview`);
    }
    return {
      typingMs: summarize(samples.typing),
      selectMs: summarize(samples.select),
      allMs: summarize([...samples.typing, ...samples.select]),
    };
  } finally {
    await browser.close();
  }
}
