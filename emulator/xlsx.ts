// Writes an emulated workbook as an .xlsx file the way Google Sheets' File → Download →
// Microsoft Excel writes one: formulas in Excel's spelling (functions newer than Excel 2007
// carry the `_xlfn.` prefix; a formula with ARRAYFORMULA becomes an array formula without
// it), no cached values (the reader recalculates), number formats, bold text, fills, column
// widths and frozen rows. Charts are left out. Dev-only (ExcelJS is a devDependency): the
// round-trip test and the playground's download use it; the add-in never does.
import ExcelJS from 'exceljs';
import { columnLetter } from './cells';
import type { Workbook } from './index';

/**
 * Functions Excel files store as `_xlfn.NAME` (added after Excel 2007, Microsoft's list
 * "Issue: An _xlfn. prefix is displayed in front of a formula"); the ones a sheet here may use.
 */
const XLFN_FUNCTIONS = [
  'IFNA',
  'IFS',
  'SWITCH',
  'XLOOKUP',
  'XMATCH',
  'CONCAT',
  'TEXTJOIN',
  'MAXIFS',
  'MINIFS',
  'FILTER',
  'SORT',
  'UNIQUE',
  'SEQUENCE',
  'LET',
  'DAYS',
  'ISOWEEKNUM',
];

const PREFIXED = new RegExp(`(^|[^A-Za-z0-9_.])(${XLFN_FUNCTIONS.join('|')})\\(`, 'g');

/** A formula's parts outside string literals, each passed through `edit`. */
function outsideStrings(formula: string, edit: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : edit(part)))
    .join('');
}

/** The formula with every ARRAYFORMULA(x) replaced by x (string literals left alone). */
function withoutArrayFormula(formula: string): string {
  const WORD = 'ARRAYFORMULA(';
  let out = '';
  // For each open bracket: whether it was an ARRAYFORMULA's (its closing bracket is dropped).
  const dropped: boolean[] = [];
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') inString = !inString;
    if (!inString && formula.startsWith(WORD, i) && !/[A-Za-z0-9_.]/.test(formula[i - 1] ?? '')) {
      dropped.push(true);
      i += WORD.length - 1;
      continue;
    }
    if (!inString && ch === '(') dropped.push(false);
    if (!inString && ch === ')' && dropped.pop()) continue;
    out += ch;
  }
  return out;
}

/** An A1 formula as an Excel file stores it: without "=", `_xlfn.` where Excel needs it. */
export function excelFormula(formula: string): { formula: string; array: boolean } {
  const array = formula.includes('ARRAYFORMULA(');
  const body = (array ? withoutArrayFormula(formula) : formula).replace(/^=/, '');
  return {
    formula: outsideStrings(body, (code) => code.replace(PREFIXED, '$1_xlfn.$2(')),
    array,
  };
}

/** Sheets' column widths are pixels; Excel's are characters of the default font (about 7 px). */
const PIXELS_PER_CHARACTER = 7;

function writeSheet(
  workbook: Workbook,
  name: string,
  sheet: ExcelJS.Worksheet,
  references: (formula: string) => string,
): void {
  const values = workbook.values(name);
  const formulas = workbook.formulas(name);
  const formats = workbook.numberFormats(name);
  const weights = workbook.fontWeights(name);
  const backgrounds = workbook.backgrounds(name);
  const fills = workbook.fills(name);
  values.forEach((row, r) => {
    row.forEach((value, c) => {
      const formula = formulas[r][c];
      if (formula === '' && value === '') return;
      const cell = sheet.getCell(r + 1, c + 1);
      if (formula !== '') {
        const excel = excelFormula(references(formula));
        const address = `${columnLetter(c + 1)}${r + 1}`;
        // No result: the file carries no cached values, so the reader must recalculate.
        cell.value = excel.array
          ? ({ formula: excel.formula, shareType: 'array', ref: address } as ExcelJS.CellValue)
          : ({ formula: excel.formula } as ExcelJS.CellValue);
      } else {
        cell.value = value;
      }
      const format = formats[r][c];
      if (format !== '' && format !== 'General') cell.numFmt = format;
      if (weights[r][c] === 'bold') cell.font = { bold: true };
      if (fills[r][c]) {
        const argb = `FF${backgrounds[r][c].replace('#', '').toUpperCase()}`;
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      }
    });
  });
  for (const [column, pixels] of Object.entries(workbook.columnWidths(name))) {
    sheet.getColumn(Number(column)).width = Math.round((pixels / PIXELS_PER_CHARACTER) * 100) / 100;
  }
  const frozen = workbook.frozenRows(name);
  if (frozen > 0) sheet.views = [{ state: 'frozen', ySplit: frozen }];
}

/** Excel's rules for a sheet's name: at most 31 characters, none of : \\ / ? * [ ]. */
const XLSX_NAME_LENGTH = 31;
const NOT_IN_XLSX_NAMES = /[:\\/?*[\]]/g;

/**
 * Each sheet's name as an .xlsx file may hold it (a Sheets name may be 100 characters long
 * and hold any of those): forbidden characters as "_", cut to 31, made unique with " (2)".
 */
export function xlsxSheetNames(names: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const renamed = new Map<string, string>();
  for (const name of names) {
    const base = name.replace(NOT_IN_XLSX_NAMES, '_').slice(0, XLSX_NAME_LENGTH).trimEnd();
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const suffix = ` (${n})`;
      candidate = `${base.slice(0, XLSX_NAME_LENGTH - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    renamed.set(name, candidate);
  }
  return renamed;
}

/** A formula's references to renamed sheets ('Old name'!A1) pointed at their new names. */
function withSheetNames(formula: string, renamed: ReadonlyMap<string, string>): string {
  let out = formula;
  for (const [from, to] of renamed) {
    if (from === to) continue;
    const quoted = (name: string): string => `'${name.replace(/'/g, "''")}'!`;
    out = out.split(quoted(from)).join(quoted(to));
  }
  return out;
}

/** The workbook as the bytes of an .xlsx file (every sheet, in order). */
export async function workbookToXlsx(workbook: Workbook): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const renamed = xlsxSheetNames(workbook.sheetNames());
  for (const [name, xlsxName] of renamed) {
    writeSheet(workbook, name, book.addWorksheet(xlsxName), (formula) =>
      withSheetNames(formula, renamed),
    );
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
