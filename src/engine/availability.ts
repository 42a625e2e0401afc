// Issue 20: offers end. A catalog row may say from when and until when it can be bought
// (each date with its source), and a scenario has a start date, so its horizon ends on a
// real day. Dates are ISO text (YYYY-MM-DD) in the catalog and Sheets' serial day numbers
// in the scenario's date arithmetic (EDATE, TEXT), as a Sheets date cell holds them.

/** The optional dates of a catalog row. "Available until" is the last day it can be used. */
export interface Availability {
  /** First day the offer can be used (YYYY-MM-DD). */
  readonly availableFrom?: string;
  readonly availableFromSource?: string;
  /** Last day the offer can be used (YYYY-MM-DD): the day before its shutdown. */
  readonly availableUntil?: string;
  readonly availableUntilSource?: string;
}

export type AvailabilityField = keyof Availability;

/** The four fields in the catalog sheet's column order. */
export const AVAILABILITY_FIELDS: readonly AvailabilityField[] = [
  'availableFrom',
  'availableFromSource',
  'availableUntil',
  'availableUntilSource',
];
