// Issue 19, "every estimate of hours and cost in the scenario sheets follows the runs": the
// provider table, the methods table and the model x dataset-size matrix show the hours the
// scenario's "Hours from" picks; calibrated, each provider row on its own GPU's runs and each
// method row on its own method's (with the fallbacks of the calibration). Runs typed into the
// catalog sheet as a user types them; the sheet (HyperFormula) equals the engine cell by cell.
import { scenarioLayout } from '../../src/addon/scenario-layout';
import { CatalogIndex, computeScenario, resolveScenario } from '../../src/engine';
import type { Catalog, MeasuredRun } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import { addCatalogRow, addRun } from './catalog-support';
import { mismatches } from './engine-agreement';
import { Evaluated, expectClose, generate, session } from './helpers';
import type { Session } from './helpers';
import type { HfCell } from '../../emulator/hyperformula';

/** The engine's catalog as the add-in reads it, measured runs included. */
function indexOf(s: Session): CatalogIndex {
  const response = s.call<CatalogResponse & { runs: MeasuredRun[] }>('getCatalog');
  const { catalog, runs, staleAfterDays } = JSON.parse(JSON.stringify(response)) as {
    catalog: Catalog;
    runs: MeasuredRun[];
    staleAfterDays: number;
  };
  return new CatalogIndex(catalog, [], staleAfterDays, runs);
}

// The default scenario: Llama 13B, LoRA, 10,000 examples x 500 tokens x 1 epoch = 5M tokens,
// on RunPod on-demand (an H100). Compute-bound at MFU 0.35, by hand:
//   LoRA on an H100:  4 x 13e9 x 5e6 / (989e12 x 0.35 x 3600) = 0.2086431 h
//   LoRA on an A100:  4 x 13e9 x 5e6 / (312e12 x 0.35 x 3600) = 0.6613757 h
//   full on an H100:  6 x 13e9 x 5e6 / (989e12 x 0.35 x 3600) = 0.3129647 h
const LORA_H100 = (4 * 13e9 * 5e6) / (989e12 * 0.35 * 3600);
const LORA_A100 = (4 * 13e9 * 5e6) / (312e12 * 0.35 * 3600);
const FULL_H100 = (6 * 13e9 * 5e6) / (989e12 * 0.35 * 3600);
const HOURS_FROM = 'Hours from (rule, compute-bound, calibrated)';

/** A provider on an A100 typed under the catalog's providers, two runs, and the default scenario. */
function scenarioWithRuns(): { s: Session; sheet: string } {
  const s = session();
  s.call('insertCatalogSheet');
  addCatalogRow(s, 'providers', ['Cloud A100', 'A100', 1.5, 'on-demand', 'a quote', '2026-12-01']);
  // A LoRA run on an A100 that took twice the estimate (its MFU 0.175), and a full run on an
  // H100 that took half of it (its MFU 0.7).
  addRun(s, ['Llama 13B', 'LoRA', 'A100', 5e6, '', '', '', 1, LORA_A100 * 2, '', 'ours']);
  addRun(s, ['Llama 13B', 'full', 'H100', 5e6, '', '', '', 1, FULL_H100 / 2, '', 'ours']);
  return { s, sheet: generate(s, {}).sheetName };
}

/** A table's row by its key: the cells right of the key, by the table's headers. */
function rowOf(ev: Evaluated, keyHeader: string, key: string): Record<string, HfCell> {
  const rows = ev.rows();
  const headers = rows[3];
  const from = headers.indexOf(keyHeader);
  const row = rows.find((cells) => cells[from] === key);
  if (!row) throw new Error(`no row ${key} under ${keyHeader}`);
  const out: Record<string, HfCell> = {};
  for (let c = from + 1; c < headers.length && headers[c] !== '' && headers[c] !== null; c++) {
    out[String(headers[c])] = row[c];
  }
  return out;
}

