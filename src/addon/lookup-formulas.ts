// The shapes a scenario formula takes to read the FT Catalog sheet: a name matched as the
// engine matches names (src/engine/names.ts), a column of the matched row, a model size
// typed as text. The scenario model's lookup nodes render through these; the arithmetic
// around them comes from the model's definitions (src/engine/scenario-model.ts).
import { KEY_ESCAPES, NO_BRACKET, normalizeName } from '../engine';
import type { BracketStep } from '../engine';
import {
  bracketColumns,
  CATALOG_FIRST_ROW,
  CATALOG_SHEET,
  catalogColumn,
  columnLetter,
  headingTexts,
  KEY_LAST_ROW,
  keyColumns,
  STALE_AFTER_CELL,
} from './catalog-sheet';
import type { TableKey } from './catalog-sheet';
import { abs } from './scenario/places';
import { formulaString, sheetRef } from './text';
import { availabilityColumn } from './catalog/availability';

/** The catalog sheet's column (0 = Name) of each row field the scenario reads. */
const FIELD_COLUMNS: Readonly<Record<TableKey, Readonly<Record<string, number>>>> = {
  models: { name: 0, paramsBillions: 1, scale: 2, asOf: 4 },
  methods: {
    name: 0,
    timeFactor: 1,
    flopsPerParamToken: 2,
    weightBytesPerParam: 3,
    trainableFraction: 4,
    stateBytesPerTrainableParam: 5,
    asOf: 7,
  },
  gpus: { name: 0, peakTflopsBf16: 1, memoryGb: 2, speedVsH100: 3, asOf: 5 },
  providers: { name: 0, gpu: 1, pricePerGpuHour: 2, asOf: 5 },
  apis: { name: 0, inputPricePer1K: 1, outputPricePer1K: 2, asOf: 4 },
  managed: {
    name: 0,
    pricePer1MTrainingTokens: 1,
    inferenceApi: 2,
    asOf: 4,
    method: 6,
    upToBillions: 7,
    minimumCharge: 8,
    hostingPerMonth: 9,
  },
};

/** Fields that hold names: text in the engine, so a name typed as a number reads as text. */
const NAME_FIELDS: ReadonlySet<string> = new Set(['name', 'gpu', 'inferenceApi', 'method']);

/** The catalog column a row field is in. */
export function fieldColumn(table: TableKey, field: string): number {
  const column = FIELD_COLUMNS[table][field];
  if (column === undefined) throw new Error(`No catalog column for ${table}.${field}`);
  return column;
}

const CAT = sheetRef(CATALOG_SHEET);

/** A whole catalog column, e.g. 'FT Catalog'!$Y:$Y, read at a sheet row by INDEX. */
export function catCol(table: TableKey, column: number): string {
  const letter = catalogColumn(table, column);
  return `${CAT}!$${letter}:$${letter}`;
}

/** A helper column of the catalog sheet over the rows it covers (src/addon/catalog/keys.ts). */
function keyRange(letter: string): string {
  return `${CAT}!$${letter}$${CATALOG_FIRST_ROW}:$${letter}$${KEY_LAST_ROW}`;
}

/**
 * The engine's name key (src/engine/names.ts) as a formula: lower case, without spaces
 * (ordinary and no-break), tabs and line breaks (CLEAN), "-" and "_"; then written without
 * the characters MATCH reads as wildcards (wildcardFree). Applies to a cell or, inside
 * ARRAYFORMULA, to a whole column.
 */
function normalized(ref: string): string {
  let text = `CLEAN(${ref})`;
  for (const dropped of ['CHAR(160)', '" "', '"-"', '"_"']) {
    text = `SUBSTITUTE(${text},${dropped},"")`;
  }
  return wildcardFree(`LOWER(${text})`);
}

/**
 * A key with ' ~ * ? written as '' 'c 'a 'b (engine: KEY_ESCAPES in src/engine/names.ts): MATCH
 * reads * ? ~ as wildcards in Sheets, Excel and LibreOffice, and escapes them with "~" where
 * HyperFormula cannot; this spelling has none to read, and is one-to-one, so equal keys and
 * a key's starts stay what they were.
 */
function wildcardFree(text: string): string {
  let escaped = text;
  for (const [from, to] of KEY_ESCAPES) {
    escaped = `SUBSTITUTE(${escaped},${formulaString(from)},${formulaString(to)})`;
  }
  return escaped;
}

/** A name cell's key: text normalized; a number is never a name (a size or a rate). */
export function nameKey(ref: string): string {
  return `IF(ISTEXT(${ref}),${normalized(ref)},NA())`;
}

