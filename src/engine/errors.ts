/**
 * The one error type the engine throws. Its message is written for a spreadsheet
 * user: it names the argument and says what was wrong with the value; a hint
 * (e.g. the known names) follows after a full stop.
 */
export class InputError extends Error {
  /** The argument the message is about, e.g. "examples". */
  readonly argument: string;
  /** What is wrong, without the hint: "examples must be a positive number, got -5". */
  readonly problem: string;
  /** What would be right, e.g. "Known: Llama 7B, Llama 13B". */
  readonly hint: string;

  constructor(argument: string, problem: string, hint = '') {
    super(hint ? `${problem}. ${hint}` : problem);
    this.name = 'InputError';
    this.argument = argument;
    this.problem = problem;
    this.hint = hint;
  }
}

/** Shows a user's value in a message: text quoted and shortened, numbers as they are. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'a blank';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return `'${shown}'`;
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Not `instanceof`: a Date made in another realm (a sheet, a test's vm) must be recognised too.
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a date';
  if (Array.isArray(value)) return 'a range';
  return 'an unreadable value';
}
