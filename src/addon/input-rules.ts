// The data validation of each scenario input, from the engine's field list: the rule Sheets
// checks when a user types into the yellow cell, and the help text it shows.
import { HOURS_FROM, MAX_HORIZON_MONTHS, ruleText } from '../engine';
import type { FieldSpec } from '../engine';
import { CATALOG_SHEET } from './catalog-sheet';
import type { TableKey } from './catalog-sheet';

export type InputRule =
  | { kind: 'list'; table: TableKey; allowInvalid: true; helpText: string }
  | { kind: 'choices'; values: readonly string[]; allowInvalid: false; helpText: string }
  | { kind: 'date'; allowInvalid: false; helpText: string }
  | { kind: 'between'; min: number; max: number; allowInvalid: false; helpText: string }
  | { kind: 'above' | 'atLeast'; min: number; allowInvalid: false; helpText: string };

const LIST_TABLE: Partial<Record<FieldSpec['kind'], TableKey>> = {
  model: 'models',
  method: 'methods',
  provider: 'providers',
  api: 'apis',
  managed: 'managed',
};

/** What else a name cell accepts besides the catalog's names (the engine reads it too). */
const TYPED_INSTEAD: Partial<Record<FieldSpec['kind'], string>> = {
  model: ' or type a size in billions such as 8 or 8B',
  provider: ' or type a $ per H100-hour rate such as 2.49',
};

/**
 * The rule for one input. Catalog names are a dropdown over the catalog sheet's name column
 * (rows a user adds appear), allowing other text with a warning: a size, a rate, or a name
 * spelt another way ("llama-13b") that the formulas still match. Numbers follow the engine's
 * rule and are rejected otherwise, with the engine's words as help.
 */
export function inputRule(field: FieldSpec): InputRule {
  const table = LIST_TABLE[field.kind];
  if (table) {
    return {
      kind: 'list',
      table,
      allowInvalid: true,
      helpText:
        `${field.label}: pick a row of the ${CATALOG_SHEET} sheet (rows you add there are listed)` +
        `${TYPED_INSTEAD[field.kind] ?? ''}. Other text is allowed and marked: the verdict says if it matches no row.`,
    };
  }
  const help = field.help ? ` ${field.help}.` : '';
  if (field.kind === 'hoursFrom') {
    return {
      kind: 'choices',
      values: HOURS_FROM,
      allowInvalid: false,
      helpText: `${field.label}: ${field.help}.`,
    };
  }
  // A date rule: Sheets turns "2027-01-01" typed into the cell into a date and refuses text
  // that is none (the formulas read text YYYY-MM-DD as well, should one get there).
  if (field.kind === 'date') {
    return {
      kind: 'date',
      allowInvalid: false,
      helpText: `${field.label} must be a date, such as 2027-01-01.${help}`,
    };
  }
  if (field.kind === 'months') {
    return {
      kind: 'between',
      min: 1,
      max: MAX_HORIZON_MONTHS,
      allowInvalid: false,
      helpText: `${field.label} must be whole months from 1 to ${MAX_HORIZON_MONTHS}.`,
    };
  }
  switch (field.rule) {
    case 'fraction':
      // Sheets has no "above 0 and at most 1": 0 passes here and the engine's check names it.
      return {
        kind: 'between',
        min: 0,
        max: 1,
        allowInvalid: false,
        helpText: `${field.label} must be ${ruleText('fraction')}: type 35% or 0.35, not 35.${help}`,
      };
    case 'rate':
      return {
        kind: 'above',
        min: -1,
        allowInvalid: false,
        helpText: `${field.label} must be ${ruleText('rate')}.${help}`,
      };
    case 'positive':
      return {
        kind: 'above',
        min: 0,
        allowInvalid: false,
        helpText: `${field.label} must be ${ruleText('positive')}.${help}`,
      };
    default:
      return {
        kind: 'atLeast',
        min: 0,
        allowInvalid: false,
        helpText: `${field.label} must be ${ruleText('nonNegative')}.${help}`,
      };
  }
}
