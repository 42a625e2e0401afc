// A small formatter for the Sheets number formats the add-in writes: sections
// (positive;negative;zero;text), literal text in quotes or after a backslash,
// currency signs, #,##0 grouping, 0.00 decimals, % and @, and dates and times
// (yyyy-mm-dd, h:mm:ss) over Sheets' serial numbers. Anything else is shown as
// written, so an unusual format still shows its number.
import { wallClockMs } from '../../emulator/cells';

const DAY_MS = 86400000;
/** Day 0 of Sheets' serial dates: 1899-12-30. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

/** A date as Sheets holds it: days since 1899-12-30 on the spreadsheet's clock (a fraction for the time). */
export function dateSerial(date: Date, timeZone: string): number {
  return (wallClockMs(date, timeZone) - EPOCH_MS) / DAY_MS;
}

/** The format Sheets gives a date typed into an automatic cell: the date, and the time if any. */
export function defaultDateFormat(serial: number): string {
  return Number.isInteger(serial) ? 'yyyy-mm-dd' : 'yyyy-mm-dd hh:mm:ss';
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Whether a format section is a date or time format (y, m, d, h or s outside quotes). */
function isDateSection(section: string): boolean {
  return /[ymdhs]/i.test(section.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, ''));
}

/** A serial date shown with a Sheets date format: yyyy, yy, mmmm, mmm, mm, m, dddd, ddd, dd, d, hh, h, ss, s, AM/PM. */
function formatDate(serial: number, section: string): string {
  const time = new Date(EPOCH_MS + Math.round((serial * DAY_MS) / 1000) * 1000);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const tokens =
    section.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|./gi) ??
    [];
  const twelve = tokens.some((token) => /^(am\/pm|a\/p)$/i.test(token));
  const hours = time.getUTCHours();
  const shownHours = twelve ? hours % 12 || 12 : hours;
  return tokens
    .map((token, index) => {
      const lower = token.toLowerCase();
      // "m" right after an hour or right before a second is minutes, as in Sheets.
      const minutes =
        lower.startsWith('m') &&
        lower.length <= 2 &&
        (/^h/i.test(
          tokens
            .slice(0, index)
            .filter((t) => /^[a-z]/i.test(t))
            .pop() ?? '',
        ) ||
          /^s/i.test(tokens.slice(index + 1).find((t) => /^[a-z]/i.test(t)) ?? ''));
      if (minutes) return lower === 'mm' ? pad(time.getUTCMinutes()) : String(time.getUTCMinutes());
      switch (lower) {
        case 'yyyy':
          return String(time.getUTCFullYear());
        case 'yy':
          return pad(time.getUTCFullYear() % 100);
        case 'mmmm':
          return MONTH_NAMES[time.getUTCMonth()];
        case 'mmm':
          return MONTH_NAMES[time.getUTCMonth()].slice(0, 3);
        case 'mm':
          return pad(time.getUTCMonth() + 1);
        case 'm':
          return String(time.getUTCMonth() + 1);
        case 'dddd':
          return DAY_NAMES[time.getUTCDay()];
        case 'ddd':
          return DAY_NAMES[time.getUTCDay()].slice(0, 3);
        case 'dd':
          return pad(time.getUTCDate());
        case 'd':
          return String(time.getUTCDate());
        case 'hh':
          return pad(shownHours);
        case 'h':
          return String(shownHours);
        case 'ss':
          return pad(time.getUTCSeconds());
        case 's':
          return String(time.getUTCSeconds());
        case 'am/pm':
          return hours < 12 ? 'AM' : 'PM';
        case 'a/p':
          return hours < 12 ? 'A' : 'P';
        default:
          return token.startsWith('"')
            ? token.slice(1, -1)
            : token.startsWith('\\')
              ? token.slice(1)
              : token;
      }
    })
    .join('');
}

interface Section {
  readonly prefix: string;
  readonly suffix: string;
  readonly integerZeros: number;
  readonly grouping: boolean;
  readonly minDecimals: number;
  readonly maxDecimals: number;
  readonly percent: boolean;
  readonly scale: number;
  readonly hasNumber: boolean;
  readonly text: string | undefined;
}

const PLACEHOLDERS = new Set(['0', '#', '?', ',', '.']);

