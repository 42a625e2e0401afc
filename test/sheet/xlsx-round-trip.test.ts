// Issue 24: the sheet leaves the building. Workbooks the add-in wrote (scenarios of several
// models, methods and providers, a user's catalog rows, a bad input, the compare sheet) are
// exported as Google Sheets exports them (emulator/xlsx.ts: no cached values), recalculated
// by LibreOffice Calc headless, an independent formula engine, and every formula cell is
// compared with HyperFormula's value and every scenario cell with the engine's.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Workbook } from '../../emulator';
import { toHyperFormula, plainValue } from '../../emulator/hyperformula';
import type { HfCell } from '../../emulator/hyperformula';
import { workbookToXlsx } from '../../emulator/xlsx';
import { scenarioLayout } from '../../src/addon/scenario-layout';
import { CatalogIndex, computeScenario, resolveScenario } from '../../src/engine';
import type { Catalog } from '../../src/engine';
import type { CatalogResponse } from '../../src/shared/contract';
import { describeWithLibreOffice, recalculateAll } from '../support/libreoffice';
import type { SheetValues } from '../support/libreoffice';
import { addCatalogRow } from './catalog-support';
import { mismatches } from './engine-agreement';
import { generate, session } from './helpers';
import type { Session } from './helpers';

/** A scenario sheet of a workbook and the input it was made from. */
interface MadeScenario {
  readonly sheet: string;
  readonly input: Record<string, unknown>;
}

interface Case {
  readonly name: string;
  readonly s: Session;
  readonly scenarios: MadeScenario[];
}

function make(s: Session, input: Record<string, unknown>): MadeScenario {
  return { sheet: generate(s, input).sheetName, input };
}

/** The workbooks: each a few scenarios, as a person would make them. */
function cases(): Case[] {
  const defaults = session();
  const two = [
    make(defaults, {}),
    make(defaults, { model: 'Llama 7B', method: 'full', provider: 'AWS spot' }),
  ];
  defaults.call('compareScenarios');

  const sizes = session();
  const sized = [
    make(sizes, {
      model: '8B',
      method: 'QLoRA',
      provider: 2.5,
      api: 'Grok',
      monthlyGrowthRate: 0.02,
      annualDiscountRate: 0.1,
      horizonMonths: 60,
    }),
    make(sizes, {
      model: 'Llama 405B',
      method: 'full',
      provider: 'Lambda Labs',
      api: 'GPT-4o mini',
    }),
  ];

  // A user's rows: a GPU named by a number, providers writing their GPU loosely or as that
  // number, a model of their own, and a broken row the engine skips.
  const own = session();
  own.call('insertCatalogSheet');
  addCatalogRow(own, 'gpus', [4090, 165, 24, 0.3, 'vendor sheet', '2026-01-01', '']);
  addCatalogRow(own, 'providers', ['Home rig', 4090, 0.4, 'amortized', 'own', '2026-01-01', '']);
  addCatalogRow(own, 'providers', ['Loose A100', 'a-100', 1.2, 'spot', 'own', '2026-01-01', '']);
  addCatalogRow(own, 'models', ['Mistral 7B', 7.2, '', 'own', '2026-01-01', 'mistral']);
  addCatalogRow(own, 'models', ['Broken 9B', 'lots', 3, 'own', '2026-01-01', '']);
  const owned = [make(own, { model: 'mistral', method: 'lora', provider: 'home rig' })];

  // A bad input typed after the sheet was made: every cell still computes, none is an error
  // the engine does not expect.
  const bad = session();
  const edited = make(bad, { model: 'Llama 70B', provider: 'azure', method: 'QLoRA' });
  bad.workbook.write(edited.sheet, 'B7', [['fifty thousand']]);

  return [
    { name: 'defaults', s: defaults, scenarios: two },
    { name: 'sizes', s: sizes, scenarios: sized },
    { name: 'own-rows', s: own, scenarios: owned },
    { name: 'bad-input', s: bad, scenarios: [edited] },
  ];
}

