// Which catalog rows a scenario uses, with their source and as-of date, and whether a price
// is stale (src/engine/freshness.ts): prices drift, so a view flags a row a team should check.
import type { Catalog, Sourced } from './catalog';
import { isStale, PRICE_TABLES, priceAge } from './freshness';
import { pickBracket } from './managed';
import { normalizeName } from './names';
import type { TableKey } from './expr';
import type { ResolvedScenario } from './scenario';

export interface RowUsed {
  /**
   * What the row is for: "Model", "Method", "GPU provider", "GPU", "API", "Managed fine-tuning"
   * (the price row of the model's size and method), "Managed inference API".
   */
  readonly role: string;
  readonly name: string;
  readonly source: string;
  /** As written in the catalog ("" when the row has none). */
  readonly asOf: string;
  /** A price row's age in days on the day given (undefined: not a price, or no date). */
  readonly ageDays?: number;
  /** True for a price row older than the threshold (never for a model, method or GPU). */
  readonly stale: boolean;
}

/**
 * The catalog rows a resolved scenario took its figures from (a model given as a size, a
 * rate or prices typed in use no row), each with its as-of date and, for a price, its age on
 * `today` (YYYY-MM-DD) and whether it is older than `staleAfterDays`.
 */
export function rowsUsed(
  resolved: ResolvedScenario,
  catalog: Catalog,
  today: string,
  staleAfterDays?: number,
): RowUsed[] {
  const used: RowUsed[] = [];
  const add = <Key extends TableKey>(
    role: string,
    table: Key,
    name: string,
    found?: Sourced & { name: string },
  ): void => {
    const rows: readonly (Sourced & { name: string })[] = catalog[table];
    const row = found ?? rows.find((candidate) => candidate.name === name);
    if (!row) return;
    const price = PRICE_TABLES.includes(table);
    const ageDays = price ? priceAge(row.asOf, today) : undefined;
    used.push({
      role,
      name: row.name,
      source: row.source,
      asOf: row.asOf,
      ...(ageDays === undefined ? {} : { ageDays }),
      stale: price && isStale(row.asOf, today, staleAfterDays),
    });
  };
  add('Model', 'models', resolved.model.name);
  add('Method', 'methods', resolved.method.name);
  add('GPU provider', 'providers', resolved.provider.name);
  add('GPU', 'gpus', resolved.provider.gpu.name);
  add('API', 'apis', resolved.api.name);
  // The service's price row for this model's size and method, and its inference API (issue 20).
  const key = normalizeName(resolved.managed.name);
  const service = catalog.managed.filter((row) => normalizeName(row.name) === key);
  const price = pickBracket(service, resolved.model.paramsBillions, resolved.method.name);
  if (price) {
    add('Managed fine-tuning', 'managed', price.name, price);
    add('Managed inference API', 'apis', price.inferenceApi);
  }
  return used;
}

/** A catalog's stale price rows on `today`: "GPU providers: AWS on-demand (as of ..., N days)". */
export function stalePrices(catalog: Catalog, today: string, staleAfterDays?: number): string[] {
  const titles: Readonly<Record<string, string>> = {
    providers: 'GPU provider',
    apis: 'API',
    managed: 'Managed fine-tuning',
  };
  return PRICE_TABLES.flatMap((table) =>
    (catalog[table] as readonly (Sourced & { name: string })[])
      .filter((row) => isStale(row.asOf, today, staleAfterDays))
      .map(
        (row) =>
          `${titles[table]} ${row.name} (as of ${row.asOf}, ${priceAge(row.asOf, today) ?? '?'} days)`,
      ),
  );
}