/** A catalog cell's key as the catalog reader keys it: a number is a name too ("4090"). */
export function catalogKey(ref: string): string {
  return normalized(`${ref}&""`);
}

/** The catalog sheet row of a position in the key columns (each key is in its row's row). */
function listedRow(position: string): string {
  return `${CATALOG_FIRST_ROW - 1}+${position}`;
}

/**
 * The catalog name (as written) of the lowest row whose name's key starts with the key in
 * `key`: a comparison over the catalog sheet's name keys, where a row another row of its
 * name overrides, and a row the reader skips as bad, have no key to start.
 */
export function catalogStart(table: TableKey, key: string): string {
  const names = keyRange(keyColumns(table).name);
  // An empty key starts every name: it starts none here.
  return `IF(${key}="",NA(),INDEX(${catCol(table, 0)},${listedRow(`MATCH(TRUE(),ARRAYFORMULA(LEFT(${names},LEN(${key}))=${key}),0)`)})&"")`;
}

/**
 * The catalog sheet row a key picks, by the engine's rules (CatalogIndex): the lowest row
 * whose name or one of whose other names (Also known as) has that key; else the row of the
 * name in `start` when no other name starts with the key. MATCH over the key columns, which
 * hold each name once, at the row the engine uses; a table's title or "Name" header, and a
 * blank key, pick nothing.
 */
export function catalogRow(table: TableKey, key: string, start: string): string {
  const columns = keyColumns(table);
  const names = keyRange(columns.name);
  const headings = headingTexts(table).map(
    (text) => `${key}=${formulaString(normalizeName(text))}`,
  );
  const named = `MATCH(TRUE(),ARRAYFORMULA((${names}=${key})+ISNUMBER(FIND(","&${key}&",",${keyRange(columns.others)}))>0),0)`;
  // How many names start with the key: COUNTIF's "=" and a trailing wildcard (no
  // ARRAYFORMULA). A key holds no * ? ~ of its own: catalogKey writes them as 'a 'b 'c.
  const starts = `COUNTIF(${names},"="&${key}&"*")`;
  const startRow = `MATCH(${catalogKey(start)},${names},0)`;
  return (
    `IF(OR(${key}="",${headings.join(',')}),NA(),` +
    `${listedRow(`IFNA(${named},IF(${starts}=1,${startRow},NA()))`)})`
  );
}

/**
 * A column of a catalog row: `row` is a sheet row (catalogRow), or with `byName` a name
 * written in the catalog (a table row's key cell, a provider's GPU) found by its key.
 */
export function catalogField(table: TableKey, field: string, row: string, byName: boolean): string {
  const at = byName
    ? listedRow(`MATCH(${catalogKey(row)},${keyRange(keyColumns(table).name)},0)`)
    : row;
  const value = `INDEX(${fieldRange(table, field)},${at})`;
  return NAME_FIELDS.has(field) ? `${value}&""` : value;
}

/** The whole catalog column of a row field: a table's own, or its availability column. */
function fieldRange(table: TableKey, field: string): string {
  if (field === 'availableFrom' || field === 'availableUntil') {
    const letter = columnLetter(availabilityColumn(table, field));
    return `${CAT}!$${letter}:$${letter}`;
  }
  return catCol(table, fieldColumn(table, field));
}

/** A date cell as YYYY-MM-DD: Sheets holds a typed date as a number; text keeps its start. */
export function isoDate(ref: string): string {
  return `IF(ISNUMBER(${ref}),TEXT(${ref},"yyyy-mm-dd"),LEFT(${ref},10))`;
}

/**
 * A date cell as Sheets' serial day number (its day: INT), as the engine's dayNumberOf reads it
 * (src/engine/freshness.ts): a number as it is, text YYYY-MM-DD by its parts (DATE rather
 * than DATEVALUE, whose reading of text depends on the locale).
 */
export function dayNumber(ref: string): string {
  return `IF(ISNUMBER(${ref}),INT(${ref}),IF(LEN(${ref})<10,NA(),DATE(VALUE(LEFT(${ref},4)),VALUE(MID(${ref},6,2)),VALUE(MID(${ref},9,2)))))`;
}

/** The catalog sheet's threshold cell, for a scenario formula: 'FT Catalog'!$X$1. */
export const catalogSettingRef = (): string =>
  `${CAT}!${abs(STALE_AFTER_CELL.column, STALE_AFTER_CELL.row)}`;

/**
 * The size at the end of a model name ("Mistral 7B", "Qwen2.5 14 b" give "7", "14"), as the
 * engine's SIZE_IN_NAME reads it: the last word after a space, "-" or "_", ending in "b" (a
 * space before the "b" allowed), without its "b". Its digits are checked by digitsValue.
 */
