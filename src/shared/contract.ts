// The calls the sidebar makes through google.script.run, and what they carry.
// google.script.run passes only primitives and plain objects of them (no Date,
// no class instances), so everything here is plain data.
import type { BreakEven, Catalog, MeasuredRun, ScenarioInput } from '../engine';

/** What getCatalog() returns: the built-in rows plus the user's rows from the catalog sheet. */
export interface CatalogResponse {
  readonly catalog: Catalog;
  /** Problems found in the user's catalog rows (skipped rows), each naming the sheet row. */
  readonly warnings: readonly string[];
  /** The catalog sheet's staleness threshold in days (src/engine/freshness.ts). */
  readonly staleAfterDays: number;
  /** The catalog sheet's measured runs (issue 19), which calibrate the compute-bound hours. */
  readonly runs?: readonly MeasuredRun[];
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
  /** Issue 14: NPV at the horizon with volume growth and the cost of money. */
  readonly npv: number;
  /** Months until the grown, discounted savings repay the up-front cost, or why not. */
  readonly discountedPaybackMonths: number | 'never' | 'beyond the horizon';
  readonly gpusNeeded: number;
  readonly trainingCostLow: number;
  readonly trainingCostHigh: number;
  readonly breakEvenRequestsPerMonth: number | 'never';
  /** The managed path (e.g. OpenAI's fine-tuning): training, monthly inference, break-even. */
  /**
   * Null when the service has no price for the model's size and method (issue 20); the
   * monthly cost and break-even are null too when that price names no serving price.
   */
  readonly managedTrainingCost: number | null;
  readonly managedMonthlyCost: number | null;
  readonly managedBreakEvenMonths: BreakEven | null;
}

/** What insertCatalogSheet() returns. */
export interface CatalogSheetResult {
  readonly sheetName: string;
  /** True when the sheet was created, false when an existing one was completed. */
  readonly created: boolean;
  /** Built-in rows written (all of them for a new sheet, the missing ones otherwise). */
  readonly rowsAdded: number;
  /** Problems found in the user's rows, as getCatalog() reports them. */
  readonly warnings: readonly string[];
}

/** What compareScenarios() returns: the name of the sheet it wrote or refreshed. */
export interface CompareResult {
  readonly sheetName: string;
}

/** What getScenarioInputs() returns for a scenario sheet: its name and its input cells. */
export interface ScenarioInputsResponse {
  readonly sheetName: string;
  /** Field key → the cell's value ('' for a blank). */
  readonly input: Readonly<Record<string, string | number>>;
}

/** How generateScenario writes the sheet besides its inputs. */
export interface ScenarioSheetOptions {
  /** Issue 21: the best and worst cases filled from the article's ±30% (default true). */
  readonly cases?: boolean;
}

/** The server functions the sidebar may call, by name. */
export interface ServerFunctions {
  getCatalog(): CatalogResponse;
  generateScenario(input: Partial<ScenarioInput>, options?: ScenarioSheetOptions): ScenarioSummary;
  compareScenarios(): CompareResult;
  getScenarioInputs(): ScenarioInputsResponse | null;
}
