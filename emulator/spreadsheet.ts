// The in-memory Spreadsheet, Sheet, Range and embedded charts. Every public method a
// script can call ticks the shared CallCounter first (so a fault can be injected at
// any call) and is as strict as Apps Script about coordinates and dimensions.
import type { CallCounter } from './calls';
import {
  a1Notation,
  emptyCell,
  isEmptyContent,
  parseA1,
  writeFormula,
  writeValue,
  DEFAULT_BACKGROUND,
} from './cells';
import type { Area, Cell, CellValue, ValidationRecord } from './cells';
import { EmulatedTextFinder } from './text-finder';
import { EmulatedConditionalFormatRule, recordsOf } from './conditional-format';
import type { ConditionalFormatRecord } from './conditional-format';
import { EmulatedDataValidation } from './validation';

type GasRange = GoogleAppsScript.Spreadsheet.Range;
type GasSheet = GoogleAppsScript.Spreadsheet.Sheet;
type GasSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GasChartBuilder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type GasMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;
type GasMetadataFinder = GoogleAppsScript.Spreadsheet.DeveloperMetadataFinder;
type GasMetadataLocation = GoogleAppsScript.Spreadsheet.DeveloperMetadataLocation;

/**
 * The Apps Script methods a class emulates, with Google's parameter lists (for an
 * overloaded method, its last overload): a signature that drifts from
 * @types/google-apps-script fails to compile. Return types are the emulator's own.
 */
export type Emulates<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => unknown ? (...args: A) => unknown : never;
};

/** A new sheet's size in Google Sheets. */
export const NEW_SHEET_ROWS = 1000;
export const NEW_SHEET_COLUMNS = 26;

export interface ChartRecord {
  readonly chartType: string;
  readonly ranges: readonly { readonly sheet: string; readonly a1: string }[];
  readonly options: Readonly<Record<string, unknown>>;
  /** setNumHeaders: rows of the ranges read as headers (series names); absent when never set. */
  readonly numHeaders?: number;
  readonly position: {
    readonly row: number;
    readonly column: number;
    readonly offsetX: number;
    readonly offsetY: number;
  };
}

/** A protection as Sheets records it (Range.protect() or Sheet.protect()). */
export interface ProtectionRecord {
  readonly type: 'RANGE' | 'SHEET';
  /** The protected range's A1 notation; for a sheet protection, the whole sheet. */
  a1: string;
  warningOnly: boolean;
  description: string;
  /** A sheet protection's exceptions (A1 notations). */
  unprotected: string[];
}

/** A Spreadsheet.toast() call: its message, title and timeout (undefined: Sheets' default). */
export interface ToastRecord {
  readonly message: string;
  readonly title: string;
  readonly timeoutSeconds?: number;
}

/** Shared state the objects of one workbook see. */
export interface WorkbookState {
  readonly calls: CallCounter;
  readonly sheets: EmulatedSheet[];
  active: EmulatedSheet | undefined;
  nextSheetId: number;
  /** The spreadsheet's time zone (File > Settings), in which typed dates are read. */
  readonly timeZone: string;
  /** The spreadsheet's locale: en_US, or one (de_DE) whose formulas separate arguments with ";". */
  readonly locale: string;
  readonly toasts: ToastRecord[];
  /**
   * The size of a sheet insertSheet makes (Sheets' default is 1,000 × 26, but a script must
   * not count on it: it asks getMaxRows / getMaxColumns). Unset: the default.
   */
  readonly newSheetSize?: { readonly rows: number; readonly columns: number };
  /** The next developer metadata ID (unique in the spreadsheet, as Apps Script's). */
  nextMetadataId?: number;
}

/** Developer metadata on a sheet: a key, an optional value and its spreadsheet-wide ID. */
export interface MetadataRecord {
  readonly id: number;
  readonly key: string;
  readonly value: string | null;
}

