// One playground workbook: the emulated spreadsheet, the built add-in running
// against it in node:vm, and its HyperFormula evaluation. Every change (a cell
// typed, a menu item, a sidebar call) ends with a recalculation, a save and a
// notice to every open page. A user's edits (typing, paste, fill, clear, rows and
// columns) are undoable steps, and after each the add-in's onEdit(e) runs as in Sheets.
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createWorkbook, deserializeWorkbook } from '../emulator';
import type { EmulatedSheet, SerializedWorkbook, SheetData, Workbook } from '../emulator';
import { writeValue } from '../emulator/cells';
import { describeRule } from '../emulator/validation';
import { workbookToXlsx } from '../emulator/xlsx';
import { callGlobal, loadBundle } from '../test/support/load-bundle';
import type { AppsScriptContext } from '../test/support/load-bundle';
import { History } from './edit/history';
import { restoreSheet, snapshotSheet } from './edit/snapshot';
import { applyStructureChange } from './edit/structure-edit';
import { EXAMPLES_SHEET, writeExamplesSheet } from './examples';
import { followMovedBlock, shiftFormula } from './formula/references';
import type { StructureChange } from './formula/structure';
import { evaluateWorkbook } from './hf/evaluate';
import type { Evaluation } from './hf/evaluate';
import { customFunctionSignatures, registerCustomFunctions } from './hf/ft-plugin';
import type { AppsScriptArgument } from './hf/ft-plugin';
import { CODE_JS, DIST } from './paths';
import { buildWorkbookView, inputText } from './render/workbook-view';
import type { CellArea, MenuView, RunResult, UiEvent, WorkbookView } from './view';

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

/**
 * An entry Sheets refuses: a cell's validation rule rejects invalid data
 * (setAllowInvalid(false)) and the value typed or pasted fails it. The message is what
 * Sheets' "There was a problem" dialog says: the rule's help text, or the rule in words.
 */
export class RejectedEntryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RejectedEntryError';
  }
}

/** Emulated calls that change the workbook ("Range.setValues", "Sheet.insertRowsAfter", ...). */
const WRITING_CALL = /\.(set|insert|delete|clear|append|copy|move|remove)/i;

/** The most cells one paste, fill or clear may write. */
const MAX_EDIT_CELLS = 100000;

/** One undoable step: the sheets it touched, as they were before and after. */
interface EditStep {
  readonly label: string;
  readonly sheetIds: readonly number[];
  readonly before: readonly SheetData[];
  readonly after: readonly SheetData[];
  /** The cells edited, for onEdit(e); undefined for rows and columns inserted or deleted. */
  readonly area: CellArea | undefined;
}

/** A paste: where (0-based top left), what, and where it was copied or cut from. */
export interface PasteRequest {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  /** The cells' inputs, as typed (formulas with "="). */
  readonly cells: readonly (readonly string[])[];
  /** The top left cell copied from, on the same sheet: formulas shift from there. */
  readonly origin?: { readonly row: number; readonly col: number };
  /** The cells cut: cleared, and the paste moves them. */
  readonly cut?: CellArea;
  /** The size of the selection pasted into (a multiple of the cells' size repeats them). */
  readonly selection?: { readonly rows: number; readonly cols: number };
}

export interface SessionOptions {
  /** The add-in's code (default dist/Code.js); tests pass a small script. */
  readonly code?: string;
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
  private readonly history = new History<EditStep>();
  /** Messages of onEdit runs that threw, oldest first (as Sheets' executions log keeps them). */
  readonly triggerErrors: string[] = [];
  private readonly listeners = new Set<(version: number) => void>();

