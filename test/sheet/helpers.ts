// Shared by the sheet tests: an emulated workbook running the BUILT dist/Code.js, and
// HyperFormula reading what the add-in wrote.
import type { HyperFormula } from 'hyperformula';
import { createWorkbook } from '../../emulator';
import type { Workbook, WorkbookOptions } from '../../emulator';
import { plainValue, toHyperFormula } from '../../emulator/hyperformula';
import type { HfCell } from '../../emulator/hyperformula';
import { CatalogIndex, computeScenario, resolveScenario } from '../../src/engine';
import type { Catalog, ScenarioResult } from '../../src/engine';
import type { CatalogResponse, ScenarioSummary } from '../../src/shared/contract';
import { callGlobal, loadBundle } from '../support/load-bundle';
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

  constructor(
    workbook: Workbook,
    readonly sheet: string,
  ) {
    this.hf = toHyperFormula(workbook);
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`no sheet ${sheet}`);
    this.sheetId = id;
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
    const rows = entries.map(([label]) => this.inputRow(label));
    this.hf.batch(() => {
      entries.forEach(([, value], i) => {
        this.hf.setCellContents({ sheet: this.sheetId, row: rows[i], col: 1 }, [[value]]);
      });
    });
    this.values = undefined;
  }

  /** Sets cells by their A1 address ("AW5"), then lets HyperFormula recompute once. */
  setCells(entries: readonly (readonly [string, number | string | null])[]): void {
    this.hf.batch(() => {
      for (const [address, value] of entries) {
        const cell = this.hf.simpleCellAddressFromString(address, this.sheetId);
        if (!cell) throw new Error(`not an address: ${address}`);
        this.hf.setCellContents(cell, [[value]]);
      }
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

  destroy(): void {
    this.hf.destroy();
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

/**
 * Generates a scenario with the default inputs, evaluates its sheet with HyperFormula and
 * hands it to `check`; HyperFormula is freed afterwards, whatever `check` throws.
 */
export function withDefaultScenario(check: (ev: Evaluated, s: Session) => void): void {
  const s = session();
  const summary = generate(s, {});
  const ev = new Evaluated(s.workbook, summary.sheetName);
  try {
    check(ev, s);
  } finally {
    ev.destroy();
  }
}
