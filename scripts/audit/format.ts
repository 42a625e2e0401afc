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

/**
 * A number rounded to at most `decimals` places, trailing zeros dropped, with
 * thousands separators: 1001.245 → "1,001.245", 13.349933 (2) → "13.35".
 * Written by hand (not toLocaleString) so the audit never depends on the ICU build.
 */
export function formatNumber(value: number, decimals: number): string {
  const sign = value < 0 ? '-' : '';
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole, fraction = ''] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const trimmed = fraction.replace(/0+$/, '');
  const shown = trimmed ? `${grouped}.${trimmed}` : grouped;
  // "-0" is not an honest value: a negative that rounds to zero shows as 0.
  return shown === '0' ? '0' : `${sign}${shown}`;
}

/** A number with its unit: "$1,001.245", "13.35 months", "75%". */
export function formatWithUnit(value: number, unit: FigureUnit, decimals: number): string {
  switch (unit) {
    case '$': {
      const amount = formatNumber(Math.abs(value), decimals);
      // Cents as money is written: $24.90, not $24.9.
      const cents = /\.\d$/.test(amount) ? `${amount}0` : amount;
      return `${value < 0 && amount !== '0' ? '-' : ''}$${cents}`;
    }
    case '$/h':
      return `$${formatNumber(value, decimals)}/h`;
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