  constructor(
    private readonly dataFile: string,
    options: SessionOptions = {},
  ) {
    this.code = options.code ?? readFileSync(CODE_JS, 'utf8');
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
    this.history.clear();
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

  private recalculate(): void {
    this.evaluation?.destroy();
    const sheets = this.workbook.sheetNames().map((name) => this.workbook.rawSheet(name));
    this.evaluation = evaluateWorkbook(sheets, this.callCustomFunction);
  }

  /**
   * Recalculates (unless the evaluation is already current), saves, bumps the version
   * and tells every open page.
   */
  private changed(recalculate = true): void {
    if (recalculate) this.recalculate();
    this.version++;
    this.save();
    for (const listener of this.listeners) listener(this.version);
  }

  /** Calls `listener` with the new version after every change; returns the unsubscribe. */
  subscribe(listener: (version: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private save(): void {
    mkdirSync(path.dirname(this.dataFile), { recursive: true });
    const temporary = `${this.dataFile}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.workbook.serialize()));
    renameSync(temporary, this.dataFile);
  }

  /** The workbook as an .xlsx file, as Sheets' File > Download > Microsoft Excel writes one. */
  xlsx(): Promise<Buffer> {
    return workbookToXlsx(this.workbook);
  }

  view(): WorkbookView {
    if (!this.evaluation) throw new Error('not evaluated');
    return {
      ...buildWorkbookView(this.workbook, this.evaluation, this.menus, this.version, TITLE),
      canUndo: this.history.canUndo(),
      canRedo: this.history.canRedo(),
    };
  }

  private sheetNamed(name: string): string {
    const found = this.workbook.sheetNames().find((candidate) => candidate === name);
    if (!found) throw new Error(`There is no sheet named "${name}".`);
    return found;
  }

  private sheetById(id: number): EmulatedSheet | undefined {
    return this.workbook
      .sheetNames()
      .map((name) => this.workbook.rawSheet(name))
      .find((sheet) => sheet.sheetId === id);
  }

  /** Checks an area (0-based) lies on the sheet and is not too large; returns the sheet. */
  private areaSheet(area: CellArea): EmulatedSheet {
    const sheet = this.workbook.rawSheet(this.sheetNamed(area.sheet));
    const whole = [area.row, area.col, area.rows, area.cols].every(Number.isInteger);
    if (!whole || area.row < 0 || area.col < 0 || area.rows < 1 || area.cols < 1)
      throw new Error('A cell area needs whole numbers: row and col from 0, rows and cols from 1.');
    if (area.row + area.rows > sheet.maxRows || area.col + area.cols > sheet.maxColumns) {
      throw new Error(
        `Cell (${area.row + area.rows}, ${area.col + area.cols}) is outside the sheet (${sheet.maxRows} rows, ${sheet.maxColumns} columns).`,
      );
    }
    if (area.rows * area.cols > MAX_EDIT_CELLS)
      throw new Error(`At most ${MAX_EDIT_CELLS} cells can change at once.`);
    return sheet;
  }

  /**
   * Makes one undoable edit: snapshots the sheets, runs `mutate`, recalculates, runs
   * onEdit(e) for the edited cells, and records the step.
   */
  private edit(
    label: string,
    sheets: readonly EmulatedSheet[],
    area: CellArea | undefined,
    mutate: () => void,
  ): void {
    const oldValue = area ? this.singleCellValue(area) : undefined;
    const before = sheets.map(snapshotSheet);
    try {
      mutate();
    } catch (error) {
      // A refused edit leaves nothing behind.
      sheets.forEach((sheet, index) => restoreSheet(sheet, before[index]));
      throw error;
    }
    const current = area ? this.runOnEdit(area, oldValue) : false;
    this.history.record({
      label,
      sheetIds: sheets.map((sheet) => sheet.sheetId),
      before,
      after: sheets.map(snapshotSheet),
      area,
    });
    this.changed(!current);
  }

  /** A typed input into a cell (1-based), as Sheets reads typing: formula, number, text. */
  private static writeInput(sheet: EmulatedSheet, row: number, col: number, input: string): void {
    const cell = sheet.cellAt(row, col);
    if (input === '') {
      cell.value = '';
      cell.formula = '';
    } else {
      // A date typed is a date in the spreadsheet's time zone, as Sheets reads it.
      writeValue(cell, input, sheet.timeZone);
    }
  }

  /** What a user typing into a cell does: a formula, a number, text (0-based row and column). */
  setCell(sheetName: string, row: number, col: number, input: string): void {
    this.paste({ sheet: sheetName, row, col, cells: [[input]] }, 'Edit');
  }

  /**
   * Pastes a grid of inputs with its top left at the request's cell. Copied from
   * `origin` (in the playground), formulas shift by the distance moved, as Sheets
   * pastes them; text from elsewhere is read as typing. A selection that is a whole
   * multiple of the grid gets a copy in each block. A cut moves the cells instead:
   * formulas unchanged, the source cleared, and formulas pointing at them follow.
   */
  paste(request: PasteRequest, label = 'Paste'): void {
    const { cells, origin, cut } = request;
    const height = cells.length;
    const width = Math.max(0, ...cells.map((row) => row.length));
    if (height === 0 || width === 0) throw new Error('Nothing to paste.');
    if (cells.some((row) => !Array.isArray(row) || row.some((cell) => typeof cell !== 'string')))
      throw new Error('Pasted cells must be text.');
    const fit = request.selection;
    const tiled =
      !cut &&
      fit !== undefined &&
      fit.rows % height === 0 &&
      fit.cols % width === 0 &&
      fit.rows * fit.cols > height * width;
    const area: CellArea = {
      sheet: request.sheet,
      row: request.row,
      col: request.col,
      rows: tiled ? fit.rows : height,
      cols: tiled ? fit.cols : width,
    };
    const sheet = this.areaSheet(area);
    const cutSheet = cut ? this.areaSheet(cut) : undefined;
    const moving = cut !== undefined && cutSheet === sheet;
    const all = this.workbook.sheetNames().map((name) => this.workbook.rawSheet(name));
    const sheets = moving ? all : cutSheet && cutSheet !== sheet ? [sheet, cutSheet] : [sheet];
    this.edit(label, sheets, area, () => {
      if (cut && cutSheet) {
        for (let r = 0; r < cut.rows; r++)
          for (let c = 0; c < cut.cols; c++)
            PlaygroundSession.writeInput(cutSheet, cut.row + r + 1, cut.col + c + 1, '');
      }
      for (let r = 0; r < area.rows; r++) {
        for (let c = 0; c < area.cols; c++) {
          const input = cells[r % height][c % width] ?? '';
          const row = area.row + r;
          const col = area.col + c;
          // A copy's relative references shift by how far this cell is from the one copied.
          const shifted =
            origin && !cut && input.startsWith('=')
              ? shiftFormula(
                  input,
                  row - (origin.row + (r % height)),
                  col - (origin.col + (c % width)),
                )
              : input;
          PlaygroundSession.writeInput(sheet, row + 1, col + 1, shifted);
          this.checkEntry(sheet, row + 1, col + 1);
        }
      }
      if (moving && cut) {
        const from = { ...cut, row: cut.row + 1, col: cut.col + 1 };
        for (const other of all)
          for (const cell of other.cells.values())
            if (cell.formula)
              cell.formula = followMovedBlock(
                cell.formula,
                other.name,
                from,
                area.row - cut.row,
                area.col - cut.col,
              );
      }
    });
  }

  /**
   * Refuses a typed or pasted value that fails a rule set to reject invalid data, as Sheets
   * does (DataValidation.getAllowInvalid(): false "rejects the input entirely"); a warning
   * rule lets it stand and the page marks the cell.
   */
  private checkEntry(sheet: EmulatedSheet, row: number, col: number): void {
    const rule = sheet.peek(row, col)?.validation;
    if (!rule || rule.allowInvalid || this.workbook.meetsValidation(sheet.name, row, col)) return;
    throw new RejectedEntryError(rule.helpText || describeRule(rule));
  }

  /** Clears the contents of an area (Delete), keeping its formats as Sheets does. */
  clear(area: CellArea): void {
    const sheet = this.areaSheet(area);
    this.edit('Clear', [sheet], area, () => {
      for (let r = 0; r < area.rows; r++)
        for (let c = 0; c < area.cols; c++)
          PlaygroundSession.writeInput(sheet, area.row + r + 1, area.col + c + 1, '');
    });
  }

  /**
   * Ctrl+D / Ctrl+R: the area's top row (left column) copied down (right) over the rest,
   * formats and all, formulas shifted. A one-row (one-column) area copies the row above
   * (column to the left) into it, as Sheets does.
   */
  fill(area: CellArea, direction: 'down' | 'right'): void {
    const sheet = this.areaSheet(area);
    const down = direction === 'down';
    const single = down ? area.rows === 1 : area.cols === 1;
    if (single && (down ? area.row === 0 : area.col === 0)) return;
    const sourceRow = down && single ? area.row - 1 : area.row;
    const sourceCol = !down && single ? area.col - 1 : area.col;
    const edited: CellArea = single
      ? area
      : down
        ? { ...area, row: area.row + 1, rows: area.rows - 1 }
        : { ...area, col: area.col + 1, cols: area.cols - 1 };
    this.edit(down ? 'Fill down' : 'Fill right', [sheet], edited, () => {
      for (let r = 0; r < edited.rows; r++) {
        for (let c = 0; c < edited.cols; c++) {
          const row = edited.row + r;
          const col = edited.col + c;
          const from = sheet.peek(down ? sourceRow + 1 : row + 1, down ? col + 1 : sourceCol + 1);
          const input = inputText(from);
          const target = sheet.cellAt(row + 1, col + 1);
          if (from) {
            target.numberFormat = from.numberFormat;
            target.fontWeight = from.fontWeight;
            target.background = from.background;
          }
          PlaygroundSession.writeInput(
            sheet,
            row + 1,
            col + 1,
            input.startsWith('=')
              ? shiftFormula(input, down ? row - sourceRow : 0, down ? 0 : col - sourceCol)
              : input,
          );
        }
      }
    });
  }

  /** Inserts or deletes rows or columns; formulas and charts everywhere follow. */
  changeStructure(change: StructureChange): void {
    const sheet = this.workbook.rawSheet(this.sheetNamed(change.sheet));
    const all = this.workbook.sheetNames().map((name) => this.workbook.rawSheet(name));
    const noun = change.axis === 'rows' ? 'row' : 'column';
    const label = `${change.kind === 'insert' ? 'Insert' : 'Delete'} ${noun}${change.count > 1 ? 's' : ''}`;
    this.edit(label, all, undefined, () => applyStructureChange(sheet, all, change));
  }

  /** Undoes the last step; false when there is none. */
  undo(): boolean {
    const step = this.history.undo();
    if (!step) return false;
    this.restore(step, step.before);
    return true;
  }

  /** Redoes the last undone step; false when there is none. */
  redo(): boolean {
    const step = this.history.redo();
    if (!step) return false;
    this.restore(step, step.after);
    return true;
  }

  private restore(step: EditStep, data: readonly SheetData[]): void {
    const oldValue = step.area ? this.singleCellValue(step.area) : undefined;
    step.sheetIds.forEach((id, index) => {
      // A sheet deleted since (by the add-in) has nothing to put back.
      const sheet = this.sheetById(id);
      if (sheet) restoreSheet(sheet, data[index]);
    });
    const current =
      step.area !== undefined &&
      this.workbook.sheetNames().includes(step.area.sheet) &&
      this.runOnEdit(step.area, oldValue);
    this.changed(!current);
  }

  /** A single cell's value as onEdit's e.value/e.oldValue give it (text; undefined when empty). */
  private singleCellValue(area: CellArea): string | undefined {
    if (area.rows !== 1 || area.cols !== 1) return undefined;
    const cell = this.workbook.rawSheet(area.sheet).peek(area.row + 1, area.col + 1);
    if (!cell || cell.value === '') return undefined;
    return cell.value instanceof Date ? cell.value.toString() : String(cell.value);
  }

  /**
   * Sheets' simple trigger: after a user's edit, onEdit(e) runs in AuthMode.LIMITED with
   * the edited range. A failure is logged (Sheets records it in the executions log) and
   * the edit stands.
   */
  private runOnEdit(area: CellArea, oldValue: string | undefined): boolean {
    if (typeof this.bundle.onEdit !== 'function') return false;
    // The script sees the edit's results, as in Sheets.
    this.recalculate();
    const spreadsheet = this.workbook.services.SpreadsheetApp.getActiveSpreadsheet();
    const sheet = spreadsheet.getSheetByName(area.sheet);
    if (!sheet) return true;
    sheet.activate();
    const callsBefore = this.workbook.callCount();
    const single = area.rows === 1 && area.cols === 1;
    const event: Record<string, unknown> = {
      authMode: SCRIPT_APP.AuthMode.LIMITED,
      range: sheet.getRange(area.row + 1, area.col + 1, area.rows, area.cols),
      source: spreadsheet,
      user: { getEmail: (): string => '', toString: (): string => '' },
    };
    if (single) {
      const value = this.singleCellValue(area);
      if (value !== undefined) event.value = value;
      if (oldValue !== undefined) event.oldValue = oldValue;
    }
    this.workbook.setAuthMode('LIMITED');
    try {
      callGlobal(this.bundle, 'onEdit', event);
    } catch (error) {
      console.warn(`onEdit failed (the edit stands): ${errorMessage(error)}`);
      this.triggerErrors.push(errorMessage(error));
    } finally {
      this.workbook.setAuthMode('FULL');
    }
    // The evaluation is still current unless the script wrote something.
    return !this.workbook
      .callLog()
      .slice(callsBefore)
      .some((call) => WRITING_CALL.test(call));
  }

  /** Makes a sheet the add-in's active sheet (a tab shown in a page); values do not change. */
  activate(sheetName: string): void {
    this.workbook.rawSheet(this.sheetNamed(sheetName)).activate();
    this.changed(false);
  }

  /** Runs a global of the add-in (a menu item, a google.script.run call) and records what it showed. */
  run(name: string, args: readonly unknown[]): RunResult {
    const shownBefore = this.workbook.shown().length;
    const alertsBefore = this.workbook.alerts().length;
    const toastsBefore = this.workbook.toasts().length;
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
    for (const toast of this.workbook.toasts().slice(toastsBefore)) {
      events.push({ kind: 'toast', ...toast });
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
