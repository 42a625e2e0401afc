// SpreadsheetApp.newConditionalFormatRule(): the builder, the rule it builds and what a sheet
// records of it, checked as strictly as Apps Script checks it: a condition, a format and
// at least one range are needed to build; a custom formula starts with "="; a colour is a
// CSS hex colour; a sheet takes only rules whose ranges are its own. Only the parts the
// add-in uses are emulated (a custom-formula condition and a background); any other method
// is absent, so a script that calls one fails here as it would need a new emulation.
import type { Emulates } from './spreadsheet';

type GasBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** What a sheet records of one rule: its formula, its background, its ranges ("A1:B2"). */
export interface ConditionalFormatRecord {
  readonly formula: string;
  readonly background: string;
  readonly ranges: readonly string[];
}

/** What a range offers a rule: its sheet's name and its A1 notation (no call is counted). */
interface RuleRange {
  describe(): { sheet: string; a1: string };
}

const isRuleRange = (value: unknown): value is RuleRange =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RuleRange).describe === 'function';

function badArguments(method: string, value: unknown): Error {
  return new Error(
    `The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.${method}.`,
  );
}

/** A built rule: what setConditionalFormatRules records, with the sheet its ranges are on. */
export class EmulatedConditionalFormatRule {
  constructor(
    readonly record: ConditionalFormatRecord,
    readonly sheet: string,
  ) {}
}

export class EmulatedConditionalFormatRuleBuilder implements Emulates<
  GasBuilder,
  'whenFormulaSatisfied' | 'setBackground' | 'setRanges' | 'build'
> {
  private formula = '';
  private background = '';
  private ranges: RuleRange[] = [];

  whenFormulaSatisfied(formula: unknown): this {
    if (typeof formula !== 'string') throw badArguments('whenFormulaSatisfied', formula);
    // Sheets refuses a custom formula that is not one.
    if (!formula.startsWith('=') || formula.length < 2)
      throw new Error('Invalid argument: formula');
    this.formula = formula;
    return this;
  }

  setBackground(color: unknown): this {
    if (typeof color !== 'string') throw badArguments('setBackground', color);
    if (!/^#[0-9a-f]{6}$/i.test(color)) throw new Error(`Invalid argument: color (${color})`);
    this.background = color.toLowerCase();
    return this;
  }

  setRanges(ranges: unknown): this {
    if (!Array.isArray(ranges) || !ranges.every(isRuleRange))
      throw badArguments('setRanges', ranges);
    this.ranges = ranges.slice();
    return this;
  }

  build(): EmulatedConditionalFormatRule {
    if (this.formula === '' || this.background === '' || this.ranges.length === 0) {
      throw new Error(
        'Conditional format rule is incomplete: it needs a condition, a format and a range.',
      );
    }
    const places = this.ranges.map((range) => range.describe());
    if (places.some((place) => place.sheet !== places[0].sheet)) {
      throw new Error('Conditional format rule ranges must all be on one sheet.');
    }
    return new EmulatedConditionalFormatRule(
      { formula: this.formula, background: this.background, ranges: places.map((p) => p.a1) },
      places[0].sheet,
    );
  }
}

/** The records of rules set on the sheet `sheet`; a rule of another sheet or not a rule is refused. */
export function conditionalFormatRecords(sheet: string, rules: unknown): ConditionalFormatRecord[] {
  if (!Array.isArray(rules)) {
    throw new Error(
      `The parameters (${typeof rules}) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.`,
    );
  }
  return rules.map((rule) => {
    if (!(rule instanceof EmulatedConditionalFormatRule)) {
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
      );
    }
    if (rule.sheet !== sheet) {
      throw new Error(
        `A conditional format rule's ranges are on sheet ${rule.sheet}, not ${sheet}.`,
      );
    }
    return { ...rule.record, ranges: rule.record.ranges.slice() };
  });
}
