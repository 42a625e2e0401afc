// A new scenario sheet in the spreadsheet: the scenario computed from the catalog sheet's
// catalog, the catalog sheet created or completed, the sheet inserted and written; a
// failure half-way removes what this run made.
import { CatalogIndex, computeScenario, resolveScenario } from '../engine';
import type { ScenarioSummary } from '../shared/contract';
import { catalogTableEnds, readCatalogState } from './catalog/state';
import { writeCatalog } from './catalog/write';
import { Changes, failure } from './changes';
import { SCENARIO_METADATA_KEY } from './markers';
import { scenarioMarkerValue } from './compare';
import { insertUniqueSheet } from './new-sheets';
import { scenarioLayout } from './scenario-layout';
import { writeScenario } from './scenario-writer';

const MAX_SHEET_NAME = 90;

function sheetNameFor(model: string, method: string): string {
  // Sheet names cannot hold every character a model name may: keep it short and plain.
  const base = `Scenario ${model} ${method}`
    .split('')
    .map((ch) => (ch < ' ' ? ' ' : ch))
    .join('')
    .trim();
  return base.length > MAX_SHEET_NAME ? base.slice(0, MAX_SHEET_NAME).trim() : base;
}

/** The options' `cases` (default true); anything but a boolean there is refused by name. */
function casesOption(options: unknown): boolean {
  if (options === undefined || options === null) return true;
  if (typeof options !== 'object')
    throw new Error('options must be an object such as { cases: false }');
  const cases: unknown = (options as { cases?: unknown }).cases;
  if (cases === undefined) return true;
  if (typeof cases !== 'boolean') throw new Error('options.cases must be true or false');
  return cases;
}

/**
 * Writes a new scenario sheet for `input` (fields left out take their defaults) as live
 * formulas over its inputs and the catalog sheet (created first when missing), and
 * returns the engine's numbers. Invalid input throws the engine's message before
 * anything is written; a failure half-way removes what this run created. The caller holds
 * the document lock.
 */
export function writeScenarioSheet(input: unknown, options?: unknown): ScenarioSummary {
  const fillCases = casesOption(options);
  const changes = new Changes();
  let name = '';
  let warnings: readonly string[] = [];
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const state = readCatalogState(spreadsheet);
    warnings = state.warnings;
    const index = new CatalogIndex(state.catalog, [], state.staleAfterDays, state.runs);
    const result = computeScenario(resolveScenario(input ?? {}, index), index);
    const layout = scenarioLayout(result, index, catalogTableEnds(state), { fillCases });
    const catalog = writeCatalog(spreadsheet, state, changes);
    const base = sheetNameFor(result.resolved.model.name, result.resolved.method.name);
    const inserted = insertUniqueSheet(spreadsheet, base, changes);
    name = inserted.name;
    // What compareScenarios finds it by, whatever the sheet is renamed to, and where its
    // headline cells are in this layout.
    inserted.sheet.addDeveloperMetadata(SCENARIO_METADATA_KEY, scenarioMarkerValue(layout.cells));
    writeScenario(inserted.sheet, layout, catalog.sheet);
    return {
      sheetName: name,
      trainingHours: result.training.providerHours,
      trainingCost: result.training.gpuCost,
      upfrontCost: result.upfront.total,
      monthlyApiCost: result.monthly.api,
      monthlyFinetunedCost: result.monthly.finetuned,
      breakEvenMonths: result.breakEvenMonths,
      roi36: result.roi.months36,
      verdict: result.verdict.text,
      ...result.finance,
    };
  } catch (error) {
    if (error instanceof Error && error.name === 'InputError') {
      // A name the user's catalog sheet got wrong reads as "not in the catalog": say why.
      if (warnings.length > 0) error.message += ` (${warnings.join(' ')})`;
      throw error;
    }
    throw failure(
      name ? `write the scenario sheet "${name}"` : 'create the scenario sheet',
      error,
      changes,
    );
  }
}
