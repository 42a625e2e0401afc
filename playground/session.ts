// One playground workbook: the emulated spreadsheet, the built add-in running
// against it in node:vm, and its HyperFormula evaluation. Every change (a cell
// typed, a menu item, a sidebar call) ends with a recalculation and a save.
import { columnLetter } from '../src/shared/a1';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook, deserializeWorkbook } from '../emulator';
import type { SerializedWorkbook, Workbook } from '../emulator';
import { callGlobal, loadBundle } from '../test/support/load-bundle';
import type { AppsScriptContext } from '../test/support/load-bundle';
import { EXAMPLES_SHEET, writeExamplesSheet } from './examples';
import { evaluateWorkbook } from './hf/evaluate';
import type { Evaluation } from './hf/evaluate';
import { customFunctionSignatures, registerCustomFunctions } from './hf/ft-plugin';
import type { AppsScriptArgument } from './hf/ft-plugin';
import { CODE_JS, DIST } from './paths';
import { buildWorkbookView } from './render/workbook-view';
import type { MenuView, RunResult, UiEvent, WorkbookView } from './view';

const TITLE = 'Fine-tuning cost playground';

/** Apps Script's ScriptApp.AuthMode, for an onOpen(e) event built here. */
const SCRIPT_APP = {
  AuthMode: { NONE: 'NONE', LIMITED: 'LIMITED', FULL: 'FULL', CUSTOM_FUNCTION: 'CUSTOM_FUNCTION' },
};

function errorMessage(error: unknown): string {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === 'string') return message;
  }
  return String(error);
}

export class PlaygroundSession {
  private workbook!: Workbook;
  private bundle!: AppsScriptContext;
  private evaluation: Evaluation | undefined;
  private menus: MenuView[] = [];
  private version = 0;
  private readonly code: string;
  /** The HTML of the pages the add-in showed, by the id the page loads them with. */
  private readonly pages = new Map<string, string>();
  private pageCount = 0;

  constructor(private readonly dataFile: string) {
    this.code = readFileSync(CODE_JS, 'utf8');
    registerCustomFunctions(customFunctionSignatures(this.code));
    this.open(this.load());
  }

  private load(): Workbook {
    if (existsSync(this.dataFile)) {
      try {
        const data = JSON.parse(readFileSync(this.dataFile, 'utf8')) as SerializedWorkbook;
        return deserializeWorkbook(data, { distDir: DIST });
      } catch (error) {
        // A damaged file is set aside rather than lost, and the playground starts afresh.
        const aside = `${this.dataFile}.damaged-${Date.now()}`;
        renameSync(this.dataFile, aside);
        console.warn(
          `Could not read ${this.dataFile} (${errorMessage(error)}); moved it to ${aside}.`,
        );
      }
    }
    return this.fresh();
  }

  private fresh(): Workbook {
    const workbook = createWorkbook({ sheets: [EXAMPLES_SHEET], title: TITLE, distDir: DIST });
    writeExamplesSheet(workbook);
    return workbook;
  }

  private open(workbook: Workbook): void {
    this.workbook = workbook;
    this.bundle = loadBundle({ ScriptApp: SCRIPT_APP, ...workbook.services }, this.code);
    this.menus = this.runOnOpen();
    this.changed();
  }

  /** Calls the add-in's onOpen(e) as Sheets does for an installed add-on: AuthMode.NONE. */
  private runOnOpen(): MenuView[] {
    if (typeof this.bundle.onOpen !== 'function') return [];
    const before = this.workbook.menus().length;
    this.workbook.setAuthMode('NONE');
    try {
      callGlobal(this.bundle, 'onOpen', { authMode: SCRIPT_APP.AuthMode.NONE, user: undefined });
    } catch (error) {
      console.warn(`onOpen failed: ${errorMessage(error)}`);
    } finally {
      this.workbook.setAuthMode('FULL');
    }
    return this.workbook
      .menus()
      .slice(before)
      .map((menu) => ({
        // Sheets names an add-on's menu after the add-on.
        title: menu.title === 'Add-on' ? 'Fine-tuning cost' : menu.title,
        items: menu.items.map((item) =>
          item.functionName
            ? { label: item.caption, functionName: item.functionName }
            : { label: '' },
        ),
      }));
  }

