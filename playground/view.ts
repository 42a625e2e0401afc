// What the playground's JSON API sends the page: plain data, shared by the server
// (which builds it) and the page (which draws it).

/** A block of cells (0-based top left) on a sheet. */
export interface CellArea {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** One non-empty cell, as the page shows it. */
export interface CellView {
  readonly row: number;
  readonly col: number;
  /** The text shown in the cell (number format applied). */
  readonly display: string;
  /** What the formula bar shows: the formula, or the value as typed. */
  readonly input: string;
  readonly bold?: boolean;
  readonly background?: string;
  readonly align?: 'left' | 'right' | 'center';
  /** The error's message when the cell shows an error. */
  readonly error?: string;
  /** The cell's data validation, as the page applies it to typing. */
  readonly validation?: ValidationView;
  /** Where a HYPERLINK formula's link goes: a sheet of this workbook, or an address. */
  readonly link?: { readonly sheet: string } | { readonly url: string };
}

/** A cell's data validation rule, as Sheets applies it to what a person types. */
export interface ValidationView {
  /** The rule's help text ('' when none): shown beside the selected cell. */
  readonly helpText: string;
  /** True when Sheets rejects an invalid entry (setAllowInvalid(false)); else it marks it. */
  readonly reject: boolean;
  /** What an invalid entry is told: the help text, or the rule in words. */
  readonly message: string;
  /** The dropdown's choices, for a list or range rule shown as a dropdown. */
  readonly options?: readonly string[];
  /** True when the cell's value fails the rule (a warning rule's mark). */
  readonly invalid?: boolean;
}

/** Cells (0-based top left) a warning-only protection covers, less its exceptions. */
export interface ProtectionView {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
  readonly except: readonly { row: number; col: number; rows: number; cols: number }[];
  readonly description: string;
}

export interface ChartPlacement {
  readonly id: string;
  /** 0-based anchor cell. */
  readonly row: number;
  readonly col: number;
  readonly offsetX: number;
  readonly offsetY: number;
  readonly width: number;
  readonly height: number;
  readonly title: string;
  readonly svg: string;
}

export interface SheetView {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  readonly frozenRows: number;
  readonly frozenCols: number;
  readonly cells: readonly CellView[];
  readonly charts: readonly ChartPlacement[];
  readonly columnWidths: Readonly<Record<string, number>>;
  /** Warning-only protections: typing over their cells asks first, as in Sheets. */
  readonly warnings: readonly ProtectionView[];
}

export interface MenuItemView {
  readonly label: string;
  /** The bundle's global the item calls; absent for a separator. */
  readonly functionName?: string;
}

export interface MenuView {
  readonly title: string;
  readonly items: readonly MenuItemView[];
}

/** Something the add-in asked the UI to show during a call. */
export type UiEvent =
  | { readonly kind: 'sidebar'; readonly title: string }
  | { readonly kind: 'dialog'; readonly title: string; readonly html: string }
  | { readonly kind: 'alert'; readonly title: string; readonly message: string }
  | {
      readonly kind: 'toast';
      readonly title: string;
      readonly message: string;
      /** Seconds shown; negative stays until closed; absent: Sheets' default. */
      readonly timeoutSeconds?: number;
    };

export interface WorkbookView {
  readonly title: string;
  readonly sheets: readonly SheetView[];
  readonly activeSheet: string;
  readonly addonMenus: readonly MenuView[];
  /** Bumped on every change, so the page knows when to redraw. */
  readonly version: number;
  /** Whether Undo and Redo have a step to take. */
  readonly canUndo?: boolean;
  readonly canRedo?: boolean;
}

/** The answer to POST /api/run. */
export type RunResult =
  | { readonly ok: true; readonly value: unknown; readonly events: readonly UiEvent[] }
  | { readonly ok: false; readonly error: string; readonly events: readonly UiEvent[] };
