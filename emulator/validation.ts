// SpreadsheetApp.newDataValidation(): the builder and the rule it builds, recording what
// Sheets would receive so tests can assert it, and checking a typed value against a rule
// as Sheets does when a user types into the cell. A builder is a local object in Apps
// Script (nothing reaches the document until setDataValidation(s)), so its methods are
// not counted as calls.
import type { ValidationRecord } from './cells';
import type { Emulates } from './spreadsheet';

type GasBuilder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;

/** What a range offers the builder: its "Sheet!A1" notation and its current values. */
export interface ValidationSource {
  describe(): { sheet: string; a1: string };
  peekValues(): unknown[][];
}

export function isValidationSource(value: unknown): value is ValidationSource {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ValidationSource).describe === 'function' &&
    typeof (value as ValidationSource).peekValues === 'function'
  );
}

/** A built rule: the record plus, for a range rule, the range (to read its values later). */
export class EmulatedDataValidation {
  constructor(
    readonly record: ValidationRecord,
    readonly source: ValidationSource | undefined,
  ) {}
}

function badArguments(method: string, value: unknown): Error {
  return new Error(
    `The parameters (${typeof value}) don't match the method signature for SpreadsheetApp.DataValidationBuilder.${method}.`,
  );
}

function finite(method: string, ...values: unknown[]): number[] {
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw badArguments(method, value);
  }
  return values as number[];
}

export class EmulatedDataValidationBuilder implements Emulates<
  GasBuilder,
  | 'requireValueInRange'
  | 'requireValueInList'
  | 'requireNumberBetween'
  | 'requireNumberGreaterThan'
  | 'requireNumberGreaterThanOrEqualTo'
  | 'requireDate'
  | 'setAllowInvalid'
  | 'setHelpText'
  | 'getAllowInvalid'
  | 'getHelpText'
  | 'build'
> {
  private criteria = '';
  private args: (string | number | boolean)[] = [];
  private source: ValidationSource | undefined;
  // Apps Script: "The default for a new DataValidationBuilder is true" (a warning, not a rejection).
  private allowInvalid = true;
  private helpText = '';

  requireValueInRange(range: unknown, showDropdown: unknown = true): this {
    if (!isValidationSource(range)) throw badArguments('requireValueInRange', range);
    if (typeof showDropdown !== 'boolean') throw badArguments('requireValueInRange', showDropdown);
    const { sheet, a1 } = range.describe();
    this.criteria = 'VALUE_IN_RANGE';
    this.args = [`${sheet}!${a1}`, showDropdown];
    this.source = range;
    return this;
  }

  requireValueInList(values: unknown, showDropdown: unknown = true): this {
    if (!Array.isArray(values) || values.some((value) => typeof value !== 'string')) {
      throw badArguments('requireValueInList', values);
    }
    this.criteria = 'VALUE_IN_LIST';
    this.args = [(values as string[]).join('\n'), showDropdown === true];
    this.source = undefined;
    return this;
  }

  requireNumberBetween(start: unknown, end: unknown): this {
    const [low, high] = finite('requireNumberBetween', start, end);
    this.criteria = 'NUMBER_BETWEEN';
    this.args = [low, high];
    this.source = undefined;
    return this;
  }

  requireNumberGreaterThan(number: unknown): this {
    this.criteria = 'NUMBER_GREATER_THAN';
    this.args = finite('requireNumberGreaterThan', number);
    this.source = undefined;
    return this;
  }

  requireNumberGreaterThanOrEqualTo(number: unknown): this {
    this.criteria = 'NUMBER_GREATER_THAN_OR_EQUAL_TO';
    this.args = finite('requireNumberGreaterThanOrEqualTo', number);
    this.source = undefined;
    return this;
  }

  requireDate(): this {
    this.criteria = 'DATE_IS_VALID_DATE';
    this.args = [];
    this.source = undefined;
    return this;
  }

  setAllowInvalid(allowInvalidData: unknown): this {
    if (typeof allowInvalidData !== 'boolean')
      throw badArguments('setAllowInvalid', allowInvalidData);
    this.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: unknown): this {
    if (typeof helpText !== 'string') throw badArguments('setHelpText', helpText);
    this.helpText = helpText;
    return this;
  }

  getAllowInvalid(): boolean {
    return this.allowInvalid;
  }

  getHelpText(): string {
    return this.helpText;
  }

  build(): EmulatedDataValidation {
    if (this.criteria === '') throw new Error('You must set a data validation criteria.');
    return new EmulatedDataValidation(
      {
        criteria: this.criteria,
        args: this.args.slice(),
        allowInvalid: this.allowInvalid,
        helpText: this.helpText,
      },
      this.source,
    );
  }
}

/** Whether `value` (as the cell would hold it) meets the rule, as Sheets checks a typed entry. */
export function meetsRule(
  record: ValidationRecord,
  value: unknown,
  source: ValidationSource | undefined,
): boolean {
  if (value === '' || value === null || value === undefined) return true; // a cleared cell
  const number = typeof value === 'number' ? value : NaN;
  const [a, b] = record.args;
  switch (record.criteria) {
    case 'NUMBER_BETWEEN':
      return number >= Number(a) && number <= Number(b);
    case 'NUMBER_GREATER_THAN':
      return number > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return number >= Number(a);
    case 'VALUE_IN_LIST':
      return String(a).split('\n').includes(String(value));
    // Sheets' "is valid date": a date the cell holds (typed text that reads as one became one).
    case 'DATE_IS_VALID_DATE':
      return value instanceof Date || typeof value === 'number';
    case 'VALUE_IN_RANGE': {
      // Sheets compares the entry with the range's cells ignoring case.
      const wanted = String(value).toLowerCase();
      const cells = source ? source.peekValues().flat() : [];
      return cells.some((cell) => cell !== '' && String(cell).toLowerCase() === wanted);
    }
    default:
      return true;
  }
}

/**
 * The rule in words, as Sheets words an entry it refuses or marks when the rule has no help
 * text ("Input must be ..."); the playground shows it in its refusal and on the warning mark.
 */
export function describeRule(record: ValidationRecord): string {
  const [a, b] = record.args;
  switch (record.criteria) {
    case 'NUMBER_BETWEEN':
      return `Input must be a number between ${a} and ${b}.`;
    case 'NUMBER_GREATER_THAN':
      return `Input must be a number greater than ${a}.`;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return `Input must be a number greater than or equal to ${a}.`;
    case 'VALUE_IN_LIST':
      return 'Input must be an item on the specified list.';
    case 'DATE_IS_VALID_DATE':
      return 'Input must be a valid date.';
    case 'VALUE_IN_RANGE':
      return `Input must fall within specified range ${String(a)}.`;
    default:
      return 'Input must meet the rule for this cell.';
  }
}
