/** The text a break-even that never happens shows. */
export const NEVER = 'never';
export type BreakEven = number | typeof NEVER;

/** Monthly savings of the fine-tuned path over the API. */
export function monthlySavings(monthlyApiCost: number, monthlyFinetunedCost: number): number {
  return monthlyApiCost - monthlyFinetunedCost;
}

/** Months until the up-front cost is paid back; "never" when savings are not positive. */
export function breakEvenMonths(upfront: number, savingsPerMonth: number): BreakEven {
  return savingsPerMonth > 0 ? upfront / savingsPerMonth : NEVER;
}

/** Net saving after `months`: savings × months − up-front. */
export function roi(upfront: number, savingsPerMonth: number, months: number): number {
  return savingsPerMonth * months - upfront;
}

/** Rented GPU-hours that cost as much as buying: (purchase + yearly × years) / rent. */
export function onPremBreakEvenHours(
  purchasePrice: number,
  hourlyRent: number,
  yearlyRunningCost: number,
  years: number,
): number {
  return (purchasePrice + yearlyRunningCost * years) / hourlyRent;
}

/** Cost of owning per year: purchase spread over `years` plus the yearly running cost. */
export function ownershipCostPerYear(
  purchasePrice: number,
  yearlyRunningCost: number,
  years: number,
): number {
  return purchasePrice / years + yearlyRunningCost;
}