function parseSection(format: string): Section {
  const literals: { text: string; placeholder: boolean }[] = [];
  let percent = false;
  let text: string | undefined;
  for (let i = 0; i < format.length; i++) {
    const char = format[i];
    if (char === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      literals.push({ text: format.slice(i + 1, stop), placeholder: false });
      i = stop;
    } else if (char === '\\' && i + 1 < format.length) {
      literals.push({ text: format[i + 1], placeholder: false });
      i++;
    } else if (char === '[') {
      const end = format.indexOf(']', i + 1);
      const inner = end < 0 ? '' : format.slice(i + 1, end);
      // [$€-407] style currency: the text before the dash is the symbol.
      if (inner.startsWith('$'))
        literals.push({ text: inner.slice(1).split('-')[0], placeholder: false });
      i = end < 0 ? format.length : end;
    } else if (char === '_' || char === '*') {
      if (char === '_') literals.push({ text: ' ', placeholder: false });
      i++;
    } else if (char === '@') {
      literals.push({ text: '\u0000', placeholder: false });
      text = '';
    } else if (PLACEHOLDERS.has(char)) {
      literals.push({ text: char, placeholder: true });
    } else {
      if (char === '%') percent = true;
      literals.push({ text: char, placeholder: false });
    }
  }
  const first = literals.findIndex(
    (token) => token.placeholder && token.text !== ',' && token.text !== '.',
  );
  let last = -1;
  for (let i = literals.length - 1; i >= 0; i--) {
    if (literals[i].placeholder) {
      last = i;
      break;
    }
  }
  const join = (tokens: typeof literals): string => tokens.map((token) => token.text).join('');
  if (first < 0) {
    return {
      prefix: join(literals),
      suffix: '',
      integerZeros: 0,
      grouping: false,
      minDecimals: 0,
      maxDecimals: 0,
      percent,
      scale: 1,
      hasNumber: false,
      text,
    };
  }
  const pattern = literals
    .slice(first, last + 1)
    .filter((token) => token.placeholder)
    .map((token) => token.text)
    .join('');
  const dot = pattern.indexOf('.');
  let integerPart = dot < 0 ? pattern : pattern.slice(0, dot);
  const decimalPart = dot < 0 ? '' : pattern.slice(dot + 1).replace(/,/g, '');
  // Trailing commas divide by 1000 each.
  let scale = 1;
  while (integerPart.endsWith(',') && dot < 0) {
    scale /= 1000;
    integerPart = integerPart.slice(0, -1);
  }
  return {
    prefix: join(literals.slice(0, first)),
    suffix: join(literals.slice(last + 1)),
    integerZeros: (integerPart.match(/0/g) ?? []).length,
    grouping: integerPart.includes(','),
    minDecimals: (decimalPart.match(/0/g) ?? []).length,
    maxDecimals: (decimalPart.match(/[0#?]/g) ?? []).length,
    percent,
    scale,
    hasNumber: true,
    text,
  };
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function formatMagnitude(value: number, section: Section): string {
  let scaled = value * section.scale * (section.percent ? 100 : 1);
  if (!Number.isFinite(scaled)) scaled = 0;
  let fixed = scaled.toFixed(section.maxDecimals);
  let [integer, decimals = ''] = fixed.split('.');
  while (decimals.length > section.minDecimals && decimals.endsWith('0'))
    decimals = decimals.slice(0, -1);
  integer = integer.replace(/^0+/, '');
  while (integer.length < section.integerZeros) integer = `0${integer}`;
  if (section.grouping) integer = group(integer);
  fixed = decimals ? `${integer}.${decimals}` : integer;
  return fixed;
}

/** How Sheets shows a number with the General (empty) format, near enough. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const abs = Math.abs(value);
  if (abs !== 0 && (abs < 1e-9 || abs >= 1e15))
    return value.toExponential(4).replace('e+', 'E+').replace('e-', 'E-');
  return String(Number(value.toPrecision(10)));
}

/** A cell's value as Sheets would show it with that number format. */
export function formatValue(value: string | number | boolean | null, format: string): string {
  if (value === null || value === '') return '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const trimmed = format.trim();
  const sections = trimmed.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (typeof value === 'string') {
    const textSection =
      sections.length >= 4
        ? parseSection(sections[3])
        : sections.map(parseSection).find((s) => s.text !== undefined);
    return textSection && textSection.text !== undefined
      ? textSection.prefix.replace('\u0000', value) + textSection.suffix
      : value;
  }
  if (trimmed === '' || /^general$/i.test(trimmed)) return formatGeneral(value);
  if (isDateSection(sections[0])) return formatDate(value, sections[0]);
  let section: Section;
  let sign = '';
  if (value < 0 && sections.length >= 2) section = parseSection(sections[1]);
  else if (value === 0 && sections.length >= 3) section = parseSection(sections[2]);
  else {
    section = parseSection(sections[0]);
    if (value < 0) sign = '-';
  }
  if (section.text !== undefined && !section.hasNumber)
    return section.prefix.replace('\u0000', formatGeneral(value));
  if (!section.hasNumber) return section.prefix;
  const magnitude = formatMagnitude(Math.abs(value), section);
  // No minus sign on a value that rounds to zero.
  if (sign && /^[0.,]*$/.test(magnitude)) sign = '';
  return `${sign}${section.prefix}${magnitude}${section.suffix}`;
}
