// Shared by the sheet tests: an emulated workbook running the BUILT dist/Code.js, and
// HyperFormula reading what the add-in wrote.
import type { HyperFormula, SimpleCellAddress } from 'hyperformula';
import { createWorkbook } from '../../emulator';
import type { Workbook, WorkbookOptions } from '../../emulator';
import { hyperFormulaSheets, plainValue } from '../../emulator/hyperformula';
import type { HfCell, HfContent } from '../../emulator/hyperformula';
import { CatalogIndex, computeScenario, resolveScenario } from '../../src/engine';
import type { Catalog, ScenarioResult } from '../../src/engine';
import type { CatalogResponse, ScenarioSummary } from '../../src/shared/contract';
import { callGlobal, loadBundle } from '../support/load-bundle';
import { keep, names, take } from './hyperformula-pool';
import type { Kept } from './hyperformula-pool';
import type { AppsScriptContext } from '../support/load-bundle';

export interface Session {
  readonly workbook: Workbook;
  readonly context: AppsScriptContext;
  call<T>(name: string, ...args: unknown[]): T;
}

export function session(
  options: WorkbookOptions = {},
  workbook = createWorkbook(options),
): Session {
  const context = loadBundle(workbook.services);
  return {
    workbook,
    context,
    call: <T>(name: string, ...args: unknown[]): T => {
      try {
        return callGlobal(context, name, ...args) as T;
      } finally {
        workbook.endExecution(); // Apps Script applies what the run wrote, even if it threw
      }
    },
  };
}

export function generate(s: Session, input: unknown): ScenarioSummary {
  return s.call<ScenarioSummary>('generateScenario', input);
}

/** The engine's result for an input over the catalog the add-in reads (built-in + user rows). */
export function engineResult(s: Session, input: unknown): ScenarioResult {
  // Read through the emulator's raw data, not the bundle, so no call is counted.
  const catalog = JSON.parse(
    JSON.stringify(s.call<CatalogResponse>('getCatalog').catalog),
  ) as Catalog;
  const index = new CatalogIndex(catalog);
  return computeScenario(resolveScenario(input, index), index);
}

/**
 * The sheet and every sheet its formulas name, and theirs, in the workbook's order: all its
 * values depend on (a scenario sheet reads the FT Catalog, not the other scenarios).
 */
function sheetsReadBy(workbook: Workbook, sheet: string): string[] {
  const read = new Set([sheet]);
  for (const name of read) {
    const formulas = workbook.formulas(name).flat().join('\n');
    for (const other of workbook.sheetNames()) if (names(formulas, other)) read.add(other);
  }
  return workbook.sheetNames().filter((name) => read.has(name));
}

/**
 * A sheet evaluated by HyperFormula, addressed as the sheet is. Its values are read once
 * and kept until an input is set (every change to the sheet goes through setInput(s), so
 * the kept values are always HyperFormula's current ones).
 */
export class Evaluated {
  private readonly hf: HyperFormula;
  readonly sheetId: number;
  private values: readonly (readonly HfCell[])[] | undefined;
  /** Row (0-based) of each input label found so far: labels never move, values do. */
  private readonly inputRows = new Map<string, number>();
  /** The instance, kept for another Evaluated once this one is done (hyperformula-pool.ts). */
  private readonly lease: Kept;
  /** What the sheet held as HyperFormula was given it. */
  private readonly given: HfContent[][];
  /** The cells this Evaluated changed, by "row:column", with what they held before. */
  private readonly changed = new Map<string, { cell: SimpleCellAddress; held: HfContent }>();
  private destroyed = false;

  /**
   * `options.columns`: only the sheet's first columns go to HyperFormula, the rest are left
   * blank, for a test that reads none of them (nothing left of them may depend on them: a
   * cell that did would read blanks and show it).
   */
  constructor(
    workbook: Workbook,
    readonly sheet: string,
    options: { readonly columns?: number } = {},
  ) {
    if (!workbook.sheetNames().includes(sheet)) throw new Error(`no sheet ${sheet}`);
    const sheets = hyperFormulaSheets(workbook, sheetsReadBy(workbook, sheet));
    const { columns } = options;
    if (columns !== undefined)
      sheets[sheet] = sheets[sheet].map((row) => row.map((cell, c) => (c < columns ? cell : null)));
    this.given = sheets[sheet];
    this.lease = take(sheets, sheet);
    this.hf = this.lease.hf;
    this.sheetId = this.hf.getSheetId(sheet) as number;
  }

  /** The sheet's values (a copy: the caller may change it). */
  rows(): HfCell[][] {
    return this.current().map((row) => [...row]);
  }