describe('the scenario tables follow Hours from', () => {
  test('calibrated: each provider row on its GPU, each method row on its method; sheet = engine', () => {
    const { s, sheet } = scenarioWithRuns();
    const index = indexOf(s);
    const ev = new Evaluated(s.workbook, sheet);
    try {
      expect(ev.byLabel('Training hours by')).toBe('calibrated');
      // The scenario (H100, LoRA) has no LoRA run on an H100: the method's, on the A100, x2.
      expect(ev.byLabel('Calibration', 1)).toBe('calibrated from 1 run of LoRA (any GPU)');
      const hours = 'Hours (as Hours from)';
      // An H100 provider: no H100 LoRA run, so the method's fit: MFU 0.175, twice the estimate.
      const runPod = rowOf(ev, 'Provider', 'RunPod on-demand');
      expectClose(runPod['MFU of the hours'], 0.175, 'RunPod MFU');
      expect(runPod['Runs on this GPU and method']).toBe(0);
      expectClose(runPod[hours], LORA_H100 * 2, 'RunPod hours');
      // The scenario's own provider's row is the figure above it.
      expectClose(
        runPod[hours],
        Number(ev.byLabel("Training hours on the provider's GPU")),
        'main',
      );
      // The A100 provider: its own GPU's LoRA run, MFU 0.175; at $1.50 an hour.
      const a100 = rowOf(ev, 'Provider', 'Cloud A100');
      expect(a100['Runs on this GPU and method']).toBe(1);
      expectClose(a100[hours], LORA_A100 * 2, 'A100 hours');
      expectClose(a100['Training cost'], LORA_A100 * 2 * 1.5, 'A100 cost');
      // Methods on the scenario's H100: full has its own H100 run (x0.5, MFU 0.7); LoRA the
      // method's (x2); QLoRA none of its own: all runs, ln 2 and ln 0.5 cancel, MFU 0.35.
      const full = rowOf(ev, 'Method', 'full');
      expect(full['Runs on this GPU and method']).toBe(1);
      expectClose(full['MFU of the hours'], 0.7, 'full MFU');
      expectClose(full[hours], FULL_H100 / 2, 'full hours');
      expectClose(rowOf(ev, 'Method', 'LoRA')[hours], LORA_H100 * 2, 'LoRA hours');
      const qlora = rowOf(ev, 'Method', 'QLoRA');
      expect(qlora['Runs of this method (any GPU)']).toBe(0);
      expectClose(qlora['MFU of the hours'], 0.35, 'QLoRA MFU');
      expectClose(qlora[hours], LORA_H100, 'QLoRA hours');
      // The matrix at the scenario's MFU (0.175): Llama 7B, 50,000 examples x 500 tokens,
      // 4 x 7e9 x 2.5e7 / (989e12 x 0.175 x 3600) = 1.1234752 h.
      const matrix = ev.table('Model');
      const llama7b = matrix.find((row) => row[0] === 'Llama 7B');
      expectClose(llama7b?.[3], (4 * 7e9 * 2.5e7) / (989e12 * 0.175 * 3600), 'matrix hours');
      // Every cell of the sheet, tables included, equals the engine's.
      const cells = scenarioLayout(computeScenario(resolveScenario({}, index), index), index).cells;
      expect(mismatches(ev.rows(), cells, 36, index)).toEqual([]);

      // The article's rule: every table back to its figures (0.5 H100 hours; the A100 at
      // speed 312 / 989 of an H100, 0.5 x 989 / 312 = 1.5849359 h), the MFU blank.
      ev.setInput(HOURS_FROM, 'rule');
      expectClose(rowOf(ev, 'Provider', 'RunPod on-demand')[hours], 0.5, 'rule RunPod');
      expectClose(rowOf(ev, 'Provider', 'Cloud A100')[hours], (0.5 * 989) / 312, 'rule A100');
      expect(rowOf(ev, 'Provider', 'Cloud A100')['MFU of the hours']).toBe('');
      expectClose(rowOf(ev, 'Method', 'full')[hours], 2, 'rule full');
      expect(mismatches(ev.rows(), cells, 36, index)).toEqual([]);

      // Compute-bound: the MFU input (0.35) in every row.
      ev.setInput(HOURS_FROM, 'compute-bound');
      expectClose(rowOf(ev, 'Provider', 'Cloud A100')[hours], LORA_A100, 'compute-bound A100');
      expectClose(rowOf(ev, 'Method', 'full')[hours], FULL_H100, 'compute-bound full');
      expect(mismatches(ev.rows(), cells, 36, index)).toEqual([]);
    } finally {
      ev.destroy();
    }
  });

  test('the engine result (sidebar, summary) has the same table hours', () => {
    const { s } = scenarioWithRuns();
    const index = indexOf(s);
    const result = computeScenario(resolveScenario({}, index), index);
    const a100 = result.providers.find((row) => row.provider === 'Cloud A100');
    expectClose(a100?.hours, LORA_A100 * 2, 'engine A100 hours');
    expectClose(result.methods.find((row) => row.method === 'full')?.hours, FULL_H100 / 2, 'full');
  });
});
