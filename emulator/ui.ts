// The Ui (menus, sidebar, dialogs, alerts) and HtmlService of the emulated workbook.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { CallCounter } from './calls';
import type { Emulates } from './spreadsheet';

type GasUi = GoogleAppsScript.Base.Ui;
type GasMenu = GoogleAppsScript.Base.Menu;
type GasHtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export interface MenuRecord {
  readonly title: string;
  readonly items: readonly { readonly caption: string; readonly functionName: string }[];
}

export interface ShownHtml {
  readonly kind: 'sidebar' | 'modal' | 'modeless';
  readonly title: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly content: string;
}

/** What the user saw: menus added, pages shown, alerts. */
export interface UiLog {
  readonly menus: MenuRecord[];
  readonly shown: ShownHtml[];
  readonly alerts: string[];
}

export class EmulatedHtmlOutput implements Emulates<
  GasHtmlOutput,
  | 'setTitle'
  | 'getTitle'
  | 'setWidth'
  | 'getWidth'
  | 'setHeight'
  | 'getHeight'
  | 'getContent'
  | 'append'
> {
  private title = '';
  private width: number | undefined;
  private height: number | undefined;

  constructor(
    private readonly calls: CallCounter,
    private content: string,
  ) {}

  private tick(method: string): void {
    this.calls.tick(`HtmlOutput.${method}`);
  }

  setTitle(title: string): this {
    this.tick('setTitle');
    this.title = title;
    return this;
  }

  getTitle(): string {
    this.tick('getTitle');
    return this.title;
  }

  setWidth(width: number): this {
    this.tick('setWidth');
    this.width = width;
    return this;
  }

  getWidth(): number {
    this.tick('getWidth');
    return this.width ?? 0;
  }

  setHeight(height: number): this {
    this.tick('setHeight');
    this.height = height;
    return this;
  }

  getHeight(): number {
    this.tick('getHeight');
    return this.height ?? 0;
  }

  getContent(): string {
    this.tick('getContent');
    return this.content;
  }

  append(addedContent: string): this {
    this.tick('append');
    this.content += addedContent;
    return this;
  }

  /** For the emulator's own records: no call is counted. */
  show(kind: ShownHtml['kind']): ShownHtml {
    return {
      kind,
      title: this.title,
      width: this.width,
      height: this.height,
      content: this.content,
    };
  }
}

export interface HtmlServiceEmulation {
  createHtmlOutputFromFile(filename: string): EmulatedHtmlOutput;
  createHtmlOutput(html?: string): EmulatedHtmlOutput;
}

/**
 * HtmlService. Files are looked up in `htmlFiles` first, then as `<distDir>/<name>.html`
 * (the built dist/Sidebar.html), as Apps Script finds the project's HTML files.
 */
export function createHtmlService(
  calls: CallCounter,
  htmlFiles: Readonly<Record<string, string>>,
  distDir: string,
): HtmlServiceEmulation {
  return {
    createHtmlOutputFromFile(filename: string): EmulatedHtmlOutput {
      calls.tick('HtmlService.createHtmlOutputFromFile');
      const name = String(filename).replace(/\.html$/, '');
      if (name in htmlFiles) return new EmulatedHtmlOutput(calls, htmlFiles[name]);
      const file = path.join(distDir, `${name}.html`);
      if (existsSync(file)) return new EmulatedHtmlOutput(calls, readFileSync(file, 'utf8'));
      throw new Error(`No HTML file named ${name} was found.`);
    },
    createHtmlOutput(html = ''): EmulatedHtmlOutput {
      calls.tick('HtmlService.createHtmlOutput');
      return new EmulatedHtmlOutput(calls, html);
    },
  };
}

export class EmulatedMenu implements Emulates<GasMenu, 'addItem' | 'addSeparator' | 'addToUi'> {
  private readonly items: { caption: string; functionName: string }[] = [];

  constructor(
    private readonly calls: CallCounter,
    private readonly log: UiLog,
    private readonly title: string,
  ) {}

  addItem(caption: string, functionName: string): this {
    this.calls.tick('Menu.addItem');
    if (typeof functionName !== 'string' || !/^[A-Za-z_$][\w$]*$/.test(functionName)) {
      throw new Error(`Invalid argument: functionName`);
    }
    this.items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.calls.tick('Menu.addSeparator');
    this.items.push({ caption: '---', functionName: '' });
    return this;
  }

  addToUi(): void {
    this.calls.tick('Menu.addToUi');
    this.log.menus.push({ title: this.title, items: this.items.slice() });
  }
}

export const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' } as const;

export class EmulatedUi implements Emulates<
  GasUi,
  | 'createAddonMenu'
  | 'createMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'alert'
> {
  readonly ButtonSet = BUTTON_SET;
  readonly Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;

  constructor(
    private readonly calls: CallCounter,
    private readonly log: UiLog,
  ) {}

  createAddonMenu(): EmulatedMenu {
    this.calls.tick('Ui.createAddonMenu');
    return new EmulatedMenu(this.calls, this.log, 'Add-on');
  }

  createMenu(caption: string): EmulatedMenu {
    this.calls.tick('Ui.createMenu');
    return new EmulatedMenu(this.calls, this.log, caption);
  }

  showSidebar(userInterface: unknown): void {
    this.calls.tick('Ui.showSidebar');
    this.log.shown.push(checkHtml(userInterface).show('sidebar'));
  }

  showModalDialog(userInterface: unknown, title: string): void {
    this.calls.tick('Ui.showModalDialog');
    this.log.shown.push({ ...checkHtml(userInterface).show('modal'), title });
  }

  showModelessDialog(userInterface: unknown, title: string): void {
    this.calls.tick('Ui.showModelessDialog');
    this.log.shown.push({ ...checkHtml(userInterface).show('modeless'), title });
  }

  alert(titleOrPrompt: string, prompt?: unknown, buttons?: unknown): string {
    this.calls.tick('Ui.alert');
    this.log.alerts.push(
      typeof prompt === 'string' ? `${titleOrPrompt}: ${prompt}` : titleOrPrompt,
    );
    void buttons;
    return 'OK';
  }
}

function checkHtml(output: unknown): EmulatedHtmlOutput {
  if (!(output instanceof EmulatedHtmlOutput)) {
    throw new Error("The parameters (object) don't match the method signature for Ui.showSidebar.");
  }
  return output;
}
