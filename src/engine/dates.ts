// Dates as Sheets numbers them: serial day numbers (1899-12-30 is day 0), ISO text, EDATE.
// One set of conversions for everything that reads or writes a date (availability,
// freshness, the scenario's start date and timeline).

/** Sheets' serial number of 1970-01-01 (day 0 is 1899-12-30). */
export const SERIAL_1970 = 25569;
const DAY_MS = 86400000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The serial day number of an ISO date, or undefined when the text is not a real date. */
export function serialOfIso(iso: string): number | undefined {
  const match = ISO_DAY.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  // 2027-02-30 is no day: Date.UTC would roll it into March.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return time / DAY_MS + SERIAL_1970;
}

/** The ISO date (YYYY-MM-DD) of a serial day number (its whole days). */
export function isoOfSerial(serial: number): string {
  return new Date(Math.round((Math.floor(serial) - SERIAL_1970) * DAY_MS))
    .toISOString()
    .slice(0, 10);
}

/** The last day a Sheets date can be: 9999-12-31. */
export const MAX_DATE_SERIAL = 2958465;

/**
 * Sheets' EDATE: the same day some months later, or that month's last day; a whole day.
 * NaN past 9999-12-31 (Sheets and HyperFormula say #NUM!).
 */
export function edate(serial: number, months: number): number {
  const start = new Date((Math.floor(serial) - SERIAL_1970) * DAY_MS);
  const total = start.getUTCFullYear() * 12 + start.getUTCMonth() + Math.trunc(months);
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(start.getUTCDate(), lastDay);
  const result = Date.UTC(year, month, day) / DAY_MS + SERIAL_1970;
  return result > MAX_DATE_SERIAL ? NaN : result;
}

/** The default start of a scenario: the first day of the month after `today`, as ISO. */
export function firstOfNextMonth(today: Date): string {
  const next = new Date(Date.UTC(today.getFullYear(), today.getMonth() + 1, 1));
  return next.toISOString().slice(0, 10);
}

/** A date as Sheets' DATE(y, m, d) numbers it: months and days roll over, a year below 1900 gains 1900. */
export const serialOfDate = (y: number, m: number, d: number): number =>
  Date.UTC(y < 1900 ? y + 1900 : y, m - 1, d) / DAY_MS + SERIAL_1970;

/** A local date as YYYY-MM-DD: the default clock (the user's day, as Sheets' TODAY()). */
export function isoToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
