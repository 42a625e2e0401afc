import type { ApiRow, Catalog, GpuRow, ManagedFineTuningRow, MethodRow, ModelRow } from './catalog';
import { BUILT_IN_CATALOG } from './catalog';
import { InputError, describeValue } from './errors';
import { cellErrorCode, checkNumber, parseNumberValue } from './numbers';

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

// "8", "8B", "8 b", "0.5B": a model size in billions of parameters ("-5B" is read,
// to be refused as a size rather than looked up as a name).
const SIZE_TEXT = /^\s*(-?\d+(?:\.\d+)?)\s*b?\s*$/i;

export interface NamedRow {
  readonly name: string;
}

/** The catalog's tables that rows are found in by name. */
export type Table = 'models' | 'methods' | 'gpus' | 'providers' | 'apis' | 'managed';

/**
 * Looks names up in one catalog. Indexes are built on first use, not at load time.
 * (A range reads each distinct cell once: see src/functions/cells.ts.)
 */
export class CatalogIndex {
  readonly catalog: Catalog;
  private readonly indexes = new Map<string, Map<string, NamedRow>>();
  private modelsBySize: readonly ModelRow[] | undefined;

  constructor(catalog: Catalog) {
    this.catalog = catalog;
  }

  /** A catalog model by name, or a size in billions (8 or "8B"), interpolated. */
  model(argument: string, value: unknown): ResolvedModel {
    const size = typeof value === 'number' ? value : readSizeText(value);
    if (size === undefined) {
      return this.find(
        argument,
        value,
        'models',
        this.catalog.models,
        'or a size in billions such as 8',
      );
    }
    checkNumber(argument, size, 'positive', value);
    const scale = this.scaleForSize(size);
    // Past about 1e297B the rule's extrapolated scale overflows: no estimate to give.
    if (!Number.isFinite(scale)) {
      throw new InputError(argument, `${argument} size ${size}B is too large to estimate`);
    }
    return { name: `${formatSize(size)}B`, paramsBillions: size, scale };
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
    const rate = parseNumberValue(value);
    if (rate !== undefined) {
      checkNumber(argument, rate, 'nonNegative', value);
      return { name: `$${rate}/GPU-hour`, gpu: this.gpu('gpu', 'H100'), pricePerGpuHour: rate };
    }
    const row = this.find(
      argument,
      value,
      'providers',
      this.catalog.providers,
      'or a $ per GPU-hour rate',
    );
    return {
      name: row.name,
      gpu: this.gpu(`${argument} GPU`, row.gpu),
      pricePerGpuHour: row.pricePerGpuHour,
    };
  }

  /** An API's prices by name (a price is not an API: callers that take one read it first). */
  api(argument: string, value: unknown): ResolvedApi {
    return this.find<ApiRow>(argument, value, 'apis', this.catalog.apis, '');
  }

  /**
   * The row a name stands for in one table by the name rules (no sizes or rates), or
   * undefined: the scenario's lookups evaluate with this, as the sheet's lookup formulas do.
   */
  findRow(table: Table, value: unknown): NamedRow | undefined {
    if (typeof value !== 'string' || value.trim() === '') return undefined;
    try {
      const rows: readonly NamedRow[] = this.catalog[table];
      return this.find('name', value, table, rows, '');
    } catch {
      return undefined;
    }
  }

  /** A managed fine-tuning service by name; blank is the catalog's first. */
  managed(argument: string, value: unknown): ManagedFineTuningRow {
    const rows = this.catalog.managed;
    const blank = value === '' || value === null || value === undefined;
    if (blank && rows.length > 0) return rows[0];
    return this.find(argument, value, 'managed', rows, '');
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
    const named = typeof value === 'string' && value.trim() !== '';
    let index = this.indexes.get(table);
    if (named && !index) {
      index = new Map();
      for (const row of rows) {
        const key = normalizeName(row.name);
        if (!index.has(key)) index.set(key, row);
      }
      this.indexes.set(table, index);
    }
    const row = named ? index?.get(normalizeName(value)) : undefined;
    if (row) return row as Row;
    const errorCode = cellErrorCode(value);
    if (errorCode) {
      throw new InputError(
        argument,
        `${argument} is the cell error ${errorCode}: fix that cell first`,
      );
    }
    throw new InputError(
      argument,
      named
        ? `${argument} ${describeValue(value)} is not in the catalog`
        : `${argument} must be a name from the catalog${alternative ? ` ${alternative}` : ''}, got ${describeValue(value)}`,
      knownNames(rows),
    );
  }
}

function knownNames(rows: readonly NamedRow[]): string {
  return `Known: ${rows.map((row) => row.name).join(', ')}`;
}

export function readSizeText(value: unknown): number | undefined {
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
