// The shapes a scenario formula takes to read the FT Catalog sheet: a name matched as the
// engine matches names (src/engine/names.ts), a column of the matched row, a model size
// typed as text. The scenario model's lookup nodes render through these; the arithmetic
// around them comes from the model's definitions (src/engine/scenario-model.ts).
import { normalizeName } from '../engine';
import { CATALOG_SHEET, catalogColumn, headingTexts } from './catalog-sheet';
import type { TableKey } from './catalog-sheet';
import { formulaString, sheetRef } from './text';

/** The catalog sheet's column (0 = Name) of each row field the scenario reads. */
const FIELD_COLUMNS: Readonly<Record<TableKey, Readonly<Record<string, number>>>> = {
  models: { name: 0, paramsBillions: 1, scale: 2 },
  methods: {
    name: 0,
    timeFactor: 1,
    flopsPerParamToken: 2,
    weightBytesPerParam: 3,
    trainableFraction: 4,
    stateBytesPerTrainableParam: 5,
  },
  gpus: { name: 0, peakTflopsBf16: 1, memoryGb: 2, speedVsH100: 3 },
  providers: { name: 0, gpu: 1, pricePerGpuHour: 2 },
  apis: { name: 0, inputPricePer1K: 1, outputPricePer1K: 2 },
  managed: { name: 0, pricePer1MTrainingTokens: 1, inferenceApi: 2 },
};

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
 * The engine's normalizeName (src/engine/names.ts) as a formula: lower case, without spaces
 * (ordinary and no-break), tabs and line breaks (CLEAN), "-" and "_". Applies to a cell or,
 * inside ARRAYFORMULA, to a whole column; a number becomes its text, as the engine reads a
 * number typed as a catalog name.
 */
function normalized(ref: string): string {
  let text = `CLEAN(${ref})`;
  for (const dropped of ['CHAR(160)', '" "', '"-"', '"_"']) {
    text = `SUBSTITUTE(${text},${dropped},"")`;
  }
  return `LOWER(${text})`;
}

/**
 * The row of a catalog table whose name matches `key` as the engine matches names: the
 * first row whose normalized name equals the key's. The engine keeps the first row of a
 * name too (readCatalogGrid warns about the others), so both pick the same row. A key that
 * normalizes to "" ("-", a blank) matches nothing, not a blank row. With `textOnly` a number
 * matches no name at all: in an input cell it is a size or a rate (the caller's IFERROR).
 */
export function matchRow(table: TableKey, key: string, textOnly: boolean): string {
  const name = normalized(key);
  // MATCH(TRUE(), names = key): "=" compares text as it is, where MATCH's own comparison
  // reads *, ? and ~ in a name as wildcards in Sheets (and would pick the wrong row).
  // A key that is blank or a heading ("Models", "Name") would find a row above the table's
  // rows and read its blank as zero: it matches nothing instead.
  const headings = headingTexts(table).map(
    (text) => `${name}=${formulaString(normalizeName(text))}`,
  );
  const found = `IF(OR(${name}="",${headings.join(',')}),NA(),MATCH(TRUE(),ARRAYFORMULA(${normalized(catCol(table, 0))}=${name}),0))`;
  return textOnly ? `IF(ISTEXT(${key}),${found},NA())` : found;
}

/** A column of the catalog row `key` names (see matchRow). */
export function lookup(table: TableKey, column: number, key: string, textOnly = false): string {
  return `INDEX(${catCol(table, column)},${matchRow(table, key, textOnly)})`;
}

/**
 * The model size an input cell holds, as the engine reads one (CatalogIndex.model): a number,
 * or text that is a size in billions by the engine's SIZE_TEXT (src/engine/names.ts), such as
 * "8B", "8 b", " 8 " or "0.5B"; anything else is #N/A. Sheets keeps "8B" as text when typed
 * (only a plain number becomes a number), so the formula reads the text: spaces, tabs, line
 * breaks and no-break spaces around it and before the "b" are dropped, then what is left must
 * be digits with at most one "." between digits. The value is computed from the digits alone
 * (VALUE of "05" / 10^1), so the sheet's locale decimal separator does not matter. "-5B" is
 * not read (the engine refuses a negative size anyway): it is an error either way.
 * Only functions both Sheets and HyperFormula evaluate (no REGEXMATCH, no LET).
 */
export function modelSize(ref: string): string {
  let text = ref;
  for (const space of [9, 10, 13, 160]) text = `SUBSTITUTE(${text},CHAR(${space})," ")`;
  const lower = `LOWER(TRIM(CLEAN(${text})))`;
  // CLEAN removed every CHAR(1), so one appended marks the end: drop a final "b" before it.
  const number = `TRIM(SUBSTITUTE(SUBSTITUTE(${lower}&CHAR(1),"b"&CHAR(1),""),CHAR(1),""))`;
  let others = number;
  for (let digit = 0; digit <= 9; digit++) others = `SUBSTITUTE(${others},"${digit}","")`;
  // Nothing but digits and one "."; and no "." first or last nor an empty text ("||").
  const shaped = `AND(SUBSTITUTE(${others},".","",1)="",ISERROR(FIND("||","|"&SUBSTITUTE(${number},".","|")&"|")))`;
  const value = `VALUE(SUBSTITUTE(${number},".",""))/10^MAX(0,LEN(${number})-FIND(".",${number}&"."))`;
  return `IF(ISNUMBER(${ref}),${ref},IF(${shaped},${value},NA()))`;
}
