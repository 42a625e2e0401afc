// Builds what the page shows from the emulated workbook and its evaluation:
// display text with number formats applied, the formula bar's text, bold and
// backgrounds, and each embedded chart drawn as SVG from its ranges' values.
import { DEFAULT_NUMBER_FORMAT } from '../../emulator';
import type { Cell, ChartRecord, ValidationRecord, Workbook } from '../../emulator';
import { parseA1 } from '../../emulator/cells';
import { describeRule } from '../../emulator/validation';
import type { Computed, Evaluation } from '../hf/evaluate';
import type {
  CellView,
  ChartPlacement,
  MenuView,
  ProtectionView,
  SheetView,
  ValidationView,
  WorkbookView,
} from '../view';
import { renderChartSvg } from './chart-svg';
import type { ChartKind, ChartSeries, ChartView, LegendPosition } from './chart-svg';
import { dateSerial, defaultDateFormat, formatGeneral, formatValue } from './number-format';

const DEFAULT_BACKGROUND = '#ffffff';
// The size Sheets gives a chart whose script sets none (a new chart in the chart editor is
// 600 × 371 px too).
const CHART_WIDTH = 600;
const CHART_HEIGHT = 371;

/** What the formula bar shows for a cell: its formula, or its value as one would retype it. */
export function inputText(cell: Cell | undefined, timeZone = 'UTC'): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const value = cell.value;
  // As Sheets' formula bar shows a date: the date (and time), never an ISO timestamp.
  if (value instanceof Date) {
    const serial = dateSerial(value, timeZone);
    return formatValue(serial, defaultDateFormat(serial));
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  // Text that would not stay text if typed again gets the apostrophe Sheets shows.
  if (
    /^[=+\-'@]/.test(value) ||
    /^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value) ||
    /^(true|false)$/i.test(value.trim())
  )
    return cell.numberFormat === '@' ? value : `'${value}`;
  return value;
}

function formatOf(cell: Cell | undefined, value: unknown): string {
  if (!cell || cell.numberFormat === DEFAULT_NUMBER_FORMAT) {
    // A date in an automatic cell shows as a date, as Sheets formats a date typed there.
    return cell?.value instanceof Date && typeof value === 'number' ? defaultDateFormat(value) : '';
  }
  return cell.numberFormat;
}

/** Where a HYPERLINK formula's literal first argument points, if anywhere this page can go. */
function linkOf(formula: string, sheetById: ReadonlyMap<number, string>): CellView['link'] {
  const match = /^=\s*HYPERLINK\(\s*"((?:[^"]|"")*)"/i.exec(formula);
  if (!match) return undefined;
  const url = match[1].replace(/""/g, '"');
  // Sheets' links inside a spreadsheet: "#gid=<sheet id>" (optionally "&range=A1").
  const gid = /^#gid=(\d+)/.exec(url);
  if (gid) {
    const sheet = sheetById.get(Number(gid[1]));
    return sheet === undefined ? undefined : { sheet };
  }
  return /^(https?:\/\/|mailto:)/i.test(url) ? { url } : undefined;
}

interface CellExtras {
  readonly validation?: ValidationView;
  readonly link?: CellView['link'];
  readonly timeZone: string;
}

function cellView(
  row: number,
  col: number,
  cell: Cell | undefined,
  computed: Computed | undefined,
  extras: CellExtras,
): CellView | undefined {
  // HyperFormula spreads a failed array formula's error over the whole array; Sheets
  // shows it in the formula's own cell only, so a cell without a formula shows none.
  if (computed?.kind === 'error' && !cell?.formula) computed = undefined;
  const bold = cell?.fontWeight === 'bold';
  const background = cell && cell.background !== DEFAULT_BACKGROUND ? cell.background : undefined;
  const value = computed ? computed.value : null;
  const input = inputText(cell, extras.timeZone);
  const { validation, link } = extras;
  if ((value === null || value === '') && !input && !bold && !background && !validation)
    return undefined;
  const base = {
    row,
    col,
    input,
    ...(bold ? { bold } : {}),
    ...(background ? { background } : {}),
    ...(validation ? { validation } : {}),
    ...(link ? { link } : {}),
  };
  if (computed?.kind === 'error') {
    return {
      ...base,
      display: computed.value,
      error: computed.message || computed.value,
      align: 'center',
    };
  }
  const display = formatValue(value, formatOf(cell, value));
  const align =
    typeof value === 'number' ? 'right' : typeof value === 'boolean' ? 'center' : 'left';
  return { ...base, display, align };
}

