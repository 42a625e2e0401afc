/** The text a break-even that never happens shows. */
export const NEVER = 'never';
export type BreakEven = number | typeof NEVER;
