import { InputError, describeValue } from './errors';

/**
 * What a numeric argument may be. Every rule is an interval of finite numbers: a range
 * relies on it to take whole counts without checking each (src/functions/cells.ts).
 */
export type NumberRule = 'positive' | 'nonNegative' | 'fraction' | 'rate' | 'finite';

export const RULE_TEXT: Readonly<Record<NumberRule, string>> = {
  positive: 'a positive number',
  nonNegative: 'a number that is zero or more',
  fraction: 'a number above 0 and at most 1 (e.g. 0.35 or 35%)',
  rate: 'a rate above -100% (e.g. 5% or 0.05)',
  finite: 'a number',
};

// Sheets' error values, which can reach a custom function as text inside a range.
const CELL_ERROR = /^#(N\/A|REF!|VALUE!|DIV\/0!|NUM!|NAME\?|NULL!|ERROR!|SPILL!|CALC!)$/i;
// "50,000", " 50000 ", "$2.49", "5e4", "-3", "35%": the ways a number arrives as text.
const NUMBER_TEXT = /^\$?[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?(e[+-]?\d+)?%?$/i;

/** What a rule asks for, in the words of the engine's messages ("a positive number"). */
export function ruleText(rule: NumberRule): string {
  return RULE_TEXT[rule];
}

/** True for the values a blank cell arrives as. */
export function isBlank(value: unknown): boolean {
  return value === '' || value === null || value === undefined;
}

/** The cell-error code ("#N/A") a value stands for, or undefined. */
export function cellErrorCode(value: unknown): string | undefined {
  return typeof value === 'string' && CELL_ERROR.test(value.trim())
    ? value.trim().toUpperCase()
    : undefined;
}

/**
 * Reads a number the way a spreadsheet user writes one, or throws an InputError
 * that names the argument. Text such as "50,000" or " 50000 " is read; booleans,
 * dates, blanks and other text are errors, never a silent zero.
 */
export function readNumber(argument: string, value: unknown, rule: NumberRule): number {
  const parsed = parseNumberValue(value);
  if (parsed === undefined) {
    const errorCode = cellErrorCode(value);
    if (errorCode) {
      throw new InputError(
        argument,
        `${argument} is the cell error ${errorCode}: fix that cell first`,
      );
    }
    throw new InputError(
      argument,
      `${argument} must be ${RULE_TEXT[rule]}, got ${describeValue(value)}`,
    );
  }
  checkNumber(argument, parsed, rule, value);
  return parsed;
}

/** Whether a number follows a rule. Every rule is an interval of finite numbers. */
export function followsRule(value: number, rule: NumberRule): boolean {
  return (
    Number.isFinite(value) &&
    (rule === 'finite' ||
      (rule === 'positive'
        ? value > 0
        : rule === 'nonNegative'
          ? value >= 0
          : rule === 'rate'
            ? value > -1
            : value > 0 && value <= 1))
  );
}

/** Checks an already-numeric value against a rule; throws an InputError naming the argument. */
export function checkNumber(
  argument: string,
  value: number,
  rule: NumberRule,
  shown: unknown = value,
): void {
  if (!followsRule(value, rule)) {
    throw new InputError(
      argument,
      `${argument} must be ${RULE_TEXT[rule]}, got ${describeValue(shown)}`,
    );
  }
}

/** A finite number from a number or from number-like text; undefined for anything else. */
export function parseNumberValue(value: unknown): number | undefined {
  // + 0 turns −0 into 0: a sheet shows both as 0, and a range, which reads equal cells
  // once, could not tell them apart.
  if (typeof value === 'number') return Number.isFinite(value) ? value + 0 : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || !NUMBER_TEXT.test(text) || !/\d/.test(text)) return undefined;
  const isPercent = text.endsWith('%');
  const digits = text.replace(/[$,%]/g, '');
  const parsed = Number(digits) + 0;
  if (!Number.isFinite(parsed)) return undefined;
  return isPercent ? parsed / 100 : parsed;
}