function checkGrid(what: string, data: unknown, area: Area): unknown[][] {
  if (!Array.isArray(data)) {
    throw new Error(
      `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${what}.`,
    );
  }
  if (data.length !== area.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${area.numRows}.`,
    );
  }
  for (const row of data) {
    if (!Array.isArray(row)) {
      throw new Error(
        `The parameters (${typeof row}[]) don't match the method signature for SpreadsheetApp.Range.${what}.`,
      );
    }
    if (row.length !== area.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${area.numColumns}.`,
      );
    }
  }
  return data as unknown[][];
}

export class EmulatedRange implements Emulates<
  GasRange,
  | 'getValues'
  | 'setValues'
  | 'getValue'
  | 'setValue'
  | 'getFormulas'
  | 'setFormulas'
  | 'setFormula'
  | 'getNumberFormats'
  | 'setNumberFormats'
  | 'setNumberFormat'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'getFontWeights'
  | 'setBackground'
  | 'setBackgrounds'
  | 'getBackgrounds'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getA1Notation'
  | 'getSheet'
  | 'clearContent'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'getDataValidations'
  | 'protect'
> {
  constructor(
    private readonly sheet: EmulatedSheet,
    private readonly area: Area,
  ) {}

  private tick(method: string): void {
    this.sheet.checkAlive(`Range.${method}`);
  }

  private each<T>(read: (cell: Cell | undefined) => T): T[][] {
    const rows: T[][] = [];
    for (let r = 0; r < this.area.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.area.numColumns; c++) {
        row.push(read(this.sheet.peek(this.area.row + r, this.area.column + c)));
      }
      rows.push(row);
    }
    return rows;
  }

  private write(what: string, data: unknown, put: (cell: Cell, raw: unknown) => void): this {
    const grid = checkGrid(what, data, this.area);
    for (let r = 0; r < this.area.numRows; r++) {
      for (let c = 0; c < this.area.numColumns; c++) {
        put(this.sheet.cellAt(this.area.row + r, this.area.column + c), grid[r][c]);
      }
    }
    this.sheet.calls.settle();
    return this;
  }

  private fill(put: (cell: Cell) => void): this {
    for (let r = 0; r < this.area.numRows; r++) {
      for (let c = 0; c < this.area.numColumns; c++) {
        put(this.sheet.cellAt(this.area.row + r, this.area.column + c));
      }
    }
    this.sheet.calls.settle();
    return this;
  }

  /** setValue(s)' reading of text, in the spreadsheet's time zone. */
  private readonly typed = (cell: Cell, raw: unknown): void =>
    writeValue(cell, raw, this.sheet.timeZone, this.sheet.locale);

  private readonly formula = (cell: Cell, raw: unknown): void =>
    writeFormula(cell, raw, this.sheet.timeZone);

  getValues(): CellValue[][] {
    this.tick('getValues');
    return this.each((cell) => copyValue(cell?.value ?? ''));
  }

  setValues(values: unknown[][]): this {
    this.tick('setValues');
    return this.write('setValues', values, this.typed);
  }

  getValue(): CellValue {
    this.tick('getValue');
    return copyValue(this.sheet.peek(this.area.row, this.area.column)?.value ?? '');
  }

  setValue(value: unknown): this {
    this.tick('setValue');
    return this.fill((cell) => this.typed(cell, value));
  }

  getFormulas(): string[][] {
    this.tick('getFormulas');
    return this.each((cell) => cell?.formula ?? '');
  }

  setFormulas(formulas: string[][]): this {
    this.tick('setFormulas');
    return this.write('setFormulas', formulas, this.formula);
  }

  setFormula(formula: string): this {
    this.tick('setFormula');
    return this.fill((cell) => this.formula(cell, formula));
  }

  getNumberFormats(): string[][] {
    this.tick('getNumberFormats');
    return this.each((cell) => cell?.numberFormat ?? emptyCell().numberFormat);
  }

  setNumberFormats(numberFormats: unknown[][]): this {
    this.tick('setNumberFormats');
    return this.write('setNumberFormats', numberFormats, (cell, raw) => {
      cell.numberFormat = String(raw);
    });
  }

  setNumberFormat(numberFormat: string): this {
    this.tick('setNumberFormat');
    return this.fill((cell) => {
      cell.numberFormat = numberFormat;
    });
  }

  setFontWeight(fontWeight: string | null): this {
    this.tick('setFontWeight');
    return this.fill((cell) => {
      cell.fontWeight = fontWeight === 'bold' ? 'bold' : 'normal';
    });
  }

  setFontWeights(fontWeights: unknown[][]): this {
    this.tick('setFontWeights');
    return this.write('setFontWeights', fontWeights, (cell, raw) => {
      cell.fontWeight = raw === 'bold' ? 'bold' : 'normal';
    });
  }

  getFontWeights(): string[][] {
    this.tick('getFontWeights');
    return this.each((cell) => cell?.fontWeight ?? 'normal');
  }

  setBackground(color: string | null): this {
    this.tick('setBackground');
    return this.fill((cell) => paint(cell, color));
  }

  /** Apps Script: a color in CSS notation; null resets the cell to no fill. */
  setBackgrounds(color: unknown[][]): this {
    this.tick('setBackgrounds');
    return this.write('setBackgrounds', color, paint);
  }

  getBackgrounds(): string[][] {
    this.tick('getBackgrounds');
    return this.each((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }

  clearContent(): this {
    this.tick('clearContent');
    return this.fill((cell) => writeValue(cell, ''));
  }

  setDataValidation(rule: unknown): this {
    this.tick('setDataValidation');
    const record = validationOf('setDataValidation', rule);
    return this.fill((cell) => {
      cell.validation = record;
    });
  }

  /** One rule per cell; null removes a cell's rule. */
  setDataValidations(rules: unknown[][]): this {
    this.tick('setDataValidations');
    const grid = checkGrid('setDataValidations', rules, this.area);
    const records = grid.map((row) => row.map((rule) => validationOf('setDataValidations', rule)));
    return this.write('setDataValidations', records, (cell, record) => {
      cell.validation = record as ValidationRecord | null;
    });
  }

  getDataValidations(): (ValidationRecord | null)[][] {
    this.tick('getDataValidations');
    return this.each((cell) => cell?.validation ?? null);
  }

  /** A range protection (full by default; setWarningOnly(true) makes it a warning). */
  protect(): EmulatedProtection {
    this.tick('protect');
    const record: ProtectionRecord = {
      type: 'RANGE',
      a1: a1Notation(this.area),
      warningOnly: false,
      description: '',
      unprotected: [],
    };
    this.sheet.protections.push(record);
    this.sheet.calls.settle();
    return new EmulatedProtection(this.sheet, record);
  }

  /** For the emulator's own use (validation ranges): the values, no call counted. */
  peekValues(): CellValue[][] {
    return this.each((cell) => copyValue(cell?.value ?? ''));
  }

  /** For the emulator's own use: the area, no call counted. */
  areaOf(): Area {
    return { ...this.area };
  }

  getRow(): number {
    this.tick('getRow');
    return this.area.row;
  }

  getColumn(): number {
    this.tick('getColumn');
    return this.area.column;
  }

  getNumRows(): number {
    this.tick('getNumRows');
    return this.area.numRows;
  }

  getNumColumns(): number {
    this.tick('getNumColumns');
    return this.area.numColumns;
  }

  getLastRow(): number {
    this.tick('getLastRow');
    return this.area.row + this.area.numRows - 1;
  }

  getLastColumn(): number {
    this.tick('getLastColumn');
    return this.area.column + this.area.numColumns - 1;
  }

  getA1Notation(): string {
    this.tick('getA1Notation');
    return a1Notation(this.area);
  }

  getSheet(): EmulatedSheet {
    this.tick('getSheet');
    return this.sheet;
  }

  /** For the emulator's own use (charts): no call is counted. */
  describe(): { sheet: string; a1: string } {
    return { sheet: this.sheet.name, a1: a1Notation(this.area) };
  }
}

function copyValue(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

function paint(cell: Cell, raw: unknown): void {
  if (raw === null || raw === undefined || raw === '') {
    cell.background = DEFAULT_BACKGROUND;
    cell.filled = false;
    return;
  }
  if (typeof raw !== 'string') {
    throw new Error(
      `The parameters (${typeof raw}) don't match the method signature for SpreadsheetApp.Range.setBackgrounds.`,
    );
  }
  cell.background = raw;
  cell.filled = true;
}

