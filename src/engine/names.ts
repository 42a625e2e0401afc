import type { ApiRow, Catalog, GpuRow, MethodRow, ModelRow } from './catalog';
import { BUILT_IN_CATALOG } from './catalog';
import { InputError, describeValue } from './errors';
import { cellErrorCode, checkNumber, isBlank, parseNumberValue } from './numbers';

/** A model as the calculations need it: a catalog row or an interpolated size. */
export interface ResolvedModel {
  readonly name: string;
  readonly paramsBillions: number;
  readonly scale: number;
}

export interface ResolvedProvider {
  readonly name: string;
  readonly gpu: GpuRow;
  readonly pricePerGpuHour: number;
}

export interface ResolvedApi {
  readonly name: string;
  readonly inputPricePer1K: number;
  readonly outputPricePer1K: number;
}

/** "Llama-13B", " llama 13b " and "LLAMA_13B" all become "llama13b". */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[\s\-_]+/g, '');
}

// "8", "8B", "8 b", "0.5B": a model size in billions of parameters.
const SIZE_TEXT = /^\s*(\d+(?:\.\d+)?)\s*b?\s*$/i;

interface NamedRow {
  readonly name: string;
}

/** The catalog's tables that rows are found in by name. */
type Table = 'models' | 'methods' | 'gpus' | 'providers' | 'apis';

/** Resolved values remembered per index and kind; a full memo is emptied, not grown. */
const MEMO_LIMIT = 1000;

/**
 * Remembers what a raw cell value resolved to, so a column that repeats a few names
 * (or sizes, or rates) normalises and looks each one up once. Only successful
 * lookups are kept: an invalid value is read, and its error built, every time.
 */
class Memo<Value> {
  private readonly entries = new Map<unknown, Value>();

  get(raw: unknown): Value | undefined {
    return this.entries.get(raw);
  }

  remember(raw: unknown, value: Value): Value {
    if (typeof raw === 'string' || typeof raw === 'number') {
      if (this.entries.size >= MEMO_LIMIT) this.entries.clear();
      this.entries.set(raw, value);
    }
    return value;
  }
}

/**
 * Looks names up in one catalog. Indexes are built on first use, not at load time,
 * and what each raw value resolved to is remembered (a catalog does not change).
 */
export class CatalogIndex {
  readonly catalog: Catalog;
  private readonly indexes = new Map<string, Map<string, NamedRow>>();
  private readonly found: Record<Table, Memo<NamedRow>> = {
    models: new Memo(),
    methods: new Memo(),
    gpus: new Memo(),
    providers: new Memo(),
    apis: new Memo(),
  };
  private readonly models = new Memo<ResolvedModel>();
  private readonly providers = new Memo<ResolvedProvider>();
  private modelsBySize: readonly ModelRow[] | undefined;

  constructor(catalog: Catalog) {
    this.catalog = catalog;
  }

  /** A catalog model by name, or a size in billions (8 or "8B"), interpolated. */
  model(argument: string, value: unknown): ResolvedModel {
    const known = this.models.get(value);
    if (known) return known;
    const size = typeof value === 'number' ? value : readSizeText(value);
    if (size !== undefined) {
      checkNumber(argument, size, 'positive', value);
      return this.models.remember(value, {
        name: `${formatSize(size)}B`,
        paramsBillions: size,
        scale: this.scaleForSize(size),
      });
    }
    return this.models.remember(
      value,
      this.find(argument, value, 'models', this.catalog.models, 'or a size in billions such as 8'),
    );
  }

  /** A fine-tuning method by name (full, LoRA, QLoRA). */
  method(argument: string, value: unknown): MethodRow {
    return this.find(argument, value, 'methods', this.catalog.methods, '');
  }

  /** A GPU by name (H100, A100). */
  gpu(argument: string, value: unknown): GpuRow {
    return this.find(argument, value, 'gpus', this.catalog.gpus, '');
  }

