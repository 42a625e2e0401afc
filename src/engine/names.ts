import type {
  ApiRow,
  Catalog,
  GpuRow,
  ManagedFineTuningRow,
  MethodRow,
  ModelRow,
  Named,
} from './catalog';
import type { MeasuredRun } from './calibration';
import { BUILT_IN_CATALOG } from './catalog';
import { InputError, describeValue } from './errors';
import { DEFAULT_STALE_AFTER_DAYS } from './freshness';
import { cellErrorCode, checkNumber, parseNumberValue } from './numbers';
import { interpolatedScale } from './views';
import { bracketWanted, pickBracket } from './managed';

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

/**
 * How a key is written where MATCH compares it (the catalog sheet's key columns, a scenario's
 * key cells): ' ~ * ? as '' 'c 'a 'b. Sheets, Excel and LibreOffice read * ? ~ in MATCH as
 * wildcards; so spelled, a key holds none, and different keys stay different.
 */
export const KEY_ESCAPES: readonly (readonly [string, string])[] = [
  ["'", "''"],
  ['~', "'c"],
  ['*', "'a"],
  ['?', "'b"],
];

/** A key as the sheet writes it (KEY_ESCAPES). */
export function escapeKey(key: string): string {
  return KEY_ESCAPES.reduce((text, [from, to]) => text.split(from).join(to), key);
}

/** The key a sheet key stands for (undoes escapeKey). */
export function unescapeKey(key: string): string {
  return key.replace(/'(['abc])/g, (_, code: string) =>
    code === "'" ? "'" : code === 'a' ? '*' : code === 'b' ? '?' : '~',
  );
}

// "8", "8B", "8 b", "0.5B": a model size in billions of parameters ("-5B" is read,
// to be refused as a size rather than looked up as a name).
const SIZE_TEXT = /^\s*(-?\d+(?:\.\d+)?)\s*b?\s*$/i;

// A size at the end of a model's name: "Llama 8B", "Mistral-7B", "Qwen2.5 14B" (not "gpt4b").
export const SIZE_IN_NAME = /[\s\-_](\d+(?:\.\d+)?)\s*b\s*$/i;

export type NamedRow = Named;

/** The catalog's tables that rows are found in by name. */
export type Table = 'models' | 'methods' | 'gpus' | 'providers' | 'apis' | 'managed';

/** A table's rows by normalized name or alias, and its names for prefix matching. */
interface NameIndex {
  readonly exact: Map<string, NamedRow>;
  readonly names: readonly (readonly [string, NamedRow])[];
}

/**
 * Looks names up in one catalog, by the rules every view shares (README, "Names"): an
 * exact match of a row's name or alias, ignoring case, spaces, "-" and "_" (of two rows
 * with one name the lower wins); else the one row whose name starts with the text (an
 * ambiguous start is an error listing the rows it could be); for a model, else a size at
 * the end of the name ("Mistral 7B" is a 7B model). Indexes are built on first use, not
 * at load time. (A range reads each distinct cell once: see src/functions/cells.ts.)
 */
export class CatalogIndex {
  readonly catalog: Catalog;
  /** Notes about the catalog sheet's rows (skipped rows): quoted when a name is not found. */
  readonly notes: readonly string[];
  private readonly indexes = new Map<Table, NameIndex>();
  private modelsBySize: readonly ModelRow[] | undefined;

  /** The catalog sheet's staleness threshold in days (src/engine/freshness.ts). */
  readonly staleAfterDays: number;

  constructor(
    catalog: Catalog,
    notes: readonly string[] = [],
    staleAfterDays = DEFAULT_STALE_AFTER_DAYS,
    /** The catalog sheet's measured runs (issue 19): what the calibration fits. */
    readonly runs: readonly MeasuredRun[] = [],
  ) {
    this.catalog = catalog;
    this.notes = notes;
    this.staleAfterDays = staleAfterDays;
  }