function validationOf(method: string, rule: unknown): ValidationRecord | null {
  if (rule === null) return null;
  if (!(rule instanceof EmulatedDataValidation)) {
    throw new Error(
      `The parameters (${typeof rule}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  return rule.record;
}

type GasProtection = GoogleAppsScript.Spreadsheet.Protection;

/** A protection's editing methods; each changes the document, so each is a counted call. */
export class EmulatedProtection implements Emulates<
  GasProtection,
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'setDescription'
  | 'getDescription'
  | 'setUnprotectedRanges'
  | 'remove'
> {
  constructor(
    private readonly sheet: EmulatedSheet,
    private readonly record: ProtectionRecord,
  ) {}

  private tick(method: string): void {
    this.sheet.checkAlive(`Protection.${method}`);
  }

  setWarningOnly(warningOnly: unknown): this {
    this.tick('setWarningOnly');
    if (typeof warningOnly !== 'boolean') {
      throw new Error(
        `The parameters (${typeof warningOnly}) don't match the method signature for SpreadsheetApp.Protection.setWarningOnly.`,
      );
    }
    this.record.warningOnly = warningOnly;
    this.sheet.calls.settle();
    return this;
  }

  isWarningOnly(): boolean {
    this.tick('isWarningOnly');
    return this.record.warningOnly;
  }

  setDescription(description: unknown): this {
    this.tick('setDescription');
    this.record.description = String(description);
    this.sheet.calls.settle();
    return this;
  }

  getDescription(): string {
    this.tick('getDescription');
    return this.record.description;
  }

  /** Only a sheet protection has exceptions; the ranges must be on its sheet. */
  setUnprotectedRanges(ranges: unknown): this {
    this.tick('setUnprotectedRanges');
    if (this.record.type !== 'SHEET') {
      throw new Error('Unprotected ranges can only be set on a sheet protection.');
    }
    if (!Array.isArray(ranges) || ranges.some((range) => !(range instanceof EmulatedRange))) {
      throw new Error(
        "The parameters (object) don't match the method signature for SpreadsheetApp.Protection.setUnprotectedRanges.",
      );
    }
    this.record.unprotected = (ranges as EmulatedRange[]).map((range) => range.describe().a1);
    this.sheet.calls.settle();
    return this;
  }

  remove(): void {
    this.tick('remove');
    const index = this.sheet.protections.indexOf(this.record);
    if (index >= 0) this.sheet.protections.splice(index, 1);
    this.sheet.calls.settle();
  }
}

export class EmulatedChart {
  constructor(readonly record: ChartRecord) {}
}

/**
 * The chart builder. In Apps Script a builder is a local object: nothing reaches the
 * document until Sheet.insertChart, so its methods are not counted as calls (newChart and
 * insertChart are). It records what Sheets would get: type, ranges, options, numHeaders.
 */
export class EmulatedChartBuilder implements Emulates<
  GasChartBuilder,
  'addRange' | 'setChartType' | 'setOption' | 'setPosition' | 'setNumHeaders' | 'build'