  /** A provider by name, or a $ per H100-hour rate. */
  provider(argument: string, value: unknown): ResolvedProvider {
    const known = this.providers.get(value);
    if (known) return known;
    const rate = parseNumberValue(value);
    if (rate !== undefined) {
      checkNumber(argument, rate, 'nonNegative', value);
      return this.providers.remember(value, {
        name: `$${rate}/GPU-hour`,
        gpu: this.gpu('gpu', 'H100'),
        pricePerGpuHour: rate,
      });
    }
    const row = this.find(
      argument,
      value,
      'providers',
      this.catalog.providers,
      'or a $ per GPU-hour rate',
    );
    return this.providers.remember(value, {
      name: row.name,
      gpu: this.gpu(`${argument} GPU`, row.gpu),
      pricePerGpuHour: row.pricePerGpuHour,
    });
  }

  /** An API's prices by name. */
  api(argument: string, value: unknown): ResolvedApi {
    const row: ApiRow = this.find(
      argument,
      value,
      'apis',
      this.catalog.apis,
      'or a $ per 1K-token price',
    );
    return row;
  }

  /** The article's scale factor for a size, interpolated in log(params)-log(scale). */
  scaleForSize(paramsBillions: number): number {
    const models = this.sortedModels();
    if (models.length === 1) return models[0].scale * (paramsBillions / models[0].paramsBillions);
    let upper = models.findIndex((model) => model.paramsBillions >= paramsBillions);
    if (upper >= 0 && models[upper].paramsBillions === paramsBillions) return models[upper].scale;
    // Beyond either end, extend the nearest segment.
    if (upper <= 0) upper = upper === 0 ? 1 : models.length - 1;
    const low = models[upper - 1];
    const high = models[upper];
    const slope =
      Math.log(high.scale / low.scale) / Math.log(high.paramsBillions / low.paramsBillions);
    return low.scale * Math.exp(slope * Math.log(paramsBillions / low.paramsBillions));
  }

  private sortedModels(): readonly ModelRow[] {
    if (!this.modelsBySize) {
      const bySize = new Map<number, ModelRow>();
      for (const model of this.catalog.models) {
        if (!bySize.has(model.paramsBillions)) bySize.set(model.paramsBillions, model);
      }
      this.modelsBySize = [...bySize.values()].sort((a, b) => a.paramsBillions - b.paramsBillions);
    }
    return this.modelsBySize;
  }

  private find<Row extends NamedRow>(
    argument: string,
    value: unknown,
    table: Table,
    rows: readonly Row[],
    alternative: string,
  ): Row {
    const found = this.found[table];
    const known = found.get(value) as Row | undefined;
    if (known) return known;
    if (typeof value !== 'string' || isBlank(value) || value.trim() === '') {
      const errorCode = cellErrorCode(value);
      const problem = errorCode
        ? `${argument} is the cell error ${errorCode}: fix that cell first`
        : `${argument} must be a name from the catalog${alternative ? ` ${alternative}` : ''}, got ${describeValue(value)}`;
      throw new InputError(argument, problem, errorCode ? '' : knownNames(rows));
    }
    let index = this.indexes.get(table);
    if (!index) {
      index = new Map();
      for (const row of rows) {
        const key = normalizeName(row.name);
        if (!index.has(key)) index.set(key, row);
      }
      this.indexes.set(table, index);
    }
    const row = index.get(normalizeName(value)) as Row | undefined;
    if (!row) {
      const errorCode = cellErrorCode(value);
      if (errorCode) {
        throw new InputError(
          argument,
          `${argument} is the cell error ${errorCode}: fix that cell first`,
        );
      }
      throw new InputError(
        argument,
        `${argument} ${describeValue(value)} is not in the catalog`,
        knownNames(rows),
      );
    }
    found.remember(value, row);
    return row;
  }
}

function knownNames(rows: readonly NamedRow[]): string {
  return `Known: ${rows.map((row) => row.name).join(', ')}`;
}

function readSizeText(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = SIZE_TEXT.exec(value);
  return match ? Number(match[1]) : undefined;
}

function formatSize(size: number): string {
  return String(Math.round(size * 1000) / 1000);
}

let builtIn: CatalogIndex | undefined;

/** The index over the built-in catalog, made on first use. */
export function builtInIndex(): CatalogIndex {
  if (!builtIn) builtIn = new CatalogIndex(BUILT_IN_CATALOG);
  return builtIn;
}