export function nameEnd(ref: string): string {
  let text = ref;
  for (const space of ['CHAR(9)', 'CHAR(10)', 'CHAR(13)', 'CHAR(160)', '"-"', '"_"']) {
    text = `SUBSTITUTE(${text},${space}," ")`;
  }
  // "|" marks the end, so a final " b" can join its number: "7 b|" becomes "7b|".
  const marked = `SUBSTITUTE(LOWER(TRIM(CLEAN(${text})))&"|"," b|","b|")`;
  const lastWord = `TRIM(RIGHT(SUBSTITUTE(${marked}," ",REPT(" ",99)),99))`;
  return `IF(ISTEXT(${ref}),IF(AND(RIGHT(${lastWord},2)="b|",LEN(${marked})>LEN(${lastWord})),SUBSTITUTE(${lastWord},"b|",""),NA()),NA())`;
}

/**
 * A model size typed in a cell, step one (the engine's SIZE_TEXT, src/engine/names.ts): a
 * number as it is; text with tabs, line breaks and no-break spaces made spaces, control
 * characters dropped, trimmed, in lower case and without one final "b" ("8 B" gives "8").
 * Sheets keeps "8B" as text when typed (only a plain number becomes a number).
 */
export function sizeWord(ref: string): string {
  let text = ref;
  for (const space of [9, 10, 13, 160]) text = `SUBSTITUTE(${text},CHAR(${space})," ")`;
  const lower = `LOWER(TRIM(CLEAN(${text})))`;
  // CLEAN removed every CHAR(1), so one appended marks the end: drop a final "b" before it.
  return `IF(ISNUMBER(${ref}),${ref},IF(ISTEXT(${ref}),TRIM(SUBSTITUTE(SUBSTITUTE(${lower}&CHAR(1),"b"&CHAR(1),""),CHAR(1),"")),NA()))`;
}

/**
 * Step two: a number as it is, or text that is digits with at most one "." between digits
 * ("8", "0.5"), as that number; anything else ("8 5", "1e1", "-5", "") is #N/A. The value
 * is computed from the digits alone (VALUE of "05" / 10^1), so the sheet's locale decimal
 * separator does not matter. Only functions Sheets and HyperFormula both have (no REGEXMATCH).
 */
export function digitsValue(ref: string): string {
  let others = ref;
  for (let digit = 0; digit <= 9; digit++) others = `SUBSTITUTE(${others},"${digit}","")`;
  // Nothing but digits and one "."; and no "." first or last nor an empty text ("||").
  const shaped = `AND(SUBSTITUTE(${others},".","",1)="",ISERROR(FIND("||","|"&SUBSTITUTE(${ref},".","|")&"|")))`;
  const value = `VALUE(SUBSTITUTE(${ref},".",""))/10^MAX(0,LEN(${ref})-FIND(".",${ref}&"."))`;
  return `IF(ISNUMBER(${ref}),${ref},IF(${shaped},${value},NA()))`;
}

/**
 * A managed service's price row for a model (the engine's BracketStep, src/engine/managed.ts),
 * over the catalog's bracket columns (catalog/keys.ts): the key its rows start with
 * (service row, method name), the least score of those that hold the size (prefix, size),
 * and that row (prefix, size, score).
 */
export function bracketLookup(step: BracketStep, args: readonly string[]): string {
  if (step === 'prefix') {
    const [serviceRow, method] = args;
    const rowKeys = keyRange(keyColumns('managed').row);
    return `INDEX(${rowKeys},${serviceRow}-${CATALOG_FIRST_ROW - 1})&"|"&${catalogKey(method)}&"|"`;
  }
  const [prefix, size, score] = args;
  const { key, size: limit } = bracketColumns();
  const keys = keyRange(key);
  const limits = keyRange(limit);
  const none = powerOfTen(NO_BRACKET);
  const anyMethod = `LEFT(${prefix},FIND("|",${prefix}))&"|"`;
  const starts = (start: string): string => `LEFT(${keys},LEN(${start}))=${start}`;
  const scores =
    `ARRAYFORMULA(IF(${limits}>=${size},IF(${starts(prefix)},2*${limits},` +
    `IF(${starts(anyMethod)},2*${limits}+1,${none})),${none}))`;
  if (step === 'score') return `MIN(${scores})`;
  return `IF(${score}>=${none},NA(),${listedRow(`MATCH(${score},${scores},0)`)})`;
}

/** 1e308 as 10^308: HyperFormula reads no exponent in a number literal (1E+308). */
export function powerOfTen(value: number): string {
  return `10^${Math.round(Math.log10(value))}`;
}