/** Every sheet of a workbook as HyperFormula computes it. */
function hyperFormulaValues(workbook: Workbook): Map<string, HfCell[][]> {
  const hf = toHyperFormula(workbook);
  try {
    const sheets = new Map<string, HfCell[][]>();
    for (const name of workbook.sheetNames()) {
      const id = hf.getSheetId(name);
      if (id !== undefined)
        sheets.set(
          name,
          hf.getSheetValues(id).map((row) => row.map(plainValue)),
        );
    }
    return sheets;
  } finally {
    hf.destroy();
  }
}

const isError = (value: HfCell): boolean => typeof value === 'string' && /^#|^Err:/.test(value);

/** One cell: text alike, numbers to a relative 1e-9, errors as errors (any code). */
function agree(libre: HfCell, hyper: HfCell): boolean {
  const a = libre ?? '';
  const b = hyper ?? '';
  if (isError(a) || isError(b)) return isError(a) && isError(b);
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  }
  return a === b;
}

function engineIndex(s: Session): CatalogIndex {
  const catalog = JSON.parse(
    JSON.stringify(s.call<CatalogResponse>('getCatalog').catalog),
  ) as Catalog;
  return new CatalogIndex(catalog);
}

describeWithLibreOffice('an .xlsx of the add-in sheets, recalculated by LibreOffice', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ft-xlsx-'));
  let made: Case[] = [];
  let libre = new Map<string, Map<string, SheetValues>>();
  const files = new Map<string, string>();

  beforeAll(async () => {
    made = cases();
    for (const c of made) {
      const file = path.join(dir, `${c.name}.xlsx`);
      writeFileSync(file, await workbookToXlsx(c.s.workbook));
      files.set(c.name, file);
    }
    // One soffice run for every workbook: it takes seconds to start.
    libre = await recalculateAll([...files.values()], dir);
  }, 300000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every formula cell equals HyperFormula, and no cell is an error HyperFormula does not show', () => {
    const wrong: string[] = [];
    let cells = 0;
    // Errors both engines show, by design: a lookup step that does not apply (a size has no
    // catalog name it starts), a bad input's cell. Listed in the log.
    const errors: string[] = [];
    for (const c of made) {
      const hyper = hyperFormulaValues(c.s.workbook);
      const sheets = libre.get(files.get(c.name) ?? '') ?? new Map<string, SheetValues>();
      for (const name of c.s.workbook.sheetNames()) {
        const formulas = c.s.workbook.formulas(name);
        const ours = hyper.get(name) ?? [];
        const theirs = sheets.get(name) ?? [];
        formulas.forEach((row, r) =>
          row.forEach((formula, col) => {
            if (formula === '') return;
            cells++;
            const a = theirs[r]?.[col] ?? null;
            const b = ours[r]?.[col] ?? null;
            if (isError(a)) errors.push(`${c.name} '${name}'!R${r + 1}C${col + 1} ${String(a)}`);
            if (!agree(a, b)) {
              wrong.push(
                `${c.name} '${name}'!R${r + 1}C${col + 1}: LibreOffice ${String(a)}, HyperFormula ${String(b)}; ${formula.slice(0, 120)}`,
              );
            }
          }),
        );
      }
    }
    console.log(
      `xlsx round trip: ${cells - wrong.length} of ${cells} formula cells agree; LibreOffice errors where HyperFormula has them too: ${errors.join(', ')}`,
    );
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(cells).toBeGreaterThan(1500);
  });

  test('every scenario cell LibreOffice computed equals the engine', () => {
    const wrong: string[] = [];
    for (const c of made) {
      const index = engineIndex(c.s);
      const sheets = libre.get(files.get(c.name) ?? '') ?? new Map<string, SheetValues>();
      for (const scenario of c.scenarios) {
        const resolved = resolveScenario(scenario.input, index);
        const layout = scenarioLayout(computeScenario(resolved, index), index);
        const rows = sheets.get(scenario.sheet) ?? [];
        const found = mismatches(rows, layout.cells, resolved.input.horizonMonths, index);
        wrong.push(...found.map((line) => `${c.name} '${scenario.sheet}' ${line}`));
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});