  /** A catalog model by name, or a size in billions (8, "8B", "Mistral 7B"), interpolated. */
  model(argument: string, value: unknown): ResolvedModel {
    const size = typeof value === 'number' ? value : readSizeText(value);
    if (size !== undefined) return this.sizedModel(argument, size, value, `${formatSize(size)}B`);
    const alternative = 'or a size in billions such as 8';
    const row = this.match(argument, value, 'models', this.catalog.models);
    if (row) return row as ModelRow;
    const inName = typeof value === 'string' ? SIZE_IN_NAME.exec(value) : null;
    if (!inName) return this.notFound(argument, value, this.catalog.models, alternative);
    return this.sizedModel(argument, Number(inName[1]), value, String(value).trim());
  }

  private sizedModel(argument: string, size: number, value: unknown, name: string): ResolvedModel {
    checkNumber(argument, size, 'positive', value);
    const scale = this.scaleForSize(size);
    // Past about 1e297B the rule's extrapolated scale overflows: no estimate to give.
    if (!Number.isFinite(scale)) {
      throw new InputError(argument, `${argument} size ${size}B is too large to estimate`);
    }
    return { name, paramsBillions: size, scale };
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
    if (models.length === 1) return interpolatedScale(paramsBillions, models[0]);
    let upper = models.findIndex((model) => model.paramsBillions >= paramsBillions);
    if (upper >= 0 && models[upper].paramsBillions === paramsBillions) return models[upper].scale;
    // Beyond either end, extend the nearest segment.
    if (upper <= 0) upper = upper === 0 ? 1 : models.length - 1;
    // The arithmetic is the scenario model's (scaleBetweenOf), so the sheet computes the same.
    return interpolatedScale(paramsBillions, models[upper - 1], models[upper]);
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
    const found = this.match(argument, value, table, rows);
    if (found) return found as Row;
    return this.notFound(argument, value, rows, alternative);
  }

  private notFound(
    argument: string,
    value: unknown,
    rows: readonly NamedRow[],
    alternative: string,
  ): never {
    const named = typeof value === 'string' && value.trim() !== '';
    throw new InputError(
      argument,
      named
        ? `${argument} ${describeValue(value)} ${NOT_IN_CATALOG}`
        : `${argument} must be a name from the catalog${alternative ? ` ${alternative}` : ''}, got ${describeValue(value)}`,
      this.knownNames(rows, named ? normalizeName(value) : ''),
    );
  }

  /**
   * The row a name picks, by the rules every view shares: an exact match of a name or an
   * alias (normalized), then a unique prefix of one row's name. A cell error and an
   * ambiguous prefix throw; no match gives undefined.
   */
  private match(
    argument: string,
    value: unknown,
    table: Table,
    rows: readonly NamedRow[],
  ): NamedRow | undefined {
    const errorCode = cellErrorCode(value);
    if (typeof value !== 'string' || value.trim() === '') {
      if (errorCode) throw cellError(argument, errorCode);
      return undefined;
    }
    const index = this.nameIndex(table, rows);
    const key = normalizeName(value);
    const exact = index.exact.get(key);
    if (exact) return exact;
    if (errorCode) throw cellError(argument, errorCode);
    if (key === '') return undefined;
    const candidates: NamedRow[] = [];
    for (const [name, row] of index.names) {
      if (name.startsWith(key)) candidates.push(row);
    }
    if (candidates.length === 1) return candidates[0];
    if (candidates.length > 1) {
      throw new InputError(
        argument,
        `${argument} ${describeValue(value)} could be ${listNames(candidates.map((row) => row.name))}`,
        'Type more of the name',
      );
    }
    return undefined;
  }

  private nameIndex(table: Table, rows: readonly NamedRow[]): NameIndex {
    let index = this.indexes.get(table);
    if (!index) {
      // Later rows overwrite earlier ones: of two rows with one name, the lowest wins.
      const exact = new Map<string, NamedRow>();
      const names = new Map<string, NamedRow>();
      for (const row of rows) {
        const key = normalizeName(row.name);
        names.set(key, row);
        exact.set(key, row);
        for (const alias of row.aliases ?? []) {
          const aliasKey = normalizeName(alias);
          if (aliasKey !== '') exact.set(aliasKey, row);
        }
      }
      index = { exact, names: [...names] };
      this.indexes.set(table, index);
    }
    return index;
  }