> {
  private chartType = 'LINE';
  private readonly ranges: { sheet: string; a1: string }[] = [];
  private readonly options: Record<string, unknown> = {};
  private position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  private numHeaders: number | undefined;

  constructor(private readonly sheet: EmulatedSheet) {}

  private tick(method: string): void {
    void method;
    if (this.sheet.deleted) throw new Error(`Sheet ${this.sheet.name} was deleted.`);
  }

  setNumHeaders(headers: unknown): this {
    this.tick('setNumHeaders');
    if (typeof headers !== 'number' || !Number.isInteger(headers) || headers < -1) {
      throw new Error(
        `The parameters (${typeof headers}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setNumHeaders.`,
      );
    }
    this.numHeaders = headers;
    return this;
  }

  addRange(range: unknown): this {
    this.tick('addRange');
    if (!(range instanceof EmulatedRange)) {
      throw new Error(
        "The parameters (object) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.addRange.",
      );
    }
    this.ranges.push(range.describe());
    return this;
  }

  setChartType(type: unknown): this {
    this.tick('setChartType');
    if (typeof type !== 'string' || type === '') {
      throw new Error(
        `The parameters (${typeof type}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setChartType.`,
      );
    }
    this.chartType = type;
    return this;
  }

  setOption(option: unknown, value: unknown): this {
    this.tick('setOption');
    if (typeof option !== 'string' || option === '') {
      throw new Error(
        `The parameters (${typeof option}) don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.setOption.`,
      );
    }
    // Options are stored as given; a copy keeps later edits of the caller's object out.
    this.options[option] = JSON.parse(JSON.stringify(value ?? null));
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.tick('setPosition');
    if (anchorRowPos < 1 || anchorColPos < 1) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    this.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  build(): EmulatedChart {
    this.tick('build');
    if (this.ranges.length === 0) {
      throw new Error('The chart has no data. Please add a range to the chart.');
    }
    return new EmulatedChart({
      chartType: this.chartType,
      ranges: this.ranges.slice(),
      options: { ...this.options },
      position: { ...this.position },
      ...(this.numHeaders === undefined ? {} : { numHeaders: this.numHeaders }),
    });
  }
}

/**
 * Developer metadata located on a sheet (the only location the add-in uses). Deleting the
 * sheet deletes its metadata, as in Sheets; renaming or moving it keeps it.
 */
export class EmulatedDeveloperMetadata implements Emulates<
  GasMetadata,
  'getId' | 'getKey' | 'getValue' | 'getLocation'
> {
  constructor(
    private readonly sheet: EmulatedSheet,
    private readonly record: MetadataRecord,
  ) {}

  getId(): number {
    this.sheet.calls.tick('DeveloperMetadata.getId');
    return this.record.id;
  }

  getKey(): string {
    this.sheet.calls.tick('DeveloperMetadata.getKey');
    return this.record.key;
  }

  getValue(): string | null {
    this.sheet.calls.tick('DeveloperMetadata.getValue');
    return this.record.value;
  }

  getLocation(): EmulatedDeveloperMetadataLocation {
    this.sheet.calls.tick('DeveloperMetadata.getLocation');
    return new EmulatedDeveloperMetadataLocation(this.sheet);
  }
}

export class EmulatedDeveloperMetadataLocation implements Emulates<
  GasMetadataLocation,
  'getLocationType' | 'getSheet'
> {
  constructor(private readonly sheet: EmulatedSheet) {}

  getLocationType(): string {
    this.sheet.calls.tick('DeveloperMetadataLocation.getLocationType');
    return 'SHEET';
  }

  getSheet(): EmulatedSheet | null {
    this.sheet.calls.tick('DeveloperMetadataLocation.getSheet');
    return this.sheet.deleted ? null : this.sheet;
  }
}

/** Spreadsheet.createDeveloperMetadataFinder(): filters by key, then find(). */
export class EmulatedDeveloperMetadataFinder implements Emulates<
  GasMetadataFinder,
  'withKey' | 'find'
> {
  private key: string | undefined;

  constructor(private readonly state: WorkbookState) {}

  withKey(key: string): this {
    this.state.calls.tick('DeveloperMetadataFinder.withKey');
    if (typeof key !== 'string') {
      throw new Error(
        `The parameters (${typeof key}) don't match the method signature for SpreadsheetApp.DeveloperMetadataFinder.withKey.`,
      );
    }
    this.key = key;
    return this;
  }

  /** The matching metadata of every sheet, in sheet order (ID order within a sheet). */
  find(): EmulatedDeveloperMetadata[] {
    this.state.calls.tick('DeveloperMetadataFinder.find');
    return this.state.sheets.flatMap((sheet) =>
      sheet.metadata
        .filter((record) => this.key === undefined || record.key === this.key)
        .map((record) => new EmulatedDeveloperMetadata(sheet, record)),
    );
  }
}

type GasRangeList = GoogleAppsScript.Spreadsheet.RangeList;

export class EmulatedRangeList implements Emulates<GasRangeList, 'getRanges'> {
  constructor(
    private readonly sheet: EmulatedSheet,
    private readonly ranges: readonly EmulatedRange[],
  ) {}

  getRanges(): EmulatedRange[] {
    this.sheet.checkAlive('RangeList.getRanges');
    return this.ranges.slice();
  }
}

/** Serializable form of one sheet (see Workbook.serialize). */
export interface SheetData {
  name: string;
  sheetId: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** [row, column, cell] for every cell that differs from a new cell. */
  cells: [number, number, SerializedCell][];
  charts: ChartRecord[];
  columnWidths: [number, number][];
  /** Developer metadata on the sheet (absent in workbooks saved before it existed). */
  metadata?: MetadataRecord[];
  protections?: ProtectionRecord[];
  /** Conditional format rules (absent in workbooks saved before they existed). */
  conditionalFormats?: ConditionalFormatRecord[];
}

export type SerializedCell = Omit<Cell, 'value'> & { value: CellValue | { date: number } };

export class EmulatedSheet implements Emulates<
  GasSheet,
  | 'getName'
  | 'setName'
  | 'getSheetId'
  | 'getIndex'
  | 'getRange'
  | 'getDataRange'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertColumnsAfter'
  | 'deleteRows'
  | 'deleteColumns'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'activate'
  | 'newChart'
  | 'insertChart'
  | 'getCharts'
  | 'addDeveloperMetadata'
  | 'getDeveloperMetadata'
  | 'protect'
  | 'getProtections'
  | 'getRangeList'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
> {
  readonly cells = new Map<string, Cell>();
  conditionalFormats: ConditionalFormatRecord[] = [];
  readonly charts: ChartRecord[] = [];
  readonly metadata: MetadataRecord[] = [];
  readonly protections: ProtectionRecord[] = [];
  readonly columnWidths = new Map<number, number>();
  maxRows = NEW_SHEET_ROWS;
  maxColumns = NEW_SHEET_COLUMNS;
  frozenRows = 0;
  deleted = false;

  constructor(
    private readonly state: WorkbookState,
    public name: string,
    readonly sheetId: number,
  ) {
    this.maxRows = state.newSheetSize?.rows ?? NEW_SHEET_ROWS;
    this.maxColumns = state.newSheetSize?.columns ?? NEW_SHEET_COLUMNS;
  }

  get calls(): CallCounter {
    return this.state.calls;
  }

  get timeZone(): string {
    return this.state.timeZone;
  }

  get locale(): string {
    return this.state.locale;
  }

  /** Ticks the counter, then refuses to work on a deleted sheet, as Apps Script does. */
  checkAlive(method: string): void {
    this.state.calls.tick(method);
    if (this.deleted) throw new Error(`Sheet ${this.name} was deleted.`);
  }

  peek(row: number, column: number): Cell | undefined {
    return this.cells.get(`${row}:${column}`);
  }

  cellAt(row: number, column: number): Cell {
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = emptyCell();
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** The last row and column holding a value or formula (0 when the sheet is empty). */
  extent(): { lastRow: number; lastColumn: number } {
    let lastRow = 0;
    let lastColumn = 0;
    for (const [key, cell] of this.cells) {
      if (isEmptyContent(cell)) continue;
      const [row, column] = key.split(':').map(Number);
      if (row > lastRow) lastRow = row;
      if (column > lastColumn) lastColumn = column;
    }
    return { lastRow, lastColumn };
  }

  getName(): string {
    this.checkAlive('Sheet.getName');
    return this.name;
  }

  setName(name: string): this {
    this.checkAlive('Sheet.setName');
    checkNewName(this.state, name, this);
    this.name = name;
    return this;
  }

  getSheetId(): number {
    this.checkAlive('Sheet.getSheetId');
    return this.sheetId;
  }

  getIndex(): number {
    this.checkAlive('Sheet.getIndex');
    return this.state.sheets.indexOf(this) + 1;
  }

  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): EmulatedRange {
    this.checkAlive('Sheet.getRange');
    const area: Area =
      typeof rowOrA1 === 'string'
        ? parseA1(openEnded(rowOrA1, this.maxRows))
        : {
            row: rowOrA1,
            column: column ?? NaN,
            numRows: numRows ?? 1,
            numColumns: numColumns ?? 1,
          };
    for (const [key, what] of [
      ['row', 'starting row'],
      ['column', 'starting column'],
    ] as const) {
      if (!Number.isInteger(area[key])) {
        throw new Error(
          `The parameters (${typeof area[key]}) don't match the method signature for SpreadsheetApp.Sheet.getRange.`,
        );
      }
      if (area[key] < 1) throw new Error(`The ${what} of the range is too small.`);
    }
    if (!Number.isInteger(area.numRows) || area.numRows < 1) {
      throw new Error('The number of rows in the range must be at least 1.');
    }
    if (!Number.isInteger(area.numColumns) || area.numColumns < 1) {
      throw new Error('The number of columns in the range must be at least 1.');
    }
    if (
      area.row + area.numRows - 1 > this.maxRows ||
      area.column + area.numColumns - 1 > this.maxColumns
    ) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new EmulatedRange(this, area);
  }

  /** Many ranges in one call (A1 notations on this sheet). */
  getRangeList(a1Notations: unknown): EmulatedRangeList {
    this.checkAlive('Sheet.getRangeList');
    if (!Array.isArray(a1Notations) || a1Notations.some((a1) => typeof a1 !== 'string')) {
      throw new Error(
        "The parameters (object) don't match the method signature for SpreadsheetApp.Sheet.getRangeList.",
      );
    }
    const ranges = (a1Notations as string[]).map((a1) => {
      const area = parseA1(openEnded(a1, this.maxRows));
      if (
        area.row + area.numRows - 1 > this.maxRows ||
        area.column + area.numColumns - 1 > this.maxColumns
      ) {
        throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
      }
      return new EmulatedRange(this, area);
    });
    return new EmulatedRangeList(this, ranges);
  }

  getDataRange(): EmulatedRange {
    this.checkAlive('Sheet.getDataRange');
    const { lastRow, lastColumn } = this.extent();
    return new EmulatedRange(this, {
      row: 1,
      column: 1,
      numRows: Math.max(1, lastRow),
      numColumns: Math.max(1, lastColumn),
    });
  }

  getLastRow(): number {
    this.checkAlive('Sheet.getLastRow');
    return this.extent().lastRow;
  }

  getLastColumn(): number {
    this.checkAlive('Sheet.getLastColumn');
    return this.extent().lastColumn;
  }

  getMaxRows(): number {
    this.checkAlive('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.checkAlive('Sheet.getMaxColumns');
    return this.maxColumns;
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.checkAlive('Sheet.insertRowsAfter');
    this.insert('row', afterPosition, howMany);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.checkAlive('Sheet.insertColumnsAfter');
    this.insert('column', afterPosition, howMany);
    return this;
  }

  private insert(axis: 'row' | 'column', after: number, howMany: number): void {
    const max = axis === 'row' ? this.maxRows : this.maxColumns;
    if (!Number.isInteger(after) || after < 1 || after > max) {
      throw new Error(
        `Those ${axis}s are out of bounds. The ${axis} position must be between 1 and ${max}.`,
      );
    }
    if (!Number.isInteger(howMany) || howMany < 1) {
      throw new Error(`The number of ${axis}s to insert must be at least 1.`);
    }
    // Cells beyond the insertion point move; formulas are not rewritten (the add-in never
    // inserts inside written content, only after it).
    const moved = [...this.cells].map(([key, cell]) => {
      const [row, column] = key.split(':').map(Number);
      if (axis === 'row' && row > after) return [`${row + howMany}:${column}`, cell] as const;
      if (axis === 'column' && column > after) return [`${row}:${column + howMany}`, cell] as const;
      return [key, cell] as const;
    });
    this.cells.clear();
    for (const [key, cell] of moved) this.cells.set(key, cell);
    if (axis === 'row') this.maxRows += howMany;
    else this.maxColumns += howMany;
    this.state.calls.settle();
  }

  /**
   * Removes rows and moves the cells below them up. Frozen rows among them are unfrozen;
   * charts and column widths stay (the add-in only removes blank rows it added at the
   * bottom, which hold neither).
   */
  deleteRows(rowPosition: number, howMany: number): void {
    this.checkAlive('Sheet.deleteRows');
    this.remove('row', rowPosition, howMany);
    const last = rowPosition + howMany - 1;
    this.frozenRows -= Math.max(0, Math.min(this.frozenRows, last) - rowPosition + 1);
  }

  /** Removes columns and moves the cells right of them left; widths past the end go. */
  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkAlive('Sheet.deleteColumns');
    this.remove('column', columnPosition, howMany);
    for (const column of [...this.columnWidths.keys()]) {
      if (column > this.maxColumns) this.columnWidths.delete(column);
    }
  }

  private remove(axis: 'row' | 'column', position: number, howMany: number): void {
    const max = axis === 'row' ? this.maxRows : this.maxColumns;
    const last = position + howMany - 1;
    if (
      !Number.isInteger(position) ||
      !Number.isInteger(howMany) ||
      position < 1 ||
      howMany < 1 ||
      last > max
    ) {
      throw new Error(`Those ${axis}s are out of bounds.`);
    }
    if (howMany === max) throw new Error(`You can't delete all the ${axis}s on the sheet.`);
    const kept = [...this.cells].flatMap(([key, cell]) => {
      const [row, column] = key.split(':').map(Number);
      const at = axis === 'row' ? row : column;
      if (at < position) return [[key, cell] as const];
      if (at <= last) return [];
      const moved = axis === 'row' ? `${row - howMany}:${column}` : `${row}:${column - howMany}`;
      return [[moved, cell] as const];
    });
    this.cells.clear();
    for (const [key, cell] of kept) this.cells.set(key, cell);
    if (axis === 'row') this.maxRows -= howMany;
    else this.maxColumns -= howMany;
    this.state.calls.settle();
  }

  setFrozenRows(rows: number): void {
    this.checkAlive('Sheet.setFrozenRows');
    if (!Number.isInteger(rows) || rows < 0 || rows > this.maxRows) {
      throw new Error(`The number of frozen rows must be between 0 and ${this.maxRows}.`);
    }
    this.frozenRows = rows;
    this.state.calls.settle();
  }

  getFrozenRows(): number {
    this.checkAlive('Sheet.getFrozenRows');
    return this.frozenRows;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.checkAlive('Sheet.setColumnWidth');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.checkAlive('Sheet.setColumnWidths');
    if (startColumn < 1 || startColumn + numColumns - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    if (!Number.isInteger(width) || width < 0) {
      throw new Error(
        `The parameters (${typeof width}) don't match the method signature for SpreadsheetApp.Sheet.setColumnWidths.`,
      );
    }
    for (let c = 0; c < numColumns; c++) this.columnWidths.set(startColumn + c, width);
    this.state.calls.settle();
    return this;
  }

  activate(): this {
    this.checkAlive('Sheet.activate');
    this.state.active = this;
    return this;
  }

  newChart(): EmulatedChartBuilder {
    this.checkAlive('Sheet.newChart');
    return new EmulatedChartBuilder(this);
  }

  insertChart(chart: unknown): void {
    this.checkAlive('Sheet.insertChart');
    if (!(chart instanceof EmulatedChart)) {
      throw new Error(
        "The parameters (object) don't match the method signature for SpreadsheetApp.Sheet.insertChart.",
      );
    }
    this.charts.push(chart.record);
    this.state.calls.settle();
  }

  getCharts(): EmulatedChart[] {
    this.checkAlive('Sheet.getCharts');
    return this.charts.map((record) => new EmulatedChart(record));
  }

  /**
   * addDeveloperMetadata(key) or (key, value). The visibility overloads are not emulated:
   * a visibility argument is refused rather than stored as a value.
   */
  addDeveloperMetadata(key: string, value?: unknown, visibility?: unknown): this {
    this.checkAlive('Sheet.addDeveloperMetadata');
    if (typeof key !== 'string' || key === '') {
      throw new Error('Invalid argument: key');
    }
    if ((value !== undefined && typeof value !== 'string') || visibility !== undefined) {
      throw new Error(
        "The parameters don't match the emulated signatures of SpreadsheetApp.Sheet.addDeveloperMetadata (key) and (key, value).",
      );
    }
    const id = this.state.nextMetadataId ?? 1;
    this.state.nextMetadataId = id + 1;
    this.metadata.push({ id, key, value: value ?? null });
    return this;
  }

  /** The metadata located on this sheet, in the order it was added. */
  getDeveloperMetadata(): EmulatedDeveloperMetadata[] {
    this.checkAlive('Sheet.getDeveloperMetadata');
    return this.metadata.map((record) => new EmulatedDeveloperMetadata(this, record));
  }

  /** A sheet protection; setUnprotectedRanges makes exceptions in it. */
  protect(): EmulatedProtection {
    this.checkAlive('Sheet.protect');
    const record: ProtectionRecord = {
      type: 'SHEET',
      a1: `A1:${a1Notation({ row: this.maxRows, column: this.maxColumns, numRows: 1, numColumns: 1 })}`,
      warningOnly: false,
      description: '',
      unprotected: [],
    };
    this.protections.push(record);
    this.state.calls.settle();
    return new EmulatedProtection(this, record);
  }

  getConditionalFormatRules(): EmulatedConditionalFormatRule[] {
    this.checkAlive('Sheet.getConditionalFormatRules');
    return this.conditionalFormats.map((record) => new EmulatedConditionalFormatRule(record));
  }

  /** Replaces every rule of the sheet, as Apps Script's does. */
  setConditionalFormatRules(rules: unknown): this {
    this.checkAlive('Sheet.setConditionalFormatRules');
    this.conditionalFormats = recordsOf(this.name, rules);
    this.state.calls.settle();
    return this;
  }

  getProtections(type: unknown): EmulatedProtection[] {
    this.checkAlive('Sheet.getProtections');
    return this.protections
      .filter((record) => record.type === type)
      .map((record) => new EmulatedProtection(this, record));
  }

  toData(): SheetData {
    const cells: SheetData['cells'] = [];
    for (const [key, cell] of this.cells) {
      const [row, column] = key.split(':').map(Number);
      const value = cell.value instanceof Date ? { date: cell.value.getTime() } : cell.value;
      cells.push([row, column, { ...cell, value }]);
    }
    cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return {
      name: this.name,
      sheetId: this.sheetId,
      maxRows: this.maxRows,
      maxColumns: this.maxColumns,
      frozenRows: this.frozenRows,
      cells,
      charts: this.charts.map((chart) => JSON.parse(JSON.stringify(chart)) as ChartRecord),
      columnWidths: [...this.columnWidths].sort((a, b) => a[0] - b[0]),
      metadata: this.metadata.map((record) => ({ ...record })),
      protections: this.protections.map((record) => ({
        ...record,
        unprotected: record.unprotected.slice(),
      })),
      conditionalFormats: this.conditionalFormats.map((record) => ({ ...record })),
    };
  }

  static fromData(state: WorkbookState, data: SheetData): EmulatedSheet {
    const sheet = new EmulatedSheet(state, data.name, data.sheetId);
    sheet.maxRows = data.maxRows;
    sheet.maxColumns = data.maxColumns;
    sheet.frozenRows = data.frozenRows;
    for (const [row, column, cell] of data.cells) {
      const value =
        typeof cell.value === 'object' && !(cell.value instanceof Date)
          ? new Date(cell.value.date)
          : cell.value;
      sheet.cells.set(`${row}:${column}`, {
        ...cell,
        value,
        filled: cell.filled ?? cell.background !== DEFAULT_BACKGROUND,
        validation: cell.validation ?? null,
      });
    }
    for (const record of data.protections ?? []) sheet.protections.push({ ...record });
    sheet.conditionalFormats = (data.conditionalFormats ?? []).map((record) => ({ ...record }));
    for (const chart of data.charts) sheet.charts.push(chart);
    for (const [column, width] of data.columnWidths) sheet.columnWidths.set(column, width);
    for (const record of data.metadata ?? []) {
      sheet.metadata.push({ ...record });
      state.nextMetadataId = Math.max(state.nextMetadataId ?? 1, record.id + 1);
    }
    return sheet;
  }
}

/** "A4:A" (a column from row 4 down) as the rows the sheet has now: "A4:A1000". */
function openEnded(a1: string, maxRows: number): string {
  const match = /^\s*(\$?[A-Z]+\$?)(\d+):(\$?[A-Z]+)\s*$/i.exec(a1);
  return match ? `${match[1]}${match[2]}:${match[3]}${Math.max(Number(match[2]), maxRows)}` : a1;
}

function checkNewName(state: WorkbookState, name: unknown, self?: EmulatedSheet): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new Error('Invalid argument: sheetName');
  }
  if (name.length > 100) {
    throw new Error('The sheet name is too long. The name must be at most 100 characters.');
  }
  const taken = state.sheets.some(
    (sheet) => sheet !== self && sheet.name.toLowerCase() === name.toLowerCase(),
  );
  if (taken) {
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

export class EmulatedSpreadsheet implements Emulates<
  GasSpreadsheet,
  | 'getId'
  | 'getName'
  | 'getSheets'
  | 'getSheetByName'
  | 'insertSheet'
  | 'deleteSheet'
  | 'setActiveSheet'
  | 'getActiveSheet'
  | 'getNumSheets'
  | 'createDeveloperMetadataFinder'
  | 'createTextFinder'
  | 'getSpreadsheetTimeZone'
  | 'getSpreadsheetLocale'
  | 'toast'
> {
  constructor(
    private readonly state: WorkbookState,
    private readonly title: string,
  ) {}

  private tick(method: string): void {
    this.state.calls.tick(`Spreadsheet.${method}`);
  }

  getId(): string {
    this.tick('getId');
    return 'emulated-spreadsheet';
  }

  getName(): string {
    this.tick('getName');
    return this.title;
  }

  getSpreadsheetTimeZone(): string {
    this.tick('getSpreadsheetTimeZone');
    return this.state.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.tick('getSpreadsheetLocale');
    return this.state.locale;
  }

  /** A small popup at the bottom right of the spreadsheet; recorded for tests. */
  toast(msg: unknown, title: unknown = '', timeoutSeconds?: unknown): void {
    this.tick('toast');
    this.state.toasts.push({
      message: String(msg),
      title: String(title),
      ...(typeof timeoutSeconds === 'number' ? { timeoutSeconds } : {}),
    });
  }

  getSheets(): EmulatedSheet[] {
    this.tick('getSheets');
    return this.state.sheets.slice();
  }

  createDeveloperMetadataFinder(): EmulatedDeveloperMetadataFinder {
    this.tick('createDeveloperMetadataFinder');
    return new EmulatedDeveloperMetadataFinder(this.state);
  }

  getNumSheets(): number {
    this.tick('getNumSheets');
    return this.state.sheets.length;
  }

  getSheetByName(name: string): EmulatedSheet | null {
    this.tick('getSheetByName');
    const wanted = String(name).toLowerCase();
    return this.state.sheets.find((sheet) => sheet.name.toLowerCase() === wanted) ?? null;
  }

  insertSheet(sheetName?: string, indexOrOptions?: unknown, options?: unknown): EmulatedSheet {
    this.tick('insertSheet');
    void options;
    const sheetIndex = typeof indexOrOptions === 'number' ? indexOrOptions : undefined;
    const name = sheetName ?? `Sheet${this.state.sheets.length + 1}`;
    checkNewName(this.state, name);
    const sheet = new EmulatedSheet(this.state, name, this.state.nextSheetId++);
    if (sheetIndex === undefined) this.state.sheets.push(sheet);
    else
      this.state.sheets.splice(
        Math.max(0, Math.min(sheetIndex, this.state.sheets.length)),
        0,
        sheet,
      );
    // Apps Script: "the new sheet becomes the active sheet".
    this.state.active = sheet;
    this.state.calls.settle();
    return sheet;
  }

  deleteSheet(sheet: unknown): void {
    this.tick('deleteSheet');
    const index = sheet instanceof EmulatedSheet ? this.state.sheets.indexOf(sheet) : -1;
    if (!(sheet instanceof EmulatedSheet) || index < 0) {
      throw new Error('Sheet not found.');
    }
    if (this.state.sheets.length === 1) {
      throw new Error("You can't remove all the sheets in a document.");
    }
    this.state.sheets.splice(index, 1);
    sheet.deleted = true;
    if (this.state.active === sheet) this.state.active = this.state.sheets[0];
    this.state.calls.settle();
  }

  setActiveSheet(sheet: unknown): EmulatedSheet {
    this.tick('setActiveSheet');
    if (!(sheet instanceof EmulatedSheet) || sheet.deleted) throw new Error('Sheet not found.');
    this.state.active = sheet;
    return sheet;
  }

  getActiveSheet(): EmulatedSheet {
    this.tick('getActiveSheet');
    return this.state.active ?? this.state.sheets[0];
  }

  /** Find and replace over every sheet (see emulator/text-finder.ts). */
  createTextFinder(findText: string): EmulatedTextFinder {
    this.tick('createTextFinder');
    return new EmulatedTextFinder(
      () => this.state.sheets,
      findText,
      (method) => this.state.calls.tick(method),
      (sheet, row, column) => new EmulatedRange(sheet, { row, column, numRows: 1, numColumns: 1 }),
    );
  }
}
