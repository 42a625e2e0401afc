// `npm run bench`: builds dist/, then measures the built bundle in one run and prints
// a Markdown table; the results go to bench/results/latest.json (a partial run's, with
// either flag, to bench/results/partial.json, which git ignores).
//   --quick         fewer samples (a smoke run; the numbers are rougher)
//   --no-browser    skip the sidebar part
//   --catalog-only  only part 5 (FT_COST over a team's catalog sheet, the refresh after an edit)
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, readBundle } from './bundle';
import { runCatalog } from './catalog';
import { runColdStart } from './coldstart';
import type { BenchReport } from './report';
import { catalogMarkdown, checkGoals, markdown, roundAll } from './report';
import { runScenarioWrites } from './scenario';
import { runSidebar } from './sidebar';
import { runSimulation } from './simulation';
import type { SidebarResult } from './sidebar';
import type { ThroughputRow } from './throughput';
import { FUNCTIONS, RESULT_MARKER, SIZES } from './throughput';

const quick = process.argv.includes('--quick');
const noBrowser = process.argv.includes('--no-browser');
const catalogOnly = process.argv.includes('--catalog-only');
// Only a full run replaces the committed results that the READMEs quote.
const resultsFile = quick || noBrowser || catalogOnly ? 'partial.json' : 'latest.json';

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/**
 * Part 1: each function and size in a process of its own, with --expose-gc to count
 * the heap it allocates (see runThroughputCase).
 */
function runThroughputWorkers(): ThroughputRow[] {
  const rows: ThroughputRow[] = [];
  for (const size of SIZES) {
    for (const name of FUNCTIONS) {
      const child = spawnSync(
        process.execPath,
        [
          '--expose-gc',
          path.join(ROOT, 'scripts', 'run-ts.mjs'),
          path.join(ROOT, 'bench', 'throughput.ts'),
          '--worker',
          '--function',
          name,
          '--rows',
          String(size),
          ...(quick ? ['--quick'] : []),
        ],
        { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const line = child.stdout.split('\n').find((text) => text.startsWith(RESULT_MARKER));
      if (child.status !== 0 || !line) {
        throw new Error(
          `throughput worker for ${name} × ${size} failed (exit ${child.status}): ${child.stdout}`,
        );
      }
      rows.push(JSON.parse(line.slice(RESULT_MARKER.length)) as ThroughputRow);
    }
  }
  return rows;
}

async function sidebarPart(code: string): Promise<SidebarResult | { skipped: string }> {
  if (noBrowser) return { skipped: '--no-browser' };
  try {
    return await runSidebar(code, quick ? 40 : 150);
  } catch (error) {
    // No Chromium here: report it, and keep the other parts.
    const message = error instanceof Error ? error.message : String(error);
    if (/Chromium not found/.test(message)) return { skipped: message };
    throw error;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const code = readBundle();
  const environment = {
    date: new Date().toISOString().slice(0, 10),
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    loadAverage: os.loadavg()[0],
  };
  if (catalogOnly) {
    log('5/5 FT_COST over a team catalog sheet, and the refresh after an edit…');
    const catalog = roundAll(runCatalog(code, quick));
    const results = path.join(ROOT, 'bench', 'results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      path.join(results, resultsFile),
      `${JSON.stringify({ environment, catalog }, null, 2)}\n`,
    );
    process.stdout.write(`${catalogMarkdown(catalog)}\n`);
    return;
  }
  log('1/5 custom-function throughput (1K, 10K, 100K rows)…');
  const throughput = runThroughputWorkers();
  log('2/5 cold start…');
  const coldStart = runColdStart(code, quick ? 7 : 21);
  log('3/5 scenario writes…');
  const scenario = runScenarioWrites(code);
  log(
    noBrowser
      ? '4/5 sidebar preview: skipped (--no-browser)'
      : '4/5 sidebar preview in headless Chromium…',
  );
  const sidebar = await sidebarPart(code);
  log('5/5 FT_COST over a team catalog sheet, and the refresh after an edit…');
  const catalog = runCatalog(code, quick);
  log('+ FT_SIMULATE: 10,000 runs of the scenario model…');
  const simulation = runSimulation(code, quick ? 3 : 7);
  const measured = { environment, throughput, coldStart, scenario, sidebar, catalog, simulation };
  const report: BenchReport = roundAll({ ...measured, goals: checkGoals(measured) });

  const results = path.join(ROOT, 'bench', 'results');
  mkdirSync(results, { recursive: true });
  writeFileSync(path.join(results, resultsFile), `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${markdown(report)}\n`);
  log(`done in ${Math.round((Date.now() - started) / 1000)} s; wrote bench/results/${resultsFile}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