function chartKind(type: string): ChartKind {
  switch (type.toUpperCase()) {
    case 'AREA':
    case 'STEPPED_AREA':
      return 'area';
    case 'COLUMN':
    case 'HISTOGRAM':
    case 'WATERFALL':
      return 'column';
    case 'BAR':
      return 'bar';
    case 'PIE':
      return 'pie';
    case 'SCATTER':
      return 'scatter';
    default:
      return 'line';
  }
}

function option(options: Readonly<Record<string, unknown>>, path: string): unknown {
  if (path in options) return options[path];
  let current: unknown = options;
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

function stringOption(options: Readonly<Record<string, unknown>>, path: string): string {
  const value = option(options, path);
  if (typeof value === 'string') return value;
  // 'hAxis.title' may also be given as the axis option itself: { hAxis: 'Month' }.
  const parent = path.endsWith('.title')
    ? option(options, path.slice(0, -'.title'.length))
    : undefined;
  return typeof parent === 'string' ? parent : '';
}

function numberOption(
  options: Readonly<Record<string, unknown>>,
  path: string,
  fallback: number,
): number {
  const value = option(options, path);
  return typeof value === 'number' && Number.isFinite(value) && value > 50
    ? Math.min(value, 1600)
    : fallback;
}

function label(computed: Computed | undefined): string {
  if (!computed || computed.value === null) return '';
  if (typeof computed.value === 'number') return formatGeneral(computed.value);
  return String(computed.value);
}

/** The chart's data: its ranges side by side, first column the categories, a text first row the headers. */
export function chartView(record: ChartRecord, evaluation: Evaluation): ChartView {
  const columns: Computed[][] = [];
  for (const range of record.ranges) {
    const area = parseA1(range.a1);
    const rows = evaluation.area(range.sheet, area.row, area.column, area.numRows, area.numColumns);
    for (let c = 0; c < area.numColumns; c++) columns.push(rows.map((row) => row[c]));
  }
  const height = Math.max(0, ...columns.map((column) => column.length));
  // A first row with no number in the series columns is a header row (as Sheets guesses).
  const hasHeader =
    height > 1 &&
    columns.length > 1 &&
    columns.slice(1).every((column) => typeof column[0]?.value !== 'number') &&
    columns
      .slice(1)
      .some((column) => column.slice(1).some((cell) => typeof cell?.value === 'number'));
  // setNumHeaders, when the script gave it, says how many rows are headers.
  const start = record.numHeaders !== undefined ? record.numHeaders : hasHeader ? 1 : 0;
  const domain = columns.length > 1 ? columns[0] : undefined;
  const seriesColumns = columns.length > 1 ? columns.slice(1) : columns;
  // Rows blank in every column (a table's spare rows in the range) are not drawn, as in Sheets.
  const blank = (r: number): boolean =>
    columns.every((column) => column[r] === undefined || label(column[r]) === '');
  let end = height;
  while (end > start && blank(end - 1)) end--;
  const categories: string[] = [];
  for (let r = start; r < end; r++)
    categories.push(domain ? label(domain[r]) : String(r - start + 1));
  const series: ChartSeries[] = seriesColumns.map((column, index) => ({
    name: start > 0 ? label(column[0]) : `Series ${index + 1}`,
    values: column
      .slice(start, end)
      .map((cell) =>
        cell?.kind === 'value' && typeof cell.value === 'number' ? cell.value : null,
      ),
  }));
  const colors = option(record.options, 'colors');
  const legend =
    stringOption(record.options, 'legend.position') || stringOption(record.options, 'legend');
  const left = option(record.options, 'chartArea.left');
  const threshold = option(record.options, 'sliceVisibilityThreshold');
  return {
    kind: chartKind(record.chartType),
    title: stringOption(record.options, 'title'),
    xTitle: stringOption(record.options, 'hAxis.title'),
    yTitle: stringOption(record.options, 'vAxis.title'),
    categories,
    series,
    width: numberOption(record.options, 'width', CHART_WIDTH),
    height: numberOption(record.options, 'height', CHART_HEIGHT),
    ...(Array.isArray(colors)
      ? { colors: colors.filter((c): c is string => typeof c === 'string') }
      : {}),
    ...(LEGEND_POSITIONS.has(legend) ? { legend: legend as LegendPosition } : {}),
    ...(typeof left === 'number' && left >= 0 ? { plotLeft: left } : {}),
    ...(typeof threshold === 'number' && threshold >= 0
      ? { sliceVisibilityThreshold: threshold }
      : {}),
    residueLabel: stringOption(record.options, 'pieResidueSliceLabel') || 'Other',
  };
}

const LEGEND_POSITIONS = new Set(['right', 'left', 'top', 'bottom', 'none', 'labeled', 'in']);

/** The page's view of a cell's rule; `options` lists a dropdown's choices as shown. */
function validationView(
  rule: ValidationRecord,
  valid: boolean,
  rangeChoices: (notation: string) => readonly string[],
): ValidationView {
  const dropdown = rule.args[1] === true;
  const options =
    rule.criteria === 'VALUE_IN_LIST' && dropdown
      ? String(rule.args[0]).split('\n')
      : rule.criteria === 'VALUE_IN_RANGE' && dropdown
        ? rangeChoices(String(rule.args[0]))
        : undefined;
  return {
    helpText: rule.helpText,
    // DataValidation.getAllowInvalid(): "true if the rule shows a warning when input fails
    // data validation, or false if it rejects the input entirely" (Apps Script reference).
    reject: !rule.allowInvalid,
    message: rule.helpText || describeRule(rule),
    ...(options ? { options } : {}),
    ...(valid ? {} : { invalid: true }),
  };
}

/** The 0-based area of an A1 notation. */
function areaOf(a1: string): { row: number; col: number; rows: number; cols: number } {
  const area = parseA1(a1);
  return { row: area.row - 1, col: area.column - 1, rows: area.numRows, cols: area.numColumns };
}

function sheetView(
  workbook: Workbook,
  evaluation: Evaluation,
  name: string,
  sheetById: ReadonlyMap<number, string>,
): SheetView {
  const sheet = workbook.rawSheet(name);
  const values = evaluation.sheetValues(name);
  const choices = new Map<string, readonly string[]>();
  // A range rule's dropdown lists the range's distinct values, blanks left out.
  const rangeChoices = (notation: string): readonly string[] => {
    let found = choices.get(notation);
    if (!found) {
      found = [
        ...new Set(
          workbook
            .validationRangeValues(notation)
            .filter((value) => value !== '' && value !== null && value !== undefined)
            .map(String),
        ),
      ];
      choices.set(notation, found);
    }
    return found;
  };
  const cells: CellView[] = [];
  const seen = new Set<string>();
  const add = (row: number, col: number): void => {
    const key = `${row}:${col}`;
    if (seen.has(key)) return;
    seen.add(key);
    const cell = sheet.peek(row + 1, col + 1);
    const rule = cell?.validation;
    const view = cellView(row, col, cell, values[row]?.[col], {
      timeZone: sheet.timeZone,
      ...(rule
        ? {
            validation: validationView(
              rule,
              workbook.meetsValidation(name, row + 1, col + 1),
              rangeChoices,
            ),
          }
        : {}),
      ...(cell?.formula ? { link: linkOf(cell.formula, sheetById) } : {}),
    });
    if (view) cells.push(view);
  };
  values.forEach((rowValues, row) => rowValues.forEach((_value, col) => add(row, col)));
  for (const key of sheet.cells.keys()) {
    const [row, col] = key.split(':').map(Number);
    add(row - 1, col - 1);
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const charts: ChartPlacement[] = sheet.charts.map((record, index) => {
    const view = chartView(record, evaluation);
    return {
      id: `${sheet.sheetId}-${index}`,
      row: record.position.row - 1,
      col: record.position.column - 1,
      offsetX: record.position.offsetX,
      offsetY: record.position.offsetY,
      width: view.width,
      height: view.height,
      title: view.title,
      svg: renderChartSvg(view),
    };
  });
  const columnWidths: Record<string, number> = {};
  for (const [column, width] of sheet.columnWidths) columnWidths[String(column)] = width;
  const warnings: ProtectionView[] = sheet.protections
    .filter((record) => record.warningOnly)
    .map((record) => ({
      ...areaOf(record.a1),
      except: record.unprotected.map(areaOf),
      description: record.description,
    }));
  return {
    name,
    rows: sheet.maxRows,
    cols: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenCols: 0,
    cells,
    charts,
    columnWidths,
    warnings,
  };
}

export function buildWorkbookView(
  workbook: Workbook,
  evaluation: Evaluation,
  addonMenus: readonly MenuView[],
  version: number,
  title: string,
): WorkbookView {
  const names = workbook.sheetNames();
  const sheetById = new Map(names.map((name) => [workbook.rawSheet(name).sheetId, name]));
  return {
    title,
    sheets: names.map((name) => sheetView(workbook, evaluation, name, sheetById)),
    activeSheet: workbook.activeSheetName() ?? names[0],
    addonMenus,
    version,
  };
}
