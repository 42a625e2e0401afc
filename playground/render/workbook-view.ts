// Builds what the page shows from the emulated workbook and its evaluation:
// display text with number formats applied, the formula bar's text, bold and
// backgrounds, and each embedded chart drawn as SVG from its ranges' values.
import { DEFAULT_NUMBER_FORMAT } from '../../emulator';
import type { Cell, ChartRecord, Workbook } from '../../emulator';
import { parseA1 } from '../../emulator/cells';
import type { Computed, Evaluation } from '../hf/evaluate';
import type { CellView, ChartPlacement, MenuView, SheetView, WorkbookView } from '../view';
import { renderChartSvg } from './chart-svg';
import type { ChartKind, ChartSeries, ChartView } from './chart-svg';
import { formatGeneral, formatValue } from './number-format';

const DEFAULT_BACKGROUND = '#ffffff';
const CHART_WIDTH = 520;
const CHART_HEIGHT = 320;

/** What the formula bar shows for a cell: its formula, or its value as one would retype it. */
export function inputText(cell: Cell | undefined): string {
  if (!cell) return '';
  if (cell.formula) return cell.formula;
  const value = cell.value;
  if (value instanceof Date) return value.toISOString();
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

function formatOf(cell: Cell | undefined): string {
  if (!cell || cell.numberFormat === DEFAULT_NUMBER_FORMAT) return '';
  return cell.numberFormat;
}

function cellView(
  row: number,
  col: number,
  cell: Cell | undefined,
  computed: Computed | undefined,
): CellView | undefined {
  // HyperFormula spreads a failed array formula's error over the whole array; Sheets
  // shows it in the formula's own cell only, so a cell without a formula shows none.
  if (computed?.kind === 'error' && !cell?.formula) computed = undefined;
  const bold = cell?.fontWeight === 'bold';
  const background = cell && cell.background !== DEFAULT_BACKGROUND ? cell.background : undefined;
  const value = computed ? computed.value : null;
  const input = inputText(cell);
  if ((value === null || value === '') && !input && !bold && !background) return undefined;
  const base = {
    row,
    col,
    input,
    ...(bold ? { bold } : {}),
    ...(background ? { background } : {}),
  };
  if (computed?.kind === 'error') {
    return {
      ...base,
      display: computed.value,
      error: computed.message || computed.value,
      align: 'center',
    };
  }
  const display = formatValue(value, formatOf(cell));
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
  };
}

function sheetView(workbook: Workbook, evaluation: Evaluation, name: string): SheetView {
  const sheet = workbook.rawSheet(name);
  const values = evaluation.sheetValues(name);
  const cells: CellView[] = [];
  const seen = new Set<string>();
  const add = (row: number, col: number): void => {
    const key = `${row}:${col}`;
    if (seen.has(key)) return;
    seen.add(key);
    const view = cellView(row, col, sheet.peek(row + 1, col + 1), values[row]?.[col]);
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
  return {
    name,
    rows: sheet.maxRows,
    cols: sheet.maxColumns,
    frozenRows: sheet.frozenRows,
    frozenCols: 0,
    cells,
    charts,
    columnWidths,
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
  return {
    title,
    sheets: names.map((name) => sheetView(workbook, evaluation, name)),
    activeSheet: workbook.activeSheetName() ?? names[0],
    addonMenus,
    version,
  };
}