  /** "Known: ..." (capped), and the catalog sheet's notes about rows of that name. */
  private knownNames(rows: readonly NamedRow[], key: string): string {
    const quoted = `"${key}"`;
    const notes =
      key === '' ? [] : this.notes.filter((note) => normalizeName(note).includes(quoted));
    const known = `Known: ${listNames(teamRowsFirst(rows.map((row) => row.name)))}`;
    return notes.length > 0 ? `${known}. ${notes.slice(0, 2).join(' ')}` : known;
  }
}

function cellError(argument: string, code: string): InputError {
  return new InputError(argument, `${argument} is the cell error ${code}: fix that cell first`);
}

/** Where names come from, for a name that matches no row. */
export const NOT_IN_CATALOG = 'is not in the FT Catalog sheet or the built-in catalog';

/**
 * Names listed in a message: enough to see what is there (every built-in row of the
 * longest table, 13 providers, and a few of a team's), few enough to read.
 */
const NAMES_SHOWN = 20;

let builtInNames: Set<string> | undefined;

/**
 * The team's own names (the catalog sheet's rows that are not built-in) before the
 * built-in ones: a list cut short then hides built-in rows, never the team's.
 */
function teamRowsFirst(names: readonly string[]): string[] {
  const isBuiltIn = (name: string): boolean => {
    if (!builtInNames) {
      const rows: readonly Named[] = Object.values(BUILT_IN_CATALOG).flat();
      builtInNames = new Set(rows.map((row) => normalizeName(row.name)));
    }
    return builtInNames.has(normalizeName(name));
  };
  return [...names.filter((name) => !isBuiltIn(name)), ...names.filter(isBuiltIn)];
}

/** "a, b, c" or "a, b, ... and 20 more". */
function listNames(names: readonly string[]): string {
  const unique = [...new Set(names)];
  if (unique.length <= NAMES_SHOWN) return unique.join(', ');
  return `${unique.slice(0, NAMES_SHOWN).join(', ')} and ${unique.length - NAMES_SHOWN} more`;
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

/** A managed fine-tuning price as the calculations need it: the bracket's row and inference API. */
export interface ResolvedManaged {
  readonly name: string;
  readonly pricePer1MTrainingTokens: number;
  readonly minimumCharge: number;
  readonly hostingPerMonth: number;
  /** Undefined when the price row names none: no serving price was cited for it. */
  readonly inferenceApi: ResolvedApi | undefined;
}

/**
 * A managed service by name (blank for the catalog's first) priced for a model size and a
 * method (undefined: rows for every size or method only), with its inference API row.
 */
export function resolveManaged(
  index: CatalogIndex,
  argument: string,
  value: unknown,
  sizeBillions?: number,
  method?: string,
): ResolvedManaged {
  const service = index.managed(argument, value);
  const key = normalizeName(service.name);
  const rows = index.catalog.managed.filter((row) => normalizeName(row.name) === key);
  const row = pickBracket(rows, sizeBillions, method);
  if (!row) {
    const prices = rows.map(
      (price) =>
        `${price.method ?? 'any method'} up to ${price.upToBillions === undefined ? 'any size' : `${price.upToBillions}B`}`,
    );
    throw new InputError(
      argument,
      `${argument} "${service.name}" has no price for ${bracketWanted(sizeBillions, method)}`,
      `Its prices: ${listNames(prices)}; give the model and method, or add a row to the FT Catalog sheet`,
    );
  }
  return {
    name: row.name,
    pricePer1MTrainingTokens: row.pricePer1MTrainingTokens,
    minimumCharge: row.minimumCharge ?? 0,
    hostingPerMonth: row.hostingPerMonth ?? 0,
    inferenceApi:
      row.inferenceApi === ''
        ? undefined
        : index.api(`${argument} inference API`, row.inferenceApi),
  };
}
