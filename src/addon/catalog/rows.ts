// One row of the catalog sheet read as the engine's row: numbers checked as the engine
// checks its arguments, text trimmed, a bad cell an error that names its column.
import {
  InputError,
  checkNumber,
  describeValue,
  cellErrorCode,
  normalizeName,
  parseNumberValue,
} from '../../engine';
import type {
  ApiRow,
  Catalog,
  GpuRow,
  ManagedFineTuningRow,
  MethodRow,
  ModelRow,
  NumberRule,
  PricingKind,
  ProviderRow,
} from '../../engine';
import { messageOf } from '../../shared/message';
import { aliasColumn, isBlankCell } from '../catalog-sheet';
import type { CellIn, TableKey, TableSpec } from '../catalog-sheet';

/** What a bad row's warning says: the engine's problem, or the error's message. */
export function problemOf(error: unknown): string {
  return error instanceof InputError ? error.problem : messageOf(error);
}

/** A row's cells read by column, each problem named by the column's header. */
interface RowCells {
  blank(i: number): boolean;
  num(i: number, rule: NumberRule): number;
  text(i: number, required: boolean): string;
  /**
   * The row: its name, the figures read, then Source and As of from `sourceAt` and Also
   * known as (the last three columns of every table).
   */
  row<T extends object>(figures: T, sourceAt: number): Sourced & T;
}

type Sourced = { name: string; source: string; asOf: string; aliases?: string[] };

/**
 * The reader of one row. The name and the other names are read first, then the figures in
 * column order: a row's first bad cell in that order is the one its warning names.
 */
function rowCells(spec: TableSpec, cells: readonly CellIn[]): RowCells {
  const header = (i: number): string => spec.columns[i];
  const num = (i: number, rule: NumberRule): number => {
    const value = cells[i];
    const parsed = parseNumberValue(value);
    if (parsed === undefined) {
      const code = cellErrorCode(value);
      throw new InputError(
        header(i),
        code
          ? `${header(i)} is the cell error ${code}`
          : `${header(i)} must be a number, got ${describeValue(value)}`,
      );
    }
    checkNumber(header(i), parsed, rule, value);
    return parsed;
  };
  const text = (i: number, required: boolean): string => {
    const value = cells[i];
    if (typeof value === 'number') return String(value);
    if (Object.prototype.toString.call(value) === '[object Date]') return isoDate(value as Date);
    if (typeof value !== 'string' || (required && value.trim() === '') || cellErrorCode(value)) {
      if (!required && isBlankCell(value)) return '';
      throw new InputError(header(i), `${header(i)} must be text, got ${describeValue(value)}`);
    }
    // Trimmed: names match ignoring spaces, in the scenario sheet's formulas as in the engine.
    return value.trim();
  };
  const name = text(0, true);
  if (normalizeName(name) === '') {
    // It would match text such as "-" typed for any name, and a blank cell in the sheet.
    throw new InputError(
      header(0),
      `${header(0)} must have more than spaces, "-" and "_", got ${describeValue(name)}`,
    );
  }
  const aliases = text(aliasColumn(spec), false)
    .split(',')
    .map((alias) => alias.trim())
    .filter((alias) => normalizeName(alias) !== '');
  return {
    blank: (i) => isBlankCell(cells[i]),
    num,
    text,
    row: (figures, sourceAt) => ({
      name,
      ...figures,
      source: text(sourceAt, false),
      asOf: text(sourceAt + 1, false),
      ...(aliases.length > 0 ? { aliases } : {}),
    }),
  };
}

/** Each table's row from its cells, column by column. */
const ROW_READERS: {
  readonly [K in TableKey]: (cells: RowCells) => Catalog[K][number];
} = {
  models: (cells): ModelRow =>
    cells.row(
      {
        paramsBillions: cells.num(1, 'positive'),
        // Blank: filled in from the size by readCatalogGrid (scaleFromSize).
        scale: cells.blank(2) ? 0 : cells.num(2, 'positive'),
      },
      3,
    ),
  methods: (cells): MethodRow =>
    cells.row(
      {
        timeFactor: cells.num(1, 'positive'),
        flopsPerParamToken: cells.num(2, 'positive'),
        weightBytesPerParam: cells.num(3, 'nonNegative'),
        trainableFraction: cells.num(4, 'fraction'),
        stateBytesPerTrainableParam: cells.num(5, 'nonNegative'),
      },
      6,
    ),
  gpus: (cells): GpuRow =>
    cells.row(
      {
        peakTflopsBf16: cells.num(1, 'positive'),
        memoryGb: cells.num(2, 'positive'),
        speedVsH100: cells.num(3, 'positive'),
      },
      4,
    ),
  providers: (cells): ProviderRow =>
    cells.row(
      {
        gpu: cells.text(1, true),
        pricePerGpuHour: cells.num(2, 'nonNegative'),
        pricing: pricing(cells.text(3, false)),
      },
      4,
    ),
  apis: (cells): ApiRow =>
    cells.row(
      {
        inputPricePer1K: cells.num(1, 'nonNegative'),
        outputPricePer1K: cells.num(2, 'nonNegative'),
      },
      3,
    ),
  managed: (cells): ManagedFineTuningRow => {
    // Columns 6 on (method, size limit, minimum, hosting): blank in a sheet made before them.
    const optional = (i: number, rule: NumberRule): number | undefined =>
      cells.blank(i) ? undefined : cells.num(i, rule);
    const priced = {
      pricePer1MTrainingTokens: cells.num(1, 'nonNegative'),
      // Blank: no serving price cited (the scenario leaves the managed monthly cost blank).
      inferenceApi: cells.text(2, false),
    };
    const method = cells.text(6, false);
    const upToBillions = optional(7, 'positive');
    const minimumCharge = optional(8, 'nonNegative');
    const hostingPerMonth = optional(9, 'nonNegative');
    return cells.row(
      {
        ...priced,
        ...(method !== '' ? { method } : {}),
        ...(upToBillions !== undefined ? { upToBillions } : {}),
        ...(minimumCharge !== undefined ? { minimumCharge } : {}),
        ...(hostingPerMonth !== undefined ? { hostingPerMonth } : {}),
      },
      3,
    );
  },
};

/** A table's row read from its cells; throws an InputError naming the bad column. */
export function parseRow(spec: TableSpec, cells: readonly CellIn[]): Catalog[TableKey][number] {
  return ROW_READERS[spec.key](rowCells(spec, cells));
}

function pricing(text: string): PricingKind {
  const kinds: readonly PricingKind[] = ['on-demand', 'spot', 'amortized'];
  if (text === '') return 'on-demand';
  const found = kinds.find((kind) => normalizeName(kind) === normalizeName(text));
  if (!found) {
    throw new InputError(
      'Pricing',
      `Pricing must be on-demand, spot or amortized, got ${describeValue(text)}`,
    );
  }
  return found;
}

function isoDate(date: Date): string {
  const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
