// The shapes a scenario formula takes to read the FT Catalog sheet: a name matched as the
// engine matches names (src/engine/names.ts), a column of the matched row, a model size
// typed as text. The scenario model's lookup nodes render through these; the arithmetic
// around them comes from the model's definitions (src/engine/scenario-model.ts).
import { normalizeName } from '../engine';
import {
  CATALOG_SHEET,
  CATALOG_TABLES,
  catalogColumn,
  headingTexts,
  NOTE_START,
} from './catalog-sheet';
import type { TableKey } from './catalog-sheet';
import { formulaString, sheetRef } from './text';

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
  managed: { name: 0, pricePer1MTrainingTokens: 1, inferenceApi: 2, asOf: 4 },
};

function tableColumns(table: TableKey): readonly string[] {
  const spec = CATALOG_TABLES.find((candidate) => candidate.key === table);
  if (!spec) throw new Error(`No catalog table ${table}`);
  return spec.columns;
}

/** The catalog column a row field is in. */
export function fieldColumn(table: TableKey, field: string): number {
  const column = FIELD_COLUMNS[table][field];
  if (column === undefined) throw new Error(`No catalog column for ${table}.${field}`);
  return column;
}

const CAT = sheetRef(CATALOG_SHEET);

/** A whole catalog column, e.g. 'FT Catalog'!$Y:$Y: rows a user adds count. */
export function catCol(table: TableKey, column: number): string {
  const letter = catalogColumn(table, column);
  return `${CAT}!$${letter}:$${letter}`;
}

/**
 * The engine's name key (src/engine/names.ts) as a formula: lower case, without spaces
 * (ordinary and no-break), tabs and line breaks (CLEAN), "-" and "_". Applies to a cell or,
 * inside ARRAYFORMULA, to a whole column.
 */
function normalized(ref: string): string {
  let text = `CLEAN(${ref})`;
  for (const dropped of ['CHAR(160)', '" "', '"-"', '"_"']) {
    text = `SUBSTITUTE(${text},${dropped},"")`;
  }
  return `LOWER(${text})`;
}

/** A name cell's key: text normalized; a number is never a name (a size or a rate). */
export function nameKey(ref: string): string {
  return `IF(ISTEXT(${ref}),${normalized(ref)},NA())`;
}

/** The catalog sheet's Also known as column of a table (its last column). */
function aliasColumn(table: TableKey): string {
  return catCol(table, tableColumns(table).length - 1);
}

/**
 * The catalog name (as written in its lowest row) whose key starts with the key in `key`.
 * XLOOKUP searching from the last row (search mode -1), matching exactly (mode 0, no
 * wildcards: * ? ~ in a name are themselves), in Sheets as in HyperFormula.
 */
export function catalogStart(table: TableKey, key: string): string {
  const names = catCol(table, 0);
  const keys = normalized(names);
  // An empty key starts every name: it starts none here.
  return `IF(${key}="",NA(),XLOOKUP(TRUE(),ARRAYFORMULA((LEFT(${keys},LEN(${key}))=${key})${notHeadings(table)}>0),${names},NA(),0,-1))`;
}

/**
 * "*(names<>"Models")*...": 0 for the rows above a table's rows (its title, its headers and,
 * above the models, the sheet's note, compared as written), so a start matches none of them.
 */
function notHeadings(table: TableKey): string {
  const names = catCol(table, 0);
  const texts = headingTexts(table).map((text) => `*(${names}<>${formulaString(text)})`);
  const note =
    table === 'models'
      ? `*(LEFT(${names},${NOTE_START.length})<>${formulaString(NOTE_START)})`
      : '';
  return texts.join('') + note;
}

/**
 * The catalog name a key picks, by the engine's rules (CatalogIndex): the lowest row whose
 * name or one of whose other names (Also known as, comma-separated) has that key; else the
 * name in `start` when no row of another name starts with the key. A blank key, or a table's
 * title or "Name" header, picks nothing (a row above the table would read as zeros).
 */
export function catalogRowName(table: TableKey, key: string, start: string): string {
  const names = catCol(table, 0);
  const keys = normalized(names);
  const headings = headingTexts(table).map(
    (text) => `${key}=${formulaString(normalizeName(text))}`,
  );
  const named = `ARRAYFORMULA((${keys}=${key})+ISNUMBER(FIND(","&${key}&",",","&${normalized(aliasColumn(table))}&","))>0)`;
  const othersStart = `SUM(ARRAYFORMULA((LEFT(${keys},LEN(${key}))=${key})*(${keys}<>${normalized(start)})${notHeadings(table)}))`;
  return (
    `IF(OR(${key}="",${headings.join(',')}),NA(),` +
    `IFNA(XLOOKUP(TRUE(),${named},${names},NA(),0,-1),IF(${othersStart}=0,${start},NA())))`
  );
}

/**
 * A column of the lowest catalog row whose name is `name` (ignoring case): a scenario's
 * own lookups pass the catalog's spelling (catalogRowName), a table row its key cell.
 */
export function catalogField(table: TableKey, column: number, name: string): string {
  return `XLOOKUP(${name},${catCol(table, 0)},${catCol(table, column)},NA(),0,-1)`;
}

/** A column of the lowest catalog row whose key is `key` (for names written loosely). */
export function catalogFieldByKey(table: TableKey, column: number, key: string): string {
  const names = catCol(table, 0);
  return `XLOOKUP(${key},ARRAYFORMULA(${normalized(names)}),${catCol(table, column)},NA(),0,-1)`;
}

/** A date cell as YYYY-MM-DD: Sheets holds a typed date as a number; text keeps its start. */
export function isoDate(ref: string): string {
  return `IF(ISNUMBER(${ref}),TEXT(${ref},"yyyy-mm-dd"),LEFT(${ref},10))`;
}

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
