/** How a figure's number is shown: a currency prefix or a unit after the number. */
export type FigureUnit =
  | '$'
  | '$/h'
  | '%'
  | 'x'
  | 'h'
  | 'h/year'
  | 'GB'
  | 'B params'
  | 'months'
  | 'years'
  | 'days'
  | 'runs/year'
  | 'runs/month'
  | 'batches'
  | 'batches/month'
  | 'requests/month'
  | 'snippets/month'
  | 'tokens'
  | 'examples'
  | '';

/** U+2212: a hyphen is not a minus sign, and the audit also writes ranges. */
export const MINUS = '\u2212';
/** U+2013: joins the ends of a range ("$500–$5,000"), so a hyphen never reads as a range. */
export const EN_DASH = '\u2013';
/** Money is shown to the cent unless a figure asks for its exact value. */
export const CENTS = 2;

/** The units whose values are dollars; they are shown with cents ($24.90, $1.10/h). */
export function isMoney(unit: FigureUnit): boolean {
  return unit === '$' || unit === '$/h';
}

/**
 * `value` (not negative) rounded half away from zero to `decimals` places. toFixed
 * alone rounds the binary double, so a half cent such as 2.675 (2.67499999... in
 * binary) would go down; the 15 significant digits drop that noise first.
 */
function roundedDigits(value: number, decimals: number): string {
  const [mantissa, exponent = '0'] = value.toPrecision(15).split('e');
  const scaled = Math.round(Number(`${mantissa}e${Number(exponent) + decimals}`));
  return (scaled / 10 ** decimals).toFixed(decimals);
}

/**
 * A number rounded to at most `decimals` places, trailing zeros dropped, with
 * thousands separators: 1001.245 → "1,001.245", 13.349933 (2) → "13.35",
 * −996.71 → "−996.71" (a real minus sign).
 * Written by hand (not toLocaleString) so the audit never depends on the ICU build.
 */
export function formatNumber(value: number, decimals: number): string {
  const sign = value < 0 ? MINUS : '';
  const fixed = roundedDigits(Math.abs(value), decimals);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  const shown = trimmed ? `${grouped}.${trimmed}` : grouped;
  // "−0" is not an honest value: a negative that rounds to zero shows as 0.
  return shown === '0' ? '0' : `${sign}${shown}`;
}

/** A dollar amount with its sign before the "$" and cents as money is written: "−$24.90". */
function formatDollars(value: number, decimals: number): string {
  const amount = formatNumber(Math.abs(value), decimals);
  // Cents as money is written: $24.90, not $24.9.
  const cents = /\.\d$/.test(amount) ? `${amount}0` : amount;
  return `${value < 0 && amount !== '0' ? MINUS : ''}$${cents}`;
}

/** The units formatWithUnit writes against the number; every other one follows a space. */
const UNITS_WITHOUT_SPACE: readonly FigureUnit[] = ['$', '$/h', '%', 'x', ''];

/** A number with its unit: "$1,001.25", "13.35 months", "75%". */
export function formatWithUnit(value: number, unit: FigureUnit, decimals: number): string {
  switch (unit) {
    case '$':
      return formatDollars(value, decimals);
    case '$/h':
      return `${formatDollars(value, decimals)}/h`;
    case '%':
      return `${formatNumber(value * 100, decimals)}%`;
    case 'x':
      return `${formatNumber(value, decimals)}x`;
    case '':
      return formatNumber(value, decimals);
    default:
      return `${formatNumber(value, decimals)} ${unit}`;
  }
}

/**
 * The ends of a range joined by an en dash, without spaces: "$1,000.31–$3,002.49",
 * "$2.49/h–$3.98/h". A unit written after a space is given once, at the end, as in
 * "5,000–500,000 examples", so the dash sits between the two numbers.
 */
export function formatRange(low: number, high: number, unit: FigureUnit, decimals: number): string {
  const lowText = UNITS_WITHOUT_SPACE.includes(unit)
    ? formatWithUnit(low, unit, decimals)
    : formatNumber(low, decimals);
  return `${lowText}${EN_DASH}${formatWithUnit(high, unit, decimals)}`;
}