  private callCustomFunction = (name: string, args: AppsScriptArgument[]): unknown =>
    callGlobal(this.bundle, name, ...args);

  /** Recalculates, saves and bumps the version. */
  private changed(): void {
    this.evaluation?.destroy();
    const sheets = this.workbook.sheetNames().map((name) => this.workbook.rawSheet(name));
    this.evaluation = evaluateWorkbook(sheets, this.callCustomFunction);
    this.version++;
    this.save();
  }

  private save(): void {
    mkdirSync(path.dirname(this.dataFile), { recursive: true });
    const temporary = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.workbook.serialize()));
    renameSync(temporary, this.dataFile);
  }

  view(): WorkbookView {
    if (!this.evaluation) throw new Error('not evaluated');
    return buildWorkbookView(this.workbook, this.evaluation, this.menus, this.version, TITLE);
  }

  private sheetNamed(name: string): string {
    const found = this.workbook.sheetNames().find((candidate) => candidate === name);
    if (!found) throw new Error(`There is no sheet named "${name}".`);
    return found;
  }

  /** What a user typing into a cell does: a formula, a number, text (0-based row and column). */
  setCell(sheetName: string, row: number, col: number, input: string): void {
    const name = this.sheetNamed(sheetName);
    const size = this.workbook.sheetSize(name);
    if (
      !Number.isInteger(row) ||
      !Number.isInteger(col) ||
      row < 0 ||
      col < 0 ||
      row >= size.rows ||
      col >= size.columns
    ) {
      throw new Error(`Cell (${row + 1}, ${col + 1}) is outside the sheet.`);
    }
    const cell = this.workbook.rawSheet(name).cellAt(row + 1, col + 1);
    if (input === '') {
      cell.value = '';
      cell.formula = '';
    } else {
      this.workbook.write(name, `${columnLetter(col + 1)}${row + 1}`, [[input]]);
    }
    this.changed();
  }

  activate(sheetName: string): void {
    this.workbook.rawSheet(this.sheetNamed(sheetName)).activate();
    this.changed();
  }

  /** Runs a global of the add-in (a menu item, a google.script.run call) and records what it showed. */
  run(name: string, args: readonly unknown[]): RunResult {
    const shownBefore = this.workbook.shown().length;
    const alertsBefore = this.workbook.alerts().length;
    let result: RunResult;
    try {
      if (
        !/^[A-Za-z$][\w$]*$/.test(name) ||
        name.endsWith('_') ||
        typeof this.bundle[name] !== 'function'
      ) {
        throw new Error(`Script function not found: ${name}`);
      }
      // Apps Script hands the server a copy of plain data, never the page's objects.
      const value: unknown = callGlobal(
        this.bundle,
        name,
        ...(JSON.parse(JSON.stringify(args)) as unknown[]),
      );
      result = {
        ok: true,
        value: value === undefined ? null : JSON.parse(JSON.stringify(value)),
        events: [],
      };
    } catch (error) {
      result = { ok: false, error: errorMessage(error), events: [] };
    }
    const events: UiEvent[] = [];
    for (const page of this.workbook.shown().slice(shownBefore)) {
      const id = String(++this.pageCount);
      this.pages.set(id, page.content);
      if (page.kind === 'sidebar') {
        this.pages.set('sidebar', page.content);
        events.push({ kind: 'sidebar', title: page.title || 'Sidebar' });
      } else {
        events.push({ kind: 'dialog', title: page.title, html: `/page/${id}` });
      }
    }
    for (const alert of this.workbook.alerts().slice(alertsBefore)) {
      events.push({ kind: 'alert', title: '', message: alert });
    }
    this.changed();
    return { ...result, events };
  }

  /** The HTML of a page the add-in showed ('sidebar' for the last sidebar). */
  page(id: string): string | undefined {
    return this.pages.get(id);
  }

  /** Back to a new workbook on the Examples sheet. */
  reset(): void {
    rmSync(this.dataFile, { force: true });
    this.pages.clear();
    this.open(this.fresh());
  }

  close(): void {
    this.evaluation?.destroy();
    this.evaluation = undefined;
  }
}
