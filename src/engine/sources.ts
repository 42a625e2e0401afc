// Which catalog rows a scenario uses, with their source and as-of date, and whether a
// date is older than a year: prices drift, so a view flags a row a team should check.
import type { Catalog, Sourced } from './catalog';
import type { ResolvedScenario } from './scenario';

/** A row older than this (by its As of date) is flagged. */
export const STALE_AFTER_MONTHS = 12;

export interface RowUsed {
  /** What the row is for: "Model", "Method", "GPU provider", "GPU", "API". */
  readonly role: string;
  readonly name: string;
  readonly source: string;
  /** As written in the catalog ("" when the row has none). */
  readonly asOf: string;
  /** True when asOf is a date more than STALE_AFTER_MONTHS before `today`. */
  readonly stale: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** True when `asOf` (YYYY-MM-DD) is more than 12 months before `today` (YYYY-MM-DD). */
export function isStale(asOf: string, today: string): boolean {
  const then = ISO_DATE.exec(asOf);
  const now = ISO_DATE.exec(today);
  if (!then || !now) return false;
  const months = (Number(now[1]) - Number(then[1])) * 12 + (Number(now[2]) - Number(then[2]));
  return months > STALE_AFTER_MONTHS || (months === STALE_AFTER_MONTHS && now[3] > then[3]);
}

/**
 * The catalog rows a resolved scenario took its figures from (a model given as a size, a
 * rate or prices typed in use no row), each with its as-of date and whether it is stale.
 */
export function rowsUsed(resolved: ResolvedScenario, catalog: Catalog, today: string): RowUsed[] {
  const used: RowUsed[] = [];
  const add = (role: string, row: (Sourced & { name: string }) | undefined): void => {
    if (!row) return;
    used.push({
      role,
      name: row.name,
      source: row.source,
      asOf: row.asOf,
      stale: isStale(row.asOf, today),
    });
  };
  const named = <Row extends { name: string }>(rows: readonly Row[], name: string) =>
    rows.find((row) => row.name === name);
  add('Model', named(catalog.models, resolved.model.name));
  add('Method', named(catalog.methods, resolved.method.name));
  add('GPU provider', named(catalog.providers, resolved.provider.name));
  add('GPU', named(catalog.gpus, resolved.provider.gpu.name));
  add('API', named(catalog.apis, resolved.api.name));
  return used;
}
