// Part 6: FT_SIMULATE (issue 21), 10,000 runs of the whole scenario model from a scenario
// sheet's Inputs block (every field, the sidebar's defaults) and its cases table. Apps Script evaluates the script
// afresh for a custom-function call, so the case that counts is the first call in a fresh
// context (compiling the model's definitions included): it must stay well under the 30-second
// custom-function limit. Warm calls in one context are shown beside it.
import { performance } from 'node:perf_hooks';
import { createWorkbook } from '../emulator';
import { DEFAULT_SCENARIO, inputCells, SCENARIO_FIELDS } from '../src/engine';
import { callGlobal, inContext, loadBundleForBench } from './bundle';
import type { Stats } from './harness';
import { summarize } from './harness';

export interface SimulationBench {
  readonly runs: number;
  /** A fresh context: evaluate the script, then one FT_SIMULATE call, ms. */
  readonly freshContextMs: Stats;
  /** Further calls in the same context, ms each. */
  readonly warmCallMs: Stats;
  /** The P50 NPV and the chance of payback the call gave, to show the bundle really ran. */
  readonly answer: readonly unknown[];
}

const RUNS = 10000;

/** The scenario sheet's Inputs block (label, value) for the default scenario. */
// The default scenario's input block as its cells hold it (the start date a serial day).
const CELLS = inputCells(DEFAULT_SCENARIO);
const BLOCK = SCENARIO_FIELDS.map((field) => [field.label, CELLS[field.key]]);
/**
 * The cases table a new scenario sheet has (Base blank, Best and Worst the ±30%): requests
 * 10,000, Claude's $0.003 / $0.015, 40 labeling hours; growth and discount 0, left blank.
 */
const CASES = [
  ['Requests per month', '', 13000, 7000],
  ['Input price ($ per 1K tokens)', '', 0.0039, 0.0021],
  ['Output price ($ per 1K tokens)', '', 0.0195, 0.0105],
  ['Labeling hours', '', 28, 52],
  ['Monthly volume growth', '', '', ''],
  ['Annual discount rate', '', '', ''],
];

export function runSimulation(code: string, samples: number): SimulationBench {
  const fresh: number[] = [];
  const warm: number[] = [];
  let answer: unknown[] = [];
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now();
    const context = loadBundleForBench(code, createWorkbook().services);
    const block = inContext(context, BLOCK);
    const cases = inContext(context, CASES);
    const table = callGlobal(context, 'FT_SIMULATE', block, '', '', RUNS, '', cases) as unknown[][];
    fresh.push(performance.now() - start);
    answer = [table[2][1], table[4][1]];
    for (let call = 0; call < 3; call++) {
      const again = performance.now();
      callGlobal(context, 'FT_SIMULATE', block, '', '', RUNS, call + 2, cases);
      warm.push(performance.now() - again);
    }
  }
  return { runs: RUNS, freshContextMs: summarize(fresh), warmCallMs: summarize(warm), answer };
}
