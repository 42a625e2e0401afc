// Inputs (A:D): one row per SCENARIO_FIELDS entry, yellow = editable, D checks each.
// Number cells read text that holds a number as that number (VALUE), so a number typed
// with a leading apostrophe or into a Plain text cell counts; Check says what is wrong.
import { INPUT_CHECKS, SCENARIO_FIELDS, serialOfIso } from '../../engine';
import type {
  CatalogIndex,
  FieldSpec,
  FieldUnit,
  ScenarioField,
  ScenarioResult,
} from '../../engine';
import type { Block } from './block';
import { FORMAT, INPUT_BACKGROUND } from './grid';
import type { CellOut } from './grid';
import { HEADER_ROW, rel, TITLE_ROW } from './places';

/** An input cell and the engine's field it holds (for data validation and reading it back). */
export interface InputCell {
  readonly row: number;
  readonly column: number;
  readonly field: FieldSpec;
}

/** An input's number format: its unit's, whole months. */
const UNIT_FORMAT: Record<FieldUnit, string> = { ...FORMAT, months: '0', date: 'yyyy-mm-dd' };

/** The cell value a resolved name is written as: the catalog's spelling, or its number. */
function inputCell(result: ScenarioResult, index: CatalogIndex, key: ScenarioField): CellOut {
  const { input, model, method, provider, api } = result.resolved;
  const catalog = index.catalog;
  switch (key) {
    case 'model':
      // A catalog row by its name; a size typed as text ("8B", "Mistral 7B") as typed, so the
      // sheet keeps the name; a number as the number.
      return catalog.models.some((row) => row.name === model.name) ||
        typeof input.model === 'string'
        ? model.name
        : model.paramsBillions;
    case 'method':
      return method.name;
    case 'provider':
      return catalog.providers.some((row) => row.name === provider.name)
        ? provider.name
        : provider.pricePerGpuHour;
    case 'api':
      return api.name;
    case 'managedService':
      return result.resolved.managed.name;
    case 'startDate':
      // A date cell holds its serial day number; the format shows it as a date.
      return serialOfIso(input.startDate) ?? '';
    default: {
      const value = input[key];
      return typeof value === 'number' ? value : '';
    }
  }
}

/** Writes the Inputs block; returns its input cells, one per field, in order. */
export function writeInputs(block: Block): InputCell[] {
  const { grid, places, formula } = block;
  const inputs: InputCell[] = [];
  grid.label(TITLE_ROW, 1, 'Inputs (yellow cells are yours to edit)', true);
  grid.header(HEADER_ROW, 1, ['Input', 'Value', 'Notes', 'Check']);
  SCENARIO_FIELDS.forEach((field) => {
    const row = places.inputRow.get(field.key) ?? 0;
    grid.label(row, 1, field.label);
    grid.text(row, 2, inputCell(block.result, block.index, field.key), UNIT_FORMAT[field.unit]);
    grid.background(row, 2, INPUT_BACKGROUND);
    grid.label(row, 3, field.help);
    places.cells[`input.${field.key}`] = rel(2, row);
    inputs.push({ row, column: 2, field });
  });
  for (const check of INPUT_CHECKS()) {
    grid.set(places.inputRow.get(check.field) ?? 0, 4, formula(check.expr));
  }
  return inputs;
}
