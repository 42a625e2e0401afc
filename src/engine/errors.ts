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
    return `'${shown}'${describeLookAlikes(value)}`;
  }
  if (typeof value === 'number') {
    // Never show a raw NaN or Infinity: a cell's user did not type either.
    if (Number.isNaN(value)) return 'an invalid number';
    if (!Number.isFinite(value))
      return value > 0 ? 'an infinite number' : 'a negative infinite number';
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // Not `instanceof`: a Date made in another realm (a sheet, a test's vm) must be recognised too.
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a date';
  if (Array.isArray(value)) return 'a range';
  return 'an unreadable value';
}

// Characters that look like a plain letter, digit, space or dash but are not one:
// Greek and Cyrillic letters, odd spaces, zero-width marks, dashes, full-width forms.
const LOOK_ALIKE =
  /[\u00a0\u00ad\u0370-\u03ff\u0400-\u04ff\u2000-\u2015\u2028-\u202f\u2060\ufeff\uff01-\uff5e]/g;

/** " (it contains U+0430, ...)" when text holds look-alike characters, so "Llаma" vs "Llama" is explained. */
function describeLookAlikes(text: string): string {
  const found = Array.from(new Set(text.match(LOOK_ALIKE) ?? [])).slice(0, 3);
  if (found.length === 0) return '';
  const codes = found.map(
    (char) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return ` (it contains ${codes.join(', ')}, which only look${codes.length === 1 ? 's' : ''} like a plain letter, digit, space or dash)`;
}