  /** The sheet's values as last read from HyperFormula, read again after an input changed. */
  private current(): readonly (readonly HfCell[])[] {
    this.values ??= this.hf.getSheetValues(this.sheetId).map((row) => row.map(plainValue));
    return this.values;
  }

  /** The value right of the first cell in `column` (1-based) whose text is `label`. */
  byLabel(label: string, column = 5): HfCell {
    const rows = this.current();
    const r = rows.findIndex((row) => row[column - 1] === label);
    if (r < 0) throw new Error(`no label "${label}" in column ${column}`);
    return rows[r][column];
  }

  /**
   * The rows of a table whose header row (row 4) starts with `firstHeader`, down to the first
   * row without a key (a table over the catalog has spare rows whose key is blank).
   */
  table(firstHeader: string): HfCell[][] {
    const rows = this.current();
    const c = rows[3].findIndex((cell) => cell === firstHeader);
    if (c < 0) throw new Error(`no table "${firstHeader}"`);
    const out: HfCell[][] = [];
    const keyed = (cell: HfCell | undefined): boolean =>
      cell !== null && cell !== undefined && cell !== '';
    for (let r = 4; r < rows.length && keyed(rows[r][c]); r++) {
      out.push(rows[r].slice(c, c + 12));
    }
    return out;
  }

  /** Sets an input cell (column B, by its label in column A) and lets HyperFormula recompute. */
  setInput(label: string, value: number | string | null): void {
    this.setInputs([[label, value]]);
  }

  /**
   * Sets several input cells, then lets HyperFormula recompute once: the values are those
   * of setting them one by one, without recomputing the sheet after each.
   */
  setInputs(entries: readonly (readonly [string, number | string | null])[]): void {
    this.setCells(
      entries.map(([label, value]) => [`B${this.inputRow(label) + 1}`, value] as const),
    );
  }

  /** Sets cells by their A1 address ("AW5"), then lets HyperFormula recompute once. */
  setCells(entries: readonly (readonly [string, HfContent])[]): void {
    const cells = entries.map(([address, value]) => {
      const cell = this.hf.simpleCellAddressFromString(address, this.sheetId);
      if (!cell) throw new Error(`not an address: ${address}`);
      const key = `${cell.row}:${cell.col}`;
      if (!this.changed.has(key))
        this.changed.set(key, {
          cell,
          held: this.given[cell.row]?.[cell.col] ?? null,
        });
      return { cell, value };
    });
    this.write(cells);
  }

  private write(cells: readonly { cell: SimpleCellAddress; value: HfContent }[]): void {
    this.hf.batch(() => {
      for (const { cell, value } of cells) this.hf.setCellContents(cell, [[value]]);
    });
    this.values = undefined;
  }

  private inputRow(label: string): number {
    const known = this.inputRows.get(label);
    const cell = { sheet: this.sheetId, row: known ?? 0, col: 0 };
    if (known !== undefined && plainValue(this.hf.getCellValue(cell)) === label) return known;
    const r = this.current().findIndex((row) => row[0] === label);
    if (r < 0) throw new Error(`no input "${label}"`);
    this.inputRows.set(label, r);
    return r;
  }

  /**
   * Done with the sheet: the cells it changed get back what they held, and the instance is
   * kept for the next Evaluated of the same workbook (or freed when others are kept).
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.write([...this.changed.values()].map(({ cell, held }) => ({ cell, value: held })));
    keep(this.lease);
  }
}

/** Equal to a relative 1e-9 (floating point: the sheet and the engine multiply in other orders). */
export function expectClose(actual: HfCell | undefined, expected: number, what = ''): void {
  if (typeof actual !== 'number')
    throw new Error(`${what}: expected a number near ${expected}, got ${String(actual)}`);
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (Math.abs(actual - expected) > tolerance) {
    throw new Error(`${what}: expected ${expected}, got ${actual}`);
  }
}

/** The default scenario of a new workbook, made once per test file (its sheet never changes). */
let defaultScenario: { readonly s: Session; readonly sheetName: string } | undefined;

/**
 * A scenario with the default inputs, its sheet evaluated by HyperFormula, handed to `check`,
 * which may change the sheet's cells in HyperFormula but not the workbook: the scenario is
 * made once per test file, and the cells `check` changed are set back afterwards, whatever
 * it throws.
 */
export function withDefaultScenario(check: (ev: Evaluated, s: Session) => void): void {
  if (!defaultScenario) {
    const s = session();
    defaultScenario = { s, sheetName: generate(s, {}).sheetName };
  }
  const { s, sheetName } = defaultScenario;
  const ev = new Evaluated(s.workbook, sheetName);
  try {
    check(ev, s);
  } finally {
    ev.destroy();
  }
}
