// The calls the sidebar makes through google.script.run, and what they carry.
// google.script.run passes only primitives and plain objects of them (no Date,
// no class instances), so everything here is plain data.
import type { BreakEven, Catalog, ScenarioInput } from '../engine';

/** What getCatalog() returns: the built-in rows plus the user's rows from the catalog sheet. */
export interface CatalogResponse {
  readonly catalog: Catalog;
  /** Problems found in the user's catalog rows (skipped rows), each naming the sheet row. */
  readonly warnings: readonly string[];
}

/** What generateScenario() returns. */
export interface ScenarioSummary {
  readonly sheetName: string;
  readonly trainingHours: number;
  readonly trainingCost: number;
  readonly upfrontCost: number;
  readonly monthlyApiCost: number;
  readonly monthlyFinetunedCost: number;
  readonly breakEvenMonths: BreakEven;
  readonly roi36: number;
  readonly verdict: string;
}

/** The server functions the sidebar may call, by name. */
export interface ServerFunctions {
  getCatalog(): CatalogResponse;
  generateScenario(input: Partial<ScenarioInput>): ScenarioSummary;
}
