// How the preview shows numbers: US dollars, hours and months, en-US grouping.
import type { BreakEven } from '../src/engine';

/** Dollars: cents below $1,000, whole dollars above; negative with a minus sign. */
export function usd(value: number): string {
  // Judged on the amount rounded to cents: $999.997 shows as $1,000, not $1,000.00.
  const digits = Math.round(Math.abs(value) * 100) >= 100000 ? 0 : 2;
  const text = Math.abs(value).toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${value < 0 ? '−' : ''}$${text}`;
}

/** Hours with up to two decimals (three significant digits for small values). */
export function hours(value: number): string {
  if (value !== 0 && Math.abs(value) < 0.01) return `${value.toPrecision(2)} h`;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} h`;
}

/** Break-even months to one decimal, or "never". */
export function months(value: BreakEven): string {
  if (value === 'never') return 'never';
  const rounded = Math.round(value * 10) / 10;
  return `${rounded.toLocaleString('en-US')} ${rounded === 1 ? 'month' : 'months'}`;
}

/** A compact dollar label for a chart axis: $950, $12K, $3.4M. */
export function usdShort(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `$${trim(value / 1e6)}M`;
  if (abs >= 1e3) return `$${trim(value / 1e3)}K`;
  return `$${Math.round(value)}`;
}

function trim(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: value >= 100 ? 0 : 1 });
}
