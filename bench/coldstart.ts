// Part 2: the size of dist/Code.js, and how long a fresh context takes to evaluate it
// and answer one FT_HOURS call (Apps Script evaluates the whole script for every
// custom-function call). Measured two ways: in fresh node processes (nothing
// compiled yet: a true cold start) and in fresh contexts of one process (V8 may
// reuse its compilation cache, as a warm Apps Script server might).
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import vm from 'node:vm';
import { CODE_JS } from './bundle';
import type { Stats } from './harness';
import { summarize } from './harness';

export interface ColdStartResult {
  readonly bytes: number;
  /** Fresh process each sample: compile and evaluate the script, then one call, ms. */
  readonly freshProcessMs: Stats;
  /** Of that, compiling and evaluating the script alone (its top-level code), ms. */
  readonly freshProcessLoadMs: Stats;
  /** Making the empty context, which precedes the above and is node's cost, not the script's, ms. */
  readonly contextCreationMs: Stats;
  /** Fresh context in a warm process: evaluate + one call, ms. */
  readonly freshContextMs: Stats;
  /** The answer of the call, to show the bundle really ran. */
  readonly answer: unknown;
}

// Run with `node -e` in each child: plain JavaScript, so no bundling per sample.
const CHILD = `
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const code = readFileSync(process.argv[1], 'utf8');
const made = performance.now();
const context = vm.createContext(vm.constants.DONT_CONTEXTIFY);
const start = performance.now();
vm.runInContext(code, context, { filename: 'Code.js' });
const loaded = performance.now();
const answer = context.FT_HOURS('Llama 13B', 50000);
const done = performance.now();
process.stdout.write(
  JSON.stringify({ context: start - made, load: loaded - start, total: done - start, answer }),
);
`;

interface ChildSample {
  readonly context: number;
  readonly load: number;
  readonly total: number;
  readonly answer: unknown;
}

function freshProcess(): ChildSample {
  const out = execFileSync(process.execPath, ['-e', CHILD, CODE_JS], { encoding: 'utf8' });
  return JSON.parse(out) as ChildSample;
}

function freshContext(code: string): number {
  const context = vm.createContext(vm.constants.DONT_CONTEXTIFY) as Record<string, unknown>;
  const start = performance.now();
  vm.runInContext(code, context, { filename: 'Code.js' });
  (context.FT_HOURS as (model: string, examples: number) => unknown)('Llama 13B', 50000);
  return performance.now() - start;
}

export function runColdStart(code: string, samples: number): ColdStartResult {
  freshProcess(); // warm the file cache and node's own start-up paths
  const children: ChildSample[] = [];
  for (let sample = 0; sample < samples; sample++) children.push(freshProcess());
  for (let warmup = 0; warmup < 3; warmup++) freshContext(code);
  const contexts: number[] = [];
  for (let sample = 0; sample < samples; sample++) contexts.push(freshContext(code));
  return {
    bytes: statSync(CODE_JS).size,
    freshProcessMs: summarize(children.map((child) => child.total)),
    freshProcessLoadMs: summarize(children.map((child) => child.load)),
    contextCreationMs: summarize(children.map((child) => child.context)),
    freshContextMs: summarize(contexts),
    answer: children[0].answer,
  };
}
