// SpreadsheetApp.newConditionalFormatRule(): the builder and the rule it builds, recording
// what Sheets would receive so tests can assert it (the emulator does not paint cells by a
// rule: a test evaluates the recorded formula). As Apps Script's ConditionalFormatRuleBuilder
// (reference, read 2026-12-06): a local object until Sheet.setConditionalFormatRules, so its
// methods are not counted as calls; whenFormulaSatisfied takes a formula string, setRanges an
// array of Range, setBackground a CSS colour (null clears it); build() needs a condition.
import type { Emulates } from './spreadsheet';

type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** A rule as the sheet holds it. */
export interface ConditionalFormatRecord {
  /** Apps Script's BooleanCriteria name: only CUSTOM_FORMULA is emulated. */
  readonly criteria: 'CUSTOM_FORMULA';
  /** The formula, as given (relative to the top-left cell of the first range). */
  readonly formula: string;
  readonly background: string | null;
  /** The ranges the rule applies to, as "Sheet" and A1 notation. */
  readonly ranges: readonly { readonly sheet: string; readonly a1: string }[];
}

/** What a range offers the builder: where it is. */
interface Located {
  describe(): { sheet: string; a1: string };
}

const isLocated = (value: unknown): value is Located =>
  typeof value === 'object' && value !== null && typeof (value as Located).describe === 'function';

function badArguments(method: string, value: unknown): Error {
  return new Error(
    `The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.${method}.`,
  );
}

/** A CSS colour as Sheets takes one: #rgb or #rrggbb, or a name of letters. */
const COLOUR = /^(#[0-9a-f]{3}|#[0-9a-f]{6}|[a-z]+)$/i;

export class EmulatedConditionalFormatRule {
  constructor(readonly record: ConditionalFormatRecord) {}
}

export class EmulatedConditionalFormatRuleBuilder implements Emulates<
  GasBuilder,
  'whenFormulaSatisfied' | 'setBackground' | 'setRanges' | 'build'
> {
  private formula: string | undefined;
  private background: string | null = null;
  private ranges: { sheet: string; a1: string }[] = [];

  whenFormulaSatisfied(formula: unknown): this {
    if (typeof formula !== 'string') throw badArguments('whenFormulaSatisfied', formula);
    // Sheets' custom formula rule reads its value as a formula only when it starts with "=".
    if (!formula.startsWith('=')) {
      throw new Error(`A custom formula rule needs a formula that starts with "=": ${formula}`);
    }
    this.formula = formula;
    return this;
  }

  setBackground(color: unknown): this {
    if (color !== null && (typeof color !== 'string' || !COLOUR.test(color))) {
      throw badArguments('setBackground', color);
    }
    this.background = color;
    return this;
  }

  setRanges(ranges: unknown): this {
    if (!Array.isArray(ranges) || ranges.length === 0 || !ranges.every(isLocated)) {
      throw badArguments('setRanges', ranges);
    }
    this.ranges = (ranges as Located[]).map((range) => range.describe());
    return this;
  }

  build(): EmulatedConditionalFormatRule {
    if (this.formula === undefined) throw new Error('A conditional format rule needs a condition.');
    if (this.ranges.length === 0) throw new Error('A conditional format rule needs a range.');
    return new EmulatedConditionalFormatRule({
      criteria: 'CUSTOM_FORMULA',
      formula: this.formula,
      background: this.background,
      ranges: this.ranges.slice(),
    });
  }
}

/** The records of rules given to setConditionalFormatRules, checked: built rules of this sheet. */
export function recordsOf(sheet: string, rules: unknown): ConditionalFormatRecord[] {
  if (
    !Array.isArray(rules) ||
    !rules.every((rule) => rule instanceof EmulatedConditionalFormatRule)
  ) {
    throw new Error(
      `The parameters (${typeof rules}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`,
    );
  }
  return (rules as EmulatedConditionalFormatRule[]).map((rule) => {
    const elsewhere = rule.record.ranges.find((range) => range.sheet !== sheet);
    if (elsewhere) {
      throw new Error(
        `A conditional format rule of sheet ${sheet} cannot apply to a range of sheet ${elsewhere.sheet}.`,
      );
    }
    return rule.record;
  });
}
